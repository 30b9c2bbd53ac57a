"""The SQLite case store: round trips, append-only timelines, migrations, refusal of bad files."""

from __future__ import annotations

import asyncio
import hashlib
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from console.domain.case import CaseStatus, Journey, Priority
from console.domain.errors import (
    ConflictError,
    MessageCode,
    NotFound,
    StoreCorrupt,
    StoreFull,
    StoreTooNew,
)
from console.store import LATEST_VERSION, Store, inspect, queries
from console.store import repositories as repo
from console.store.schema import APPLICATION_ID, MIGRATIONS
from tests.factories import case, case_file, message


@pytest.fixture
def store(tmp_path: Path):
    s = Store.open(tmp_path / "tandem.sqlite3")
    yield s
    s.close()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_pragmas_are_durable_and_checked(store: Store) -> None:
    conn = store.reader()
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    # The writer's own connection runs with synchronous=FULL (2).
    assert store.write_sync(lambda db: db.execute("PRAGMA synchronous").fetchone()[0]) == 2


def test_case_file_round_trip(store: Store) -> None:
    original = case_file(n_events=3)
    result = store.write_sync(lambda db: repo.put_case_file(db, original))
    assert (result.created, result.new_events, result.duplicate_events) == (True, 3, 0)
    conn = store.reader()
    assert repo.get_case(conn, "case-1") == original.case
    assert repo.get_customer(conn, "cus-1") == original.customer
    stored = repo.events(conn, "case-1")
    assert [e.seq for e in stored] == [1, 2, 3]
    assert [e.model_copy(update={"seq": None}) for e in stored] == original.events


def test_events_are_deduplicated_by_id_and_numbered_densely(store: Store) -> None:
    store.write_sync(lambda db: repo.put_case_file(db, case_file(n_events=2)))
    again = case_file(n_events=4)  # e1, e2 already stored; e3, e4 new
    result = store.write_sync(lambda db: repo.put_case_file(db, again))
    assert (result.created, result.new_events, result.duplicate_events) == (False, 2, 2)
    conn = store.reader()
    assert queries.timeline_length(conn, "case-1") == 4
    assert [r.event_id for r in queries.timeline_page(conn, "case-1", 1, 10)] == [
        "case-1-e1",
        "case-1-e2",
        "case-1-e3",
        "case-1-e4",
    ]


def test_timeline_is_append_only(store: Store) -> None:
    store.write_sync(lambda db: repo.put_case_file(db, case_file(n_events=1)))
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.write_sync(lambda db: db.execute("UPDATE events SET summary = 'edited'"))
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.write_sync(lambda db: db.execute("DELETE FROM events"))
    assert repo.events(store.reader(), "case-1")[0].summary.startswith("My parcel")


def test_event_id_of_another_case_rolls_back_the_whole_write(store: Store) -> None:
    store.write_sync(lambda db: repo.put_case_file(db, case_file("case-1", n_events=1)))
    thief = case_file("case-2", n_events=0).model_copy(
        update={"events": [message("case-1-e1", "case-2")]}
    )
    with pytest.raises(ConflictError, match="already used by case case-1"):
        store.write_sync(lambda db: repo.put_case_file(db, thief))
    with pytest.raises(Exception, match="does not exist"):
        repo.get_case(store.reader(), "case-2")  # the case row was rolled back too


def test_timeline_page_reads_a_bounded_seq_range(store: Store) -> None:
    many = case_file(n_events=0).model_copy(
        update={"events": [message(f"e{i}", minutes=i) for i in range(1, 1501)]}
    )
    store.write_sync(lambda db: repo.put_case_file(db, many))
    conn = store.reader()
    assert queries.timeline_length(conn, "case-1") == 1500
    page = queries.timeline_page(conn, "case-1", 101, 300)
    assert [r.seq for r in page] == list(range(101, 301))
    assert len(queries.timeline_page(conn, "case-1", 1, 1500)) == queries.MAX_PAGE


def test_queue_orders_and_filters(store: Store) -> None:
    from datetime import timedelta

    from tests.factories import T0

    files = [
        case_file("a", sla_due_at=T0 + timedelta(hours=3), priority=Priority.LOW),
        case_file("b", sla_due_at=T0 + timedelta(hours=1), priority=Priority.NORMAL),
        case_file(
            "c",
            sla_due_at=T0 + timedelta(hours=2),
            priority=Priority.URGENT,
            journey=Journey.DOUBLE_CHARGE,
        ),
        case_file("d", status=CaseStatus.CLOSED),
    ]
    for f in files:
        fixed = f.model_copy(update={"events": []})
        store.write_sync(lambda db, fixed=fixed: repo.put_case_file(db, fixed))
    conn = store.reader()
    active = [s for s in CaseStatus if s.is_active]
    assert [r.case_id for r in queries.queue(conn, statuses=active)] == ["b", "c", "a"]
    assert [r.case_id for r in queries.queue(conn, statuses=active, order="priority")] == [
        "c",
        "b",
        "a",
    ]
    only = queries.queue(conn, statuses=active, journeys=[Journey.DOUBLE_CHARGE])
    assert [r.case_id for r in only] == ["c"]
    assert [r.case_id for r in queries.queue(conn, statuses=[CaseStatus.CLOSED])] == ["d"]


def test_optimistic_concurrency(store: Store) -> None:
    store.write_sync(lambda db: repo.put_case_file(db, case_file(n_events=0)))
    current = repo.get_case(store.reader(), "case-1")
    changed = current.model_copy(update={"status": CaseStatus.OPEN})
    saved = store.write_sync(lambda db: repo.update_case(db, changed, current.version))
    assert saved.version == current.version + 1
    with pytest.raises(ConflictError, match="changed by someone else") as conflict:
        store.write_sync(lambda db: repo.update_case(db, changed, current.version))
    # Coded, so the console can say it in the person's language (console/ui/refusal_text.py).
    assert conflict.value.code is MessageCode.CASE_CHANGED
    assert conflict.value.params == {
        "case": "case-1",
        "version": saved.version,
        "expected": current.version,
    }
    with pytest.raises(NotFound, match="case nope does not exist") as missing:
        repo.get_case(store.reader(), "nope")
    assert missing.value.code is MessageCode.CASE_NOT_FOUND
    assert missing.value.params == {"case": "nope"}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("parcel", {"en"}),  # a word
        ("parc", {"en"}),  # a 3+ letter prefix
        ("ORD-10023", {"en"}),  # an order id from the case's references
        ("ORD-77", {"en"}),  # an order id prefix
        ("退款", {"zh"}),  # a Chinese word inside a sentence
        ("退款失败", {"zh"}),  # a longer Chinese phrase
        ("款", {"zh"}),  # one Chinese character
        ("失败退款", set()),  # the characters, but not in that order
        ("parcel 退款", set()),  # every term must match
        ('"unbalanced AND OR NOT * (', set()),  # FTS syntax is data, not an error
    ],
)
def test_full_text_search(store: Store, query: str, expected: set[str]) -> None:
    from console.domain.case import ExternalRefs

    en = case_file(
        "en", n_events=0, external_refs=ExternalRefs(order_ids=["ORD-10023", "ORD-7781"])
    )
    en = en.model_copy(update={"events": [message("en-1", "en", "My parcel never came.")]})
    zh = case_file("zh", n_events=0, subject="订单问题").model_copy(
        update={"events": [message("zh-1", "zh", "我的退款失败了，请尽快处理。", language="zh-CN")]}
    )
    for f in (en, zh):
        store.write_sync(lambda db, f=f: repo.put_case_file(db, f))
    hits = queries.search(store.reader(), query)
    assert {h.case_id for h in hits} == expected
    if query == "退款":
        assert "退款失败" in hits[0].snippet  # snippets read as written, not as bigrams


def test_async_writes_are_serialised_and_failures_roll_back(store: Store) -> None:
    async def scenario() -> list[object]:
        ok = [
            store.write(
                lambda db, i=i: repo.put_case_file(
                    db,
                    case_file(f"c{i}", 2).model_copy(
                        update={"events": [message(f"c{i}-e", f"c{i}")]}
                    ),
                )
            )
            for i in range(20)
        ]

        def broken(db: object) -> None:
            repo.put_case_file(db, case_file("half", n_events=0))
            raise RuntimeError("boom")

        return await asyncio.gather(*ok, store.write(broken), return_exceptions=True)

    results = asyncio.run(scenario())
    assert isinstance(results[-1], RuntimeError)
    assert queries.count_cases(store.reader()) == 20  # "half" was rolled back
    with pytest.raises(Exception, match="does not exist"):
        repo.get_case(store.reader(), "half")


def test_full_disk_keeps_nothing_and_says_so(store: Store) -> None:
    store.write_sync(lambda db: repo.put_case_file(db, case_file("before", n_events=1)))

    def fill(db: object) -> None:
        pages = db.execute("PRAGMA page_count").fetchone()[0]  # type: ignore[attr-defined]
        db.execute(f"PRAGMA max_page_count = {pages}")  # type: ignore[attr-defined]
        big = case_file("big", n_events=0).model_copy(
            update={"events": [message(f"big-{i}", "big", "x" * 5000) for i in range(50)]}
        )
        repo.put_case_file(db, big)

    with pytest.raises(StoreFull, match=r"disk .* is full"):
        store.write_sync(fill)
    store.write_sync(lambda db: db.execute("PRAGMA max_page_count = 1073741823"))
    assert queries.case_ids(store.reader()) == ["before"]


# -- opening files ---------------------------------------------------------------------


def _make_v1_store(path: Path) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    MIGRATIONS[0](conn)
    conn.execute(
        "INSERT INTO customers VALUES ('cus-1', 'Li Wei', 'gold', 'zh-CN', ?)",
        (case_file().customer.model_dump_json(),),
    )
    old_case = case("old-1", subject="包裹丢失 lost parcel")
    conn.execute(
        "INSERT INTO cases (id, customer_id, subject, journey, status, priority, opened_at,"
        " updated_at, sla_due_at, owner_kind, version, data) VALUES"
        " ('old-1', 'cus-1', ?, 'lost_delivery', 'open', 2, ?, ?, ?, 'ai', 1, ?)",
        (
            old_case.subject,
            "2026-11-01T00:00:00.000000+00:00",
            "2026-11-01T00:00:00.000000+00:00",
            "2026-11-02T00:00:00.000000+00:00",
            old_case.model_dump_json(),
        ),
    )
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    conn.execute("COMMIT")
    conn.close()


def test_old_version_is_backed_up_then_migrated(tmp_path: Path) -> None:
    path = tmp_path / "tandem.sqlite3"
    _make_v1_store(path)

    def content(p: Path) -> list[tuple[object, ...]]:
        conn = sqlite3.connect(p)
        try:
            return conn.execute("SELECT * FROM cases JOIN customers").fetchall()
        finally:
            conn.close()

    before = content(path)
    store = Store.open(path)
    try:
        assert inspect(path) == LATEST_VERSION
        backups = list(tmp_path.glob("tandem.sqlite3.v1-*.bak"))
        assert len(backups) == 1
        assert inspect(backups[0]) == 1
        assert content(backups[0]) == before  # a copy of the old data, as it was
        # The migration filled the new search index from the rows already there.
        assert [h.case_id for h in queries.search(store.reader(), "丢失")] == ["old-1"]
    finally:
        store.close()


def test_newer_version_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "tandem.sqlite3"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 5}")
    conn.commit()
    conn.close()
    before = _digest(path)
    with pytest.raises(StoreTooNew, match="newer version of Tandem"):
        Store.open(path)
    assert _digest(path) == before
    assert not list(tmp_path.glob("*.bak"))


@pytest.mark.parametrize(
    "content", [b"this is not a database at all" * 100, b"SQLite format 3\x00" + b"\xff" * 4000]
)
def test_corrupt_file_is_refused_and_left_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "tandem.sqlite3"
    path.write_bytes(content)
    with pytest.raises(StoreCorrupt, match="untouched"):
        Store.open(path)
    assert path.read_bytes() == content


def test_another_programs_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "tandem.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (x)")
    conn.execute("PRAGMA user_version = 3")
    conn.commit()
    conn.close()
    before = _digest(path)
    with pytest.raises(StoreCorrupt, match="another program"):
        Store.open(path)
    assert _digest(path) == before


def test_close_waits_for_reads_under_way_and_refuses_new_ones(tmp_path: Path) -> None:
    import threading

    from console.domain.errors import StoreError

    store = Store.open(tmp_path / "tandem.sqlite3")
    store.write_sync(lambda db: repo.put_case_file(db, case_file(n_events=2)))
    started, release = threading.Event(), threading.Event()

    def slow_read(conn: sqlite3.Connection) -> int:
        started.set()
        release.wait(10)
        return queries.timeline_length(conn, "case-1")

    async def scenario() -> tuple[int, bool]:
        reading = asyncio.ensure_future(store.read(slow_read))
        await asyncio.to_thread(started.wait, 10)
        closer = threading.Thread(target=store.close)
        closer.start()
        closer.join(0.2)
        waited = closer.is_alive()  # close() is held back by the read under way
        release.set()
        result = await reading
        await asyncio.to_thread(closer.join, 10)
        return result, waited

    result, waited = asyncio.run(scenario())
    assert (result, waited) == (2, True)
    with pytest.raises(StoreError, match="closed"):
        asyncio.run(store.read(queries.count_cases))
    with pytest.raises(StoreError, match="closed"):
        store.reader()


def test_ranked_search_puts_the_best_match_first(store: Store) -> None:
    focused = case_file("focused", n_events=0).model_copy(
        update={"events": [message("f-1", "focused", "Refund please: the refund failed twice.")]}
    )
    passing = case_file("passing", n_events=0).model_copy(
        update={
            "events": [
                message(
                    "p-1",
                    "passing",
                    "I moved house last month and my new address is on file; the parcel went "
                    "to the old one, the courier never called, and I might want a refund later.",
                )
            ]
        }
    )
    for f in (focused, passing):  # "passing" is stored last: the newest match
        store.write_sync(lambda db, f=f: repo.put_case_file(db, f))
    conn = store.reader()
    assert [h.case_id for h in queries.search(conn, "refund")] == ["passing", "focused"]
    assert [h.case_id for h in queries.search(conn, "refund", ranked=True)] == [
        "focused",
        "passing",
    ]
    assert queries.search(conn, "refu", ranked=True)[0].case_id == "focused"
    assert queries.search(conn, "退款", ranked=True) == []


def test_a_status_change_keeps_the_search_and_reference_indexes(store: Store) -> None:
    from console.domain.case import ExternalRefs

    original = case_file(n_events=0, external_refs=ExternalRefs(order_ids=["ORD-55"]))
    store.write_sync(lambda db: repo.put_case_file(db, original))
    conn = store.reader()

    def index_rows() -> tuple[list[object], list[object]]:
        return (
            conn.execute("SELECT rowid, body FROM case_text").fetchall(),
            conn.execute("SELECT * FROM case_refs").fetchall(),
        )

    before = index_rows()
    current = repo.get_case(conn, "case-1")
    store.write_sync(
        lambda db: repo.update_case(db, current.model_copy(update={"status": CaseStatus.OPEN}), 1)
    )
    assert index_rows() == before
    reopened = repo.get_case(conn, "case-1")
    renamed = reopened.model_copy(
        update={"subject": "Parcel lost", "external_refs": ExternalRefs(order_ids=["ORD-77"])}
    )
    store.write_sync(lambda db: repo.update_case(db, renamed, reopened.version))
    assert [h.case_id for h in queries.search(conn, "lost")] == ["case-1"]
    assert conn.execute("SELECT ref FROM case_refs").fetchall() == [("ORD-77",)]


def test_a_write_waits_for_another_process_lock_and_then_lands(tmp_path: Path) -> None:
    """Another process (here: a second connection) holding the write lock delays a write,
    which then commits; nothing is lost and no 'database is locked' reaches the caller."""
    store = Store.open(tmp_path / "tandem.sqlite3")
    try:
        other = sqlite3.connect(tmp_path / "tandem.sqlite3", isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        future = store.submit(
            lambda db: db.execute("INSERT INTO feed_cursors VALUES ('f', 1, 'x')").rowcount
        )
        assert not future.done()  # it cannot have the lock yet
        other.execute("COMMIT")
        assert future.result(timeout=10) == 1
        row = store.reader().execute("SELECT cursor FROM feed_cursors WHERE feed = 'f'")
        assert row.fetchone() == (1,)
        other.close()
    finally:
        store.close()


def test_the_supervisors_queue_reads_only_the_waiting_steps(tmp_path: Path) -> None:
    """The queue's query is served, in order, by the partial index of waiting steps (no
    sort, and deciding a step within the agent's band touches no state index)."""
    from console.store import decisions

    store = Store.open(tmp_path / "tandem.sqlite3")
    try:
        assert decisions.waiting_steps(store.reader()) == []
        conn = store.reader()
        sql = "SELECT {} FROM plan_steps WHERE state = 'awaiting_supervisor'"
        sql += " ORDER BY requested_at, proposal_id, step_id LIMIT ?"
        plan = conn.execute(f"EXPLAIN QUERY PLAN {sql.format('*')}", (5,)).fetchall()
        assert [row[3] for row in plan] == ["SCAN plan_steps USING INDEX plan_steps_waiting"]
    finally:
        store.close()


def test_commits_leave_checkpoints_to_the_checkpointer(tmp_path: Path) -> None:
    """No checkpoint runs inside a commit (an approval never pays for one); the store's
    checkpointer copies the WAL into the database file on its own connection."""
    from console.store import db as store_db

    store = Store.open(tmp_path / "tandem.sqlite3")
    try:
        assert store._writer_conn.execute("PRAGMA wal_autocheckpoint").fetchone() == (0,)

        def fill(db: Any) -> None:
            db.execute("CREATE TABLE IF NOT EXISTS filler (x BLOB)")
            db.execute("INSERT INTO filler VALUES (zeroblob(4096 * 300))")

        for _ in range(5):  # ~1,500 pages: past SQLite's default automatic checkpoint
            store.write_sync(fill)
        wal_frames, copied = store.checkpoint()
        assert wal_frames >= 300  # at least the last write (the checkpointer may have run)
        assert copied == wal_frames
        assert store._checkpointer is not None
        assert store._checkpointer.is_alive()
        assert store_db.CHECKPOINT_EVERY_S <= 1
    finally:
        store.close()
    assert not store._checkpointer.is_alive()
