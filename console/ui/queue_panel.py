"""The queue pane: search, filters, sort order and the table of cases."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from console.domain.kinds import CaseStatus, Journey
from console.services.cases import CaseService, QueueOrder, QueueQuery, QueueRow
from console.ui import labels
from console.ui.queue_model import OBJECT_ROLE, QueueModel, QueueProxy
from console.ui.queue_view import QueueView
from console.ui.tasks import TaskSlots, Throttle

SEARCH_DELAY_MS = 200
ALL_STATUSES = "all"  # the status filter's data for every status, active or not
# Searches and refreshes share one slot: whichever starts last wins, so an answer to an
# older query can never land on top of a newer one.
QUEUE_SLOT = "queue"
TICK_MS = 30_000


class QueuePanel(QWidget):
    """Emits ``case_selected`` with a case id when the agent moves to a case."""

    case_selected = Signal(str)
    counts_changed = Signal(int, int)  # shown, loaded

    def __init__(self, cases: CaseService, slots: TaskSlots, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pane")
        self._cases = cases
        self._slots = slots
        self._text = ""
        self._quiet = False
        self._complete = False
        self._asked: frozenset[CaseStatus] = frozenset()  # the statuses the rows were read for

        title = QLabel(self.tr("Queue"), objectName="paneTitle")
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search cases and messages  (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search the queue"))

        self.journey_filter = QComboBox(self)
        self.journey_filter.setAccessibleName(self.tr("Filter by journey"))
        self.journey_filter.addItem(self.tr("All journeys"), None)
        for journey in Journey:
            self.journey_filter.addItem(labels.journey(journey), journey.value)
        self.status_filter = QComboBox(self)
        self.status_filter.setAccessibleName(self.tr("Filter by status"))
        self.status_filter.addItem(self.tr("All active"), None)
        self.status_filter.addItem(self.tr("All statuses"), ALL_STATUSES)
        for active in (True, False):
            self.status_filter.insertSeparator(self.status_filter.count())
            for status in CaseStatus:
                if status.is_active is active:
                    self.status_filter.addItem(labels.status(status), status.value)
        self.order = QComboBox(self)
        self.order.setAccessibleName(self.tr("Sort the queue"))
        self.order.addItem(self.tr("By SLA"), QueueOrder.SLA.value)
        self.order.addItem(self.tr("By priority"), QueueOrder.PRIORITY.value)
        self.order.addItem(self.tr("By age"), QueueOrder.AGE.value)
        self.order.setToolTip(
            self.tr("SLA: soonest due first · priority: most urgent first · age: oldest first")
        )

        self.model = QueueModel(parent=self)
        self.proxy = QueueProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.set_order(QueueOrder.SLA)  # changed cases move to their place as they change
        self.view = QueueView(self)
        self.view.setModel(self.proxy)
        self.view.setAccessibleName(self.tr("Case queue"))
        self.empty = QLabel(self.tr("No cases match."), objectName="emptyState")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()

        filters = QHBoxLayout()
        filters.setSpacing(6)
        filters.addWidget(self.journey_filter, 3)
        filters.addWidget(self.status_filter, 2)
        filters.addWidget(self.order, 2)
        tools = QVBoxLayout()
        tools.setContentsMargins(10, 0, 10, 8)
        tools.setSpacing(6)
        tools.addWidget(self.search)
        tools.addLayout(filters)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(title)
        layout.addLayout(tools)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        QWidget.setTabOrder(self.search, self.journey_filter)
        QWidget.setTabOrder(self.journey_filter, self.status_filter)
        QWidget.setTabOrder(self.status_filter, self.order)
        QWidget.setTabOrder(self.order, self.view)

        self._throttle = Throttle(SEARCH_DELAY_MS, self._start_search, self)
        self.search.textChanged.connect(self._throttle)
        self.search.returnPressed.connect(self._throttle.flush)
        self.journey_filter.currentIndexChanged.connect(self._apply_filters)
        self.status_filter.currentIndexChanged.connect(self._apply_filters)
        self.order.currentIndexChanged.connect(self._apply_order)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset):
            signal.connect(self._counts)
        for key, step in (("J", 1), ("K", -1)):
            shortcut = QShortcut(QKeySequence(key), self.view)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda step=step: self.step(step))
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self.model.refresh_times)
        self._ticker.start()

    # --- loading ------------------------------------------------------------------------
    def load(self, rows: Sequence[QueueRow], *, complete: bool = True) -> None:
        """Show ``rows`` (in the service's SLA order) and keep the open case selected.

        ``complete=False``: only the head of the queue; counts wait for :meth:`refresh`.
        """
        current = self.current_case_id()
        self._complete = complete
        self.model.set_rows(rows)
        if current is not None:
            self.select_case(current, notify=False)

    def merge(self, rows: Sequence[QueueRow]) -> None:
        self._complete = True
        self.model.merge(rows)
        self._counts()

    def query(self) -> QueueQuery:
        return QueueQuery(text=self._text, statuses=self._statuses(), order=self.current_order())

    def _statuses(self) -> frozenset[CaseStatus]:
        """What the service is asked for: the active cases (an active status is then
        filtered in place), one inactive status, or every status."""
        chosen = self.status_filter.currentData()
        if chosen == ALL_STATUSES:
            return frozenset(CaseStatus)
        if chosen and not CaseStatus(chosen).is_active:
            return frozenset([CaseStatus(chosen)])
        return frozenset()

    def current_order(self) -> QueueOrder:
        return QueueOrder(self.order.currentData())

    async def refresh(self) -> None:
        """Re-ask the service with the current query and apply the difference."""
        self.merge(await self._cases.queue(self.query()))

    async def refresh_cases(self, case_ids: Sequence[str]) -> None:
        """Bring just ``case_ids`` up to date (inserted, changed or removed), keeping the
        selection and the scroll position."""
        query = self.query()
        rows = await self._cases.queue_rows(case_ids, query)
        if query != self.query():
            return  # the agent searched meanwhile; that answer covers these cases
        bar = self.view.verticalScrollBar()
        scrolled = bar.value()
        self.model.apply(case_ids, rows)
        bar.setValue(min(scrolled, bar.maximum()))
        self._counts()

    def _start_search(self, text: str) -> None:
        self._text = text.strip()
        self._slots.start(QUEUE_SLOT, self._search(self.query()))

    async def _search(self, query: QueueQuery) -> None:
        self.load(await self._cases.queue(query))

    # --- filters and order --------------------------------------------------------------
    def _apply_filters(self) -> None:
        journey = self.journey_filter.currentData()
        status = self.status_filter.currentData()
        self.proxy.set_filters(
            frozenset([Journey(journey)]) if journey else frozenset(),
            frozenset([CaseStatus(status)]) if status and status != ALL_STATUSES else frozenset(),
        )
        self._counts()
        statuses = self._statuses()
        if statuses != self._asked:  # the loaded rows do not cover the choice: ask again
            self._asked = statuses
            self._slots.start(QUEUE_SLOT, self._search(self.query()))

    def _apply_order(self) -> None:
        self.proxy.set_order(self.current_order())
        self._scroll_to_current()

    # --- selection and navigation ---------------------------------------------------------
    def current_case_id(self) -> str | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        row: QueueRow = index.data(OBJECT_ROLE)
        return row.case_id

    def select_case(self, case_id: str, *, notify: bool = True) -> bool:
        source_row = self.model.row_of(case_id)
        if source_row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if not index.isValid():
            return False
        self._select(index, notify=notify)
        return True

    def clear_selection(self) -> None:
        """No current case in the queue (the open case is not one of its rows)."""
        self._quiet = True
        try:
            self.view.selectionModel().clear()
        finally:
            self._quiet = False

    def step(self, delta: int) -> None:
        """Move to the next (+1) or previous (-1) case of the queue as shown."""
        count = self.proxy.rowCount()
        if count == 0:
            return
        current = self.view.currentIndex()
        row = current.row() + delta if current.isValid() else (0 if delta > 0 else count - 1)
        self._select(self.proxy.index(max(0, min(count - 1, row)), 0))

    def select_first(self) -> None:
        if self.proxy.rowCount():
            self._select(self.proxy.index(0, 0))

    def _select(self, index: QModelIndex, *, notify: bool = True) -> None:
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self._quiet = not notify
        try:
            self.view.selectionModel().setCurrentIndex(index, flags)
        finally:
            self._quiet = False
        self.view.scrollTo(index)

    def _scroll_to_current(self) -> None:
        if self.view.currentIndex().isValid():
            self.view.scrollTo(self.view.currentIndex())

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self._quiet:
            self.case_selected.emit(current.data(OBJECT_ROLE).case_id)

    def _counts(self) -> None:
        shown = self.proxy.rowCount()
        self.empty.setVisible(shown == 0)
        if self._complete:
            self.counts_changed.emit(shown, self.model.rowCount())

    def shutdown(self) -> None:
        """Stop the timers: nothing may start after the window is gone."""
        self._throttle.cancel()
        self._ticker.stop()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def focus_list(self) -> None:
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not self.view.currentIndex().isValid():
            self.select_first()
