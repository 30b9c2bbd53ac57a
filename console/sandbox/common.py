"""Small helpers the systems share: money in minor units, ids, checking parameters, the key
an object was created under, and Stripe-style pages of a list."""

from __future__ import annotations

import secrets
import sqlite3
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from .db import Database
from .errors import ApiError

_CENT = Decimal("0.01")


def to_minor(amount: str | Decimal) -> int:
    """``"12.34"`` → 1234 (every currency the sandbox knows has two decimals)."""
    return int((Decimal(amount) / _CENT).to_integral_value())


def decimal_text(minor: int) -> str:
    """1234 → ``"12.34"``."""
    return str((Decimal(minor) * _CENT).quantize(_CENT))


def money(minor: int, currency: str) -> dict[str, str]:
    return {"amount": decimal_text(minor), "currency": currency.upper()}


def new_id(conn: sqlite3.Connection, table: str, prefix: str, digits: int = 0) -> str:
    """A fresh id for ``table`` (``prefix`` + random hex, or + digits if given)."""
    while True:
        tail = f"{secrets.randbelow(10**digits):0{digits}d}" if digits else secrets.token_hex(12)
        candidate = prefix + tail
        if conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (candidate,)).fetchone() is None:
            return candidate


def text_param(
    body: dict[str, Any], name: str, *, required: bool = True, max_len: int = 5000
) -> str:
    value = body.get(name)
    if value is None or value == "":
        if required:
            raise ApiError(400, "parameter_missing", f"Missing required param: {name}.", param=name)
        return ""
    if not isinstance(value, str):
        raise ApiError(400, "parameter_invalid_string", f"{name} must be a string", param=name)
    if len(value) > max_len:
        raise ApiError(400, "parameter_too_long", f"{name} exceeds {max_len} chars", param=name)
    return value


def int_param(value: Any, name: str) -> int:
    """An integer, given as a JSON number or as the text of a form field."""
    if isinstance(value, bool):
        raise ApiError(400, "parameter_invalid_integer", f"Invalid integer: {value}", param=name)
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        try:
            return int(value, 10)
        except ValueError:
            pass
    raise ApiError(400, "parameter_invalid_integer", f"Invalid integer: {value!r}", param=name)


def check_decimal(value: str) -> bool:
    try:
        Decimal(value)
    except InvalidOperation:
        return False
    return True


def metadata_param(body: dict[str, Any]) -> dict[str, str]:
    """Stripe's ``metadata``: at most 50 keys of 1–40 characters, values of at most 500."""
    raw = body.get("metadata", {})
    if raw == "" or raw is None:
        return {}
    if not isinstance(raw, dict) or len(raw) > 50:
        raise ApiError(400, "parameter_invalid", "Invalid metadata.", param="metadata")
    out: dict[str, str] = {}
    for key, value in raw.items():
        if not isinstance(key, str) or not 0 < len(key) <= 40:
            raise ApiError(400, "parameter_invalid", "Invalid metadata key.", param="metadata")
        if not isinstance(value, str | int | float) or len(str(value)) > 500:
            raise ApiError(400, "parameter_invalid", f"Invalid metadata[{key}].", param="metadata")
        out[key] = str(value)
    return out


def remember_key(conn: sqlite3.Connection, object_id: str, key: str | None) -> None:
    """Note that ``object_id`` was created under the Idempotency-Key ``key`` (if any).

    Kept for good, unlike the key's stored response: after the key has expired, a client
    that never heard the answer can still find what its request made.
    """
    if key:
        conn.execute(
            "INSERT OR IGNORE INTO object_keys (object_id, idempotency_key) VALUES (?, ?)",
            (object_id, key),
        )


def keyed(table: str) -> str:
    """``SELECT`` of ``table``'s rows (as ``t``), each with the ``idempotency_key`` it was
    created under (NULL for one made without a key)."""
    return (
        f"SELECT t.*, k.idempotency_key FROM {table} t "
        "LEFT JOIN object_keys k ON k.object_id = t.id"
    )


def list_page(
    db: Database,
    query: Mapping[str, str],
    *,
    table: str,
    where: Sequence[str],
    params: Sequence[Any],
    url: str,
    convert: Callable[[sqlite3.Row], dict[str, Any]],
    what: str,
    select: str | None = None,
    position: str = "rowid",
) -> dict[str, Any]:
    """One page of ``table``'s rows matching ``where`` (on ``t``), newest first, as Stripe
    lists: ``limit`` (1–100, default 10), ``starting_after`` or ``ending_before`` (an
    object's id) to page, and ``idempotency_key`` for what was created under that key.

    ``select`` (``table`` as ``t``) replaces the keyed select of :func:`keyed`, for a list
    whose objects keep their keys elsewhere (no ``idempotency_key`` filter then);
    ``position`` is ``table``'s column that orders the rows."""
    limit = int_param(query.get("limit", "10"), "limit")
    if not 1 <= limit <= 100:
        raise ApiError(
            400, "parameter_invalid_integer", "limit must be between 1 and 100", param="limit"
        )
    if query.get("starting_after") and query.get("ending_before"):
        raise ApiError(
            400,
            "parameter_invalid",
            "Give starting_after or ending_before, not both.",
            param="ending_before",
        )
    conditions, values = list(where), list(params)
    if query.get("idempotency_key") and select is None:
        conditions.append("k.idempotency_key = ?")
        values.append(query["idempotency_key"])
    order = "DESC"
    for cursor_param, comparison in (("starting_after", "<"), ("ending_before", ">")):
        ident = query.get(cursor_param)
        if ident:
            anchor = db.one(f"SELECT {position} FROM {table} WHERE id = ?", (ident,))
            if anchor is None:
                raise ApiError(
                    400, "resource_missing", f"No such {what}: '{ident}'", param=cursor_param
                )
            conditions.append(f"t.{position} {comparison} ?")
            values.append(anchor[0])
            order = "ASC" if cursor_param == "ending_before" else order
    rows = db.all(
        f"{select or keyed(table)} WHERE {' AND '.join(conditions) or '1=1'} "
        f"ORDER BY t.{position} {order} LIMIT ?",
        (*values, limit + 1),
    )
    page = rows[:limit]
    if order == "ASC":
        page.reverse()
    return {
        "object": "list",
        "data": [convert(row) for row in page],
        "has_more": len(rows) > limit,
        "url": url,
    }
