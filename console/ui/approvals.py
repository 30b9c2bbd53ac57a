"""The supervisors' queue: steps above an agent's authority, waiting for a supervisor.

A dock (View → Approvals queue, Alt+5) shown only to roles that review approvals. Each row
is one waiting step: how long it has waited (kept current), the case, the customer, the
action and its amount, the clause of the rule that sent it here, who asked and the plan's
summary. A step waiting longer than the approval SLA is highlighted, and the supervisor is
told once (through the window's notifier). Enter or a double-click opens the case in the
window, where the proposal panel's own controls decide it; Approve and Reject decide the
selected steps from here. Several steps are approved in one call to ``approve_waiting``,
which refuses to move money across cases in bulk and says so.

The decision service is imported on :meth:`ApprovalsDock.start`, after the first frame.
The queue's table (model, view, columns) is :mod:`console.ui.approvals_table` and its
overdue notice :mod:`console.ui.approvals_notice`; their public names are importable from
here too, as before the split.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.domain.errors import TandemError
from console.domain.kinds import ReasonCode
from console.services.bus import Level, UserMessage
from console.services.roles import Capability
from console.ui.approvals_notice import NOTIFY_MS, announce_overdue
from console.ui.approvals_table import (
    ACTION,
    AGE,
    AMOUNT,
    ASKED_BY,
    CASE,
    CLAUSE,
    CUSTOMER,
    OBJECT_ROLE,
    ROW_HEIGHT,
    SLA,
    SUMMARY,
    WIDTHS,
    Key,
    WaitingModel,
    WaitingView,
    amount_text,
    key_of,
)
from console.ui.profiles import may
from console.ui.refusal_text import refusal
from console.ui.tables import configure_list_table

if TYPE_CHECKING:
    from console.services.decisions import ApprovalsChanged, WaitingStep
    from console.ui.main_window import MainWindow

__all__ = [
    "ACTION",
    "AGE",
    "AMOUNT",
    "ASKED_BY",
    "CASE",
    "CLAUSE",
    "CUSTOMER",
    "NOTIFY_MS",
    "OBJECT_ROLE",
    "ROW_HEIGHT",
    "SLA",
    "SLOT",
    "SUMMARY",
    "TICK_MS",
    "WIDTHS",
    "ApprovalsDock",
    "Key",
    "WaitingModel",
    "WaitingView",
    "amount_text",
    "key_of",
    "reason_label",
]

SLOT = "approvals"
TICK_MS = 10_000  # ages move on and the overdue check runs this often


def reason_label(code: ReasonCode) -> str:
    return {
        ReasonCode.WRONG_FACTS: QCoreApplication.translate("Approvals", "The facts are wrong"),
        ReasonCode.AGAINST_POLICY: QCoreApplication.translate("Approvals", "Against policy"),
        ReasonCode.CUSTOMER_PREFERENCE: QCoreApplication.translate(
            "Approvals", "The customer wants otherwise"
        ),
        ReasonCode.TONE: QCoreApplication.translate("Approvals", "Tone"),
        ReasonCode.MISSING_INFORMATION: QCoreApplication.translate(
            "Approvals", "Information is missing"
        ),
        ReasonCode.OTHER: QCoreApplication.translate("Approvals", "Other"),
    }.get(code, code.value)


class ApprovalsDock(QDockWidget):
    loaded = Signal(int)  # rows now in the queue, after each load
    decided = Signal()  # after an approval or rejection from the queue (even a refused one)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._started = False
        self._unsubscribe: Callable[[], None] | None = None
        self.notified: set[Key] = set()  # overdue steps already announced
        self.setObjectName("approvalsDock")
        self.setWindowTitle(self.tr("Approvals"))
        self.setAccessibleName(self.tr("Approvals queue"))
        self.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        body = QWidget(self, objectName="approvalsPane")
        body.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)

        self.count = QLabel("", body, objectName="approvalsCount")
        self.count.setAccessibleName(self.tr("Steps waiting"))
        self.message = QLabel("", body, objectName="approvalsMessage")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Approvals message"))
        self.message.hide()

        self.model = WaitingModel(window.profiles.name_of, self)
        self.view = WaitingView(body)
        self.view.setObjectName("approvalsView")
        self.view.setAccessibleName(self.tr("Steps waiting for a supervisor"))
        self.view.setModel(self.model)
        configure_list_table(self.view, ROW_HEIGHT)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in WIDTHS.items():
            header.resizeSection(column, width)
        self.view.opened.connect(window.open_case)
        self.view.selectionModel().selectionChanged.connect(self._enable)

        self.approve = QPushButton(self.tr("Approve"), body, objectName="approveWaiting")
        self.approve.setAccessibleName(self.tr("Approve the selected steps"))
        self.approve.setToolTip(
            self.tr("Approve the selected steps (refunds and credits one case at a time)")
        )
        self.approve.clicked.connect(self.approve_selected)
        self.reason = QComboBox(body)
        self.reason.setAccessibleName(self.tr("Reason for rejecting"))
        self.reason.setPlaceholderText(self.tr("Reason for rejecting…"))
        for code in ReasonCode:
            self.reason.addItem(reason_label(code), code.value)
        self.reason.setCurrentIndex(-1)
        self.reason.currentIndexChanged.connect(self._enable)
        self.note = QLineEdit(body)
        self.note.setAccessibleName(self.tr("Note for the agent"))
        self.note.setPlaceholderText(self.tr("Note for the agent (optional)"))
        self.note.setMaxLength(500)
        self.reject = QPushButton(self.tr("Reject"), body, objectName="rejectWaiting")
        self.reject.setAccessibleName(self.tr("Reject the selected steps"))
        self.reject.setToolTip(self.tr("Reject the selected steps; choose a reason first"))
        self.reject.clicked.connect(self.reject_selected)

        self.view.setToolTip(self.tr("Enter opens the case"))
        actions = QHBoxLayout()
        actions.setSpacing(8)
        actions.addWidget(self.count)
        actions.addSpacing(16)
        actions.addWidget(self.approve)
        actions.addSpacing(16)
        actions.addWidget(self.reason)
        actions.addWidget(self.note, 1)
        actions.addWidget(self.reject)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(10, 6, 10, 8)
        layout.setSpacing(6)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)
        layout.addLayout(actions)
        self.setWidget(body)
        QWidget.setTabOrder(self.view, self.approve)
        QWidget.setTabOrder(self.approve, self.reason)
        QWidget.setTabOrder(self.reason, self.note)
        QWidget.setTabOrder(self.note, self.reject)

        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        self._show_count()
        self._enable()

    # --- life -------------------------------------------------------------------------------
    @property
    def allowed(self) -> bool:
        return may(self._window.services, Capability.REVIEW_APPROVALS)

    def start(self) -> None:
        """Follow the queue (idempotent); loads it when the role may see it."""
        if self._started:
            return
        self._started = True
        from console.services.decisions import APPROVAL_SLA, ApprovalsChanged

        self.model.sla = APPROVAL_SLA
        self._unsubscribe = self._window.services.bus.subscribe(ApprovalsChanged, self._changed)
        self.apply_role(show=False)

    def apply_role(self, *, show: bool = True) -> None:
        """Shown (with ``show``) and loaded for those who review approvals; else hidden."""
        allowed = self.allowed
        action = self.toggle
        action.setVisible(allowed)
        action.setEnabled(allowed)
        if not allowed:
            self.hide()
            self.timer.stop()
            self.model.set_rows([])
            self.notified.clear()
            self._show_count()
            return
        if show:
            self.setVisible(True)
        if self._started:
            self.timer.start()
            self.refresh()

    @property
    def toggle(self) -> Any:
        return self._window.menus.approvals_queue

    def _changed(self, _event: ApprovalsChanged) -> None:
        if self.allowed:
            self.refresh()

    def refresh(self) -> None:
        self._window.slots.start(SLOT + ".load", self._load())

    async def _load(self) -> None:
        services = self._window.services
        try:
            rows = await services.decisions.waiting(services.principal())
        except TandemError as error:  # the role changed under the load
            self._say(refusal(error))
            rows = []
        selected = set(self.selected_keys())
        self.model.set_rows(rows)
        selection = self.view.selectionModel()
        for key in selected:
            row = self.model.row_of(key)
            if row >= 0:
                selection.select(
                    self.model.index(row, 0),
                    selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
                )
        self._show_count()
        self._enable()
        self.tick()
        self.loaded.emit(len(rows))

    def tick(self) -> None:
        """Ages move on; a step newly past the SLA is announced once."""
        self.model.tick()
        self._show_count()
        for step in self.model.rows:
            key = key_of(step)
            if self.model.overdue(step) and key not in self.notified:
                self.notified.add(key)
                self._notify(step)
        self.notified &= {key_of(s) for s in self.model.rows}

    def _notify(self, step: WaitingStep) -> None:
        """Announced once, through the window's notifier (:mod:`console.ui.approvals_notice`)."""
        announce_overdue(self._window, step, self.model.clock())

    def shutdown(self) -> None:
        self.timer.stop()
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    # --- showing ----------------------------------------------------------------------------
    def _show_count(self) -> None:
        total = len(self.model.rows)
        late = sum(self.model.overdue(s) for s in self.model.rows)
        if total == 0:
            text = self.tr("Nothing is waiting for a supervisor.")
        elif total == 1:
            text = self.tr("1 step waiting")
        else:
            text = self.tr("%1 steps waiting").replace("%1", str(total))
        if late:
            text += " · " + self.tr("%1 overdue").replace("%1", str(late))
        self.count.setText(text)
        self.count.setProperty("overdue", bool(late))
        self.count.style().unpolish(self.count)
        self.count.style().polish(self.count)
        title = self.tr("Approvals")
        self.setWindowTitle(f"{title} ({total})" if total else title)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def selected_steps(self) -> list[WaitingStep]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [self.model.rows[r] for r in rows if r < len(self.model.rows)]

    def selected_keys(self) -> list[Key]:
        return [key_of(s) for s in self.selected_steps()]

    def _enable(self, *_args: object) -> None:
        busy = self._window.slots.running(SLOT + ".act")
        chosen = bool(self.view.selectionModel().selectedRows())
        self.approve.setEnabled(chosen and not busy)
        self.reject.setEnabled(chosen and not busy and self.reason.currentIndex() >= 0)

    def focus_queue(self) -> None:
        self.show()
        self.raise_()
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not self.view.currentIndex().isValid() and self.model.rows:
            self.view.setCurrentIndex(self.model.index(0, 0))

    # --- deciding ---------------------------------------------------------------------------
    def approve_selected(self) -> None:
        steps = self.selected_steps()
        if steps:
            self._act(self._approve(steps))

    def reject_selected(self) -> None:
        steps = self.selected_steps()
        if steps and self.reason.currentIndex() >= 0:
            code = ReasonCode(self.reason.currentData())
            self._act(self._reject(steps, code, self.note.text()))

    def _act(self, coro: Any) -> None:
        self._say("")
        task = self._window.slots.start(SLOT + ".act", coro)
        task.add_done_callback(lambda _task: self._enable())
        self._enable()

    async def _approve(self, steps: list[WaitingStep]) -> None:
        services = self._window.services
        try:
            await services.decisions.approve_waiting(
                [key_of(s) for s in steps], services.principal()
            )
        except TandemError as error:
            self._say(refusal(error))
        else:
            text = (
                self.tr("Approved 1 step")
                if len(steps) == 1
                else self.tr("Approved %1 steps").replace("%1", str(len(steps)))
            )
            self._window.status.on_message(UserMessage(Level.INFO, text))
        self.decided.emit()

    async def _reject(self, steps: list[WaitingStep], code: ReasonCode, note: str) -> None:
        services = self._window.services
        groups: dict[Key, list[str]] = {}
        for step in steps:
            groups.setdefault((step.case_id, step.proposal_id), []).append(step.step.step_id)
        try:
            for (case_id, proposal_id), step_ids in groups.items():
                await services.decisions.reject(
                    case_id, proposal_id, services.principal(), code, note, step_ids=step_ids
                )
        except TandemError as error:
            self._say(refusal(error))
        else:
            self.note.clear()
            self.reason.setCurrentIndex(-1)
            text = (
                self.tr("Rejected 1 step")
                if len(steps) == 1
                else self.tr("Rejected %1 steps").replace("%1", str(len(steps)))
            )
            self._window.status.on_message(UserMessage(Level.INFO, text))
        self.decided.emit()
