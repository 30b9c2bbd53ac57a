"""Read models the store returns for lists: light rows, not full domain objects.

A queue of 10,000 cases or a page of a million-event timeline must not build pydantic
models per row; these slotted dataclasses carry just what a list shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from console.domain.kinds import (
    ActorKind,
    CaseStatus,
    EventKind,
    EventSource,
    Journey,
    OwnerKind,
    Priority,
    SentimentLabel,
    Tier,
)


@dataclass(frozen=True, slots=True)
class QueueRow:
    case_id: str
    subject: str
    customer_id: str
    customer_name: str
    tier: Tier
    language: str
    journey: Journey
    status: CaseStatus
    priority: Priority
    owner_kind: OwnerKind
    owner_id: str | None
    sentiment: SentimentLabel | None
    opened_at: datetime
    updated_at: datetime
    sla_due_at: datetime
    event_count: int


@dataclass(frozen=True, slots=True)
class TimelineRow:
    seq: int
    event_id: str
    occurred_at: datetime
    source: EventSource
    kind: EventKind
    actor_kind: ActorKind
    actor_name: str
    summary: str


@dataclass(frozen=True, slots=True)
class SearchHit:
    case_id: str
    subject: str
    customer_name: str
    snippet: str


@dataclass(frozen=True, slots=True)
class ImportResult:
    case_id: str
    created: bool
    new_events: int
    duplicate_events: int


@dataclass(frozen=True, slots=True)
class QuarantineRow:
    """An inbound message that could not be used, with the reason; kept, never dropped."""

    id: int
    received_at: datetime
    feed: str
    cursor: int | None
    reason: str
    raw: str
