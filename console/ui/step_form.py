"""Edit one plan step in a form generated from its pydantic parameter model.

The editors are chosen by walking ``model_fields`` (text, long text, choices, yes/no,
bounded whole numbers, decimals, nested models such as Money, lists of models such as line
items), so a new action type gets a form without code here. The domain model stays the
judge: every change is validated by the step class itself and its errors are shown in
plain words next to the fields they name. Nothing is clamped or dropped silently.

The form is presentational: it imports no services and no policy. The caller re-checks
authority (``StepEditDialog(recheck=...)``) and shows the answer with ``set_verdict_text``.
"""

from __future__ import annotations

import logging
import types
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from enum import Enum
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined, to_jsonable_python
from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from console.domain.actions import ACTION_TYPES, PlanStep
from console.domain.kinds import ActionKind
from console.domain.proposal import FieldChange
from console.ui import labels
from console.ui.proposal_steps import plain

log = logging.getLogger(__name__)

LONG_TEXT = 500  # text fields allowing more characters than this get a multi-line editor
LONG_TEXT_NAMES = frozenset({"body", "message", "summary", "description"})
CURRENCY_PATTERN = r"^[A-Z]{3}$"
COMMON_CURRENCIES = ("USD", "EUR", "GBP", "CNY", "JPY", "CAD", "AUD", "CHF")
MAX_DIFF_ROWS = 6  # the diff view grows to this many rows, then scrolls
TONES = frozenset({"neutral", "ok", "warning", "danger"})
# Parameters Tandem sets and people do not edit (the credit a reversal takes back is named
# by Undo): no row of the form, kept as proposed.
FIXED_PARAMS = frozenset({"reverses"})


# The editors' strings are in the form's translation context, written in full as
# QCoreApplication.translate("StepEditForm", "…"): lupdate reads only string literals.


@dataclass(frozen=True)
class FieldError:
    """A problem with one field: its dotted ``path`` (``params.amount.amount``), a readable
    ``label`` ("Amount") and the ``message`` in plain words."""

    path: str
    label: str
    message: str

    def __str__(self) -> str:
        return f"{self.label}: {self.message}"


# --- reading a pydantic field ---------------------------------------------------------------


@dataclass(frozen=True)
class _Spec:
    name: str
    kind: Any  # the bare type: no Annotated, no None
    optional: bool
    metadata: tuple[Any, ...]
    default: Any = None

    def constraint(self, attr: str) -> Any:
        for item in self.metadata:
            value = getattr(item, attr, None)
            if value is not None:
                return value
        return None


def _spec(name: str, annotation: Any, metadata: list[Any], default: Any = None) -> _Spec:
    meta = list(metadata)
    while get_origin(annotation) is Annotated:
        annotation, *extra = get_args(annotation)
        meta.extend(extra)
    optional = False
    if get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        optional = len(args) < len(get_args(annotation))
        if len(args) == 1:
            inner = _spec(name, args[0], meta, default)
            return replace(inner, optional=inner.optional or optional)
    return _Spec(name, annotation, optional, tuple(meta), default)


def _field_spec(name: str, info: FieldInfo) -> _Spec:
    default = None if info.default is PydanticUndefined else info.default
    return _spec(name, info.annotation, info.metadata, default)


def _is_model(kind: Any) -> bool:
    return isinstance(kind, type) and issubclass(kind, BaseModel)


# --- editors: one per field, built from its spec ---------------------------------------------


class _Editor:
    """Holds the input widget(s) of one field; ``value()`` is what pydantic will judge."""

    widget: QWidget

    def __init__(self, path: str, spec: _Spec, on_change: Callable[[], None]) -> None:
        self.path, self.spec, self.on_change = path, spec, on_change

    def value(self) -> Any:
        raise NotImplementedError

    def is_empty(self) -> bool:
        return self.value() in (None, "")

    def children(self) -> list[_Editor]:
        return []

    def inputs(self) -> list[QWidget]:
        return [self.widget]

    def set_path(self, path: str) -> None:
        self.path = path
        for child in self.children():
            child.set_path(f"{path}.{child.spec.name}")

    def set_accessible_name(self, name: str) -> None:
        self.widget.setAccessibleName(name)

    def set_invalid(self, message: str | None) -> None:
        """Mark the inputs for the stylesheet (``[invalid="true"]``) and explain on hover."""
        invalid = message is not None
        for widget in self.inputs():
            widget.setToolTip(message or "")
            if bool(widget.property("invalid")) != invalid:
                widget.setProperty("invalid", invalid)
                widget.style().unpolish(widget)
                widget.style().polish(widget)


class _TextEditor(_Editor):
    def __init__(self, path: str, spec: _Spec, initial: Any, on_change: Callable[[], None]):
        super().__init__(path, spec, on_change)
        long = (spec.constraint("max_length") or 0) > LONG_TEXT or spec.name in LONG_TEXT_NAMES
        if long:
            self.edit: QLineEdit | QPlainTextEdit = QPlainTextEdit()
            self.edit.setTabChangesFocus(True)
            self.edit.setPlainText("" if initial is None else str(initial))
            self.edit.setFixedHeight(self.edit.fontMetrics().lineSpacing() * 5 + 14)
            self.edit.textChanged.connect(on_change)
        else:
            self.edit = QLineEdit("" if initial is None else str(initial))
            self.edit.textChanged.connect(on_change)
        if spec.optional:
            self.edit.setPlaceholderText(QCoreApplication.translate("StepEditForm", "(none)"))
        self.widget = self.edit

    def text(self) -> str:
        edit = self.edit
        return edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text()

    def value(self) -> Any:
        text = self.text()
        return None if self.spec.optional and not text.strip() else text


class _CurrencyEditor(_Editor):
    def __init__(self, path: str, spec: _Spec, initial: Any, on_change: Callable[[], None]):
        super().__init__(path, spec, on_change)
        self.combo = QComboBox()
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        codes = [str(initial)] if initial else []
        self.combo.addItems(codes + [c for c in COMMON_CURRENCIES if c not in codes])
        self.combo.setCurrentText("" if initial is None else str(initial))
        self.combo.currentTextChanged.connect(on_change)
        self.widget = self.combo

    def value(self) -> Any:
        text = self.combo.currentText()
        return None if self.spec.optional and not text.strip() else text


class _DecimalEditor(_Editor):
    def __init__(self, path: str, spec: _Spec, initial: Any, on_change: Callable[[], None]):
        super().__init__(path, spec, on_change)
        self.edit = QLineEdit("" if initial is None else str(initial))
        self.edit.setPlaceholderText("0.00")
        self.edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.edit.textChanged.connect(on_change)
        self.widget = self.edit

    def value(self) -> Any:
        text = self.edit.text().strip()
        return None if self.spec.optional and not text else text  # pydantic parses it


class _IntEditor(_Editor):
    """A spin box within the field's bounds; text typed outside them is shown as an error
    (the raw text is what gets validated), never clamped behind the user's back."""

    def __init__(self, path: str, spec: _Spec, initial: Any, on_change: Callable[[], None]):
        super().__init__(path, spec, on_change)
        low, high = spec.constraint("ge"), spec.constraint("le")
        self.spin = QSpinBox()
        self.spin.setRange(
            -(10**9) if low is None else int(low), 10**9 if high is None else int(high)
        )
        start = initial if initial is not None else spec.default
        self.spin.setValue(int(start) if start is not None else max(self.spin.minimum(), 0))
        # The editor's own text: the spin box signals only text within its bounds.
        self.spin.lineEdit().textChanged.connect(on_change)
        self.widget = self.spin

    def value(self) -> Any:
        if self.spin.hasAcceptableInput():
            return self.spin.value()
        return self.spin.cleanText().strip()


class _BoolEditor(_Editor):
    def __init__(self, path: str, spec: _Spec, initial: Any, on_change: Callable[[], None]):
        super().__init__(path, spec, on_change)
        self.box = QCheckBox()
        self.box.setTristate(spec.optional)
        value = spec.default if initial is None and not spec.optional else initial
        state = (
            Qt.CheckState.PartiallyChecked
            if value is None
            else (Qt.CheckState.Checked if value else Qt.CheckState.Unchecked)
        )
        self.box.setCheckState(state)
        self.box.stateChanged.connect(on_change)
        self.widget = self.box

    def value(self) -> Any:
        state = self.box.checkState()
        if state == Qt.CheckState.PartiallyChecked:
            return None
        return state == Qt.CheckState.Checked


class _ChoiceEditor(_Editor):
    def __init__(
        self,
        path: str,
        spec: _Spec,
        initial: Any,
        on_change: Callable[[], None],
        choice_label: Callable[[Any], str],
    ):
        super().__init__(path, spec, on_change)
        kind = spec.kind
        choices = list(kind) if isinstance(kind, type) and issubclass(kind, Enum) else []
        self.choices: list[Any] = ([None] if spec.optional else []) + (
            choices or list(get_args(kind))
        )
        self.combo = QComboBox()
        for choice in self.choices:
            self.combo.addItem(
                QCoreApplication.translate("StepEditForm", "(none)")
                if choice is None
                else choice_label(choice)
            )
        if initial is None and not spec.optional:
            initial = spec.default
        self.combo.setCurrentIndex(self.choices.index(initial) if initial in self.choices else 0)
        self.combo.currentIndexChanged.connect(on_change)
        self.widget = self.combo

    def value(self) -> Any:
        index = self.combo.currentIndex()
        return self.choices[index] if 0 <= index < len(self.choices) else None


class _ModelEditor(_Editor):
    """A nested model (such as Money) as one row of its fields' editors."""

    def __init__(
        self, path: str, spec: _Spec, initial: Any, on_change: Callable[[], None], form: Any
    ):
        super().__init__(path, spec, on_change)
        self.form = form
        self.widget = QWidget()
        row = QHBoxLayout(self.widget)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        values = initial.model_dump() if isinstance(initial, BaseModel) else (initial or {})
        self.fields: list[_Editor] = []
        for name, info in spec.kind.model_fields.items():
            child = form.build_editor(f"{path}.{name}", _field_spec(name, info), values.get(name))
            self.fields.append(child)
            if isinstance(child, _TextEditor) and not child.spec.optional:
                child.edit.setPlaceholderText(form.field_label(name))
            row.addWidget(child.widget, 1 if isinstance(child, _TextEditor) else 0)

    def children(self) -> list[_Editor]:
        return self.fields

    def inputs(self) -> list[QWidget]:
        return [w for child in self.fields for w in child.inputs()]

    def value(self) -> Any:
        if self.spec.optional and self.is_empty():
            return None
        return {child.spec.name: child.value() for child in self.fields}

    def is_empty(self) -> bool:
        return all(child.is_empty() for child in self.fields)

    def set_accessible_name(self, name: str) -> None:
        self.widget.setAccessibleName(name)
        for child in self.fields:
            child_label = self.form.field_label(child.spec.name)
            child.set_accessible_name(
                name
                if child_label == name
                else QCoreApplication.translate("StepEditForm", "%1: %2")
                .replace("%1", name)
                .replace("%2", child_label)
            )


class _ListEditor(_Editor):
    """A list (of line items, say): one row per element, each with Remove, and Add below."""

    def __init__(
        self, path: str, spec: _Spec, initial: Any, on_change: Callable[[], None], form: Any
    ):
        super().__init__(path, spec, on_change)
        self.form = form
        self.item_spec = _spec("item", get_args(spec.kind)[0] if get_args(spec.kind) else str, [])
        self.widget = QFrame()
        self.widget.setObjectName("itemList")
        self.widget.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.rows_layout = QVBoxLayout()
        self.rows_layout.setContentsMargins(0, 0, 0, 0)
        self.rows_layout.setSpacing(4)
        self.add_button = QPushButton(QCoreApplication.translate("StepEditForm", "Add item"))
        self.add_button.setObjectName("addItem")
        self.add_button.clicked.connect(self.add)
        box = QVBoxLayout(self.widget)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(4)
        box.addLayout(self.rows_layout)
        box.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.rows: list[tuple[QWidget, _Editor, QToolButton]] = []
        self.name = ""
        for item in initial or []:
            self._append(item)

    def _append(self, item: Any) -> None:
        editor = self.form.build_editor(f"{self.path}.{len(self.rows)}", self.item_spec, item)
        holder = QWidget()
        line = QHBoxLayout(holder)
        line.setContentsMargins(0, 0, 0, 0)
        line.setSpacing(4)
        line.addWidget(editor.widget, 1)
        remove = QToolButton()
        remove.setObjectName("removeItem")
        remove.setText(QCoreApplication.translate("StepEditForm", "Remove"))
        remove.clicked.connect(lambda: self.remove(self._index_of(holder)))
        line.addWidget(remove)
        self.rows_layout.addWidget(holder)
        self.rows.append((holder, editor, remove))
        self._renumber()

    def _index_of(self, holder: QWidget) -> int:
        return next(i for i, (h, _, _) in enumerate(self.rows) if h is holder)

    def add(self) -> None:
        self._append(None)
        self.rows[-1][1].inputs()[0].setFocus()
        self.on_change()

    def remove(self, index: int) -> None:
        holder, _, _ = self.rows.pop(index)
        holder.hide()
        holder.deleteLater()
        self._renumber()
        self.on_change()

    def _renumber(self) -> None:
        for index, (_, editor, remove) in enumerate(self.rows):
            editor.set_path(f"{self.path}.{index}")
            row = (
                QCoreApplication.translate("StepEditForm", "%1, row %2")
                .replace("%1", self.name)
                .replace("%2", str(index + 1))
            )
            editor.set_accessible_name(row)
            remove.setAccessibleName(
                QCoreApplication.translate("StepEditForm", "Remove %1").replace("%1", row)
            )

    def set_path(self, path: str) -> None:
        self.path = path
        self._renumber()

    def set_accessible_name(self, name: str) -> None:
        self.name = name
        self.widget.setAccessibleName(name)
        self.add_button.setAccessibleName(
            QCoreApplication.translate("StepEditForm", "Add a row to %1").replace("%1", name)
        )
        self._renumber()

    def children(self) -> list[_Editor]:
        return [editor for _, editor, _ in self.rows]

    def inputs(self) -> list[QWidget]:
        return [self.widget]

    def value(self) -> Any:
        return [editor.value() for _, editor, _ in self.rows]

    def is_empty(self) -> bool:
        return not self.rows


def _walk(editors: list[_Editor]) -> Iterator[_Editor]:
    for editor in editors:
        yield editor
        yield from _walk(editor.children())


def _changes(before: Any, after: Any, path: str, out: list[tuple[str, Any, Any]]) -> None:
    """Field-by-field differences of two ``model_dump()`` trees, with dotted paths."""
    if isinstance(before, dict) and isinstance(after, dict):
        for key in [*before, *(k for k in after if k not in before)]:
            _changes(before.get(key), after.get(key), f"{path}.{key}" if path else key, out)
    elif isinstance(before, list) and isinstance(after, list):
        for i in range(max(len(before), len(after))):
            sub = f"{path}.{i}"
            if i < len(before) and i < len(after):
                _changes(before[i], after[i], sub, out)
            else:
                out.append(
                    (
                        sub,
                        before[i] if i < len(before) else None,
                        after[i] if i < len(after) else None,
                    )
                )
    elif before != after:
        out.append((path, before, after))


# --- the form -------------------------------------------------------------------------------


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
        self._editors: list[_Editor] = []
        params = ACTION_TYPES[self._kind].params_model
        for name, info in params.model_fields.items():
            if name not in FIXED_PARAMS:
                self._add_row(f"params.{name}", _field_spec(name, info), getattr(step.params, name))
        for name, info in type(step).model_fields.items():  # the step's own free fields
            if name not in ("step_id", "action", "params"):
                self._add_row(name, _field_spec(name, info), getattr(step, name))

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
    def build_editor(self, path: str, spec: _Spec, initial: Any) -> _Editor:
        """The editor that fits ``spec``; nested and list editors call back for their parts."""
        kind, on = spec.kind, self._edited
        editor: _Editor
        if kind is bool:
            editor = _BoolEditor(path, spec, initial, on)
        elif get_origin(kind) is Literal or (isinstance(kind, type) and issubclass(kind, Enum)):
            editor = _ChoiceEditor(path, spec, initial, on, self.choice_label)
        elif kind is int:
            editor = _IntEditor(path, spec, initial, on)
        elif kind in (Decimal, float):
            editor = _DecimalEditor(path, spec, initial, on)
        elif _is_model(kind):
            editor = _ModelEditor(path, spec, initial, on, self)
        elif get_origin(kind) is list:
            editor = _ListEditor(path, spec, initial, on, self)
        elif spec.constraint("pattern") == CURRENCY_PATTERN:
            editor = _CurrencyEditor(path, spec, initial, on)
        else:
            editor = _TextEditor(path, spec, initial, on)
        editor.set_accessible_name(self.field_label(spec.name))
        return editor

    def _add_row(self, path: str, spec: _Spec, initial: Any) -> None:
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
        for editor in _walk(self._editors):
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
                problems.append(FieldError(path, self.path_label(path), self._plain(error)))
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
        _changes(self._proposed.model_dump(), step.model_dump(), "", found)
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
        editor = next((e for e in _walk(self._editors) if e.path == path), None)
        if value is None:
            return "—"
        if isinstance(value, bool):
            return labels.yes_no(value)
        if isinstance(editor, _ChoiceEditor):
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
        editors = list(_walk(self._editors))
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
    def _owner(editors: list[_Editor], path: str) -> _Editor | None:
        """The editor at ``path``, or the one holding it; none for a step-wide problem."""
        best: _Editor | None = None
        for editor in editors:
            if (path == editor.path or path.startswith(editor.path + ".")) and (
                best is None or len(editor.path) > len(best.path)
            ):
                best = editor
        return best

    def _plain(self, error: Any) -> str:
        """Pydantic's message for ``error`` in plain words."""
        kind, ctx = error["type"], error.get("ctx") or {}

        def limit(key: str) -> str:
            return str(ctx.get(key, ""))

        if kind == "missing":
            return self.tr("is required")
        if kind == "string_too_short" or (
            kind == "string_pattern_mismatch" and error.get("input") == ""
        ):
            if ctx.get("min_length", 1) == 1:
                return self.tr("can't be empty")
            return self.tr("needs at least %1 characters").replace("%1", limit("min_length"))
        if kind == "string_too_long":
            return self.tr("is too long: at most %1 characters").replace("%1", limit("max_length"))
        if kind == "string_pattern_mismatch":
            pattern = limit("pattern")
            if pattern == CURRENCY_PATTERN:
                return self.tr("must be three capital letters, like USD")
            if "[a-z]{2,3}" in pattern:
                return self.tr("must be a language code, like en or zh-CN")
            if pattern.startswith("^[A-Za-z0-9]"):
                return self.tr(
                    "must start with a letter or digit and use only letters, digits and _ . : -"
                )
            return self.tr("is not in the expected form")
        if kind in ("decimal_parsing", "decimal_type", "float_parsing", "float_type"):
            return self.tr("must be a number, like 12.50")
        if kind == "finite_number":
            return self.tr("must be a finite number")
        if kind in ("int_parsing", "int_type", "int_from_float"):
            return self.tr("must be a whole number")
        if kind == "greater_than_equal":
            if Decimal(str(ctx.get("ge", 1))) == 0:
                return self.tr("can't be negative")
            return self.tr("must be at least %1").replace("%1", limit("ge"))
        if kind == "greater_than":
            return self.tr("must be more than %1").replace("%1", limit("gt"))
        if kind == "less_than_equal":
            return self.tr("must be at most %1").replace("%1", limit("le"))
        if kind == "less_than":
            return self.tr("must be less than %1").replace("%1", limit("lt"))
        if kind == "decimal_max_digits":
            return self.tr("has too many digits: at most %1").replace("%1", limit("max_digits"))
        if kind == "decimal_max_places":
            return self.tr("has too many decimal places: at most %1").replace(
                "%1", limit("decimal_places")
            )
        if kind == "too_short":
            return self.tr("needs at least %1 row(s)").replace("%1", limit("min_length"))
        if kind == "too_long":
            return self.tr("has too many rows: at most %1").replace("%1", limit("max_length"))
        if kind in ("literal_error", "enum"):
            return self.tr("is not one of the choices")
        if kind == "value_error" and "error" in ctx:
            return str(ctx["error"])  # the domain's own sentence
        return str(error.get("msg", kind))

    # --- the verdict ------------------------------------------------------------------------
    @Slot(str, str)
    def set_verdict_text(self, text: str, tone: str) -> None:
        """Show the re-checked authority; ``tone`` is neutral, ok, warning or danger."""
        self.verdict.setText(text)
        self.verdict.setProperty("tone", tone if tone in TONES else "neutral")
        self.verdict.style().unpolish(self.verdict)
        self.verdict.style().polish(self.verdict)
        self.verdict.setVisible(bool(text))


class StepDiffView(QTableWidget):
    """Read-only rows "field · proposed → edited"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setObjectName("stepDiff")
        self.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Proposed"), self.tr("Edited")])
        self.setAccessibleName(self.tr("Changes to the proposed step"))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.setWordWrap(False)

    def set_rows(self, rows: list[tuple[str, str, str]]) -> None:
        self.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.setItem(r, c, item)
        shown = min(max(len(rows), 1), MAX_DIFF_ROWS)
        row_height = self.verticalHeader().defaultSectionSize()
        self.setFixedHeight(
            self.horizontalHeader().sizeHint().height() + row_height * shown + 2 * self.frameWidth()
        )

    def rows(self) -> list[tuple[str, str, str]]:
        """The rows as shown."""

        def text(row: int, column: int) -> str:
            item = self.item(row, column)
            return item.text() if item is not None else ""

        return [(text(r, 0), text(r, 1), text(r, 2)) for r in range(self.rowCount())]


Recheck = Callable[[PlanStep], tuple[str, str]]


class StepEditDialog(QDialog):
    """The form with OK/Cancel; OK only for a valid, changed step. ``recheck`` (if given)
    returns (verdict text, tone) for each valid edited step."""

    def __init__(
        self, step: PlanStep, recheck: Recheck | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("stepEditDialog")
        self.setWindowTitle(
            self.tr("Edit step: %1").replace("%1", labels.action_kind(ActionKind(step.action)))
        )
        self.setMinimumWidth(560)
        self._recheck = recheck
        self._rechecked: PlanStep | None = None
        self._edited: PlanStep | None = None
        self.form = StepEditForm(step, self)
        self.diff_title = plain(self.tr("No changes yet"), "sectionTitle", self, wrap=False)
        self.diff_view = StepDiffView(self)
        self.diff_view.setVisible(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Use edited step"))
        self.ok.setAccessibleName(self.tr("Use the edited step"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.diff_title)
        layout.addWidget(self.diff_view)
        layout.addWidget(self.buttons)
        self.form.changed.connect(self._refresh)
        self._refresh()

    def _refresh(self) -> None:
        step = self.form.value()
        rows = self.form.diff_rows() if step is not None else []
        self.ok.setEnabled(step is not None and bool(rows))
        self.diff_view.set_rows(rows)
        self.diff_view.setVisible(bool(rows))
        if step is None:
            self.diff_title.setText(self.tr("Fix the marked fields to see the changes"))
        else:
            self.diff_title.setText(self.tr("Changes") if rows else self.tr("No changes yet"))
        if step is None:
            self._rechecked = None
            if self._recheck is not None:
                self.form.set_verdict_text(
                    self.tr("Fix the marked fields to re-check who may approve this step."),
                    "neutral",
                )
        elif self._recheck is not None and step != self._rechecked:
            self._rechecked = step
            try:
                text, tone = self._recheck(step)
            except Exception:  # the caller's check failing must not close the editor
                log.exception("re-checking authority of an edited step failed")
                text, tone = self.tr("Could not re-check who may approve this step."), "warning"
            self.form.set_verdict_text(text, tone)

    def accept(self) -> None:
        step = self.form.value()
        if step is None or not self.form.diff():
            return
        self._edited = step
        super().accept()

    def edited_step(self) -> PlanStep | None:
        """The edited step once accepted; ``None`` before or after Cancel."""
        return self._edited if self.result() == QDialog.DialogCode.Accepted else None
