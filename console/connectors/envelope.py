"""The event envelope of the sandbox's (and compatible systems') event feeds.

One JSON object per event::

    {"id": "evt_…", "cursor": 123, "type": "shipment.delayed", "system": "logistics",
     "occurred_at": "2026-11-23T10:00:00Z",
     "refs": {"order_id": "ORD-1", "shipment_id": "SHP-1", "ticket_id": null, …},
     "summary": "DHL reports a 2-day delay", "data": {"carrier": "DHL", "delay_days": 2},
     "message": null | {"author": "customer", "author_name": "…", "channel": "chat",
                        "text": "…", "language": "en", "subject": null}}

:func:`to_inbound` validates one message and maps it to an :class:`Inbound`; what cannot be
read becomes an ``Inbound`` with the raw text and the reason, never an exception.
"""

from __future__ import annotations

import json
from datetime import datetime
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from console.domain.events import (
    Actor,
    ActorKind,
    EventSource,
    MessagePayload,
    NotePayload,
    SystemEventPayload,
)
from console.domain.inbound import Inbound, InboundEvent, RefKind

_SYSTEMS = {
    "orders": EventSource.ORDERS,
    "payments": EventSource.PAYMENTS,
    "logistics": EventSource.LOGISTICS,
    "inventory": EventSource.INVENTORY,
    "tickets": EventSource.TICKETS,
}
_CHANNELS = {
    "chat": EventSource.CHAT,
    "email": EventSource.EMAIL,
    "sms": EventSource.SMS,
    "voice": EventSource.VOICE,
}
_AUTHORS = {"customer": ActorKind.CUSTOMER, "agent": ActorKind.AGENT, "bot": ActorKind.BOT}


class _Remote(BaseModel):
    # Remote systems may add fields: unknown ones are ignored, required ones are checked.
    model_config = ConfigDict(extra="ignore", frozen=True)


class RemoteMessage(_Remote):
    author: Literal["customer", "agent", "bot"]
    author_name: str = Field(min_length=1, max_length=200)
    channel: Literal["chat", "email", "sms", "voice"]
    text: str = Field(min_length=1, max_length=20_000)
    language: str = "en"
    subject: str | None = None


class RemoteRefs(_Remote):
    ticket_id: str | None = None
    order_id: str | None = None
    shipment_id: str | None = None
    payment_id: str | None = None
    subscription_id: str | None = None
    customer_id: str | None = None


class Envelope(_Remote):
    id: str = Field(min_length=1, max_length=80)
    cursor: int = Field(ge=0)
    type: str = Field(pattern=r"^[a-z_]+(\.[a-z_]+)+$")
    system: str
    occurred_at: datetime
    refs: RemoteRefs = Field(default_factory=RemoteRefs)
    summary: str = Field(min_length=1, max_length=300)
    data: dict[str, str | int | bool | Decimal | None] = Field(default_factory=dict)
    message: RemoteMessage | None = None


def _actor(envelope: Envelope) -> Actor:
    message = envelope.message
    if message is not None:
        kind = _AUTHORS[message.author]
        if kind is ActorKind.CUSTOMER:
            ident = envelope.refs.customer_id or "customer"
        else:
            ident = f"{message.author}-{envelope.system}"
        return Actor(kind=kind, id=ident, name=message.author_name)
    return Actor(kind=ActorKind.SYSTEM, id=envelope.system, name=envelope.system.capitalize())


def _event(envelope: Envelope) -> InboundEvent:
    message = envelope.message
    payload: Any
    if message is None:
        if envelope.system not in _SYSTEMS:
            raise ValueError(f"unknown system {envelope.system!r}")
        source = _SYSTEMS[envelope.system]
        subject = next(
            (v for k, v in envelope.refs.model_dump().items() if v and k != "customer_id"),
            None,
        )
        payload = SystemEventPayload(
            name=envelope.type, subject_id=subject, attributes=dict(envelope.data)
        )
    else:
        source = _CHANNELS[message.channel]
        if message.channel == "voice" and message.author == "agent":
            payload = NotePayload(text=message.text)
        else:
            payload = MessagePayload(
                kind=f"{message.author}_message",
                text=message.text,
                language=message.language,
                subject=message.subject,
            )
    refs = {kind: value for kind in RefKind if (value := getattr(envelope.refs, kind.value, None))}
    return InboundEvent(
        id=envelope.id,
        occurred_at=envelope.occurred_at,
        source=source,
        actor=_actor(envelope),
        summary=envelope.summary,
        payload=payload,
        refs=refs,
    )


def _reason(error: ValidationError) -> str:
    parts = []
    for err in error.errors(include_url=False)[:5]:
        where = ".".join(str(p) for p in err["loc"]) or "(message)"
        parts.append(f"{where}: {err['msg']}")
    return "; ".join(parts)


def to_inbound(feed: str, raw: str, cursor: int | None) -> Inbound:
    """Validate one feed message and map it to a domain event (or say why it cannot be)."""
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        return Inbound(feed, cursor, raw, error=f"not JSON: {exc.msg} at column {exc.colno}")
    try:
        envelope = Envelope.model_validate(data)
        event = _event(envelope)
    except ValidationError as exc:
        return Inbound(feed, cursor, raw, error=f"invalid event: {_reason(exc)}")
    except ValueError as exc:
        return Inbound(feed, cursor, raw, error=f"invalid event: {exc}")
    if cursor is not None and envelope.cursor != cursor:
        return Inbound(
            feed,
            cursor,
            raw,
            error=f"the message's cursor {envelope.cursor} is not the stream's {cursor}",
        )
    return Inbound(feed, envelope.cursor, raw, event=event)
