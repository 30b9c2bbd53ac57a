"""The outbox: what write-back is doing, for the person who has to look.

A panel for a dock on the right (View → Outbox, Alt+6; :func:`install` puts it in the
window) with, from the top: why write-back is not running (when it is not); one line per
remote system with its breaker in words and colour ("Refunds down since 10:42 — 37
queued"); the actions whose outcome is unknown, which a person settles after checking the
remote system (Mark done / Mark not done / Send again); and the actions a remote system
refused (Retry / Cancel). Enter or a double-click on a row opens its case.

It follows ``ExecutionsChanged`` while shown, and re-reads every few seconds so that ages
and queues move on. :func:`ask_secret` asks for a credential kept for this session only.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Coroutine, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QHideEvent, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.domain.errors import TandemError
from console.ui.execution_status import ExecutionText, moment
from console.ui.proposal_steps import plain
from console.ui.tables import configure_list_table
from console.ui.tasks import TaskSlots

if TYPE_CHECKING:
    from console.services import Services
    from console.services.dispatcher import BreakerView
    from console.store.outbox import OutboxRow

log = logging.getLogger(__name__)

TICK_MS = 5_000
REFRESH_MS = 250  # after ExecutionsChanged
ROW_HEIGHT = 26
OBJECT_ROLE = Qt.ItemDataRole.UserRole + 1
SHORTCUT = "Alt+6"
CASE, ACTION, DESTINATION, SINCE, ERROR = range(5)
WIDTHS = {CASE: 90, ACTION: 130, DESTINATION: 72, SINCE: 84}
DOCK_WIDTH = 560  # the tables' columns fit, the last error has room
SEVERITY = {"open": 0, "half_open": 1}  # systems that are down come first


class ExecutionModel(QAbstractTableModel):
    """Outbox rows (unknown outcomes or refusals), oldest first; ``clock`` gives "now"."""

    def __init__(self, text: ExecutionText, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[OutboxRow] = []
        self.text = text
        self.clock: Callable[[], datetime] = _now

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else ERROR + 1

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section <= ERROR:
            return None
        return (
            self.tr("Case"),
            self.tr("Action"),
            self.tr("System"),
            self.tr("For"),
            self.tr("Last error"),
        )[section]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == SINCE:
                since = moment(row.updated_at)
                return self.tr("Since %1").replace("%1", self.text.when(since)) if since else ""
            return self.text.details(row)
        if role == OBJECT_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == SINCE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, row: OutboxRow, column: int) -> str:
        if column == CASE:
            return row.case_id
        if column == ACTION:
            return self.text.action(row)
        if column == DESTINATION:
            return self.text.destination(row.destination)
        if column == SINCE:
            since = moment(row.updated_at)
            if since is None:
                return ""
            from console.ui import labels

            return labels.duration((self.clock() - since).total_seconds())
        return row.last_error or ""

    def set_rows(self, rows: Sequence[OutboxRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def tick(self) -> None:
        if self.rows:
            top, bottom = self.index(0, SINCE), self.index(len(self.rows) - 1, SINCE)
            self.dataChanged.emit(top, bottom)

    def row_of(self, execution_id: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == execution_id), -1)


def _now() -> datetime:
    from console.ui import labels

    return labels.now()


class ExecutionView(QTableView):
    """A table of executions; Enter or a double-click opens the row's case."""

    opened = Signal(str)  # a case id

    def __init__(self, name: str, accessible: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName(accessible)
        self.doubleClicked.connect(self._open)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self._open(self.currentIndex())
            return
        super().keyPressEvent(event)

    def _open(self, index: QModelIndex | QPersistentModelIndex) -> None:
        row = index.data(OBJECT_ROLE) if index.isValid() else None
        if row is not None:
            self.opened.emit(row.case_id)


class OutboxPanel(QWidget):
    open_case = Signal(str)  # a case id: a row was double-clicked (or Enter pressed)
    loaded = Signal()  # after each load
    counted = Signal(int)  # actions waiting for a person (unknown outcomes + refusals)
    acted = Signal(str)  # after a button's action finished (its name), even a refused one

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.slots = TaskSlots()
        self.text = ExecutionText(self)
        self.setObjectName("outboxPane")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAccessibleName(self.tr("Outbox"))
        self.stale = True  # something changed while hidden
        self.breakers: list[BreakerView] = []

        self.status = plain("", "outboxStatus", self)
        self.status.setAccessibleName(self.tr("Write-back status"))
        self.status.hide()
        self.message = plain("", "outboxMessage", self)
        self.message.setProperty("tone", "neutral")
        self.message.setAccessibleName(self.tr("Outcome of the last action"))
        self.message.hide()

        self.destinations_title = plain(self.tr("Remote systems"), "sectionTitle", self)
        self.destinations = QVBoxLayout()
        self.destinations.setSpacing(4)
        self.destination_rows: list[QLabel] = []
        self.no_destinations = plain(
            self.tr("Nothing has been sent to a remote system yet."), "outboxHint", self
        )

        self.unknown_title = plain("", "sectionTitle", self)
        self.unknown_hint = plain(
            self.tr("Check the remote system, then say whether it was done."), "outboxHint", self
        )
        self.unknown_model = ExecutionModel(self.text, self)
        self.unknown = self._table(
            "outboxUnknown", self.tr("Actions whose outcome is unknown"), self.unknown_model
        )
        self.mark_done = self._button(
            "outboxDone",
            self.tr("Mark done"),
            self.tr("Mark the selected action done"),
            self.tr("You checked the remote system and it was done"),
        )
        self.mark_not_done = self._button(
            "outboxNotDone",
            self.tr("Mark not done"),
            self.tr("Mark the selected action not done"),
            self.tr("You checked the remote system and it was not done; nothing more is sent"),
        )
        self.send_again = self._button(
            "outboxSendAgain",
            self.tr("Send again"),
            self.tr("Send the selected action again"),
            self.tr("Send it again with its original key: it is never done twice"),
        )
        self.mark_done.clicked.connect(lambda: self._settle(True))
        self.mark_not_done.clicked.connect(lambda: self._settle(False))
        self.send_again.clicked.connect(lambda: self._retry(self.unknown, "send_again"))

        self.failed_title = plain("", "sectionTitle", self)
        self.failed_model = ExecutionModel(self.text, self)
        self.failed = self._table(
            "outboxFailed", self.tr("Actions a remote system refused"), self.failed_model
        )
        self.retry = self._button(
            "outboxRetry",
            self.tr("Retry"),
            self.tr("Send the selected refused action again"),
            self.tr("Send it again with its original key (after fixing what was wrong)"),
        )
        self.cancel = self._button(
            "outboxCancel",
            self.tr("Cancel"),
            self.tr("Cancel the selected refused action"),
            self.tr("Give up on it: it will not be sent"),
        )
        self.retry.clicked.connect(lambda: self._retry(self.failed, "retry"))
        self.cancel.clicked.connect(self._cancel)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(6)
        layout.addWidget(self.status)
        layout.addWidget(self.message)
        layout.addWidget(self.destinations_title)
        layout.addLayout(self.destinations)
        layout.addWidget(self.no_destinations)
        layout.addSpacing(4)
        layout.addWidget(self.unknown_title)
        layout.addWidget(self.unknown_hint)
        layout.addWidget(self.unknown, 1)
        layout.addLayout(self._row(self.mark_done, self.mark_not_done, self.send_again))
        layout.addSpacing(4)
        layout.addWidget(self.failed_title)
        layout.addWidget(self.failed, 1)
        layout.addLayout(self._row(self.retry, self.cancel))
        chain: list[QWidget] = [
            self.unknown,
            self.mark_done,
            self.mark_not_done,
            self.send_again,
            self.failed,
            self.retry,
            self.cancel,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(REFRESH_MS)
        self._later.timeout.connect(self.refresh)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        from console.services.bus import ExecutionsChanged

        self._unsubscribe: list[Callable[[], None]] = [
            services.bus.subscribe(ExecutionsChanged, self._changed)
        ]
        self._show_counts()
        self._enable()

    # --- building ---------------------------------------------------------------------------
    def _table(self, name: str, accessible: str, model: ExecutionModel) -> ExecutionView:
        view = ExecutionView(name, accessible, self)
        view.setModel(model)
        configure_list_table(view, ROW_HEIGHT)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.setMinimumHeight(ROW_HEIGHT * 4)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        header = view.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in WIDTHS.items():
            header.resizeSection(column, width)
        view.opened.connect(self.open_case)
        view.selectionModel().selectionChanged.connect(self._enable)
        return view

    def _button(self, name: str, text: str, accessible: str, tip: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.setAccessibleName(accessible)
        button.setToolTip(tip)
        return button

    @staticmethod
    def _row(*buttons: QPushButton) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(6)
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        return row

    # --- life -------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.timer.start()
        if self.stale:
            self.refresh()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.timer.stop()

    def shutdown(self) -> None:
        self.timer.stop()
        self._later.stop()
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe.clear()
        self.slots.cancel_all()

    def _changed(self, _event: object) -> None:
        if self.isVisible():
            # A drain announces every batch: at most one read per REFRESH_MS (the timer
            # is not restarted, so a steady stream of batches still shows).
            if not self._later.isActive():
                self._later.start()
        else:
            self.stale = True

    def refresh(self) -> None:
        self.stale = False
        self.slots.start("outbox.load", self._load())

    async def _load(self) -> None:
        writeback = self.services.writeback
        breakers = await writeback.destinations()
        unknown = await writeback.unknown_outcomes()
        failed = await writeback.failed()
        self.show_status(writeback.running, writeback.status.detail)
        self.show_breakers(breakers)
        for view, model, rows in (
            (self.unknown, self.unknown_model, unknown),
            (self.failed, self.failed_model, failed),
        ):
            chosen = self.selected(view)
            model.set_rows(rows)
            if chosen is not None and (index := model.row_of(chosen.id)) >= 0:
                view.selectRow(index)
        self._show_counts()
        self._enable()
        self.loaded.emit()

    # --- showing ----------------------------------------------------------------------------
    def show_status(self, running: bool, detail: str) -> None:
        text = ""
        if not running:
            text = self.tr("Write-back is not running: approved actions wait here.")
            detail = self._detail(detail)
            text += f"\n{detail}" if detail else ""

        self.status.setText(text)
        self.status.setVisible(bool(text))

    def _detail(self, detail: str) -> str:
        """The write-back service's reason (English, from the core) in the person's language."""
        known = {
            "Write-back has not started.": self.tr("Write-back has not started."),
            "Write-back stopped.": self.tr("Write-back stopped."),
        }
        if detail in known:
            return known[detail]
        prefix = "Write-back could not start: "
        if detail.startswith(prefix):
            return self.tr("Write-back could not start: %1").replace("%1", detail[len(prefix) :])
        return detail

    def show_breakers(self, breakers: Sequence[BreakerView]) -> None:
        self.breakers = sorted(breakers, key=lambda b: (SEVERITY.get(b.state, 2), b.destination))
        while len(self.destination_rows) < len(self.breakers):
            label = plain("", "destinationRow", self)
            label.setProperty("tone", "neutral")
            self.destinations.addWidget(label)
            self.destination_rows.append(label)
        for label, view in zip(self.destination_rows, self.breakers, strict=False):
            text, tone = self.text.breaker(view)
            label.setText(text)
            label.setAccessibleName(text)
            label.setToolTip(self.text.breaker_details(view))
            if label.property("tone") != tone:
                label.setProperty("tone", tone)
                label.style().unpolish(label)
                label.style().polish(label)
            label.show()
        for label in self.destination_rows[len(self.breakers) :]:
            label.hide()
        self.no_destinations.setVisible(not self.breakers)

    def _show_counts(self) -> None:
        unknown, failed = len(self.unknown_model.rows), len(self.failed_model.rows)
        self.unknown_title.setText(self.tr("Outcome unknown (%1)").replace("%1", str(unknown)))
        self.failed_title.setText(self.tr("Refused (%1)").replace("%1", str(failed)))
        self.counted.emit(unknown + failed)

    def say(self, text: str, tone: str = "neutral") -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        if self.message.property("tone") != tone:
            self.message.setProperty("tone", tone)
            self.message.style().unpolish(self.message)
            self.message.style().polish(self.message)

    def selected(self, view: QTableView) -> OutboxRow | None:
        rows = view.selectionModel().selectedRows()
        return rows[0].data(OBJECT_ROLE) if rows else None

    def _enable(self, *_args: object) -> None:
        busy = self.slots.running("outbox.act")
        unknown = self.selected(self.unknown) is not None and not busy
        failed = self.selected(self.failed) is not None and not busy
        for button in (self.mark_done, self.mark_not_done, self.send_again):
            button.setEnabled(unknown)
        for button in (self.retry, self.cancel):
            button.setEnabled(failed)

    def tick(self) -> None:
        """Time moved on: ages change (queues and breakers come with ExecutionsChanged)."""
        writeback = self.services.writeback
        self.show_status(writeback.running, writeback.status.detail)
        self.unknown_model.tick()
        self.failed_model.tick()

    # --- acting -----------------------------------------------------------------------------
    def _settle(self, done: bool) -> None:
        row = self.selected(self.unknown)
        if row is not None:
            by = self.services.principal()
            call = self.services.writeback.settle(row.id, by, done=done)
            self._act("mark_done" if done else "mark_not_done", row, call)

    def _retry(self, view: QTableView, name: str) -> None:
        row = self.selected(view)
        if row is not None:
            self._act(name, row, self.services.writeback.retry(row.id, self.services.principal()))

    def _cancel(self) -> None:
        row = self.selected(self.failed)
        if row is not None:
            self._act(
                "cancel", row, self.services.writeback.cancel(row.id, self.services.principal())
            )

    def _act(self, name: str, row: OutboxRow, call: Coroutine[Any, Any, Any]) -> None:
        self.say("")
        task = self.slots.start("outbox.act", self._run(name, row, call))
        task.add_done_callback(lambda _task: self._enable())
        self._enable()

    async def _run(self, name: str, row: OutboxRow, call: Coroutine[Any, Any, Any]) -> None:
        try:
            changed = await call
        except TandemError as error:  # NotPermitted, NotFound …
            self.say(self.text.refused(error), "danger")
        except Exception as error:  # never a crash, never silent
            log.exception("an outbox action (%s) failed", name)
            self.say(self.text.failed(error), "danger")
        else:
            text, tone = self.text.acted(name, row, bool(changed))
            self.say(f"{row.case_id}: {text}", tone)
        self.refresh()
        self.acted.emit(name)


def install(window: Any) -> QAction:
    """Put the outbox in a dock on the right of ``window`` (hidden at first) and return its
    toggle action ("Outbox", Alt+6, window-wide) for the View menu. A row's case opens
    through ``window.open_case`` when the window has one."""
    panel = OutboxPanel(window.services, window)
    outbox = QCoreApplication.translate("OutboxPanel", "Outbox")
    dock = QDockWidget(outbox, window)
    dock.setObjectName("outboxDock")
    dock.setAccessibleName(outbox)
    dock.setFeatures(
        QDockWidget.DockWidgetFeature.DockWidgetClosable
        | QDockWidget.DockWidgetFeature.DockWidgetMovable
    )
    dock.setWidget(panel)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.restoreDockWidget(dock)  # where a saved layout had it (restored before it existed)
    dock.hide()  # hidden until asked for

    def title(count: int) -> None:
        name = QCoreApplication.translate("OutboxPanel", "Outbox")
        dock.setWindowTitle(f"{name} ({count})" if count else name)

    panel.counted.connect(title)
    action = dock.toggleViewAction()
    action.setChecked(False)  # before the window is shown, Qt does not update it
    action.setObjectName("outboxAction")
    action.setText(QCoreApplication.translate("OutboxPanel", "Outbox"))
    action.setShortcut(QKeySequence(SHORTCUT))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    what = QCoreApplication.translate("OutboxPanel", "Show or hide what write-back is doing")
    action.setToolTip(f"{what} ({SHORTCUT})")
    action.setStatusTip(what)
    window.addAction(action)  # the shortcut works before the View menu lists it

    sized: list[bool] = []

    def shown(on: bool) -> None:
        if on:
            if not sized and not dock.isFloating():  # the first time: room for the tables
                sized.append(True)
                window.resizeDocks([dock], [DOCK_WIDTH], Qt.Orientation.Horizontal)
            dock.raise_()
            panel.unknown.setFocus(Qt.FocusReason.ShortcutFocusReason)

    action.toggled.connect(shown)
    opener = getattr(window, "open_case", None)
    if callable(opener):
        panel.open_case.connect(opener)
    closed = getattr(window, "closed", None)
    if closed is not None:
        closed.connect(panel.shutdown)
    window.outbox = dock  # for tests and the window's own use
    return action


# --- per-session secrets ------------------------------------------------------------------


class SecretDialog(QDialog):
    """Asks for one secret (hidden input) that is kept in memory for this session only."""

    def __init__(self, name: str, why: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("secretDialog")
        self.setWindowTitle(self.tr("Secret needed: %1").replace("%1", name))
        self.setAccessibleName(self.tr("Enter the secret %1").replace("%1", name))
        self.why = plain(why, "dialogScope", self)
        self.note = plain(
            self.tr(
                "This machine has no keyring service; Tandem keeps it in memory for this "
                "session only and never writes it to disk."
            ),
            "outboxHint",
            self,
        )
        self.field = QLineEdit(self)
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setAccessibleName(name)
        self.field.setPlaceholderText(name)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setAccessibleName(self.tr("Use this secret for this session"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Do not enter the secret"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.field.textChanged.connect(lambda text: self.ok.setEnabled(bool(text.strip())))
        self.ok.setEnabled(False)
        label = plain(name, "fieldLabel", self)
        label.setBuddy(self.field)
        layout = QVBoxLayout(self)
        layout.addWidget(self.why)
        layout.addWidget(label)
        layout.addWidget(self.field)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def secret(self) -> str | None:
        value = self.field.text().strip()
        return value or None


def ask_secret(parent: QWidget | None, name: str, why: str) -> str | None:
    """Ask for the secret ``name`` (``why`` says what it is for); None when cancelled.

    Modal: call it from a plain slot, never from a coroutine (a nested loop there stops
    other tasks); from async code, open a :class:`SecretDialog` with ``open()`` instead."""
    dialog = SecretDialog(name, why, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.secret()
    finally:
        dialog.field.clear()
        dialog.deleteLater()


async def ask_secret_async(parent: QWidget | None, name: str, why: str) -> str | None:
    """:func:`ask_secret` for coroutines: the dialog is opened window-modal and awaited."""
    import asyncio

    dialog = SecretDialog(name, why, parent)
    answer: asyncio.Future[str | None] = asyncio.get_running_loop().create_future()

    def finished(code: int) -> None:
        if not answer.done():
            accepted = code == QDialog.DialogCode.Accepted.value
            answer.set_result(dialog.secret() if accepted else None)

    dialog.finished.connect(finished)
    dialog.open()
    try:
        return await answer
    finally:
        dialog.field.clear()
        dialog.deleteLater()
