"""Accounts: customers' accounts and the credits (goodwill, refunds given as credit) on them.

Every demo customer has an account in one currency (the one they pay in); a credit is given
in that currency. A credit is taken back by a reversal: a credit with the opposite, negative
amount that names it (``reverses``), once. A credit belongs to a customer, not to one case,
so it puts nothing on the event feed: the console records the outcome of its own request.
"""

from __future__ import annotations

import json
import sqlite3
from decimal import Decimal
from typing import Any

from starlette.requests import Request
from starlette.routing import Route

from .common import (
    check_decimal,
    keyed,
    list_page,
    metadata_param,
    money,
    new_id,
    remember_key,
    text_param,
    to_minor,
)
from .db import Database
from .errors import ApiError, not_found
from .events import now_iso
from .runtime import Outcome, Payload, Sandbox

SYSTEM = "accounts"
_CREDITS = """CREATE TABLE IF NOT EXISTS credits (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    customer_id TEXT NOT NULL REFERENCES customers(id),
    amount INTEGER NOT NULL CHECK (amount <> 0),  -- minor units; below zero: a reversal
    currency TEXT NOT NULL,
    reason TEXT NOT NULL,
    metadata TEXT NOT NULL DEFAULT '{}',
    balance_after INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    reverses TEXT UNIQUE REFERENCES credits(id),  -- the credit a reversal takes back, once
    CHECK ((reverses IS NULL) = (amount > 0))
)"""
SCHEMA = (
    """
CREATE TABLE IF NOT EXISTS customers (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    tier TEXT NOT NULL,
    currency TEXT NOT NULL,       -- the account's currency: credits are given in it
    created_at TEXT NOT NULL
);
"""
    + _CREDITS
    + """;
CREATE INDEX IF NOT EXISTS credits_by_customer ON credits (customer_id, seq);
"""
)
# The columns of credits before reversals (kept by upgrade()).
_FIRST_COLUMNS = (
    "seq, id, customer_id, amount, currency, reason, metadata, balance_after, created_at"
)

MAX_CREDIT = Decimal("10000")  # one credit, in the account's currency
_CREATE_PARAMS = frozenset({"amount", "currency", "reason", "metadata", "reverses"})


def upgrade(db: Database) -> None:
    """A folder made before credits could be reversed: its credits table is rebuilt with
    the ``reverses`` column (and amounts allowed below zero), every credit kept."""
    if any(row["name"] == "reverses" for row in db.all("PRAGMA table_info(credits)")):
        return
    with db.transaction() as conn:
        conn.execute("ALTER TABLE credits RENAME TO credits_before_reversals")
        conn.execute("DROP INDEX IF EXISTS credits_by_customer")
        conn.execute(_CREDITS)
        conn.execute(
            f"INSERT INTO credits ({_FIRST_COLUMNS})"
            f" SELECT {_FIRST_COLUMNS} FROM credits_before_reversals"
        )
        conn.execute("DROP TABLE credits_before_reversals")
        conn.execute("CREATE INDEX credits_by_customer ON credits (customer_id, seq)")


def _balance(conn: sqlite3.Connection, customer_id: str) -> int:
    row = conn.execute(
        "SELECT COALESCE(SUM(amount), 0) FROM credits WHERE customer_id = ?", (customer_id,)
    ).fetchone()
    return int(row[0])


def _find(conn: sqlite3.Connection, customer_id: str) -> sqlite3.Row:
    row = conn.execute("SELECT * FROM customers WHERE id = ?", (customer_id,)).fetchone()
    if row is None:
        raise not_found("customer", customer_id, "customer_id")
    result: sqlite3.Row = row
    return result


def customer_object(conn: sqlite3.Connection, row: sqlite3.Row) -> dict[str, Any]:
    return {
        "id": row["id"],
        "object": "customer_account",
        "name": row["name"],
        "tier": row["tier"],
        "currency": row["currency"],
        "balance": money(_balance(conn, row["id"]), row["currency"]),
        "created_at": row["created_at"],
    }


def credit_object(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "id": row["id"],
        "object": "account_credit",
        "customer_id": row["customer_id"],
        "amount": money(row["amount"], row["currency"]),
        "reason": row["reason"],
        "metadata": json.loads(row["metadata"]),
        "status": "applied",
        "balance_after": money(row["balance_after"], row["currency"]),
        "reverses": row["reverses"],
        "idempotency_key": row["idempotency_key"],
        "created_at": row["created_at"],
    }


def get_customer(db: Database, request: Request) -> dict[str, Any]:
    return customer_object(db.conn, _find(db.conn, request.path_params["customer_id"]))


def list_credits(db: Database, request: Request) -> dict[str, Any]:
    customer_id = _find(db.conn, request.path_params["customer_id"])["id"]
    return list_page(
        db,
        request.query_params,
        table="credits",
        where=["t.customer_id = ?"],
        params=[customer_id],
        url=f"/accounts/v1/customers/{customer_id}/credits",
        convert=credit_object,
        what="credit",
    )


def _amount(body: dict[str, Any]) -> Decimal:
    """``amount`` as a decimal: a string such as ``"12.50"`` (or an integer), never a float."""
    raw = body.get("amount")
    if raw is None or raw == "":
        raise ApiError(400, "parameter_missing", "Missing required param: amount.", param="amount")
    if isinstance(raw, bool) or not isinstance(raw, str | int):
        raise ApiError(
            400,
            "parameter_invalid",
            'amount must be a decimal string such as "12.50"',
            param="amount",
        )
    text = str(raw).strip()
    if not check_decimal(text) or not Decimal(text).is_finite():
        raise ApiError(
            400, "parameter_invalid", f"amount {text!r} is not a decimal number", param="amount"
        )
    amount = Decimal(text)
    exponent = amount.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2:
        raise ApiError(
            400, "parameter_invalid", f"amount {text} has more than 2 decimals", param="amount"
        )
    return amount


def _currency(body: dict[str, Any]) -> str:
    currency = text_param(body, "currency", max_len=3)
    if len(currency) != 3 or not currency.isascii() or not currency.isalpha():
        raise ApiError(
            400,
            "parameter_invalid",
            f"currency {currency!r} is not a three-letter code such as USD",
            param="currency",
        )
    return currency.upper()


def _reversed_credit(
    conn: sqlite3.Connection, customer: sqlite3.Row, reverses: str, amount: Decimal, currency: str
) -> None:
    """Refuse a reversal unless it takes back, exactly and once, a credit of this account."""

    def refuse(code: str, message: str) -> ApiError:
        return ApiError(422, code, message, param="reverses")

    credit = conn.execute(
        "SELECT * FROM credits WHERE id = ? AND customer_id = ?", (reverses, customer["id"])
    ).fetchone()
    if credit is None:
        raise refuse("credit_not_found", f"{customer['id']} has no credit {reverses} to take back")
    if credit["reverses"] is not None:
        raise refuse(
            "credit_is_a_reversal", f"{reverses} takes a credit back itself; it is not reversed"
        )
    given = money(credit["amount"], credit["currency"])
    if currency != credit["currency"] or to_minor(-amount) != credit["amount"]:
        raise ApiError(
            422,
            "reversal_amount_mismatch",
            f"{reverses} gave {given['amount']} {given['currency']}: a reversal takes back "
            f"exactly that (-{given['amount']} {given['currency']}), not {amount:.2f} {currency}",
            param="amount",
        )
    done = conn.execute("SELECT id FROM credits WHERE reverses = ?", (reverses,)).fetchone()
    if done is not None:
        raise refuse(
            "credit_already_reversed", f"{reverses} was already taken back by {done['id']}"
        )


def create_credit(conn: sqlite3.Connection, payload: Payload) -> Outcome:
    """A credit on the account; with ``reverses`` (a credit's id) and the opposite, negative
    amount, the reversal that takes that credit back."""
    body = payload.body
    unknown = sorted(set(body) - _CREATE_PARAMS)
    if unknown:
        raise ApiError(
            400, "parameter_unknown", f"Received unknown parameter: {unknown[0]}", param=unknown[0]
        )
    customer = _find(conn, payload.params["customer_id"])
    amount = _amount(body)
    currency = _currency(body)
    reason = text_param(body, "reason", max_len=500)
    metadata = metadata_param(body)
    reverses = text_param(body, "reverses", required=False, max_len=80) or None
    if reverses is None and amount <= 0:
        raise ApiError(
            422,
            "amount_invalid",
            f"amount must be greater than zero, not {amount} (a negative amount takes a "
            "credit back: name it in reverses)",
            param="amount",
        )
    if reverses is not None and amount >= 0:
        raise ApiError(
            422,
            "amount_invalid",
            f"a reversal takes {reverses} back: its amount is the credit's, negated, not {amount}",
            param="amount",
        )
    if currency != customer["currency"]:
        raise ApiError(
            422,
            "currency_mismatch",
            f"The account of {customer['id']} is held in {customer['currency']}; "
            f"a credit in {currency} cannot be given",
            param="currency",
        )
    if abs(amount) > MAX_CREDIT:
        raise ApiError(
            422,
            "amount_too_large",
            f"A credit is at most {MAX_CREDIT:.2f} {currency}, not {abs(amount):.2f}",
            param="amount",
        )
    if reverses is not None:
        _reversed_credit(conn, customer, reverses, amount, currency)
    minor = to_minor(amount)
    credit_id = new_id(conn, "credits", "CRD-", digits=8)
    conn.execute(
        "INSERT INTO credits (id, customer_id, amount, currency, reason, metadata,"
        " balance_after, created_at, reverses) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            credit_id,
            customer["id"],
            minor,
            currency,
            reason,
            json.dumps(metadata),
            _balance(conn, customer["id"]) + minor,
            now_iso(),
            reverses,
        ),
    )
    remember_key(conn, credit_id, payload.key)
    row = conn.execute(f"{keyed('credits')} WHERE t.id = ?", (credit_id,)).fetchone()
    return Outcome(credit_object(row), 201)


def routes(sandbox: Sandbox) -> list[Route]:
    async def customer(request: Request) -> Any:
        return await sandbox.read(request, SYSTEM, get_customer)

    async def credits(request: Request) -> Any:
        if request.method == "POST":
            return await sandbox.write(request, SYSTEM, create_credit)
        return await sandbox.read(request, SYSTEM, list_credits)

    return [
        Route("/accounts/v1/customers/{customer_id}", customer, methods=["GET"]),
        Route("/accounts/v1/customers/{customer_id}/credits", credits, methods=["GET", "POST"]),
    ]
