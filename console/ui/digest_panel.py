""" "What the customer already told us": the digest's statements, newest first.

Each statement shows its channel's glyph and when it was said; "repeated 3×" says the
customer has had to say it again. Activating a statement (click, Enter) emits
``statement_chosen`` with its seq so that the window reveals it in the timeline.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from console.ui import glyphs, labels, theme

if TYPE_CHECKING:
    from console.services.digest import CaseDigest

SEQ_ROLE = Qt.ItemDataRole.UserRole + 1
ROWS_SHOWN = 3  # the rest scrolls: the proposal below needs the room


class DigestPanel(QWidget):
    statement_chosen = Signal(int)  # seq of the statement's event

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAccessibleName(self.tr("What the customer already told us"))
        self.toggle = QToolButton(self, objectName="digestToggle")
        self.toggle.setCheckable(True)
        self.toggle.setChecked(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toggle.setAccessibleName(self.tr("Show or hide what the customer already told us"))
        self.toggle.toggled.connect(self._toggled)
        self.facts = QLabel("", self, objectName="digestFacts")
        self.facts.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("digestList")
        self.list.setAccessibleName(self.tr("The customer's statements"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setUniformItemSizes(True)
        self.list.itemActivated.connect(self._chosen)
        self.list.itemClicked.connect(self._chosen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 8)
        layout.setSpacing(4)
        layout.addWidget(self.toggle)
        layout.addWidget(self.facts)
        layout.addWidget(self.list)
        self.digest: CaseDigest | None = None
        self.show_waiting()

    # --- states -----------------------------------------------------------------------
    def _title(self, count: int | None) -> None:
        arrow = "▾" if self.toggle.isChecked() else "▸"
        title = self.tr("What the customer already told us")
        self.toggle.setText(f"{arrow}  {title}" + (f" ({count})" if count else ""))

    def _toggled(self, on: bool) -> None:
        self.list.setVisible(on and self.list.count() > 0)
        self.facts.setVisible(on)
        self._title(len(self.digest.statements) if self.digest else None)

    def show_waiting(self) -> None:
        self.digest = None
        self.list.clear()
        self.list.hide()
        self._title(None)
        self.facts.setText(self.tr("Open a case to see what the customer has told us."))

    def show_reading(self) -> None:
        self.digest = None
        self.list.clear()
        self.list.hide()
        self._title(None)
        self.facts.setText(self.tr("Reading the case…"))

    def show_unavailable(self) -> None:
        self.digest = None
        self.list.clear()
        self.list.hide()
        self._title(None)
        self.facts.setText(self.tr("The case digest is not available in this version."))

    def show_digest(self, digest: CaseDigest) -> None:
        self.digest = digest
        self._title(len(digest.statements))
        self.facts.setText(self._facts(digest))
        self.list.clear()
        ratio = self.devicePixelRatioF()
        for statement in sorted(digest.statements, key=lambda s: s.seq, reverse=True):
            token = "customer"
            icon = QIcon(glyphs.pixmap(statement.source.value, theme.color(token), 16, ratio))
            text = f"{labels.ago(statement.occurred_at)} · {statement.text}"
            if statement.repeats:
                text += "  " + self.tr("(repeated %1×)").replace("%1", str(statement.repeats + 1))
            item = QListWidgetItem(icon, text)
            item.setData(SEQ_ROLE, statement.seq)
            item.setToolTip(
                f"{statement.text}\n{labels.source(statement.source)} · "
                f"{labels.exact(statement.occurred_at)}\n"
                + self.tr("Enter or click: show it in the timeline")
            )
            self.list.addItem(item)
        shown = min(ROWS_SHOWN, self.list.count())
        row_height = max(self.list.sizeHintForRow(0), 18) if shown else 0
        frame = 2 * self.list.frameWidth()
        self.list.setFixedHeight(row_height * shown + frame if shown else 0)
        self.list.setVisible(self.toggle.isChecked() and shown > 0)

    def _facts(self, digest: CaseDigest) -> str:
        parts: list[str] = []
        if not digest.statements:
            parts.append(self.tr("Nothing the customer said stands out yet."))
        if digest.repeats:
            text = self.tr("Repeated themselves %1×").replace("%1", str(digest.repeats))
            parts.append(text)
        if digest.contacts:
            parts.append(self.tr("%1 contacts").replace("%1", str(digest.contacts)))
        if digest.channels:
            parts.append(", ".join(labels.source(channel) for channel in digest.channels))
        return " · ".join(parts)

    def _chosen(self, item: QListWidgetItem) -> None:
        seq: Any = item.data(SEQ_ROLE)
        if isinstance(seq, int):
            self.statement_chosen.emit(seq)
