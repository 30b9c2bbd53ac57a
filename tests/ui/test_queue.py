"""The queue: models, sorting, filters, search and incremental updates."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from console.domain.case import Priority
from console.services.cases import QueueOrder, QueueRow
from console.ui.queue_model import COL_SLA, OBJECT_ROLE, SORT_ROLE, QueueModel, QueueProxy
from console.ui.queue_panel import QUEUE_SLOT
from tests.ui.conftest import run_coro


def shown_rows(window: Any) -> list[QueueRow]:
    proxy = window.queue.proxy
    return [proxy.index(row, 0).data(OBJECT_ROLE) for row in range(proxy.rowCount())]


def test_queue_models_pass_the_model_tester(services: Any, qtmodeltester: Any) -> None:
    model = QueueModel(services.cases.queue_now())
    qtmodeltester.check(model)
    proxy = QueueProxy()
    proxy.setSourceModel(model)
    proxy.set_order(QueueOrder.PRIORITY)
    qtmodeltester.check(proxy)


def test_sort_role_gives_native_values(services: Any) -> None:
    model = QueueModel(services.cases.queue_now())
    row = model.row_at(0)
    assert model.index(0, 0).data(SORT_ROLE) == int(row.priority)
    sla = model.index(0, COL_SLA).data(SORT_ROLE)
    assert sla.toMSecsSinceEpoch() == int(row.sla_due_at.timestamp() * 1000)
    assert model.index(0, 0).data(OBJECT_ROLE) is row


def test_queue_starts_with_the_active_cases_soonest_due_first(window: Any) -> None:
    rows = shown_rows(window)
    assert rows, "the demo store has cases"
    assert all(row.status.is_active for row in rows)
    dues = [row.sla_due_at for row in rows]
    assert dues == sorted(dues)
    assert window.status.cases.text() == f"{len(rows)} cases"


def test_sort_by_priority_then_back_to_sla(window: Any) -> None:
    window.queue.order.setCurrentIndex(window.queue.order.findData(QueueOrder.PRIORITY.value))
    priorities = [row.priority for row in shown_rows(window)]
    assert priorities == sorted(priorities, reverse=True)
    assert priorities[0] >= Priority.HIGH
    window.queue.order.setCurrentIndex(window.queue.order.findData(QueueOrder.SLA.value))
    dues = [row.sla_due_at for row in shown_rows(window)]
    assert dues == sorted(dues)


def test_sort_by_age_puts_the_oldest_first(window: Any) -> None:
    window.queue.order.setCurrentIndex(window.queue.order.findData(QueueOrder.AGE.value))
    opened = [row.opened_at for row in shown_rows(window)]
    assert opened == sorted(opened)


def test_journey_and_status_filters_narrow_the_queue(window: Any) -> None:
    everything = shown_rows(window)
    journey = everything[0].journey
    queue = window.queue
    queue.journey_filter.setCurrentIndex(queue.journey_filter.findData(journey.value))
    by_journey = shown_rows(window)
    assert by_journey
    assert all(row.journey is journey for row in by_journey)
    assert len(by_journey) == sum(1 for row in everything if row.journey is journey)
    status = by_journey[0].status
    queue.status_filter.setCurrentIndex(queue.status_filter.findData(status.value))
    both = shown_rows(window)
    assert both
    assert all(row.journey is journey and row.status is status for row in both)
    assert "of" in window.status.cases.text()
    queue.journey_filter.setCurrentIndex(0)
    queue.status_filter.setCurrentIndex(0)
    assert len(shown_rows(window)) == len(everything)


def test_status_filter_reaches_closed_resolved_and_every_case(
    window: Any, qtbot: Any, services: Any
) -> None:
    from console.domain.kinds import CaseStatus
    from console.services.cases import QueueQuery
    from console.store import repositories as repo

    queue = window.queue
    active = len(shown_rows(window))
    case = run_coro(qtbot, services.cases.detail(shown_rows(window)[0].case_id)).case
    closed = case.model_copy(update={"status": CaseStatus.CLOSED})
    services.store.write_sync(lambda db: repo.update_case(db, closed, case.version))
    everything = services.cases.queue_now(QueueQuery(statuses=frozenset(CaseStatus)))
    assert queue.status_filter.currentText() == "All active"

    def choose(text: str) -> list[QueueRow]:
        with qtbot.waitSignal(queue.proxy.modelReset, timeout=5000):
            queue.status_filter.setCurrentIndex(queue.status_filter.findText(text))
        return shown_rows(window)

    assert [r.case_id for r in choose("Closed")] == [case.id]
    assert window.status.cases.text() == "1 case"
    resolved = choose("Resolved")
    assert resolved
    assert {r.status for r in resolved} == {CaseStatus.RESOLVED}
    sla = queue.proxy.index(0, COL_SLA)
    assert sla.data() == "Resolved"  # no countdown for a case that has no SLA to meet
    assert len(choose("All statuses")) == len(everything)
    assert len(choose("All active")) == active - 1
    assert all(r.status.is_active for r in shown_rows(window))


def test_search_narrows_the_queue_after_typing_stops(window: Any, qtbot: Any) -> None:
    everything = shown_rows(window)
    target = everything[-1]
    word = max(target.customer_name.split(), key=len)
    qtbot.keyClicks(window.queue.search, word)
    qtbot.waitUntil(lambda: len(shown_rows(window)) < len(everything), timeout=5000)
    found = shown_rows(window)
    assert target.case_id in {row.case_id for row in found}
    window.queue.search.clear()
    qtbot.waitUntil(lambda: len(shown_rows(window)) == len(everything), timeout=5000)


def test_a_new_search_cancels_the_stale_one(window: Any, qtbot: Any) -> None:
    queue = window.queue
    queue._start_search("zzzz-nothing-matches")
    first = window.slots.task(QUEUE_SLOT)
    queue._start_search("")
    qtbot.waitUntil(lambda: not window.slots.running(QUEUE_SLOT), timeout=5000)
    assert first is not None
    assert first.cancelled()
    assert queue.proxy.rowCount() > 0


def test_merge_changes_rows_without_a_reset(services: Any, qtbot: Any) -> None:
    rows = services.cases.queue_now()
    model = QueueModel(rows)
    changed = rows[1].__class__(**{**_fields(rows[1]), "subject": "A new subject"})
    fresh = [rows[0], changed, *rows[3:]]  # row 2 went away
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    with qtbot.waitSignals([model.dataChanged, model.rowsRemoved], timeout=1000):
        model.merge(fresh)
    assert not resets
    assert model.case_ids() == [row.case_id for row in fresh]
    assert model.index(1, 1).data() == "A new subject"
    with qtbot.waitSignal(model.rowsInserted, timeout=1000):
        model.merge(rows)
    assert sorted(model.case_ids()) == sorted(row.case_id for row in rows)
    assert not resets


def test_imported_case_appears_in_the_open_queue_without_a_reset(
    window: Any, services: Any, qtbot: Any, tmp_path: Any
) -> None:
    from tests.ui.casefiles import write_case_file

    path = write_case_file(services, qtbot, tmp_path, events=3, case_id="C-NEW-1")
    resets: list[bool] = []
    window.queue.model.modelReset.connect(lambda: resets.append(True))
    before = window.queue.model.rowCount()
    run_coro(qtbot, services.casefiles.import_files([path]))
    qtbot.waitUntil(lambda: window.queue.model.row_of("C-NEW-1") is not None, timeout=5000)
    assert window.queue.model.rowCount() == before + 1
    assert not resets


def test_sla_cell_is_red_when_overdue(window: Any) -> None:
    from console.ui import labels, theme

    proxy = window.queue.proxy
    for row in range(proxy.rowCount()):
        index = proxy.index(row, COL_SLA)
        item: QueueRow = index.data(OBJECT_ROLE)
        color = index.data(Qt.ItemDataRole.ForegroundRole)
        text = index.data()
        if labels.is_overdue(item.sla_due_at):
            assert color == theme.color("danger")
            assert text.startswith("overdue")
        else:
            assert text.startswith("in ")


def _fields(row: QueueRow) -> dict[str, Any]:
    return {name: getattr(row, name) for name in row.__slots__}


def test_the_head_of_the_queue_paints_first_and_the_rest_follows(services: Any, qtbot: Any) -> None:
    from console.ui.main_window import MainWindow

    total = len(services.cases.queue_now())
    win = MainWindow(services)
    qtbot.addWidget(win)
    assert win.load_queue(first=5) == 5
    assert win.status.cases.text() == ""  # no count until the whole queue is known
    resets: list[bool] = []
    win.queue.model.modelReset.connect(lambda: resets.append(True))
    win.complete_queue()
    qtbot.waitUntil(lambda: win.queue.model.rowCount() == total, timeout=5000)
    assert not resets
    assert win.status.cases.text() == f"{total} cases"
    dues = [row.sla_due_at for row in shown_rows(win)]
    assert dues == sorted(dues)
    win.shutdown()
