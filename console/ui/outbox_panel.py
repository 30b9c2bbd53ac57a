"""The outbox: what write-back is doing, for the person who has to look.

A panel for a dock on the right (View → Outbox, Alt+6; :func:`install` puts it in the
window) with, from the top: why write-back is not running (when it is not); one line per
remote system with its breaker in words and colour ("Refunds down since 10:42 — 37
queued"); the actions whose outcome is unknown, which a person settles after checking the
remote system (Mark done / Mark not done / Send again); and the actions a remote system
refused (Retry / Cancel). Enter or a double-click on a row opens its case.

It follows ``ExecutionsChanged`` while shown, and re-reads every few seconds so that ages
and queues move on. Its tables (:mod:`.outbox_tables`), its dock (:mod:`.outbox_dock`) and
:func:`ask_secret`, for a credential kept for this session only (:mod:`.secret_dialog`),
live beside it; their names are importable from here too.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Coroutine, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from console.domain.errors import TandemError
from console.ui.execution_status import ExecutionText
from console.ui.outbox_dock import DOCK_WIDTH, SHORTCUT, install
from console.ui.outbox_tables import (
    ACTION,
    CASE,
    DESTINATION,
    ERROR,
    OBJECT_ROLE,
    ROW_HEIGHT,
    SINCE,
    WIDTHS,
    ExecutionModel,
    ExecutionView,
    button_row,
    execution_table,
)
from console.ui.proposal_steps import plain
from console.ui.secret_dialog import SecretDialog, ask_secret, ask_secret_async
from console.ui.tasks import TaskSlots

if TYPE_CHECKING:
    from console.services import Services
    from console.services.dispatcher import BreakerView
    from console.store.outbox import OutboxRow

__all__ = [
    "ACTION",
    "CASE",
    "DESTINATION",
    "DOCK_WIDTH",
    "ERROR",
    "OBJECT_ROLE",
    "REFRESH_MS",
    "ROW_HEIGHT",
    "SEVERITY",
    "SHORTCUT",
    "SINCE",
    "TICK_MS",
    "WIDTHS",
    "ExecutionModel",
    "ExecutionView",
    "OutboxPanel",
    "SecretDialog",
    "ask_secret",
    "ask_secret_async",
    "install",
]

log = logging.getLogger(__name__)

TICK_MS = 5_000
REFRESH_MS = 250  # after ExecutionsChanged
SEVERITY = {"open": 0, "half_open": 1}  # systems that are down come first


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
        layout.addLayout(button_row(self.mark_done, self.mark_not_done, self.send_again))
        layout.addSpacing(4)
        layout.addWidget(self.failed_title)
        layout.addWidget(self.failed, 1)
        layout.addLayout(button_row(self.retry, self.cancel))
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
        view = execution_table(name, accessible, model, self)
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
            line = self.tr("%1: %2")  # the language's colon (Chinese: full width)
            self.say(line.replace("%1", row.case_id).replace("%2", text), tone)
        self.refresh()
        self.acted.emit(name)
