"""Light read queries: the queue, timeline pages, search. No pydantic models.

These return the slotted rows of :mod:`console.store.records`; they are what the console
reads to paint its first frame, so this module must stay cheap to import.
"""

from __future__ import annotations

import json
import math
import re
import sqlite3
from array import array
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from console.domain.kinds import (
    ActorKind,
    CaseStatus,
    EventKind,
    EventSource,
    Journey,
    OwnerKind,
    Priority,
    SentimentLabel,
    Tier,
)

from .records import QuarantineRow, QueueRow, SearchHit, TimelineRow
from .search import collapse_bigrams, fold_fast, match_expression, query_terms

MAX_PAGE = 1000


def iso(moment: datetime) -> str:
    """Fixed-width ISO 8601 in UTC, so that stored times sort correctly as text."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def local_day(moment: str | datetime) -> str:
    """The day of a time (an ISO string or a datetime) on this machine's calendar: a
    person's day, for the daily caps."""
    when = datetime.fromisoformat(moment) if isinstance(moment, str) else moment
    return when.astimezone().date().isoformat()


def _time(text: str) -> datetime:
    return datetime.fromisoformat(text)


def case_ids(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT id FROM cases ORDER BY id")]


def count_cases(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT COUNT(*) FROM cases").fetchone()[0])


_QUEUE_SELECT = (
    "SELECT c.id, c.subject, c.customer_id, u.name, u.tier, u.language, c.journey, c.status,"
    " c.priority, c.owner_kind, c.owner_id, c.sentiment, c.opened_at, c.updated_at,"
    " c.sla_due_at, c.event_count FROM cases c JOIN customers u ON u.id = c.customer_id"
)
_ORDER = {
    "sla": "c.sla_due_at ASC, c.priority DESC",
    "priority": "c.priority DESC, c.sla_due_at ASC",
    "age": "c.opened_at ASC",
}


def queue(
    conn: sqlite3.Connection,
    *,
    statuses: Iterable[CaseStatus],
    journeys: Iterable[Journey] = (),
    case_ids: Sequence[str] | None = None,
    order: str = "sla",
    limit: int = 20_000,
) -> list[QueueRow]:
    where: list[str] = []
    params: list[object] = []
    status_values = [s.value for s in statuses]
    if status_values:
        where.append(f"c.status IN ({','.join('?' * len(status_values))})")
        params += status_values
    journey_values = [j.value for j in journeys]
    if journey_values:
        where.append(f"c.journey IN ({','.join('?' * len(journey_values))})")
        params += journey_values
    if case_ids is not None:
        where.append("c.id IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(list(case_ids)))
    sql = _QUEUE_SELECT
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += f" ORDER BY {_ORDER[order]}, c.id LIMIT ?"
    params.append(limit)
    return [
        QueueRow(
            r[0],
            r[1],
            r[2],
            r[3],
            Tier(r[4]),
            r[5],
            Journey(r[6]),
            CaseStatus(r[7]),
            Priority(r[8]),
            OwnerKind(r[9]),
            r[10],
            SentimentLabel(r[11]) if r[11] else None,
            _time(r[12]),
            _time(r[13]),
            _time(r[14]),
            r[15],
        )
        for r in conn.execute(sql, params)
    ]


def timeline_length(conn: sqlite3.Connection, case_id: str) -> int:
    row = conn.execute("SELECT MAX(seq) FROM events WHERE case_id = ?", (case_id,)).fetchone()
    return int(row[0] or 0)


def timeline_page(
    conn: sqlite3.Connection, case_id: str, first_seq: int, last_seq: int
) -> list[TimelineRow]:
    """Events ``first_seq..last_seq`` (inclusive) without payloads; at most MAX_PAGE."""
    last_seq = min(last_seq, first_seq + MAX_PAGE - 1)
    return [
        _row(r)
        for r in conn.execute(
            f"{_ROW_SELECT} WHERE case_id = ? AND seq BETWEEN ? AND ? ORDER BY seq",
            (case_id, first_seq, last_seq),
        )
    ]


_ROW_SELECT = (
    "SELECT seq, id, occurred_at, source, kind, actor_kind, actor_name, summary FROM events"
)


def _row(r: tuple[Any, ...]) -> TimelineRow:
    return TimelineRow(
        r[0], r[1], _time(r[2]), EventSource(r[3]), EventKind(r[4]), ActorKind(r[5]), r[6], r[7]
    )


def timeline_rows(conn: sqlite3.Connection, case_id: str, seqs: Sequence[int]) -> list[TimelineRow]:
    """The rows of the given sequence numbers (at most MAX_PAGE), in seq order."""
    wanted = json.dumps(list(seqs[:MAX_PAGE]))
    return [
        _row(r)
        for r in conn.execute(
            f"{_ROW_SELECT} WHERE case_id = ? AND seq IN (SELECT value FROM json_each(?))"
            " ORDER BY seq",
            (case_id, wanted),
        )
    ]


def timeline_seqs(
    conn: sqlite3.Connection,
    case_id: str,
    sources: Iterable[EventSource] = (),
    kinds: Iterable[EventKind] = (),
) -> array[int]:
    """Sequence numbers of the case's events from ``sources`` and of ``kinds`` (empty: any),
    in order: the row map of a filtered timeline (8 bytes an event)."""
    sql = "SELECT seq FROM events WHERE case_id = ?"
    params: list[object] = [case_id]
    for column, values in (
        ("source", [s.value for s in sources]),
        ("kind", [k.value for k in kinds]),
    ):
        if values:
            sql += f" AND {column} IN ({','.join('?' * len(values))})"
            params += values
    return array("q", (r[0] for r in conn.execute(sql + " ORDER BY seq", params)))


def find_in_case(
    conn: sqlite3.Connection, case_id: str, text: str, limit: int = 10_000
) -> list[int]:
    """Sequence numbers of the case's events matching ``text``, oldest first."""
    expression = match_expression(text)
    if expression is None:
        return []
    rows = conn.execute(
        "SELECT e.seq FROM event_text t JOIN events e ON e.rowid = t.rowid"
        " WHERE event_text MATCH ? AND t.case_id = ? ORDER BY e.seq LIMIT ?",
        (expression, case_id, limit),
    )
    return [r[0] for r in rows]


def locate_event(conn: sqlite3.Connection, event_id: str) -> tuple[str, int] | None:
    """(case id, seq) of an event, or None if no event has that id."""
    row = conn.execute("SELECT case_id, seq FROM events WHERE id = ?", (event_id,)).fetchone()
    return (row[0], row[1]) if row else None


SEARCH_WINDOW = 1000  # newest matches considered: bounded, whatever the store's size
_TABLES = ("case_text", "event_text")  # matches on the case itself first, then its events
_TOTALS = {
    "case_text": "SELECT MAX(rowid) FROM cases",
    "event_text": "SELECT MAX(rowid) FROM events",
}


def _expressions(text: str) -> list[str]:
    """The exact-word expression, then (if different) the one with prefixes.

    Exact words are tried first: a prefix query merges the posting lists of every word it
    starts (tens of milliseconds for a common word at ten million events); prefixes are
    only needed when the exact words find too little ("refu" while typing "refund").
    """
    exact = match_expression(text, prefixes=False)
    if exact is None:
        return []
    return list(dict.fromkeys([exact, match_expression(text) or exact]))


def _matches(conn: sqlite3.Connection, table: str, expression: str) -> sqlite3.Cursor:
    """The newest SEARCH_WINDOW matches in one index, newest first, with a snippet."""
    return conn.execute(
        f"SELECT case_id, snippet({table}, 0, '', '', '…', 12) FROM {table}"
        f" WHERE {table} MATCH ? ORDER BY rowid DESC LIMIT ?",
        (expression, SEARCH_WINDOW),
    )


def _window(conn: sqlite3.Connection, table: str, expression: str, columns: str) -> list[Any]:
    return conn.execute(
        f"SELECT {columns} FROM {table} WHERE {table} MATCH ? ORDER BY rowid DESC LIMIT ?",
        (expression, SEARCH_WINDOW),
    ).fetchall()


def search(
    conn: sqlite3.Connection, text: str, limit: int = 50, *, ranked: bool = False
) -> list[SearchHit]:
    """Cases matching ``text``, newest match first, or with ``ranked`` best match first.

    Newest first: matches on the case itself (subject, customer, order ids) first, then
    matches in its events. Ranked: the newest SEARCH_WINDOW matches of each index scored
    with BM25, document frequencies estimated from how densely a term's newest matches are
    packed — bounded work whatever the store's size (exact BM25 over every match takes
    seconds for a common word at ten million events).
    """
    expressions = _expressions(text)
    if not expressions:
        return []
    snippets = _ranked(conn, text, expressions, limit) if ranked else {}
    for expression in [] if ranked else expressions:
        for table in _TABLES:
            for case_id, snippet in _matches(conn, table, expression):
                if case_id not in snippets:
                    snippets[case_id] = collapse_bigrams(snippet)
                    if len(snippets) >= limit:
                        break
            if len(snippets) >= limit:
                break
        if len(snippets) >= limit:
            break
    if not snippets:
        return []
    names = {
        r[0]: (r[1], r[2])
        for r in conn.execute(
            "SELECT c.id, c.subject, u.name FROM cases c JOIN customers u"
            " ON u.id = c.customer_id WHERE c.id IN (SELECT value FROM json_each(?))",
            (json.dumps(list(snippets)),),
        )
    }
    return [
        SearchHit(case_id, *names[case_id], snippet)
        for case_id, snippet in snippets.items()
        if case_id in names
    ]


_K1, _B = 1.2, 0.75
_CASE_BOOST = 1.5  # a match on the case itself (subject, customer, ids) weighs more


def _ranked(
    conn: sqlite3.Connection, text: str, expressions: list[str], limit: int
) -> dict[str, str]:
    """Case id -> snippet for the best-scoring cases among the newest matches, best first."""
    exact, loose = expressions[0], expressions[-1]
    terms = query_terms(text)
    windows = {t: _window(conn, t, exact, "rowid, case_id, body") for t in _TABLES}
    if sum(len(rows) for rows in windows.values()) < limit and loose != exact:
        windows = {t: _window(conn, t, loose, "rowid, case_id, body") for t in _TABLES}
    else:
        terms = [(term, False) for term, _ in terms]
    scored: list[tuple[float, str, str]] = []
    for table, rows in windows.items():
        if not rows:
            continue
        documents = max(int(conn.execute(_TOTALS[table]).fetchone()[0] or 0), len(rows))
        weights = []
        for term, prefix in terms:
            if len(terms) == 1:
                rowids = [r[0] for r in rows]
            else:
                clause = '"' + term.replace('"', '""') + '"' + (" *" if prefix else "")
                rowids = [r[0] for r in _window(conn, table, clause, "rowid")]
            df = float(len(rowids))
            if len(rowids) >= SEARCH_WINDOW:  # estimated from how densely its newest matches pack
                df = SEARCH_WINDOW * documents / max(1, documents - rowids[-1] + 1)
            df = min(df, documents)
            weights.append((term, prefix, math.log(1 + (documents - df + 0.5) / (df + 0.5))))
        # Term frequencies by compiled patterns over the folded body (C speed), document
        # length by its word count: no per-token Python work over the whole window.
        patterns = [
            (re.compile(rf"(?<![^\W_]){re.escape(term)}" + ("" if prefix else r"(?![^\W_])")), idf)
            for term, prefix, idf in weights
        ]
        bodies = [fold_fast(body) for _, _, body in rows]
        lengths = [body.count(" ") + 1 for body in bodies]
        average = sum(lengths) / len(lengths) or 1.0
        boost = _CASE_BOOST if table == "case_text" else 1.0
        for (_, case_id, body), folded, length in zip(rows, bodies, lengths, strict=True):
            norm = _K1 * (1 - _B + _B * length / average)
            score = 0.0
            for pattern, idf in patterns:
                tf = len(pattern.findall(folded))
                score += idf * tf * (_K1 + 1) / (tf + norm) if tf else 0.0
            scored.append((score * boost, case_id, body))
    scored.sort(key=lambda hit: -hit[0])
    snippets: dict[str, str] = {}
    for _, case_id, body in scored:
        if case_id not in snippets:
            snippets[case_id] = _snippet(body, terms)
            if len(snippets) >= limit:
                break
    return snippets


def _snippet(body: str, terms: list[tuple[str, bool]], width: int = 12) -> str:
    """About a dozen words around the first match, for the hits returned only."""
    words = body.split()
    folded = [w.lower() for w in words]
    first = next(
        (
            i
            for i, word in enumerate(folded)
            for term, prefix in terms
            if (word.startswith(term) if prefix else term in word)
        ),
        0,
    )
    lo = max(0, first - 4)
    text = " ".join(words[lo : lo + width])
    return collapse_bigrams(("…" if lo else "") + text + ("…" if lo + width < len(words) else ""))


def matching_case_ids(conn: sqlite3.Connection, text: str) -> list[str]:
    """Ids of the cases matching ``text`` among each index's newest SEARCH_WINDOW matches
    (exact words first; prefixes only when those find nothing)."""
    ids: dict[str, None] = {}
    for expression in _expressions(text):
        for table in _TABLES:
            ids.update(
                (case_id, None) for (case_id,) in _window(conn, table, expression, "case_id")
            )
        if ids:
            break
    return list(ids)


def feed_cursor(conn: sqlite3.Connection, feed: str) -> int | None:
    """Where a live feed stopped: the last cursor whose events are stored."""
    row = conn.execute("SELECT cursor FROM feed_cursors WHERE feed = ?", (feed,)).fetchone()
    return int(row[0]) if row else None


def quarantine_count(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT COUNT(*) FROM quarantine").fetchone()[0])


def quarantine_rows(conn: sqlite3.Connection, limit: int = 200) -> list[QuarantineRow]:
    """The newest quarantined messages, newest first."""
    return [
        QuarantineRow(r[0], _time(r[1]), r[2], r[3], r[4], r[5])
        for r in conn.execute(
            "SELECT id, received_at, feed, cursor, reason, raw FROM quarantine"
            " ORDER BY id DESC LIMIT ?",
            (limit,),
        )
    ]
