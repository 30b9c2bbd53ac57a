"""Filling playbook templates with facts, in the customer's language."""

from __future__ import annotations

import string
from collections.abc import Mapping
from typing import Any

from console.domain.actions import LineItem
from console.domain.base import Money, minor_units

from .facts_view import Fact

__all__ = ["format_money", "render"]

_SYMBOLS = {"USD": "$", "GBP": "£", "EUR": "€", "CNY": "¥", "JPY": "¥"}
_UNKNOWN = {"en": "(not known)", "zh": "（未知）", "de": "(unbekannt)", "es": "(desconocido)"}


def format_money(money: Money, language: str = "en") -> str:
    """``$12.99``, ``£9.99``, ``¥1,389.00``; ``12,99 €`` in German and Spanish."""
    text = f"{money.amount:,.{minor_units(money.currency)}f}"
    symbol = _SYMBOLS.get(money.currency)
    if language in ("de", "es"):
        text = text.replace(",", " ").replace(".", ",").replace(" ", ".")
        return f"{text} {symbol or money.currency}"
    if symbol is None or (symbol == "¥" and money.currency != "CNY" and language == "zh"):
        return f"{text} {money.currency}"
    return f"{symbol}{text}"


def _show(value: Any, language: str) -> str:
    if isinstance(value, Money):
        return format_money(value, language)
    if isinstance(value, tuple) and all(isinstance(v, LineItem) for v in value):
        return ", ".join(f"{item.quantity} × {item.sku}" for item in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


class _Values(dict[str, str]):
    def __init__(self, facts: Mapping[str, Fact], language: str) -> None:
        super().__init__()
        self._facts = facts
        self._language = language

    def __missing__(self, key: str) -> str:
        fact = self._facts.get(key)
        if fact is None:
            return _UNKNOWN.get(self._language, "?")
        return _show(fact.value, self._language)


def render(template: str, facts: Mapping[str, Fact], language: str = "en") -> str:
    """``template`` with its ``{fact}`` placeholders filled; missing facts read as unknown."""
    return string.Formatter().vformat(template, (), _Values(facts, language))
