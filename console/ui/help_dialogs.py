"""Help → Keyboard shortcuts and Help → About."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

import console


class ShortcutsDialog(QDialog):
    """Lists every shortcut: the menu actions', the proposal panel's decision controls
    (``actions`` holds both) and the ones that work inside a pane."""

    def __init__(self, actions: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        rows = [
            *actions,
            (self.tr("Next / previous case (in the queue)"), "J / K"),
            (self.tr("Open the selected event in full (in the timeline)"), self.tr("Enter")),
            (self.tr("Jump to the newest / oldest event (in the timeline)"), "End / Home"),
            (
                self.tr("Next / previous match (in the find field)"),
                self.tr("Enter / Shift+Enter"),
            ),
            (self.tr("Clear the search (in the find field)"), "Esc"),
            (self.tr("Show a statement in the timeline (in the digest)"), self.tr("Enter")),
            (
                self.tr("Move through the matches / open the case (in Search all cases)"),
                self.tr("Up / Down / Enter"),
            ),
            (self.tr("Close Search all cases"), "Esc"),
            (
                self.tr("Open the selected step's case (in the approvals queue)"),
                self.tr("Enter"),
            ),
            (
                self.tr("Move / run the command / close (in the command palette)"),
                self.tr("Up / Down / Enter / Esc"),
            ),
            (self.tr("Move between controls"), self.tr("Tab / Shift+Tab")),
        ]
        table = QTableWidget(len(rows), 2, self)
        table.setAccessibleName(self.tr("Keyboard shortcuts"))
        table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setShowGrid(False)
        for row, (action, keys) in enumerate(rows):
            table.setItem(row, 0, QTableWidgetItem(action))
            table.setItem(row, 1, QTableWidgetItem(keys))
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.table = table
        self.resize(560, 540)


def show_about(parent: QWidget) -> QMessageBox:
    box = QMessageBox(parent)
    box.setWindowTitle(QCoreApplication.translate("About", "About Tandem"))
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(
        "<b>Tandem</b> "
        + console.__version__
        + "<br>"
        + QCoreApplication.translate(
            "About", "An agent and an AI resolve escalated customer cases together."
        )
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
