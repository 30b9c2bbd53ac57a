"""The timeline pane: every event of the open case, live, newest at the bottom.

A tool row filters by source and kind and searches within the case; a detail pane shows
the selected event in full. :meth:`TimelinePanel.reveal` scrolls to an event, clearing
filters that hide it, and flashes it.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QTextBrowser, QVBoxLayout, QWidget

from console.domain.errors import TandemError
from console.domain.kinds import EventKind, EventSource
from console.services.cases import CaseService
from console.ui import event_detail
from console.ui.tasks import TaskSlots, Throttle
from console.ui.timeline_delegate import search_terms
from console.ui.timeline_model import TimelineModel
from console.ui.timeline_tools import FilterButton, FindBar
from console.ui.timeline_view import TimelineView

FIND_DELAY_MS = 250
REFIND_DELAY_MS = 1000  # live events re-run an active search at most this often
FLASH_MS = 1600
FILTER_SLOT, FIND_SLOT, EVENT_SLOT = "timeline.filter", "timeline.find", "timeline.event"


class TimelinePanel(QWidget):
    def __init__(self, cases: CaseService, slots: TaskSlots, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pane")
        self._cases = cases
        self._slots = slots
        self._found: list[int] = []  # seqs of the matches shown, oldest first
        self._position = -1

        title = QLabel(self.tr("Timeline"), objectName="paneTitle")
        self.count = QLabel("", objectName="paneTitle")
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.filter = FilterButton(self)
        self.find = FindBar(self)
        self.model = TimelineModel(cases, self)
        self.view = TimelineView(self)
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Case timeline"))
        self.view.open_requested.connect(self.open_row)
        self.detail = QTextBrowser(self, objectName="detailPane")
        self.detail.setAccessibleName(self.tr("Event detail"))
        self.detail.setOpenLinks(False)
        self.detail.setPlaceholderText(
            self.tr("Select an event and press Enter (or double-click it) to read it in full.")
        )
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("timelineSplitter")
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)

        heading = QHBoxLayout()
        heading.setContentsMargins(0, 0, 0, 0)
        heading.addWidget(title)
        heading.addStretch(1)
        heading.addWidget(self.count)
        tools = QHBoxLayout()
        tools.setContentsMargins(10, 0, 10, 6)
        tools.setSpacing(6)
        tools.addWidget(self.filter)
        tools.addWidget(self.find, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(heading)
        layout.addLayout(tools)
        layout.addWidget(self.splitter, 1)
        QWidget.setTabOrder(self.filter, self.find.field)
        QWidget.setTabOrder(self.find.field, self.view)
        QWidget.setTabOrder(self.view, self.detail)

        self._find_throttle = Throttle(FIND_DELAY_MS, self._start_find, self)
        self._refind = Throttle(REFIND_DELAY_MS, self._start_find, self)
        self._flash = QTimer(self)
        self._flash.setSingleShot(True)
        self._flash.setInterval(FLASH_MS)
        self._flash.timeout.connect(lambda: self.model.set_flash(0))
        self.filter.changed.connect(self._filter_changed)
        self.find.text_changed.connect(self._find_text_changed)
        self.find.next_requested.connect(lambda: self.step_match(1))
        self.find.previous_requested.connect(lambda: self.step_match(-1))
        self.model.appended.connect(self._appended)
        self.model.modelReset.connect(self._update_count)

    @property
    def case_id(self) -> str | None:
        return self.model.case_id

    # --- the case ---------------------------------------------------------------------
    def set_case(self, case_id: str | None) -> None:
        """Show ``case_id``'s timeline, unfiltered, scrolled to the newest event."""
        for slot in (EVENT_SLOT, FILTER_SLOT, FIND_SLOT):
            self._slots.cancel(slot)
        self._find_throttle.cancel()
        self._refind.cancel()
        self.detail.clear()
        self.filter.set_chosen(frozenset(), frozenset(), notify=False)
        self.model.set_case(case_id)
        self._found, self._position = [], -1
        if self.find.field.text():
            self._start_find(self.find.field.text())
        else:
            self.find.show_count(0, 0, searching=False)
        self.view.jump_to_newest()

    def append_to(self, case_id: str, last_seq: int) -> None:
        """Events up to ``last_seq`` exist now; they arrive with the next batch."""
        if case_id == self.model.case_id:
            self.model.note_appended(last_seq)

    def _appended(self, _rows: int) -> None:
        self._update_count()
        if self.find.field.text().strip():
            self._refind(self.find.field.text())

    def _update_count(self) -> None:
        count = self.model.rowCount()
        total = self.model.total
        if self.model.case_id is None:
            self.count.clear()
        elif self.model.filtered:
            text = self.tr("%1 of %2 events").replace("%1", f"{count:,}")
            self.count.setText(text.replace("%2", f"{total:,}"))
        elif count == 1:
            self.count.setText(self.tr("1 event"))
        else:
            self.count.setText(self.tr("%1 events").replace("%1", f"{count:,}"))

    # --- filter -----------------------------------------------------------------------
    def _filter_changed(self) -> None:
        case_id = self.model.case_id
        if case_id is None:
            return
        sources, kinds = self.filter.chosen()
        self._slots.start(FILTER_SLOT, self._apply_filter(case_id, sources, kinds))

    async def _apply_filter(
        self, case_id: str, sources: frozenset[EventSource], kinds: frozenset[EventKind]
    ) -> None:
        scanned_to = self._cases.timeline_length(case_id)
        seqs: array[int] | None = None
        if sources or kinds:
            seqs = await self._cases.timeline_filter(case_id, sources=sources, kinds=kinds)
        if case_id != self.model.case_id:
            return
        self._show_filtered(sources, kinds, seqs, scanned_to)

    def _show_filtered(
        self,
        sources: frozenset[EventSource],
        kinds: frozenset[EventKind],
        seqs: array[int] | None,
        scanned_to: int,
    ) -> None:
        """Apply a filter's answer, keeping the agent on (or near) the event they were on."""
        was_at_bottom = self.view.at_bottom()
        current = self.view.currentIndex()
        keep = self.model.seq_of(current.row()) if current.isValid() else 0
        self.model.set_filter(sources, kinds, seqs, scanned_to)
        self._refilter_matches()
        if was_at_bottom or not keep:
            self.view.jump_to_newest()
            return
        row = self.model.row_of(keep)
        if row is None:  # hidden now: the nearest shown event after it
            row = min(self.model.nearest_row(keep), self.model.rowCount() - 1)
        self.view.select_row(row, center=True)

    def clear_filter(self) -> None:
        """Show every event again, at once."""
        case_id = self.model.case_id
        self._slots.cancel(FILTER_SLOT)
        self.filter.set_chosen(frozenset(), frozenset(), notify=False)
        if case_id is not None and self.model.filtered:
            length = self._cases.timeline_length(case_id)
            self._show_filtered(frozenset(), frozenset(), None, length)

    # --- find in the case -------------------------------------------------------------
    def focus_find(self) -> None:
        self.find.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.find.field.selectAll()

    def _find_text_changed(self, text: str) -> None:
        if text.strip():
            self._find_throttle(text)
        else:  # cleared: the highlights go at once
            self._find_throttle.cancel()
            self._start_find("")

    def _start_find(self, text: str) -> None:
        case_id = self.model.case_id
        if case_id is None or not text.strip():
            self._slots.cancel(FIND_SLOT)
            self.model.set_matches((), ())
            self._found, self._position = [], -1
            self.find.show_count(0, 0, searching=False)
            return
        self._slots.start(FIND_SLOT, self._find(case_id, text))

    async def _find(self, case_id: str, text: str) -> None:
        seqs = await self._cases.find_in_case(case_id, text)
        if case_id != self.model.case_id:
            return
        first_time = not self.model.matches or self.model.terms != tuple(search_terms(text))
        self.model.set_matches(seqs, search_terms(text))
        self._refilter_matches(keep=not first_time)
        if first_time and self._found:
            self._go_to_match(self._first_match_from_current())

    def _refilter_matches(self, *, keep: bool = True) -> None:
        """The matches the current filter shows, keeping the agent on the same match."""
        on_one = keep and 0 <= self._position < len(self._found)
        previous = self._found[self._position] if on_one else 0
        self._found = sorted(s for s in self.model.matches if self.model.row_of(s) is not None)
        self._position = self._found.index(previous) if previous in self._found else -1
        self.model.current_match = previous if self._position >= 0 else 0
        searching = bool(self.model.terms) or bool(self.find.field.text().strip())
        self.find.show_count(self._position + 1, len(self._found), searching=searching)

    def _first_match_from_current(self) -> int:
        """The first match at or below the current row, else the newest match."""
        current = self.view.currentIndex()
        if not current.isValid():
            return len(self._found) - 1
        seq = self.model.seq_of(current.row())
        position = bisect_left(self._found, seq)
        return position if position < len(self._found) else len(self._found) - 1

    def step_match(self, delta: int) -> None:
        """Go to the next (+1, newer) or previous (-1, older) match, wrapping around."""
        if not self._found:
            return
        if self._position < 0:
            position = self._first_match_from_current() if delta > 0 else len(self._found) - 1
        else:
            position = (self._position + delta) % len(self._found)
        self._go_to_match(position)

    def _go_to_match(self, position: int) -> None:
        self._position = position
        seq = self._found[position]
        self.model.current_match = seq
        self.model.repaint_all()
        row = self.model.row_of(seq)
        if row is not None:
            self.view.select_row(row, center=True)
        self.find.show_count(position + 1, len(self._found))

    # --- reveal -----------------------------------------------------------------------
    def reveal(self, seq: int) -> bool:
        """Scroll to event ``seq`` of the open case, select it and flash it; a filter that
        hides it is cleared. False if the case has no such event."""
        if self.model.case_id is None:
            return False
        self.model.note_appended(seq)  # an event this fresh may still wait for its batch
        self.model.flush()
        if self.model.row_of(seq) is None and self.model.filtered:
            self.clear_filter()
        row = self.model.row_of(seq)
        if row is None:
            return False
        self.view.select_row(row, center=True)
        self.model.set_flash(seq)
        self._flash.start()
        return True

    # --- the event in full ------------------------------------------------------------
    def open_row(self, row: int) -> None:
        case_id = self.model.case_id
        if case_id is None or not 0 <= row < self.model.rowCount():
            return
        self._slots.start(EVENT_SLOT, self._show_event(case_id, self.model.seq_of(row)))

    async def _show_event(self, case_id: str, seq: int) -> None:
        self.detail.setPlainText(self.tr("Loading…"))
        try:
            event = await self._cases.event(case_id, seq)
        except TandemError as error:
            self.detail.setPlainText(str(error))
            return
        self.detail.setHtml(event_detail.render(event))

    def focus_list(self) -> None:
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def shutdown(self) -> None:
        self._find_throttle.cancel()
        self._refind.cancel()
        self._flash.stop()
        self.model.stop()
