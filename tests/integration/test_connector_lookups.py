"""Reconcile lookups of the shipped REST connectors — reships, carrier requests, inventory
adjustments and account credits — against the real sandbox over loopback.

Each case: the sandbox does the work but the answer is lost, then forgets the idempotency
key (``POST /_sandbox/idempotency/forget``, as if its lifetime had passed). The dispatcher,
knowing the key may be gone, looks the action up instead of sending it again and records it
as reconciled: exactly one effect. A control run that never looks up re-sends under the
forgotten key and does the work twice, which shows the check can see a repeat.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from console.connectors.delivery import Outcome
from console.connectors.registry import ConnectorSet
from console.domain.actions import PlanStep
from console.domain.kinds import ActionKind, ExecutionState, Role
from console.sandbox.process import SandboxProcess
from console.services import Services
from console.services.dispatcher import DispatchSettings
from console.services.roles import Principal
from console.store import audit
from tests.aio import run

from .conftest import DemoIds
from .test_connectors_sandbox import with_connectors
from .test_dispatcher import AGENT, STEPS, Desk

SUPERVISOR = Principal("sup-1", "Sam Supervisor", Role.SUPERVISOR)
KEY_LIFETIME_S = 10.0
WAREHOUSE = "WH-LOOKUP"


@dataclass(frozen=True)
class Kind:
    """One action kind carried by a REST connector, and how to see its effect."""

    action: ActionKind
    destination: str
    ref_kind: str  # the case reference that names the object it acts on

    def ref(self, demo: DemoIds) -> str:
        return demo.shipment_id if self.ref_kind == "shipment_id" else demo.order_id

    def params(self, client: httpx.Client, demo: DemoIds, tag: str) -> dict[str, Any]:
        if self.action is ActionKind.RESHIP:
            return {
                "order_id": demo.order_id,
                "items": [{"sku": demo.sku, "quantity": 1}],
                "speed": "standard",
            }
        if self.action is ActionKind.NOTIFY_LOGISTICS:
            shipment = client.get(f"/logistics/v1/shipments/{demo.shipment_id}").json()
            return {
                "shipment_id": demo.shipment_id,
                "carrier": shipment["carrier"],
                "request": "trace",
                "message": f"Please trace this parcel ({tag}).",
            }
        if self.action is ActionKind.ADJUST_INVENTORY:
            return {"sku": demo.sku, "warehouse": WAREHOUSE, "delta": 1, "reason": tag}
        customer = customer_of(client, demo)
        currency = client.get(f"/accounts/v1/customers/{customer}").json()["currency"]
        return {
            "customer_id": customer,
            "amount": {"amount": "1.25", "currency": currency},
            "reason": tag,
        }

    def made(self, client: httpx.Client, demo: DemoIds) -> list[dict[str, Any]]:
        """Everything this kind has made on the sandbox for the demo ids, newest first."""
        if self.action is ActionKind.RESHIP:
            url, query = f"/orders/v1/orders/{demo.order_id}/reships", {}
        elif self.action is ActionKind.NOTIFY_LOGISTICS:
            url, query = f"/logistics/v1/shipments/{demo.shipment_id}/requests", {}
        elif self.action is ActionKind.ADJUST_INVENTORY:
            url, query = "/inventory/v1/adjustments", {"sku": demo.sku, "warehouse": WAREHOUSE}
        else:
            url, query = f"/accounts/v1/customers/{customer_of(client, demo)}/credits", {}
        reply = client.get(url, params={**query, "limit": 100})
        assert reply.status_code == 200, reply.text
        data: list[dict[str, Any]] = reply.json()["data"]
        return data


KINDS = [
    Kind(ActionKind.RESHIP, "orders", "order_id"),
    Kind(ActionKind.NOTIFY_LOGISTICS, "logistics", "shipment_id"),
    Kind(ActionKind.ADJUST_INVENTORY, "inventory", "order_id"),
    Kind(ActionKind.ACCOUNT_CREDIT, "accounts", "order_id"),
]
IDS = [k.destination for k in KINDS]


def customer_of(client: httpx.Client, demo: DemoIds) -> str:
    """The customer of the demo order's case."""
    customer: str = client.get(f"/orders/v1/orders/{demo.order_id}").json()["customer_id"]
    return customer


def drop_answers(client: httpx.Client, system: str) -> None:
    reply = client.post("/_sandbox/faults", json={"seed": 3, system: {"drop_response_rate": 1.0}})
    assert reply.status_code == 200, reply.text


def forget_keys(client: httpx.Client) -> None:
    assert client.post("/_sandbox/idempotency/forget").json()["forgotten"] >= 1


# -- the connectors alone ------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS, ids=IDS)
def test_a_lost_answer_is_found_by_lookup_after_the_key_is_forgotten(
    sandbox: SandboxProcess, client: httpx.Client, demo: DemoIds, kind: Kind
) -> None:
    key = f"lookup-{kind.destination}-1"
    params = kind.params(client, demo, key)
    before = len(kind.made(client, demo))

    async def send(connectors: ConnectorSet) -> Any:
        return await connectors[kind.destination].send(kind.action, params, key)

    async def look(connectors: ConnectorSet) -> tuple[Any, Any]:
        connector = connectors[kind.destination]
        assert connector.lookup_supported
        found = await connector.lookup(kind.action, params, key)
        other = await connector.lookup(kind.action, params, f"{key}-never-sent")
        return found, other

    drop_answers(client, kind.destination)
    lost = with_connectors(sandbox, send)
    client.delete("/_sandbox/faults")
    forget_keys(client)
    found, other = with_connectors(sandbox, look)

    assert lost.outcome is Outcome.UNKNOWN
    made = kind.made(client, demo)
    assert len(made) == before + 1  # done at the sandbox; only the answer was lost
    assert made[0]["idempotency_key"] == key
    assert found.outcome is Outcome.DELIVERED
    assert found.remote_ref == made[0]["id"]
    assert other is None


# -- through the outbox ------------------------------------------------------------------------


@pytest.fixture
def desk(
    empty_services: Services, sandbox: SandboxProcess, demo: DemoIds, client: httpx.Client
) -> Desk:
    return Desk(empty_services, sandbox, demo)


def approve(desk: Desk, kind: Kind, step: PlanStep) -> None:
    """Approve ``step`` on the case that names the object it acts on (a supervisor too,
    when the map asks for one)."""
    desk.case_id = (
        desk.services.store.reader()
        .execute(
            "SELECT case_id FROM case_refs WHERE kind = ? AND ref = ?",
            (kind.ref_kind, kind.ref(desk.demo)),
        )
        .fetchone()[0]
    )
    desk.planner.steps = [step]
    proposal = run(desk.planning.plan(desk.case_id))
    decisions = desk.services.decisions
    result = run(decisions.approve(desk.case_id, proposal.id, AGENT))
    if result.awaiting_supervisor:
        run(
            decisions.approve(
                desk.case_id, proposal.id, SUPERVISOR, step_ids=result.awaiting_supervisor
            )
        )


@pytest.mark.parametrize("reconcile", [True, False], ids=["reconciled", "control-no-lookup"])
@pytest.mark.parametrize("kind", KINDS, ids=IDS)
def test_an_unknown_outcome_under_a_forgotten_key_is_reconciled_to_one_effect(
    desk: Desk, client: httpx.Client, kind: Kind, reconcile: bool
) -> None:
    settings = DispatchSettings(
        key_lifetime={kind.destination: KEY_LIFETIME_S},
        reconcile_after=0.8 if reconcile else 1e9,  # the control never looks up
    )
    tag = f"outbox-{kind.destination}-{reconcile}"
    before = len(kind.made(client, desk.demo))
    step = STEPS.validate_python(
        {
            "step_id": "s1",
            "action": kind.action.value,
            "params": kind.params(client, desk.demo, tag),
        }
    )
    approve(desk, kind, step)

    drop_answers(client, kind.destination)
    desk.dispatch(settings, rounds=1)
    client.delete("/_sandbox/faults")
    (row,) = desk.rows()
    assert (row.destination, row.state, row.attempts) == (
        kind.destination,
        ExecutionState.PENDING,
        1,
    )
    assert len(kind.made(client, desk.demo)) == before + 1  # done; the answer was lost
    forget_keys(client)
    desk.clock.advance(KEY_LIFETIME_S * 6)  # the dispatcher knows the key may be gone
    desk.dispatch(settings)

    (row,) = desk.rows()
    made = [m for m in kind.made(client, desk.demo) if m["idempotency_key"] == row.idempotency_key]
    if reconcile:
        assert row.state is ExecutionState.RECONCILED, row.last_error
        assert [m["id"] for m in made] == [row.remote_ref]
        assert len(kind.made(client, desk.demo)) == before + 1
        assert audit.verify(desk.services.store.reader()).ok
    else:  # sent again under a key the sandbox forgot: done twice
        assert row.state is ExecutionState.DELIVERED
        assert len(made) == 2


def test_every_shipped_rest_action_can_be_reconciled(sandbox: SandboxProcess) -> None:
    async def work(connectors: ConnectorSet) -> dict[str, bool]:
        return {name: c.lookup_supported for name, c in connectors.items()}

    assert with_connectors(sandbox, work) == dict.fromkeys(
        ("accounts", "inventory", "logistics", "orders", "payments", "tickets"), True
    )
