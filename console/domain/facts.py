"""What a planner may know about a case: facts from the store and the remote systems.

Planners reason over these facts only — never over a model's own earlier text. The digest
of the facts is stored with each proposal, so that anyone can tell what it was based on.
"""

from __future__ import annotations

import hashlib

from pydantic import Field

from .audit import canonical_json
from .base import DomainModel, UtcDateTime
from .case import Case
from .customer import Customer
from .events import TimelineEvent

__all__ = ["MAX_FACT_EVENTS", "CaseFacts"]

MAX_FACT_EVENTS = 200  # the newest events a planner sees (bounded context)


class CaseFacts(DomainModel):
    case: Case
    customer: Customer
    events: list[TimelineEvent] = Field(default_factory=list)  # oldest first, the newest N
    now: UtcDateTime  # "now" for the planner: SLA and delay arithmetic use this, not a clock
    instructions: list[str] = Field(default_factory=list)  # the agent's, newest last

    def digest(self) -> str:
        """SHA-256 of the facts' canonical JSON: the proposal's ``input_digest``."""
        return hashlib.sha256(canonical_json(self.model_dump(mode="json"))).hexdigest()
