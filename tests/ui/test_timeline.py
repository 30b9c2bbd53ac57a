"""The timeline's lazy model: pages by seq range, a small cache, live batches, filters."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from console.domain.kinds import EventSource
from console.services.bus import EventsAppended
from console.ui.tasks import TaskSlots
from console.ui.timeline_delegate import hit_spans, search_terms
from console.ui.timeline_model import COL_SUMMARY, COL_TIME, MAX_PAGES, PAGE_SIZE, TimelineModel
from console.ui.timeline_panel import TimelinePanel
from tests.ui.casefiles import write_case_file
from tests.ui.conftest import run_coro
from tests.ui.live import append

MANY = 2_500
HUGE = 200_000


class CountingCases:
    """The real case service, counting how many rows the timeline reads."""

    def __init__(self, cases: Any) -> None:
        self._cases = cases
        self.rows_read = 0

    def timeline_length(self, case_id: str) -> int:
        return self._cases.timeline_length(case_id)  # type: ignore[no-any-return]

    def timeline_page(self, case_id: str, first: int, last: int) -> list[Any]:
        rows = self._cases.timeline_page(case_id, first, last)
        self.rows_read += len(rows)
        return rows  # type: ignore[no-any-return]

    def timeline_rows(self, case_id: str, seqs: list[int]) -> list[Any]:
        rows = self._cases.timeline_rows(case_id, seqs)
        self.rows_read += len(rows)
        return rows  # type: ignore[no-any-return]

    def __getattr__(self, name: str) -> Any:
        return getattr(self._cases, name)


def shown_panel(qtbot: Any, cases: Any, bus: Any = None) -> TimelinePanel:
    """A timeline pane on its own; with ``bus``, it follows live events as the window does."""
    panel = TimelinePanel(cases, TaskSlots())
    qtbot.addWidget(panel)
    if bus is not None:
        stop = bus.subscribe(EventsAppended, lambda e: panel.append_to(e.case_id, e.last_seq))
        panel.destroyed.connect(stop)
    panel.resize(800, 600)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def test_timeline_model_passes_the_model_tester(services: Any, qtmodeltester: Any) -> None:
    model = TimelineModel(services.cases)
    model.set_case(services.cases.queue_now()[0].case_id)
    assert model.rowCount() > 0
    qtmodeltester.check(model)


def test_filtered_model_passes_the_model_tester(
    services: Any, qtbot: Any, qtmodeltester: Any
) -> None:
    case_id = services.cases.queue_now()[0].case_id
    model = TimelineModel(services.cases)
    model.set_case(case_id)
    total = model.rowCount()
    sources = [EventSource.CHAT, EventSource.EMAIL]
    seqs = run_coro(qtbot, services.cases.timeline_filter(case_id, sources=sources))
    model.set_filter(sources, (), seqs, total)
    assert 0 < model.rowCount() < total
    assert {model.row_at(r).source for r in range(model.rowCount())} <= set(sources)
    qtmodeltester.check(model)


def test_a_long_timeline_opens_without_reading_every_row(
    services: Any, qtbot: Any, tmp_path: Path
) -> None:
    path = write_case_file(services, qtbot, tmp_path, events=MANY, case_id="C-LONG-1")
    run_coro(qtbot, services.casefiles.import_files([path]), timeout=60_000)
    counting = CountingCases(services.cases)
    panel = shown_panel(qtbot, counting)
    panel.set_case("C-LONG-1")
    qtbot.waitUntil(lambda: counting.rows_read > 0)  # the view painted the bottom rows
    assert panel.view.rowAt(panel.view.viewport().height() - 2) in (-1, MANY - 1)
    assert panel.model.rowCount() == MANY
    assert counting.rows_read <= 2 * PAGE_SIZE
    newest = panel.model.index(MANY - 1, COL_SUMMARY).data()
    assert newest == f"Message number {MANY}"
    assert panel.count.text() == f"{MANY:,} events"

    # Jumping around keeps only a few pages in memory.
    for row in range(0, MANY, PAGE_SIZE):
        panel.model.index(row, 0).data()
    assert len(panel.model._pages) <= MAX_PAGES


def _huge_case(services: Any, qtbot: Any, tmp_path: Path, case_id: str) -> None:
    """A case of HUGE events, written straight into the store (pydantic would take minutes)."""
    path = write_case_file(services, qtbot, tmp_path, events=1, case_id=case_id)
    run_coro(qtbot, services.casefiles.import_files([path]))

    def fill(db: Any) -> None:
        db.execute(
            "WITH RECURSIVE n(i) AS (SELECT 2 UNION ALL SELECT i + 1 FROM n WHERE i < ?)"
            " INSERT INTO events (id, case_id, seq, occurred_at, source, kind, actor,"
            " actor_kind, actor_name, summary, payload)"
            " SELECT ? || '-big-' || i, ?, i, '2025-11-20T10:00:00.000000+00:00', 'chat',"
            " 'customer_message', '{}', 'customer', 'Big Customer', 'Event ' || i, '{}' FROM n",
            (HUGE, case_id, case_id),
        )

    services.store.write_sync(fill)


def test_a_case_of_200k_events_opens_reading_a_page_or_two(
    services: Any, qtbot: Any, tmp_path: Path
) -> None:
    _huge_case(services, qtbot, tmp_path, "C-HUGE-1")
    counting = CountingCases(services.cases)
    panel = shown_panel(qtbot, counting)
    panel.set_case("C-HUGE-1")
    qtbot.waitUntil(lambda: counting.rows_read > 0)
    assert panel.model.rowCount() == HUGE
    assert counting.rows_read <= 2 * PAGE_SIZE
    assert panel.model.index(HUGE - 1, COL_SUMMARY).data() == f"Event {HUGE}"
    # The middle of the case, then the top: a page each, never the whole case.
    panel.view.select_row(HUGE // 2, center=True)
    panel.view.select_row(0)
    qtbot.waitUntil(lambda: panel.view.rowAt(1) == 0)
    assert counting.rows_read <= 6 * PAGE_SIZE
    assert len(panel.model._pages) <= MAX_PAGES


def test_rows_show_relative_time_with_the_exact_time_as_tooltip(services: Any) -> None:
    model = TimelineModel(services.cases)
    model.set_case(services.cases.queue_now()[0].case_id)
    index = model.index(0, COL_TIME)
    assert index.data().endswith("ago") or index.data() == "just now"
    assert index.data(Qt.ItemDataRole.ToolTipRole)[:2] == "20"


def test_the_first_event_of_each_day_carries_a_day_band(services: Any) -> None:
    model = TimelineModel(services.cases)
    model.set_case(services.cases.queue_now()[0].case_id)
    assert model.day_starts(0) is not None  # the first event always starts a day
    bands = [model.day_starts(r) for r in range(model.rowCount())]
    days = {model.row_at(r).occurred_at.astimezone().date() for r in range(model.rowCount())}
    assert sum(band is not None for band in bands) == len(days)


def test_live_events_arrive_in_one_batched_insert(services: Any, qtbot: Any) -> None:
    case_id = services.cases.queue_now()[0].case_id
    model = TimelineModel(services.cases)
    model.set_case(case_id)
    count = model.rowCount()
    inserts: list[tuple[int, int]] = []
    resets: list[int] = []
    model.rowsInserted.connect(lambda _p, first, last: inserts.append((first, last)))
    model.modelReset.connect(lambda: resets.append(1))
    for n in range(1, 41):  # forty single-event notices, as a busy feed sends them
        model.note_appended(count + n)
    with qtbot.waitSignal(model.appended, timeout=2000) as batch:
        pass
    assert batch.args == [40]
    assert inserts == [(count, count + 39)]
    assert resets == []
    assert model.rowCount() == count + 40


def test_a_filtered_timeline_takes_only_matching_live_events(services: Any, qtbot: Any) -> None:
    case_id = services.cases.queue_now()[0].case_id
    panel = shown_panel(qtbot, services.cases, services.bus)
    panel.set_case(case_id)
    total = panel.model.rowCount()
    panel.filter.sources[EventSource.EMAIL].setChecked(True)
    qtbot.waitUntil(lambda: panel.model.filtered)
    emails = panel.model.rowCount()
    assert all(panel.model.row_at(r).source is EventSource.EMAIL for r in range(emails))
    assert panel.count.text() == f"{emails} of {total} events"
    assert panel.filter.text() == "Filter (1)"

    append(services, case_id, "A chat line the filter hides")
    append(services, case_id, "An email the filter keeps", source=EventSource.EMAIL)
    qtbot.waitUntil(lambda: panel.model.rowCount() == emails + 1)
    assert panel.model.row_at(emails).summary == "An email the filter keeps"
    assert panel.model.total == total + 2

    panel.filter.clear()
    qtbot.waitUntil(lambda: not panel.model.filtered)
    assert panel.model.rowCount() == total + 2
    assert panel.filter.text() == "Filter"


def test_search_highlights_terms_and_steps_through_matches(services: Any, qtbot: Any) -> None:
    case_id = services.cases.queue_now()[0].case_id
    append(services, case_id, *[f"Routine update {n}" for n in range(20)])
    append(services, case_id, "Zebrafish parcel is late", "Still no zebrafish", "zebrafish?!")
    panel = shown_panel(qtbot, services.cases)
    panel.set_case(case_id)
    last = panel.model.rowCount() - 1
    panel.find.field.setText("zebrafish")
    qtbot.waitUntil(lambda: panel.find.counter.text() == "3 of 3")
    assert panel.model.terms == ("zebrafish",)
    assert panel.view.currentIndex().row() == last  # the match at (or below) where we were
    rows = [panel.model.row_of(s) for s in sorted(panel.model.matches)]
    assert rows == [last - 2, last - 1, last]

    qtbot.keyClick(panel.find.field, Qt.Key.Key_Return)  # next wraps to the first
    assert panel.find.counter.text() == "1 of 3"
    assert panel.view.currentIndex().row() == last - 2
    qtbot.keyClick(panel.find.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert panel.find.counter.text() == "3 of 3"
    panel.step_match(-1)
    assert panel.find.counter.text() == "2 of 3"
    assert panel.model.current_match == panel.model.seq_of(last - 1)

    panel.find.field.setText("nothing-like-this")
    qtbot.waitUntil(lambda: panel.find.counter.text() == "No matches")
    qtbot.keyClick(panel.find.field, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: panel.find.counter.text() == "")
    assert panel.model.matches == frozenset()


def test_highlight_spans_are_case_insensitive_and_merged() -> None:
    assert search_terms('refund "ORD-123" a') == ["ord-123", "refund"]
    assert hit_spans("Refund for ORD-123, refund!", ("ord-123", "refund")) == [
        (0, 6),
        (11, 18),
        (20, 26),
    ]
    assert hit_spans("退款还没到", ("退款",)) == [(0, 2)]
