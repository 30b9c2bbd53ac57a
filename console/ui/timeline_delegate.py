"""Paints a timeline row: family accent, source glyph, actor, summary with search hits, time.

Every event family (customer, agent, AI, bot, system) has a left accent colour; customer
messages get a subtle background too. The first event of each local day carries a day
band ("Today", "Yesterday", "Mon 17 Nov") inside its own row, so rows keep one fixed
height (the view never measures rows).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from console.domain.kinds import ActorKind, EventKind
from console.services.cases import TimelineRow
from console.ui import glyphs, labels, theme
from console.ui.timeline_model import (
    ACTOR_TOKENS,
    COL_ACTOR,
    COL_SOURCE,
    COL_SUMMARY,
    COL_TIME,
    TimelineModel,
)

ROW_HEIGHT = 34
BAND = 14  # the day band at the top of a day's first row
ACCENT = 3
ICON = 16

_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_WORD = re.compile(r"[\w\u4e00-\u9fff-]+", re.UNICODE)


def search_terms(text: str) -> list[str]:
    """The words of a search, for highlighting (lower case, longest first)."""
    terms = {w.lower() for w in _WORD.findall(text) if len(w) >= 2 or not w.isascii()}
    return sorted(terms, key=len, reverse=True)


def hit_spans(text: str, terms: tuple[str, ...]) -> list[tuple[int, int]]:
    """(start, end) of every occurrence of the terms in ``text``, case-insensitive, merged."""
    lower = text.lower()
    spans: list[tuple[int, int]] = []
    for term in terms:
        start = lower.find(term)
        while start >= 0:
            spans.append((start, start + len(term)))
            start = lower.find(term, start + len(term))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def family(row: TimelineRow) -> str:
    """The colour token of the event's family."""
    return ACTOR_TOKENS.get(row.actor_kind, "system")


class TimelineDelegate(QStyledItemDelegate):
    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        model = index.model()
        if not isinstance(model, TimelineModel):
            super().paint(painter, option, index)
            return
        row_number, column = index.row(), index.column()
        row = model.row_at(row_number)
        rect = QRect(option.rect)
        painter.save()
        band = model.day_starts(row_number) if row is not None else None
        if band is not None:
            self._band(painter, QRect(rect.left(), rect.top(), rect.width(), BAND), column, band)
            rect.setTop(rect.top() + BAND)
        self._background(painter, option, rect, model, row)
        if row is not None:
            selected = bool(option.state & QStyle.StateFlag.State_Selected)
            text = (
                option.palette.color(QPalette.ColorRole.HighlightedText)
                if selected and option.state & QStyle.StateFlag.State_HasFocus
                else theme.color("text")
            )
            if column == COL_SOURCE:
                self._source(painter, option, rect, row)
            elif column == COL_ACTOR:
                self._actor(painter, option, rect, row)
            elif column == COL_SUMMARY:
                self._summary(painter, option, rect, row, model, text)
            elif column == COL_TIME:
                painter.setPen(theme.color("text_muted"))
                painter.drawText(rect.adjusted(4, 0, -10, 0), _RIGHT, labels.ago(row.occurred_at))
        painter.restore()

    # --- parts ------------------------------------------------------------------------
    @staticmethod
    def _band(painter: QPainter, rect: QRect, column: int, text: str) -> None:
        painter.fillRect(rect, theme.color("surface_alt"))
        painter.setPen(theme.color("border"))
        painter.drawLine(rect.left(), rect.top(), rect.right(), rect.top())
        if column == COL_SOURCE:
            font = QFont(painter.font())
            font.setPixelSize(10)
            font.setWeight(QFont.Weight.DemiBold)
            painter.setFont(font)
            painter.setPen(theme.color("text_muted"))
            painter.drawText(rect.adjusted(ACCENT + 7, 0, 0, 0), _LEFT, text)
            painter.setFont(QFont())

    @staticmethod
    def _background(
        painter: QPainter,
        option: QStyleOptionViewItem,
        rect: QRect,
        model: TimelineModel,
        row: TimelineRow | None,
    ) -> None:
        background: QColor | None = None
        if row is not None:
            if row.seq == model.flashing:
                background = theme.color("warning_bg")
            elif row.seq == model.current_match:
                background = theme.color("highlight_current")
            elif row.seq in model.matches:
                background = theme.color("highlight_row")
            elif row.kind == EventKind.CUSTOMER_MESSAGE or row.actor_kind == ActorKind.CUSTOMER:
                background = theme.color("customer_row")
        if option.state & QStyle.StateFlag.State_Selected:
            focused = option.state & QStyle.StateFlag.State_HasFocus or (
                option.widget is not None and option.widget.hasFocus()
            )
            background = theme.color("selection" if focused else "selection_inactive")
        if background is not None:
            painter.fillRect(rect, background)

    @staticmethod
    def _source(
        painter: QPainter, option: QStyleOptionViewItem, rect: QRect, row: TimelineRow
    ) -> None:
        token = family(row)
        color = theme.color(token)
        painter.fillRect(rect.left(), rect.top() + 2, ACCENT, rect.height() - 4, color)
        ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
        icon = glyphs.pixmap(row.source.value, color, ICON, ratio)
        top = rect.center().y() - ICON // 2 + 1
        painter.drawPixmap(rect.left() + 10, top, icon)
        font = QFont(option.font)
        font.setPointSizeF(max(7.0, font.pointSizeF() - 1))
        painter.setFont(font)
        painter.setPen(theme.color("text_muted"))
        text_rect = rect.adjusted(10 + ICON + 6, 0, -2, 0)
        text = QFontMetrics(font).elidedText(
            labels.source(row.source), Qt.TextElideMode.ElideRight, text_rect.width()
        )
        painter.drawText(text_rect, _LEFT, text)

    @staticmethod
    def _actor(
        painter: QPainter, option: QStyleOptionViewItem, rect: QRect, row: TimelineRow
    ) -> None:
        font = QFont(option.font)
        font.setWeight(QFont.Weight.DemiBold)
        painter.setFont(font)
        painter.setPen(theme.color(family(row)))
        area = rect.adjusted(6, 0, -4, 0)
        elide = Qt.TextElideMode.ElideRight
        text = QFontMetrics(font).elidedText(row.actor_name, elide, area.width())
        painter.drawText(area, _LEFT, text)

    @staticmethod
    def _summary(
        painter: QPainter,
        option: QStyleOptionViewItem,
        rect: QRect,
        row: TimelineRow,
        model: TimelineModel,
        pen: QColor,
    ) -> None:
        font = option.font
        metrics = QFontMetrics(font)
        area = rect.adjusted(6, 0, -6, 0)
        text = metrics.elidedText(row.summary, Qt.TextElideMode.ElideRight, area.width())
        if model.terms and row.seq in model.matches:
            height = metrics.height()
            top = area.center().y() - height / 2 + 1
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(theme.color("highlight_term"))
            for start, end in hit_spans(text, model.terms):
                left = area.left() + metrics.horizontalAdvance(text[:start])
                width = metrics.horizontalAdvance(text[start:end])
                painter.drawRoundedRect(QRectF(left - 1, top, width + 2, height), 2, 2)
        painter.setFont(font)
        painter.setPen(pen)
        painter.drawText(area, _LEFT, text)
