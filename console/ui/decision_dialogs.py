"""The dialogs behind Reject… and Instruct…: a reason code for an override, an instruction
for the AI's next plan.

Both open with ``open()`` (never a nested event loop) and say what they will do before
anyone presses OK; OK stays disabled until what is needed is given. Neither dialog has a
default button that Enter would press by accident.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from console.domain.kinds import ReasonCode
from console.ui.proposal_steps import plain

INSTRUCTION_MAX = 500  # characters, as the decision service allows


class RejectDialog(QDialog):
    """Override: a reason code (required, no default) and an optional note."""

    def __init__(self, scope: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rejectDialog")
        self.setWindowTitle(self.tr("Reject"))
        self.setMinimumWidth(420)
        self.scope = plain(scope, "dialogScope", self)
        self.reason = QComboBox(self, objectName="reasonCode")
        for code, text in self.reasons():
            self.reason.addItem(text, code.value)
        self.reason.setCurrentIndex(-1)  # no default: the person chooses
        self.reason.setPlaceholderText(self.tr("Choose a reason…"))
        self.reason.setAccessibleName(self.tr("Reason for rejecting"))
        self.note = QPlainTextEdit(self, objectName="reasonNote")
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(self.tr("Optional: what is wrong, in a few words"))
        self.note.setAccessibleName(self.tr("Note on the rejection (optional)"))
        self.note.setFixedHeight(self.note.fontMetrics().lineSpacing() * 4 + 14)
        form = QFormLayout()
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Note"), self.note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Reject"))
        self.ok.setAccessibleName(self.tr("Reject with this reason"))
        self.ok.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.currentIndexChanged.connect(self._changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scope)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.reason.setFocus()

    def reasons(self) -> list[tuple[ReasonCode, str]]:
        return [
            (ReasonCode.WRONG_FACTS, self.tr("The facts are wrong")),
            (ReasonCode.AGAINST_POLICY, self.tr("Against policy")),
            (ReasonCode.CUSTOMER_PREFERENCE, self.tr("The customer wants something else")),
            (ReasonCode.TONE, self.tr("The tone is wrong")),
            (ReasonCode.MISSING_INFORMATION, self.tr("Information is missing")),
            (ReasonCode.OTHER, self.tr("Other (say why in the note)")),
        ]

    def _changed(self) -> None:
        self.ok.setEnabled(self.code() is not None)

    def code(self) -> ReasonCode | None:
        data = self.reason.currentData()
        return ReasonCode(data) if self.reason.currentIndex() >= 0 and data else None

    def text(self) -> str | None:
        return self.note.toPlainText().strip() or None

    def accept(self) -> None:
        if self.code() is None:
            return
        super().accept()


class InstructDialog(QDialog):
    """An instruction the AI keeps for this case; the case is planned again with it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("instructDialog")
        self.setWindowTitle(self.tr("Instruct the AI"))
        self.setMinimumWidth(440)
        self.intro = plain(
            self.tr(
                "Tell the AI what to change; it keeps the instruction for this case and "
                "plans it again."
            ),
            "dialogScope",
            self,
        )
        self.field = QPlainTextEdit(self, objectName="instructionText")
        self.field.setTabChangesFocus(True)
        self.field.setPlaceholderText(self.tr("For example: no refund, offer a voucher"))
        self.field.setAccessibleName(self.tr("Instruction for the AI"))
        self.field.setFixedHeight(self.field.fontMetrics().lineSpacing() * 4 + 14)
        self.count = plain("", "fieldLabel", self, wrap=False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Re-plan with this"))
        self.ok.setAccessibleName(self.tr("Re-plan with this instruction"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.field.textChanged.connect(self._changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.field)
        layout.addWidget(self.count)
        layout.addWidget(self.buttons)
        self._changed()
        self.field.setFocus()

    def text(self) -> str:
        return " ".join(self.field.toPlainText().split())

    def _changed(self) -> None:
        n = len(self.text())
        self.count.setText(
            self.tr("%1 of %2 characters").replace("%1", str(n)).replace("%2", str(INSTRUCTION_MAX))
        )
        self.ok.setEnabled(0 < n <= INSTRUCTION_MAX)

    def accept(self) -> None:
        if not self.ok.isEnabled():
            return
        super().accept()
