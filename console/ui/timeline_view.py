"""The timeline's table view: a coloured source chip per event, fixed row height."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from console.services.cases import TimelineRow
from console.ui import labels, theme
from console.ui.chips import draw_chip, small_bold
from console.ui.timeline_model import (
    ACTOR_TOKENS,
    COL_ACTOR,
    COL_SOURCE,
    COL_SUMMARY,
    COL_TIME,
    OBJECT_ROLE,
)

ROW_HEIGHT = 30


class TimelineDelegate(QStyledItemDelegate):
    """Paints the source column as a chip coloured by who acted (customer, agent, AI ...)."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        if index.column() != COL_SOURCE:
            super().paint(painter, option, index)
            return
        row: TimelineRow | None = index.data(OBJECT_ROLE)
        self.initStyleOption(option, index)
        option.text = ""
        widget = option.widget
        if widget is not None:
            style = widget.style()
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        if row is None:
            return
        token = ACTOR_TOKENS.get(row.actor_kind, "system")
        rect = option.rect
        painter.fillRect(rect.left(), rect.top() + 3, 3, rect.height() - 6, theme.color(token))
        font = small_bold(option.font)
        text = labels.source(row.source)
        draw_chip(painter, rect.adjusted(10, 0, -4, 0), text, token, f"{token}_bg", font)


class TimelineView(QTableView):
    """Enter on an event (or a double-click) emits ``open_requested`` with its row."""

    open_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        vertical = self.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(ROW_HEIGHT)
        self._delegate = TimelineDelegate(self)
        self.setItemDelegate(self._delegate)
        self.doubleClicked.connect(lambda index: self.open_requested.emit(index.row()))

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
        self.setColumnWidth(COL_SOURCE, 104)
        self.setColumnWidth(COL_ACTOR, 140)
        self.setColumnWidth(COL_TIME, 96)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_requested.emit(self.currentIndex().row())
            event.accept()
            return
        super().keyPressEvent(event)
