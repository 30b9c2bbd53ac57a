"""The status bar: messages, progress of long operations, case count, whether the AI is
running or paused (and the stop button for supervisors), user and role."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar, QWidget

from console.services.bus import Level, Progress, UserMessage
from console.services.settings import Settings
from console.ui import labels

MESSAGE_MS = {Level.INFO: 6000, Level.WARNING: 12000, Level.ERROR: 0}


class StatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Status bar"))
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(self.tr("Progress"))
        self.progress.setMaximumWidth(220)
        self.progress.hide()
        self.cases = QLabel("", self)
        self.cases.setAccessibleName(self.tr("Cases in the queue"))
        # Who is signed in, as which role; a click offers the other local profiles.
        self.user = QPushButton("", self, objectName="userButton")
        self.user.setFlat(True)
        self.user.setAccessibleName(self.tr("Signed-in user and role"))
        self.user.setToolTip(self.tr("Switch to another local profile"))
        # "AI running" / "AI paused by …" for everyone, from the stop button's state.
        self.ai_state = QLabel(self.tr("AI running"), self, objectName="aiState")
        self.ai_state.setAccessibleName(self.tr("AI state"))
        self.ai_state.setProperty("paused", False)
        self.quarantine = QPushButton("", self, objectName="quarantineBadge")
        self.quarantine.setFlat(True)
        self.quarantine.setAccessibleName(self.tr("Quarantined events"))
        tip = self.tr("Inbound events that could not be used: open Diagnostics")
        self.quarantine.setToolTip(tip)
        self.quarantine.hide()
        self.addPermanentWidget(self.progress)
        self.addPermanentWidget(self.quarantine)
        self.addPermanentWidget(self.cases)
        self.addPermanentWidget(self.ai_state)
        self.addPermanentWidget(self.user)

    def show_user(self, settings: Settings) -> None:
        self.user.setText(f"{settings.user_name} · {labels.role(settings.role)}")
        self.user.setAccessibleDescription(self.user.text())

    def show_ai_state(self, text: str, *, paused: bool) -> None:
        self.ai_state.setText(text)
        self.ai_state.setAccessibleDescription(text)
        if self.ai_state.property("paused") != paused:
            self.ai_state.setProperty("paused", paused)
            self.ai_state.style().unpolish(self.ai_state)
            self.ai_state.style().polish(self.ai_state)

    def show_counts(self, shown: int, loaded: int) -> None:
        if shown == loaded == 1:
            self.cases.setText(self.tr("1 case"))
        elif shown == loaded:
            self.cases.setText(self.tr("%1 cases").replace("%1", str(loaded)))
        else:
            text = self.tr("%1 of %2 cases").replace("%1", str(shown)).replace("%2", str(loaded))
            self.cases.setText(text)

    def show_quarantine(self, count: int) -> None:
        self.quarantine.setVisible(count > 0)
        if count == 1:
            self.quarantine.setText(self.tr("1 quarantined"))
        else:
            self.quarantine.setText(self.tr("%1 quarantined").replace("%1", f"{count:,}"))

    def on_progress(self, event: Progress) -> None:
        if event.finished:
            self.progress.hide()
            return
        self.progress.setFormat(f"{self._task_label(event.task)} %p%")
        if event.total > 0:
            self.progress.setRange(0, event.total)
            self.progress.setValue(min(event.done, event.total))
        else:
            self.progress.setRange(0, 0)  # busy, total unknown
        self.progress.show()

    def on_message(self, event: UserMessage) -> None:
        self.showMessage(event.text, MESSAGE_MS.get(event.level, 6000))

    def _task_label(self, task: str) -> str:
        return {
            "import": self.tr("Importing"),
            "demo": self.tr("Creating demo cases"),
            "scenario": self.tr("Playing the scenario"),
        }.get(task, task)
