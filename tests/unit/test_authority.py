"""The policy engine over the shipped authority map: every action, every band edge."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pydantic import TypeAdapter

from console.domain.actions import ACTION_TYPES, PlanStep
from console.domain.authority import AuthorityPolicy, AutonomyLevel, Role
from console.domain.base import Money
from console.domain.errors import InvalidInput
from console.domain.kinds import Journey, SentimentLabel, Tier
from console.policy.authority import (
    EvaluationContext,
    default_policy,
    evaluate,
    evaluate_plan,
    load_policy,
    may_approve,
    parse_policy,
)

STEP = TypeAdapter[Any](PlanStep)
A, S, F, SUGGEST = (
    AutonomyLevel.AGENT,
    AutonomyLevel.SUPERVISOR,
    AutonomyLevel.FORBID,
    AutonomyLevel.SUGGEST,
)
CTX = EvaluationContext()


def refund(amount: str, currency: str = "USD", sid: str = "s1", **kw: Any) -> Any:
    params = {
        "order_id": kw.get("order_id", "O-1"),
        "payment_id": kw.get("payment_id", "P-1"),
        "amount": {"amount": amount, "currency": currency},
        "reason": kw.get("reason", "late delivery"),
    }
    return STEP.validate_python({"step_id": sid, "action": "refund", "params": params})


def credit(amount: str, currency: str = "USD", sid: str = "s1", customer: str = "C-1") -> Any:
    params = {
        "customer_id": customer,
        "amount": {"amount": amount, "currency": currency},
        "reason": "goodwill",
    }
    return STEP.validate_python({"step_id": sid, "action": "account_credit", "params": params})


def reship(units: int = 1, order_id: str = "O-1") -> Any:
    params = {"order_id": order_id, "items": [{"sku": "SKU-1", "quantity": units}]}
    return STEP.validate_python({"step_id": "s1", "action": "reship", "params": params})


SIMPLE: dict[str, dict[str, Any]] = {
    "reply_to_customer": {"channel": "email", "language": "en", "body": "Sorry."},
    "notify_logistics": {
        "shipment_id": "SH-1",
        "carrier": "Carrier",
        "request": "trace",
        "message": "Please trace.",
    },
    "adjust_inventory": {"sku": "SKU-1", "warehouse": "W1", "delta": -1, "reason": "reship"},
    "escalate": {"team": "billing", "reason": "disputed charge"},
    "close_case": {"resolution": "resolved", "summary": "Refunded."},
}


def simple(action: str) -> Any:
    return STEP.validate_python({"step_id": "s1", "action": action, "params": SIMPLE[action]})


def verdict(step: Any, ctx: EvaluationContext = CTX) -> tuple[AutonomyLevel, str]:
    v = evaluate(default_policy(), step, ctx)
    return v.level, v.rule_id


# --- the shipped map ---------------------------------------------------------------------


def test_default_map_loads_and_is_assist_mode() -> None:
    policy = load_policy()
    assert policy.version >= 1
    assert policy.rules[-1].action == "*"
    assert policy.rules[-1].level is SUGGEST
    assert all(
        r.level not in (AutonomyLevel.AUTO, AutonomyLevel.AUTO_WITH_UNDO) for r in policy.rules
    )
    assert all(r.clause.strip() for r in policy.rules)


@pytest.mark.parametrize(
    ("amount", "currency", "level", "rule"),
    [
        ("0", "USD", A, "refund-agent"),
        ("50", "USD", A, "refund-agent"),
        ("50.00", "USD", A, "refund-agent"),
        ("50.01", "USD", S, "refund-supervisor"),
        ("40", "GBP", A, "refund-agent"),
        ("40.01", "GBP", S, "refund-supervisor"),
        ("45", "EUR", A, "refund-agent"),
        ("45.01", "EUR", S, "refund-supervisor"),
        ("350", "CNY", A, "refund-agent"),
        ("350.01", "CNY", S, "refund-supervisor"),
        ("150", "USD", S, "refund-supervisor"),
        ("150.01", "USD", S, "money-case-cap"),  # one step past the case cap on its own
        ("1000", "USD", S, "money-case-cap"),
        ("1000.01", "USD", F, "refund-above-limit"),
        ("800.01", "GBP", F, "refund-above-limit"),
        ("900.01", "EUR", F, "refund-above-limit"),
        ("7000", "CNY", S, "money-case-cap"),
        ("7000.01", "CNY", F, "refund-above-limit"),
        ("1", "JPY", SUGGEST, "refund-other-currency"),
        ("0.01", "CHF", SUGGEST, "refund-other-currency"),
        ("5000000", "JPY", SUGGEST, "refund-other-currency"),
    ],
)
def test_refund_bands(amount: str, currency: str, level: AutonomyLevel, rule: str) -> None:
    assert verdict(refund(amount, currency)) == (level, rule)


@pytest.mark.parametrize(
    ("amount", "currency", "tier", "level", "rule"),
    [
        ("25", "USD", None, A, "credit-agent"),
        ("25.01", "USD", None, S, "credit-supervisor"),
        ("22.50", "EUR", Tier.GOLD, A, "credit-agent"),
        ("22.51", "EUR", Tier.GOLD, S, "credit-supervisor"),
        ("20.01", "GBP", None, S, "credit-supervisor"),
        ("175.01", "CNY", None, S, "credit-supervisor"),
        ("100", "USD", Tier.PLATINUM, A, "credit-platinum-agent"),
        ("100.01", "USD", Tier.PLATINUM, S, "credit-supervisor"),
        ("700", "CNY", Tier.PLATINUM, A, "credit-platinum-agent"),
        ("150", "USD", None, S, "credit-supervisor"),
        ("500", "USD", None, S, "money-case-cap"),
        ("500.01", "USD", Tier.PLATINUM, F, "credit-above-limit"),
        ("10", "JPY", Tier.PLATINUM, SUGGEST, "credit-other-currency"),
    ],
)
def test_credit_bands(
    amount: str, currency: str, tier: Tier | None, level: AutonomyLevel, rule: str
) -> None:
    assert verdict(credit(amount, currency), EvaluationContext(tier=tier)) == (level, rule)


def test_platinum_band_only_for_platinum() -> None:
    for tier in (Tier.STANDARD, Tier.SILVER, Tier.GOLD, None):
        assert verdict(credit("60"), EvaluationContext(tier=tier))[0] is S


@pytest.mark.parametrize(
    ("action", "level", "rule"),
    [
        ("reply_to_customer", A, "reply-agent"),
        ("notify_logistics", A, "logistics-agent"),
        ("adjust_inventory", S, "inventory-supervisor"),
        ("escalate", A, "escalate-agent"),
        ("close_case", A, "close-agent"),
    ],
)
def test_non_money_actions(action: str, level: AutonomyLevel, rule: str) -> None:
    assert verdict(simple(action)) == (level, rule)


def test_every_action_type_has_its_own_rule() -> None:
    rules = {r.action for r in default_policy().rules}
    assert set(ACTION_TYPES) <= rules


def test_closing_on_a_very_unhappy_customer_needs_a_supervisor() -> None:
    ctx = EvaluationContext(sentiment=SentimentLabel.VERY_NEGATIVE)
    assert verdict(simple("close_case"), ctx) == (S, "close-unhappy")
    ctx = EvaluationContext(sentiment=SentimentLabel.NEGATIVE)
    assert verdict(simple("close_case"), ctx) == (A, "close-agent")


def test_reship_by_units_and_order_value() -> None:
    assert verdict(reship(5)) == (A, "reship-agent")
    assert verdict(reship(6)) == (S, "reship-large")
    values = {"O-1": Money.of("500", "USD"), "O-2": Money.of("500.01", "USD")}
    ctx = EvaluationContext(order_values=values)
    assert verdict(reship(1, "O-1"), ctx) == (A, "reship-agent")
    assert verdict(reship(1, "O-2"), ctx) == (S, "reship-high-value")


@pytest.mark.parametrize(
    ("spent", "amount", "level", "rule"),
    [
        ("100", "50", A, "refund-agent"),  # exactly 150 on the case
        ("100.01", "50", S, "money-case-cap"),  # one cent past
        ("149.99", "0.01", A, "refund-agent"),
        ("150", "0.01", S, "money-case-cap"),
    ],
)
def test_case_cap_edges(spent: str, amount: str, level: AutonomyLevel, rule: str) -> None:
    ctx = EvaluationContext(spent_case={"USD": Decimal(spent)})
    assert verdict(refund(amount), ctx) == (level, rule)


def test_case_cap_counts_each_currency_alone() -> None:
    ctx = EvaluationContext(spent_case={"EUR": Decimal(140)})
    assert verdict(refund("20", "USD"), ctx) == (A, "refund-agent")
    assert verdict(refund("20", "EUR"), ctx) == (S, "money-case-cap")


@pytest.mark.parametrize(
    ("spent", "level", "rule"),
    [("450", A, "refund-agent"), ("450.01", S, "money-daily-cap")],
)
def test_daily_cap_edges(spent: str, level: AutonomyLevel, rule: str) -> None:
    ctx = EvaluationContext(spent_today={"USD": Decimal(spent)})
    assert verdict(refund("50"), ctx) == (level, rule)


def test_salami_in_one_plan() -> None:
    steps = [refund("30", sid=f"s{i}") for i in range(8)]  # 30, 60, ..., 240
    levels = [v.level for v in evaluate_plan(default_policy(), steps, CTX)]
    assert levels == [A, A, A, A, A, S, S, S]  # the sixth crosses 150 and every later one
    verdicts = evaluate_plan(default_policy(), steps, CTX)
    assert {v.rule_id for v in verdicts[5:]} == {"money-case-cap"}


def test_salami_mixes_refunds_and_credits() -> None:
    r, c = "refund", "credit"
    amounts = [("50", r), ("25", c), ("50", r), ("25", c), ("0.01", c)]
    steps = [
        (refund if kind == r else credit)(amount, sid=f"s{i}")
        for i, (amount, kind) in enumerate(amounts)
    ]
    levels = [v.level for v in evaluate_plan(default_policy(), steps, CTX)]
    assert levels == [A, A, A, A, S]  # exactly 150, then one cent past


def reversal(amount: str, currency: str = "USD", sid: str = "s1") -> Any:
    params = {
        "customer_id": "C-1",
        "amount": {"amount": f"-{amount}", "currency": currency},
        "reason": "Undo of exe-1",
        "reverses": "CRD-00000001",
    }
    return STEP.validate_python({"step_id": sid, "action": "account_credit", "params": params})


@pytest.mark.parametrize(
    ("amount", "tier", "level", "rule"),
    [
        ("25", None, A, "credit-agent"),
        ("25.01", None, S, "credit-supervisor"),
        ("100", Tier.PLATINUM, A, "credit-platinum-agent"),
        ("500.01", None, F, "credit-above-limit"),
    ],
)
def test_taking_a_credit_back_is_judged_by_its_size(
    amount: str, tier: Tier | None, level: AutonomyLevel, rule: str
) -> None:
    """A reversal needs what the credit it takes back needed: -$80 is no smaller than $80."""
    assert verdict(reversal(amount), EvaluationContext(tier=tier)) == (level, rule)
    assert verdict(credit(amount), EvaluationContext(tier=tier)) == (level, rule)


def test_taking_a_credit_back_adds_nothing_to_the_totals_and_frees_no_room() -> None:
    # It does not count towards a cap it would cross if it were a credit ...
    ctx = EvaluationContext(spent_case={"USD": Decimal(140)}, spent_today={"USD": Decimal(490)})
    assert verdict(reversal("20"), ctx) == (A, "credit-agent")
    assert verdict(credit("20"), ctx) == (S, "money-case-cap")
    # ... a case already past its cap stays past it ...
    past = EvaluationContext(spent_case={"USD": Decimal("150.01")})
    assert verdict(reversal("20"), past) == (S, "money-case-cap")
    # ... and in one plan it neither raises nor lowers what later steps count.
    steps = [credit("25", sid="a"), reversal("25", sid="b"), refund("50", sid="c")]
    ctx = EvaluationContext(spent_case={"USD": Decimal(75)})
    assert [v.level for v in evaluate_plan(default_policy(), steps, ctx)] == [A, A, A]
    steps = [reversal("25", sid="b"), refund("50.01", sid="c")]
    ctx = EvaluationContext(spent_case={"USD": Decimal(100)})
    assert [v.rule_id for v in evaluate_plan(default_policy(), steps, ctx)] == [
        "credit-agent",
        "money-case-cap",
    ]
    assert CTX.plus(reversal("25").params.amount) == CTX  # never a negative total


def test_earlier_forbidden_steps_still_count() -> None:
    steps = [refund("5000", sid="a"), refund("1", sid="b")]
    levels = [v.level for v in evaluate_plan(default_policy(), steps, CTX)]
    assert levels == [F, S]


def test_foreign_references_are_forbidden() -> None:
    ctx = EvaluationContext(
        customer_id="C-1",
        order_ids=frozenset({"O-1"}),
        payment_ids=frozenset({"P-1"}),
        shipment_ids=frozenset({"SH-1"}),
    )
    assert verdict(refund("10"), ctx) == (A, "refund-agent")
    assert verdict(refund("10", order_id="O-9"), ctx) == (F, "foreign-reference")
    assert verdict(refund("10", payment_id="CARD-NEW"), ctx) == (F, "foreign-reference")
    assert verdict(credit("10", customer="C-2"), ctx) == (F, "foreign-reference")
    assert verdict(reship(1, "O-9"), ctx) == (F, "foreign-reference")
    assert verdict(simple("notify_logistics"), ctx) == (A, "logistics-agent")
    other = EvaluationContext(shipment_ids=frozenset({"SH-2"}))
    assert verdict(simple("notify_logistics"), other) == (F, "foreign-reference")


def test_verdict_names_rule_clause_and_version() -> None:
    v = evaluate(default_policy(), refund("10"), CTX)
    rule = next(r for r in default_policy().rules if r.id == v.rule_id)
    assert (v.step_id, v.clause, v.policy_version) == ("s1", rule.clause, default_policy().version)
    assert v.clause == "Agents may refund up to $50 (£40, €45, ¥350) per step."


# --- conditions on a custom map ------------------------------------------------------------


def _policy(*rules: dict[str, Any]) -> AuthorityPolicy:
    tail = {"id": "rest", "action": "*", "level": "suggest", "clause": "Else suggest."}
    return AuthorityPolicy.model_validate(
        {
            "version": 7,
            "effective_from": "2026-01-01T00:00:00Z",
            "author": "sup",
            "rules": [*rules, tail],
        }
    )


def test_journey_reversible_and_max_totals() -> None:
    policy = _policy(
        {
            "id": "dc",
            "action": "refund",
            "when": {"journeys": ["double_charge"], "max_case_total": {"USD": 100}},
            "level": "agent",
            "clause": "Double charges up to $100 per case.",
        },
        {
            "id": "rev",
            "action": "*",
            "when": {"reversible": True},
            "level": "agent",
            "clause": "Reversible steps.",
        },
    )
    dc = EvaluationContext(journey=Journey.DOUBLE_CHARGE)
    assert evaluate(policy, refund("100"), dc).rule_id == "dc"
    assert evaluate(policy, refund("100.01"), dc).rule_id == "rest"
    assert evaluate(policy, refund("10"), EvaluationContext()).rule_id == "rest"
    assert evaluate(policy, credit("10"), dc).rule_id == "rev"  # credits are reversible
    assert evaluate(policy, simple("escalate"), dc).rule_id == "rest"
    assert evaluate(policy, refund("1"), dc).policy_version == 7


def test_max_daily_total_and_moves_money_false() -> None:
    policy = _policy(
        {
            "id": "day",
            "action": "refund",
            "when": {"max_agent_daily_total": {"USD": 100}},
            "level": "agent",
            "clause": "Up to $100 a day.",
        },
        {
            "id": "talk",
            "action": "*",
            "when": {"moves_money": False},
            "level": "auto",
            "clause": "Talking is free.",
        },
    )
    assert (
        evaluate(policy, refund("60"), EvaluationContext(spent_today={"USD": Decimal(40)})).rule_id
        == "day"
    )
    assert (
        evaluate(policy, refund("60"), EvaluationContext(spent_today={"USD": Decimal(41)})).rule_id
        == "rest"
    )
    assert evaluate(policy, simple("reply_to_customer"), CTX).level is AutonomyLevel.AUTO


# --- approving ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "sandbox", "allowed"),
    [
        (Role.AGENT, False, {A, AutonomyLevel.AUTO, AutonomyLevel.AUTO_WITH_UNDO}),
        (Role.SUPERVISOR, False, {A, S, AutonomyLevel.AUTO, AutonomyLevel.AUTO_WITH_UNDO}),
        (Role.TRAINER, False, set()),
        (Role.TRAINER, True, {A, S, AutonomyLevel.AUTO, AutonomyLevel.AUTO_WITH_UNDO}),
        (Role.AGENT, True, {A, AutonomyLevel.AUTO, AutonomyLevel.AUTO_WITH_UNDO}),
    ],
)
def test_may_approve(role: Role, sandbox: bool, allowed: set[AutonomyLevel]) -> None:
    assert {lvl for lvl in AutonomyLevel if may_approve(role, lvl, sandbox=sandbox)} == allowed


# --- loading -----------------------------------------------------------------------------


def _load(tmp_path: Path, text: str) -> InvalidInput:
    path = tmp_path / "map.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidInput) as info:
        load_policy(path)
    return info.value


HEAD = 'version: 2\neffective_from: "2026-01-01T00:00:00Z"\nauthor: sup\nrules:\n'
TAIL = "  - {id: rest, action: '*', level: suggest, clause: Else.}\n"


def test_load_errors_name_file_and_field(tmp_path: Path) -> None:
    err = _load(
        tmp_path,
        HEAD + "  - {id: r1, action: refund, when: {max_amount: {USD: 22.5}}, level: agent, "
        "clause: x}\n" + TAIL,
    )
    assert "map.yaml" in str(err)
    assert any("rules.0.when" in i.location and "quoted" in i.message for i in err.issues)

    err = _load(tmp_path, HEAD + "  - {id: r1, action: teleport, level: agent, clause: x}\n" + TAIL)
    assert err.issues[0].location.startswith("rules.0.action")

    err = _load(tmp_path, HEAD + "  - {id: r1, action: refund, level: godmode, clause: x}\n" + TAIL)
    assert any(i.location == "rules.0.level" for i in err.issues)

    err = _load(tmp_path, HEAD + "  - {id: r1, action: refund, level: agent, clause: x}\n")
    assert "catch-all" in str(err)

    err = _load(
        tmp_path,
        HEAD + "  - {id: r1, action: refund, when: {max_amount: {usd: 5}}, level: agent, "
        "clause: x}\n" + TAIL,
    )
    assert any(i.location.startswith("rules.0.when.max_amount") for i in err.issues)

    err = _load(
        tmp_path,
        HEAD + "  - {id: r1, action: reply_to_customer, when: {max_amount: {USD: 5}}, "
        "level: agent, clause: x}\n" + TAIL,
    )
    assert [(i.location, "moves no money" in i.message) for i in err.issues] == [
        ("rules.0.when.max_amount", True)
    ]

    err = _load(
        tmp_path,
        HEAD + "  - {id: r1, action: refund, when: {tiers: []}, level: agent, clause: x}\n" + TAIL,
    )
    assert "never hold" in str(err)

    err = _load(tmp_path, "- just\n- a list\n")
    assert err.issues[0].source == "map.yaml"

    err = _load(tmp_path, "version: [\n")
    assert "not valid YAML" in str(err)

    with pytest.raises(InvalidInput, match="cannot be read"):
        load_policy(tmp_path / "missing.yaml")


def test_a_map_cannot_promise_an_undo_tandem_cannot_make(tmp_path: Path) -> None:
    """auto_with_undo means: the AI acts alone because the step can be taken back. A rule
    giving it to an action Tandem cannot undo, or to every action without limiting itself
    to reversible ones, is refused; so is a reversible-only rule on an irreversible action."""
    err = _load(
        tmp_path, HEAD + "  - {id: r1, action: refund, level: auto_with_undo, clause: x}\n" + TAIL
    )
    assert [(i.location, "cannot undo refund" in i.message) for i in err.issues] == [
        ("rules.0.level", True)
    ]
    err = _load(
        tmp_path, HEAD + "  - {id: r1, action: '*', level: auto_with_undo, clause: x}\n" + TAIL
    )
    assert [i.location for i in err.issues] == ["rules.0.level"]
    assert "reversible: true" in err.issues[0].message
    err = _load(
        tmp_path,
        HEAD
        + "  - {id: r1, action: reship, when: {reversible: true}, level: agent, clause: x}\n"
        + TAIL,
    )
    assert [(i.location, "never hold" in i.message) for i in err.issues] == [
        ("rules.0.when.reversible", True)
    ]
    path = tmp_path / "ok.yaml"
    path.write_text(
        HEAD
        + "  - {id: inv, action: adjust_inventory, level: auto_with_undo, clause: x}\n"
        + "  - {id: rev, action: '*', when: {reversible: true}, level: auto_with_undo,"
        + " clause: x}\n"
        + TAIL,
        encoding="utf-8",
    )
    assert [r.level.value for r in load_policy(path).rules][:2] == ["auto_with_undo"] * 2


def test_an_older_published_map_with_such_a_rule_still_loads_and_stays_safe() -> None:
    """History stays readable; where it promised an undo Tandem cannot make, a person
    decides."""
    text = HEAD + "  - {id: r1, action: refund, level: auto_with_undo, clause: x}\n" + TAIL
    with pytest.raises(InvalidInput):
        parse_policy(text)
    policy = parse_policy(text, "version 2", published=True)
    verdict = evaluate(policy, refund("5"), CTX)
    assert (verdict.rule_id, verdict.level) == ("r1", AutonomyLevel.AGENT)


def test_context_refuses_bad_totals() -> None:
    with pytest.raises(ValueError, match="spent_case"):
        EvaluationContext(spent_case={"USD": Decimal(-1)})
    with pytest.raises(ValueError, match="spent_today"):
        EvaluationContext(spent_today={"USD": 1.5})  # type: ignore[dict-item]
