"""The case-file format: one case, its customer and its events, as a JSON document.

A case file is what ``tandem export`` writes and ``tandem import`` reads. Events are listed
oldest first. Their ``seq`` numbers are informational: on import the store numbers new
events itself, in file order, after those it already holds; events whose ``id`` it already
holds are skipped, so importing a file twice changes nothing.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .base import DomainModel
from .case import Case
from .customer import Customer
from .events import TimelineEvent

CASE_FILE_FORMAT: Literal["tandem.case-file"] = "tandem.case-file"
CASE_FILE_VERSION: Literal[1] = 1


class CaseFile(DomainModel):
    """A case with its customer and its whole timeline, oldest event first."""

    format: Literal["tandem.case-file"] = CASE_FILE_FORMAT
    format_version: Literal[1] = CASE_FILE_VERSION
    customer: Customer
    case: Case
    events: list[TimelineEvent] = Field(default_factory=list)

    @model_validator(mode="after")
    def _consistent(self) -> CaseFile:
        problems = consistency_problems(self.customer, self.case, self.events)
        if problems:
            raise ValueError("; ".join(f"{where}: {why}" for where, why in problems))
        return self


def consistency_problems(
    customer: Customer, case: Case, events: list[TimelineEvent]
) -> list[tuple[str, str]]:
    """What does not fit together in a case file, as (field path, why) pairs."""
    problems: list[tuple[str, str]] = []
    if case.customer_id != customer.id:
        problems.append(
            ("case.customer_id", f"{case.customer_id!r} is not the customer's id {customer.id!r}")
        )
    seen: set[str] = set()
    for i, event in enumerate(events):
        if event.case_id != case.id:
            problems.append((f"events[{i}].case_id", f"{event.case_id!r} is not {case.id!r}"))
        if event.id in seen:
            problems.append((f"events[{i}].id", f"{event.id!r} appears more than once"))
        seen.add(event.id)
    return problems
