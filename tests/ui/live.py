"""Appends events to a case exactly as live ingest does: store them, then publish."""

from __future__ import annotations

from datetime import UTC, datetime
from itertools import count
from typing import Any

from console.domain.events import (
    Actor,
    ActorKind,
    EventSource,
    MessagePayload,
    TimelineEvent,
)
from console.services.bus import EventsAppended
from console.store import repositories as repo

_numbers = count(1)


def event(case_id: str, summary: str, source: EventSource = EventSource.CHAT) -> TimelineEvent:
    customer = source in (EventSource.CHAT, EventSource.EMAIL, EventSource.SMS, EventSource.VOICE)
    actor = (
        Actor(kind=ActorKind.CUSTOMER, id="cust-live", name="Live Customer")
        if customer
        else Actor(kind=ActorKind.AGENT, id="agent-1", name="Demo Agent")
    )
    kind = "customer_message" if customer else "agent_message"
    return TimelineEvent(
        id=f"live-{case_id}-{next(_numbers)}",
        case_id=case_id,
        occurred_at=datetime.now(UTC),
        source=source,
        actor=actor,
        summary=summary,
        payload=MessagePayload(kind=kind, text=summary),
    )


def store(services: Any, case_id: str, events: list[TimelineEvent]) -> int:
    """Append ``events`` in one transaction; returns the case's last seq."""
    services.store.write_sync(lambda db: repo.append_events(db, case_id, events))
    return int(services.cases.timeline_length(case_id))


def append(
    services: Any, case_id: str, *summaries: str, source: EventSource = EventSource.CHAT
) -> int:
    """Store one event per summary and publish ``EventsAppended`` as ingest does."""
    last = store(services, case_id, [event(case_id, s, source) for s in summaries])
    services.bus.publish(EventsAppended(case_id, last))
    return last
