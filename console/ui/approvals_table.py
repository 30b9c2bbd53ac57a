"""The approvals queue's table: one row per step waiting for a supervisor.

:class:`WaitingModel` holds the waiting steps, oldest first, with their age moving on at
each ``tick()`` and a step waiting longer than the approval SLA highlighted;
:class:`WaitingView` opens a row's case on Enter or a double-click. The columns, their
widths and the row height are here too, with :func:`key_of` (a step's key in the queue)
and :func:`amount_text`. The dock that shows them is :mod:`console.ui.approvals`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QTableView, QWidget

from console.ui import labels, theme

if TYPE_CHECKING:
    from console.services.decisions import WaitingStep

SLA = timedelta(minutes=10)  # console.services.decisions.APPROVAL_SLA (read on start)
OBJECT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_HEIGHT = 28

Key = tuple[str, str]  # (proposal id, step id)

AGE, CASE, CUSTOMER, ACTION, AMOUNT, CLAUSE, ASKED_BY, SUMMARY = range(8)
WIDTHS = {AGE: 90, CASE: 110, CUSTOMER: 150, ACTION: 130, AMOUNT: 110, CLAUSE: 300, ASKED_BY: 130}


def key_of(step: WaitingStep) -> Key:
    return (step.proposal_id, step.step.step_id)


def amount_text(step: WaitingStep) -> str:
    amount = getattr(step.step.params, "amount", None)
    return labels.money(amount) if amount is not None else "—"


class WaitingModel(QAbstractTableModel):
    """The waiting steps, oldest first; ``clock`` gives "now" (tests move it)."""

    def __init__(self, name_of: Callable[[str], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[WaitingStep] = []
        self.clock: Callable[[], datetime] = labels.now
        self.sla = SLA
        self._name_of = name_of

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else SUMMARY + 1

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Waiting"),
            self.tr("Case"),
            self.tr("Customer"),
            self.tr("Action"),
            self.tr("Amount"),
            self.tr("Why a supervisor"),
            self.tr("Asked by"),
            self.tr("Plan"),
        )[section]

    def overdue(self, step: WaitingStep) -> bool:
        return step.age(self.clock()) > self.sla

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        step = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(step, column)
        if role == OBJECT_ROLE:
            return step
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(step, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            text = self._text(step, column)
            if column == AGE and self.overdue(step):
                return self.tr("%1, overdue").replace("%1", text)
            return text
        overdue = self.overdue(step)
        if role == Qt.ItemDataRole.BackgroundRole and overdue:
            return theme.color("danger_bg")
        if role == Qt.ItemDataRole.ForegroundRole and overdue and column == AGE:
            return theme.color("danger")
        if role == Qt.ItemDataRole.FontRole and overdue and column == AGE:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (AGE, AMOUNT):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, step: WaitingStep, column: int) -> str:
        if column == AGE:
            return labels.duration(step.age(self.clock()).total_seconds())
        if column == CASE:
            return step.case_id
        if column == CUSTOMER:
            return step.customer_name
        if column == ACTION:
            return labels.action_kind(step.step.action)
        if column == AMOUNT:
            return amount_text(step)
        if column == CLAUSE:
            return step.verdict.clause
        if column == ASKED_BY:
            return self._name_of(step.requested_by)
        return step.proposal_summary

    def _tooltip(self, step: WaitingStep, column: int) -> str:
        if column == AGE:
            text = self.tr("Asked at %1").replace("%1", labels.exact(step.requested_at))
            if self.overdue(step):
                text += "\n" + self.tr("Waiting longer than %1: overdue").replace(
                    "%1", labels.duration(self.sla.total_seconds())
                )
            return text
        if column == CASE:
            return step.case_subject
        if column == CLAUSE:
            return (
                self.tr("%1\n(rule %2, map version %3)")
                .replace("%1", step.verdict.clause)
                .replace("%2", step.verdict.rule_id)
                .replace("%3", str(step.verdict.policy_version))
            )
        return self._text(step, column)

    def set_rows(self, rows: Sequence[WaitingStep]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def tick(self) -> None:
        """Time moved on: ages and highlights change, nothing else."""
        if self.rows:
            last = self.index(len(self.rows) - 1, SUMMARY)
            self.dataChanged.emit(self.index(0, 0), last)

    def row_of(self, key: Key) -> int:
        return next((i for i, step in enumerate(self.rows) if key_of(step) == key), -1)


class WaitingView(QTableView):
    """The queue's table; Enter opens the current row's case (as a double-click does)."""

    opened = Signal(str)  # a case id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doubleClicked.connect(self._open)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self._open(self.currentIndex())
            return
        super().keyPressEvent(event)

    def _open(self, index: QModelIndex) -> None:
        step = index.data(OBJECT_ROLE) if index.isValid() else None
        if step is not None:
            self.opened.emit(step.case_id)
