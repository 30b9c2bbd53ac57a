"""Timeline events: everything that happened on a case, on every channel and system.

Events are append-only. Each has a typed payload; the payload's ``kind`` says which.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from .base import DomainModel, Identifier, NonEmptyText, ShortText, UtcDateTime
from .kinds import ActorKind, EventKind, EventSource

__all__ = [
    "ActionStatusPayload",
    "Actor",
    "ActorKind",
    "DecisionPayload",
    "EventKind",
    "EventPayload",
    "EventSource",
    "MessagePayload",
    "NotePayload",
    "ProposalPayload",
    "Scalar",
    "SystemEventPayload",
    "TimelineEvent",
]


class Actor(DomainModel):
    kind: ActorKind
    id: Identifier
    name: ShortText


class MessagePayload(DomainModel):
    """A message written by the customer, an agent or a bot."""

    kind: Literal["customer_message", "agent_message", "bot_message"]
    text: NonEmptyText
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")] = "en"
    subject: ShortText | None = None
    attachments: list[ShortText] = Field(default_factory=list)


class NotePayload(DomainModel):
    """An internal note, for example an agent's note after a call."""

    kind: Literal["note"] = "note"
    text: NonEmptyText
    call_duration_s: int | None = Field(default=None, ge=0)


Scalar = str | int | bool | Decimal | None


class SystemEventPayload(DomainModel):
    """Something a remote system reported, such as ``order.delayed`` or ``refund.failed``."""

    kind: Literal["system_event"] = "system_event"
    name: Annotated[str, StringConstraints(pattern=r"^[a-z_]+(\.[a-z_]+)+$")]
    subject_id: Identifier | None = None  # the order, payment or shipment it is about
    attributes: dict[Annotated[str, StringConstraints(max_length=64)], Scalar] = Field(
        default_factory=dict
    )


class ProposalPayload(DomainModel):
    kind: Literal["ai_proposal"] = "ai_proposal"
    proposal_id: Identifier
    summary: NonEmptyText
    confidence: float = Field(ge=0.0, le=1.0)


class DecisionPayload(DomainModel):
    kind: Literal["decision"] = "decision"
    decision_id: Identifier
    proposal_id: Identifier | None = None
    decision_kind: ShortText
    reason: NonEmptyText | None = None


class ActionStatusPayload(DomainModel):
    kind: Literal["action_status"] = "action_status"
    execution_id: Identifier
    action: ShortText
    state: ShortText
    remote_ref: ShortText | None = None
    error: NonEmptyText | None = None


EventPayload = Annotated[
    MessagePayload
    | NotePayload
    | SystemEventPayload
    | ProposalPayload
    | DecisionPayload
    | ActionStatusPayload,
    Field(discriminator="kind"),
]


class TimelineEvent(DomainModel):
    """One entry of a case's timeline.

    ``seq`` is the dense per-case sequence number the store assigns on append (1, 2, 3 ...);
    events that have not been stored yet have ``seq=None``.
    """

    id: Identifier
    case_id: Identifier
    seq: int | None = Field(default=None, ge=1)
    occurred_at: UtcDateTime
    source: EventSource
    actor: Actor
    summary: Annotated[str, StringConstraints(min_length=1, max_length=300)]
    payload: EventPayload

    @property
    def kind(self) -> EventKind:
        return EventKind(self.payload.kind)

    @property
    def text(self) -> str:
        """The searchable text of the event: its summary and any message or note text."""
        body = getattr(self.payload, "text", None)
        return self.summary if body is None else f"{self.summary}\n{body}"
