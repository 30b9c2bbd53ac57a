"""Orders, logistics and inventory: the ids the demo cases show, and their writes."""

from __future__ import annotations

import httpx

from .conftest import DemoIds


def _last_event(client: httpx.Client, cursor: int) -> dict[str, object]:
    events = client.get("/events/v1/events", params={"after": cursor}).json()["events"]
    assert events, "no event"
    last: dict[str, object] = events[-1]
    return last


def test_an_order_is_reshipped_as_a_new_order(client: httpx.Client, demo: DemoIds) -> None:
    order = client.get(f"/orders/v1/orders/{demo.order_id}").json()
    assert order["items"][0]["unit_price"]["currency"] == order["total"]["currency"]
    assert order["shipment_ids"]
    cursor = client.get("/_sandbox/health").json()["last_cursor"]
    reply = client.post(
        f"/orders/v1/orders/{demo.order_id}/reships",
        json={"items": [{"sku": demo.sku, "quantity": 1}], "speed": "express"},
    )
    assert reply.status_code == 201, reply.text
    reship = reply.json()
    assert reship["reship_of"] == demo.order_id
    assert client.get(f"/orders/v1/orders/{reship['id']}").json()["speed"] == "express"
    event = _last_event(client, cursor)
    assert event["type"] == "order.reship_created"
    assert event["data"] == {"new_order_id": reship["id"], "speed": "express", "items": 1}
    assert client.get("/orders/v1/orders/ORD-0").status_code == 404


def test_a_carrier_request_is_recorded_on_the_shipment(client: httpx.Client, demo: DemoIds) -> None:
    shipment = client.get(f"/logistics/v1/shipments/{demo.shipment_id}").json()
    assert shipment["carrier"]
    assert shipment["tracking_number"]
    assert shipment["tracking_events"]
    cursor = client.get("/_sandbox/health").json()["last_cursor"]
    reply = client.post(
        f"/logistics/v1/shipments/{demo.shipment_id}/requests",
        json={"request": "trace", "message": "Customer has not received it"},
    )
    assert reply.status_code == 201, reply.text
    after = client.get(f"/logistics/v1/shipments/{demo.shipment_id}").json()
    assert after["requests"][-1]["id"] == reply.json()["id"]
    event = _last_event(client, cursor)
    assert event["type"] == "shipment.trace_requested"
    assert event["refs"] == {
        "order_id": shipment["order_id"],
        "shipment_id": demo.shipment_id,
        "payment_id": None,
        "ticket_id": None,
        "customer_id": shipment["customer_id"],
    }
    bad = client.post(f"/logistics/v1/shipments/{demo.shipment_id}/requests", json={"request": "x"})
    assert bad.status_code == 400


def test_stock_is_adjusted_but_never_below_zero(client: httpx.Client, demo: DemoIds) -> None:
    item = client.get(f"/inventory/v1/items/{demo.sku}").json()
    warehouse = item["warehouses"][0]["warehouse"]
    on_hand = item["warehouses"][0]["on_hand"]
    body = {"sku": demo.sku, "warehouse": warehouse, "delta": -1, "reason": "damaged in transit"}
    reply = client.post("/inventory/v1/adjustments", json=body)
    assert reply.status_code == 201, reply.text
    assert reply.json()["on_hand"] == on_hand - 1
    after = client.get(f"/inventory/v1/items/{demo.sku}").json()
    assert after["on_hand_total"] == item["on_hand_total"] - 1
    too_many = client.post("/inventory/v1/adjustments", json={**body, "delta": -(on_hand + 5)})
    assert too_many.status_code == 400
    assert too_many.json()["error"]["code"] == "insufficient_stock"
