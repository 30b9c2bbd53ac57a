"""The audit trail: append-only, hash-chained records, written in the transaction of what
they record.

Each record keeps the canonical JSON bytes it was hashed over (``payload``) and
``hash = SHA-256(prev_hash || payload)``; the first record's ``prev_hash`` is 64 zeros.
Verifying reads only those bytes and hashes, in order — no re-serialising — which is what
makes a million records verifiable in about a second (see PERF_NOTES). Changing, deleting,
swapping or inserting any record breaks the chain at that record.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from console.domain.audit import GENESIS_HASH, canonical_json

__all__ = ["AuditCheck", "append", "last_hash", "verify"]


def last_hash(conn: sqlite3.Connection) -> str:
    row = conn.execute("SELECT hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    return GENESIS_HASH if row is None else str(row[0])


def append(
    conn: sqlite3.Connection,
    *,
    kind: str,
    actor_id: str,
    subject_ids: Iterable[str],
    payload: Mapping[str, Any],
    recorded_at: str,
) -> int:
    """Append one record (inside the caller's write transaction); its sequence number."""
    data = canonical_json(dict(payload))
    prev = last_hash(conn)
    digest = hashlib.sha256(prev.encode("ascii") + data).hexdigest()
    cursor = conn.execute(
        "INSERT INTO audit (recorded_at, actor_id, kind, subject_ids, payload, prev_hash, hash)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (recorded_at, actor_id, kind, json.dumps(list(subject_ids)), data, prev, digest),
    )
    return int(cursor.lastrowid or 0)


@dataclass(frozen=True)
class AuditCheck:
    """The result of verifying the chain: ``first_bad`` is None when every record holds."""

    records: int
    first_bad: int | None = None
    problem: str | None = None

    @property
    def ok(self) -> bool:
        return self.first_bad is None


def verify(conn: sqlite3.Connection, *, batch: int = 10_000) -> AuditCheck:
    """Walk the chain in order; report the first record whose link or hash is wrong."""
    prev = GENESIS_HASH
    expected_seq = 1
    count = 0
    sha256 = hashlib.sha256
    cursor = conn.execute("SELECT seq, payload, prev_hash, hash FROM audit ORDER BY seq")
    while rows := cursor.fetchmany(batch):
        for seq, payload, prev_hash, digest in rows:
            if seq != expected_seq:
                return AuditCheck(count, expected_seq, f"record {expected_seq} is missing")
            if prev_hash != prev:
                return AuditCheck(count, seq, f"record {seq} does not follow record {seq - 1}")
            data = payload if isinstance(payload, bytes) else str(payload).encode()
            if sha256(prev.encode("ascii") + data).hexdigest() != digest:
                return AuditCheck(count, seq, f"record {seq} was changed after it was written")
            prev = digest
            expected_seq += 1
            count += 1
    return AuditCheck(count)
