"""The main window's layout, kept between runs: its geometry, docks and splitters are stored
in ``window.ini`` in the data folder when it closes (or the session re-opens it) and
restored when it opens. The first show without a saved layout sizes the splitter itself:
the queue and the right column get their widths and the timeline the rest.
:class:`~console.ui.main_window.MainWindow` mixes this in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QShowEvent

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDockWidget, QMainWindow, QSplitter

    from console.services import Services
    from console.ui.timeline_panel import TimelinePanel

    _Window = QMainWindow
else:
    _Window = object

QUEUE_WIDTH, RIGHT_WIDTH = 400, 410
APPROVALS_HEIGHT = 240
STATE_FILE = "window.ini"


class WindowState(_Window):
    """Save and restore the window's layout (see MainWindow)."""

    services: Services
    splitter: QSplitter
    timeline: TimelinePanel
    approvals: QDockWidget
    _sized: bool  # the splitter has its sizes (restored, or set on the first show)

    def _state(self) -> QSettings:
        path = self.services.data_dir / STATE_FILE
        return QSettings(str(path), QSettings.Format.IniFormat)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized:  # first show without a saved layout: the timeline gets the room
            self._sized = True
            width = self.splitter.width()
            side = QUEUE_WIDTH + RIGHT_WIDTH
            self.splitter.setSizes([QUEUE_WIDTH, max(RIGHT_WIDTH, width - side), RIGHT_WIDTH])
            self.resizeDocks([self.approvals], [APPROVALS_HEIGHT], Qt.Orientation.Vertical)

    def _restore_state(self) -> None:
        state = self._state()
        for key, restore in (
            ("geometry", self.restoreGeometry),
            ("windowState", self.restoreState),
            ("mainSplitter", self.splitter.restoreState),
            ("timelineSplitter", self.timeline.splitter.restoreState),
        ):
            value = state.value(key)
            if isinstance(value, QByteArray):
                restore(value)
        self._sized = isinstance(state.value("mainSplitter"), QByteArray)

    def save_state(self) -> None:
        state = self._state()
        state.setValue("geometry", self.saveGeometry())
        state.setValue("windowState", self.saveState())
        state.setValue("mainSplitter", self.splitter.saveState())
        state.setValue("timelineSplitter", self.timeline.splitter.saveState())
        state.sync()
