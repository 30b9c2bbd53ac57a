"""The agent's main window: case header, queue | timeline | customer and proposal, status;
for supervisors the approvals queue (a dock) and the stop button.

How the queue is loaded and kept current is :mod:`console.ui.window_queue`, the layout kept
between runs :mod:`console.ui.window_state`; their public names are importable from here
too, as before the split.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QVBoxLayout, QWidget

from console.domain.errors import NotFound
from console.services import Services
from console.services.bus import (
    CasesChanged,
    CustomerMessage,
    EventsAppended,
    FeedStatus,
    Level,
    Progress,
    Quarantined,
    UserMessage,
)
from console.services.cases import CaseDetail
from console.services.profiles import ProfileChanged
from console.ui import outbox_dock
from console.ui.approvals import ApprovalsDock
from console.ui.case_header import CaseHeader
from console.ui.customer_panel import CustomerPanel
from console.ui.digest_panel import DigestPanel
from console.ui.feeds import FeedMonitor
from console.ui.menus import Menus
from console.ui.notifier import Notifier
from console.ui.profiles import ProfileSwitcher
from console.ui.proposal_panel import ProposalPanel
from console.ui.queue_panel import QueuePanel
from console.ui.status_bar import StatusBar
from console.ui.stop_controls import StopControls
from console.ui.tasks import TaskSlots, Throttle
from console.ui.theme import ThemeManager
from console.ui.timeline_panel import TimelinePanel
from console.ui.window_queue import CHANGED_SLOT, WindowQueue
from console.ui.window_state import (
    APPROVALS_HEIGHT,
    QUEUE_WIDTH,
    RIGHT_WIDTH,
    STATE_FILE,
    WindowState,
)

__all__ = [
    "APPROVALS_HEIGHT",
    "CHANGED_SLOT",
    "DIGEST_DELAY_MS",
    "QUEUE_WIDTH",
    "REFRESH_DELAY_MS",
    "RIGHT_WIDTH",
    "STATE_FILE",
    "MainWindow",
]

REFRESH_DELAY_MS = 150
DIGEST_DELAY_MS = 2000  # new customer messages refresh the digest at most this often


class MainWindow(WindowQueue, WindowState, QMainWindow):
    case_opened = Signal(str)  # after header, customer panel and timeline show the case
    closed = Signal()
    language_chosen = Signal(str)  # "en", "zh_CN" or "system"; the session re-opens the window
    revealed = Signal(str)  # an event id, once the timeline shows it selected
    digest_shown = Signal(str)  # a case id, once its digest is shown

    def __init__(
        self, services: Services, themes: ThemeManager | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.themes = themes
        self.slots = TaskSlots()
        self._unsubscribe: list[Callable[[], None]] = []
        self._opening: str | None = None
        self._changed_ids: set[str] = set()
        self.search_dialog: QWidget | None = None  # made on first use
        self.policy_dialog: QWidget | None = None
        self.palette: QWidget | None = None
        self.setWindowTitle(self.tr("Tandem"))
        self.setObjectName("mainWindow")

        self.header = CaseHeader(self)
        self.queue = QueuePanel(services.cases, self.slots, self)
        self.timeline = TimelinePanel(services.cases, self.slots, self)
        self.customer = CustomerPanel(self)
        self.digest = DigestPanel(self)
        self.proposal = ProposalPanel(services, self.slots, self)
        self.proposal.cited.connect(self.reveal)
        self.right = self._right_column()
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        for widget, stretch in ((self.queue, 0), (self.timeline, 1), (self.right, 0)):
            self.splitter.addWidget(widget)
            self.splitter.setStretchFactor(self.splitter.count() - 1, stretch)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.status = StatusBar(self)
        self.setStatusBar(self.status)
        self.status.show_user(services.settings.settings)
        self.feeds = FeedMonitor(self)
        self.feeds.changed.connect(lambda: self.status.show_quarantine(self.feeds.quarantined))
        self.status.quarantine.clicked.connect(self.show_diagnostics)
        self.notifier = Notifier(
            self,
            self.status,
            lambda: services.settings.settings.user_id,
            lambda: self.case_id,
            self.open_case,
        )
        # Who is signed in, the stop button, the supervisors' queue: what the role allows.
        self.profiles = ProfileSwitcher(self)
        self.stop = StopControls(self)
        self.approvals = ApprovalsDock(self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.approvals)
        # What write-back is doing: each remote system's breaker and queue, the actions
        # whose outcome is unknown or that were refused (a dock on the right, Alt+6).
        self.outbox_action = outbox_dock.install(self)
        self.menus = Menus(self)
        QWidget.setTabOrder(self.queue.view, self.timeline.view)
        QWidget.setTabOrder(self.timeline.detail, self.customer)
        QWidget.setTabOrder(self.customer, self.digest.toggle)
        QWidget.setTabOrder(self.digest.toggle, self.digest.list)
        QWidget.setTabOrder(self.digest.list, self.proposal)
        self.digest.statement_chosen.connect(self._statement_chosen)

        self.queue.case_selected.connect(self.open_case)
        self.queue.counts_changed.connect(self.status.show_counts)
        self._refresh = Throttle(REFRESH_DELAY_MS, self._refresh_changed, self)
        self._digest_later = Throttle(DIGEST_DELAY_MS, self._refresh_digest, self)
        bus = services.bus
        self._unsubscribe += [
            bus.subscribe(CasesChanged, self._cases_changed),
            bus.subscribe(EventsAppended, self._events_appended),
            bus.subscribe(CustomerMessage, self._customer_message),
            bus.subscribe(FeedStatus, self.feeds.on_status),
            bus.subscribe(Quarantined, self.feeds.on_quarantined),
            bus.subscribe(Progress, self.status.on_progress),
            bus.subscribe(UserMessage, self.status.on_message),
            bus.subscribe(ProfileChanged, lambda _event: self.apply_role()),
        ]
        self.resize(1440, 900)
        self._restore_state()
        self.approvals.apply_role(show=False)  # a saved layout never shows it to an agent

    def _right_column(self) -> QWidget:
        # A plain column, not a scroll area: a scroll area ignores height-for-width, which
        # clips word-wrapped text; the cards are short enough for any sensible window.
        column = QWidget(self)
        column.setObjectName("pane")
        column.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 12, 12)
        layout.setSpacing(0)
        cards = (
            (self.tr("Customer"), self.customer),
            (None, self.digest),
            (self.tr("AI proposal"), self.proposal),
        )
        for title, card in cards:
            if title is not None:
                layout.addWidget(QLabel(title, objectName="paneTitle"))
            wrap = QVBoxLayout()
            wrap.setContentsMargins(12, 0, 0, 8)
            wrap.addWidget(card)
            # The proposal takes the rest of the column and scrolls inside itself.
            layout.addLayout(wrap, 1 if card is self.proposal else 0)
        return column

    # --- roles: profiles, the stop button, the supervisors' queue -------------------------
    def start_supervision(self) -> None:
        """Follow the pauses and the approvals queue (after the first frame; idempotent)."""
        self.stop.start()
        self.approvals.start()

    def apply_role(self) -> None:
        """The signed-in profile changed: show and enable what the new role may do."""
        self.status.show_user(self.services.settings.settings)
        self.profiles.rebuild()
        self.stop.apply_role()
        self.approvals.apply_role(show=True)
        self.menus.apply_role()
        dialog = self.policy_dialog
        if dialog is not None and shiboken6.isValid(dialog) and dialog.isVisible():
            dialog.apply_role()  # type: ignore[attr-defined]
        case_id = self.case_id
        if case_id is not None:  # the proposal's controls follow the role
            self._opening = case_id
            self.slots.start("case.open", self._open(case_id))

    def show_policy(self) -> None:
        from console.ui import policy_dialog

        self.policy_dialog = policy_dialog.present(self)

    def show_palette(self) -> None:
        from console.ui import palette

        palette.present(self)

    # --- the open case ------------------------------------------------------------------
    @property
    def case_id(self) -> str | None:
        detail = self.header.detail
        return detail.case.id if detail else None

    def open_case(self, case_id: str) -> None:
        busy = self.slots.running("case.open")
        if case_id == (self._opening if busy else self.case_id):
            return  # already open, or already on its way
        self._opening = case_id
        self.slots.start("case.open", self._open(case_id))

    async def _open(self, case_id: str) -> None:
        try:
            detail = await self.services.cases.detail(case_id)
        except NotFound as error:
            from console.ui.refusal_text import refusal  # not on the first paint's path

            self.status.on_message(UserMessage(Level.WARNING, refusal(error)))
            return
        finally:
            if self._opening == case_id:
                self._opening = None
        self.show_case(detail)

    def show_case(self, detail: CaseDetail) -> None:
        self.header.show_detail(detail)
        self.customer.show_detail(detail)
        self.proposal.show_detail(detail)
        if self.timeline.case_id == detail.case.id:  # the same case, changed: keep the view
            self.timeline.append_to(detail.case.id, detail.event_count)
        else:
            self.timeline.set_case(detail.case.id)
            self.digest.show_reading()
            self._digest_later.cancel()
            self.slots.start("case.digest", self._load_digest(detail.case.id))
        self.setWindowTitle(self.tr("%1 — Tandem").replace("%1", detail.customer.name))
        # A case outside the queue as shown (resolved, closed, filtered out, opened from
        # search): no queue row stays selected for another case.
        if self.queue.current_case_id() != detail.case.id and not self.queue.select_case(
            detail.case.id, notify=False
        ):
            self.queue.clear_selection()
        self.case_opened.emit(detail.case.id)

    def _cases_changed(self, event: CasesChanged) -> None:
        self._changed_ids.update(event.case_ids)
        self._refresh()
        case_id = self.case_id
        if case_id is not None and case_id in event.case_ids:  # the open case: header too
            self._opening = case_id
            self.slots.start("case.open", self._open(case_id))

    def _events_appended(self, event: EventsAppended) -> None:
        self.timeline.append_to(event.case_id, event.last_seq)

    def _customer_message(self, event: CustomerMessage) -> None:
        self.notifier.on_message(event)
        if event.case_id == self.case_id:
            self._digest_later()

    # --- the digest of what the customer said ---------------------------------------------
    def _refresh_digest(self) -> None:
        case_id = self.case_id
        if case_id is not None:
            self.slots.start("case.digest", self._load_digest(case_id))

    async def _load_digest(self, case_id: str) -> None:
        try:
            digest_service = self.services.digest
        except ImportError:  # the digest service is not part of this build yet
            self.digest.show_unavailable()
            return
        digest = await digest_service.digest(case_id)
        if case_id != self.case_id:
            return
        self.digest.show_digest(digest)
        self.header.show_reading(digest.sentiment)
        self.digest_shown.emit(case_id)

    def _statement_chosen(self, seq: int) -> None:
        self.timeline.reveal(seq)

    # --- reveal ---------------------------------------------------------------------------
    def reveal(self, event_id: str) -> None:
        """Show event ``event_id`` in the timeline: open its case if need be, clear a filter
        that hides it, scroll to it, select it and flash it. Emits ``revealed``."""
        self.slots.start("reveal", self._reveal(event_id))

    async def _reveal(self, event_id: str) -> None:
        found = self.services.cases.locate(event_id)
        if found is None:
            text = self.tr("No event %1 in this store.").replace("%1", event_id)
            self.status.on_message(UserMessage(Level.WARNING, text))
            return
        case_id, seq = found
        if self.case_id != case_id:
            self.open_case(case_id)
            task = self.slots.task("case.open")
            if task is not None:
                await task
            if self.case_id != case_id:
                return
        if self.timeline.reveal(seq):
            self.timeline.focus_list()
            self.revealed.emit(event_id)

    # --- search every case, play a scenario (modules loaded on first use) -----------------
    def show_search(self) -> None:
        from console.ui import search_dialog

        search_dialog.present(self)

    # --- diagnostics ----------------------------------------------------------------------
    def show_diagnostics(self) -> None:
        from console.ui.diagnostics import DiagnosticsDialog

        dialog = DiagnosticsDialog(self.services, self.feeds, self.slots, self)
        dialog.open()
        self.diagnostics = dialog

    # --- focus ----------------------------------------------------------------------------
    def focus_queue(self) -> None:
        self.queue.focus_list()

    def focus_timeline(self) -> None:
        self.timeline.focus_list()

    def focus_panel(self) -> None:
        self.customer.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_proposal(self) -> None:
        self.proposal.focus_panel()

    def replan(self) -> None:
        self.proposal.request_replan()

    # --- closing --------------------------------------------------------------------------
    def shutdown(self) -> None:
        """Stop listening and cancel background work (idempotent)."""
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe.clear()
        self._refresh.cancel()
        self._digest_later.cancel()
        self.queue.shutdown()
        self.timeline.shutdown()
        self.proposal.shutdown()
        self.notifier.shutdown()
        self.stop.shutdown()
        self.approvals.shutdown()
        self.outbox.widget().shutdown()
        self.header.show_detail(None)  # stops the SLA ticker
        self.slots.cancel_all()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        self.shutdown()
        super().closeEvent(event)
        self.closed.emit()
