"""One plan step as a compact card: action, target system, parameters, note, authority badge,
and a dry-run preview of what would change (for a reply, the exact message the customer
would receive).

Every text that comes from the planner (notes, reasons, message bodies) is shown as plain
text: a model's output is never interpreted as HTML.

The step in words (parameter rows, the dry run, the authority badge, the text it sends)
is :mod:`console.ui.step_wording`; the card lays it out and keeps its ``param_lines`` and
``dry_run``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from console.domain.kinds import ActionKind, SystemName
from console.ui import labels
from console.ui.step_wording import dry_run, param_lines, preview_body, verdict_text

if TYPE_CHECKING:
    from console.domain.authority import Verdict

PREVIEW_MAX_HEIGHT = 240


def plain(text: str, name: str = "", parent: QWidget | None = None, *, wrap: bool = True) -> QLabel:
    """A label that shows ``text`` literally (never as HTML)."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    if name:
        label.setObjectName(name)
    label.setText(text)
    return label


class StepCard(QFrame):
    """A plan step; ``preview`` (a toggle) shows what would change, and where. Once
    approved, ``execution`` says how its write-back stands, with buttons to act on it."""

    execution_requested = Signal(str)  # retry, send_again, cancel, mark_done, mark_not_done, undo

    def __init__(
        self, index: int, step: Any, verdict: Verdict | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("stepCard")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.step = step  # as proposed
        self.edited: Any = None  # the person's edited version, once there is one
        self.index = index
        kind = ActionKind(step.action)
        # Selection for "Approve selected", Edit and Reject; off for decided steps.
        self.select = QCheckBox(self, objectName="stepSelect")
        self.select.setAccessibleName(self.tr("Select step %1").replace("%1", str(index)))
        self.select.setToolTip(self.tr("Select this step to approve, edit or reject it on its own"))
        self.title = plain(f"{index}. {labels.action_kind(kind)}", "stepTitle", self, wrap=False)
        self.system = plain(labels.system(self._system(kind)), "systemChip", self, wrap=False)
        self.setAccessibleName(
            self.tr("Step %1: %2 in %3")
            .replace("%1", str(index))
            .replace("%2", labels.action_kind(kind))
            .replace("%3", self.system.text())
        )
        top = QHBoxLayout()
        top.setSpacing(6)
        top.addWidget(self.select)
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.system)

        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.setHorizontalSpacing(10)
        form.setVerticalSpacing(2)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.params: dict[str, QLabel] = {}
        for name, value in self.param_lines():
            field = plain(value, "paramValue", self)
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(plain(name, "fieldLabel", self, wrap=False), field)
            self.params[name] = field

        self.note = plain(step.note or "", "stepNote", self)
        self.note.setVisible(bool(step.note))

        self.verdict = plain(verdict_text(verdict), "verdictBadge", self, wrap=False)
        self.verdict.setProperty("checked", verdict is not None)
        self.verdict.setToolTip(
            verdict.clause
            if verdict is not None
            else self.tr(
                "The decision-authority map has not been applied to this step yet; "
                "nothing here says who may approve it."
            )
        )
        self.toggle = QToolButton(self, objectName="previewToggle")
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toggle.setAccessibleName(
            self.tr("Preview what step %1 would change").replace("%1", str(index))
        )
        self.toggle.toggled.connect(self._toggled)
        bottom = QHBoxLayout()
        bottom.setSpacing(6)
        bottom.addWidget(self.verdict)
        bottom.addStretch(1)
        bottom.addWidget(self.toggle)

        # Where the step stands: decided, paused, above the person's authority, edited.
        self.decision = plain("", "stepDecision", self)
        self.decision.setProperty("tone", "neutral")
        self.decision.hide()
        self.edit_note = plain("", "stepEdited", self)
        self.edit_note.hide()
        # Its write-back, once approved (console.ui.execution_status fills these in).
        self.execution = plain("", "stepExecution", self)
        self.execution.setProperty("tone", "neutral")
        self.execution.setAccessibleName(self.tr("Write-back of step %1").replace("%1", str(index)))
        self.execution.hide()
        self.execution_buttons = self._execution_buttons(index)
        executions = QHBoxLayout()
        executions.setSpacing(6)
        for button in self.execution_buttons.values():
            executions.addWidget(button)
        executions.addStretch(1)

        self.preview = self._build_preview()
        self.preview.setVisible(False)
        self._toggled(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.note)
        layout.addLayout(form)
        layout.addLayout(bottom)
        layout.addWidget(self.decision)
        layout.addWidget(self.execution)
        layout.addLayout(executions)
        layout.addWidget(self.edit_note)
        layout.addWidget(self.preview)

    # --- decisions --------------------------------------------------------------------------
    @property
    def current(self) -> Any:
        """The version approving would use: the edited one, else the proposed one."""
        return self.edited if self.edited is not None else self.step

    def set_decision(self, text: str, tone: str = "neutral") -> None:
        """Say where the step stands (empty: nothing to say); tone neutral/ok/warning/danger."""
        self.decision.setText(text)
        self.decision.setVisible(bool(text))
        if self.decision.property("tone") != tone:
            self.decision.setProperty("tone", tone)
            self.decision.style().unpolish(self.decision)
            self.decision.style().polish(self.decision)

    def set_execution(
        self,
        text: str,
        tone: str = "neutral",
        actions: tuple[str, ...] = (),
        tip: str = "",
        *,
        enabled: bool = True,
    ) -> None:
        """Say how the step's write-back stands (empty: nothing) and offer ``actions``."""
        self.execution.setText(text)
        self.execution.setToolTip(tip)
        self.execution.setAccessibleDescription(tip)
        self.execution.setVisible(bool(text))
        if self.execution.property("tone") != tone:
            self.execution.setProperty("tone", tone)
            self.execution.style().unpolish(self.execution)
            self.execution.style().polish(self.execution)
        for name, button in self.execution_buttons.items():
            button.setVisible(name in actions)
            button.setEnabled(enabled)

    def _execution_buttons(self, index: int) -> dict[str, QPushButton]:
        n = str(index)
        specs = {
            "retry": (
                self.tr("Retry"),
                self.tr("Send step %1 again").replace("%1", n),
                self.tr("Send it again with its original key: it is never done twice"),
            ),
            "send_again": (
                self.tr("Send again"),
                self.tr("Send step %1 again").replace("%1", n),
                self.tr(
                    "Send it again with its original key: if it was done, the remote system "
                    "does not do it twice"
                ),
            ),
            "cancel": (
                self.tr("Cancel"),
                self.tr("Cancel step %1: it will not be sent").replace("%1", n),
                self.tr("Give up on it: it will not be sent"),
            ),
            "mark_done": (
                self.tr("Mark done"),
                self.tr("Mark step %1 done: you checked the remote system").replace("%1", n),
                self.tr("You checked the remote system and it was done"),
            ),
            "mark_not_done": (
                self.tr("Mark not done"),
                self.tr("Mark step %1 not done: you checked the remote system").replace("%1", n),
                self.tr("You checked the remote system and it was not done; nothing is sent"),
            ),
            "undo": (
                self.tr("Undo"),
                self.tr("Undo step %1").replace("%1", n),
                self.tr("Undo it with a compensating step, approved like any other"),
            ),
        }
        buttons: dict[str, QPushButton] = {}
        for name, (text, accessible, tip) in specs.items():
            button = QPushButton(text, self, objectName="executionButton")
            button.setProperty("action", name)
            button.setAutoDefault(False)
            button.setAccessibleName(accessible)
            button.setToolTip(tip)
            button.clicked.connect(
                lambda _checked=False, name=name: self.execution_requested.emit(name)
            )
            button.hide()
            buttons[name] = button
        return buttons

    def set_selectable(self, on: bool) -> None:
        if not on:
            self.select.setChecked(False)
        self.select.setEnabled(on)

    def selected(self) -> bool:
        return self.select.isEnabled() and self.select.isChecked()

    def set_edited(self, step: Any, note: str | None = None) -> None:
        """Show ``step`` (an edited version of this one) in place of the proposed values,
        with ``note`` saying whose version it is."""
        self.edited = step
        shown = self.current
        for name, value in self.param_lines(shown):
            field = self.params.get(name)
            if field is not None:
                field.setText(value)
        self.change.setText(self.dry_run(shown))
        body = preview_body(shown)
        if self.message is not None and body is not None:
            self.message.setPlainText(body)
        if note is None:
            note = self.tr("Edited by you: approving uses your version.")
        self.edit_note.setText(note if step is not None else "")
        self.edit_note.setVisible(step is not None)

    # --- the card ---------------------------------------------------------------------------
    @staticmethod
    def _system(kind: ActionKind) -> SystemName:
        from console.domain.actions import action_type

        return action_type(kind).system

    def param_lines(self, step: Any = None) -> list[tuple[str, str]]:
        """The step's parameters as (label, readable value) rows."""
        return param_lines(step if step is not None else self.step)

    # --- the preview ------------------------------------------------------------------------
    def _toggled(self, on: bool) -> None:
        self.toggle.setText(self.tr("Hide preview ▾") if on else self.tr("Preview ▸"))
        self.preview.setVisible(on)

    def _build_preview(self) -> QWidget:
        box = QFrame(self, objectName="previewPane")
        box.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(8, 6, 8, 8)
        layout.setSpacing(4)
        self.change = plain(self.dry_run(), "previewChange", box)
        layout.addWidget(self.change)
        self.subject: QLabel | None = None
        self.message: QPlainTextEdit | None = None
        kind, p = ActionKind(self.step.action), self.step.params
        text, heading = preview_body(self.step), ""
        if kind is ActionKind.REPLY_TO_CUSTOMER:
            heading = self.tr("The customer would receive:")
        elif kind is ActionKind.NOTIFY_LOGISTICS:
            heading = self.tr("The carrier would receive:")
        elif kind is ActionKind.ESCALATE:
            heading = self.tr("The team would read:")
        elif kind is ActionKind.CLOSE_CASE:
            heading = self.tr("Closing summary:")
        if text is None:
            return box
        layout.addWidget(plain(heading, "fieldLabel", box))
        if kind is ActionKind.REPLY_TO_CUSTOMER and p.subject:
            self.subject = plain(
                self.tr("Subject: %1").replace("%1", p.subject), "previewSubject", box
            )
            layout.addWidget(self.subject)
        self.message = QPlainTextEdit(box, objectName="previewMessage")
        self.message.setReadOnly(True)
        self.message.setTabChangesFocus(True)
        self.message.setPlainText(text)
        self.message.setAccessibleName(heading)
        lines = text.count("\n") + 1 + len(text) // 48
        line = self.message.fontMetrics().lineSpacing()
        self.message.setFixedHeight(min(PREVIEW_MAX_HEIGHT, line * lines + 14))
        layout.addWidget(self.message)
        return box

    def dry_run(self, step: Any = None) -> str:
        """What the step would change, in which system, in one sentence."""
        return dry_run(step if step is not None else self.step)
