"""The queue as a table model, and the proxy that sorts and filters it.

The model holds the service's ``QueueRow`` objects. ``SORT_ROLE`` gives native values
(priority as an int, times as datetimes) and ``OBJECT_ROLE`` the row itself. ``merge``
applies a fresh answer from the service as row inserts, removals and changes, so a
single changed case never resets the view.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDateTime,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimeZone,
)

from console.domain.kinds import CaseStatus, Journey
from console.services.cases import QueueOrder, QueueRow
from console.ui import labels, theme

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
OBJECT_ROLE = Qt.ItemDataRole.UserRole + 2

COL_PRIORITY, COL_CASE, COL_CUSTOMER, COL_JOURNEY, COL_STATUS, COL_SLA, COL_OPENED = range(7)
COLUMN_COUNT = 7

AnyIndex = QModelIndex | QPersistentModelIndex
_UTC = QTimeZone.utc()


def _header(section: int) -> str:
    return (
        QCoreApplication.translate("QueueModel", "Priority"),
        QCoreApplication.translate("QueueModel", "Case"),
        QCoreApplication.translate("QueueModel", "Customer"),
        QCoreApplication.translate("QueueModel", "Journey"),
        QCoreApplication.translate("QueueModel", "Status"),
        QCoreApplication.translate("QueueModel", "SLA"),
        QCoreApplication.translate("QueueModel", "Opened"),
    )[section]


def _qt_time(when: datetime) -> QDateTime:
    return QDateTime.fromMSecsSinceEpoch(int(when.timestamp() * 1000), _UTC)


class QueueModel(QAbstractTableModel):
    def __init__(self, rows: Sequence[QueueRow] = (), parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[QueueRow] = list(rows)
        self._index: dict[str, int] = {row.case_id: i for i, row in enumerate(self._rows)}

    # --- reading ---------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def row_at(self, row: int) -> QueueRow:
        return self._rows[row]

    def row_of(self, case_id: str) -> int | None:
        return self._index.get(case_id)

    def case_ids(self) -> list[str]:
        return [row.case_id for row in self._rows]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < COLUMN_COUNT:
            return _header(section)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SORT_ROLE:
            return self._sort_value(row, column)
        if role == OBJECT_ROLE:
            return row
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_SLA:
            if not row.status.is_active:  # a resolved or closed case has no SLA to meet
                return theme.color("text_muted")
            return theme.color("danger" if labels.is_overdue(row.sla_due_at) else "text")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._display(row, column)
        return None

    @staticmethod
    def _display(row: QueueRow, column: int) -> str:
        if column == COL_PRIORITY:
            return labels.priority(row.priority)
        if column == COL_CASE:
            return row.subject
        if column == COL_CUSTOMER:
            return row.customer_name
        if column == COL_JOURNEY:
            return labels.journey(row.journey)
        if column == COL_STATUS:
            return labels.status(row.status)
        if column == COL_SLA:
            return labels.sla(row.sla_due_at) if row.status.is_active else labels.status(row.status)
        return labels.ago(row.opened_at)

    @staticmethod
    def _sort_value(row: QueueRow, column: int) -> Any:
        # Qt compares these natively (a Python datetime would reach it as an opaque object).
        if column == COL_PRIORITY:
            return int(row.priority)
        if column == COL_SLA:
            return _qt_time(row.sla_due_at)
        if column == COL_OPENED:
            return _qt_time(row.opened_at)
        return (row.subject, row.customer_name, row.journey.value, row.status.value)[column - 1]

    @staticmethod
    def _tooltip(row: QueueRow, column: int) -> str:
        if column == COL_SLA:
            return QCoreApplication.translate("QueueModel", "Due %1").replace(
                "%1", labels.exact(row.sla_due_at)
            )
        if column == COL_OPENED:
            return QCoreApplication.translate("QueueModel", "Opened %1").replace(
                "%1", labels.exact(row.opened_at)
            )
        if column == COL_CASE:
            return f"{row.subject}\n{row.customer_name} · {labels.journey(row.journey)}"
        return QueueModel._display(row, column)

    # --- changing --------------------------------------------------------------------
    def set_rows(self, rows: Iterable[QueueRow]) -> None:
        """Replace everything (a new search or a new order)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._reindex()
        self.endResetModel()

    def merge(self, rows: Sequence[QueueRow]) -> None:
        """Bring the model to ``rows`` with removals, changes and inserts, never a reset."""
        fresh = {row.case_id: row for row in rows}
        for position in range(len(self._rows) - 1, -1, -1):
            if self._rows[position].case_id not in fresh:
                self.beginRemoveRows(QModelIndex(), position, position)
                del self._rows[position]
                self.endRemoveRows()
        self._reindex()
        last_column = COLUMN_COUNT - 1
        for position, old in enumerate(self._rows):
            new = fresh[old.case_id]
            if new != old:
                self._rows[position] = new
                self.dataChanged.emit(self.index(position, 0), self.index(position, last_column))
        added = [row for row in rows if row.case_id not in self._index]
        if added:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(added) - 1)
            self._rows.extend(added)
            self._reindex()
            self.endInsertRows()

    def apply(self, case_ids: Iterable[str], rows: Sequence[QueueRow]) -> None:
        """A cheap refresh of ``case_ids``: ``rows`` are those still in the queue (changed
        or new); an id without a row has left it. Row by row, never a reset."""
        fresh = {row.case_id: row for row in rows}
        gone = sorted(
            (self._index[i] for i in set(case_ids) if i not in fresh and i in self._index),
            reverse=True,
        )
        for position in gone:
            self.beginRemoveRows(QModelIndex(), position, position)
            del self._rows[position]
            self.endRemoveRows()
        if gone:
            self._reindex()
        last_column = COLUMN_COUNT - 1
        added: list[QueueRow] = []
        for case_id, row in fresh.items():
            position = self._index.get(case_id)
            if position is None:
                added.append(row)
            elif self._rows[position] != row:
                self._rows[position] = row
                self.dataChanged.emit(self.index(position, 0), self.index(position, last_column))
        if added:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(added) - 1)
            self._rows.extend(added)
            self._reindex()
            self.endInsertRows()

    def refresh_times(self) -> None:
        """Countdowns moved on: repaint the SLA and age columns."""
        if self._rows:
            bottom = len(self._rows) - 1
            self.dataChanged.emit(
                self.index(0, COL_SLA),
                self.index(bottom, COL_OPENED),
                [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole],
            )

    def _reindex(self) -> None:
        self._index = {row.case_id: i for i, row in enumerate(self._rows)}


SORTS: dict[QueueOrder, tuple[int, Qt.SortOrder]] = {
    QueueOrder.SLA: (COL_SLA, Qt.SortOrder.AscendingOrder),
    QueueOrder.PRIORITY: (COL_PRIORITY, Qt.SortOrder.DescendingOrder),
    QueueOrder.AGE: (COL_OPENED, Qt.SortOrder.AscendingOrder),
}


class QueueProxy(QSortFilterProxyModel):
    """Sorts by SLA, priority or age and keeps only the chosen journeys and statuses."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._journeys: frozenset[Journey] = frozenset()
        self._statuses: frozenset[CaseStatus] = frozenset()
        self.setSortRole(SORT_ROLE)

    def set_order(self, order: QueueOrder) -> None:
        column, direction = SORTS[order]
        self.sort(column, direction)

    def set_filters(
        self,
        journeys: frozenset[Journey] = frozenset(),
        statuses: frozenset[CaseStatus] = frozenset(),
    ) -> None:
        if (journeys, statuses) == (self._journeys, self._statuses):
            return
        self.beginFilterChange()
        self._journeys, self._statuses = journeys, statuses
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if not (self._journeys or self._statuses):
            return True
        model = self.sourceModel()
        assert isinstance(model, QueueModel)
        row = model.row_at(source_row)
        if self._journeys and row.journey not in self._journeys:
            return False
        return not (self._statuses and row.status not in self._statuses)
