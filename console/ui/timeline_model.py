"""A lazy table model over one case's timeline.

The row count comes from ``timeline_length`` (O(1)); rows are read by seq range in pages
of ``PAGE_SIZE`` into a small LRU cache, so a case with a million events opens as fast
as one with ten. Row ``r`` is the event with ``seq == r + 1`` (seq is dense from 1).
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from console.domain.kinds import ActorKind
from console.services.cases import CaseService, TimelineRow
from console.ui import labels, theme

PAGE_SIZE = 200
MAX_PAGES = 8
OBJECT_ROLE = Qt.ItemDataRole.UserRole + 2

COL_SOURCE, COL_ACTOR, COL_SUMMARY, COL_TIME = range(4)
COLUMN_COUNT = 4

ACTOR_TOKENS: dict[ActorKind, str] = {
    ActorKind.CUSTOMER: "customer",
    ActorKind.AGENT: "agent",
    ActorKind.SUPERVISOR: "supervisor",
    ActorKind.BOT: "bot",
    ActorKind.AI: "ai",
    ActorKind.SYSTEM: "system",
}

AnyIndex = QModelIndex | QPersistentModelIndex


def _header(section: int) -> str:
    return (
        QCoreApplication.translate("TimelineModel", "Source"),
        QCoreApplication.translate("TimelineModel", "Who"),
        QCoreApplication.translate("TimelineModel", "What happened"),
        QCoreApplication.translate("TimelineModel", "When"),
    )[section]


class TimelineModel(QAbstractTableModel):
    def __init__(self, cases: CaseService, parent: Any = None) -> None:
        super().__init__(parent)
        self._cases = cases
        self._case_id: str | None = None
        self._count = 0
        self._pages: OrderedDict[int, dict[int, TimelineRow]] = OrderedDict()
        self.page_fetches = 0  # how many pages were read from the store

    @property
    def case_id(self) -> str | None:
        return self._case_id

    def set_case(self, case_id: str | None) -> None:
        self.beginResetModel()
        self._case_id = case_id
        self._pages.clear()
        self._count = self._cases.timeline_length(case_id) if case_id else 0
        self.endResetModel()

    def append_to(self, last_seq: int) -> None:
        """Events up to ``last_seq`` exist now: insert the new rows at the bottom."""
        if self._case_id is None or last_seq <= self._count:
            return
        self._pages.pop((self._count - 1) // PAGE_SIZE if self._count else 0, None)
        self.beginInsertRows(QModelIndex(), self._count, last_seq - 1)
        self._count = last_seq
        self.endInsertRows()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < COLUMN_COUNT:
            return _header(section)
        return None

    def row_at(self, row: int) -> TimelineRow | None:
        if self._case_id is None or not 0 <= row < self._count:
            return None
        number = row // PAGE_SIZE
        page = self._pages.get(number)
        if page is None:
            page = self._fetch(self._case_id, number)
        else:
            self._pages.move_to_end(number)
        return page.get(row + 1)

    def _fetch(self, case_id: str, number: int) -> dict[int, TimelineRow]:
        first = number * PAGE_SIZE + 1
        rows = self._cases.timeline_page(case_id, first, first + PAGE_SIZE - 1)
        self.page_fetches += 1
        page = {row.seq: row for row in rows}
        self._pages[number] = page
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
        return page

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole or role == Qt.ItemDataRole.AccessibleTextRole:
            return self._display(row, column)
        if role == OBJECT_ROLE:
            return row
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COL_TIME:
                return labels.exact(row.occurred_at)
            if column == COL_SUMMARY:
                return row.summary
            return f"{labels.actor_kind(row.actor_kind)} · {labels.event_kind(row.kind)}"
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == COL_ACTOR:
                return theme.color(ACTOR_TOKENS.get(row.actor_kind, "text"))
            if column == COL_TIME:
                return theme.color("text_muted")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_TIME:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _display(row: TimelineRow, column: int) -> str:
        if column == COL_SOURCE:
            return labels.source(row.source)
        if column == COL_ACTOR:
            return row.actor_name
        if column == COL_SUMMARY:
            return row.summary
        return labels.ago(row.occurred_at)
