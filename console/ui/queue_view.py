"""The queue's table view and its delegate: a priority chip and a two-line case cell."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from console.domain.kinds import Priority
from console.services.cases import QueueRow
from console.ui import labels, theme
from console.ui.chips import draw_chip, small_bold
from console.ui.queue_model import (
    COL_CASE,
    COL_CUSTOMER,
    COL_JOURNEY,
    COL_OPENED,
    COL_PRIORITY,
    COL_SLA,
    COL_STATUS,
    OBJECT_ROLE,
)
from console.ui.tables import configure_list_table

ROW_HEIGHT = 46
_PRIORITY_COLORS = {
    Priority.URGENT: ("danger", "danger_bg"),
    Priority.HIGH: ("warning", "warning_bg"),
    Priority.NORMAL: ("system", "system_bg"),
    Priority.LOW: ("text_muted", "surface_alt"),
}


class QueueDelegate(QStyledItemDelegate):
    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        column = index.column()
        if column not in (COL_PRIORITY, COL_CASE):
            super().paint(painter, option, index)
            return
        row: QueueRow = index.data(OBJECT_ROLE)
        self.initStyleOption(option, index)
        option.text = ""
        widget = option.widget
        style = widget.style() if widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        rect = option.rect.adjusted(8, 0, -6, 0)
        if column == COL_PRIORITY:
            small = small_bold(option.font)
            fg, bg = _PRIORITY_COLORS.get(row.priority, ("system", "system_bg"))
            draw_chip(painter, rect, labels.priority(row.priority), fg, bg, small)
            return
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        bold = QFont(option.font)
        bold.setWeight(QFont.Weight.DemiBold)
        top = QRect(rect.left(), rect.top() + 5, rect.width(), rect.height() // 2 - 3)
        bottom = QRect(rect.left(), rect.center().y() + 1, rect.width(), rect.height() // 2 - 5)
        painter.save()
        highlighted = option.palette.color(QPalette.ColorRole.HighlightedText)
        painter.setPen(highlighted if selected else theme.color("text"))
        painter.setFont(bold)
        elide = Qt.TextElideMode.ElideRight
        subject = QFontMetrics(bold).elidedText(row.subject, elide, top.width())
        painter.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, subject)
        painter.setFont(option.font)
        painter.setPen(highlighted if selected else theme.color("text_muted"))
        second = " · ".join(
            (row.customer_name, labels.journey(row.journey), labels.status(row.status))
        )
        second = QFontMetrics(option.font).elidedText(second, elide, bottom.width())
        painter.drawText(bottom, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, second)
        painter.restore()


class QueueView(QTableView):
    """Fixed row height, no vertical header, one row selected at a time."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        configure_list_table(self, ROW_HEIGHT)
        self.setAlternatingRowColors(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self._delegate = QueueDelegate(self)
        self.setItemDelegate(self._delegate)

    def setModel(self, model: Any) -> None:
        super().setModel(model)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setAccessibleName(self.tr("Queue columns"))
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(False)
        for column in (COL_CUSTOMER, COL_JOURNEY, COL_STATUS, COL_OPENED):
            self.setColumnHidden(column, True)
        header.setSectionResizeMode(COL_PRIORITY, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(COL_CASE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_SLA, QHeaderView.ResizeMode.Fixed)
        self.setColumnWidth(COL_PRIORITY, 86)
        self.setColumnWidth(COL_SLA, 132)
