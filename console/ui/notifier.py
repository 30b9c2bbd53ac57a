"""Tells the agent when a customer writes on one of their cases: a tray message, or the
status bar where there is no system tray. Clicking the message opens the case."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QPushButton, QStatusBar, QSystemTrayIcon, QWidget

from console.services.bus import CustomerMessage
from console.ui import glyphs, theme

STATUS_MS = 10_000
PREVIEW = 120


class Notifier(QObject):
    def __init__(
        self,
        window: QWidget,
        status: QStatusBar,
        user_id: Callable[[], str],
        open_case_id: Callable[[], str | None],
        open_case: Callable[[str], None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._status = status
        self._user_id = user_id
        self._open_case_id = open_case_id
        self._open_case = open_case
        self.last_case: str | None = None  # the case the last message was about
        self.shown = 0  # messages shown (tray or status bar)
        self.tray: QSystemTrayIcon | None = None
        # Without a tray: the message goes to the status bar, with a button to open the case.
        self.open_button = QPushButton("", status, objectName="notifyButton")
        self.open_button.setFlat(True)
        self.open_button.setAccessibleName(self.tr("Open the case the customer wrote on"))
        self.open_button.clicked.connect(self._clicked)
        self.open_button.hide()
        status.addPermanentWidget(self.open_button)
        self._hide = QTimer(self)
        self._hide.setSingleShot(True)
        self._hide.setInterval(STATUS_MS)
        self._hide.timeout.connect(self.open_button.hide)
        self._tray_checked = False  # the tray is looked for at the first message

    def _ensure_tray(self) -> QSystemTrayIcon | None:
        """The tray icon, made on first use: asking for the tray stays off the start-up."""
        if not self._tray_checked:
            self._tray_checked = True
            if QSystemTrayIcon.isSystemTrayAvailable():
                icon = QIcon(glyphs.pixmap("bell", theme.color("accent"), 32))
                self.tray = QSystemTrayIcon(icon, self)
                self.tray.setToolTip(self.tr("Tandem"))
                self.tray.messageClicked.connect(self._clicked)
                self.tray.activated.connect(lambda _reason: self._clicked())
                self.tray.show()
        return self.tray

    def wants(self, event: CustomerMessage) -> bool:
        """Only the signed-in agent's cases, and not the case they are looking at."""
        if event.owner_kind != "agent" or event.owner_id != self._user_id():
            return False
        looking = self._window.isActiveWindow() and event.case_id == self._open_case_id()
        return not looking

    def on_message(self, event: CustomerMessage) -> None:
        if not self.wants(event):
            return
        self.last_case = event.case_id
        self.shown += 1
        summary = event.summary if len(event.summary) <= PREVIEW else event.summary[:PREVIEW] + "…"
        title = self.tr("The customer wrote on %1").replace("%1", event.case_id)
        tray = self._ensure_tray()
        if tray is not None:
            tray.showMessage(title, summary, QSystemTrayIcon.MessageIcon.Information)
        else:
            line = self.tr("%1: %2")  # the colon is the language's (Chinese: full width)
            self._status.showMessage(line.replace("%1", title).replace("%2", summary), STATUS_MS)
            self.open_button.setText(self.tr("Open %1").replace("%1", event.case_id))
            self.open_button.show()
            self._hide.start()

    def _clicked(self) -> None:
        if self.last_case is None:
            return
        self.open_button.hide()
        self._window.showNormal()
        self._window.raise_()
        self._window.activateWindow()
        self._open_case(self.last_case)

    def shutdown(self) -> None:
        self._hide.stop()
        if self.tray is not None:
            self.tray.hide()
            self.tray.deleteLater()
            self.tray = None
