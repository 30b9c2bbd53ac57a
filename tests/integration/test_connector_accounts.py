"""Account credit written back to the sandbox's accounts system over loopback: the shipped
connector gives a credit once per key and finds it again, and an approved credit goes
through the outbox to the ``accounts`` destination — done once, or refused with the
system's reason; undone, it is taken back once by its reversal."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import httpx
import pytest

from console.connectors.delivery import Outcome
from console.connectors.registry import ConnectorSet
from console.domain.actions import PlanStep
from console.domain.errors import ConflictError, InvalidInput
from console.domain.kinds import ActionKind, ExecutionState
from console.sandbox.process import SandboxProcess
from console.services import Services
from console.store import audit
from tests.aio import run

from .conftest import DemoIds
from .test_connectors_sandbox import with_connectors
from .test_dispatcher import AGENT, STEPS, Desk


def account(client: httpx.Client, customer_id: str) -> dict[str, Any]:
    reply = client.get(f"/accounts/v1/customers/{customer_id}")
    assert reply.status_code == 200, reply.text
    data: dict[str, Any] = reply.json()
    return data


def credits(client: httpx.Client, customer_id: str) -> list[dict[str, Any]]:
    url = f"/accounts/v1/customers/{customer_id}/credits"
    data: list[dict[str, Any]] = client.get(url, params={"limit": 100}).json()["data"]
    return data


@pytest.fixture
def desk(
    empty_services: Services, sandbox: SandboxProcess, demo: DemoIds, client: httpx.Client
) -> Desk:
    return Desk(empty_services, sandbox, demo)


def customer_of(desk: Desk) -> str:
    return (
        desk.services.store.reader()
        .execute("SELECT customer_id FROM cases WHERE id = ?", (desk.case_id,))
        .fetchone()[0]
    )


def credit_step(step_id: str, customer_id: str, amount: str, currency: str) -> PlanStep:
    return STEPS.validate_python(
        {
            "step_id": step_id,
            "action": "account_credit",
            "params": {
                "customer_id": customer_id,
                "amount": {"amount": amount, "currency": currency},
                "reason": "Goodwill for the late parcel",
            },
        }
    )


def test_the_connector_gives_a_credit_once_and_finds_it_again(
    sandbox: SandboxProcess, client: httpx.Client, demo: DemoIds
) -> None:
    customer_id = client.get(f"/payments/v1/charges/{demo.charge_id}").json()["metadata"][
        "customer_id"
    ]
    currency = account(client, customer_id)["currency"]
    params = {
        "customer_id": customer_id,
        "amount": {"amount": "4.50", "currency": currency},
        "reason": "Sorry for the wait",
    }
    before = account(client, customer_id)["balance"]

    async def work(connectors: ConnectorSet) -> tuple[Any, ...]:
        accounts = connectors["accounts"]
        assert accounts.lookup_supported
        first = await accounts.send(ActionKind.ACCOUNT_CREDIT, params, "credit-1")
        again = await accounts.send(ActionKind.ACCOUNT_CREDIT, params, "credit-1")
        found = await accounts.lookup(ActionKind.ACCOUNT_CREDIT, params, "credit-1")
        missing = await accounts.lookup(ActionKind.ACCOUNT_CREDIT, params, "credit-never")
        return first, again, found, missing

    first, again, found, missing = with_connectors(sandbox, work)
    assert first.outcome is Outcome.DELIVERED, first.error
    assert first.remote_ref.startswith("CRD-")
    assert (again.outcome, again.remote_ref) == (Outcome.DELIVERED, first.remote_ref)
    assert (found.outcome, found.remote_ref) == (Outcome.DELIVERED, first.remote_ref)
    assert missing is None
    made = credits(client, customer_id)[0]
    assert made["id"] == first.remote_ref
    assert made["amount"] == {"amount": "4.50", "currency": currency}
    assert (made["reason"], made["idempotency_key"]) == ("Sorry for the wait", "credit-1")
    after = account(client, customer_id)["balance"]
    assert Decimal(after["amount"]) == Decimal(before["amount"]) + Decimal("4.50")


def test_an_approved_credit_goes_through_the_outbox_to_accounts_once(
    desk: Desk, client: httpx.Client
) -> None:
    customer_id = customer_of(desk)
    before = account(client, customer_id)
    currency = before["currency"]
    desk.approve(credit_step("c1", customer_id, "5.00", currency))
    (row,) = desk.rows()
    assert (row.action, row.destination, row.state) == (
        "account_credit",
        "accounts",
        ExecutionState.PENDING,
    )
    desk.dispatch()
    (row,) = desk.rows()
    assert row.state is ExecutionState.DELIVERED, row.last_error
    assert row.remote_ref
    assert row.remote_ref.startswith("CRD-")
    made = [c for c in credits(client, customer_id) if c["idempotency_key"] == row.idempotency_key]
    assert [c["id"] for c in made] == [row.remote_ref]
    after = account(client, customer_id)
    assert Decimal(after["balance"]["amount"]) == Decimal(before["balance"]["amount"]) + 5
    assert audit.verify(desk.services.store.reader()).ok


def test_a_credit_the_account_cannot_take_is_refused_with_its_reason(
    desk: Desk, client: httpx.Client
) -> None:
    customer_id = customer_of(desk)
    held_in = account(client, customer_id)["currency"]
    other = "GBP" if held_in != "GBP" else "USD"
    count = len(credits(client, customer_id))
    desk.approve(credit_step("c1", customer_id, "5.00", other))
    desk.dispatch()
    (row,) = desk.rows()
    assert row.state is ExecutionState.REJECTED
    assert row.attempts == 1  # never retried
    assert f"held in {held_in}" in (row.last_error or "")
    assert len(credits(client, customer_id)) == count


def test_an_undone_credit_is_taken_back_once_and_the_balance_is_where_it_started(
    desk: Desk, client: httpx.Client
) -> None:
    customer_id = customer_of(desk)
    start = account(client, customer_id)
    currency = start["currency"]
    desk.approve(credit_step("c1", customer_id, "6.40", currency))
    desk.dispatch()
    (done,) = desk.rows()
    assert done.state is ExecutionState.DELIVERED, done.last_error
    assert done.remote_ref
    given = Decimal(start["balance"]["amount"]) + Decimal("6.40")
    assert Decimal(account(client, customer_id)["balance"]["amount"]) == given

    undo = run(desk.services.decisions.undo(done.id, AGENT))
    assert undo.awaiting_supervisor == []  # as small as the credit: the agent may
    desk.dispatch()
    first, second = desk.rows()
    assert (first.id, first.state) == (done.id, ExecutionState.DELIVERED)  # history kept
    assert (second.compensates, second.state) == (done.id, ExecutionState.DELIVERED)
    assert second.remote_ref
    assert second.remote_ref.startswith("CRD-")
    made = [c for c in credits(client, customer_id) if c["reverses"] == done.remote_ref]
    assert [(c["id"], c["idempotency_key"]) for c in made] == [
        (second.remote_ref, second.idempotency_key)
    ]
    assert made[0]["amount"] == {"amount": "-6.40", "currency": currency}
    assert account(client, customer_id)["balance"] == start["balance"]

    with pytest.raises(ConflictError, match="already been undone"):
        run(desk.services.decisions.undo(done.id, AGENT))
    with pytest.raises(InvalidInput, match="cannot undo account credit"):
        run(desk.services.decisions.undo(second.id, AGENT))  # a reversal is not reversed
    desk.dispatch()
    assert len(desk.rows()) == 2  # nothing more was sent
    assert account(client, customer_id)["balance"] == start["balance"]
    assert audit.verify(desk.services.store.reader()).ok
