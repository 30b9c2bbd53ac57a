"""Inventory: stock on hand per warehouse, adjustments to it, and the list of adjustments
(by SKU and warehouse, each with the Idempotency-Key it was made under)."""

from __future__ import annotations

import sqlite3
from typing import Any

from starlette.requests import Request
from starlette.routing import Route

from .common import int_param, keyed, list_page, new_id, remember_key, text_param
from .db import Database
from .errors import ApiError, not_found
from .events import envelope, now_iso
from .runtime import Outcome, Payload, Sandbox

SYSTEM = "inventory"
SCHEMA = """
CREATE TABLE IF NOT EXISTS items (sku TEXT PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS stock (
    sku TEXT NOT NULL REFERENCES items(sku),
    warehouse TEXT NOT NULL,
    on_hand INTEGER NOT NULL CHECK (on_hand >= 0),
    PRIMARY KEY (sku, warehouse)
);
CREATE TABLE IF NOT EXISTS adjustments (
    id TEXT PRIMARY KEY,
    sku TEXT NOT NULL,
    warehouse TEXT NOT NULL,
    delta INTEGER NOT NULL,
    reason TEXT NOT NULL,
    on_hand_after INTEGER NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS adjustments_by_sku ON adjustments (sku, warehouse);
"""

LOW_STOCK = 5


def item_object(conn: sqlite3.Connection, sku: str) -> dict[str, Any]:
    item = conn.execute("SELECT * FROM items WHERE sku = ?", (sku,)).fetchone()
    if item is None:
        raise not_found("item", sku, "sku")
    stock = conn.execute(
        "SELECT warehouse, on_hand FROM stock WHERE sku = ? ORDER BY warehouse", (sku,)
    ).fetchall()
    return {
        "sku": sku,
        "object": "inventory_item",
        "name": item["name"],
        "on_hand_total": sum(row["on_hand"] for row in stock),
        "warehouses": [{"warehouse": r["warehouse"], "on_hand": r["on_hand"]} for r in stock],
    }


def get_item(db: Database, request: Request) -> dict[str, Any]:
    return item_object(db.conn, request.path_params["sku"])


def adjustment_object(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "id": row["id"],
        "object": "inventory_adjustment",
        "adjustment_id": row["id"],
        "sku": row["sku"],
        "warehouse": row["warehouse"],
        "delta": row["delta"],
        "on_hand": row["on_hand_after"],
        "reason": row["reason"],
        "idempotency_key": row["idempotency_key"],
        "created_at": row["created_at"],
    }


def list_adjustments(db: Database, request: Request) -> dict[str, Any]:
    """Adjustments, newest first; ``sku`` and ``warehouse`` narrow the list."""
    query = request.query_params
    where: list[str] = []
    params: list[Any] = []
    for name in ("sku", "warehouse"):
        if query.get(name):
            where.append(f"t.{name} = ?")
            params.append(query[name])
    return list_page(
        db,
        query,
        table="adjustments",
        where=where,
        params=params,
        url="/inventory/v1/adjustments",
        convert=adjustment_object,
        what="adjustment",
    )


def create_adjustment(conn: sqlite3.Connection, payload: Payload) -> Outcome:
    body = payload.body
    sku = text_param(body, "sku")
    warehouse = text_param(body, "warehouse", max_len=40)
    reason = text_param(body, "reason", max_len=500)
    delta = int_param(body.get("delta"), "delta")
    if delta == 0:
        raise ApiError(400, "parameter_invalid", "delta must not be zero", param="delta")
    if conn.execute("SELECT 1 FROM items WHERE sku = ?", (sku,)).fetchone() is None:
        raise ApiError(400, "resource_missing", f"No such item: '{sku}'", param="sku")
    row = conn.execute(
        "SELECT on_hand FROM stock WHERE sku = ? AND warehouse = ?", (sku, warehouse)
    ).fetchone()
    before = row["on_hand"] if row else 0
    after = before + delta
    if after < 0:
        raise ApiError(
            400, "insufficient_stock", f"{warehouse} holds only {before} of {sku}", param="delta"
        )
    conn.execute(
        "INSERT INTO stock (sku, warehouse, on_hand) VALUES (?, ?, ?) "
        "ON CONFLICT (sku, warehouse) DO UPDATE SET on_hand = excluded.on_hand",
        (sku, warehouse, after),
    )
    adjustment_id = new_id(conn, "adjustments", "ADJ-", digits=8)
    now = now_iso()
    conn.execute(
        "INSERT INTO adjustments VALUES (?, ?, ?, ?, ?, ?, ?)",
        (adjustment_id, sku, warehouse, delta, reason, after, now),
    )
    remember_key(conn, adjustment_id, payload.key)
    data: dict[str, str | int | bool | None] = {
        "adjustment_id": adjustment_id,
        "sku": sku,
        "warehouse": warehouse,
        "delta": delta,
        "on_hand": after,
        "reason": reason,
    }
    events = [
        envelope(
            "inventory.adjusted",
            SYSTEM,
            summary=f"{sku} in {warehouse}: {delta:+d} ({reason}); {after} on hand",
            data=data,
            occurred_at=now,
        )
    ]
    if after <= LOW_STOCK < before:
        events.append(
            envelope(
                "inventory.low_stock",
                SYSTEM,
                summary=f"{sku} is low in {warehouse}: {after} left",
                data={"sku": sku, "warehouse": warehouse, "on_hand": after},
                occurred_at=now,
            )
        )
    made = conn.execute(f"{keyed('adjustments')} WHERE t.id = ?", (adjustment_id,)).fetchone()
    return Outcome(adjustment_object(made), 201, events)


def routes(sandbox: Sandbox) -> list[Route]:
    async def item(request: Request) -> Any:
        return await sandbox.read(request, SYSTEM, get_item)

    async def adjustments(request: Request) -> Any:
        if request.method == "POST":
            return await sandbox.write(request, SYSTEM, create_adjustment)
        return await sandbox.read(request, SYSTEM, list_adjustments)

    return [
        Route("/inventory/v1/items/{sku}", item, methods=["GET"]),
        Route("/inventory/v1/adjustments", adjustments, methods=["GET", "POST"]),
    ]
