"""A rounded, coloured label painted by delegates (priority, event source)."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter

from console.ui import theme


def draw_chip(painter: QPainter, rect: QRect, text: str, fg: str, bg: str, font: QFont) -> None:
    """``text`` on a pill of theme colours ``fg`` / ``bg``, centred vertically at the left."""
    metrics = QFontMetrics(font)
    width = min(rect.width(), metrics.horizontalAdvance(text) + 14)
    height = metrics.height() + 4
    chip = QRect(rect.left(), rect.center().y() - height // 2 + 1, width, height)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(theme.color(bg))
    painter.drawRoundedRect(chip, height / 2, height / 2)
    painter.setPen(theme.color(fg))
    painter.setFont(font)
    elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width - 8)
    painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, elided)
    painter.restore()


def small_bold(font: QFont) -> QFont:
    """The chip font: one point smaller than the cell's, semi-bold."""
    small = QFont(font)
    small.setPointSizeF(max(7.0, small.pointSizeF() - 1))
    small.setWeight(QFont.Weight.DemiBold)
    return small
