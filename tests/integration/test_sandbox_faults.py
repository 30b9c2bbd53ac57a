"""Switchable faults: server errors, outages, and responses lost after the work was done."""

from __future__ import annotations

import httpx
import pytest

from .conftest import DemoIds


def test_an_error_rate_gives_server_errors(client: httpx.Client, demo: DemoIds) -> None:
    client.post("/_sandbox/faults", json={"orders": {"error_rate": 1.0}})
    reply = client.get(f"/orders/v1/orders/{demo.order_id}")
    assert reply.status_code == 500
    assert reply.json()["error"]["type"] == "api_error"
    assert client.get(f"/logistics/v1/shipments/{demo.shipment_id}").status_code == 200
    client.post("/_sandbox/faults", json={"seed": 3, "*": {"error_rate": 0.5}})
    statuses = {client.get(f"/orders/v1/orders/{demo.order_id}").status_code for _ in range(40)}
    assert statuses == {200, 500}
    client.delete("/_sandbox/faults")
    assert client.get(f"/orders/v1/orders/{demo.order_id}").status_code == 200


def test_an_outage_answers_503_with_retry_after(client: httpx.Client, demo: DemoIds) -> None:
    client.post("/_sandbox/faults", json={"payments": {"outage_until": 60}})
    reply = client.get(f"/payments/v1/charges/{demo.charge_id}")
    assert reply.status_code == 503
    assert 1 <= int(reply.headers["Retry-After"]) <= 60
    assert reply.json()["error"]["code"] == "service_unavailable"
    client.post("/_sandbox/faults", json={"tickets": {"outage_until": 30, "retry_after_s": 7}})
    down = client.get(f"/tickets/api/v2/tickets/{demo.ticket_id}")
    assert (down.status_code, down.headers["Retry-After"]) == (503, "7")
    assert down.json()["error"] == "ServiceUnavailable"
    client.post("/_sandbox/faults", json={"*": {"outage_until": "2000-01-01T00:00:00Z"}})
    assert client.get(f"/payments/v1/charges/{demo.charge_id}").status_code == 200


def test_a_dropped_response_is_an_unknown_outcome_but_the_work_is_done(
    client: httpx.Client, demo: DemoIds
) -> None:
    def refunds() -> list[str]:
        listed = client.get("/payments/v1/refunds", params={"charge": demo.charge_id, "limit": 100})
        return [r["id"] for r in listed.json()["data"]]

    before = refunds()
    client.post("/_sandbox/faults", json={"payments": {"drop_response_rate": 1.0}})
    body = {"charge": demo.charge_id, "amount": "30"}
    headers = {"Idempotency-Key": "drop-1"}
    with pytest.raises(httpx.TransportError):
        client.post("/payments/v1/refunds", data=body, headers=headers)
    client.delete("/_sandbox/faults")
    after = refunds()
    assert len(after) == len(before) + 1  # the refund was made
    retry = client.post("/payments/v1/refunds", data=body, headers=headers)
    assert retry.headers["Idempotent-Replayed"] == "true"
    assert retry.json()["id"] == after[0]
    assert len(refunds()) == len(after)


def test_a_bad_fault_configuration_is_refused(client: httpx.Client) -> None:
    assert client.post("/_sandbox/faults", json={"nowhere": {}}).status_code == 400
    assert client.post("/_sandbox/faults", json={"orders": {"error_rate": 2}}).status_code == 400
    assert client.get("/_sandbox/faults").json() == {"seed": 0, "systems": {}}
