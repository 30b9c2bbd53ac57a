"""Stripe's idempotency semantics for every POST and PUT, stored in the system's own file.

- same key, same method + path + canonical body: the first response, replayed exactly;
- same key, another request: 422;
- same key while the first request is still being served: 409 with ``Retry-After: 1``;
- a key older than its lifetime is forgotten and counts as new.

Only responses of requests that were carried out are kept: an error raised before or
during the work (a validation error, a fault) rolls back and leaves the key free.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode

from .db import Database

DEFAULT_LIFETIME_S = 24 * 3600.0


@dataclass(frozen=True, slots=True)
class StoredResponse:
    fingerprint: str
    status: int
    body: str


def fingerprint(method: str, path: str, content_type: str, body: bytes) -> str:
    """A digest of what the request asks for, the same however its body is spelled."""
    canonical = body
    media = content_type.split(";", 1)[0].strip().lower()
    try:
        if media == "application/json" and body.strip():
            value = json.loads(body)
            canonical = json.dumps(value, sort_keys=True, separators=(",", ":")).encode()
        elif media == "application/x-www-form-urlencoded":
            pairs = sorted(parse_qsl(body.decode(), keep_blank_values=True))
            canonical = urlencode(pairs).encode()
    except (ValueError, UnicodeDecodeError):
        canonical = body
    digest = hashlib.sha256()
    for part in (method.upper().encode(), path.encode(), canonical):
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()


class Idempotency:
    def __init__(self, lifetime_s: float | None = None) -> None:
        self.lifetime_s = DEFAULT_LIFETIME_S if lifetime_s is None else lifetime_s
        self._in_flight: set[tuple[str, str]] = set()

    @property
    def in_flight(self) -> int:
        return len(self._in_flight)

    def lookup(self, db: Database, key: str) -> StoredResponse | None:
        row = db.one(
            "SELECT fingerprint, status, body, created_at FROM idempotency_keys WHERE key = ?",
            (key,),
        )
        if row is None:
            return None
        if row["created_at"] + self.lifetime_s <= time.time():
            db.conn.execute("DELETE FROM idempotency_keys WHERE key = ?", (key,))
            return None
        return StoredResponse(row["fingerprint"], row["status"], row["body"])

    def claim(self, system: str, key: str) -> bool:
        """Mark ``key`` as being served; False if it already is."""
        if (system, key) in self._in_flight:
            return False
        self._in_flight.add((system, key))
        return True

    def release(self, system: str, key: str) -> None:
        self._in_flight.discard((system, key))

    def store(
        self, conn: sqlite3.Connection, key: str, digest: str, status: int, body: str
    ) -> None:
        conn.execute(
            "INSERT OR REPLACE INTO idempotency_keys (key, fingerprint, status, body, created_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (key, digest, status, body, time.time()),
        )

    def forget_all(self, db: Database) -> int:
        """Forget every stored key now, as if their lifetime had passed (for tests)."""
        return db.conn.execute("DELETE FROM idempotency_keys").rowcount

    def prune(self, db: Database) -> int:
        cursor = db.conn.execute(
            "DELETE FROM idempotency_keys WHERE created_at <= ?", (time.time() - self.lifetime_s,)
        )
        return cursor.rowcount
