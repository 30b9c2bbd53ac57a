"""The playbook file format, and loading it: YAML → validated pydantic models.

A playbook is one journey's policy as a person would write it: the facts it needs, and
ordered rules ("when these facts hold, take these steps, for this reason"). Loading checks
everything that can be checked before a case is seen: the fields, the action names, the
parameter names of each action, and every fact a condition, amount or template names.
"""

from __future__ import annotations

import hashlib
import re
import string
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, model_validator

from console.domain.actions import ACTION_TYPES
from console.domain.errors import InvalidInput, Issue
from console.domain.kinds import ActionKind, Journey, Tier
from console.resources import resource_path

from .facts_view import KNOWN_FACTS

__all__ = [
    "LANGUAGES",
    "AmountSpec",
    "Common",
    "Condition",
    "Playbook",
    "PlaybookSet",
    "Rule",
    "StepSpec",
    "load_playbooks",
]

LANGUAGES = ("en", "zh", "de", "es")


def _languages(value: dict[str, str]) -> dict[str, str]:
    unknown = sorted(set(value) - set(LANGUAGES))
    if unknown:
        raise ValueError(f"unknown language(s) {unknown}; use {list(LANGUAGES)}")
    if "en" not in value:
        raise ValueError("an English (en) text is required as the fallback")
    return value


Localised = Annotated[dict[str, str], AfterValidator(_languages)]
_REF = re.compile(r"^\$([a-z_]+)$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Condition(_Strict):
    eq: str | int | bool | None = None
    ne: str | int | bool | None = None
    gt: int | None = None
    gte: int | None = None
    lt: int | None = None
    lte: int | None = None
    in_: list[str] | None = Field(default=None, alias="in")
    present: bool | None = None


class AmountSpec(_Strict):
    """How much money a step moves, computed from the facts.

    Exactly one base: ``of`` (a money fact, optionally a share of it, by tier), ``fixed``
    (an amount per currency) or ``per_day`` (an amount per currency for each day of
    ``days``). ``tier_factor`` scales fixed and per-day amounts; ``cap`` limits the result
    (per currency).
    """

    of: str | None = None
    share: Decimal = Decimal(1)
    share_by_tier: dict[Tier, Decimal] | None = None
    fixed: dict[str, Decimal] | None = None
    per_day: dict[str, Decimal] | None = None
    days: str = "delay_days"
    tier_factor: dict[Tier, Decimal] | None = None
    cap: dict[str, Decimal] | None = None

    @model_validator(mode="after")
    def _one_base(self) -> AmountSpec:
        bases = [b for b in (self.of, self.fixed, self.per_day) if b is not None]
        if len(bases) != 1:
            raise ValueError("give exactly one of 'of', 'fixed' or 'per_day'")
        return self


class StepSpec(_Strict):
    action: ActionKind
    params: dict[str, Any]
    note: str | None = None
    as_: str | None = Field(default=None, alias="as")  # name the step's amount for templates

    @model_validator(mode="after")
    def _known_params(self) -> StepSpec:
        fields = set(ACTION_TYPES[self.action].params_model.model_fields)
        unknown = set(self.params) - fields
        if unknown:
            raise ValueError(
                f"{self.action.value} has no parameter(s) {sorted(unknown)}; "
                f"it takes {sorted(fields)}"
            )
        if isinstance(self.params.get("amount"), dict):
            AmountSpec.model_validate(self.params["amount"])
        return self


class AlternativeSpec(_Strict):
    do: str
    why_not: str


class Rule(_Strict):
    id: str = Field(pattern=r"^[a-z0-9_]+$")
    clause: str = Field(min_length=1, max_length=500)
    when: dict[str, Condition | str | int | bool] = Field(default_factory=dict)
    claim: str
    cite: list[str] = Field(default_factory=list)  # facts whose events support the claim
    steps: list[StepSpec] = Field(default_factory=list)
    alternatives: list[AlternativeSpec] = Field(default_factory=list)
    questions: list[str] = Field(default_factory=list)  # for the agent
    say: Localised | None = None  # what the reply tells the customer
    ask_customer: Localised | None = None
    summary: str | None = None
    final: bool = False  # no later rule is considered


class Playbook(_Strict):
    journey: Journey
    title: str
    version: int = Field(ge=1)
    needs: list[str]
    ask: dict[str, str] = Field(default_factory=dict)  # question when a needed fact is missing
    defaults: dict[str, dict[str, Decimal]] = Field(default_factory=dict)  # money, by currency
    summary: str
    rules: list[Rule] = Field(min_length=1)


class Common(_Strict):
    """Wording shared by every playbook's reply to the customer."""

    greeting: Localised
    closing: Localised
    questions_intro: Localised
    actions: dict[str, Localised]
    subject: Localised
    names: dict[str, dict[str, str]] = Field(default_factory=dict)


class PlaybookSet(_Strict):
    common: Common
    playbooks: dict[Journey, Playbook]
    digest: str  # SHA-256 of the files' bytes, in name order


def _placeholders(text: str) -> set[str]:
    names: set[str] = set()
    for _, field, _, _ in string.Formatter().parse(text):
        if field:
            names.add(field)
    return names


def _texts(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [t for v in value.values() for t in _texts(v)]
    if isinstance(value, list):
        return [t for v in value for t in _texts(v)]
    return []


def _check_names(book: Playbook) -> list[tuple[str, str]]:
    """Fact names a playbook uses that no fact, default or earlier step defines."""
    known = set(KNOWN_FACTS) | set(book.defaults)
    problems: list[tuple[str, str]] = []

    def check(where: str, names: set[str]) -> None:
        for name in sorted(names - known):
            problems.append((where, f"unknown fact {name!r}"))

    for i, name in enumerate(book.needs):
        check(f"needs[{i}]", {name})
    check("ask", set(book.ask))
    check("summary", _placeholders(book.summary))
    for r, rule in enumerate(book.rules):
        at = f"rules[{r}] ({rule.id})"
        check(f"{at}.when", set(rule.when))
        check(f"{at}.cite", set(rule.cite))
        for s, step in enumerate(rule.steps):
            for key, value in step.params.items():
                where = f"{at}.steps[{s}].params.{key}"
                if isinstance(value, dict) and key == "amount":
                    spec = AmountSpec.model_validate(value)
                    check(where, {n for n in (spec.of, spec.days) if n})
                    continue
                for text in _texts(value):
                    ref = _REF.match(text)
                    check(where, {ref.group(1)} if ref else _placeholders(text))
            if step.as_:
                known.add(step.as_)
        texts = [rule.claim, rule.summary or "", *rule.questions]
        texts += _texts(rule.say or {}) + _texts(rule.ask_customer or {})
        texts += [t for a in rule.alternatives for t in (a.do, a.why_not)]
        check(at, {n for t in texts for n in _placeholders(t)})
    return problems


def _issues(path: Path, exc: ValidationError) -> list[Issue]:
    return [
        Issue(path.name, ".".join(str(p) for p in err["loc"]), err["msg"]) for err in exc.errors()
    ]


def _read(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InvalidInput(
            f"playbook {path.name} cannot be read", [Issue(path.name, "", exc.strerror or str(exc))]
        ) from None
    except yaml.YAMLError as exc:
        raise InvalidInput(
            f"playbook {path.name} is not valid YAML", [Issue(path.name, "", str(exc))]
        ) from None


def load_playbooks(folder: Path | None = None) -> PlaybookSet:
    """Load and check ``_common.yaml`` and one playbook per journey from ``folder``.

    Raises :class:`InvalidInput` naming the file and field of every problem found.
    """
    folder = folder or resource_path("playbooks")
    issues: list[Issue] = []
    digest = hashlib.sha256()
    common: Common | None = None
    books: dict[Journey, Playbook] = {}
    for journey in sorted(Journey, key=lambda j: j.value):
        path = folder / f"{journey.value}.yaml"
        if not path.is_file():
            issues.append(Issue(path.name, "", "the playbook file is missing"))
    for path in sorted(folder.glob("*.yaml")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
        data = _read(path)
        try:
            if path.stem == "_common":
                common = Common.model_validate(data)
                continue
            book = Playbook.model_validate(data)
        except ValidationError as exc:
            issues += _issues(path, exc)
            continue
        if book.journey.value != path.stem:
            why = f"{book.journey.value!r} is not {path.stem!r}"
            issues.append(Issue(path.name, "journey", why))
        issues += [Issue(path.name, where, why) for where, why in _check_names(book)]
        books[book.journey] = book
    if common is None and not any(i.source == "_common.yaml" for i in issues):
        issues.append(Issue("_common.yaml", "", "the shared wording file is missing"))
    if issues or common is None:
        raise InvalidInput("the playbooks have problems", issues)
    return PlaybookSet(common=common, playbooks=books, digest=digest.hexdigest())
