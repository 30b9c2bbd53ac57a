"""Undo: every action type that says it can be undone has a compensation Tandem can work out
from its done outbox row; a credit is undone by its reversal (the amount negated, naming the
credit), once, judged by the authority map by its size, and counted towards no cap."""

from __future__ import annotations

import hashlib
from decimal import Decimal
from typing import Any

import pytest

from console.domain.actions import ACTION_TYPES, ActionKind, PlanStep
from console.domain.audit import canonical_json
from console.domain.base import SignedMoney, utc_now
from console.domain.errors import ConflictError, InvalidInput
from console.domain.kinds import ExecutionState, StepState
from console.services import Services
from console.services.decisions import compensation, undoable
from console.store import decisions as rows
from console.store import outbox
from console.store.outbox import OutboxRow
from tests.aio import run
from tests.unit.test_decisions import AGENT, STEPS, SUPERVISOR, Desk, reply

# Parameters of one done step of every action type, as its outbox row keeps them.
SAMPLE_PARAMS: dict[ActionKind, dict[str, Any]] = {
    ActionKind.REFUND: {
        "order_id": "ORD-1",
        "payment_id": "PAY-1",
        "amount": {"amount": "12.00", "currency": "USD"},
        "reason": "late",
    },
    ActionKind.RESHIP: {"order_id": "ORD-1", "items": [{"sku": "SKU-1", "quantity": 1}]},
    ActionKind.ACCOUNT_CREDIT: {
        "customer_id": "cus-1",
        "amount": {"amount": "20.00", "currency": "USD"},
        "reason": "late",
        "reverses": None,
    },
    ActionKind.REPLY_TO_CUSTOMER: {"channel": "email", "language": "en", "body": "Sorry."},
    ActionKind.NOTIFY_LOGISTICS: {
        "shipment_id": "SHP-1",
        "carrier": "DHL",
        "request": "trace",
        "message": "Where is it?",
    },
    ActionKind.ADJUST_INVENTORY: {
        "sku": "SKU-1",
        "warehouse": "WH-1",
        "delta": 3,
        "reason": "found",
    },
    ActionKind.ESCALATE: {"team": "billing", "reason": "Twice charged"},
    ActionKind.CLOSE_CASE: {"resolution": "resolved", "summary": "Done."},
}


def executed(
    kind: ActionKind,
    params: dict[str, Any] | None = None,
    remote_ref: str | None = "REF-1",
    state: ExecutionState = ExecutionState.DELIVERED,
) -> OutboxRow:
    """A done outbox row of ``kind``, as the dispatcher leaves it."""
    payload = canonical_json(SAMPLE_PARAMS[kind] if params is None else params)
    at = "2026-11-02T09:00:00+00:00"
    return OutboxRow(
        id="exe-1",
        decision_id="dec-1",
        case_id="case-1",
        proposal_id="p-1",
        step_id="s1",
        action=kind.value,
        destination=ACTION_TYPES[kind].system.value,
        idempotency_key="tandem-exe-1",
        payload=payload,
        payload_hash=hashlib.sha256(payload).hexdigest(),
        approved_by="agent-1",
        approved_role="agent",
        compensates=None,
        state=state,
        attempts=1,
        created_at=at,
        first_attempt_at=at,
        next_attempt_at=at,
        updated_at=at,
        last_error=None,
        remote_ref=remote_ref,
    )


def test_the_samples_are_valid_steps_of_every_action_type() -> None:
    assert set(SAMPLE_PARAMS) == set(ActionKind)
    for kind, params in SAMPLE_PARAMS.items():
        STEPS.validate_python({"step_id": "s1", "action": kind.value, "params": params})


@pytest.mark.parametrize("kind", list(ActionKind), ids=lambda k: k.value)
def test_an_action_is_reversible_exactly_when_undo_can_build_its_compensation(
    kind: ActionKind,
) -> None:
    """The flag the console shows Undo for, and the authority map's ``reversible``, never
    promise what Undo cannot do."""
    row = executed(kind)
    spec = ACTION_TYPES[kind]
    assert undoable(row) is spec.reversible
    if not spec.reversible:
        with pytest.raises(InvalidInput, match=f"cannot undo {kind.value.replace('_', ' ')}"):
            compensation(row)
        return
    step = compensation(row)
    assert step.action is spec.compensation
    assert step.step_id == "undo-s1"
    assert step.params.reason == "Undo of exe-1"  # type: ignore[union-attr]
    assert STEPS.validate_json(step.model_dump_json()) == step


def test_an_inventory_change_is_undone_by_the_opposite_change() -> None:
    step = compensation(executed(ActionKind.ADJUST_INVENTORY))
    assert step.params.model_dump() == {  # type: ignore[union-attr]
        "sku": "SKU-1",
        "warehouse": "WH-1",
        "delta": -3,
        "reason": "Undo of exe-1",
    }


def test_a_credit_is_undone_by_its_reversal() -> None:
    row = executed(ActionKind.ACCOUNT_CREDIT, remote_ref="CRD-00000042")
    step = compensation(row)
    assert step.action is ActionKind.ACCOUNT_CREDIT
    assert step.params.customer_id == "cus-1"  # type: ignore[union-attr]
    assert step.params.amount == SignedMoney.of("-20.00", "USD")  # type: ignore[union-attr]
    assert step.params.reverses == "CRD-00000042"  # type: ignore[union-attr]
    # A row kept before credits could be reversed (no "reverses" key) is undone the same.
    older = {k: v for k, v in SAMPLE_PARAMS[ActionKind.ACCOUNT_CREDIT].items() if k != "reverses"}
    again = compensation(executed(ActionKind.ACCOUNT_CREDIT, older, remote_ref="CRD-00000042"))
    assert again == step
    # Reconciled (found by lookup) is done too.
    found = executed(
        ActionKind.ACCOUNT_CREDIT, remote_ref="CRD-00000042", state=ExecutionState.RECONCILED
    )
    assert compensation(found) == step


def test_a_credit_without_its_reference_or_a_reversal_is_not_undone() -> None:
    marked = executed(ActionKind.ACCOUNT_CREDIT, remote_ref=None)  # "Mark done" by a person
    with pytest.raises(InvalidInput) as info:
        compensation(marked)
    assert "did not name the credit" in info.value.issues[0].message
    assert not undoable(marked)
    reversal = compensation(executed(ActionKind.ACCOUNT_CREDIT, remote_ref="CRD-00000042"))
    undone = executed(
        ActionKind.ACCOUNT_CREDIT, reversal.params.model_dump(mode="json"), remote_ref="CRD-43"
    )
    with pytest.raises(InvalidInput) as info:
        compensation(undone)
    assert "takes a credit back already" in info.value.issues[0].message


# -- through the decision service -------------------------------------------------------------


@pytest.fixture
def desk(empty_services: Services) -> Desk:
    return Desk(empty_services)


def credit(step_id: str, amount: str) -> PlanStep:
    return STEPS.validate_python(
        {
            "step_id": step_id,
            "action": "account_credit",
            "params": {
                "customer_id": "cus-1",
                "amount": {"amount": amount, "currency": "USD"},
                "reason": "late parcel",
            },
        }
    )


def delivered(desk: Desk, step_id: str, remote_ref: str | None) -> OutboxRow:
    """The outbox row of ``step_id``, marked delivered as the dispatcher would."""
    conn = desk.services.store.reader()
    (row,) = [r for r in outbox.rows_for_case(conn, desk.case_id) if r.step_id == step_id]
    done = outbox.Finished(row.id, ExecutionState.DELIVERED, remote_ref=remote_ref)
    desk.services.store.write_sync(lambda db: outbox.finish(db, [done], utc_now()))
    got = outbox.get(desk.services.store.reader(), row.id)
    assert got is not None
    return got


def spent(desk: Desk) -> dict[str, Decimal]:
    return rows.spent(desk.services.store.reader(), case_id=desk.case_id)


def test_undoing_a_credit_approves_its_reversal_once_and_counts_it_towards_no_cap(
    desk: Desk,
) -> None:
    proposal = desk.propose(credit("c1", "20.00"), reply())
    run(desk.decisions.approve(desk.case_id, proposal.id, AGENT))
    done = delivered(desk, "c1", "CRD-00000042")
    assert spent(desk) == {"USD": Decimal("20.00")}

    result = run(desk.decisions.undo(done.id, AGENT))
    assert [o.state for o in result.outcomes] == [StepState.APPROVED]
    assert result.outcomes[0].verdict.rule_id == "credit-agent"  # $20 is within the band
    (step,) = result.decision.final_steps
    assert step.params.amount == SignedMoney.of("-20.00", "USD")  # type: ignore[union-attr]
    conn = desk.services.store.reader()
    (undo,) = [r for r in outbox.rows_for_case(conn, desk.case_id) if r.compensates == done.id]
    assert (undo.action, undo.destination, undo.state) == (
        "account_credit",
        "accounts",
        ExecutionState.PENDING,
    )
    assert undo.params["reverses"] == "CRD-00000042"
    assert undo.params["amount"] == {"amount": "-20.00", "currency": "USD"}
    # Taking the credit back neither raises the case's total nor frees room under its cap.
    assert spent(desk) == {"USD": Decimal("20.00")}
    midnight = utc_now().astimezone().replace(hour=0, minute=0, second=0, microsecond=0)
    far = "9999-12-31T00:00:00+00:00"
    today = rows.spent(conn, requested_by=AGENT.user_id, since=midnight)
    assert today == rows.spent(conn, requested_by=AGENT.user_id, since=midnight, before=far)
    assert today == {"USD": Decimal("20.00")}

    with pytest.raises(ConflictError, match="already been undone"):
        run(desk.decisions.undo(done.id, AGENT))
    assert desk.audit_ok().ok


def test_taking_a_credit_back_needs_the_authority_giving_it_needed(desk: Desk) -> None:
    proposal = desk.propose(credit("c1", "80.00"))
    assert run(desk.decisions.approve(desk.case_id, proposal.id, AGENT)).awaiting_supervisor
    run(desk.decisions.approve(desk.case_id, proposal.id, SUPERVISOR, step_ids=["c1"]))
    done = delivered(desk, "c1", "CRD-00000042")
    result = run(desk.decisions.undo(done.id, AGENT))
    assert result.awaiting_supervisor == ["undo-c1"]  # -$80 is as big as $80
    assert result.outcomes[0].verdict.rule_id == "credit-supervisor"
    waiting = run(desk.decisions.waiting(SUPERVISOR))
    assert [(w.proposal_id, w.step.step_id) for w in waiting] == [(f"undo-{done.id}", "undo-c1")]
    run(desk.decisions.approve(desk.case_id, f"undo-{done.id}", SUPERVISOR, step_ids=["undo-c1"]))
    assert spent(desk) == {"USD": Decimal("80.00")}


def test_a_credit_marked_done_by_hand_cannot_be_undone(desk: Desk) -> None:
    proposal = desk.propose(credit("c1", "20.00"))
    run(desk.decisions.approve(desk.case_id, proposal.id, AGENT))
    done = delivered(desk, "c1", None)
    with pytest.raises(InvalidInput, match="cannot undo account credit"):
        run(desk.decisions.undo(done.id, AGENT))
    assert len(outbox.rows_for_case(desk.services.store.reader(), desk.case_id)) == 1


def test_a_reversal_is_made_only_by_undo(desk: Desk) -> None:
    """Neither a planner's proposal nor an edit can take a credit back; Undo's own step
    cannot be edited into another one."""
    taking_back = STEPS.validate_python(
        {
            "step_id": "c9",
            "action": "account_credit",
            "params": {
                "customer_id": "cus-1",
                "amount": {"amount": "-5.00", "currency": "USD"},
                "reason": "clawback",
                "reverses": "CRD-00000042",
            },
        }
    )
    proposal = desk.propose(taking_back)
    with pytest.raises(InvalidInput, match="only by Undo"):
        run(desk.decisions.approve(desk.case_id, proposal.id, SUPERVISOR))
    proposal = desk.propose(credit("c9", "5.00"))
    with pytest.raises(InvalidInput, match="only by Undo"):
        run(desk.decisions.approve(desk.case_id, proposal.id, AGENT, edited=[taking_back]))

    proposal = desk.propose(credit("c1", "80.00"))
    run(desk.decisions.approve(desk.case_id, proposal.id, SUPERVISOR))
    done = delivered(desk, "c1", "CRD-00000042")
    assert run(desk.decisions.undo(done.id, AGENT)).awaiting_supervisor == ["undo-c1"]
    undo = f"undo-{done.id}"
    reversal = compensation(done)
    for change in ({"reverses": "CRD-00000007"}, {"amount": {"amount": "-8", "currency": "USD"}}):
        edited = STEPS.validate_python(
            {
                **reversal.model_dump(mode="json"),
                "params": {**reversal.params.model_dump(mode="json"), **change},
            }
        )
        with pytest.raises(InvalidInput, match="only by Undo"):
            run(desk.decisions.approve(desk.case_id, undo, SUPERVISOR, edited=[edited]))
    result = run(desk.decisions.approve(desk.case_id, undo, SUPERVISOR))
    assert result.decision.final_steps == [reversal]
