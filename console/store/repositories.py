"""Repositories: the only code that knows the store's tables.

Write functions take the writer's ``sqlite_utils.Database`` and run inside its transaction
(hand them to ``Store.write``); read functions take a read connection.
They return domain models; the light list queries are in :mod:`console.store.queries`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from datetime import datetime

import sqlite_utils

from console.domain.case import Case
from console.domain.casefile import CaseFile
from console.domain.customer import Customer
from console.domain.errors import ConflictError, MessageCode, NotFound
from console.domain.events import TimelineEvent
from console.domain.proposal import Proposal

from .queries import iso
from .records import ImportResult
from .schema import case_ref_rows
from .search import case_document, event_document

# -- writing ---------------------------------------------------------------------------


def put_customer(db: sqlite_utils.Database, customer: Customer) -> None:
    db.execute(
        "INSERT INTO customers (id, name, tier, language, data) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT(id) DO UPDATE SET name = excluded.name, tier = excluded.tier,"
        " language = excluded.language, data = excluded.data",
        (
            customer.id,
            customer.name,
            customer.tier.value,
            customer.language,
            customer.model_dump_json(),
        ),
    )


def _case_values(case: Case) -> tuple[object, ...]:
    return (
        case.customer_id,
        case.subject,
        case.journey.value,
        case.status.value,
        int(case.priority),
        iso(case.opened_at),
        iso(case.updated_at),
        iso(case.sla_due_at),
        case.owner.kind.value,
        case.owner.id,
        case.sentiment.label.value if case.sentiment else None,
        case.version,
        case.model_dump_json(),
    )


def put_case(
    db: sqlite_utils.Database, case: Case, customer_name: str, *, reindex: bool = True
) -> bool:
    """Insert or replace ``case``; True when it is new. The search index and the reference
    index follow, unless ``reindex`` is False (the subject and references are unchanged)."""
    existed = db.execute("SELECT 1 FROM cases WHERE id = ?", (case.id,)).fetchone() is not None
    db.execute(
        "INSERT INTO cases (customer_id, subject, journey, status, priority, opened_at,"
        " updated_at, sla_due_at, owner_kind, owner_id, sentiment, version, data, id)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT(id) DO UPDATE SET customer_id = excluded.customer_id,"
        " subject = excluded.subject, journey = excluded.journey, status = excluded.status,"
        " priority = excluded.priority, opened_at = excluded.opened_at,"
        " updated_at = excluded.updated_at, sla_due_at = excluded.sla_due_at,"
        " owner_kind = excluded.owner_kind, owner_id = excluded.owner_id,"
        " sentiment = excluded.sentiment, version = excluded.version, data = excluded.data",
        (*_case_values(case), case.id),
    )
    if existed and not reindex:
        return False
    (rowid,) = db.execute("SELECT rowid FROM cases WHERE id = ?", (case.id,)).fetchone()
    if existed:
        db.execute("DELETE FROM case_text WHERE rowid = ?", (rowid,))
    case_json = case.model_dump_json()
    db.execute(
        "INSERT INTO case_text (rowid, body, cjk1, case_id) VALUES (?, ?, ?, ?)",
        (rowid, *case_document(case.subject, customer_name, case_json), case.id),
    )
    if existed:
        db.execute("DELETE FROM case_refs WHERE case_id = ?", (case.id,))
    db.conn.executemany(
        "INSERT OR IGNORE INTO case_refs (kind, ref, case_id) VALUES (?, ?, ?)",
        case_ref_rows(case.id, case_json),
    )
    return not existed


def update_case(db: sqlite_utils.Database, case: Case, expected_version: int) -> Case:
    """Store a changed ``case`` if nobody changed it since ``expected_version``."""
    row = db.execute("SELECT version, data FROM cases WHERE id = ?", (case.id,)).fetchone()
    if row is None:
        raise NotFound(
            f"case {case.id} does not exist",
            code=MessageCode.CASE_NOT_FOUND,
            params={"case": case.id},
        )
    if row[0] != expected_version:
        raise ConflictError(
            f"case {case.id} was changed by someone else (version {row[0]}, "
            f"expected {expected_version}); reload it and try again",
            code=MessageCode.CASE_CHANGED,
            params={"case": case.id, "version": row[0], "expected": expected_version},
        )
    updated = case.model_copy(update={"version": expected_version + 1})
    (name,) = db.execute("SELECT name FROM customers WHERE id = ?", (case.customer_id,)).fetchone()
    before = Case.model_validate_json(row[1])
    indexed_alike = (
        before.subject == case.subject
        and before.external_refs == case.external_refs
        and before.customer_id == case.customer_id
    )
    put_case(db, updated, name, reindex=not indexed_alike)
    return updated


def append_events(
    db: sqlite_utils.Database, case_id: str, events: Sequence[TimelineEvent]
) -> tuple[int, int]:
    """Append ``events`` to the case's timeline in order, skipping ids already stored.

    Returns (appended, duplicates). An id already used by another case is a conflict:
    nothing of the call is kept (the caller's transaction is rolled back).
    """
    row = db.execute(
        "SELECT COALESCE(MAX(seq), 0) FROM events WHERE case_id = ?", (case_id,)
    ).fetchone()
    seq = int(row[0])
    appended = duplicates = 0
    last_at: str | None = None
    for event in events:
        if event.case_id != case_id:
            raise ValueError(f"event {event.id} belongs to case {event.case_id}, not {case_id}")
        owner = db.execute("SELECT case_id FROM events WHERE id = ?", (event.id,)).fetchone()
        if owner is not None:
            if owner[0] != case_id:
                raise ConflictError(
                    f"event id {event.id} is already used by case {owner[0]}; "
                    "event ids must be unique across cases"
                )
            duplicates += 1
            continue
        seq += 1
        payload = event.payload.model_dump_json()
        occurred = iso(event.occurred_at)
        cursor = db.execute(
            "INSERT INTO events (id, case_id, seq, occurred_at, source, kind, actor,"
            " actor_kind, actor_name, summary, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                event.id,
                case_id,
                seq,
                occurred,
                event.source.value,
                event.kind.value,
                event.actor.model_dump_json(),
                event.actor.kind.value,
                event.actor.name,
                event.summary,
                payload,
            ),
        )
        db.execute(
            "INSERT INTO event_text (rowid, body, cjk1, case_id) VALUES (?, ?, ?, ?)",
            (cursor.lastrowid, *event_document(event.summary, payload), case_id),
        )
        last_at = occurred if last_at is None or occurred > last_at else last_at
        appended += 1
    if appended:
        db.execute(
            "UPDATE cases SET event_count = ?, last_event_at = MAX(COALESCE(last_event_at, ''), ?)"
            " WHERE id = ?",
            (seq, last_at, case_id),
        )
    return appended, duplicates


def put_case_file(db: sqlite_utils.Database, case_file: CaseFile) -> ImportResult:
    """Store a case file: customer and case replaced, events appended (deduplicated)."""
    put_customer(db, case_file.customer)
    created = put_case(db, case_file.case, case_file.customer.name)
    appended, duplicates = append_events(db, case_file.case.id, case_file.events)
    return ImportResult(case_file.case.id, created, appended, duplicates)


# -- reading ---------------------------------------------------------------------------


def get_customer(conn: sqlite3.Connection, customer_id: str) -> Customer:
    row = conn.execute("SELECT data FROM customers WHERE id = ?", (customer_id,)).fetchone()
    if row is None:
        raise NotFound(f"customer {customer_id} does not exist")
    return Customer.model_validate_json(row[0])


def get_case(conn: sqlite3.Connection, case_id: str) -> Case:
    row = conn.execute("SELECT data FROM cases WHERE id = ?", (case_id,)).fetchone()
    if row is None:
        raise NotFound(
            f"case {case_id} does not exist",
            code=MessageCode.CASE_NOT_FOUND,
            params={"case": case_id},
        )
    return Case.model_validate_json(row[0])


def _event_from_row(row: sqlite3.Row | tuple[object, ...]) -> TimelineEvent:
    return TimelineEvent.model_validate(
        {
            "id": row[0],
            "case_id": row[1],
            "seq": row[2],
            "occurred_at": row[3],
            "source": row[4],
            "actor": json.loads(str(row[5])),
            "summary": row[6],
            "payload": json.loads(str(row[7])),
        }
    )


_EVENT_SELECT = "SELECT id, case_id, seq, occurred_at, source, actor, summary, payload FROM events"


def get_event(conn: sqlite3.Connection, case_id: str, seq: int) -> TimelineEvent:
    row = conn.execute(f"{_EVENT_SELECT} WHERE case_id = ? AND seq = ?", (case_id, seq)).fetchone()
    if row is None:
        raise NotFound(f"case {case_id} has no event #{seq}")
    return _event_from_row(row)


def events(conn: sqlite3.Connection, case_id: str) -> list[TimelineEvent]:
    return [
        _event_from_row(r)
        for r in conn.execute(f"{_EVENT_SELECT} WHERE case_id = ? ORDER BY seq", (case_id,))
    ]


def recent_events(
    conn: sqlite3.Connection, case_id: str, limit: int, *, except_kinds: Sequence[str] = ()
) -> list[TimelineEvent]:
    """The case's newest ``limit`` events (oldest first), leaving out ``except_kinds``:
    bounded whatever the case's length."""
    kinds = json.dumps(list(except_kinds))
    rows = conn.execute(
        f"{_EVENT_SELECT} WHERE case_id = ? AND kind NOT IN (SELECT value FROM json_each(?))"
        " ORDER BY seq DESC LIMIT ?",
        (case_id, kinds, limit),
    ).fetchall()
    return [_event_from_row(r) for r in reversed(rows)]


# -- live ingest -----------------------------------------------------------------------

_ACTIVE_FIRST = (
    "CASE c.status WHEN 'resolved' THEN 1 WHEN 'closed' THEN 1 ELSE 0 END, c.opened_at DESC"
)


def resolve_case(db: sqlite_utils.Database, refs: Mapping[str, str]) -> str | None:
    """The case an inbound event belongs to, by its strongest reference.

    ``refs`` maps a reference kind (ticket_id, order_id, ...) to its value, strongest first.
    When several cases share a reference, the newest active one wins.
    """
    for kind, ref in refs.items():
        row = db.execute(
            "SELECT r.case_id FROM case_refs r JOIN cases c ON c.id = r.case_id"
            f" WHERE r.kind = ? AND r.ref = ? ORDER BY {_ACTIVE_FIRST} LIMIT 1",
            (kind, ref),
        ).fetchone()
        if row is not None:
            return str(row[0])
    return None


def put_quarantine(
    db: sqlite_utils.Database,
    *,
    feed: str,
    cursor: int | None,
    reason: str,
    raw: str,
    received_at: datetime,
) -> None:
    db.execute(
        "INSERT INTO quarantine (received_at, feed, cursor, reason, raw) VALUES (?, ?, ?, ?, ?)",
        (iso(received_at), feed, cursor, reason, raw),
    )


def set_feed_cursor(
    db: sqlite_utils.Database, feed: str, cursor: int, updated_at: datetime
) -> None:
    db.execute(
        "INSERT INTO feed_cursors (feed, cursor, updated_at) VALUES (?, ?, ?)"
        " ON CONFLICT(feed) DO UPDATE SET cursor = MAX(cursor, excluded.cursor),"
        " updated_at = excluded.updated_at",
        (feed, cursor, iso(updated_at)),
    )


# -- proposals ---------------------------------------------------------------------------


def put_proposal(db: sqlite_utils.Database, proposal: Proposal) -> bool:
    """Store a proposal; False when the same proposal (same id) is already stored."""
    cursor = db.execute(
        "INSERT OR IGNORE INTO proposals (id, case_id, created_at, planner, input_digest, data)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (
            proposal.id,
            proposal.case_id,
            iso(proposal.created_at),
            proposal.planner.name,
            proposal.input_digest,
            proposal.model_dump_json(),
        ),
    )
    return bool(cursor.rowcount)


def latest_proposal(conn: sqlite3.Connection, case_id: str) -> Proposal | None:
    row = conn.execute(
        "SELECT data FROM proposals WHERE case_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1",
        (case_id,),
    ).fetchone()
    return Proposal.model_validate_json(row[0]) if row else None
