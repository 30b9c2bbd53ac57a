"""Small helpers the systems share: money in minor units, ids, checking parameters."""

from __future__ import annotations

import secrets
import sqlite3
from decimal import Decimal, InvalidOperation
from typing import Any

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
