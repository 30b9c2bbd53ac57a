"""Logistics: shipments with their carrier's tracking, and requests to the carrier (listed
per shipment, each with the Idempotency-Key it was made under)."""

from __future__ import annotations

import sqlite3
from typing import Any

from starlette.requests import Request
from starlette.routing import Route

from .common import keyed, list_page, new_id, remember_key, text_param
from .db import Database
from .errors import ApiError, not_found
from .events import envelope, now_iso
from .runtime import Outcome, Payload, Sandbox

SYSTEM = "logistics"
SCHEMA = """
CREATE TABLE IF NOT EXISTS shipments (
    id TEXT PRIMARY KEY,
    order_id TEXT,
    customer_id TEXT,
    carrier TEXT NOT NULL,
    tracking_number TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS tracking_events (
    shipment_id TEXT NOT NULL REFERENCES shipments(id),
    seq INTEGER NOT NULL,
    occurred_at TEXT NOT NULL,
    status TEXT NOT NULL,
    location TEXT,
    description TEXT NOT NULL,
    PRIMARY KEY (shipment_id, seq)
);
CREATE TABLE IF NOT EXISTS requests (
    id TEXT PRIMARY KEY,
    shipment_id TEXT NOT NULL REFERENCES shipments(id),
    request TEXT NOT NULL,
    message TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS requests_by_shipment ON requests (shipment_id);
"""

REQUESTS = ("trace", "claim", "expedite", "return_pickup", "hold")
_NOT_WHEN_DELIVERED = frozenset({"expedite", "hold", "trace"})


def request_object(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "id": row["id"],
        "object": "carrier_request",
        "shipment_id": row["shipment_id"],
        "request": row["request"],
        "message": row["message"],
        "status": row["status"],
        "idempotency_key": row["idempotency_key"],
        "created_at": row["created_at"],
    }


def _find(conn: sqlite3.Connection, shipment_id: str) -> sqlite3.Row:
    row = conn.execute("SELECT * FROM shipments WHERE id = ?", (shipment_id,)).fetchone()
    if row is None:
        raise not_found("shipment", shipment_id, "shipment_id")
    result: sqlite3.Row = row
    return result


def get_shipment(db: Database, request: Request) -> dict[str, Any]:
    row = _find(db.conn, request.path_params["shipment_id"])
    tracking = db.all(
        "SELECT occurred_at, status, location, description FROM tracking_events "
        "WHERE shipment_id = ? ORDER BY seq",
        (row["id"],),
    )
    requests = db.all(f"{keyed('requests')} WHERE t.shipment_id = ? ORDER BY t.rowid", (row["id"],))
    return {
        "id": row["id"],
        "object": "shipment",
        "order_id": row["order_id"],
        "customer_id": row["customer_id"],
        "carrier": row["carrier"],
        "tracking_number": row["tracking_number"],
        "status": row["status"],
        "tracking_events": [dict(event) for event in tracking],
        "requests": [request_object(r) for r in requests],
        "created_at": row["created_at"],
        "updated_at": row["updated_at"],
    }


def list_requests(db: Database, request: Request) -> dict[str, Any]:
    shipment_id = _find(db.conn, request.path_params["shipment_id"])["id"]
    return list_page(
        db,
        request.query_params,
        table="requests",
        where=["t.shipment_id = ?"],
        params=[shipment_id],
        url=f"/logistics/v1/shipments/{shipment_id}/requests",
        convert=request_object,
        what="carrier request",
    )


def create_request(conn: sqlite3.Connection, payload: Payload) -> Outcome:
    shipment = _find(conn, payload.params["shipment_id"])
    kind = text_param(payload.body, "request")
    if kind not in REQUESTS:
        raise ApiError(
            400, "parameter_invalid", f"request must be one of {REQUESTS}", param="request"
        )
    message = text_param(payload.body, "message", required=False, max_len=2000)
    if shipment["status"] == "delivered" and kind in _NOT_WHEN_DELIVERED:
        raise ApiError(409, "shipment_delivered", f"Shipment {shipment['id']} is already delivered")
    request_id = new_id(conn, "requests", "LR-", digits=8)
    now = now_iso()
    conn.execute(
        "INSERT INTO requests (id, shipment_id, request, message, status, created_at)"
        " VALUES (?, ?, ?, ?, 'submitted', ?)",
        (request_id, shipment["id"], kind, message, now),
    )
    remember_key(conn, request_id, payload.key)
    event = envelope(
        f"shipment.{kind}_requested",
        SYSTEM,
        refs={
            "shipment_id": shipment["id"],
            "order_id": shipment["order_id"],
            "customer_id": shipment["customer_id"],
        },
        summary=f"{kind.replace('_', ' ').capitalize()} requested from {shipment['carrier']} "
        f"for {shipment['id']}",
        data={
            "request_id": request_id,
            "request": kind,
            "carrier": shipment["carrier"],
            "tracking_number": shipment["tracking_number"],
        },
        occurred_at=now,
    )
    row = conn.execute(f"{keyed('requests')} WHERE t.id = ?", (request_id,)).fetchone()
    return Outcome(request_object(row), 201, [event])


def routes(sandbox: Sandbox) -> list[Route]:
    async def shipment(request: Request) -> Any:
        return await sandbox.read(request, SYSTEM, get_shipment)

    async def requests(request: Request) -> Any:
        if request.method == "POST":
            return await sandbox.write(request, SYSTEM, create_request)
        return await sandbox.read(request, SYSTEM, list_requests)

    return [
        Route("/logistics/v1/shipments/{shipment_id}", shipment, methods=["GET"]),
        Route("/logistics/v1/shipments/{shipment_id}/requests", requests, methods=["GET", "POST"]),
    ]
