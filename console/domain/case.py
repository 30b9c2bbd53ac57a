"""A customer case: what it is about, where it stands and who works it."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints, model_validator

from .base import DomainModel, Identifier, ShortText, UtcDateTime
from .kinds import CaseStatus, Journey, OwnerKind, Priority, SentimentLabel

__all__ = [
    "Case",
    "CaseStatus",
    "ExternalRefs",
    "Journey",
    "OwnerKind",
    "Priority",
    "Sentiment",
    "SentimentLabel",
    "WorkOwner",
]


class WorkOwner(DomainModel):
    kind: OwnerKind
    id: Identifier | None = None  # agent id or system name; None for the AI

    @model_validator(mode="after")
    def _id_when_needed(self) -> WorkOwner:
        if self.kind is not OwnerKind.AI and self.id is None:
            raise ValueError(f"an owner of kind {self.kind.value!r} needs an id")
        return self


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
