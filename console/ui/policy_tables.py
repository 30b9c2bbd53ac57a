"""The authority map's read-only tables (the rules in force, the published versions).

:func:`make_table` builds one with its headers, rows selected whole and text wrapped,
never cut; :func:`fill` puts rows of text in it; :func:`fit_rows` makes each row tall
enough for its wrapped text at the columns' real widths, Chinese fallback fonts included.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem, QWidget


def make_table(parent: QWidget, headers: list[str], name: str) -> QTableWidget:
    """A read-only table named ``name`` for assistive technology."""
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName("policyTable")
    table.setAccessibleName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setShowGrid(False)
    table.setWordWrap(True)
    table.setTextElideMode(Qt.TextElideMode.ElideNone)  # wrapped, never cut
    table.setAlternatingRowColors(True)
    return table


def fill(table: QTableWidget, rows: list[list[str]]) -> None:
    """One item per text, its tooltip the same text."""
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            table.setItem(r, c, item)
    table.resizeRowsToContents()


def fit_rows(table: QTableWidget) -> None:
    """Rows tall enough for their wrapped text. The item size hint measures one font;
    a text layout (as here) also counts the taller fallback fonts of Chinese text."""
    table.resizeRowsToContents()
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setDefaultFont(table.font())
    for row in range(table.rowCount()):
        need = table.rowHeight(row)
        for column in range(table.columnCount()):
            item = table.item(row, column)
            if item is None or not item.text():
                continue
            document.setPlainText(item.text())
            document.setTextWidth(max(20, table.columnWidth(column) - 12))
            need = max(need, math.ceil(document.size().height()) + 12)
        table.setRowHeight(row, need)
