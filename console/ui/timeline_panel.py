"""The timeline pane: every event of the open case, newest at the bottom, and a detail pane."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QTextBrowser, QVBoxLayout, QWidget

from console.domain.errors import TandemError
from console.services.cases import CaseService
from console.ui import event_detail
from console.ui.tasks import TaskSlots
from console.ui.timeline_model import TimelineModel
from console.ui.timeline_view import TimelineView


class TimelinePanel(QWidget):
    def __init__(self, cases: CaseService, slots: TaskSlots, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pane")
        self._cases = cases
        self._slots = slots

        title = QLabel(self.tr("Timeline"), objectName="paneTitle")
        self.count = QLabel("", objectName="paneTitle")
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(heading)
        layout.addWidget(self.splitter, 1)
        QWidget.setTabOrder(self.view, self.detail)

    @property
    def case_id(self) -> str | None:
        return self.model.case_id

    def set_case(self, case_id: str | None) -> None:
        """Show ``case_id``'s timeline, scrolled to the newest event."""
        self._slots.cancel("timeline.event")
        self.detail.clear()
        self.model.set_case(case_id)
        self._update_count()
        last = self.model.rowCount() - 1
        if last >= 0:
            self.view.setCurrentIndex(self.model.index(last, 0))
        self.view.scrollToBottom()

    def append_to(self, case_id: str, last_seq: int) -> None:
        """New events arrived; follow them if the newest one was in view."""
        if case_id != self.model.case_id:
            return
        viewport = self.view.viewport().rect()
        at_bottom = self.view.rowAt(viewport.bottom() - 1) in (-1, self.model.rowCount() - 1)
        self.model.append_to(last_seq)
        self._update_count()
        if at_bottom:
            self.view.scrollToBottom()

    def open_row(self, row: int) -> None:
        case_id = self.model.case_id
        if case_id is None or not 0 <= row < self.model.rowCount():
            return
        self._slots.start("timeline.event", self._show_event(case_id, row + 1))

    async def _show_event(self, case_id: str, seq: int) -> None:
        self.detail.setPlainText(self.tr("Loading…"))
        try:
            event = await self._cases.event(case_id, seq)
        except TandemError as error:
            self.detail.setPlainText(str(error))
            return
        self.detail.setHtml(event_detail.render(event))

    def _update_count(self) -> None:
        count = self.model.rowCount()
        if self.model.case_id is None:
            self.count.clear()
        elif count == 1:
            self.count.setText(self.tr("1 event"))
        else:
            self.count.setText(self.tr("%1 events").replace("%1", str(count)))

    def focus_list(self) -> None:
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)
