"""Errors the core raises. Each carries a message a person can act on."""

from __future__ import annotations

from dataclasses import dataclass


class TandemError(Exception):
    """Base of Tandem's own errors; ``str(error)`` is meant for the user."""


@dataclass(frozen=True)
class Issue:
    """One problem found in some input: where it is and why it is wrong."""

    source: str  # a file name, "stdin", a remote system ...
    location: str  # a field path such as ``events[3].payload.text``; "" for the whole input
    message: str

    def __str__(self) -> str:
        where = f"{self.source}: {self.location}" if self.location else self.source
        return f"{where}: {self.message}"


class InvalidInput(TandemError):
    """Input was refused whole; ``issues`` lists every problem found."""

    def __init__(self, summary: str, issues: list[Issue]) -> None:
        self.summary = summary
        self.issues = list(issues)
        super().__init__(summary)

    def __str__(self) -> str:
        lines = [self.summary, *(f"  - {issue}" for issue in self.issues)]
        return "\n".join(lines)


class NotFound(TandemError):
    """A case, customer or other record that was asked for does not exist."""


class ConflictError(TandemError):
    """Someone else changed the record first (optimistic concurrency)."""


class StoreError(TandemError):
    """The case store cannot be used; the message says why and what to do."""


class StoreTooNew(StoreError):
    """The database was written by a newer Tandem; it is left untouched."""


class StoreCorrupt(StoreError):
    """The database file is not a readable Tandem store; it is left untouched."""


class StoreFull(StoreError):
    """The disk is full; nothing of the failed write was kept."""
