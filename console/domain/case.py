"""A customer case: what it is about, where it stands and who works it."""

from __future__ import annotations

from enum import IntEnum, StrEnum
from typing import Annotated

from pydantic import Field, StringConstraints, model_validator

from .base import DomainModel, Identifier, ShortText, UtcDateTime


class Journey(StrEnum):
    """What the customer is trying to get done."""

    WHERE_IS_MY_ORDER = "where_is_my_order"
    LATE_DELIVERY = "late_delivery"
    LOST_DELIVERY = "lost_delivery"
    DAMAGED_ITEM = "damaged_item"
    BILLING_DISPUTE = "billing_dispute"
    DOUBLE_CHARGE = "double_charge"
    SUBSCRIPTION_CANCELLATION = "subscription_cancellation"
    SERVICE_OUTAGE = "service_outage"


class CaseStatus(StrEnum):
    NEW = "new"
    OPEN = "open"
    WAITING_CUSTOMER = "waiting_customer"
    WAITING_SYSTEM = "waiting_system"
    WAITING_SUPERVISOR = "waiting_supervisor"
    RESOLVED = "resolved"
    CLOSED = "closed"

    @property
    def is_active(self) -> bool:
        return self not in (CaseStatus.RESOLVED, CaseStatus.CLOSED)


class Priority(IntEnum):
    """Higher is more urgent; stored as its number so that it sorts natively."""

    LOW = 1
    NORMAL = 2
    HIGH = 3
    URGENT = 4


class OwnerKind(StrEnum):
    AI = "ai"
    AGENT = "agent"
    SYSTEM = "system"  # waiting on a remote system


class WorkOwner(DomainModel):
    kind: OwnerKind
    id: Identifier | None = None  # agent id or system name; None for the AI

    @model_validator(mode="after")
    def _id_when_needed(self) -> WorkOwner:
        if self.kind is not OwnerKind.AI and self.id is None:
            raise ValueError(f"an owner of kind {self.kind.value!r} needs an id")
        return self


class SentimentLabel(StrEnum):
    VERY_NEGATIVE = "very_negative"
    NEGATIVE = "negative"
    NEUTRAL = "neutral"
    POSITIVE = "positive"


class Sentiment(DomainModel):
    label: SentimentLabel
    score: float = Field(ge=-1.0, le=1.0)
    reason: ShortText  # why: the words or events that gave this reading


class ExternalRefs(DomainModel):
    ticket_id: Identifier | None = None
    order_ids: list[Identifier] = Field(default_factory=list)
    payment_ids: list[Identifier] = Field(default_factory=list)
    shipment_ids: list[Identifier] = Field(default_factory=list)
    subscription_id: Identifier | None = None


class Case(DomainModel):
    id: Identifier
    customer_id: Identifier
    subject: Annotated[str, StringConstraints(min_length=1, max_length=300)]
    journey: Journey
    status: CaseStatus = CaseStatus.NEW
    priority: Priority = Priority.NORMAL
    opened_at: UtcDateTime
    updated_at: UtcDateTime
    sla_due_at: UtcDateTime
    owner: WorkOwner = Field(default_factory=lambda: WorkOwner(kind=OwnerKind.AI))
    sentiment: Sentiment | None = None
    external_refs: ExternalRefs = Field(default_factory=ExternalRefs)
    contact_count: int = Field(default=1, ge=0)  # times the customer has reached out
    version: int = Field(default=1, ge=1)  # optimistic concurrency

    @model_validator(mode="after")
    def _times_in_order(self) -> Case:
        if self.updated_at < self.opened_at:
            raise ValueError("updated_at is before opened_at")
        return self
