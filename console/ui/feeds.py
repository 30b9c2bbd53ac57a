"""The state of the live feeds and the quarantine's size, followed from the bus.

It listens from the window's start (a feed may change state long before anyone opens
Help → Diagnostics); the status bar and the diagnostics dialog read it.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QObject, QTimer, Signal

from console.services.bus import FeedStatus, Quarantined


class FeedMonitor(QObject):
    """The latest state of every live feed and the quarantine's size, from the bus."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.feeds: dict[str, tuple[str, str, datetime]] = {}  # feed: (state, detail, since)
        self.quarantined = 0
        # Quarantined messages can arrive hundreds a second: tell the views at most 4 times
        # a second, not once a message.
        self._coalesce = QTimer(self, singleShot=True, interval=250)
        self._coalesce.timeout.connect(self.changed)

    def on_status(self, event: FeedStatus) -> None:
        self.feeds[event.feed] = (event.state, event.detail, datetime.now(UTC))
        self.changed.emit()

    def on_quarantined(self, _event: Quarantined) -> None:
        self.quarantined += 1
        if not self._coalesce.isActive():
            self._coalesce.start()

    def set_quarantined(self, count: int) -> None:
        if count != self.quarantined:
            self.quarantined = count
            self.changed.emit()
