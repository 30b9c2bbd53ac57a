"""The timeline's table view: fixed row height, follows the tail only from the bottom.

When new events arrive while the agent reads further up, the reading position stays
exactly where it is and an "N new ↓" pill appears over the bottom of the view; clicking
it (or End) jumps to the newest event and clears it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QPushButton, QTableView, QWidget

from console.ui.tables import configure_list_table
from console.ui.timeline_delegate import ROW_HEIGHT, TimelineDelegate
from console.ui.timeline_model import COL_ACTOR, COL_SOURCE, COL_SUMMARY, COL_TIME


class TimelineView(QTableView):
    """Enter on an event (or a double-click) emits ``open_requested`` with its row."""

    open_requested = Signal(int)
    new_count_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        configure_list_table(self, ROW_HEIGHT)
        self._delegate = TimelineDelegate(self)
        self.setItemDelegate(self._delegate)
        self.doubleClicked.connect(lambda index: self.open_requested.emit(index.row()))
        self.new_rows = 0  # rows that arrived below while the agent read further up
        self._follow = True
        self.pill = QPushButton("", self, objectName="newPill")
        self.pill.setCursor(Qt.CursorShape.PointingHandCursor)
        self.pill.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pill.setAccessibleName(self.tr("Jump to the newest events"))
        self.pill.clicked.connect(self.jump_to_newest)
        self.pill.hide()
        self.verticalScrollBar().valueChanged.connect(self._scrolled)

    def setModel(self, model: Any) -> None:
        super().setModel(model)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setAccessibleName(self.tr("Timeline columns"))
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # Never ResizeToContents: it would read every row of a lazy model.
        header.setSectionResizeMode(COL_SOURCE, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(COL_ACTOR, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_SUMMARY, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_TIME, QHeaderView.ResizeMode.Fixed)
        self.setColumnWidth(COL_SOURCE, 112)
        self.setColumnWidth(COL_ACTOR, 140)
        self.setColumnWidth(COL_TIME, 96)
        model.rowsAboutToBeInserted.connect(self._before_insert)
        model.rowsInserted.connect(self._inserted)
        model.modelReset.connect(self._reset)

    # --- following the tail -------------------------------------------------------------
    def at_bottom(self) -> bool:
        bar = self.verticalScrollBar()
        return bar.value() >= bar.maximum()

    def _before_insert(self, _parent: QModelIndex, _first: int, _last: int) -> None:
        self._follow = self.at_bottom()

    def _inserted(self, _parent: QModelIndex, first: int, last: int) -> None:
        if self._follow:
            self.updateGeometries()
            self.scrollToBottom()
        else:
            self._set_new(self.new_rows + last - first + 1)

    def _reset(self) -> None:
        self._set_new(0)

    def _scrolled(self, _value: int) -> None:
        if self.new_rows and self.at_bottom():
            self._set_new(0)

    def _set_new(self, count: int) -> None:
        if count == self.new_rows:
            return
        self.new_rows = count
        if count:
            self.pill.setText(self.tr("%1 new ↓").replace("%1", f"{count:,}"))
            self.pill.adjustSize()
            self._place_pill()
            self.pill.show()
            self.pill.raise_()
        else:
            self.pill.hide()
        self.new_count_changed.emit(count)

    def _place_pill(self) -> None:
        viewport = self.viewport().geometry()
        size = self.pill.sizeHint()
        self.pill.setGeometry(
            viewport.center().x() - size.width() // 2,
            viewport.bottom() - size.height() - 10,
            size.width(),
            size.height(),
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.pill.isVisible():
            self._place_pill()

    def jump_to_newest(self) -> None:
        self.select_row(self.model().rowCount() - 1)
        self.scrollToBottom()
        self._set_new(0)

    def select_row(self, row: int, *, center: bool = False) -> None:
        model = self.model()
        if model is None or not 0 <= row < model.rowCount():
            return
        index = model.index(row, COL_SUMMARY)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.selectionModel().setCurrentIndex(index, flags)
        hint = (
            QAbstractItemView.ScrollHint.PositionAtCenter
            if center
            else QAbstractItemView.ScrollHint.EnsureVisible
        )
        self.scrollTo(index, hint)

    # --- keys -----------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_requested.emit(self.currentIndex().row())
            event.accept()
            return
        if key == Qt.Key.Key_End:
            self.jump_to_newest()
            event.accept()
            return
        if key == Qt.Key.Key_Home:
            self.select_row(0)
            event.accept()
            return
        super().keyPressEvent(event)
