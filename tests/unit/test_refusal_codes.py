"""Refusals a person can meet in the console carry a message code and their values beside
the English sentence, so the console can word them in the person's language; the sentence
(``str(error)``: logs, the command line) is unchanged. No Qt here."""

from __future__ import annotations

import ast
import pickle
from pathlib import Path

import pytest

from console.domain.errors import ConflictError, MessageCode, TandemError
from console.domain.kinds import Role
from console.services.roles import Capability, NotPermitted, Principal, Who, require

SERVICES = Path(__file__).resolve().parents[2] / "console" / "services"
REFUSALS = {"NotPermitted", "ConflictError", "NotFound"}
# InvalidInput is also a refusal where a person decides (elsewhere it lists a file's problems).
DECIDING = {"decisions.py": REFUSALS | {"InvalidInput"}}


def _uncoded(path: Path, kinds: set[str]) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in kinds
            and not any(k.arg == "code" for k in node.keywords)
        ):
            found.append(f"{path.name}:{node.lineno} {node.func.id}")
    return found


def test_every_refusal_the_services_raise_has_a_code() -> None:
    missing = []
    for path in sorted(SERVICES.glob("*.py")):
        missing += _uncoded(path, DECIDING.get(path.name, REFUSALS))
    assert not missing, "refusals without a MessageCode: " + ", ".join(missing)


@pytest.mark.parametrize(
    ("principal", "sandbox", "code", "sentence"),
    [
        (
            Principal("a1", "Ann", Role.AGENT),
            False,
            MessageCode.NOT_PERMITTED,
            "Ann (agent) may not pause ai: only supervisors may.",
        ),
        (
            Principal("t1", "Tess", Role.TRAINER),
            False,
            MessageCode.NOT_PERMITTED_OUTSIDE_SANDBOX,
            "Tess (trainer) may not pause ai outside the sandbox: only supervisors may.",
        ),
    ],
)
def test_a_role_refusal_names_who_may_and_keeps_its_sentence(
    principal: Principal, sandbox: bool, code: MessageCode, sentence: str
) -> None:
    with pytest.raises(NotPermitted) as caught:
        require(principal, Capability.PAUSE_AI, sandbox=sandbox)
    error = caught.value
    assert str(error) == sentence
    assert error.code is code
    assert error.params == {
        "name": principal.name,
        "role": principal.role.value,
        "capability": "pause_ai",
        "who": Who.SUPERVISORS.value,
    }


def test_an_error_keeps_its_code_and_values_across_a_pickle() -> None:
    error = ConflictError(
        "No longer waiting: p1/s1.", code=MessageCode.NO_LONGER_WAITING, params={"items": ["p1/s1"]}
    )
    copy = pickle.loads(pickle.dumps(error))
    assert (str(copy), copy.code, copy.params) == (str(error), error.code, error.params)
    plain = pickle.loads(pickle.dumps(TandemError("plain")))
    assert (plain.code, plain.params) == (None, {})
