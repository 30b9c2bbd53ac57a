"""The policy engine: which autonomy level each plan step gets under the authority map.

Pure and deterministic. The map (:class:`~console.domain.authority.AuthorityPolicy`) is
data: rules are tried in order and the first whose action and conditions match decides;
its last rule is a catch-all. Nothing but the map grants authority — not the planner, not
the text of a step, not the UI.

* Money is compared as :class:`~decimal.Decimal` in the step's own currency, never as a
  float and never converted: a band holds only for the currencies it lists, so a step in an
  unlisted currency is never allowed by an "up to" band.
* Cumulative totals: the money already approved or executed on the case and by the agent
  today (from the :class:`EvaluationContext`), plus every earlier money step of the same
  plan (whatever its own verdict, which can only make a later step stricter), plus the step.
* Money taken back (a credit reversed: a negative amount) is judged by its size against
  the per-step bands, so taking a credit back needs the authority giving it needed; it
  adds nothing to the totals and takes nothing off them, so it never frees room under a cap.
* :func:`may_approve` says whether a role may approve a step at a given level.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from console.domain.actions import (
    ACTION_TYPES,
    AccountCreditStep,
    AdjustInventoryStep,
    NotifyLogisticsStep,
    PlanStep,
    RefundStep,
    ReshipStep,
    step_amount,
)
from console.domain.authority import (
    AuthorityPolicy,
    AuthorityRule,
    AutonomyLevel,
    Band,
    Role,
    Verdict,
)
from console.domain.base import Money, SignedMoney
from console.domain.errors import InvalidInput, Issue
from console.domain.kinds import Journey, SentimentLabel, Tier
from console.resources import resource_path

__all__ = [
    "DEFAULT_POLICY_FILE",
    "EvaluationContext",
    "default_policy",
    "evaluate",
    "evaluate_plan",
    "load_policy",
    "may_approve",
    "parse_policy",
]

DEFAULT_POLICY_FILE = ("policies", "default.yaml")

_NEEDS_MONEY = (
    "max_amount",
    "min_amount",
    "max_case_total",
    "min_case_total",
    "max_agent_daily_total",
    "min_agent_daily_total",
)
_NEEDS_ORDER = ("max_order_value", "min_order_value")


@dataclass(frozen=True)
class EvaluationContext:
    """What the engine knows about the case, the customer and the approver.

    ``spent_case``: money already approved or executed on this case, per currency.
    ``spent_today``: money the approving agent has approved today, per currency.
    The case's references (``order_ids`` …) are ``None`` when not known; when given, a step
    naming anything outside them is a foreign reference.
    """

    journey: Journey | None = None
    tier: Tier | None = None
    sentiment: SentimentLabel | None = None
    spent_case: Mapping[str, Decimal] = field(default_factory=dict)
    spent_today: Mapping[str, Decimal] = field(default_factory=dict)
    role: Role = Role.AGENT
    sandbox: bool = False
    customer_id: str | None = None
    order_ids: frozenset[str] | None = None
    payment_ids: frozenset[str] | None = None
    shipment_ids: frozenset[str] | None = None
    subscription_ids: frozenset[str] | None = None
    order_values: Mapping[str, Money] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for name in ("spent_case", "spent_today"):
            totals: Mapping[str, Decimal] = getattr(self, name)
            for currency, amount in totals.items():
                if not isinstance(amount, Decimal) or amount < 0 or not amount.is_finite():
                    raise ValueError(f"{name}[{currency}] must be a non-negative Decimal")

    def plus(self, money: SignedMoney) -> EvaluationContext:
        """This context with ``money`` added to the case's and the agent's day's totals
        (money taken back adds nothing)."""
        if money.amount <= 0:
            return self
        return replace(
            self,
            spent_case=_add(self.spent_case, money),
            spent_today=_add(self.spent_today, money),
        )


def _add(totals: Mapping[str, Decimal], money: SignedMoney) -> dict[str, Decimal]:
    out = dict(totals)
    out[money.currency] = out.get(money.currency, Decimal(0)) + money.amount
    return out


# --- approving -------------------------------------------------------------------------

_APPROVES: dict[Role, frozenset[AutonomyLevel]] = {
    Role.AGENT: frozenset({AutonomyLevel.AGENT}),
    Role.SUPERVISOR: frozenset({AutonomyLevel.AGENT, AutonomyLevel.SUPERVISOR}),
    Role.TRAINER: frozenset({AutonomyLevel.AGENT, AutonomyLevel.SUPERVISOR}),  # sandbox only
}
_RUNS_ALONE = frozenset({AutonomyLevel.AUTO, AutonomyLevel.AUTO_WITH_UNDO})


def may_approve(role: Role, level: AutonomyLevel, *, sandbox: bool = False) -> bool:
    """Whether ``role`` may approve (or let run) a step the map put at ``level``.

    An agent approves ``agent`` steps; a supervisor approves ``agent`` and ``supervisor``
    steps; a trainer acts only in the sandbox, there as a supervisor. Nobody approves
    ``forbid``; ``suggest`` means a human must do it outside Tandem. Steps the map lets run
    alone (``auto``, ``auto_with_undo``) need no approval, so any role acting may let them.
    """
    if role is Role.TRAINER and not sandbox:
        return False
    if level in _RUNS_ALONE:
        return True
    return level in _APPROVES[role]


# --- evaluating ------------------------------------------------------------------------


def _units(step: PlanStep) -> int | None:
    if isinstance(step, ReshipStep):
        return sum(item.quantity for item in step.params.items)
    if isinstance(step, AdjustInventoryStep):
        return abs(step.params.delta)
    return None


def _order_id(step: PlanStep) -> str | None:
    if isinstance(step, RefundStep | ReshipStep):
        return step.params.order_id
    return None


def _is_foreign(step: PlanStep, ctx: EvaluationContext) -> bool:
    def outside(value: str, known: frozenset[str] | None) -> bool:
        return known is not None and value not in known

    if isinstance(step, RefundStep):
        refund = step.params
        return (
            (refund.order_id is not None and outside(refund.order_id, ctx.order_ids))
            or (
                refund.subscription_id is not None
                and outside(refund.subscription_id, ctx.subscription_ids)
            )
            or outside(refund.payment_id, ctx.payment_ids)
        )
    if isinstance(step, ReshipStep):
        return outside(step.params.order_id, ctx.order_ids)
    if isinstance(step, AccountCreditStep):
        return ctx.customer_id is not None and step.params.customer_id != ctx.customer_id
    if isinstance(step, NotifyLogisticsStep):
        return outside(step.params.shipment_id, ctx.shipment_ids)
    return False


_Sum = tuple[str, Decimal]  # (currency, amount): a total may exceed what Money holds


def _sum(money: Money | None) -> _Sum | None:
    return None if money is None else (money.currency, money.amount)


def _size(money: SignedMoney | None) -> _Sum | None:
    """A step's money for the per-step bands: taking money back is as big as giving it."""
    return None if money is None else (money.currency, abs(money.amount))


def _within(band: Band, value: _Sum | None) -> bool:
    """``value`` is in a currency ``band`` lists, and at most its amount."""
    return value is not None and value[0] in band and value[1] <= band[value[0]]


def _above(band: Band, value: _Sum | None) -> bool:
    """``value`` is in a currency ``band`` lists, and above its amount."""
    return value is not None and value[0] in band and value[1] > band[value[0]]


def _total(spent: Mapping[str, Decimal], money: SignedMoney | None) -> _Sum | None:
    if money is None:
        return None
    counted = max(money.amount, Decimal(0))  # money taken back adds nothing to a total
    return (money.currency, spent.get(money.currency, Decimal(0)) + counted)


def _matches(rule: AuthorityRule, step: PlanStep, ctx: EvaluationContext) -> bool:
    if rule.action != "*" and rule.action != step.action:
        return False
    when = rule.when
    kind = ACTION_TYPES[step.action]
    money = step_amount(step) if kind.moves_money else None
    checks: list[bool] = []
    if when.moves_money is not None:
        checks.append(kind.moves_money == when.moves_money)
    if when.reversible is not None:
        checks.append(kind.reversible == when.reversible)
    if when.tiers is not None:
        checks.append(ctx.tier is not None and ctx.tier in when.tiers)
    if when.journeys is not None:
        checks.append(ctx.journey is not None and ctx.journey in when.journeys)
    if when.sentiments is not None:
        checks.append(ctx.sentiment is not None and ctx.sentiment in when.sentiments)
    if when.foreign_refs is not None:
        checks.append(_is_foreign(step, ctx) == when.foreign_refs)
    if when.max_quantity is not None:
        units = _units(step)
        checks.append(units is not None and units <= when.max_quantity)
    if when.max_amount is not None:
        checks.append(_within(when.max_amount, _size(money)))
    if when.min_amount is not None:
        checks.append(_above(when.min_amount, _size(money)))
    case_total = _total(ctx.spent_case, money)
    day_total = _total(ctx.spent_today, money)
    if when.max_case_total is not None:
        checks.append(_within(when.max_case_total, case_total))
    if when.min_case_total is not None:
        checks.append(_above(when.min_case_total, case_total))
    if when.max_agent_daily_total is not None:
        checks.append(_within(when.max_agent_daily_total, day_total))
    if when.min_agent_daily_total is not None:
        checks.append(_above(when.min_agent_daily_total, day_total))
    if when.max_order_value is not None or when.min_order_value is not None:
        order_id = _order_id(step)
        value = ctx.order_values.get(order_id) if order_id is not None else None
        if when.max_order_value is not None:
            checks.append(_within(when.max_order_value, _sum(value)))
        if when.min_order_value is not None:
            checks.append(_above(when.min_order_value, _sum(value)))
    return all(checks)


def evaluate(policy: AuthorityPolicy, step: PlanStep, context: EvaluationContext) -> Verdict:
    """The verdict of the first rule of ``policy`` that matches ``step`` in ``context``.

    ``context`` carries the totals spent before this step; the step's own money is added
    for the cumulative conditions.
    """
    for rule in policy.rules:
        if _matches(rule, step, context):
            level = rule.level
            if level is AutonomyLevel.AUTO_WITH_UNDO and not ACTION_TYPES[step.action].reversible:
                # A map published before such rules were refused: without an undo, a
                # person decides.
                level = AutonomyLevel.AGENT
            return Verdict(
                step_id=step.step_id,
                level=level,
                rule_id=rule.id,
                clause=rule.clause,
                policy_version=policy.version,
            )
    raise AssertionError("an authority map always ends with a catch-all rule")


def evaluate_plan(
    policy: AuthorityPolicy, steps: Iterable[PlanStep], context: EvaluationContext
) -> list[Verdict]:
    """One verdict per step, in order; each money step counts towards the later ones."""
    verdicts: list[Verdict] = []
    for step in steps:
        verdicts.append(evaluate(policy, step, context))
        money = step_amount(step) if ACTION_TYPES[step.action].moves_money else None
        if money is not None:
            context = context.plus(money)
    return verdicts


# --- loading ---------------------------------------------------------------------------


def _where(loc: Sequence[int | str]) -> str:
    return ".".join(str(p) for p in loc)


def _sense_issues(name: str, policy: AuthorityPolicy) -> list[Issue]:
    """Conditions that could never hold for their rule's action: surely a mistake."""
    issues: list[Issue] = []
    for index, rule in enumerate(policy.rules):
        if rule.level is AutonomyLevel.AUTO_WITH_UNDO and rule.when.reversible is not True:
            undoable = rule.action != "*" and ACTION_TYPES[rule.action].reversible
            if not undoable:
                what = "every action" if rule.action == "*" else rule.action.value
                why = (
                    f"auto_with_undo lets the AI act alone because Tandem can undo the step, "
                    f"but it cannot undo {what}: add 'reversible: true' to when, or choose "
                    "another level"
                    if rule.action == "*"
                    else f"auto_with_undo lets the AI act alone because Tandem can undo the "
                    f"step, but it cannot undo {what}: choose another level"
                )
                issues.append(Issue(name, f"rules.{index}.level", why))
        if rule.action == "*":
            continue
        kind = ACTION_TYPES[rule.action]
        if rule.when.reversible is True and not kind.reversible:
            why = f"Tandem cannot undo {rule.action.value}, so reversible: true could never hold"
            issues.append(Issue(name, f"rules.{index}.when.reversible", why))
        for cond in _NEEDS_MONEY:
            if getattr(rule.when, cond) is not None and not kind.moves_money:
                why = f"{rule.action.value} moves no money, so {cond} could never hold"
                issues.append(Issue(name, f"rules.{index}.when.{cond}", why))
        for cond in _NEEDS_ORDER:
            if getattr(rule.when, cond) is not None and rule.action.value not in (
                "refund",
                "reship",
            ):
                why = f"{rule.action.value} names no order, so {cond} could never hold"
                issues.append(Issue(name, f"rules.{index}.when.{cond}", why))
        if rule.when.max_quantity is not None and rule.action.value not in (
            "reship",
            "adjust_inventory",
        ):
            why = f"{rule.action.value} moves no units, so max_quantity could never hold"
            issues.append(Issue(name, f"rules.{index}.when.max_quantity", why))
    return issues


def load_policy(path: Path | None = None) -> AuthorityPolicy:
    """Load and check an authority map (YAML); the shipped default when ``path`` is None.

    Raises :class:`InvalidInput` naming the file and the field of every problem found.
    """
    path = path or resource_path(*DEFAULT_POLICY_FILE)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InvalidInput(
            f"authority map {path.name} cannot be read",
            [Issue(path.name, "", exc.strerror or str(exc))],
        ) from None
    except UnicodeDecodeError as exc:
        raise InvalidInput(
            f"authority map {path.name} is not valid YAML", [Issue(path.name, "", str(exc))]
        ) from None
    return parse_policy(text, path.name)


def parse_policy(
    text: str, name: str = "authority map", *, published: bool = False
) -> AuthorityPolicy:
    """Parse and check an authority map from its YAML text (``name`` labels the problems).

    Raises :class:`InvalidInput` naming the field of every problem found. ``published``: a
    version already in force once, read back from the store: only its structure is
    checked, so that history stays readable when later releases check maps more strictly
    (:func:`evaluate` keeps such a version safe).
    """
    try:
        data: Any = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise InvalidInput(
            f"authority map {name} is not valid YAML", [Issue(name, "", str(exc))]
        ) from None
    if not isinstance(data, dict):
        raise InvalidInput(
            f"authority map {name} has problems",
            [Issue(name, "", "expected a mapping with version, effective_from, author, rules")],
        )
    try:
        policy = AuthorityPolicy.model_validate(data)
    except ValidationError as exc:
        issues = [Issue(name, _where(err["loc"]), err["msg"]) for err in exc.errors()]
        raise InvalidInput(f"authority map {name} has problems", issues) from None
    issues = [] if published else _sense_issues(name, policy)
    if issues:
        raise InvalidInput(f"authority map {name} has problems", issues)
    return policy


@cache
def default_policy() -> AuthorityPolicy:
    """The shipped authority map (loaded once)."""
    return load_policy()
