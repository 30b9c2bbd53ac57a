"""Inventory: stock on hand per warehouse, and adjustments to it."""

from __future__ import annotations

import sqlite3
from typing import Any

from starlette.requests import Request
from starlette.routing import Route

from .common import int_param, new_id, text_param
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
    body_out = {"id": adjustment_id, "object": "inventory_adjustment", **data, "created_at": now}
    return Outcome(body_out, 201, events)


def routes(sandbox: Sandbox) -> list[Route]:
    async def item(request: Request) -> Any:
        return await sandbox.read(request, SYSTEM, get_item)

    async def adjustments(request: Request) -> Any:
        return await sandbox.write(request, SYSTEM, create_adjustment)

    return [
        Route("/inventory/v1/items/{sku}", item, methods=["GET"]),
        Route("/inventory/v1/adjustments", adjustments, methods=["POST"]),
    ]
