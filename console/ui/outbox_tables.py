"""The outbox's tables: actions whose outcome is unknown, and actions a remote system refused.

:class:`ExecutionModel` holds outbox rows, oldest first, with their age ("For") moving on
at each ``tick()``; :class:`ExecutionView` opens a row's case on Enter or a double-click;
:func:`execution_table` builds a view with the outbox's columns and row height, and
:func:`button_row` lines up the buttons under it. The outbox panel
(:mod:`console.ui.outbox_panel`) shows two of them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QPushButton, QTableView, QWidget

from console.ui import labels
from console.ui.execution_status import ExecutionText, moment
from console.ui.tables import configure_list_table

if TYPE_CHECKING:
    from console.store.outbox import OutboxRow

ROW_HEIGHT = 26
OBJECT_ROLE = Qt.ItemDataRole.UserRole + 1
CASE, ACTION, DESTINATION, SINCE, ERROR = range(5)
WIDTHS = {CASE: 90, ACTION: 130, DESTINATION: 72, SINCE: 84}


class ExecutionModel(QAbstractTableModel):
    """Outbox rows (unknown outcomes or refusals), oldest first; ``clock`` gives "now"."""

    def __init__(self, text: ExecutionText, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[OutboxRow] = []
        self.text = text
        self.clock: Callable[[], datetime] = labels.now

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


def execution_table(
    name: str, accessible: str, model: ExecutionModel, parent: QWidget | None = None
) -> ExecutionView:
    """A view of ``model`` with the outbox's row height and column widths."""
    view = ExecutionView(name, accessible, parent)
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
    return view


def button_row(*buttons: QPushButton) -> QHBoxLayout:
    """The buttons under a table, from the left."""
    row = QHBoxLayout()
    row.setSpacing(6)
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row
