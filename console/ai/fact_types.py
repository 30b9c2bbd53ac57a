"""One fact about a case: its value, the events it rests on, and whether it is direct."""

from __future__ import annotations

from dataclasses import dataclass

from console.domain.actions import LineItem
from console.domain.base import Money

__all__ = ["Fact", "FactValue"]

FactValue = str | int | bool | Money | tuple[LineItem, ...]


@dataclass(frozen=True, slots=True)
class Fact:
    value: FactValue
    event_ids: tuple[str, ...] = ()
    direct: bool = True
