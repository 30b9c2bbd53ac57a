"""A lazy, live table model over one case's timeline.

Unfiltered, row ``r`` is the event with ``seq == r + 1`` (seq is dense from 1) and the row
count is ``timeline_length`` (O(1)). Filtered, a row map (``array('q')`` of the seqs the
filter keeps, 8 bytes an event) maps rows to seqs. Either way rows are read in pages into
a small LRU cache, without payloads, so a case with a million events opens as fast as one
with ten.

Live events: :meth:`note_appended` only records how far the timeline now reaches; a 25 ms
timer turns everything that arrived meanwhile into one ``beginInsertRows`` (never a
reset), and emits ``appended`` with the number of rows inserted.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Iterable
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from console.domain.kinds import ActorKind, EventKind, EventSource
from console.services.cases import CaseService, TimelineRow
from console.ui import labels, theme

PAGE_SIZE = 200
MAX_PAGES = 8
BATCH_MS = 25
SCAN_LIMIT = 5000  # rows a filtered timeline checks per batch; the rest waits a batch
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


def day_label(day: date, today: date) -> str:
    """ "Today", "Yesterday" or a short date such as "Mon 17 Nov" (with the year if older)."""
    delta = (today - day).days
    if delta == 0:
        return QCoreApplication.translate("TimelineModel", "Today")
    if delta == 1:
        return QCoreApplication.translate("TimelineModel", "Yesterday")
    if day.year == today.year:
        pattern = QCoreApplication.translate("TimelineModel", "ddd d MMM")
    else:
        pattern = QCoreApplication.translate("TimelineModel", "ddd d MMM yyyy")
    return QLocale().toString(QDate(day.year, day.month, day.day), pattern)


class TimelineModel(QAbstractTableModel):
    appended = Signal(int)  # rows inserted by one live batch

    def __init__(self, cases: CaseService, parent: Any = None) -> None:
        super().__init__(parent)
        self._cases = cases
        self._case_id: str | None = None
        self._count = 0
        self._latest = 0  # the highest seq this model has taken into account
        self._target = 0  # the highest seq known to exist (live batches catch up to it)
        self._map: array[int] | None = None  # None: unfiltered, row r is seq r + 1
        self._sources: frozenset[EventSource] = frozenset()
        self._kinds: frozenset[EventKind] = frozenset()
        self._pages: OrderedDict[int, dict[int, TimelineRow]] = OrderedDict()
        self.matches: frozenset[int] = frozenset()  # seqs found by a search in the case
        self.terms: tuple[str, ...] = ()
        self.current_match = 0  # seq of the match the agent is on (0: none)
        self.flashing = 0  # seq of an event being revealed (0: none)
        self.page_fetches = 0  # how many pages were read from the store
        self._batch = QTimer(self)
        self._batch.setSingleShot(True)
        self._batch.setInterval(BATCH_MS)
        self._batch.timeout.connect(self.flush)

    # --- what is shown ----------------------------------------------------------------
    @property
    def case_id(self) -> str | None:
        return self._case_id

    @property
    def filtered(self) -> bool:
        return self._map is not None

    @property
    def total(self) -> int:
        """Events the case has (as far as this model knows), whatever the filter."""
        return max(self._target, self._latest)

    @property
    def filters(self) -> tuple[frozenset[EventSource], frozenset[EventKind]]:
        return self._sources, self._kinds

    def set_case(self, case_id: str | None) -> None:
        self.beginResetModel()
        self._batch.stop()
        self._case_id = case_id
        self._pages.clear()
        self._map = None
        self._sources, self._kinds = frozenset(), frozenset()
        self.matches, self.terms, self.current_match, self.flashing = frozenset(), (), 0, 0
        self._count = self._cases.timeline_length(case_id) if case_id else 0
        self._latest = self._target = self._count
        self.endResetModel()

    def set_filter(
        self,
        sources: Iterable[EventSource],
        kinds: Iterable[EventKind],
        seqs: array[int] | None,
        scanned_to: int,
    ) -> None:
        """Show only ``seqs`` (the answer of ``timeline_filter`` for ``sources`` and
        ``kinds``, which saw events up to ``scanned_to``); ``seqs=None`` shows everything."""
        self.beginResetModel()
        self._pages.clear()
        self._sources, self._kinds = frozenset(sources), frozenset(kinds)
        if seqs is None or not (self._sources or self._kinds):
            self._map = None
            self._sources, self._kinds = frozenset(), frozenset()
            self._count = self._latest = max(self._target, scanned_to)
        else:
            self._map = array("q", seqs)
            self._count = len(self._map)
            self._latest = max(scanned_to, self._map[-1] if self._map else 0)
        self.endResetModel()
        if self._target > self._latest:
            self._batch.start()

    # --- live -------------------------------------------------------------------------
    def note_appended(self, last_seq: int) -> None:
        """Events up to ``last_seq`` exist now; they are inserted with the next batch."""
        if self._case_id is None or last_seq <= self._target:
            return
        self._target = last_seq
        if not self._batch.isActive():
            self._batch.start()

    def flush(self) -> None:
        """Insert what arrived since the last batch (one ``beginInsertRows``)."""
        self._batch.stop()
        if self._case_id is None or self._target <= self._latest:
            return
        if self._map is None:
            new: list[int] | range = range(self._latest + 1, self._target + 1)
            self._latest = self._target
        else:
            new = self._scan(self._case_id, min(self._target, self._latest + SCAN_LIMIT))
            if self._target > self._latest:
                self._batch.start()  # a large backlog: the rest with the next batch
        if not new:
            return
        self._pages.pop(self._page_of(self._count - 1), None)  # the last page grows
        start = self._count
        self.beginInsertRows(QModelIndex(), start, start + len(new) - 1)
        if self._map is not None:
            self._map.extend(new)
        self._count += len(new)
        self.endInsertRows()
        self.appended.emit(len(new))

    def _scan(self, case_id: str, upto: int) -> list[int]:
        """Seqs after ``_latest`` up to ``upto`` that pass the filter."""
        kept: list[int] = []
        first = self._latest + 1
        while first <= upto:
            last = min(upto, first + 999)
            for row in self._cases.timeline_page(case_id, first, last):
                if (not self._sources or row.source in self._sources) and (
                    not self._kinds or row.kind in self._kinds
                ):
                    kept.append(row.seq)
            first = last + 1
        self._latest = upto
        return kept

    # --- rows and seqs ----------------------------------------------------------------
    def seq_of(self, row: int) -> int:
        return self._map[row] if self._map is not None else row + 1

    def row_of(self, seq: int) -> int | None:
        """The row showing ``seq``, or None if the filter hides it or it is not in yet."""
        if self._map is None:
            return seq - 1 if 1 <= seq <= self._count else None
        position = bisect_left(self._map, seq)
        return position if position < len(self._map) and self._map[position] == seq else None

    def nearest_row(self, seq: int) -> int:
        """The row of ``seq`` or, if it is hidden, of the first shown event after it."""
        if self._map is None:
            return seq - 1
        return bisect_left(self._map, seq)

    def stop(self) -> None:
        """No more live batches (the window is closing)."""
        self._batch.stop()

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

    @staticmethod
    def _page_of(row: int) -> int:
        return max(row, 0) // PAGE_SIZE

    def row_at(self, row: int) -> TimelineRow | None:
        if self._case_id is None or not 0 <= row < self._count:
            return None
        number = row // PAGE_SIZE
        page = self._pages.get(number)
        if page is None:
            page = self._fetch(self._case_id, number)
        else:
            self._pages.move_to_end(number)
        return page.get(self.seq_of(row))

    def _fetch(self, case_id: str, number: int) -> dict[int, TimelineRow]:
        first = number * PAGE_SIZE
        last = min(self._count, first + PAGE_SIZE) - 1
        if self._map is None:
            rows = self._cases.timeline_page(case_id, first + 1, last + 1)
        else:
            rows = self._cases.timeline_rows(case_id, self._map[first : last + 1].tolist())
        self.page_fetches += 1
        page = {row.seq: row for row in rows}
        self._pages[number] = page
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
        return page

    def day_starts(self, row: int) -> str | None:
        """The day band's text if ``row`` is the first shown event of its (local) day."""
        current = self.row_at(row)
        if current is None:
            return None
        day = current.occurred_at.astimezone().date()
        previous = self.row_at(row - 1) if row > 0 else None
        if previous is not None and previous.occurred_at.astimezone().date() == day:
            return None
        return day_label(day, labels.now().astimezone().date())

    # --- search and reveal ------------------------------------------------------------
    def set_matches(self, seqs: Iterable[int], terms: Iterable[str]) -> None:
        self.matches = frozenset(seqs)
        self.terms = tuple(terms)
        self.current_match = 0
        self.repaint_all()

    def set_flash(self, seq: int) -> None:
        self.flashing = seq
        self.repaint_all()

    def repaint_all(self) -> None:
        if self._count:
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(self._count - 1, COLUMN_COUNT - 1),
                [Qt.ItemDataRole.BackgroundRole],
            )

    # --- data -------------------------------------------------------------------------
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
