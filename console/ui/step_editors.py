"""The input widgets of the step form: one editor per field, chosen from its spec.

Text (one line or several), currencies, decimals, bounded whole numbers, yes/no, choices
of a Literal or Enum, nested models (such as Money, one row of their fields' editors) and
lists of them (one row per element, with Remove, and Add below). Each editor's ``value()``
is the raw answer pydantic will judge: nothing is clamped or dropped here.

Nested and list editors ask the form (``form.build_editor``, ``form.field_label``) for the
editors and labels of their parts. The strings are in the form's translation context,
written in full as ``QCoreApplication.translate("StepEditForm", "…")``: lupdate reads only
string literals.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from enum import Enum
from typing import Any, get_args

from pydantic import BaseModel
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from console.ui.step_fields import (
    COMMON_CURRENCIES,
    LONG_TEXT,
    LONG_TEXT_NAMES,
    FieldSpec,
    field_spec,
    spec_of,
)


class Editor:
    """Holds the input widget(s) of one field; ``value()`` is what pydantic will judge."""

    widget: QWidget

    def __init__(self, path: str, spec: FieldSpec, on_change: Callable[[], None]) -> None:
        self.path, self.spec, self.on_change = path, spec, on_change

    def value(self) -> Any:
        raise NotImplementedError

    def is_empty(self) -> bool:
        return self.value() in (None, "")

    def children(self) -> list[Editor]:
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


class TextEditor(Editor):
    def __init__(self, path: str, spec: FieldSpec, initial: Any, on_change: Callable[[], None]):
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


class CurrencyEditor(Editor):
    def __init__(self, path: str, spec: FieldSpec, initial: Any, on_change: Callable[[], None]):
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


class DecimalEditor(Editor):
    def __init__(self, path: str, spec: FieldSpec, initial: Any, on_change: Callable[[], None]):
        super().__init__(path, spec, on_change)
        self.edit = QLineEdit("" if initial is None else str(initial))
        self.edit.setPlaceholderText("0.00")
        self.edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.edit.textChanged.connect(on_change)
        self.widget = self.edit

    def value(self) -> Any:
        text = self.edit.text().strip()
        return None if self.spec.optional and not text else text  # pydantic parses it


class IntEditor(Editor):
    """A spin box within the field's bounds; text typed outside them is shown as an error
    (the raw text is what gets validated), never clamped behind the user's back."""

    def __init__(self, path: str, spec: FieldSpec, initial: Any, on_change: Callable[[], None]):
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


class BoolEditor(Editor):
    def __init__(self, path: str, spec: FieldSpec, initial: Any, on_change: Callable[[], None]):
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


class ChoiceEditor(Editor):
    def __init__(
        self,
        path: str,
        spec: FieldSpec,
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


class ModelEditor(Editor):
    """A nested model (such as Money) as one row of its fields' editors."""

    def __init__(
        self, path: str, spec: FieldSpec, initial: Any, on_change: Callable[[], None], form: Any
    ):
        super().__init__(path, spec, on_change)
        self.form = form
        self.widget = QWidget()
        row = QHBoxLayout(self.widget)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        values = initial.model_dump() if isinstance(initial, BaseModel) else (initial or {})
        self.fields: list[Editor] = []
        for name, info in spec.kind.model_fields.items():
            child = form.build_editor(f"{path}.{name}", field_spec(name, info), values.get(name))
            self.fields.append(child)
            if isinstance(child, TextEditor) and not child.spec.optional:
                child.edit.setPlaceholderText(form.field_label(name))
            row.addWidget(child.widget, 1 if isinstance(child, TextEditor) else 0)

    def children(self) -> list[Editor]:
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


class ListEditor(Editor):
    """A list (of line items, say): one row per element, each with Remove, and Add below."""

    def __init__(
        self, path: str, spec: FieldSpec, initial: Any, on_change: Callable[[], None], form: Any
    ):
        super().__init__(path, spec, on_change)
        self.form = form
        self.item_spec = spec_of("item", get_args(spec.kind)[0] if get_args(spec.kind) else str, [])
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
        self.rows: list[tuple[QWidget, Editor, QToolButton]] = []
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

    def children(self) -> list[Editor]:
        return [editor for _, editor, _ in self.rows]

    def inputs(self) -> list[QWidget]:
        return [self.widget]

    def value(self) -> Any:
        return [editor.value() for _, editor, _ in self.rows]

    def is_empty(self) -> bool:
        return not self.rows


def walk_editors(editors: list[Editor]) -> Iterator[Editor]:
    """Every editor and, after each, the editors of its parts."""
    for editor in editors:
        yield editor
        yield from walk_editors(editor.children())
