"""The write-back connectors against the real sandbox over loopback: each delivers once,
a replay under the same key has one effect, an outage asks to retry, and a lost answer is
an unknown outcome that reconciling resolves."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import httpx

from console.connectors.delivery import Outcome
from console.connectors.http import make_client
from console.connectors.registry import ConnectorSet, connectors_for, routes, sandbox_base_urls
from console.connectors.zendesk import ZendeskTickets, marker
from console.domain.kinds import ActionKind
from console.sandbox.process import SandboxProcess
from tests.aio import run

from .conftest import DemoIds

T = TypeVar("T")


def with_connectors(sandbox: SandboxProcess, work: Callable[[ConnectorSet], Awaitable[T]]) -> T:
    async def go() -> T:
        connectors = connectors_for(None, sandbox_base_urls(sandbox.base_url), None)
        try:
            return await work(connectors)
        finally:
            await connectors.aclose()

    return run(go())


def _refund(client: httpx.Client, demo: DemoIds, amount: str = "1.50") -> dict[str, Any]:
    charge = client.get(f"/payments/v1/charges/{demo.charge_id}").json()
    return {
        "order_id": charge["metadata"]["order_id"] or "ORD-1",
        "payment_id": demo.charge_id,
        "amount": {"amount": amount, "currency": charge["currency"].upper()},
        "reason": "Parcel arrived late",
    }


def _refunds(client: httpx.Client, charge_id: str) -> list[dict[str, Any]]:
    got = client.get("/payments/v1/refunds", params={"charge": charge_id, "limit": 100})
    data: list[dict[str, Any]] = got.json()["data"]
    return data


def test_the_shipped_routes_cover_every_action_leaving_tandem(sandbox: SandboxProcess) -> None:
    async def work(connectors: ConnectorSet) -> dict[ActionKind, str]:
        return {kind: destination for kind, (destination, _) in routes(connectors).items()}

    assert with_connectors(sandbox, work) == {
        ActionKind.REFUND: "payments",
        ActionKind.ACCOUNT_CREDIT: "accounts",
        ActionKind.RESHIP: "orders",
        ActionKind.REPLY_TO_CUSTOMER: "tickets",
        ActionKind.ESCALATE: "tickets",
        ActionKind.NOTIFY_LOGISTICS: "logistics",
        ActionKind.ADJUST_INVENTORY: "inventory",
    }


def test_a_refund_is_made_once_and_found_again(
    sandbox: SandboxProcess, client: httpx.Client, demo: DemoIds
) -> None:
    params = _refund(client, demo)
    before = _refunds(client, demo.charge_id)
    charge_before = client.get(f"/payments/v1/charges/{demo.charge_id}").json()

    async def work(connectors: ConnectorSet) -> tuple[Any, ...]:
        payments = connectors["payments"]
        first = await payments.send(ActionKind.REFUND, params, "case-1/step-1")
        again = await payments.send(ActionKind.REFUND, params, "case-1/step-1")
        found = await payments.lookup(ActionKind.REFUND, params, "case-1/step-1")
        missing = await payments.lookup(ActionKind.REFUND, params, "case-1/never-sent")
        return first, again, found, missing

    first, again, found, missing = with_connectors(sandbox, work)
    assert first.outcome is Outcome.DELIVERED, first.error
    assert first.remote_ref.startswith("re_")
    assert (again.outcome, again.remote_ref) == (Outcome.DELIVERED, first.remote_ref)
    assert (found.outcome, found.remote_ref) == (Outcome.DELIVERED, first.remote_ref)
    assert missing is None
    after = _refunds(client, demo.charge_id)
    assert len(after) == len(before) + 1
    made = after[0]
    assert made["amount"] == 150  # 1.50 in minor units
    assert made["reason"] == "requested_by_customer"
    assert made["metadata"]["tandem_key"] == "case-1/step-1"
    assert made["metadata"]["tandem_reason"] == "Parcel arrived late"
    charge = client.get(f"/payments/v1/charges/{demo.charge_id}").json()
    assert charge["amount_refunded"] == charge_before["amount_refunded"] + 150


def test_an_outage_asks_to_retry_after_the_servers_delay(
    sandbox: SandboxProcess, client: httpx.Client, demo: DemoIds
) -> None:
    params = _refund(client, demo)
    before = len(_refunds(client, demo.charge_id))
    client.post("/_sandbox/faults", json={"payments": {"outage_until": 60, "retry_after_s": 7}})

    async def work(connectors: ConnectorSet) -> Any:
        return await connectors["payments"].send(ActionKind.REFUND, params, "outage-1")

    delivery = with_connectors(sandbox, work)
    assert (delivery.outcome, delivery.status, delivery.retry_after) == (Outcome.RETRY, 503, 7.0)
    assert delivery.error
    client.delete("/_sandbox/faults")
    assert len(_refunds(client, demo.charge_id)) == before


def test_a_lost_answer_is_unknown_until_lookup_finds_the_refund(
    sandbox: SandboxProcess, client: httpx.Client, demo: DemoIds
) -> None:
    params = _refund(client, demo, "0.25")
    before = len(_refunds(client, demo.charge_id))

    async def send(connectors: ConnectorSet) -> Any:
        return await connectors["payments"].send(ActionKind.REFUND, params, "drop-refund-1")

    async def reconcile(connectors: ConnectorSet) -> tuple[Any, Any]:
        payments = connectors["payments"]
        found = await payments.lookup(ActionKind.REFUND, params, "drop-refund-1")
        resent = await payments.send(ActionKind.REFUND, params, "drop-refund-1")
        return found, resent

    client.post("/_sandbox/faults", json={"payments": {"drop_response_rate": 1.0}})
    lost = with_connectors(sandbox, send)
    client.delete("/_sandbox/faults")
    found, resent = with_connectors(sandbox, reconcile)

    assert lost.outcome is Outcome.UNKNOWN
    assert found.outcome is Outcome.DELIVERED
    assert found.remote_ref.startswith("re_")
    assert resent.remote_ref == found.remote_ref
    assert len(_refunds(client, demo.charge_id)) == before + 1


def _comments(client: httpx.Client, ticket_id: str) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = client.get(f"/tickets/api/v2/tickets/{ticket_id}/comments").json()[
        "comments"
    ]
    return data


def test_a_reply_and_an_escalation_reach_the_ticket_once(
    sandbox: SandboxProcess, client: httpx.Client, demo: DemoIds
) -> None:
    reply = {"ticket_id": demo.ticket_id, "channel": "email", "language": "en", "body": "Sent!"}
    escalation = {"ticket_id": demo.ticket_id, "team": "billing", "reason": "Refund over cap"}
    before = _comments(client, demo.ticket_id)

    async def replies(connectors: ConnectorSet) -> tuple[Any, Any]:
        tickets = connectors["tickets"]
        first = await tickets.send(ActionKind.REPLY_TO_CUSTOMER, reply, "reply-1")
        again = await tickets.send(ActionKind.REPLY_TO_CUSTOMER, reply, "reply-1")
        return first, again

    async def escalate(connectors: ConnectorSet) -> Any:
        return await connectors["tickets"].send(ActionKind.ESCALATE, escalation, "escalate-1")

    first, again = with_connectors(sandbox, replies)
    assert first.outcome is Outcome.DELIVERED, first.error
    assert (again.outcome, again.remote_ref) == (Outcome.DELIVERED, first.remote_ref)
    ticket = client.get(f"/tickets/api/v2/tickets/{demo.ticket_id}").json()["ticket"]
    assert ticket["status"] == "pending"  # a reply waits on the customer
    note = with_connectors(sandbox, escalate)
    assert note.outcome is Outcome.DELIVERED, note.error
    comments = _comments(client, demo.ticket_id)
    assert len(comments) == len(before) + 2
    public, private = comments[-2:]
    assert (str(public["id"]), public["public"]) == (first.remote_ref, True)
    assert public["body"] == f"Sent!\n\n{marker('reply-1')}"
    assert private["public"] is False
    assert private["body"].startswith("Escalated to billing: Refund over cap")
    ticket = client.get(f"/tickets/api/v2/tickets/{demo.ticket_id}").json()["ticket"]
    assert ticket["status"] == "open"


def test_without_the_key_store_the_ticket_marker_still_stops_a_second_comment(
    own_sandbox: Callable[..., SandboxProcess],
) -> None:
    """Zendesk keeps no idempotency keys: the sandbox forgetting them at once stands in."""
    forgetful = own_sandbox(key_lifetime_s=0.0, demo_cases=3)
    with httpx.Client(base_url=forgetful.base_url, trust_env=False) as api:
        ticket_id = next(
            t for t in _open_tickets(api) if api.get(f"/tickets/api/v2/tickets/{t}").is_success
        )
        before = len(_comments(api, ticket_id))
        reply = {"ticket_id": ticket_id, "body": "Your parcel is on its way."}

        async def work(connectors: ConnectorSet) -> tuple[Any, Any]:
            tickets = connectors["tickets"]
            first = await tickets.send(ActionKind.REPLY_TO_CUSTOMER, reply, "k-1")
            second = await tickets.send(ActionKind.REPLY_TO_CUSTOMER, reply, "k-1")
            return first, second

        first, second = with_connectors(forgetful, work)
        assert first.outcome is second.outcome is Outcome.DELIVERED
        assert second.remote_ref == first.remote_ref
        assert len(_comments(api, ticket_id)) == before + 1


def _open_tickets(api: httpx.Client) -> list[str]:
    from console.services.demo import generate_cases

    return [
        c.case.external_refs.ticket_id
        for c in generate_cases(3, 1)
        if c.case.external_refs.ticket_id
        and api.get(f"/tickets/api/v2/tickets/{c.case.external_refs.ticket_id}").json()["ticket"][
            "status"
        ]
        != "closed"
    ]


def test_a_lost_ticket_update_is_found_by_its_marker(
    sandbox: SandboxProcess, client: httpx.Client, demo: DemoIds
) -> None:
    reply = {"ticket_id": demo.ticket_id, "body": "We are on it."}
    before = len(_comments(client, demo.ticket_id))

    async def send() -> Any:
        async with make_client() as http:
            tickets = ZendeskTickets(
                base_url=f"{sandbox.base_url}/tickets", client=http, lookup_before_send=False
            )
            return await tickets.send(ActionKind.REPLY_TO_CUSTOMER, reply, "drop-reply-1")

    async def reconcile(connectors: ConnectorSet) -> Any:
        return await connectors["tickets"].lookup(
            ActionKind.REPLY_TO_CUSTOMER, reply, "drop-reply-1"
        )

    client.post("/_sandbox/faults", json={"tickets": {"drop_response_rate": 1.0}})
    lost = run(send())
    client.delete("/_sandbox/faults")
    found = with_connectors(sandbox, reconcile)
    assert lost.outcome is Outcome.UNKNOWN
    assert found.outcome is Outcome.DELIVERED
    assert len(_comments(client, demo.ticket_id)) == before + 1
    assert str(_comments(client, demo.ticket_id)[-1]["id"]) == found.remote_ref


def test_reship_logistics_and_inventory_deliver_once_per_key(
    sandbox: SandboxProcess, client: httpx.Client, demo: DemoIds
) -> None:
    item = client.get(f"/inventory/v1/items/{demo.sku}").json()
    warehouse = item["warehouses"][0]["warehouse"]
    on_hand = item["warehouses"][0]["on_hand"]
    requests_before = len(
        client.get(f"/logistics/v1/shipments/{demo.shipment_id}").json()["requests"]
    )
    reship = {
        "order_id": demo.order_id,
        "items": [{"sku": demo.sku, "quantity": 1}],
        "speed": "express",
    }
    notify = {
        "shipment_id": demo.shipment_id,
        "carrier": "DHL",
        "request": "trace",
        "message": "Please trace this parcel.",
    }
    adjust = {"sku": demo.sku, "warehouse": warehouse, "delta": 2, "reason": "Return restocked"}

    async def work(connectors: ConnectorSet) -> dict[str, tuple[Any, Any]]:
        out = {}
        for destination, kind, params in (
            ("orders", ActionKind.RESHIP, reship),
            ("logistics", ActionKind.NOTIFY_LOGISTICS, notify),
            ("inventory", ActionKind.ADJUST_INVENTORY, adjust),
        ):
            connector = connectors[destination]
            first = await connector.send(kind, params, f"{destination}-1")
            again = await connector.send(kind, params, f"{destination}-1")
            out[destination] = (first, again)
        return out

    results = with_connectors(sandbox, work)
    for destination, (first, again) in results.items():
        assert first.outcome is Outcome.DELIVERED, (destination, first.error)
        assert first.remote_ref, destination
        assert again.remote_ref == first.remote_ref, destination
    assert results["orders"][0].remote_ref.startswith("ORD-R")
    new_order = client.get(f"/orders/v1/orders/{results['orders'][0].remote_ref}").json()
    assert (new_order["reship_of"], new_order["speed"]) == (demo.order_id, "express")
    shipment = client.get(f"/logistics/v1/shipments/{demo.shipment_id}").json()
    assert len(shipment["requests"]) == requests_before + 1
    stock = client.get(f"/inventory/v1/items/{demo.sku}").json()["warehouses"][0]
    assert stock["on_hand"] == on_hand + 2


def test_a_lost_rest_answer_is_unknown_and_a_resend_with_the_key_does_it_once(
    sandbox: SandboxProcess, client: httpx.Client, demo: DemoIds
) -> None:
    item = client.get(f"/inventory/v1/items/{demo.sku}").json()["warehouses"][0]
    adjust = {"sku": demo.sku, "warehouse": item["warehouse"], "delta": 1, "reason": "Count"}

    async def send(connectors: ConnectorSet) -> Any:
        inventory = connectors["inventory"]
        return await inventory.send(ActionKind.ADJUST_INVENTORY, adjust, "adj-9")

    client.post("/_sandbox/faults", json={"inventory": {"drop_response_rate": 1.0}})
    lost = with_connectors(sandbox, send)
    client.delete("/_sandbox/faults")
    resent = with_connectors(sandbox, send)
    assert lost.outcome is Outcome.UNKNOWN
    assert resent.outcome is Outcome.DELIVERED
    after = client.get(f"/inventory/v1/items/{demo.sku}").json()["warehouses"][0]
    assert after["on_hand"] == item["on_hand"] + 1
