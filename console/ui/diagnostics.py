"""Help → Diagnostics: live feed states, the quarantine of unusable inbound events, the log.

:class:`FeedMonitor` listens from the window's start (a feed may change state long before
anyone opens the dialog); the dialog reads it and follows it live.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.ui import labels
from console.ui.feeds import FeedMonitor
from console.ui.tasks import Throttle

if TYPE_CHECKING:
    from console.services import Services

log = logging.getLogger(__name__)
RAW_PREVIEW = 300
RELOAD_MS = 300


def log_file() -> str | None:
    """Where the rotating log is written (the root logger's file handler), if anywhere."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.FileHandler):
            return handler.baseFilename
    return None


def feed_state(state: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return {
        "connecting": QCoreApplication.translate("Diagnostics", "Connecting"),
        "live": QCoreApplication.translate("Diagnostics", "Live"),
        "retrying": QCoreApplication.translate("Diagnostics", "Retrying"),
        "stopped": QCoreApplication.translate("Diagnostics", "Stopped"),
    }.get(state, state)


class DiagnosticsDialog(QDialog):
    """Non-modal: it stays open beside the console and updates as things happen."""

    def __init__(self, services: Services, monitor: FeedMonitor, slots: Any, parent: QWidget):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Diagnostics"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._services = services
        self._monitor = monitor
        self._shown_count = -1
        self._slots = slots
        self.feeds = self._table(
            [self.tr("Feed"), self.tr("State"), self.tr("Detail"), self.tr("Since")],
            self.tr("Live feeds"),
        )
        self.no_feeds = QLabel(self.tr("No live feed has reported yet."), objectName="emptyState")
        self.quarantine_title = QLabel("", objectName="paneTitle")
        self.quarantine = self._table(
            [self.tr("Received"), self.tr("Feed"), self.tr("Reason"), self.tr("Raw text")],
            self.tr("Quarantined events"),
        )
        path = log_file()
        self.log = QLabel(
            self.tr("Log file: %1").replace("%1", path or self.tr("not written (no log file)")),
            objectName="fieldLabel",
        )
        self.log.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.log.setAccessibleName(self.tr("Log file location"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Live feeds"), objectName="paneTitle"))
        layout.addWidget(self.feeds, 1)
        layout.addWidget(self.no_feeds)
        layout.addWidget(self.quarantine_title)
        layout.addWidget(self.quarantine, 3)
        layout.addWidget(self.log)
        layout.addWidget(buttons)
        self.resize(900, 600)
        self._reload = Throttle(RELOAD_MS, self.reload, self)
        monitor.changed.connect(self._changed)
        self.show_feeds()
        self.reload()

    def _table(self, headers: list[str], name: str) -> QTableWidget:
        table = QTableWidget(0, len(headers), self)
        table.setAccessibleName(name)
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column, width in enumerate((190, 130, 260)):
            if column < len(headers) - 1:
                table.setColumnWidth(column, width)
        return table

    def _changed(self) -> None:
        self.show_feeds()
        if self._monitor.quarantined != self._shown_count:
            self._reload()

    def show_feeds(self) -> None:
        feeds = sorted(self._monitor.feeds.items())
        self.feeds.setRowCount(len(feeds))
        for row, (feed, (state, detail, since)) in enumerate(feeds):
            state_label = QLabel(feed_state(state), objectName="feedState")
            state_label.setProperty("state", state)
            state_label.setContentsMargins(8, 0, 8, 0)
            self.feeds.setItem(row, 0, QTableWidgetItem(feed))
            self.feeds.setCellWidget(row, 1, state_label)
            self.feeds.setItem(row, 2, QTableWidgetItem(detail))
            self.feeds.setItem(row, 3, QTableWidgetItem(labels.ago(since)))
        self.no_feeds.setVisible(not feeds)
        self.feeds.setVisible(bool(feeds))

    def done(self, result: int) -> None:
        self._reload.cancel()
        self._slots.cancel("diagnostics.quarantine")
        super().done(result)

    def reload(self) -> None:
        self._slots.start("diagnostics.quarantine", self._load())

    async def _load(self) -> None:
        diagnostics = self._services.diagnostics
        rows: list[Any] = await diagnostics.quarantine()
        count = diagnostics.quarantine_count()
        self._monitor.set_quarantined(count)
        self.show_quarantine(rows, count)

    def show_quarantine(self, rows: list[Any], count: int) -> None:
        self._shown_count = count
        if count == 0:
            text = self.tr("Quarantine: empty")
        elif count == 1:
            text = self.tr("Quarantine: 1 event could not be used")
        else:
            text = self.tr("Quarantine: %1 events could not be used").replace("%1", f"{count:,}")
        if len(rows) < count:
            text += " " + self.tr("(the newest %1 shown)").replace("%1", str(len(rows)))
        self.quarantine_title.setText(text)
        self.quarantine.setRowCount(len(rows))
        for row, item in enumerate(rows):
            raw = item.raw if len(item.raw) <= RAW_PREVIEW else item.raw[:RAW_PREVIEW] + "…"
            cells = (labels.exact(item.received_at), item.feed, item.reason, raw)
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text.replace("\n", " "))
                cell.setToolTip(item.raw if column == 3 else text)
                self.quarantine.setItem(row, column, cell)
