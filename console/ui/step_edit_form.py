"""The step form: editors for one proposed plan step, generated from its parameter model.

:class:`StepEditForm` walks ``model_fields`` and builds an editor per field
(:mod:`console.ui.step_editors`), so a new action type gets a form without code here. The
domain model stays the judge: every change is validated by the step class itself and its
errors are shown in plain words (:func:`console.ui.step_fields.plain_error`) next to the
fields they name. Nothing is clamped or dropped silently.

The form is presentational: it imports no services and no policy. Whoever shows it
re-checks authority and shows the answer with ``set_verdict_text``.
"""

from __future__ import annotations

from decimal import Decimal
from enum import Enum
from typing import Any, Literal, get_origin

from pydantic import ValidationError
from pydantic_core import to_jsonable_python
from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QFormLayout, QVBoxLayout, QWidget

from console.domain.actions import ACTION_TYPES, PlanStep
from console.domain.kinds import ActionKind
from console.domain.proposal import FieldChange
from console.ui import labels
from console.ui.proposal_steps import plain
from console.ui.step_editors import (
    BoolEditor,
    ChoiceEditor,
    CurrencyEditor,
    DecimalEditor,
    Editor,
    IntEditor,
    ListEditor,
    ModelEditor,
    TextEditor,
    walk_editors,
)
from console.ui.step_fields import (
    CURRENCY_PATTERN,
    FIXED_PARAMS,
    FieldError,
    FieldSpec,
    dump_changes,
    field_spec,
    is_model,
    plain_error,
)

TONES = frozenset({"neutral", "ok", "warning", "danger"})


class StepEditForm(QWidget):
    """Editors for one proposed plan step, generated from its parameter model.

    ``changed`` is emitted on every edit; ``result()`` gives the edited step or the problems.
    """

    changed = Signal()

    def __init__(self, step: PlanStep, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepEditForm")
        self._proposed = step
        self._ready = False
        self._kind = ActionKind(step.action)
        title = (
            self.tr("%1 · step %2")
            .replace("%1", labels.action_kind(self._kind))
            .replace("%2", step.step_id)
        )
        self.title = plain(title, "stepTitle", self, wrap=False)
        self.verdict = plain("", "stepVerdict", self)
        self.verdict.setProperty("tone", "neutral")
        self.verdict.setVisible(False)

        self.fields = QFormLayout()
        self.fields.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._editors: list[Editor] = []
        params = ACTION_TYPES[self._kind].params_model
        for name, info in params.model_fields.items():
            if name not in FIXED_PARAMS:
                self._add_row(f"params.{name}", field_spec(name, info), getattr(step.params, name))
        for name, info in type(step).model_fields.items():  # the step's own free fields
            if name not in ("step_id", "action", "params"):
                self._add_row(name, field_spec(name, info), getattr(step, name))

        self.errors = plain("", "formErrors", self)
        self.errors.setAccessibleName(self.tr("Problems with the edited step"))
        self.errors.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.title)
        layout.addWidget(self.verdict)
        layout.addLayout(self.fields)
        layout.addWidget(self.errors)
        self._ready = True
        self._show_problems()

    # --- building ---------------------------------------------------------------------------
    def build_editor(self, path: str, spec: FieldSpec, initial: Any) -> Editor:
        """The editor that fits ``spec``; nested and list editors call back for their parts."""
        kind, on = spec.kind, self._edited
        editor: Editor
        if kind is bool:
            editor = BoolEditor(path, spec, initial, on)
        elif get_origin(kind) is Literal or (isinstance(kind, type) and issubclass(kind, Enum)):
            editor = ChoiceEditor(path, spec, initial, on, self.choice_label)
        elif kind is int:
            editor = IntEditor(path, spec, initial, on)
        elif kind in (Decimal, float):
            editor = DecimalEditor(path, spec, initial, on)
        elif is_model(kind):
            editor = ModelEditor(path, spec, initial, on, self)
        elif get_origin(kind) is list:
            editor = ListEditor(path, spec, initial, on, self)
        elif spec.constraint("pattern") == CURRENCY_PATTERN:
            editor = CurrencyEditor(path, spec, initial, on)
        else:
            editor = TextEditor(path, spec, initial, on)
        editor.set_accessible_name(self.field_label(spec.name))
        return editor

    def _add_row(self, path: str, spec: FieldSpec, initial: Any) -> None:
        editor = self.build_editor(path, spec, initial)
        text = self.field_label(spec.name)
        label = plain(text, "fieldLabel", self, wrap=False)
        label.setBuddy(editor.inputs()[0])
        if spec.optional:
            label.setToolTip(self.tr("Optional: leave empty for none"))
        self.fields.addRow(label, editor.widget)
        self._editors.append(editor)

    def field_label(self, name: str) -> str:
        """A readable label for a field name ("order_id" → "Order")."""
        known = {
            "order_id": self.tr("Order"),
            "subscription_id": self.tr("Subscription"),
            "payment_id": self.tr("Payment"),
            "customer_id": self.tr("Customer"),
            "shipment_id": self.tr("Shipment"),
            "amount": self.tr("Amount"),
            "currency": self.tr("Currency"),
            "reason": self.tr("Reason"),
            "items": self.tr("Items"),
            "sku": self.tr("SKU"),
            "quantity": self.tr("Quantity"),
            "speed": self.tr("Shipping"),
            "channel": self.tr("Channel"),
            "language": self.tr("Language"),
            "body": self.tr("Message"),
            "subject": self.tr("Subject"),
            "carrier": self.tr("Carrier"),
            "request": self.tr("Request"),
            "message": self.tr("Message"),
            "warehouse": self.tr("Warehouse"),
            "delta": self.tr("Change"),
            "team": self.tr("Team"),
            "urgent": self.tr("Urgent"),
            "resolution": self.tr("Resolution"),
            "summary": self.tr("Summary"),
            "note": self.tr("Note"),
        }
        if name in known:
            return known[name]
        words = name.removesuffix("_id").replace("_", " ").strip()
        return words[:1].upper() + words[1:]

    def choice_label(self, value: Any) -> str:
        """A readable label for a choice of a Literal or Enum field."""
        raw = str(value.value if isinstance(value, Enum) else value)
        known = {
            "standard": self.tr("Standard delivery"),
            "express": self.tr("Express"),
            "email": self.tr("Email"),
            "chat": self.tr("Chat"),
            "sms": self.tr("SMS"),
            "trace": self.tr("Trace"),
            "claim": self.tr("Claim"),
            "expedite": self.tr("Expedite"),
            "return_pickup": self.tr("Return pickup"),
            "hold": self.tr("Hold"),
            "supervisor": self.tr("Supervisor"),
            "billing": self.tr("Billing"),
            "logistics": self.tr("Logistics"),
            "technical": self.tr("Technical"),
            "legal": self.tr("Legal"),
            "resolved": self.tr("Resolved"),
            "no_action_needed": self.tr("No action needed"),
            "duplicate": self.tr("Duplicate"),
            "customer_unreachable": self.tr("Customer unreachable"),
        }
        if raw in known:
            return known[raw]
        words = raw.replace("_", " ")
        return words[:1].upper() + words[1:]

    def path_label(self, path: str) -> str:
        """A readable name for a dotted path: ``params.items.0.quantity`` → "Items, row 1 ›
        Quantity"; ``params.amount.amount`` → "Amount"."""
        parts: list[str] = []
        segments = path.split(".")
        if segments[0] == "params" and len(segments) > 1:
            segments = segments[1:]
        for segment in segments:
            if segment == "params":
                parts.append(labels.action_kind(self._kind))
            elif segment.isdigit() and parts:
                parts[-1] = (
                    self.tr("%1, row %2")
                    .replace("%1", parts[-1])
                    .replace("%2", str(int(segment) + 1))
                )
            elif not parts or self.field_label(segment) != parts[-1]:
                parts.append(self.field_label(segment))
        return " › ".join(parts)

    # --- the edited value -------------------------------------------------------------------
    @property
    def proposed(self) -> PlanStep:
        return self._proposed

    def editor(self, path: str) -> QWidget | None:
        """The (first) input widget of the field at ``path``, for callers and tests."""
        for editor in walk_editors(self._editors):
            if editor.path == path:
                return editor.inputs()[0]
        return None

    def result(self) -> tuple[PlanStep | None, list[FieldError]]:
        """The edited step, or ``None`` and every problem; never raises."""
        data: dict[str, Any] = {"step_id": self._proposed.step_id, "action": self._proposed.action}
        fixed = FIXED_PARAMS & set(type(self._proposed.params).model_fields)
        params: dict[str, Any] = {name: getattr(self._proposed.params, name) for name in fixed}
        for editor in self._editors:
            head, _, name = editor.path.partition(".")
            if head == "params":
                params[name] = editor.value()
            else:
                data[editor.path] = editor.value()
        data["params"] = params
        try:
            step = type(self._proposed).model_validate(data)
        except ValidationError as exc:
            problems = []
            for error in exc.errors(include_url=False):
                path = ".".join(str(part) for part in error["loc"]) or "params"
                problems.append(FieldError(path, self.path_label(path), plain_error(error)))
            return None, problems
        return step, []

    def value(self) -> PlanStep | None:
        """The edited step; ``None`` while a field is invalid (``result()`` says why)."""
        return self.result()[0]

    def is_valid(self) -> bool:
        return self.value() is not None

    def diff(self) -> list[FieldChange]:
        """What changed against the proposed step, field by field (JSON-ready values);
        empty while the form is invalid."""
        step = self.value()
        if step is None:
            return []
        found: list[tuple[str, Any, Any]] = []
        dump_changes(self._proposed.model_dump(), step.model_dump(), "", found)
        return [
            FieldChange(
                step_id=self._proposed.step_id,
                path=path,
                before=to_jsonable_python(before),
                after=to_jsonable_python(after),
            )
            for path, before, after in found
        ]

    def is_modified(self) -> bool:
        return bool(self.diff())

    def diff_rows(self) -> list[tuple[str, str, str]]:
        """The diff as readable (field, proposed, edited) rows."""
        return [
            (self.path_label(c.path), self._shown(c.path, c.before), self._shown(c.path, c.after))
            for c in self.diff()
        ]

    def _shown(self, path: str, value: Any) -> str:
        editor = next((e for e in walk_editors(self._editors) if e.path == path), None)
        if value is None:
            return "—"
        if isinstance(value, bool):
            return labels.yes_no(value)
        if isinstance(editor, ChoiceEditor):
            return self.choice_label(value)
        if isinstance(value, dict):
            return ", ".join(
                f"{self.field_label(k)} {self._shown('', v)}" for k, v in value.items()
            )
        text = " ".join(str(value).split())
        return text if len(text) <= 80 else text[:79] + "…"

    # --- problems ---------------------------------------------------------------------------
    def _edited(self) -> None:
        if not self._ready:
            return
        self._show_problems()
        self.changed.emit()

    def _show_problems(self) -> None:
        _, problems = self.result()
        editors = list(walk_editors(self._editors))
        marks: dict[int, list[str]] = {}
        for problem in problems:
            target = self._owner(editors, problem.path)
            if target is not None:
                marks.setdefault(id(target), []).append(problem.message)
        for editor in editors:
            if not editor.children():
                editor.set_invalid("\n".join(marks[id(editor)]) if id(editor) in marks else None)
        for editor in editors:  # a nested model's own problem marks all its inputs
            if id(editor) in marks and editor.children():
                editor.set_invalid("\n".join(marks[id(editor)]))
        self.errors.setText("\n".join(f"• {p}" for p in problems))
        self.errors.setVisible(bool(problems))

    @staticmethod
    def _owner(editors: list[Editor], path: str) -> Editor | None:
        """The editor at ``path``, or the one holding it; none for a step-wide problem."""
        best: Editor | None = None
        for editor in editors:
            if (path == editor.path or path.startswith(editor.path + ".")) and (
                best is None or len(editor.path) > len(best.path)
            ):
                best = editor
        return best

    # --- the verdict ------------------------------------------------------------------------
    @Slot(str, str)
    def set_verdict_text(self, text: str, tone: str) -> None:
        """Show the re-checked authority; ``tone`` is neutral, ok, warning or danger."""
        self.verdict.setText(text)
        self.verdict.setProperty("tone", tone if tone in TONES else "neutral")
        self.verdict.style().unpolish(self.verdict)
        self.verdict.style().polish(self.verdict)
        self.verdict.setVisible(bool(text))
