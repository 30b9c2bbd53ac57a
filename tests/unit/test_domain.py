"""The domain models refuse what would corrupt a case, and only depend on what they may."""

from __future__ import annotations

import ast
import sys
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from pydantic import TypeAdapter, ValidationError

from console.domain.actions import ACTION_TYPES, ActionKind, PlanStep, action_type, step_amount
from console.domain.audit import (
    GENESIS_HASH,
    AuditRecord,
    canonical_json,
    chain_hash,
    record_header,
    subjects_text,
)
from console.domain.authority import AuthorityPolicy, AuthorityRule, AutonomyLevel, Conditions
from console.domain.base import Money, SignedMoney
from console.domain.events import Actor, ActorKind
from console.domain.proposal import Decision, DecisionKind, ReasonCode
from tests.factories import T0, case, message

DOMAIN = Path(__file__).resolve().parents[2] / "console" / "domain"


def test_domain_imports_only_stdlib_pydantic_and_itself() -> None:
    allowed = set(sys.stdlib_module_names) | {"pydantic", "pydantic_core", "console"}
    for module in DOMAIN.glob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                assert name.split(".")[0] in allowed, f"{module.name} imports {name}"
                if name.startswith("console."):
                    assert name.startswith("console.domain"), f"{module.name} imports {name}"


@pytest.mark.parametrize(
    ("amount", "currency", "ok"),
    [
        ("12.50", "USD", True),
        ("12.505", "USD", False),
        ("1200", "JPY", True),
        ("12.5", "JPY", False),
        ("-1", "EUR", False),
        ("5", "usd", False),
    ],
)
def test_money_is_exact_and_respects_the_currency(amount, currency, ok) -> None:
    if ok:
        assert Money.of(amount, currency).amount == Decimal(amount)
    else:
        with pytest.raises(ValidationError):
            Money.of(amount, currency)


def test_money_is_never_a_float() -> None:
    assert str(Money.of("0.10", "GBP")) == "0.10 GBP"
    assert Money.model_validate({"amount": "19.99", "currency": "EUR"}).amount == Decimal("19.99")


def test_times_must_carry_a_zone_and_are_normalised_to_utc() -> None:
    with pytest.raises(ValidationError, match="time zone"):
        case(opened_at=datetime(2026, 11, 2, 9, 0), updated_at=T0)
    from datetime import timezone

    shanghai = datetime(2026, 11, 2, 17, 0, tzinfo=timezone(timedelta(hours=8)))
    assert case(opened_at=shanghai, updated_at=shanghai).opened_at == T0


def test_unknown_fields_are_refused() -> None:
    data = message("e1").model_dump(mode="json")
    data["mood"] = "grumpy"
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        type(message("e1")).model_validate(data)


def test_plan_steps_are_typed_by_their_action() -> None:
    adapter = TypeAdapter(PlanStep)
    refund = adapter.validate_python(
        {
            "step_id": "s1",
            "action": "refund",
            "params": {
                "order_id": "ORD-1",
                "payment_id": "pay_1",
                "amount": {"amount": "12.00", "currency": "USD"},
                "reason": "late",
            },
        }
    )
    assert refund.params.amount == Money.of("12.00", "USD")
    with pytest.raises(ValidationError, match="payment_id"):
        adapter.validate_python(
            {
                "step_id": "s1",
                "action": "refund",
                "params": {
                    "order_id": "ORD-1",
                    "amount": {"amount": "1", "currency": "USD"},
                    "reason": "x",
                },
            }
        )


def test_every_action_type_is_registered_with_its_risk() -> None:
    assert set(ACTION_TYPES) == set(ActionKind)
    assert action_type("refund").moves_money
    for kind in ActionKind:
        spec = action_type(kind)
        assert spec.reversible == (spec.compensation is not None), kind
    # What Tandem's Undo can work out (tests/unit/test_undo.py builds each one).
    assert {k for k in ActionKind if action_type(k).reversible} == {
        ActionKind.ADJUST_INVENTORY,
        ActionKind.ACCOUNT_CREDIT,
    }
    with pytest.raises(KeyError, match="unknown action type"):
        action_type("teleport")


def credit_params(amount: str, reverses: str | None = None) -> dict[str, object]:
    params: dict[str, object] = {
        "customer_id": "cus-1",
        "amount": {"amount": amount, "currency": "USD"},
        "reason": "late parcel",
    }
    return params if reverses is None else {**params, "reverses": reverses}


@pytest.mark.parametrize(
    ("amount", "reverses", "problem"),
    [
        ("12.50", None, None),
        ("0", None, None),
        ("-12.50", "CRD-00000001", None),
        ("-12.50", None, "greater than or equal to 0"),
        ("12.50", "CRD-00000001", "its amount is negative"),
        ("0", "CRD-00000001", "its amount is negative"),
        ("-12.505", "CRD-00000001", "at most 2 decimal places"),
        ("-12.50", "not an id!", "String should match pattern"),
    ],
)
def test_only_a_reversal_credits_a_negative_amount(
    amount: str, reverses: str | None, problem: str | None
) -> None:
    data = {"step_id": "s1", "action": "account_credit", "params": credit_params(amount, reverses)}
    if problem is None:
        step = TypeAdapter(PlanStep).validate_python(data)
        assert step_amount(step) == SignedMoney.of(amount, "USD")
    else:
        with pytest.raises(ValidationError, match=problem):
            TypeAdapter(PlanStep).validate_python(data)


def test_other_money_stays_zero_or_more() -> None:
    """Only a credit's reversal may carry a negative amount: a refund never does."""
    adapter = TypeAdapter(PlanStep)
    params = {
        "order_id": "ORD-1",
        "payment_id": "pay_1",
        "amount": {"amount": "-12.00", "currency": "USD"},
        "reason": "late",
    }
    with pytest.raises(ValidationError, match="greater than or equal to 0"):
        adapter.validate_python({"step_id": "s1", "action": "refund", "params": params})
    with pytest.raises(ValidationError, match="Extra inputs"):
        adapter.validate_python(
            {
                "step_id": "s1",
                "action": "refund",
                "params": {
                    **params,
                    "amount": {"amount": "12", "currency": "USD"},
                    "reverses": "r",
                },
            }
        )
    # Signed and unsigned money of the same amount are the same money.
    assert SignedMoney.of("-0", "USD") == Money.of("0.00", "USD")
    assert SignedMoney.of("12.5", "USD") == Money.of("12.50", "USD")
    assert hash(SignedMoney.of("12.5", "USD")) == hash(Money.of("12.50", "USD"))
    assert SignedMoney.of("12.50", "USD") != Money.of("12.50", "EUR")
    assert str(SignedMoney.of("-12.5", "USD")) == "-12.50 USD"


def test_override_needs_a_reason_code() -> None:
    common = {
        "id": "d1",
        "case_id": "c1",
        "proposal_id": "p1",
        "role": "agent",
        "actor": Actor(kind=ActorKind.AGENT, id="agent-1", name="Ana"),
        "decided_at": T0,
        "time_to_decide_ms": 4200,
    }
    with pytest.raises(ValidationError, match="reason code"):
        Decision(kind=DecisionKind.OVERRIDE, **common)
    assert Decision(kind=DecisionKind.OVERRIDE, reason_code=ReasonCode.TONE, **common)


def test_authority_policy_ends_with_a_catch_all() -> None:
    rule = AuthorityRule(
        id="refund-small",
        action=ActionKind.REFUND,
        when=Conditions(max_amount={"USD": Decimal(50)}),
        level=AutonomyLevel.AGENT,
        clause="Agents may refund up to $50.",
    )
    with pytest.raises(ValidationError, match="catch-all"):
        AuthorityPolicy(version=1, effective_from=T0, author="sup-1", rules=[rule])
    fallback = AuthorityRule(
        id="default",
        action="*",
        level=AutonomyLevel.SUGGEST,
        clause="Everything else is a suggestion.",
    )
    assert AuthorityPolicy(version=1, effective_from=T0, author="sup-1", rules=[rule, fallback])


def test_audit_chain_detects_a_changed_record() -> None:
    payload = canonical_json({"b": 1, "a": "退款"})
    assert payload == '{"a":"退款","b":1}'.encode()
    head = record_header(
        T0.isoformat(timespec="microseconds"), "agent-1", "decision", subjects_text([])
    )
    first = chain_hash(GENESIS_HASH, payload, head)
    record = AuditRecord(
        seq=1,
        recorded_at=T0,
        actor_id="agent-1",
        kind="decision",
        payload=payload.decode(),
        prev_hash=GENESIS_HASH,
        hash=first,
    )
    assert record.verify()
    tampered = record.model_copy(update={"payload": '{"a":"refund","b":1}'})
    assert not tampered.verify()


def test_a_refund_names_the_order_or_the_subscription_it_repays() -> None:
    from console.domain.actions import RefundParams

    money = {"amount": "9.99", "currency": "GBP"}
    common = {"payment_id": "PAY-1", "amount": money, "reason": "cancelled_plan"}
    assert RefundParams.model_validate({**common, "subscription_id": "SUB-1"}).order_id is None
    assert RefundParams.model_validate({**common, "order_id": "ORD-1"}).subscription_id is None
    for wrong in ({}, {"order_id": "ORD-1", "subscription_id": "SUB-1"}):
        with pytest.raises(ValidationError, match="either the order or the subscription"):
            RefundParams.model_validate({**common, **wrong})
