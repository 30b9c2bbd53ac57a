"""Small vector glyphs for event sources, drawn with QPainter (no image files, no QtSvg).

Each glyph is drawn into a 16×16 design box and scaled; :func:`pixmap` caches the result
per source, colour, size and device pixel ratio, so a delegate pays for a glyph once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPixmap

from console.domain.kinds import EventSource

Draw = Callable[[QPainter], None]


def _chat(p: QPainter) -> None:
    path = QPainterPath()
    path.addRoundedRect(QRectF(1.5, 2.5, 13, 9), 3, 3)
    p.drawPath(path)
    p.drawPolyline([QPointF(4.5, 11.5), QPointF(4, 14.5), QPointF(7.5, 11.5)])


def _email(p: QPainter) -> None:
    p.drawRoundedRect(QRectF(1.5, 3.5, 13, 9), 1.5, 1.5)
    p.drawPolyline([QPointF(2, 4.5), QPointF(8, 9), QPointF(14, 4.5)])


def _voice(p: QPainter) -> None:
    path = QPainterPath(QPointF(4, 2))
    path.lineTo(6, 2)
    path.lineTo(7, 5.5)
    path.lineTo(5.5, 7)
    path.cubicTo(6.5, 9, 7, 9.5, 9, 10.5)
    path.lineTo(10.5, 9)
    path.lineTo(14, 10)
    path.lineTo(14, 12)
    path.cubicTo(13, 14, 10, 14.5, 6.5, 11.5)
    path.cubicTo(3, 8.5, 1.5, 5, 4, 2)
    p.drawPath(path)


def _sms(p: QPainter) -> None:
    _chat(p)
    for x in (5.0, 8.0, 11.0):
        p.drawPoint(QPointF(x, 7))


def _bot(p: QPainter) -> None:
    p.drawRoundedRect(QRectF(2.5, 5, 11, 8.5), 2, 2)
    p.drawLine(QPointF(8, 5), QPointF(8, 2.5))
    p.drawPoint(QPointF(8, 2))
    p.drawPoint(QPointF(5.5, 8.5))
    p.drawPoint(QPointF(10.5, 8.5))
    p.drawLine(QPointF(6, 11), QPointF(10, 11))


def _person(p: QPainter) -> None:
    p.drawEllipse(QRectF(5, 1.5, 6, 6))
    path = QPainterPath(QPointF(2, 14.5))
    path.cubicTo(2, 10, 5, 9, 8, 9)
    path.cubicTo(11, 9, 14, 10, 14, 14.5)
    p.drawPath(path)


def _ai(p: QPainter) -> None:
    path = QPainterPath(QPointF(7, 1.5))
    path.cubicTo(7.5, 6, 8.5, 7, 12.5, 7.5)
    path.cubicTo(8.5, 8, 7.5, 9, 7, 14)
    path.cubicTo(6.5, 9, 5.5, 8, 1.5, 7.5)
    path.cubicTo(5.5, 7, 6.5, 6, 7, 1.5)
    p.drawPath(path)
    p.drawLine(QPointF(13, 1.5), QPointF(13, 4.5))
    p.drawLine(QPointF(11.5, 3), QPointF(14.5, 3))


def _orders(p: QPainter) -> None:
    p.drawPolygon([QPointF(8, 1.5), QPointF(14.5, 4.5), QPointF(8, 7.5), QPointF(1.5, 4.5)])
    p.drawPolyline([QPointF(1.5, 4.5), QPointF(1.5, 11.5), QPointF(8, 14.5), QPointF(14.5, 11.5)])
    p.drawLine(QPointF(14.5, 4.5), QPointF(14.5, 11.5))
    p.drawLine(QPointF(8, 7.5), QPointF(8, 14.5))


def _payments(p: QPainter) -> None:
    p.drawRoundedRect(QRectF(1.5, 3.5, 13, 9), 1.5, 1.5)
    p.drawLine(QPointF(1.5, 6.5), QPointF(14.5, 6.5))
    p.drawLine(QPointF(3.5, 10), QPointF(7, 10))


def _logistics(p: QPainter) -> None:
    p.drawRect(QRectF(1.5, 4, 8, 7))
    p.drawPolyline([QPointF(9.5, 6.5), QPointF(12.5, 6.5), QPointF(14.5, 9), QPointF(14.5, 11)])
    p.drawLine(QPointF(9.5, 11), QPointF(14.5, 11))
    p.drawEllipse(QRectF(3, 11, 3, 3))
    p.drawEllipse(QRectF(10.5, 11, 3, 3))


def _inventory(p: QPainter) -> None:
    p.drawRect(QRectF(1.5, 8.5, 6, 6))
    p.drawRect(QRectF(8.5, 8.5, 6, 6))
    p.drawRect(QRectF(5, 2, 6, 6.5))


def _tickets(p: QPainter) -> None:
    path = QPainterPath(QPointF(1.5, 4))
    path.lineTo(14.5, 4)
    path.lineTo(14.5, 6.5)
    path.arcTo(QRectF(12.5, 6.5, 3, 3), 90, 180)
    path.lineTo(14.5, 12)
    path.lineTo(1.5, 12)
    path.lineTo(1.5, 9.5)
    path.arcTo(QRectF(0, 6.5, 3, 3), 270, 180)
    path.closeSubpath()
    p.drawPath(path)
    p.drawLine(QPointF(5.5, 5.5), QPointF(5.5, 10.5))


def _tandem(p: QPainter) -> None:
    p.drawEllipse(QRectF(1.5, 4, 8, 8))
    p.drawEllipse(QRectF(6.5, 4, 8, 8))


def _bell(p: QPainter) -> None:
    path = QPainterPath(QPointF(3, 11.5))
    path.cubicTo(4.5, 10, 4, 8, 4, 6.5)
    path.cubicTo(4, 2, 12, 2, 12, 6.5)
    path.cubicTo(12, 8, 11.5, 10, 13, 11.5)
    path.closeSubpath()
    p.drawPath(path)
    p.drawLine(QPointF(6.5, 13.5), QPointF(9.5, 13.5))


_GLYPHS: dict[str, Draw] = {
    EventSource.CHAT.value: _chat,
    EventSource.EMAIL.value: _email,
    EventSource.VOICE.value: _voice,
    EventSource.SMS.value: _sms,
    EventSource.BOT.value: _bot,
    EventSource.AGENT.value: _person,
    EventSource.AI.value: _ai,
    EventSource.ORDERS.value: _orders,
    EventSource.PAYMENTS.value: _payments,
    EventSource.LOGISTICS.value: _logistics,
    EventSource.INVENTORY.value: _inventory,
    EventSource.TICKETS.value: _tickets,
    EventSource.TANDEM.value: _tandem,
    "bell": _bell,
}

_cache: dict[tuple[str, int, int, float], QPixmap] = {}


def draw(painter: QPainter, name: str, rect: QRectF, color: QColor) -> None:
    """Draw glyph ``name`` (a source value or "bell") scaled into ``rect``."""
    glyph = _GLYPHS.get(name, _tandem)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.translate(rect.topLeft())
    painter.scale(rect.width() / 16, rect.height() / 16)
    pen = QPen(color, 1.4)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    glyph(painter)
    painter.restore()


def pixmap(name: str, color: QColor, size: int = 16, ratio: float = 1.0) -> QPixmap:
    """The glyph as a cached transparent pixmap (for delegates, list items and the tray)."""
    key = (name, color.rgba(), size, ratio)
    cached = _cache.get(key)
    if cached is not None:
        return cached
    image = QPixmap(round(size * ratio), round(size * ratio))
    image.setDevicePixelRatio(ratio)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    draw(painter, name, QRectF(0, 0, size, size), color)
    painter.end()
    if len(_cache) > 256:
        _cache.clear()
    _cache[key] = image
    return image
