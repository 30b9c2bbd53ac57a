"""The stop button: a supervisor pauses the AI, or one action type, at once.

For everyone the status bar says whether the AI runs ("AI running", "AI paused by Sam since
14:05", "Refunds paused"), updated the moment a pause changes (``PauseChanged``). Those
who may pause (``Capability.PAUSE_AI``) also get a "Pause AI" button in the status bar —
one click, no questions: a stop button must not ask first — and the Supervise menu:
pause or resume the AI, pause with a reason, pause or resume one action type.

The control service is imported on :meth:`StopControls.start`, after the first frame
(docs/decisions/0004-fast-first-paint.md).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.domain.errors import TandemError
from console.domain.kinds import ActionKind
from console.services.bus import Level, UserMessage
from console.services.roles import Capability
from console.ui import labels
from console.ui.profiles import may
from console.ui.refusal_text import refusal

if TYPE_CHECKING:
    from console.services.controls import Pause, PauseChanged
    from console.ui.main_window import MainWindow

ALL = "*"  # the scope of a pause of the whole AI (console.services.controls.ALL)
SLOT = "stop.control"
PAUSE_SHORTCUT = "Ctrl+Alt+S"


def paused_text(kind: str) -> str:
    """ "Refunds paused": what the status bar says of one paused action type."""
    return {
        ActionKind.REFUND: QCoreApplication.translate("StopControls", "Refunds paused"),
        ActionKind.RESHIP: QCoreApplication.translate("StopControls", "Reships paused"),
        ActionKind.ACCOUNT_CREDIT: QCoreApplication.translate(
            "StopControls", "Account credits paused"
        ),
        ActionKind.REPLY_TO_CUSTOMER: QCoreApplication.translate(
            "StopControls", "Replies to customers paused"
        ),
        ActionKind.NOTIFY_LOGISTICS: QCoreApplication.translate(
            "StopControls", "Logistics notices paused"
        ),
        ActionKind.ADJUST_INVENTORY: QCoreApplication.translate(
            "StopControls", "Inventory adjustments paused"
        ),
        ActionKind.ESCALATE: QCoreApplication.translate("StopControls", "Escalations paused"),
        ActionKind.CLOSE_CASE: QCoreApplication.translate("StopControls", "Closing cases paused"),
    }.get(kind, QCoreApplication.translate("StopControls", "%1 paused").replace("%1", kind))


def describe(pauses: dict[str, Pause], name_of: Callable[[str], str]) -> str:
    """The status bar's text for the pauses in force."""
    parts = []
    whole = pauses.get(ALL)
    if whole is not None:
        parts.append(
            QCoreApplication.translate("StopControls", "AI paused by %1 since %2")
            .replace("%1", name_of(whole.paused_by))
            .replace("%2", whole.paused_at.astimezone().strftime("%H:%M"))
        )
    parts += [paused_text(scope) for scope in ActionKind if scope.value in pauses]
    return " · ".join(parts) or QCoreApplication.translate("StopControls", "AI running")


def tooltip(pauses: dict[str, Pause], name_of: Callable[[str], str]) -> str:
    """Who paused what, when and why, one line each."""
    lines = []
    for scope, pause in sorted(pauses.items()):
        what = (
            QCoreApplication.translate("StopControls", "The whole AI")
            if scope == ALL
            else paused_text(scope)
        )
        line = (
            QCoreApplication.translate("StopControls", "%1: %2, %3")
            .replace("%1", what)
            .replace("%2", name_of(pause.paused_by))
            .replace("%3", pause.paused_at.astimezone().strftime("%Y-%m-%d %H:%M"))
        )
        if pause.reason:
            line += " — " + pause.reason
        lines.append(line)
    return "\n".join(lines) or QCoreApplication.translate(
        "StopControls", "The AI plans cases as they change."
    )


class StopControls(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._started = False
        self._unsubscribe: Callable[[], None] | None = None
        self.pauses: dict[str, Pause] = {}

        self.button = QPushButton(self.tr("Pause AI"), window.status, objectName="stopButton")
        self.button.setAccessibleName(self.tr("Pause the AI"))
        self.button.clicked.connect(self._toggle_ai)
        self.button.setProperty("paused", False)
        window.status.addPermanentWidget(self.button)

        self.menu = QMenu(self.tr("&Supervise"), window)
        self.pause_ai = QAction(self.tr("&Pause the AI"), window)
        self.pause_ai.setCheckable(True)
        self.pause_ai.setShortcut(QKeySequence(PAUSE_SHORTCUT))
        self.pause_ai.triggered.connect(self._toggle_ai)
        self.pause_with_reason = QAction(self.tr("Pause with a &reason…"), window)
        self.pause_with_reason.triggered.connect(self.ask_reason)
        self.types_menu = QMenu(self.tr("Pause one action &type"), window)
        self.type_actions: dict[str, QAction] = {}
        for kind in ActionKind:
            action = QAction(paused_label(kind), window)
            action.setCheckable(True)
            # Out of its menu (the command palette) "Refund" alone would mislead.
            palette_text = self.tr("Pause one action type: %1").replace("%1", paused_label(kind))
            action.setProperty("paletteText", palette_text)
            action.triggered.connect(
                lambda checked, scope=kind.value: self.set_paused(scope, checked)
            )
            self.types_menu.addAction(action)
            self.type_actions[kind.value] = action
        self.menu.addActions([self.pause_ai, self.pause_with_reason])
        self.menu.addMenu(self.types_menu)
        for action in (self.pause_ai, self.pause_with_reason, *self.type_actions.values()):
            window.addAction(action)  # the shortcut works anywhere; the palette lists them
        keys = self.pause_ai.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        self.button.setToolTip(self.tr("Stop the AI planning at once (%1)").replace("%1", keys))
        self.apply_role()

    # --- state ------------------------------------------------------------------------------
    def start(self) -> None:
        """Read the pauses in force and follow them (idempotent)."""
        if self._started:
            return
        self._started = True
        from console.services.controls import PauseChanged

        self._unsubscribe = self._window.services.bus.subscribe(PauseChanged, self._changed)
        self.refresh()

    def _changed(self, _event: PauseChanged) -> None:
        self.refresh()

    def refresh(self) -> None:
        self.pauses = self._window.services.controls.pauses
        ai_paused = ALL in self.pauses
        text = describe(self.pauses, self._window.profiles.name_of)
        self._window.status.show_ai_state(text, paused=bool(self.pauses))
        self._window.status.ai_state.setToolTip(tooltip(self.pauses, self._window.profiles.name_of))
        self.pause_ai.setChecked(ai_paused)
        self.pause_ai.setText(self.tr("&Resume the AI") if ai_paused else self.tr("&Pause the AI"))
        self.button.setText(self.tr("Resume AI") if ai_paused else self.tr("Pause AI"))
        self.button.setAccessibleName(
            self.tr("Resume the AI") if ai_paused else self.tr("Pause the AI")
        )
        if self.button.property("paused") != ai_paused:
            self.button.setProperty("paused", ai_paused)
            self.button.style().unpolish(self.button)
            self.button.style().polish(self.button)
        for scope, action in self.type_actions.items():
            action.setChecked(scope in self.pauses)

    def apply_role(self) -> None:
        """Only those who may pause see the button and the Supervise menu."""
        allowed = may(self._window.services, Capability.PAUSE_AI)
        self.button.setVisible(allowed)
        self.menu.menuAction().setVisible(allowed)
        for action in (self.pause_ai, self.pause_with_reason, *self.type_actions.values()):
            action.setVisible(allowed)  # hidden: disabled too, its shortcut and palette entry

    # --- acting -----------------------------------------------------------------------------
    def _toggle_ai(self) -> None:
        if not self._started:
            self.start()
        self.set_paused(ALL, ALL not in self.pauses)

    def set_paused(self, scope: str, paused: bool, reason: str | None = None) -> None:
        self._window.slots.start(f"{SLOT}.{scope}", self._set(scope, paused, reason))

    async def _set(self, scope: str, paused: bool, reason: str | None) -> None:
        services = self._window.services
        controls = services.controls
        try:
            if paused:
                await controls.pause(services.principal(), scope, reason)
            else:
                await controls.resume(services.principal(), scope)
        except TandemError as error:
            self._window.status.on_message(UserMessage(Level.ERROR, refusal(error)))
        finally:
            self.refresh()

    def ask_reason(self) -> PauseDialog:
        dialog = PauseDialog(set(self.pauses), self._window)
        dialog.chosen.connect(lambda scope, reason: self.set_paused(scope, True, reason))
        dialog.open()
        self.dialog = dialog
        return dialog

    def shutdown(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None


def paused_label(kind: ActionKind) -> str:
    """The Supervise → Pause one action type menu's entry for ``kind``."""
    return labels.action_kind(kind)


class PauseDialog(QDialog):
    """Pause the AI or one action type, saying why (the reason goes on the audit trail)."""

    chosen = Signal(str, str)  # scope, reason

    def __init__(self, paused: set[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Pause with a reason"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.scope = QComboBox(self)
        self.scope.setAccessibleName(self.tr("What to pause"))
        if ALL not in paused:
            self.scope.addItem(self.tr("The whole AI"), ALL)
        for kind in ActionKind:
            if kind.value not in paused:
                self.scope.addItem(paused_label(kind), kind.value)
        self.reason = QLineEdit(self)
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setPlaceholderText(self.tr("Optional: why, for the others and the record"))
        self.reason.setMaxLength(300)
        form = QFormLayout()
        form.addRow(self.tr("Pause"), self.scope)
        form.addRow(self.tr("Reason"), self.reason)
        note = QLabel(
            self.tr(
                "Takes effect at once for everyone at this store. Planning holds the cases "
                "it would plan and plans them when you resume."
            ),
            self,
            objectName="dialogNote",
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.pause = buttons.addButton(self.tr("Pause"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.pause.setEnabled(self.scope.count() > 0)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    def _accept(self) -> None:
        self.chosen.emit(str(self.scope.currentData()), self.reason.text().strip())
        self.accept()
