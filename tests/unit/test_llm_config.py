"""Wiring the planner from settings and the keyring; the ``tandem llm`` commands."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from console.ai.llm import LlmPlanner
from console.ai.playbooks import PlaybookPlanner
from console.app import LLM_KEY_ENV, LLM_KEY_NAME, build_planner, open_services
from console.cli import main
from console.connectors.secrets import SERVICE, SessionSecrets
from console.domain.proposal import Proposal
from console.services.settings import Settings
from tests.unit.test_secrets import MemoryKeyring

KEY = "sk-test-Qw3rTy9uIoP"
UNREACHABLE = "http://127.0.0.1:9/v1"  # the discard port: nothing listens


@pytest.fixture
def backend(monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    monkeypatch.delenv(LLM_KEY_ENV, raising=False)
    original = keyring.get_keyring()
    fake = MemoryKeyring()
    keyring.set_keyring(fake)
    try:
        yield fake
    finally:
        keyring.set_keyring(original)


@pytest.fixture
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv(LLM_KEY_ENV, raising=False)
    original = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        yield
    finally:
        keyring.set_keyring(original)


def _stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(text))


def _files_containing(folder: Path, text: str) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and text.encode() in p.read_bytes()]


LLM = Settings(planner="llm", llm_base_url=UNREACHABLE, llm_model="m")


# --- the factory -----------------------------------------------------------------------------


def test_factory_builds_the_playbook_planner_by_default(backend: MemoryKeyring) -> None:
    assert isinstance(build_planner(Settings()), PlaybookPlanner)


def test_factory_builds_the_llm_planner_with_the_keyring_key(backend: MemoryKeyring) -> None:
    backend.set_password(SERVICE, LLM_KEY_NAME, KEY)
    planner = build_planner(LLM)
    assert isinstance(planner, LlmPlanner)
    assert planner._api_key == KEY
    assert isinstance(planner.fallback, PlaybookPlanner)
    assert KEY not in repr(planner)


def test_environment_key_wins_over_the_keyring(
    backend: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    backend.set_password(SERVICE, LLM_KEY_NAME, "from-keyring")
    monkeypatch.setenv(LLM_KEY_ENV, KEY)
    planner = build_planner(LLM)
    assert isinstance(planner, LlmPlanner)
    assert planner._api_key == KEY


def test_session_secrets_feed_the_factory(no_keyring: None) -> None:
    secrets = SessionSecrets()
    secrets.set(LLM_KEY_NAME, KEY)
    planner = build_planner(LLM, secrets=secrets)
    assert isinstance(planner, LlmPlanner)
    assert planner._api_key == KEY


def test_services_build_the_planner_from_settings_on_first_use(
    backend: MemoryKeyring, data_dir: Path
) -> None:
    services = open_services(data_dir)
    try:
        services.settings.update(planner="llm", llm_base_url=UNREACHABLE, llm_model="m")
        assert isinstance(services.planning._planner, LlmPlanner)  # type: ignore[attr-defined]
    finally:
        services.close()
    settings_text = (data_dir / "settings.json").read_text()
    assert "api" not in json.loads(settings_text)


# --- tandem llm --------------------------------------------------------------------------------


def test_configure_status_set_key_clear_key(
    backend: MemoryKeyring,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["llm", "configure", "--url", UNREACHABLE, "--model", "m:8b"]) == 0
    saved = json.loads((data_dir / "settings.json").read_text())
    assert (saved["planner"], saved["llm_base_url"], saved["llm_model"]) == (
        "llm",
        UNREACHABLE,
        "m:8b",
    )
    _stdin(monkeypatch, KEY + "\n")
    assert main(["llm", "set-key"]) == 0
    assert backend.passwords == {(SERVICE, LLM_KEY_NAME): KEY}
    capsys.readouterr()
    assert main(["llm", "status"]) == 0
    out = capsys.readouterr().out
    assert "planner: llm" in out
    assert UNREACHABLE in out
    assert "stored in the OS keyring" in out
    assert KEY not in out
    assert _files_containing(data_dir, KEY) == []
    assert main(["llm", "clear-key"]) == 0
    assert backend.passwords == {}
    assert main(["llm", "configure", "--planner", "playbook"]) == 0
    assert json.loads((data_dir / "settings.json").read_text())["planner"] == "playbook"


def test_configure_refuses_a_bad_url(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["llm", "configure", "--url", "ftp://x", "--model", "m"]) == 2
    assert "llm_base_url" in capsys.readouterr().err
    assert not (data_dir / "settings.json").exists()


def test_set_key_without_a_keyring_refuses_and_writes_nothing(
    no_keyring: None,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _stdin(monkeypatch, KEY + "\n")
    assert main(["llm", "set-key"]) == 1
    err = capsys.readouterr().err
    assert "no keyring service" in err
    assert "the key was not stored" in err
    assert "never writes secrets in plain text" in err
    assert LLM_KEY_ENV in err
    assert KEY not in err
    if data_dir.exists():
        assert _files_containing(data_dir, KEY) == []
    assert main(["llm", "status"]) == 0
    assert "no keyring service" in capsys.readouterr().out


def test_empty_key_is_refused(
    backend: MemoryKeyring, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _stdin(monkeypatch, "\n")
    assert main(["llm", "set-key"]) == 2
    assert backend.passwords == {}


# --- tandem plan -------------------------------------------------------------------------------


def _case_file(tmp_path: Path) -> Path:
    from datetime import UTC, datetime

    from console.services.demo import generate_case

    cf = generate_case(7, 0, anchor=datetime(2026, 3, 1, tzinfo=UTC))
    path = tmp_path / "case.json"
    path.write_text(cf.model_dump_json(), encoding="utf-8")
    return path


def test_plan_llm_uses_the_settings_and_falls_back_visibly(
    backend: MemoryKeyring,
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["llm", "configure", "--url", UNREACHABLE, "--model", "m"]) == 0
    capsys.readouterr()
    assert main(["plan", str(_case_file(tmp_path)), "--planner", "llm"]) == 0
    proposal = Proposal.model_validate(json.loads(capsys.readouterr().out))
    assert "fallback" in proposal.planner.name
    assert proposal.reasoning[0].claim.startswith("The language model could not be used")


def test_plan_follows_the_planner_setting(
    backend: MemoryKeyring, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["llm", "configure", "--url", UNREACHABLE, "--model", "m"]) == 0
    capsys.readouterr()
    assert main(["plan", str(_case_file(tmp_path))]) == 0
    assert "fallback" in json.loads(capsys.readouterr().out)["planner"]["name"]
    assert main(["plan", str(_case_file(tmp_path)), "--planner", "playbook"]) == 0
    assert json.loads(capsys.readouterr().out)["planner"]["name"] == "playbook"


def test_plan_llm_without_settings_or_options_is_explained(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["plan", str(_case_file(tmp_path)), "--planner", "llm"]) == 2
    assert "tandem llm configure" in capsys.readouterr().err


def test_llm_subcommands_explain_themselves(capsys: pytest.CaptureFixture[str]) -> None:
    for action in ("configure", "set-key", "status", "clear-key"):
        with pytest.raises(SystemExit):
            main(["llm", action, "--help"])
        assert "usage: tandem llm" in capsys.readouterr().out
