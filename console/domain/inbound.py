"""Events arriving from remote systems, before they are matched to a case.

A connector turns each message of a remote feed into an :class:`Inbound`: either a valid
:class:`InboundEvent` or the raw text with the reason it could not be read. Nothing is
dropped: what cannot be used goes to the quarantine with its reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated

from pydantic import Field, StringConstraints

from .base import DomainModel, Identifier, UtcDateTime
from .events import Actor, EventPayload, EventSource

__all__ = ["Inbound", "InboundEvent", "RefKind"]


class RefKind(StrEnum):
    """The external references by which an inbound event finds its case, strongest first."""

    TICKET = "ticket_id"
    ORDER = "order_id"
    SHIPMENT = "shipment_id"
    PAYMENT = "payment_id"
    SUBSCRIPTION = "subscription_id"


class InboundEvent(DomainModel):
    id: Identifier
    occurred_at: UtcDateTime
    source: EventSource
    actor: Actor
    summary: Annotated[str, StringConstraints(min_length=1, max_length=300)]
    payload: EventPayload
    refs: dict[RefKind, Identifier] = Field(default_factory=dict)
    case_id: Identifier | None = None  # set when the source knows the case (a scenario)


@dataclass(frozen=True, slots=True)
class Inbound:
    """One message of a remote feed: a usable event, or the raw text and why not."""

    feed: str  # the feed's name, e.g. "sandbox"
    cursor: int | None  # the feed's position after this message, if it has one
    raw: str
    event: InboundEvent | None = None
    error: str | None = None
