"""The timeline's lazy model: pages by seq range, a small cache, live appends."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from console.ui.tasks import TaskSlots
from console.ui.timeline_model import COL_SUMMARY, COL_TIME, MAX_PAGES, PAGE_SIZE, TimelineModel
from console.ui.timeline_panel import TimelinePanel
from tests.ui.casefiles import write_case_file
from tests.ui.conftest import run_coro

MANY = 2_500


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

    def __getattr__(self, name: str) -> Any:
        return getattr(self._cases, name)


def test_timeline_model_passes_the_model_tester(services: Any, qtmodeltester: Any) -> None:
    model = TimelineModel(services.cases)
    model.set_case(services.cases.queue_now()[0].case_id)
    assert model.rowCount() > 0
    qtmodeltester.check(model)


def test_a_long_timeline_opens_without_reading_every_row(
    services: Any, qtbot: Any, tmp_path: Path
) -> None:
    path = write_case_file(services, qtbot, tmp_path, events=MANY, case_id="C-LONG-1")
    run_coro(qtbot, services.casefiles.import_files([path]), timeout=60_000)
    counting = CountingCases(services.cases)
    panel = TimelinePanel(counting, TaskSlots())  # type: ignore[arg-type]
    qtbot.addWidget(panel)
    panel.resize(800, 600)
    panel.show()
    qtbot.waitExposed(panel)
    panel.set_case("C-LONG-1")
    qtbot.waitUntil(lambda: counting.rows_read > 0)  # the view painted the bottom rows
    assert panel.view.rowAt(panel.view.viewport().height() - 2) in (-1, MANY - 1)
    assert panel.model.rowCount() == MANY
    assert counting.rows_read <= 2 * PAGE_SIZE
    newest = panel.model.index(MANY - 1, COL_SUMMARY).data()
    assert newest == f"Message number {MANY}"
    assert panel.count.text() == f"{MANY} events"

    # Jumping around keeps only a few pages in memory.
    for row in range(0, MANY, PAGE_SIZE):
        panel.model.index(row, 0).data()
    assert len(panel.model._pages) <= MAX_PAGES


def test_rows_show_relative_time_with_the_exact_time_as_tooltip(services: Any) -> None:
    model = TimelineModel(services.cases)
    model.set_case(services.cases.queue_now()[0].case_id)
    index = model.index(0, COL_TIME)
    assert index.data().endswith("ago") or index.data() == "just now"
    assert index.data(Qt.ItemDataRole.ToolTipRole)[:2] == "20"


def test_appended_events_are_inserted_at_the_bottom(services: Any, qtbot: Any) -> None:
    model = TimelineModel(services.cases)
    case_id = services.cases.queue_now()[0].case_id
    model.set_case(case_id)
    count = model.rowCount()
    with qtbot.waitSignal(model.rowsInserted, timeout=1000) as inserted:
        model.append_to(count + 2)
    assert inserted.args[1:] == [count, count + 1]
    assert model.rowCount() == count + 2
