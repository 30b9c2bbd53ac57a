"""The timeline's tool row: a filter menu by source and kind, and search within the case."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
)

from console.domain.kinds import EventKind, EventSource
from console.ui import labels


class FilterButton(QToolButton):
    """A "Filter" button whose menu ticks sources and kinds; emits ``changed``."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterButton")
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setAccessibleName(self.tr("Filter the timeline"))
        self.setToolTip(self.tr("Show only some sources or kinds of event  (Ctrl+Shift+L)"))
        menu = QMenu(self)
        menu.setAccessibleName(self.tr("Timeline filter"))
        menu.addSection(self.tr("Sources"))
        self.sources: dict[EventSource, QAction] = {}
        for source in EventSource:
            self.sources[source] = self._check(menu, labels.source(source))
        menu.addSection(self.tr("Kinds"))
        self.kinds: dict[EventKind, QAction] = {}
        for kind in EventKind:
            self.kinds[kind] = self._check(menu, labels.event_kind(kind))
        menu.addSeparator()
        self.clear_action = menu.addAction(self.tr("Show every event"))
        self.clear_action.triggered.connect(self.clear)
        self.setMenu(menu)
        self._update_text()

    def _check(self, menu: QMenu, text: str) -> QAction:
        action = menu.addAction(text)
        action.setCheckable(True)
        action.toggled.connect(self._toggled)
        return action

    def _toggled(self, _on: bool) -> None:
        self._update_text()
        self.changed.emit()

    def chosen(self) -> tuple[frozenset[EventSource], frozenset[EventKind]]:
        return (
            frozenset(s for s, a in self.sources.items() if a.isChecked()),
            frozenset(k for k, a in self.kinds.items() if a.isChecked()),
        )

    def set_chosen(
        self, sources: frozenset[EventSource], kinds: frozenset[EventKind], *, notify: bool = True
    ) -> None:
        if self.chosen() == (sources, kinds):
            return
        for group, wanted in ((self.sources, sources), (self.kinds, kinds)):
            for key, action in group.items():
                action.blockSignals(True)
                action.setChecked(key in wanted)
                action.blockSignals(False)
        self._update_text()
        if notify:
            self.changed.emit()

    def clear(self) -> None:
        self.set_chosen(frozenset(), frozenset())

    def _update_text(self) -> None:
        sources, kinds = self.chosen()
        count = len(sources) + len(kinds)
        text = self.tr("Filter (%1)").replace("%1", str(count)) if count else self.tr("Filter")
        self.setText(text)
        self.setProperty("active", bool(count))
        self.style().unpolish(self)
        self.style().polish(self)


class FindBar(QWidget):
    """Search within the case: a field, "3 of 17", previous and next."""

    text_changed = Signal(str)
    next_requested = Signal()
    previous_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = QLineEdit(self)
        self.field.setObjectName("findField")
        self.field.setPlaceholderText(self.tr("Find in this case  (Ctrl+Shift+F)"))
        self.field.setClearButtonEnabled(True)
        self.field.setAccessibleName(self.tr("Find in this case"))
        self.counter = QLabel("", self, objectName="findCounter")
        self.counter.setAccessibleName(self.tr("Matches"))
        self.previous = self._button("↑", self.tr("Previous match  (Shift+F3)"))
        self.next = self._button("↓", self.tr("Next match  (F3)"))
        self.previous.clicked.connect(self.previous_requested)
        self.next.clicked.connect(self.next_requested)
        self.field.textChanged.connect(self.text_changed)
        self.field.installEventFilter(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.counter)
        layout.addWidget(self.previous)
        layout.addWidget(self.next)
        self.show_count(0, 0, searching=False)

    def _button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip.split("  ")[0])
        button.setAutoRaise(True)
        return button

    def show_count(self, position: int, total: int, *, searching: bool = True) -> None:
        if not searching:
            self.counter.clear()
        elif total == 0:
            self.counter.setText(self.tr("No matches"))
        else:
            text = self.tr("%1 of %2").replace("%1", str(position)).replace("%2", str(total))
            self.counter.setText(text)
        self.previous.setEnabled(total > 0)
        self.next.setEnabled(total > 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter: the next match; Shift+Enter: the previous one; Escape: clear."""
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                (self.previous_requested if shift else self.next_requested).emit()
                return True
            if event.key() == Qt.Key.Key_Escape and self.field.text():
                self.field.clear()
                return True
        return super().eventFilter(watched, event)
