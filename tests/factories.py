"""Small, explicit builders of domain objects for tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from console.domain.base import Money
from console.domain.case import Case, Journey
from console.domain.casefile import CaseFile
from console.domain.customer import Customer
from console.domain.events import Actor, ActorKind, EventSource, MessagePayload, TimelineEvent

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def customer(customer_id: str = "cus-1", name: str = "Maya Patel", **kw: Any) -> Customer:
    return Customer(id=customer_id, name=name, lifetime_value=Money.of("310.00", "USD"), **kw)


def case(case_id: str = "case-1", customer_id: str = "cus-1", **kw: Any) -> Case:
    fields: dict[str, Any] = {
        "subject": "Where is my order ORD-10023?",
        "journey": Journey.WHERE_IS_MY_ORDER,
        "opened_at": T0,
        "updated_at": T0,
        "sla_due_at": T0 + timedelta(hours=4),
    }
    fields.update(kw)
    return Case(id=case_id, customer_id=customer_id, **fields)


def message(
    event_id: str,
    case_id: str = "case-1",
    text: str = "My parcel has not arrived.",
    minutes: int = 0,
    language: str = "en",
) -> TimelineEvent:
    return TimelineEvent(
        id=event_id,
        case_id=case_id,
        occurred_at=T0 + timedelta(minutes=minutes),
        source=EventSource.CHAT,
        actor=Actor(kind=ActorKind.CUSTOMER, id="cus-1", name="Maya Patel"),
        summary=text[:80],
        payload=MessagePayload(kind="customer_message", text=text, language=language),
    )


def case_file(case_id: str = "case-1", n_events: int = 3, **case_kw: Any) -> CaseFile:
    return CaseFile(
        customer=customer(),
        case=case(case_id, **case_kw),
        events=[message(f"{case_id}-e{i}", case_id, minutes=i) for i in range(1, n_events + 1)],
    )
