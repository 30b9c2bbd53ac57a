"""Orders: look an order up, ship its items again as a new order, and list an order's
reships (each with the Idempotency-Key it was created under)."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from starlette.requests import Request
from starlette.routing import Route

from .common import int_param, keyed, list_page, money, new_id, remember_key
from .db import Database
from .errors import ApiError, not_found
from .events import envelope, now_iso
from .runtime import Outcome, Payload, Sandbox

SYSTEM = "orders"
SCHEMA = """
CREATE TABLE IF NOT EXISTS orders (
    id TEXT PRIMARY KEY,
    customer_id TEXT,
    status TEXT NOT NULL,
    currency TEXT NOT NULL,
    items TEXT NOT NULL,          -- [{sku, name, quantity, unit_price (minor units)}]
    shipment_ids TEXT NOT NULL DEFAULT '[]',
    reship_of TEXT,
    speed TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS orders_by_reship_of ON orders (reship_of) WHERE reship_of IS NOT NULL;
"""

SPEEDS = ("standard", "express", "overnight")


def order_object(row: sqlite3.Row) -> dict[str, Any]:
    currency = row["currency"]
    items = json.loads(row["items"])
    total = sum(item["unit_price"] * item["quantity"] for item in items)
    return {
        "id": row["id"],
        "object": "order",
        "status": row["status"],
        "customer_id": row["customer_id"],
        "items": [
            {
                "sku": item["sku"],
                "name": item["name"],
                "quantity": item["quantity"],
                "unit_price": money(item["unit_price"], currency),
            }
            for item in items
        ],
        "total": money(total, currency),
        "shipment_ids": json.loads(row["shipment_ids"]),
        "reship_of": row["reship_of"],
        "speed": row["speed"],
        "idempotency_key": row["idempotency_key"],
        "created_at": row["created_at"],
        "updated_at": row["updated_at"],
    }


def _find(conn: sqlite3.Connection, order_id: str) -> sqlite3.Row:
    row = conn.execute(f"{keyed('orders')} WHERE t.id = ?", (order_id,)).fetchone()
    if row is None:
        raise not_found("order", order_id, "order_id")
    result: sqlite3.Row = row
    return result


def get_order(db: Database, request: Request) -> dict[str, Any]:
    return order_object(_find(db.conn, request.path_params["order_id"]))


def list_reships(db: Database, request: Request) -> dict[str, Any]:
    order_id = _find(db.conn, request.path_params["order_id"])["id"]
    return list_page(
        db,
        request.query_params,
        table="orders",
        where=["t.reship_of = ?"],
        params=[order_id],
        url=f"/orders/v1/orders/{order_id}/reships",
        convert=order_object,
        what="order",
    )


def _reship_items(ordered: list[dict[str, Any]], spec: Any) -> list[dict[str, Any]]:
    if spec is None:
        return [dict(item) for item in ordered]
    if not isinstance(spec, list) or not spec:
        raise ApiError(400, "parameter_invalid", "items must be a non-empty list", param="items")
    by_sku = {item["sku"]: item for item in ordered}
    chosen: list[dict[str, Any]] = []
    for entry in spec:
        sku = entry.get("sku") if isinstance(entry, dict) else None
        if sku not in by_sku:
            raise ApiError(
                400, "parameter_invalid", f"sku {sku!r} is not on the order", param="items"
            )
        quantity = int_param(entry.get("quantity", by_sku[sku]["quantity"]), "quantity")
        if not 1 <= quantity <= by_sku[sku]["quantity"]:
            raise ApiError(
                400,
                "parameter_invalid",
                f"quantity for {sku} must be 1..{by_sku[sku]['quantity']}",
                param="items",
            )
        chosen.append({**by_sku[sku], "quantity": quantity})
    return chosen


def create_reship(conn: sqlite3.Connection, payload: Payload) -> Outcome:
    original = _find(conn, payload.params["order_id"])
    if original["status"] in ("cancelled", "created"):
        raise ApiError(409, "order_not_shipped", f"Order {original['id']} has not shipped yet")
    speed = payload.body.get("speed", "standard")
    if speed not in SPEEDS:
        raise ApiError(400, "parameter_invalid", f"speed must be one of {SPEEDS}", param="speed")
    items = _reship_items(json.loads(original["items"]), payload.body.get("items"))
    new_order = new_id(conn, "orders", "ORD-R", digits=7)
    now = now_iso()
    conn.execute(
        "INSERT INTO orders (id, customer_id, status, currency, items, reship_of, speed,"
        " created_at, updated_at) VALUES (?, ?, 'created', ?, ?, ?, ?, ?, ?)",
        (
            new_order,
            original["customer_id"],
            original["currency"],
            json.dumps(items),
            original["id"],
            speed,
            now,
            now,
        ),
    )
    remember_key(conn, new_order, payload.key)
    count = sum(item["quantity"] for item in items)
    event = envelope(
        "order.reship_created",
        SYSTEM,
        refs={"order_id": original["id"], "customer_id": original["customer_id"]},
        summary=f"Reship {new_order} created for order {original['id']} ({count} item(s), {speed})",
        data={"new_order_id": new_order, "speed": speed, "items": count},
        occurred_at=now,
    )
    return Outcome(order_object(_find(conn, new_order)), 201, [event])


def routes(sandbox: Sandbox) -> list[Route]:
    async def order(request: Request) -> Any:
        return await sandbox.read(request, SYSTEM, get_order)

    async def reships(request: Request) -> Any:
        if request.method == "POST":
            return await sandbox.write(request, SYSTEM, create_reship)
        return await sandbox.read(request, SYSTEM, list_reships)

    return [
        Route("/orders/v1/orders/{order_id}", order, methods=["GET"]),
        Route("/orders/v1/orders/{order_id}/reships", reships, methods=["GET", "POST"]),
    ]
