"""The profile switcher: act as another local profile (and role) at this seat.

The status bar's user button and File → Switch profile list the local profiles; choosing
one asks the profile service to switch (which records it on the audit trail). The window
then shows and enables what the new role may do (``MainWindow.apply_role``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from console.domain.errors import TandemError
from console.services.bus import Level, UserMessage
from console.services.roles import Capability, allowed
from console.ui import labels
from console.ui.refusal_text import refusal

if TYPE_CHECKING:
    from console.services import Services
    from console.ui.main_window import MainWindow

SLOT = "profile.switch"


def may(services: Services, capability: Capability) -> bool:
    """Whether the signed-in profile may use ``capability`` (what the UI shows and enables;
    the services check it again on every call)."""
    return allowed(services.principal(), capability, sandbox=services.sandbox)


class ProfileSwitcher(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.menu = QMenu(self.tr("Switch &profile"), window)
        self.menu.setAccessibleName(self.tr("Local profiles"))
        self.menu.aboutToShow.connect(self.rebuild)
        self.group = QActionGroup(self)
        self.actions: list[QAction] = []
        # The keyboard way in: the list of profiles, at the status bar's user button.
        self.choose = QAction(self.tr("Switch &profile…"), window)
        self.choose.triggered.connect(self.popup)
        window.status.user.clicked.connect(self.popup)
        self.rebuild()

    def rebuild(self) -> None:
        """One checkable action per local profile; the signed-in one checked."""
        services = self._window.services
        for action in self.actions:
            self.group.removeAction(action)
            self._window.removeAction(action)
            action.deleteLater()
        self.menu.clear()
        self.actions = []
        current = services.settings.settings.user_id
        for profile in services.profiles.profiles:
            text = (
                self.tr("Act as %1 (%2)")
                .replace("%1", profile.name)
                .replace("%2", labels.role(profile.role))
            )
            action = QAction(text, self._window)
            action.setCheckable(True)
            action.setChecked(profile.user_id == current)
            action.setData(profile.user_id)
            action.triggered.connect(
                lambda _checked=False, user_id=profile.user_id: self.switch(user_id)
            )
            self.group.addAction(action)
            self.menu.addAction(action)
            self._window.addAction(action)  # the command palette finds them too
            self.actions.append(action)

    def name_of(self, user_id: str) -> str:
        """A user id's name among the local profiles (else the id itself)."""
        for profile in self._window.services.profiles.profiles:
            if profile.user_id == user_id:
                return profile.name
        return user_id

    def popup(self) -> None:
        button = self._window.status.user
        self.rebuild()
        self.menu.popup(button.mapToGlobal(QPoint(0, 0)) - QPoint(0, self.menu.sizeHint().height()))

    def switch(self, user_id: str) -> None:
        self._window.slots.start(SLOT, self._switch(user_id))

    async def _switch(self, user_id: str) -> None:
        try:
            profile = await self._window.services.profiles.switch(user_id)
        except (TandemError, ValueError, OSError) as error:  # settings errors are ValueErrors
            self._window.status.on_message(UserMessage(Level.ERROR, refusal(error)))
            self.rebuild()
            return
        text = (
            self.tr("You are now %1, %2.")
            .replace("%1", profile.name)
            .replace("%2", labels.role(profile.role))
        )
        self._window.status.on_message(UserMessage(Level.INFO, text))
