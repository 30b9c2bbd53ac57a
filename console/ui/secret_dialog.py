"""A credential asked for when write-back needs it and kept for this session only.

Write-back to your own systems asks for the secrets its connector files name when the
machine has no keyring service. :class:`SecretDialog` asks for one, with hidden input, and
says that it stays in memory and is never written to disk. :func:`ask_secret` shows it
modally from a plain slot; :func:`ask_secret_async` opens it window-modal and awaits it
from a coroutine.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QVBoxLayout, QWidget

from console.ui.proposal_steps import plain


class SecretDialog(QDialog):
    """Asks for one secret (hidden input) that is kept in memory for this session only."""

    def __init__(self, name: str, why: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("secretDialog")
        self.setWindowTitle(self.tr("Secret needed: %1").replace("%1", name))
        self.setAccessibleName(self.tr("Enter the secret %1").replace("%1", name))
        self.why = plain(why, "dialogScope", self)
        self.note = plain(
            self.tr(
                "This machine has no keyring service; Tandem keeps it in memory for this "
                "session only and never writes it to disk."
            ),
            "outboxHint",
            self,
        )
        self.field = QLineEdit(self)
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setAccessibleName(name)
        self.field.setPlaceholderText(name)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setAccessibleName(self.tr("Use this secret for this session"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Do not enter the secret"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.field.textChanged.connect(lambda text: self.ok.setEnabled(bool(text.strip())))
        self.ok.setEnabled(False)
        label = plain(name, "fieldLabel", self)
        label.setBuddy(self.field)
        layout = QVBoxLayout(self)
        layout.addWidget(self.why)
        layout.addWidget(label)
        layout.addWidget(self.field)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def secret(self) -> str | None:
        value = self.field.text().strip()
        return value or None


def ask_secret(parent: QWidget | None, name: str, why: str) -> str | None:
    """Ask for the secret ``name`` (``why`` says what it is for); None when cancelled.

    Modal: call it from a plain slot, never from a coroutine (a nested loop there stops
    other tasks); from async code, open a :class:`SecretDialog` with ``open()`` instead."""
    dialog = SecretDialog(name, why, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.secret()
    finally:
        dialog.field.clear()
        dialog.deleteLater()


async def ask_secret_async(parent: QWidget | None, name: str, why: str) -> str | None:
    """:func:`ask_secret` for coroutines: the dialog is opened window-modal and awaited."""
    import asyncio

    dialog = SecretDialog(name, why, parent)
    answer: asyncio.Future[str | None] = asyncio.get_running_loop().create_future()

    def finished(code: int) -> None:
        if not answer.done():
            accepted = code == QDialog.DialogCode.Accepted.value
            answer.set_result(dialog.secret() if accepted else None)

    dialog.finished.connect(finished)
    dialog.open()
    try:
        return await answer
    finally:
        dialog.field.clear()
        dialog.deleteLater()
