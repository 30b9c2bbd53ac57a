"""The outbox: one row per approved step that leaves the machine, written in the decision's
own transaction, with the idempotency key every attempt reuses and the hash of the exact
payload the person approved. The dispatcher claims due rows, sends them with no
transaction open, and records the outcomes of a whole batch in one transaction.

States (``console.domain.kinds.ExecutionState``): ``pending`` (due at ``next_attempt_at``)
→ ``sending`` (an attempt is out) → ``delivered`` | ``rejected`` | ``unknown_outcome`` (a
person must look: no lookup could settle it) → ``reconciled`` (a lookup found it done), or
``cancelled`` by a person. A row left ``sending`` by a crash is sent again with the same
key when the dispatcher starts — the remote system's idempotency makes that safe.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlite_utils

from console.domain.audit import canonical_json
from console.domain.kinds import ExecutionState

from .queries import iso

__all__ = [
    "OUTBOX_SCHEMA",
    "Breaker",
    "Finished",
    "OutboxRow",
    "breakers",
    "claim_due",
    "enqueue",
    "finish",
    "get",
    "next_due",
    "put_breaker",
    "queue_counts",
    "recover_sending",
    "release",
    "reopen_half_open",
    "rows_for_case",
    "set_state",
]

OUTBOX_SCHEMA = """
CREATE TABLE outbox (
    id               TEXT PRIMARY KEY,       -- the execution id
    decision_id      TEXT NOT NULL,
    case_id          TEXT NOT NULL REFERENCES cases(id),
    proposal_id      TEXT NOT NULL,
    step_id          TEXT NOT NULL,
    action           TEXT NOT NULL,
    destination      TEXT NOT NULL,
    idempotency_key  TEXT NOT NULL UNIQUE,   -- every attempt sends this one
    payload          BLOB NOT NULL,          -- canonical JSON of the approved parameters
    payload_hash     TEXT NOT NULL,          -- SHA-256 of payload: what the person saw
    approved_by      TEXT NOT NULL,
    approved_role    TEXT NOT NULL,
    compensates      TEXT REFERENCES outbox(id),  -- the execution this one undoes
    state            TEXT NOT NULL,
    attempts         INTEGER NOT NULL DEFAULT 0,
    created_at       TEXT NOT NULL,
    first_attempt_at TEXT,
    next_attempt_at  TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    last_error       TEXT,
    remote_ref       TEXT
);
CREATE INDEX outbox_due ON outbox(state, next_attempt_at);
CREATE INDEX outbox_by_case ON outbox(case_id);
CREATE UNIQUE INDEX outbox_one_per_step ON outbox(proposal_id, step_id) WHERE compensates IS NULL;
CREATE TABLE breakers (
    destination   TEXT PRIMARY KEY,
    state         TEXT NOT NULL,             -- closed, open, half_open
    failures      INTEGER NOT NULL,          -- consecutive failures
    opened_at     TEXT,
    next_probe_at TEXT,
    probe_delay   REAL NOT NULL DEFAULT 0,   -- seconds until the next probe after a failed one
    probes        INTEGER NOT NULL DEFAULT 0,  -- probes sent while open
    updated_at    TEXT NOT NULL
) WITHOUT ROWID;
"""

_COLUMNS = (
    "id, decision_id, case_id, proposal_id, step_id, action, destination, idempotency_key,"
    " payload, payload_hash, approved_by, approved_role, compensates, state, attempts,"
    " created_at, first_attempt_at, next_attempt_at, updated_at, last_error, remote_ref"
)


@dataclass(frozen=True)
class OutboxRow:
    id: str
    decision_id: str
    case_id: str
    proposal_id: str
    step_id: str
    action: str
    destination: str
    idempotency_key: str
    payload: bytes
    payload_hash: str
    approved_by: str
    approved_role: str
    compensates: str | None
    state: ExecutionState
    attempts: int
    created_at: str
    first_attempt_at: str | None
    next_attempt_at: str
    updated_at: str
    last_error: str | None
    remote_ref: str | None

    @property
    def params(self) -> dict[str, Any]:
        value: dict[str, Any] = json.loads(self.payload)
        return value


def _row(values: Sequence[Any]) -> OutboxRow:
    data = list(values)
    payload = data[8]
    data[8] = payload if isinstance(payload, bytes) else str(payload).encode()
    data[13] = ExecutionState(data[13])
    return OutboxRow(*data)


def enqueue(
    db: sqlite_utils.Database,
    *,
    execution_id: str,
    decision_id: str,
    case_id: str,
    proposal_id: str,
    step_id: str,
    action: str,
    destination: str,
    params: Mapping[str, Any],
    approved_by: str,
    approved_role: str,
    now: datetime,
    compensates: str | None = None,
) -> OutboxRow:
    """Add one row (in the caller's transaction); the idempotency key is fixed here."""
    payload = canonical_json(dict(params))
    at = iso(now)
    values = (
        execution_id,
        decision_id,
        case_id,
        proposal_id,
        step_id,
        action,
        destination,
        f"tandem-{execution_id}",
        payload,
        hashlib.sha256(payload).hexdigest(),
        approved_by,
        approved_role,
        compensates,
        ExecutionState.PENDING.value,
        0,
        at,
        None,
        at,
        at,
        None,
        None,
    )
    db.execute(f"INSERT INTO outbox ({_COLUMNS}) VALUES ({', '.join('?' * 21)})", values)
    return _row(values)


def get(conn: sqlite3.Connection, execution_id: str) -> OutboxRow | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM outbox WHERE id = ?", (execution_id,)).fetchone()
    return None if row is None else _row(row)


def rows_for_case(conn: sqlite3.Connection, case_id: str) -> list[OutboxRow]:
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM outbox WHERE case_id = ? ORDER BY created_at, id", (case_id,)
    ).fetchall()
    return [_row(r) for r in rows]


def rows_in_state(
    conn: sqlite3.Connection, states: Iterable[ExecutionState], limit: int = 500
) -> list[OutboxRow]:
    keys = [s.value for s in states]
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM outbox WHERE state IN (SELECT value FROM json_each(?))"
        " ORDER BY updated_at LIMIT ?",
        (json.dumps(keys), limit),
    ).fetchall()
    return [_row(r) for r in rows]


def claim_due(
    db: sqlite_utils.Database,
    now: datetime,
    limit: int,
    *,
    skip_destinations: Iterable[str] = (),
    skip_actions: Iterable[str] = (),
    only_destination: str | None = None,
) -> list[OutboxRow]:
    """Mark up to ``limit`` due rows ``sending`` (one statement) and return them."""
    at = iso(now)
    only = "" if only_destination is None else " AND destination = ?"
    args: list[object] = [at, at, at, json.dumps(list(skip_destinations))]
    args += [json.dumps(list(skip_actions))]
    if only_destination is not None:
        args.append(only_destination)
    args.append(limit)
    rows = db.execute(
        "UPDATE outbox SET state = 'sending', attempts = attempts + 1,"
        " first_attempt_at = COALESCE(first_attempt_at, ?), updated_at = ?"
        " WHERE id IN (SELECT id FROM outbox WHERE state = 'pending' AND next_attempt_at <= ?"
        " AND destination NOT IN (SELECT value FROM json_each(?))"
        f" AND action NOT IN (SELECT value FROM json_each(?)){only}"
        " ORDER BY next_attempt_at, id LIMIT ?)"
        f" RETURNING {_COLUMNS}",
        args,
    ).fetchall()
    return sorted((_row(r) for r in rows), key=lambda r: (r.next_attempt_at, r.id))


def release(db: sqlite_utils.Database, execution_ids: Sequence[str], now: datetime) -> None:
    """Claimed rows that were not attempted after all: pending again, attempt not counted."""
    if execution_ids:
        db.execute(
            "UPDATE outbox SET state = 'pending', attempts = attempts - 1, updated_at = ?,"
            " first_attempt_at = CASE WHEN attempts = 1 THEN NULL ELSE first_attempt_at END"
            " WHERE state = 'sending' AND id IN (SELECT value FROM json_each(?))",
            (iso(now), json.dumps(list(execution_ids))),
        )


def recover_sending(db: sqlite_utils.Database, now: datetime) -> int:
    """Rows a crash left ``sending``: due again at once, same key (their outcome is unknown)."""
    at = iso(now)
    return int(
        db.execute(
            "UPDATE outbox SET state = 'pending', next_attempt_at = ?, updated_at = ?,"
            " last_error = COALESCE(last_error, 'interrupted while sending; sent again')"
            " WHERE state = 'sending'",
            (at, at),
        ).rowcount
    )


def next_due(
    conn: sqlite3.Connection,
    *,
    skip_destinations: Iterable[str] = (),
    skip_actions: Iterable[str] = (),
) -> str | None:
    """When the next pending row falls due, leaving out what an open breaker or a pause
    holds back (those wait for their probe or their resume, not for their time)."""
    row = conn.execute(
        "SELECT min(next_attempt_at) FROM outbox WHERE state = 'pending'"
        " AND destination NOT IN (SELECT value FROM json_each(?))"
        " AND action NOT IN (SELECT value FROM json_each(?))",
        (json.dumps(list(skip_destinations)), json.dumps(list(skip_actions))),
    ).fetchone()
    return None if row is None or row[0] is None else str(row[0])


def reopen_half_open(db: sqlite_utils.Database, now: datetime) -> int:
    """Breakers a crash left half-open (their probe was out): open, probe due now."""
    at = iso(now)
    return int(
        db.execute(
            "UPDATE breakers SET state = 'open', next_probe_at = ?, updated_at = ?"
            " WHERE state = 'half_open'",
            (at, at),
        ).rowcount
    )


@dataclass(frozen=True)
class Finished:
    """The outcome of one attempt, to be recorded."""

    execution_id: str
    state: ExecutionState
    next_attempt_at: datetime | None = None
    error: str | None = None
    remote_ref: str | None = None


def finish(db: sqlite_utils.Database, results: Sequence[Finished], now: datetime) -> None:
    """Record a batch of outcomes (the caller's transaction also writes events and audit)."""
    at = iso(now)
    db.conn.executemany(
        "UPDATE outbox SET state = ?, next_attempt_at = COALESCE(?, next_attempt_at),"
        " last_error = ?, remote_ref = COALESCE(?, remote_ref), updated_at = ? WHERE id = ?",
        [
            (
                r.state.value,
                None if r.next_attempt_at is None else iso(r.next_attempt_at),
                r.error,
                r.remote_ref,
                at,
                r.execution_id,
            )
            for r in results
        ],
    )


def set_state(
    db: sqlite_utils.Database,
    execution_id: str,
    state: ExecutionState,
    now: datetime,
    *,
    error: str | None = None,
    from_states: Iterable[ExecutionState] = (),
) -> bool:
    """Move one row to ``state`` if it is in one of ``from_states``."""
    at = iso(now)
    cursor = db.execute(
        "UPDATE outbox SET state = ?, next_attempt_at = ?, updated_at = ?, last_error = ?"
        " WHERE id = ? AND state IN (SELECT value FROM json_each(?))",
        (
            state.value,
            at,
            at,
            error,
            execution_id,
            json.dumps([s.value for s in from_states]),
        ),
    )
    return bool(cursor.rowcount)


def queue_counts(conn: sqlite3.Connection) -> dict[str, dict[str, int]]:
    """Rows per destination and state."""
    out: dict[str, dict[str, int]] = {}
    for destination, state, count in conn.execute(
        "SELECT destination, state, count(*) FROM outbox GROUP BY destination, state"
    ):
        out.setdefault(destination, {})[state] = count
    return out


# -- circuit breakers ---------------------------------------------------------------------


@dataclass(frozen=True)
class Breaker:
    destination: str
    state: str  # closed, open, half_open
    failures: int
    opened_at: str | None
    next_probe_at: str | None
    probe_delay: float
    probes: int


def breakers(conn: sqlite3.Connection) -> dict[str, Breaker]:
    rows = conn.execute(
        "SELECT destination, state, failures, opened_at, next_probe_at, probe_delay, probes"
        " FROM breakers"
    ).fetchall()
    return {row[0]: Breaker(*row) for row in rows}


def put_breaker(db: sqlite_utils.Database, breaker: Breaker, now: datetime) -> None:
    db.execute(
        "INSERT INTO breakers (destination, state, failures, opened_at, next_probe_at,"
        " probe_delay, probes, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT(destination) DO UPDATE SET state = excluded.state,"
        " failures = excluded.failures, opened_at = excluded.opened_at,"
        " next_probe_at = excluded.next_probe_at, probe_delay = excluded.probe_delay,"
        " probes = excluded.probes, updated_at = excluded.updated_at",
        (
            breaker.destination,
            breaker.state,
            breaker.failures,
            breaker.opened_at,
            breaker.next_probe_at,
            breaker.probe_delay,
            breaker.probes,
            iso(now),
        ),
    )
