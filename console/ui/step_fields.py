"""What the step form knows about a step's fields, apart from any widget.

Reads a pydantic field into a :class:`FieldSpec` (its bare type, whether it may be empty,
its constraints), lists what changed between two ``model_dump()`` trees, and puts
pydantic's validation errors in plain words (:func:`plain_error`). The strings are in the
form's translation context, written in full as ``QCoreApplication.translate("StepEditForm",
"…")``: lupdate reads only string literals.
"""

from __future__ import annotations

import types
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined
from PySide6.QtCore import QCoreApplication

LONG_TEXT = 500  # text fields allowing more characters than this get a multi-line editor
LONG_TEXT_NAMES = frozenset({"body", "message", "summary", "description"})
CURRENCY_PATTERN = r"^[A-Z]{3}$"
COMMON_CURRENCIES = ("USD", "EUR", "GBP", "CNY", "JPY", "CAD", "AUD", "CHF")
# Parameters Tandem sets and people do not edit (the credit a reversal takes back is named
# by Undo): no row of the form, kept as proposed.
FIXED_PARAMS = frozenset({"reverses"})


@dataclass(frozen=True)
class FieldError:
    """A problem with one field: its dotted ``path`` (``params.amount.amount``), a readable
    ``label`` ("Amount") and the ``message`` in plain words."""

    path: str
    label: str
    message: str

    def __str__(self) -> str:
        return (
            QCoreApplication.translate("StepEditForm", "%1: %2")
            .replace("%1", self.label)
            .replace("%2", self.message)
        )


# --- reading a pydantic field ---------------------------------------------------------------


@dataclass(frozen=True)
class FieldSpec:
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


def spec_of(name: str, annotation: Any, metadata: list[Any], default: Any = None) -> FieldSpec:
    meta = list(metadata)
    while get_origin(annotation) is Annotated:
        annotation, *extra = get_args(annotation)
        meta.extend(extra)
    optional = False
    if get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        optional = len(args) < len(get_args(annotation))
        if len(args) == 1:
            inner = spec_of(name, args[0], meta, default)
            return replace(inner, optional=inner.optional or optional)
    return FieldSpec(name, annotation, optional, tuple(meta), default)


def field_spec(name: str, info: FieldInfo) -> FieldSpec:
    default = None if info.default is PydanticUndefined else info.default
    return spec_of(name, info.annotation, info.metadata, default)


def is_model(kind: Any) -> bool:
    return isinstance(kind, type) and issubclass(kind, BaseModel)


# --- what changed ---------------------------------------------------------------------------


def dump_changes(before: Any, after: Any, path: str, out: list[tuple[str, Any, Any]]) -> None:
    """Field-by-field differences of two ``model_dump()`` trees, with dotted paths."""
    if isinstance(before, dict) and isinstance(after, dict):
        for key in [*before, *(k for k in after if k not in before)]:
            dump_changes(before.get(key), after.get(key), f"{path}.{key}" if path else key, out)
    elif isinstance(before, list) and isinstance(after, list):
        for i in range(max(len(before), len(after))):
            sub = f"{path}.{i}"
            if i < len(before) and i < len(after):
                dump_changes(before[i], after[i], sub, out)
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


# --- pydantic's errors in plain words -------------------------------------------------------


def plain_error(error: Any) -> str:
    """Pydantic's message for ``error`` in plain words."""
    kind, ctx = error["type"], error.get("ctx") or {}

    def limit(key: str) -> str:
        return str(ctx.get(key, ""))

    if kind == "missing":
        return QCoreApplication.translate("StepEditForm", "is required")
    if kind == "string_too_short" or (
        kind == "string_pattern_mismatch" and error.get("input") == ""
    ):
        if ctx.get("min_length", 1) == 1:
            return QCoreApplication.translate("StepEditForm", "can't be empty")
        return QCoreApplication.translate("StepEditForm", "needs at least %1 characters").replace(
            "%1", limit("min_length")
        )
    if kind == "string_too_long":
        return QCoreApplication.translate(
            "StepEditForm", "is too long: at most %1 characters"
        ).replace("%1", limit("max_length"))
    if kind == "string_pattern_mismatch":
        pattern = limit("pattern")
        if pattern == CURRENCY_PATTERN:
            return QCoreApplication.translate(
                "StepEditForm", "must be three capital letters, like USD"
            )
        if "[a-z]{2,3}" in pattern:
            return QCoreApplication.translate(
                "StepEditForm", "must be a language code, like en or zh-CN"
            )
        if pattern.startswith("^[A-Za-z0-9]"):
            return QCoreApplication.translate(
                "StepEditForm",
                "must start with a letter or digit and use only letters, digits and _ . : -",
            )
        return QCoreApplication.translate("StepEditForm", "is not in the expected form")
    if kind in ("decimal_parsing", "decimal_type", "float_parsing", "float_type"):
        return QCoreApplication.translate("StepEditForm", "must be a number, like 12.50")
    if kind == "finite_number":
        return QCoreApplication.translate("StepEditForm", "must be a finite number")
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return QCoreApplication.translate("StepEditForm", "must be a whole number")
    if kind == "greater_than_equal":
        if Decimal(str(ctx.get("ge", 1))) == 0:
            return QCoreApplication.translate("StepEditForm", "can't be negative")
        return QCoreApplication.translate("StepEditForm", "must be at least %1").replace(
            "%1", limit("ge")
        )
    if kind == "greater_than":
        return QCoreApplication.translate("StepEditForm", "must be more than %1").replace(
            "%1", limit("gt")
        )
    if kind == "less_than_equal":
        return QCoreApplication.translate("StepEditForm", "must be at most %1").replace(
            "%1", limit("le")
        )
    if kind == "less_than":
        return QCoreApplication.translate("StepEditForm", "must be less than %1").replace(
            "%1", limit("lt")
        )
    if kind == "decimal_max_digits":
        return QCoreApplication.translate(
            "StepEditForm", "has too many digits: at most %1"
        ).replace("%1", limit("max_digits"))
    if kind == "decimal_max_places":
        return QCoreApplication.translate(
            "StepEditForm", "has too many decimal places: at most %1"
        ).replace("%1", limit("decimal_places"))
    if kind == "too_short":
        return QCoreApplication.translate("StepEditForm", "needs at least %1 row(s)").replace(
            "%1", limit("min_length")
        )
    if kind == "too_long":
        return QCoreApplication.translate("StepEditForm", "has too many rows: at most %1").replace(
            "%1", limit("max_length")
        )
    if kind in ("literal_error", "enum"):
        return QCoreApplication.translate("StepEditForm", "is not one of the choices")
    if kind == "value_error" and "error" in ctx:
        return str(ctx["error"])  # the domain's own sentence
    return str(error.get("msg", kind))
