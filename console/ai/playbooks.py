"""The built-in playbook planner: deterministic, offline rules over a case's facts.

For the case's journey it reads the facts (:mod:`.facts_view`), walks the playbook's rules
in order, and turns the rules that hold into plan steps with computed parameters, reasoning
that cites timeline events and playbook clauses, alternatives, questions and a reply in the
customer's language. The same facts always give the same proposal.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from console import __version__
from console.domain.actions import (
    ACTION_TYPES,
    AccountCreditParams,
    AccountCreditStep,
    AdjustInventoryStep,
    CloseCaseStep,
    EscalateStep,
    NotifyLogisticsStep,
    PlanStep,
    RefundStep,
    ReplyParams,
    ReplyStep,
    ReshipStep,
)
from console.domain.base import Money, minor_units
from console.domain.errors import InvalidInput
from console.domain.facts import CaseFacts
from console.domain.kinds import ActionKind
from console.domain.proposal import Alternative, PlannerIdentity, Proposal, ReasoningStep

from .facts_view import Fact, extract_facts
from .instructions import Directives, read_instructions
from .planner import PlanningError
from .playbook_model import _REF, LANGUAGES, AmountSpec, Condition, Playbook, PlaybookSet, Rule
from .playbook_model import load_playbooks as _load
from .wording import render

__all__ = ["PlaybookPlanner", "evaluate_condition"]

_STEP_CLASSES: dict[ActionKind, Any] = {
    ActionKind.REFUND: RefundStep,
    ActionKind.RESHIP: ReshipStep,
    ActionKind.ACCOUNT_CREDIT: AccountCreditStep,
    ActionKind.REPLY_TO_CUSTOMER: ReplyStep,
    ActionKind.NOTIFY_LOGISTICS: NotifyLogisticsStep,
    ActionKind.ADJUST_INVENTORY: AdjustInventoryStep,
    ActionKind.ESCALATE: EscalateStep,
    ActionKind.CLOSE_CASE: CloseCaseStep,
}


def evaluate_condition(fact: Fact | None, cond: Condition | str | int | bool) -> bool:
    """Whether ``fact`` satisfies ``cond``; a missing fact is false, zero or absent."""
    if not isinstance(cond, Condition):
        cond = Condition(eq=cond)
    value: Any = None if fact is None else fact.value
    if cond.present is not None and (fact is not None) != cond.present:
        return False
    if cond.eq is not None:
        if isinstance(cond.eq, bool) and value is None:
            value = False
        if value != cond.eq:
            return False
    if cond.ne is not None and value == cond.ne:
        return False
    if cond.in_ is not None and value not in cond.in_:
        return False
    for op, bound in (("gt", cond.gt), ("gte", cond.gte), ("lt", cond.lt), ("lte", cond.lte)):
        if bound is None:
            continue
        number = value if isinstance(value, int) and not isinstance(value, bool) else 0
        ok = {"gt": number > bound, "gte": number >= bound, "lt": number < bound}.get(
            op, number <= bound
        )
        if not ok:
            return False
    return True


def compute_amount(spec: AmountSpec, facts: Mapping[str, Fact]) -> tuple[Money | None, bool]:
    """The amount ``spec`` gives for these facts, and whether it rests on direct evidence."""
    tier = str(facts["tier"].value) if "tier" in facts else "standard"
    direct = True
    if spec.of is not None:
        base = facts.get(spec.of)
        if base is None or not isinstance(base.value, Money):
            return None, False
        direct = base.direct
        share = spec.share
        if spec.share_by_tier:
            share = {k.value: v for k, v in spec.share_by_tier.items()}.get(tier, share)
        currency, amount = base.value.currency, base.value.amount * share
    else:
        cur = facts.get("currency")
        if cur is None:
            return None, False
        currency = str(cur.value)
        table = spec.fixed if spec.fixed is not None else spec.per_day
        if table is None or currency not in table:
            return None, False
        amount = table[currency]
        if spec.per_day is not None:
            days = facts.get(spec.days)
            if days is None or not isinstance(days.value, int):
                return None, False
            amount *= days.value
            direct = days.direct
    if spec.tier_factor:
        amount *= {k.value: v for k, v in spec.tier_factor.items()}.get(tier, Decimal(1))
    if spec.cap and currency in spec.cap:
        amount = min(amount, spec.cap[currency])
    quantum = Decimal(1).scaleb(-minor_units(currency))
    amount = amount.quantize(quantum, rounding=ROUND_HALF_UP)
    if amount <= 0:
        return None, direct
    return Money(amount=amount, currency=currency), direct


@dataclass
class _Draft:
    """A proposal being put together."""

    steps: list[Any] = field(default_factory=list)  # (kind, params, note) before numbering
    reasoning: list[ReasoningStep] = field(default_factory=list)
    alternatives: list[Alternative] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    say: list[str] = field(default_factory=list)
    ask: list[str] = field(default_factory=list)
    summary: str | None = None
    local: dict[str, Fact] = field(default_factory=dict)  # facts as the customer reads them
    direct: int = 0
    total: int = 0
    defaults_used: int = 0


class PlaybookPlanner:
    """The default planner: one YAML playbook per journey, evaluated without any network."""

    def __init__(self, folder: Path | None = None, playbooks: PlaybookSet | None = None) -> None:
        try:
            self.playbooks = playbooks or _load(folder)
        except InvalidInput as exc:
            raise PlanningError(str(exc)) from exc
        self.identity = PlannerIdentity(
            name="playbook", version=f"{__version__}+{self.playbooks.digest[:12]}", model=None
        )

    async def plan(self, facts: CaseFacts) -> Proposal:
        return self.plan_now(facts)

    def plan_now(self, facts: CaseFacts) -> Proposal:
        """The proposal for ``facts``, synchronously (planning is CPU-only and fast)."""
        book = self.playbooks.playbooks.get(facts.case.journey)
        if book is None:
            raise PlanningError(f"no playbook for the journey {facts.case.journey.value!r}")
        known = extract_facts(facts)
        self._defaults(book, known)
        lang = str(known["language"].value)
        lang = lang if lang in LANGUAGES else "en"
        draft = _Draft()
        draft.local = self._localised(known, lang)
        for name in book.needs:
            if name not in known:
                draft.questions.append(book.ask.get(name, f"What is the case's {name}?"))
        for rule in book.rules:
            if self._matches(rule, known, draft):
                self._apply(rule, known, draft, lang)
                if rule.final:
                    break
        steps = self._directives(read_instructions(facts.instructions), known, draft)
        tag = facts.customer.language if lang == str(known["language"].value) else "en"
        steps.append(self._reply(known, draft, steps, lang, tag))
        steps.sort(key=lambda s: s[0] is ActionKind.CLOSE_CASE)
        plan: list[PlanStep] = [
            _STEP_CLASSES[kind](step_id=f"s{i}", params=params, note=note)
            for i, (kind, params, note) in enumerate(steps, 1)
        ]
        digest = facts.digest()
        return Proposal(
            id=f"prop-{digest[:20]}",
            case_id=facts.case.id,
            created_at=facts.now,
            planner=self.identity,
            summary=draft.summary or render(book.summary, known),
            steps=plan,
            reasoning=draft.reasoning,
            alternatives=draft.alternatives,
            questions=list(dict.fromkeys(draft.questions)),
            confidence=self._confidence(draft),
            input_digest=digest,
        )

    # --- rules --------------------------------------------------------------------------

    @staticmethod
    def _defaults(book: Playbook, known: dict[str, Fact]) -> None:
        currency = known.get("currency")
        for name, table in book.defaults.items():
            if name in known or currency is None or str(currency.value) not in table:
                continue
            cur = str(currency.value)
            known[name] = Fact(Money.of(table[cur], cur), (), direct=False)

    def _localised(self, known: Mapping[str, Fact], lang: str) -> dict[str, Fact]:
        """Facts whose names the customer's language writes differently (carriers)."""
        names = self.playbooks.common.names.get(lang, {})
        carrier = known.get("carrier")
        if carrier is None or str(carrier.value) not in names:
            return {}
        return {"carrier": Fact(names[str(carrier.value)], carrier.event_ids, carrier.direct)}

    @staticmethod
    def _matches(rule: Rule, known: Mapping[str, Fact], draft: _Draft) -> bool:
        for name, cond in rule.when.items():
            if not evaluate_condition(known.get(name), cond):
                return False
        for name in rule.when:
            fact = known.get(name)
            draft.total += 1
            draft.direct += 1 if fact is not None and fact.direct else 0
        return True

    def _apply(self, rule: Rule, known: dict[str, Fact], draft: _Draft, lang: str) -> None:
        evidence: list[str] = []
        for name in [*rule.when, *rule.cite]:
            fact = known.get(name)
            if fact is not None:
                evidence += [e for e in fact.event_ids if e not in evidence]
        for spec in rule.steps:
            built = self._build(spec.action, spec.params, known, draft)
            if built is None:
                draft.questions.append(
                    f"{rule.id}: could not work out the {spec.action.value} step from the facts; "
                    "please complete it by hand."
                )
                continue
            draft.steps.append((spec.action, built, spec.note and render(spec.note, known)))
            amount = getattr(built, "amount", None)
            if spec.as_ and isinstance(amount, Money):
                known[spec.as_] = Fact(amount, (), True)
        draft.reasoning.append(
            ReasoningStep(
                claim=render(rule.claim, known),
                evidence_event_ids=evidence,
                policy_clause=rule.clause,
            )
        )
        draft.alternatives += [
            Alternative(description=render(a.do, known), why_not=render(a.why_not, known))
            for a in rule.alternatives
        ]
        draft.questions += [render(q, known) for q in rule.questions]
        if rule.say:
            local = {**known, **draft.local}
            draft.say.append(render(rule.say.get(lang) or rule.say["en"], local, lang))
        if rule.ask_customer:
            local = {**known, **draft.local}
            draft.ask.append(
                render(rule.ask_customer.get(lang) or rule.ask_customer["en"], local, lang)
            )
        if rule.summary and draft.summary is None:
            draft.summary = render(rule.summary, known)

    @staticmethod
    def _build(
        kind: ActionKind, raw: Mapping[str, Any], known: Mapping[str, Fact], draft: _Draft
    ) -> Any:
        params: dict[str, Any] = {}
        for key, value in raw.items():
            if key == "amount" and isinstance(value, dict):
                money, direct = compute_amount(AmountSpec.model_validate(value), known)
                if money is None:
                    return None
                draft.defaults_used += 0 if direct else 1
                params[key] = money
            elif isinstance(value, str) and (ref := _REF.match(value)):
                fact = known.get(ref.group(1))
                if fact is None:
                    return None
                params[key] = list(fact.value) if isinstance(fact.value, tuple) else fact.value
            elif isinstance(value, str):
                params[key] = render(value, known)
            else:
                params[key] = value
        try:
            return ACTION_TYPES[kind].params_model.model_validate(params)
        except ValidationError:
            return None

    # --- instructions, reply, confidence -----------------------------------------------

    @staticmethod
    def _directives(d: Directives, known: Mapping[str, Fact], draft: _Draft) -> list[Any]:
        steps: list[Any] = []
        for kind, params, note in draft.steps:
            if kind is ActionKind.REFUND and d.no_refund:
                credit = AccountCreditParams(
                    customer_id=str(known["customer_id"].value),
                    amount=params.amount,
                    reason=f"Offered instead of a refund ({params.reason})",
                )
                note = "Account credit in place of refund"
                steps.append((ActionKind.ACCOUNT_CREDIT, credit, note))
                draft.reasoning.append(
                    ReasoningStep(
                        claim=f"The agent instructed no refund: the {params.amount} refund is "
                        "offered as account credit instead.",
                        policy_clause="instructions: the agent's instruction overrides the "
                        "playbook's remedy",
                    )
                )
                draft.alternatives.append(
                    Alternative(
                        description=f"Refund {params.amount} to the original payment",
                        why_not="The agent instructed no refund.",
                    )
                )
            elif kind is ActionKind.RESHIP and d.no_reship:
                draft.reasoning.append(
                    ReasoningStep(
                        claim="The agent instructed no reship: the replacement shipment is "
                        "dropped from the plan.",
                        policy_clause="instructions: the agent's instruction overrides the "
                        "playbook's remedy",
                    )
                )
                draft.alternatives.append(
                    Alternative(
                        description="Reship the order's items",
                        why_not="The agent instructed no reship.",
                    )
                )
            else:
                steps.append((kind, params, note))
        for part in d.unknown:
            draft.reasoning.append(
                ReasoningStep(
                    claim=f'The agent\'s instruction "{part}" is not something the playbook '
                    "can apply by itself; the plan does not reflect it yet.",
                    policy_clause="instructions: unrecognised instructions are flagged, "
                    "not ignored",
                )
            )
            draft.questions.append(f'How should the plan reflect the instruction "{part}"?')
        return steps

    def _reply(
        self,
        known: Mapping[str, Fact],
        draft: _Draft,
        steps: list[Any],
        lang: str,
        tag: str,
    ) -> tuple[ActionKind, ReplyParams, str]:
        common = self.playbooks.common
        parts = [render(common.greeting[lang], known, lang), *draft.say]
        for kind, params, _ in steps:
            key = kind.value
            if kind is ActionKind.NOTIFY_LOGISTICS:
                key = f"{key}.{params.request}"
            template = common.actions.get(key, {}).get(lang)
            if template:
                local = {**known, **draft.local}
                amount = getattr(params, "amount", None)
                if isinstance(amount, Money):
                    local["amount"] = Fact(amount)
                carrier = getattr(params, "carrier", None)
                if carrier:
                    names = self.playbooks.common.names.get(lang, {})
                    local["carrier"] = Fact(names.get(str(carrier), str(carrier)))
                parts.append(render(template, local, lang))
        if draft.ask:
            parts.append(common.questions_intro[lang])
            parts += [f"- {a}" for a in draft.ask]
        parts.append(render(common.closing[lang], known, lang))
        channel = str(known["reply_channel"].value)
        subject = render(common.subject[lang], known, lang) if channel == "email" else None
        params = ReplyParams(
            channel=channel,
            language=tag,
            body="\n\n".join(p for p in parts if p),
            subject=subject,
        )
        return ActionKind.REPLY_TO_CUSTOMER, params, "Tell the customer what happens next"

    @staticmethod
    def _confidence(draft: _Draft) -> float:
        share = draft.direct / draft.total if draft.total else 0.5
        value = 0.45 + 0.5 * share - 0.07 * len(draft.questions) - 0.05 * draft.defaults_used
        return round(min(0.95, max(0.1, value)), 2)
