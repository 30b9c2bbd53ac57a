"""The console live: events arrive in the open timeline, the queue follows changes row by
row, the agent hears of their customers' messages, reveal(), diagnostics and the digest."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from console.domain.kinds import CaseStatus, EventSource, Priority
from console.services.bus import CasesChanged, CustomerMessage, FeedStatus, Quarantined
from console.store import repositories as repo
from console.ui.queue_model import OBJECT_ROLE
from tests.ui.conftest import run_coro
from tests.ui.live import append


def open_case(window: Any, qtbot: Any, case_id: str) -> None:
    with qtbot.waitSignal(window.case_opened, timeout=5000):
        window.open_case(case_id)


def case_ids(services: Any) -> list[str]:
    return [row.case_id for row in services.cases.queue_now()]


def test_a_live_event_appears_at_the_bottom_and_is_followed(
    window: Any, qtbot: Any, services: Any
) -> None:
    case_id = case_ids(services)[0]
    open_case(window, qtbot, case_id)
    model, view = window.timeline.model, window.timeline.view
    before = model.rowCount()
    last = append(services, case_id, "Any news on my parcel?")
    qtbot.waitUntil(lambda: model.rowCount() == before + 1)
    assert model.row_at(before).summary == "Any news on my parcel?"
    assert model.row_at(before).seq == last
    qtbot.waitUntil(lambda: view.rowAt(view.viewport().height() - 2) in (-1, before))
    assert view.at_bottom()
    assert not view.pill.isVisible()
    assert window.timeline.count.text() == f"{before + 1} events"


@pytest.mark.usefixtures("no_auto_plan")
def test_reading_further_up_keeps_the_position_and_counts_new_events(
    window: Any, qtbot: Any, services: Any
) -> None:
    case_id = case_ids(services)[0]
    append(services, case_id, *[f"Earlier line {n}" for n in range(80)])
    open_case(window, qtbot, case_id)
    model, view = window.timeline.model, window.timeline.view
    view.select_row(3)
    view.scrollToTop()
    top_row, position = view.rowAt(1), view.verticalScrollBar().value()
    before = model.rowCount()

    append(services, case_id, "One")
    append(services, case_id, "Two", "Three")
    qtbot.waitUntil(lambda: model.rowCount() == before + 3)
    assert view.verticalScrollBar().value() == position
    assert view.rowAt(1) == top_row
    assert view.currentIndex().row() == 3
    assert view.new_rows == 3
    assert view.pill.isVisible()
    assert view.pill.text() == "3 new ↓"

    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert view.currentIndex().row() == before + 2
    qtbot.waitUntil(view.at_bottom)
    assert not view.pill.isVisible()
    assert view.new_rows == 0

    # At the bottom again: the next event is followed, no pill.
    append(services, case_id, "Four")
    qtbot.waitUntil(lambda: model.rowCount() == before + 4)
    qtbot.waitUntil(view.at_bottom)
    assert not view.pill.isVisible()


def test_clicking_the_pill_jumps_to_the_newest(window: Any, qtbot: Any, services: Any) -> None:
    case_id = case_ids(services)[0]
    append(services, case_id, *[f"Line {n}" for n in range(60)])
    open_case(window, qtbot, case_id)
    view = window.timeline.view
    view.scrollToTop()
    append(services, case_id, "Newest")
    qtbot.waitUntil(view.pill.isVisible)
    qtbot.mouseClick(view.pill, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(view.at_bottom)
    assert window.timeline.model.row_at(view.currentIndex().row()).summary == "Newest"
    assert not view.pill.isVisible()


def test_reveal_opens_the_case_clears_the_filter_and_flashes_the_event(
    window: Any, qtbot: Any, services: Any
) -> None:
    first, second = case_ids(services)[:2]
    open_case(window, qtbot, second)
    # In the first case: a chat event, to be revealed while an email-only filter hides it.
    target = services.cases.timeline_page(first, 1, 1)[0]
    assert target.source is not EventSource.EMAIL
    open_case(window, qtbot, first)
    window.timeline.filter.sources[EventSource.EMAIL].setChecked(True)
    qtbot.waitUntil(lambda: window.timeline.model.filtered)
    assert window.timeline.model.row_of(target.seq) is None
    open_case(window, qtbot, second)

    with qtbot.waitSignal(window.revealed, timeout=5000) as revealed:
        window.reveal(target.event_id)
    assert revealed.args == [target.event_id]
    assert window.case_id == first
    assert window.queue.current_case_id() == first
    timeline = window.timeline
    assert not timeline.model.filtered
    assert timeline.view.currentIndex().row() == timeline.model.row_of(target.seq)
    assert timeline.model.flashing == target.seq
    qtbot.waitUntil(lambda: timeline.model.flashing == 0, timeout=5000)

    # The same case, filtered: the filter that hides the event is cleared.
    timeline.filter.sources[EventSource.EMAIL].setChecked(True)
    qtbot.waitUntil(lambda: timeline.model.filtered)
    with qtbot.waitSignal(window.revealed, timeout=5000):
        window.reveal(target.event_id)
    assert not timeline.model.filtered
    assert timeline.filter.text() == "Filter"


def test_revealing_an_unknown_event_says_so(window: Any, qtbot: Any) -> None:
    window.reveal("no-such-event")
    qtbot.waitUntil(lambda: "no-such-event" in window.status.currentMessage())


def _change(services: Any, qtbot: Any, case_id: str, **changes: Any) -> None:
    case = run_coro(qtbot, services.cases.detail(case_id)).case
    changed = case.model_copy(update=changes)
    services.store.write_sync(lambda db: repo.update_case(db, changed, case.version))
    services.bus.publish(CasesChanged((case_id,)))


def test_the_queue_follows_changed_cases_row_by_row(
    window: Any, qtbot: Any, services: Any, tmp_path: Any
) -> None:
    queue = window.queue
    ids = case_ids(services)
    open_case(window, qtbot, ids[3])
    resets: list[int] = []
    queue.model.modelReset.connect(lambda: resets.append(1))
    queue.proxy.modelReset.connect(lambda: resets.append(1))
    scrolled = queue.view.verticalScrollBar().value()
    count = queue.model.rowCount()

    # A priority change: the row is updated in place; the selection stays on the open case.
    target = ids[5]
    old = queue.model.row_at(queue.model.row_of(target)).priority
    new = Priority.LOW if old is not Priority.LOW else Priority.URGENT
    _change(services, qtbot, target, priority=new)
    qtbot.waitUntil(lambda: queue.model.row_at(queue.model.row_of(target)).priority is new)
    assert queue.current_case_id() == ids[3]

    # An SLA change re-sorts the proxy: the changed case moves to the top, selection kept.
    soonest = queue.model.row_at(queue.model.row_of(ids[0])).sla_due_at
    _change(services, qtbot, ids[8], sla_due_at=soonest.replace(year=soonest.year - 1))
    qtbot.waitUntil(lambda: queue.proxy.index(0, 0).data(OBJECT_ROLE).case_id == ids[8])
    assert queue.current_case_id() == ids[3]

    # Resolved: the case leaves the queue.
    _change(services, qtbot, ids[6], status=CaseStatus.RESOLVED)
    qtbot.waitUntil(lambda: queue.model.row_of(ids[6]) is None)
    assert queue.model.rowCount() == count - 1
    assert queue.current_case_id() == ids[3]
    assert window.status.cases.text() == f"{count - 1} cases"
    assert queue.view.verticalScrollBar().value() == scrolled
    assert resets == []


def test_a_customer_message_on_my_case_is_announced(
    window: Any, qtbot: Any, services: Any, monkeypatch: Any
) -> None:
    me = services.settings.settings.user_id
    first, second = case_ids(services)[:2]
    open_case(window, qtbot, first)
    notifier = window.notifier
    bus = services.bus

    bus.publish(CustomerMessage(second, "Where is my refund?", "agent", "someone-else"))
    bus.publish(CustomerMessage(second, "Where is my refund?", "ai", None))
    assert notifier.shown == 0

    monkeypatch.setattr(window, "isActiveWindow", lambda: True)
    bus.publish(CustomerMessage(first, "I am still waiting", "agent", me))
    assert notifier.shown == 0  # the agent is looking at that case

    bus.publish(CustomerMessage(second, "Where is my refund?", "agent", me))
    assert notifier.shown == 1
    if notifier.tray is None:  # offscreen: no tray, the status bar tells and offers a button
        assert "Where is my refund?" in window.status.currentMessage()
        assert notifier.open_button.isVisible()
        with qtbot.waitSignal(window.case_opened, timeout=5000):
            qtbot.mouseClick(notifier.open_button, Qt.MouseButton.LeftButton)
        assert window.case_id == second
        assert not notifier.open_button.isVisible()


def test_diagnostics_show_feeds_and_the_quarantine_live(
    window: Any, qtbot: Any, services: Any
) -> None:
    bus = services.bus
    bus.publish(FeedStatus("sandbox", "connecting"))
    bus.publish(FeedStatus("sandbox", "live", "3 events/s"))
    assert not window.status.quarantine.isVisible()
    window.show_diagnostics()
    dialog = window.diagnostics
    qtbot.waitUntil(lambda: dialog.quarantine_title.text() == "Quarantine: empty")
    assert dialog.feeds.rowCount() == 1
    assert dialog.feeds.item(0, 0).text() == "sandbox"
    assert dialog.feeds.cellWidget(0, 1).text() == "Live"
    assert "Log file:" in dialog.log.text()

    def quarantine(db: Any) -> None:
        db.execute(
            "INSERT INTO quarantine (received_at, feed, cursor, reason, raw) VALUES"
            " ('2025-11-20T10:00:00.000000+00:00', 'sandbox', 7, 'missing case_id', '{\"x\": 1}')"
        )

    services.store.write_sync(quarantine)
    bus.publish(Quarantined("sandbox", "missing case_id"))
    qtbot.waitUntil(window.status.quarantine.isVisible)  # told within a quarter second
    assert window.status.quarantine.text() == "1 quarantined"
    qtbot.waitUntil(lambda: dialog.quarantine.rowCount() == 1)
    assert dialog.quarantine.item(0, 2).text() == "missing case_id"
    assert dialog.quarantine.item(0, 3).text() == '{"x": 1}'
    bus.publish(FeedStatus("sandbox", "retrying", "connection refused"))
    assert dialog.feeds.cellWidget(0, 1).text() == "Retrying"
    dialog.close()


def test_the_digest_lists_statements_that_reveal_their_events(
    window: Any, qtbot: Any, services: Any
) -> None:
    case_id = case_ids(services)[0]
    with qtbot.waitSignal(window.digest_shown, timeout=5000):
        window.open_case(case_id)
    digest = window.digest.digest
    assert digest is not None
    assert window.digest.list.count() == len(digest.statements)
    if digest.sentiment.cues:
        assert "Cues:" in window.header.sentiment.toolTip()
    assert window.header.sentiment.property("tone") == digest.sentiment.label.value
    if window.digest.list.count():
        item = window.digest.list.item(0)
        seq = item.data(Qt.ItemDataRole.UserRole + 1)
        rect = window.digest.list.visualItemRect(item)
        qtbot.mouseClick(
            window.digest.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center()
        )
        timeline = window.timeline
        assert timeline.model.seq_of(timeline.view.currentIndex().row()) == seq

    # A new customer message on the open case refreshes the digest (throttled).
    with qtbot.waitSignal(window.digest_shown, timeout=5000):
        services.bus.publish(CustomerMessage(case_id, "Hello again", "ai", None))
