"""Live events change their case the way an agent expects: reopen, hand back, escalate."""

from __future__ import annotations

from datetime import timedelta

import pytest

from console.domain.case import CaseStatus, OwnerKind, Priority, WorkOwner
from console.domain.events import Actor, ActorKind, EventSource, SystemEventPayload, TimelineEvent
from console.policy.case_rules import apply_event
from tests.factories import T0, case, message


def system_event(name: str, source: EventSource = EventSource.PAYMENTS, minutes: int = 5):
    return TimelineEvent(
        id=f"sys-{name}",
        case_id="case-1",
        occurred_at=T0 + timedelta(minutes=minutes),
        source=source,
        actor=Actor(kind=ActorKind.SYSTEM, id=source.value, name=source.value),
        summary=name,
        payload=SystemEventPayload(name=name),
    )


@pytest.mark.parametrize(
    ("status", "after", "priority"),
    [
        (CaseStatus.WAITING_CUSTOMER, CaseStatus.OPEN, Priority.NORMAL),
        (CaseStatus.RESOLVED, CaseStatus.OPEN, Priority.HIGH),  # reopened: an unhappy customer
        (CaseStatus.CLOSED, CaseStatus.OPEN, Priority.HIGH),
        (CaseStatus.OPEN, CaseStatus.OPEN, Priority.NORMAL),
    ],
)
def test_a_customer_message_reopens(status, after, priority) -> None:
    changed = apply_event(case(status=status), message("m1", minutes=5))
    assert (changed.status, changed.priority) == (after, priority)
    assert changed.updated_at == T0 + timedelta(minutes=5)


def test_the_awaited_system_hands_the_case_back() -> None:
    waiting = case(
        status=CaseStatus.WAITING_SYSTEM, owner=WorkOwner(kind=OwnerKind.SYSTEM, id="logistics")
    )
    other = apply_event(waiting, system_event("refund.succeeded", EventSource.PAYMENTS))
    assert other.status is CaseStatus.WAITING_SYSTEM
    back = apply_event(waiting, system_event("carrier.scan", EventSource.LOGISTICS))
    assert back.status is CaseStatus.OPEN


def test_hurtful_events_raise_priority_up_to_urgent() -> None:
    current = case(priority=Priority.HIGH)
    once = apply_event(current, system_event("refund.failed"))
    twice = apply_event(once, system_event("shipment.lost", EventSource.LOGISTICS))
    assert (once.priority, twice.priority) == (Priority.URGENT, Priority.URGENT)


def test_nothing_to_change_returns_the_same_case() -> None:
    current = case(updated_at=T0 + timedelta(hours=1))
    assert apply_event(current, system_event("carrier.scan", EventSource.LOGISTICS)) is current
