"""Payments: a Stripe-compatible subset (refunds and charges), form-encoded like Stripe.

Charges carry the payment ids the console knows (``PAY-…``); each has a payment intent
``pi_<charge id>``. Amounts are integers in minor units, currencies lowercase.
"""

from __future__ import annotations

import json
import sqlite3
import time
from typing import Any

from starlette.requests import Request
from starlette.routing import Route

from .common import decimal_text, int_param, list_page, metadata_param, new_id, text_param
from .db import Database
from .errors import ApiError, not_found
from .events import envelope
from .runtime import Outcome, Payload, Sandbox

SYSTEM = "payments"
SCHEMA = """
CREATE TABLE IF NOT EXISTS charges (
    id TEXT PRIMARY KEY,
    amount INTEGER NOT NULL,
    currency TEXT NOT NULL,
    customer_id TEXT,
    order_id TEXT,
    payment_intent TEXT UNIQUE,
    method TEXT NOT NULL DEFAULT 'card',
    description TEXT,
    created INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS refunds (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    charge_id TEXT NOT NULL REFERENCES charges(id),
    amount INTEGER NOT NULL,
    currency TEXT NOT NULL,
    reason TEXT,
    status TEXT NOT NULL,
    failure_reason TEXT,
    metadata TEXT NOT NULL DEFAULT '{}',
    created INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS refunds_by_charge ON refunds (charge_id, seq);
"""

REASONS = ("duplicate", "fraudulent", "requested_by_customer")
_CREATE_PARAMS = frozenset(
    {
        "charge",
        "payment_intent",
        "amount",
        "reason",
        "metadata",
        "currency",
        "expand",
        "instructions_email",
        "refund_application_fee",
        "reverse_transfer",
        "origin",
        "customer",
    }
)
_COUNTED = "status IN ('succeeded', 'pending')"


def refund_object(row: sqlite3.Row, payment_intent: str | None) -> dict[str, Any]:
    return {
        "id": row["id"],
        "object": "refund",
        "amount": row["amount"],
        "balance_transaction": None,
        "charge": row["charge_id"],
        "created": row["created"],
        "currency": row["currency"].lower(),
        "metadata": json.loads(row["metadata"]),
        "payment_intent": payment_intent,
        "reason": row["reason"],
        "receipt_number": None,
        "source_transfer_reversal": None,
        "status": row["status"],
        "transfer_reversal": None,
        **({"failure_reason": row["failure_reason"]} if row["failure_reason"] else {}),
    }


def _refunded(conn: sqlite3.Connection, charge_id: str) -> int:
    row = conn.execute(
        f"SELECT COALESCE(SUM(amount), 0) FROM refunds WHERE charge_id = ? AND {_COUNTED}",
        (charge_id,),
    ).fetchone()
    return int(row[0])


def charge_object(conn: sqlite3.Connection, row: sqlite3.Row) -> dict[str, Any]:
    refunded = _refunded(conn, row["id"])
    recent = conn.execute(
        "SELECT * FROM refunds WHERE charge_id = ? ORDER BY seq DESC LIMIT 11", (row["id"],)
    ).fetchall()
    return {
        "id": row["id"],
        "object": "charge",
        "amount": row["amount"],
        "amount_captured": row["amount"],
        "amount_refunded": refunded,
        "balance_transaction": None,
        "billing_details": {"address": None, "email": None, "name": None, "phone": None},
        "captured": True,
        "created": row["created"],
        "currency": row["currency"].lower(),
        "customer": None,
        "description": row["description"],
        "disputed": False,
        "failure_code": None,
        "failure_message": None,
        "livemode": False,
        "metadata": {"customer_id": row["customer_id"], "order_id": row["order_id"]},
        "paid": True,
        "payment_intent": row["payment_intent"],
        "payment_method_details": {"type": row["method"]},
        "refunded": refunded >= row["amount"],
        "refunds": {
            "object": "list",
            "data": [refund_object(r, row["payment_intent"]) for r in recent[:10]],
            "has_more": len(recent) > 10,
            "url": f"/v1/charges/{row['id']}/refunds",
        },
        "status": "succeeded",
    }


def _find_charge(conn: sqlite3.Connection, body: dict[str, Any]) -> sqlite3.Row:
    charge_id = body.get("charge") or ""
    intent = body.get("payment_intent") or ""
    if not charge_id and not intent:
        raise ApiError(
            400,
            "parameter_missing",
            "One of the following params should be provided for this request: "
            "payment_intent or charge.",
            param="charge",
        )
    if charge_id:
        row = conn.execute("SELECT * FROM charges WHERE id = ?", (charge_id,)).fetchone()
        param, ident = "charge", charge_id
    else:
        row = conn.execute("SELECT * FROM charges WHERE payment_intent = ?", (intent,)).fetchone()
        param, ident = "payment_intent", intent
    if row is None:
        raise ApiError(400, "resource_missing", f"No such {param}: '{ident}'", param=param)
    if charge_id and intent and row["payment_intent"] != intent:
        raise ApiError(
            400, "parameter_invalid", "The charge does not belong to that payment_intent."
        )
    result: sqlite3.Row = row
    return result


def create_refund(conn: sqlite3.Connection, payload: Payload) -> Outcome:
    body = payload.body
    unknown = sorted(set(body) - _CREATE_PARAMS)
    if unknown:
        raise ApiError(
            400, "parameter_unknown", f"Received unknown parameter: {unknown[0]}", param=unknown[0]
        )
    charge = _find_charge(conn, body)
    reason = text_param(body, "reason", required=False) or None
    if reason is not None and reason not in REASONS:
        raise ApiError(
            400,
            "parameter_invalid",
            f"Invalid reason: must be one of {', '.join(REASONS)}",
            param="reason",
        )
    metadata = metadata_param(body)
    remaining = charge["amount"] - _refunded(conn, charge["id"])
    currency = charge["currency"]
    if remaining <= 0:
        raise ApiError(
            400,
            "charge_already_refunded",
            f"Charge {charge['id']} has already been refunded.",
            param="charge",
        )
    amount = remaining
    if body.get("amount") not in (None, ""):
        amount = int_param(body["amount"], "amount")
        if amount <= 0:
            raise ApiError(
                400,
                "parameter_invalid_integer",
                "This value must be greater than or equal to 1.",
                param="amount",
            )
        if amount > remaining:
            raise ApiError(
                400,
                "amount_too_large",
                f"Refund amount ({decimal_text(amount)} {currency}) is greater than unrefunded "
                f"amount on charge ({decimal_text(remaining)} {currency})",
                param="amount",
            )
    refund_id = new_id(conn, "refunds", "re_")
    conn.execute(
        "INSERT INTO refunds (id, charge_id, amount, currency, reason, status, metadata, created)"
        " VALUES (?, ?, ?, ?, ?, 'succeeded', ?, ?)",
        (refund_id, charge["id"], amount, currency, reason, json.dumps(metadata), int(time.time())),
    )
    row = conn.execute("SELECT * FROM refunds WHERE id = ?", (refund_id,)).fetchone()
    event = envelope(
        "refund.succeeded",
        SYSTEM,
        refs={
            "payment_id": charge["id"],
            "order_id": charge["order_id"],
            "customer_id": charge["customer_id"],
        },
        summary=f"Refund {refund_id} of {decimal_text(amount)} {currency.upper()} succeeded "
        f"on {charge['id']}",
        data={
            "refund_id": refund_id,
            "amount": decimal_text(amount),
            "currency": currency.upper(),
            "reason": reason,
            "status": "succeeded",
            "remaining": decimal_text(remaining - amount),
        },
    )
    return Outcome(refund_object(row, charge["payment_intent"]), 200, [event])


def get_refund(db: Database, request: Request) -> dict[str, Any]:
    refund_id = request.path_params["refund_id"]
    row = db.one(
        "SELECT r.*, c.payment_intent FROM refunds r JOIN charges c ON c.id = r.charge_id "
        "WHERE r.id = ?",
        (refund_id,),
    )
    if row is None:
        raise not_found("refund", refund_id)
    return refund_object(row, row["payment_intent"])


def list_refunds(db: Database, request: Request) -> dict[str, Any]:
    query = request.query_params
    where, params = [], []
    if query.get("charge"):
        where.append("t.charge_id = ?")
        params.append(query["charge"])
    if query.get("payment_intent"):
        where.append("c.payment_intent = ?")
        params.append(query["payment_intent"])
    return list_page(
        db,
        query,
        table="refunds",
        where=where,
        params=params,
        url="/v1/refunds",
        convert=lambda row: refund_object(row, row["payment_intent"]),
        what="refund",
        select="SELECT t.*, c.payment_intent FROM refunds t JOIN charges c ON c.id = t.charge_id",
        position="seq",
    )


def get_charge(db: Database, request: Request) -> dict[str, Any]:
    charge_id = request.path_params["charge_id"]
    row = db.one("SELECT * FROM charges WHERE id = ?", (charge_id,))
    if row is None:
        raise not_found("charge", charge_id)
    return charge_object(db.conn, row)


def routes(sandbox: Sandbox) -> list[Route]:
    async def refunds(request: Request) -> Any:
        if request.method == "POST":
            return await sandbox.write(request, SYSTEM, create_refund)
        return await sandbox.read(request, SYSTEM, list_refunds)

    async def refund(request: Request) -> Any:
        return await sandbox.read(request, SYSTEM, get_refund)

    async def charge(request: Request) -> Any:
        return await sandbox.read(request, SYSTEM, get_charge)

    return [
        Route("/payments/v1/refunds", refunds, methods=["GET", "POST"]),
        Route("/payments/v1/refunds/{refund_id}", refund, methods=["GET"]),
        Route("/payments/v1/charges/{charge_id}", charge, methods=["GET"]),
    ]
