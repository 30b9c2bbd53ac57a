"""The store's schema, as an ordered list of migrations.

``PRAGMA user_version`` holds the number of migrations applied. Each migration runs in one
transaction with the version bump, after a backup copy of the file has been taken.
Never edit a released migration: add a new one.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from decimal import Decimal

from .search import case_document, event_document

APPLICATION_ID = 0x54414E44  # "TAND": marks a SQLite file as a Tandem store

_V1 = """
CREATE TABLE customers (
    id        TEXT PRIMARY KEY,
    name      TEXT NOT NULL,
    tier      TEXT NOT NULL,
    language  TEXT NOT NULL,
    data      TEXT NOT NULL            -- the Customer as JSON
);
CREATE TABLE cases (
    id            TEXT PRIMARY KEY,
    customer_id   TEXT NOT NULL REFERENCES customers(id),
    subject       TEXT NOT NULL,
    journey       TEXT NOT NULL,
    status        TEXT NOT NULL,
    priority      INTEGER NOT NULL,
    opened_at     TEXT NOT NULL,       -- ISO 8601 UTC, fixed width: sorts as text
    updated_at    TEXT NOT NULL,
    sla_due_at    TEXT NOT NULL,
    owner_kind    TEXT NOT NULL,
    owner_id      TEXT,
    sentiment     TEXT,
    version       INTEGER NOT NULL,
    event_count   INTEGER NOT NULL DEFAULT 0,
    last_event_at TEXT,
    data          TEXT NOT NULL        -- the Case as JSON
);
CREATE INDEX cases_by_sla ON cases(sla_due_at);
CREATE INDEX cases_by_customer ON cases(customer_id);
CREATE TABLE events (
    rowid       INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,  -- deduplication key
    case_id     TEXT NOT NULL REFERENCES cases(id),
    seq         INTEGER NOT NULL,      -- dense per case: 1, 2, 3 ...
    occurred_at TEXT NOT NULL,
    source      TEXT NOT NULL,
    kind        TEXT NOT NULL,
    actor       TEXT NOT NULL,         -- the Actor as JSON
    actor_kind  TEXT NOT NULL,
    actor_name  TEXT NOT NULL,
    summary     TEXT NOT NULL,
    payload     TEXT NOT NULL,         -- the typed payload as JSON
    UNIQUE (case_id, seq)
);
CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'timeline events are append-only'); END;
CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'timeline events are append-only'); END;
"""


def run_script(conn: sqlite3.Connection, script: str) -> None:
    """Run ``script`` statement by statement inside the caller's transaction.

    (``Connection.executescript`` would commit first, breaking the one-transaction rule.)
    """
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            conn.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"incomplete SQL statement: {statement!r}")


def _v1(conn: sqlite3.Connection) -> None:
    run_script(conn, _V1)


# Full-text search. ``body`` holds the text with every run of CJK characters rewritten as
# overlapping bigrams (unicode61 would otherwise index a whole run as one token); ``cjk1``
# holds single CJK characters for one-character queries. Each index row shares the rowid of
# the case or event it indexes, so replacing a case's document is a lookup by rowid.
_V2 = """
CREATE VIRTUAL TABLE case_text USING fts5(
    body, cjk1, case_id UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '3'
);
CREATE VIRTUAL TABLE event_text USING fts5(
    body, cjk1, case_id UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '3'
);
"""


def _v2_backfill(conn: sqlite3.Connection) -> None:
    run_script(conn, _V2)
    for rowid, case_id, subject, name, data in conn.execute(
        "SELECT cases.rowid, cases.id, subject, customers.name, cases.data FROM cases"
        " JOIN customers ON customers.id = cases.customer_id"
    ):
        conn.execute(
            "INSERT INTO case_text (rowid, body, cjk1, case_id) VALUES (?, ?, ?, ?)",
            (rowid, *case_document(subject, name, data), case_id),
        )
    for rowid, case_id, summary, payload in conn.execute(
        "SELECT rowid, case_id, summary, payload FROM events ORDER BY rowid"
    ):
        conn.execute(
            "INSERT INTO event_text (rowid, body, cjk1, case_id) VALUES (?, ?, ?, ?)",
            (rowid, *event_document(summary, payload), case_id),
        )


# Live ingest: the external references that route an inbound event to its case, the
# quarantine of what could not be used (never silently dropped), and each feed's position.
_V3 = """
CREATE TABLE case_refs (
    kind    TEXT NOT NULL,             -- ticket_id, order_id, shipment_id, payment_id ...
    ref     TEXT NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases(id),
    PRIMARY KEY (kind, ref, case_id)
) WITHOUT ROWID;
CREATE INDEX case_refs_by_case ON case_refs(case_id);
CREATE TABLE quarantine (
    id          INTEGER PRIMARY KEY,
    received_at TEXT NOT NULL,
    feed        TEXT NOT NULL,
    cursor      INTEGER,
    reason      TEXT NOT NULL,
    raw         TEXT NOT NULL
);
CREATE TABLE feed_cursors (
    feed       TEXT PRIMARY KEY,
    cursor     INTEGER NOT NULL,
    updated_at TEXT NOT NULL
);
"""

REF_FIELDS = {  # ExternalRefs field -> case_refs.kind
    "ticket_id": "ticket_id",
    "order_ids": "order_id",
    "shipment_ids": "shipment_id",
    "payment_ids": "payment_id",
    "subscription_id": "subscription_id",
}


def case_ref_rows(case_id: str, case_json: str) -> list[tuple[str, str, str]]:
    """(kind, ref, case_id) rows for a case's external references."""
    refs = json.loads(case_json).get("external_refs") or {}
    rows = []
    for field, kind in REF_FIELDS.items():
        value = refs.get(field)
        for ref in value if isinstance(value, list) else [value]:
            if ref:
                rows.append((kind, ref, case_id))
    return rows


def _v3(conn: sqlite3.Connection) -> None:
    run_script(conn, _V3)
    for case_id, data in conn.execute("SELECT id, data FROM cases").fetchall():
        conn.executemany(
            "INSERT OR IGNORE INTO case_refs (kind, ref, case_id) VALUES (?, ?, ?)",
            case_ref_rows(case_id, data),
        )


def _v4(conn: sqlite3.Connection) -> None:
    # Reading one kind of a case's events (the customer's messages for the digest, a kind
    # filter on the timeline) without walking the whole case: a million-event case has few.
    conn.execute("CREATE INDEX events_by_case_kind ON events(case_id, kind, seq)")


def _v5(conn: sqlite3.Connection) -> None:
    # Per-term document counts of the search indexes, for looking into them (the commonest
    # terms: SELECT term, doc FROM event_vocab ORDER BY doc DESC LIMIT 20). Ranking does not
    # read them: counting walks a term's whole posting list, too slow for common words.
    conn.execute("CREATE VIRTUAL TABLE case_vocab USING fts5vocab(case_text, 'row')")
    conn.execute("CREATE VIRTUAL TABLE event_vocab USING fts5vocab(event_text, 'row')")


_V6 = """
CREATE TABLE proposals (
    id          TEXT PRIMARY KEY,
    case_id     TEXT NOT NULL REFERENCES cases(id),
    created_at  TEXT NOT NULL,
    planner     TEXT NOT NULL,
    input_digest TEXT NOT NULL,
    data        TEXT NOT NULL            -- the Proposal as JSON
);
CREATE INDEX proposals_by_case ON proposals(case_id, created_at);
"""


def _v6(conn: sqlite3.Connection) -> None:
    run_script(conn, _V6)


# Decisions and the human controls. ``plan_steps`` holds each decided step of a proposal:
# its final (approved or edited) version, the verdict it was decided under and where it
# stands (approved, awaiting a supervisor, rejected); money moved is kept as text
# (a Decimal) with its currency for the cumulative caps. ``instructions`` are the humans'
# standing constraints for a case's planner. ``policies`` keeps every version of the
# authority map as published; ``pauses`` the stop button's current state. ``audit`` is the
# hash-chained, append-only record of all of it (see console/store/audit.py).
_V7 = """
CREATE TABLE decisions (
    id                TEXT PRIMARY KEY,
    case_id           TEXT NOT NULL REFERENCES cases(id),
    proposal_id       TEXT,
    actor_id          TEXT NOT NULL,
    role              TEXT NOT NULL,
    kind              TEXT NOT NULL,
    decided_at        TEXT NOT NULL,
    time_to_decide_ms INTEGER NOT NULL,
    data              TEXT NOT NULL      -- the Decision as JSON
);
CREATE INDEX decisions_by_case ON decisions(case_id, decided_at);
CREATE TRIGGER decisions_append_only_update BEFORE UPDATE ON decisions
BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;
CREATE TRIGGER decisions_append_only_delete BEFORE DELETE ON decisions
BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;
CREATE TABLE plan_steps (
    proposal_id  TEXT NOT NULL,
    step_id      TEXT NOT NULL,
    case_id      TEXT NOT NULL REFERENCES cases(id),
    action       TEXT NOT NULL,
    state        TEXT NOT NULL,          -- approved, awaiting_supervisor, rejected
    level        TEXT NOT NULL,          -- the verdict's autonomy level
    step         TEXT NOT NULL,          -- the final step as JSON
    verdict      TEXT NOT NULL,          -- the verdict as JSON
    currency     TEXT,                   -- money the step moves, if any
    amount       TEXT,
    requested_by TEXT NOT NULL,          -- who approved it first (or asked a supervisor)
    requested_at TEXT NOT NULL,
    decided_by   TEXT,                   -- who settled it (approved or rejected)
    decided_at   TEXT,
    decision_id  TEXT NOT NULL,          -- the latest decision on it
    PRIMARY KEY (proposal_id, step_id)
) WITHOUT ROWID;
CREATE INDEX plan_steps_by_state ON plan_steps(state, requested_at);
CREATE INDEX plan_steps_by_case ON plan_steps(case_id, state);
CREATE INDEX plan_steps_by_decider ON plan_steps(decided_by, decided_at);
CREATE TABLE instructions (
    id        INTEGER PRIMARY KEY,
    case_id   TEXT NOT NULL REFERENCES cases(id),
    text      TEXT NOT NULL,
    given_by  TEXT NOT NULL,
    given_at  TEXT NOT NULL,
    active    INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX instructions_by_case ON instructions(case_id, active);
CREATE TABLE policies (
    version       INTEGER PRIMARY KEY,
    effective_from TEXT NOT NULL,
    author        TEXT NOT NULL,
    note          TEXT,
    source        TEXT NOT NULL,          -- the YAML as published
    published_by  TEXT NOT NULL,
    published_at  TEXT NOT NULL
);
CREATE TRIGGER policies_append_only_update BEFORE UPDATE ON policies
BEGIN SELECT RAISE(ABORT, 'policy versions are append-only'); END;
CREATE TRIGGER policies_append_only_delete BEFORE DELETE ON policies
BEGIN SELECT RAISE(ABORT, 'policy versions are append-only'); END;
CREATE TABLE pauses (
    scope      TEXT PRIMARY KEY,          -- '*' (the whole AI) or an action type
    paused_by  TEXT NOT NULL,
    paused_at  TEXT NOT NULL,
    reason     TEXT
) WITHOUT ROWID;
CREATE TABLE audit (
    seq         INTEGER PRIMARY KEY,
    recorded_at TEXT NOT NULL,
    actor_id    TEXT NOT NULL,
    kind        TEXT NOT NULL,
    subject_ids TEXT NOT NULL,            -- JSON array
    payload     BLOB NOT NULL,            -- canonical JSON bytes, as hashed
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL
);
CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
"""


def _v7(conn: sqlite3.Connection) -> None:
    run_script(conn, _V7)


# Signed checkpoints of the audit chain. ``audit_keys`` holds each Ed25519 public key that
# ever signed one (raw 32 bytes) under its fingerprint (SHA-256 of those bytes, hex); the
# private key never enters the store. ``audit_checkpoints`` holds, per checkpoint, the last
# record it covers (``seq``), that record's hash and the signature over both; ``sent_at``
# is set once the outbox has delivered it to the external audit sink, and is the only
# thing that may change.
_V8 = """
CREATE TABLE audit_keys (
    fingerprint TEXT PRIMARY KEY,
    algorithm   TEXT NOT NULL,            -- ed25519
    public_key  BLOB NOT NULL,            -- raw public key bytes
    created_at  TEXT NOT NULL,
    kept_in     TEXT NOT NULL             -- where the private key is: keyring, file, memory
) WITHOUT ROWID;
CREATE TRIGGER audit_keys_append_only_update BEFORE UPDATE ON audit_keys
BEGIN SELECT RAISE(ABORT, 'audit keys are append-only'); END;
CREATE TRIGGER audit_keys_append_only_delete BEFORE DELETE ON audit_keys
BEGIN SELECT RAISE(ABORT, 'audit keys are append-only'); END;
CREATE TABLE audit_checkpoints (
    seq             INTEGER PRIMARY KEY,  -- the last audit record covered
    hash            TEXT NOT NULL,        -- that record's hash
    created_at      TEXT NOT NULL,
    key_fingerprint TEXT NOT NULL REFERENCES audit_keys(fingerprint),
    signature       BLOB NOT NULL,
    sent_at         TEXT                  -- delivered to the external audit sink
);
CREATE INDEX audit_checkpoints_unsent ON audit_checkpoints(seq) WHERE sent_at IS NULL;
CREATE TRIGGER audit_checkpoints_only_sent BEFORE UPDATE ON audit_checkpoints
WHEN OLD.sent_at IS NOT NULL OR NEW.seq IS NOT OLD.seq OR NEW.hash IS NOT OLD.hash
  OR NEW.created_at IS NOT OLD.created_at OR NEW.key_fingerprint IS NOT OLD.key_fingerprint
  OR NEW.signature IS NOT OLD.signature
BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only (only sent_at is set, once)'); END;
CREATE TRIGGER audit_checkpoints_append_only_delete BEFORE DELETE ON audit_checkpoints
BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only'); END;
"""


def _v8(conn: sqlite3.Connection) -> None:
    run_script(conn, _V8)


def _v9(conn: sqlite3.Connection) -> None:
    # The write-back outbox and the per-destination circuit breakers (console/store/outbox.py).
    from .outbox import OUTBOX_SCHEMA

    run_script(conn, OUTBOX_SCHEMA)


def _v10(conn: sqlite3.Connection) -> None:
    # An agent's money today, for the daily cap, without walking every decided step; and
    # the outbox rows changed since a moment, for a console watching another process send.
    conn.execute("CREATE INDEX plan_steps_by_requester ON plan_steps(requested_by, requested_at)")
    conn.execute("CREATE INDEX outbox_by_update ON outbox(updated_at)")


def _v11(conn: sqlite3.Connection) -> None:
    # Running totals of money approved or awaiting a supervisor, per case and per
    # requester's day, kept with each step's state: the caps' sums cost the same on a
    # busy day as on a quiet one. Filled from the steps already decided.
    from .queries import local_day

    conn.execute(
        "CREATE TABLE spend_totals (scope TEXT NOT NULL, key TEXT NOT NULL,"
        " day TEXT NOT NULL, currency TEXT NOT NULL, thousandths INTEGER NOT NULL,"
        " PRIMARY KEY (scope, key, day, currency)) WITHOUT ROWID"
    )
    sums: dict[tuple[str, str, str, str], int] = {}
    for case_id, asked_by, asked_at, currency, amount in conn.execute(
        "SELECT case_id, requested_by, requested_at, currency, amount FROM plan_steps"
        " WHERE state IN ('approved', 'awaiting_supervisor') AND amount IS NOT NULL"
    ):
        value = int(Decimal(amount) * 1000)
        for key in (
            ("case", case_id, "", currency),
            ("agent", asked_by, local_day(asked_at), currency),
        ):
            sums[key] = sums.get(key, 0) + value
    conn.executemany(
        "INSERT INTO spend_totals (scope, key, day, currency, thousandths) VALUES (?, ?, ?, ?, ?)",
        [(*key, value) for key, value in sums.items()],
    )


def _v12(conn: sqlite3.Connection) -> None:
    # The audit table's time, actor, kind and subject columns become virtual columns read
    # out of the hashed header (console/store/audit.py): they can no longer disagree with
    # what was hashed, so verifying need not compare them record by record. The records
    # keep their bytes and hashes; the stored copies of those columns go.
    from .audit import AUDIT_TABLE, AUDIT_TRIGGERS

    conn.execute("ALTER TABLE audit RENAME TO audit_v11")
    conn.execute(AUDIT_TABLE)
    conn.execute(
        "INSERT INTO audit (seq, payload, prev_hash, hash)"
        " SELECT seq, payload, prev_hash, hash FROM audit_v11 ORDER BY seq"
    )
    conn.execute("DROP TABLE audit_v11")  # and its triggers
    run_script(conn, AUDIT_TRIGGERS)


def _v13(conn: sqlite3.Connection) -> None:
    # Fewer pages rewritten per decision: the supervisors' queue reads a partial index of
    # the waiting steps alone (in queue order) instead of an index of every step's state,
    # and nothing reads steps by who decided them.
    conn.execute("DROP INDEX plan_steps_by_state")
    conn.execute("DROP INDEX plan_steps_by_decider")
    conn.execute(
        "CREATE INDEX plan_steps_waiting ON plan_steps(requested_at, proposal_id, step_id)"
        " WHERE state = 'awaiting_supervisor'"
    )


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _v1,  # 1: cases, customers, events
    _v2_backfill,  # 2: full-text search, filled from what is already stored
    _v3,  # 3: case references, quarantine, feed positions
    _v4,  # 4: events by case and kind
    _v5,  # 5: term statistics for ranked search
    _v6,  # 6: the AI's proposals
    _v7,  # 7: decisions, plan step states, instructions, authority map versions, pauses, audit
    _v8,  # 8: signed checkpoints of the audit chain and their public keys
    _v9,  # 9: the write-back outbox and circuit breakers
    _v10,  # 10: indexes for an agent's daily total and for outbox changes
    _v11,  # 11: running totals of money per case and per requester's day
    _v12,  # 12: audit columns generated from the hashed bytes
    _v13,  # 13: plan-step indexes only where they are read
]

LATEST_VERSION = len(MIGRATIONS)
