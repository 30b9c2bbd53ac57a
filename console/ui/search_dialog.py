"""Go → Search all cases (Ctrl+K): every case in the store, active or not, by its words.

A non-modal dialog over the window: a search field (throttled; a new lookup cancels the
stale one through the window's task slots), a "Best match / Newest first" toggle and a list
of hits painted by a delegate — the subject, the customer and the case id, then the
matching snippet with the searched words highlighted. The model holds plain text only; it
is never interpreted as HTML. The arrow keys move in the list while the field keeps the
focus; Enter or a double-click opens the case in the window; Esc closes.

Loaded on first use, not before the first paint.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from console.services.cases import SearchHit
from console.ui import theme
from console.ui.tasks import Throttle
from console.ui.timeline_delegate import hit_spans, search_terms

if TYPE_CHECKING:
    from console.ui.main_window import MainWindow

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_SLOT = "search.all"
SEARCH_DELAY_MS = 200
LIMIT = 50
ROW_HEIGHT = 52
_MOVES = {
    Qt.Key.Key_Up,
    Qt.Key.Key_Down,
    Qt.Key.Key_PageUp,
    Qt.Key.Key_PageDown,
}

AnyIndex = QModelIndex | QPersistentModelIndex


class SearchHitModel(QAbstractListModel):
    """The hits of one search, in the service's order, and the words to highlight."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: list[SearchHit] = []
        self.terms: tuple[str, ...] = ()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def hit_at(self, row: int) -> SearchHit:
        return self._hits[row]

    def set_hits(self, hits: Sequence[SearchHit], text: str) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.terms = tuple(search_terms(text))
        self.endResetModel()

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{hit.subject} · {hit.customer_name} · {hit.case_id}"
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            return hit.snippet
        if role == HIT_ROLE:
            return hit
        return None


class SearchHitDelegate(QStyledItemDelegate):
    """Two lines: subject · customer · case id, then the snippet with highlighted words."""

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        return QSize(option.rect.width(), ROW_HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        hit = index.data(HIT_ROLE)
        model = index.model()
        if not isinstance(hit, SearchHit):
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        option.text = ""
        widget = option.widget
        if widget is not None:
            widget.style().drawControl(
                QStyle.ControlElement.CE_ItemViewItem, option, painter, widget
            )
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        highlighted = option.palette.color(QPalette.ColorRole.HighlightedText)
        rect = option.rect.adjusted(10, 0, -10, 0)
        half = rect.height() // 2
        top = QRect(rect.left(), rect.top() + 4, rect.width(), half - 4)
        bottom = QRect(rect.left(), rect.top() + half, rect.width(), half - 4)
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        elide = Qt.TextElideMode.ElideRight
        painter.save()
        bold = QFont(option.font)
        bold.setWeight(QFont.Weight.DemiBold)
        bold_metrics = QFontMetrics(bold)
        plain = QFontMetrics(option.font)
        tail = f"  ·  {hit.customer_name}  ·  {hit.case_id}"
        tail_width = min(plain.horizontalAdvance(tail), top.width() // 2)
        subject = bold_metrics.elidedText(hit.subject, elide, top.width() - tail_width)
        painter.setFont(bold)
        painter.setPen(highlighted if selected else theme.color("text"))
        painter.drawText(top, left, subject)
        after = QRect(top)
        after.setLeft(top.left() + bold_metrics.horizontalAdvance(subject))
        painter.setFont(option.font)
        painter.setPen(highlighted if selected else theme.color("text_muted"))
        painter.drawText(after, left, plain.elidedText(tail, elide, after.width()))
        snippet = plain.elidedText(" ".join(hit.snippet.split()), elide, bottom.width())
        terms = model.terms if isinstance(model, SearchHitModel) else ()
        if terms:
            height = plain.height()
            y = bottom.center().y() - height / 2 + 1
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(theme.color("highlight_term"))
            for start, end in hit_spans(snippet, terms):
                x = bottom.left() + plain.horizontalAdvance(snippet[:start])
                width = plain.horizontalAdvance(snippet[start:end])
                painter.drawRoundedRect(QRectF(x - 1, y, width + 2, height), 2, 2)
        painter.setPen(highlighted if selected else theme.color("text"))
        painter.drawText(bottom, left, snippet)
        painter.restore()


class SearchDialog(QDialog):
    """Emits ``searched`` with the number of hits each time a search's answer is shown."""

    searched = Signal(int)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.setObjectName("searchDialog")
        self.setModal(False)
        self.setWindowTitle(self.tr("Search all cases"))
        self.setAccessibleName(self.tr("Search all cases"))
        self._asked: tuple[str, bool] | None = None

        self.field = QLineEdit(self, objectName="searchAllField")
        self.field.setPlaceholderText(self.tr("Words, an order id, 中文…"))
        self.field.setClearButtonEnabled(True)
        self.field.setAccessibleName(self.tr("Search all cases"))
        self.best = QToolButton(self, objectName="segment")
        self.best.setText(self.tr("Best match"))
        self.best.setAccessibleName(self.tr("Order by best match"))
        self.newest = QToolButton(self, objectName="segment")
        self.newest.setText(self.tr("Newest first"))
        self.newest.setAccessibleName(self.tr("Order by newest match"))
        self.order = QButtonGroup(self)
        for button in (self.best, self.newest):
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            self.order.addButton(button)
        self.best.setChecked(True)

        self.model = SearchHitModel(self)
        self.list = QListView(self, objectName="searchHits")
        self.list.setModel(self.model)
        self.list.setItemDelegate(SearchHitDelegate(self.list))
        self.list.setUniformItemSizes(True)
        self.list.setAccessibleName(self.tr("Matching cases"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.empty = QLabel("", self, objectName="emptyTitle")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = QLabel(self.tip(), self, objectName="emptyState")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        self.count = QLabel("", self, objectName="fieldLabel")

        top = QHBoxLayout()
        top.setSpacing(6)
        top.addWidget(self.field, 1)
        top.addWidget(self.best)
        top.addWidget(self.newest)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 10)
        layout.setSpacing(8)
        self.placeholder = QWidget(self)  # in the list's place while there is no hit
        middle = QVBoxLayout(self.placeholder)
        middle.setContentsMargins(40, 0, 40, 40)
        middle.setSpacing(6)
        middle.addStretch(1)
        middle.addWidget(self.empty)
        middle.addWidget(self.hint)
        middle.addStretch(1)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.placeholder, 1)
        layout.addWidget(self.count)
        self._show_state()

        self._throttle = Throttle(SEARCH_DELAY_MS, self._start, self)
        self.field.textChanged.connect(lambda _text: self._throttle())
        self.field.returnPressed.connect(self.open_current)
        self.field.installEventFilter(self)
        self.order.buttonToggled.connect(lambda _button, on: on and self._start())
        self.list.activated.connect(self._open_index)
        self.list.doubleClicked.connect(self._open_index)
        self.resize(680, 460)

    def tip(self) -> str:
        return self.tr(
            "Finds English words and word beginnings of 3 letters or more, order ids such "
            "as ORD-10023, and Chinese words of 2 characters or more — in resolved and "
            "closed cases too."
        )

    # --- searching ----------------------------------------------------------------------
    @property
    def ranked(self) -> bool:
        return self.best.isChecked()

    def search(self, text: str) -> None:
        """Search ``text`` now (as if typed, without waiting for the throttle)."""
        self.field.setText(text)
        self._throttle.cancel()
        self._start()

    def _start(self) -> None:
        text = self.field.text().strip()
        if not text:
            self._window.slots.cancel(SEARCH_SLOT)
            self._asked = None
            self.model.set_hits([], "")
            self._show_state()
            return
        self._asked = (text, self.ranked)
        self._window.slots.start(SEARCH_SLOT, self._search(text, self.ranked))

    async def _search(self, text: str, ranked: bool) -> None:
        hits = await self._window.services.cases.search(text, limit=LIMIT, ranked=ranked)
        if self._asked != (text, ranked):
            return  # a newer search is on its way
        self.model.set_hits(hits, text)
        if hits:
            self.list.setCurrentIndex(self.model.index(0, 0))
        self._show_state()
        self.searched.emit(len(hits))

    def _show_state(self) -> None:
        rows = self.model.rowCount()
        asked = self._asked is not None
        self.list.setVisible(rows > 0)
        self.placeholder.setVisible(rows == 0)
        self.empty.setText(self.tr("No case matches") if asked else self.tr("Search every case"))
        if rows == 1:
            self.count.setText(self.tr("1 case"))
        elif rows >= LIMIT:
            self.count.setText(self.tr("The first %1 cases").replace("%1", str(rows)))
        else:
            self.count.setText(self.tr("%1 cases").replace("%1", str(rows)) if rows else "")

    # --- opening ------------------------------------------------------------------------
    def open_current(self) -> None:
        self._throttle.flush()
        index = self.list.currentIndex()
        if index.isValid() and self.model.rowCount():
            self._open_index(index)

    def _open_index(self, index: QModelIndex) -> None:
        hit = index.data(HIT_ROLE)
        if isinstance(hit, SearchHit):
            self._window.open_case(hit.case_id)
            self.close()

    # --- keyboard -----------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.field
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _MOVES
            and self.model.rowCount()
        ):
            self.list.keyPressEvent(event)  # moves the current hit; the field keeps focus
            return True
        return super().eventFilter(watched, event)

    def present(self) -> None:
        """Show over the window's queue, the field focused with its text selected."""
        if not self.isVisible():
            parent = self._window.geometry()
            x = parent.left() + max(0, (parent.width() - self.width()) // 2)
            self.move(x, parent.top() + 80)
        self.show()
        self.activateWindow()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def done(self, result: int) -> None:
        self._throttle.cancel()
        self._window.slots.cancel(SEARCH_SLOT)
        super().done(result)


def present(window: MainWindow) -> SearchDialog:
    """The window's search dialog (made on first use), shown and focused."""
    dialog = getattr(window, "search_dialog", None)
    if not isinstance(dialog, SearchDialog):
        dialog = SearchDialog(window)
        window.search_dialog = dialog
    dialog.present()
    return dialog
