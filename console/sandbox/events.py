"""The durable, append-only event log with a global monotonic cursor.

Each event is stored as the exact JSON text that is served, so streaming it costs no
re-encoding. Appends wake every waiting reader once per batch.
"""

from __future__ import annotations

import asyncio
import json
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .db import Database

# The systems whose changes are on the event feed.
SYSTEMS = ("orders", "payments", "tickets", "logistics", "inventory")
# Every system served. Accounts' credits belong to a customer, not to one case, so that
# system puts nothing on the feed (the console could not match it to a case).
API_SYSTEMS = (*SYSTEMS, "accounts")
REF_KEYS = ("order_id", "shipment_id", "payment_id", "ticket_id", "customer_id")
RAW_TYPE = "sandbox.raw"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS events (
    cursor INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    body TEXT NOT NULL
);
"""

Scalar = str | int | bool | None


def now_iso() -> str:
    return iso(datetime.now(UTC))


def iso(moment: datetime) -> str:
    """``2026-11-23T10:00:00.000000Z``: the envelope's time format."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def new_event_id() -> str:
    return f"evt_{secrets.token_hex(12)}"


def envelope(
    type_: str,
    system: str,
    *,
    refs: Mapping[str, str | None] | None = None,
    summary: str,
    data: Mapping[str, Scalar] | None = None,
    message: Mapping[str, Any] | None = None,
    occurred_at: str | None = None,
    event_id: str | None = None,
) -> dict[str, Any]:
    """A complete envelope without its cursor (the log assigns it on append)."""
    return {
        "id": event_id or new_event_id(),
        "cursor": None,
        "type": type_,
        "system": system,
        "occurred_at": occurred_at or now_iso(),
        "refs": {key: (refs or {}).get(key) for key in REF_KEYS},
        "summary": summary,
        "data": dict(data or {}),
        "message": dict(message) if message is not None else None,
    }


@dataclass(frozen=True, slots=True)
class StoredEvent:
    cursor: int
    type: str
    body: str  # the envelope's JSON text, or any text for a deliberately malformed event


class EventLog:
    """Append and read events; ``wait_beyond`` lets streams sleep until something is new."""

    def __init__(self, path: Path) -> None:
        self.db = Database(path, _SCHEMA)
        row = self.db.one("SELECT COALESCE(MAX(cursor), 0) AS last FROM events")
        self.last_cursor: int = row["last"] if row else 0
        self._changed = asyncio.Event()

    def append(self, events: Iterable[dict[str, Any]]) -> list[int]:
        """Give each envelope the next cursor, store the batch in one transaction, notify."""
        rows: list[tuple[int, str, str, str]] = []
        cursor = self.last_cursor
        for event in events:
            cursor += 1
            event["cursor"] = cursor
            rows.append((cursor, event["id"], event["type"], _dumps(event)))
        return self._insert(rows)

    def append_raw(self, text: str) -> int:
        """Store ``text`` as an event as it is: the malformed messages of a test."""
        cursor = self.last_cursor + 1
        return self._insert([(cursor, new_event_id(), RAW_TYPE, text)])[0]

    def _insert(self, rows: list[tuple[int, str, str, str]]) -> list[int]:
        if not rows:
            return []
        with self.db.transaction() as conn:
            conn.executemany("INSERT INTO events (cursor, id, type, body) VALUES (?,?,?,?)", rows)
        self.last_cursor = rows[-1][0]
        self._notify()
        return [row[0] for row in rows]

    def _notify(self) -> None:
        changed, self._changed = self._changed, asyncio.Event()
        changed.set()

    def read(self, after: int, limit: int) -> list[StoredEvent]:
        rows = self.db.all(
            "SELECT cursor, type, body FROM events WHERE cursor > ? ORDER BY cursor LIMIT ?",
            (after, limit),
        )
        return [StoredEvent(row["cursor"], row["type"], row["body"]) for row in rows]

    async def wait_beyond(self, cursor: int) -> None:
        """Return once an event after ``cursor`` exists (woken by appends, never polling)."""
        while self.last_cursor <= cursor:
            await self._changed.wait()

    def close(self) -> None:
        self.db.close()


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def dumps(value: Any) -> str:
    return _dumps(value)
