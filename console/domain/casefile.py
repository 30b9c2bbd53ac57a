"""The case-file format: one case, its customer and its events, as a JSON document.

A case file is what ``tandem export`` writes and ``tandem import`` reads. Event ``seq``
numbers are not part of the format: the store numbers events on import, in file order.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .base import DomainModel
from .case import Case
from .customer import Customer
from .events import TimelineEvent

CASE_FILE_FORMAT = "tandem.case-file"
CASE_FILE_VERSION = 1


class CaseFile(DomainModel):
    """A case with its customer and its whole timeline, oldest event first."""

    format: Literal["tandem.case-file"] = CASE_FILE_FORMAT
    format_version: Literal[1] = CASE_FILE_VERSION
    customer: Customer
    case: Case
    events: list[TimelineEvent] = Field(default_factory=list)

    @model_validator(mode="after")
    def _consistent(self) -> CaseFile:
        problems = []
        if self.case.customer_id != self.customer.id:
            problems.append(
                f"case.customer_id {self.case.customer_id!r} is not the customer's id "
                f"{self.customer.id!r}"
            )
        seen: set[str] = set()
        for i, event in enumerate(self.events):
            if event.case_id != self.case.id:
                problems.append(f"events[{i}].case_id {event.case_id!r} is not {self.case.id!r}")
            if event.id in seen:
                problems.append(f"events[{i}].id {event.id!r} appears more than once")
            seen.add(event.id)
        if problems:
            raise ValueError("; ".join(problems))
        return self
