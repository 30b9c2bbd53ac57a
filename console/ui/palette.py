"""The command palette (Ctrl+Shift+P): every action of the window, found by typing.

It lists the window's actions (the menus', the profile and stop controls', and the
proposal panel's decision controls) with their shortcuts. Typing filters by words, in any
order and case; Up and Down move; Enter runs the chosen action; Esc closes. An action that
cannot run now is shown dimmed and is not run.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from console.ui.main_window import MainWindow

ACTION_ROLE = Qt.ItemDataRole.UserRole + 1
_ACCELERATOR = re.compile(r"\(&\w\)")  # "文件(&F)": the key hint of a translated text


def plain_text(action: QAction) -> str:
    """An action's text without accelerator marks or a trailing ellipsis; an action whose
    menu text needs its menu to make sense sets a ``paletteText`` property instead."""
    text = action.property("paletteText") or action.text()
    return _ACCELERATOR.sub("", str(text)).replace("&", "").rstrip("…").strip()


def window_actions(window: MainWindow) -> list[QAction]:
    """Every action a person can run from the window, once each, in menu order."""
    panel = getattr(window, "proposal", None)
    controls = getattr(panel, "control_actions", lambda: [])
    found: list[QAction] = []
    seen: set[int] = set()
    for action in [*window.actions(), *controls()]:
        if id(action) in seen or action.isSeparator() or action.menu() is not None:
            continue
        if not action.isVisible() or not plain_text(action):
            continue
        seen.add(id(action))
        found.append(action)
    return found


class WordFilter(QSortFilterProxyModel):
    """Keeps the rows whose text holds every typed word (any order, any case)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.words: list[str] = []

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self.words = text.casefold().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        model = self.sourceModel()
        name = str(model.index(source_row, 0, source_parent).data() or "")
        keys = str(model.index(source_row, 1, source_parent).data() or "")
        haystack = f"{name} {keys}".casefold()
        return all(word in haystack for word in self.words)


class CommandPalette(QDialog):
    def __init__(self, actions: Iterable[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("commandPalette")
        self.setWindowTitle(self.tr("Command palette"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.field = QLineEdit(self, objectName="paletteField")
        self.field.setAccessibleName(self.tr("Find a command"))
        self.field.setPlaceholderText(self.tr("Type to find a command; Enter runs it"))
        self.field.setClearButtonEnabled(True)
        self.model = QStandardItemModel(0, 2, self)
        self.model.setHorizontalHeaderLabels([self.tr("Command"), self.tr("Keys")])
        for action in actions:
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            name, shortcut = QStandardItem(plain_text(action)), QStandardItem(keys)
            for item in (name, shortcut):
                item.setEditable(False)
                item.setData(action, ACTION_ROLE)
                if not action.isEnabled():  # dimmed, and never run
                    item.setEnabled(False)
                    item.setToolTip(self.tr("Not available now"))
            tip = action.toolTip()
            if action.isEnabled() and tip and tip != plain_text(action):
                name.setToolTip(tip)
            self.model.appendRow([name, shortcut])
        self.proxy = WordFilter(self)
        self.proxy.setSourceModel(self.model)
        self.list = QTreeView(self, objectName="paletteList")
        self.list.setAccessibleName(self.tr("Commands"))
        self.list.setModel(self.proxy)
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setHeaderHidden(True)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing stays in the field
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.list.clicked.connect(self._clicked)
        self.empty = QLabel(self.tr("No command matches."), self, objectName="emptyState")
        self.empty.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.setSpacing(6)
        layout.addWidget(self.field)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        self.field.textChanged.connect(self.filter)
        self.field.installEventFilter(self)
        self.resize(560, 420)
        self.filter("")

    def filter(self, text: str) -> None:
        self.proxy.set_text(text)
        self.empty.setVisible(self.proxy.rowCount() == 0)
        first = next(
            (
                self.proxy.index(row, 0)
                for row in range(self.proxy.rowCount())
                if self.proxy.index(row, 0).flags() & Qt.ItemFlag.ItemIsEnabled
            ),
            self.proxy.index(0, 0),
        )
        self.list.setCurrentIndex(first)

    def shown_names(self) -> list[str]:
        return [str(self.proxy.index(r, 0).data()) for r in range(self.proxy.rowCount())]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.field
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and self._key(event)
        ):
            return True
        return super().eventFilter(watched, event)

    def _key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 8}.get(key, -8)
            rows = self.proxy.rowCount()
            if rows:
                row = max(0, min(rows - 1, self.list.currentIndex().row() + step))
                self.list.setCurrentIndex(self.proxy.index(row, 0))
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.run(self.list.currentIndex())
            return True
        return False

    def _clicked(self, index: QModelIndex) -> None:
        self.run(index)

    def run(self, index: QModelIndex | QPersistentModelIndex) -> bool:
        """Close and run the action at ``index``; a disabled one is not run (False)."""
        action = index.data(ACTION_ROLE) if index.isValid() else None
        if not isinstance(action, QAction) or not action.isEnabled():
            return False
        self.accept()
        action.trigger()
        return True


def present(window: MainWindow) -> CommandPalette:
    palette = CommandPalette(window_actions(window), window)
    palette.open()
    palette.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
    window.palette = palette
    return palette
