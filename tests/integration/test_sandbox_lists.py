"""The sandbox's lists of what writes made — an order's reships, inventory adjustments, a
shipment's carrier requests — over real HTTP: newest first, a page at a time, and each
item with the Idempotency-Key it was made under, kept after the key itself is forgotten,
so that a client can find out whether a request whose answer it lost was carried out."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from .conftest import DemoIds


def listed(client: httpx.Client, url: str, **query: Any) -> list[dict[str, Any]]:
    reply = client.get(url, params={"limit": 100, **query})
    assert reply.status_code == 200, reply.text
    body = reply.json()
    assert body["object"] == "list"
    data: list[dict[str, Any]] = body["data"]
    return data


def test_an_orders_reships_are_listed_with_their_key(client: httpx.Client, demo: DemoIds) -> None:
    url = f"/orders/v1/orders/{demo.order_id}/reships"
    before = listed(client, url)
    body = {"items": [{"sku": demo.sku, "quantity": 1}], "speed": "standard"}
    made = client.post(url, json=body, headers={"Idempotency-Key": "list-reship-1"})
    plain = client.post(url, json=body)  # no key
    assert made.status_code == plain.status_code == 201
    assert made.json()["idempotency_key"] == "list-reship-1"
    assert plain.json()["idempotency_key"] is None
    after = listed(client, url)
    assert [r["id"] for r in after] == [plain.json()["id"], made.json()["id"]] + [
        r["id"] for r in before
    ]
    assert all(r["reship_of"] == demo.order_id for r in after)
    assert listed(client, url, idempotency_key="list-reship-1") == [made.json()]
    assert client.get(f"/orders/v1/orders/{made.json()['id']}").json() == made.json()
    assert client.get("/orders/v1/orders/ORD-0/reships").status_code == 404


def test_adjustments_are_listed_by_sku_and_warehouse(client: httpx.Client, demo: DemoIds) -> None:
    item = client.get(f"/inventory/v1/items/{demo.sku}").json()
    warehouse = item["warehouses"][0]["warehouse"]
    body = {"sku": demo.sku, "warehouse": warehouse, "delta": 2, "reason": "Found in aisle 3"}
    made = client.post(
        "/inventory/v1/adjustments", json=body, headers={"Idempotency-Key": "list-adj-1"}
    )
    assert made.status_code == 201, made.text
    adjustment = made.json()
    assert adjustment["id"].startswith("ADJ-")
    assert (adjustment["delta"], adjustment["idempotency_key"]) == (2, "list-adj-1")
    of_sku = listed(client, "/inventory/v1/adjustments", sku=demo.sku)
    assert of_sku[0] == adjustment
    assert all(a["sku"] == demo.sku for a in of_sku)
    here = listed(client, "/inventory/v1/adjustments", sku=demo.sku, warehouse=warehouse)
    assert adjustment in here
    assert listed(client, "/inventory/v1/adjustments", sku="SKU-NONE") == []
    assert listed(client, "/inventory/v1/adjustments", idempotency_key="list-adj-1") == [adjustment]


def test_a_shipments_carrier_requests_are_listed(client: httpx.Client, demo: DemoIds) -> None:
    url = f"/logistics/v1/shipments/{demo.shipment_id}/requests"
    body = {"request": "trace", "message": "Where is it?"}
    made = client.post(url, json=body, headers={"Idempotency-Key": "list-req-1"})
    assert made.status_code == 201, made.text
    request = made.json()
    assert request["idempotency_key"] == "list-req-1"
    assert listed(client, url)[0] == request
    assert listed(client, url, idempotency_key="list-req-1") == [request]
    shipment = client.get(f"/logistics/v1/shipments/{demo.shipment_id}").json()
    assert shipment["requests"][-1] == request  # the shipment shows them oldest first
    assert client.get("/logistics/v1/shipments/SHP-0/requests").status_code == 404


def test_the_key_an_object_was_made_under_outlives_the_key(
    client: httpx.Client, demo: DemoIds
) -> None:
    url = f"/logistics/v1/shipments/{demo.shipment_id}/requests"
    body = {"request": "trace", "message": "Still nothing"}
    made = client.post(url, json=body, headers={"Idempotency-Key": "list-forgotten"})
    assert made.status_code == 201
    assert client.post("/_sandbox/idempotency/forget").json()["forgotten"] >= 1
    assert [r["id"] for r in listed(client, url, idempotency_key="list-forgotten")] == [
        made.json()["id"]
    ]
    # The key is new again to the sandbox: a second request under it is carried out too.
    again = client.post(url, json=body, headers={"Idempotency-Key": "list-forgotten"})
    assert again.status_code == 201
    assert again.json()["id"] != made.json()["id"]
    assert len(listed(client, url, idempotency_key="list-forgotten")) == 2


@pytest.mark.parametrize("kind", ["adjustments", "requests"])
def test_lists_page_like_stripe(client: httpx.Client, demo: DemoIds, kind: str) -> None:
    if kind == "adjustments":
        url, query = "/inventory/v1/adjustments", {"sku": demo.sku}
        item = client.get(f"/inventory/v1/items/{demo.sku}").json()["warehouses"][0]
        body: dict[str, Any] = {"sku": demo.sku, "warehouse": item["warehouse"], "reason": "n"}
        bodies = [{**body, "delta": 1} for _ in range(3)]
    else:
        url, query = f"/logistics/v1/shipments/{demo.shipment_id}/requests", {}
        bodies = [{"request": "trace", "message": f"page {n}"} for n in range(3)]
    made = [client.post(url, json=b).json()["id"] for b in bodies]
    newest = list(reversed(made))
    first = client.get(url, params={**query, "limit": 2}).json()
    assert [x["id"] for x in first["data"]] == newest[:2]
    assert first["has_more"] is True
    rest = client.get(url, params={**query, "limit": 2, "starting_after": newest[1]}).json()
    assert rest["data"][0]["id"] == newest[2]
    assert client.get(url, params={**query, "limit": "x"}).status_code == 400
