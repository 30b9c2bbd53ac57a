"""Steps of a story, their times, and the timeline events they become.

A story is told as :class:`Step` s with gaps between them; :func:`fit` then places them so
that the last one ends shortly before the anchor, moving people's messages into waking or
desk hours; :func:`events` turns the placed steps into timeline events.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import Enum
from typing import Literal

from console.domain.case import CaseStatus
from console.domain.events import (
    Actor,
    EventSource,
    MessagePayload,
    NotePayload,
    Scalar,
    SystemEventPayload,
    TimelineEvent,
)

MessageKind = Literal["customer_message", "agent_message", "bot_message"]


class When(Enum):
    """The hours a step may happen in."""

    ANY = 0
    AWAKE = 1  # the customer's waking hours
    BUSINESS = 2  # the desk's opening hours


@dataclass(slots=True)
class Step:
    """One future timeline event whose time and text are settled after the story is built."""

    gap_s: int  # seconds after the previous step
    when: When
    jitter_s: int
    source: EventSource
    actor: Actor
    summary: str  # template
    text: str = ""  # template; empty for system events
    kind: str = "system"  # "system", "note" or a MessageKind
    subject: str | None = None
    attachments: tuple[str, ...] = ()
    name: str = ""
    subject_id: str | None = None
    attrs: dict[str, Scalar] = field(default_factory=dict)
    duration_s: int | None = None
    tag: str | None = None
    optional: bool = False


def fit(
    steps: list[Step], rng: random.Random, status: CaseStatus, anchor: datetime, tz: timedelta
) -> list[datetime]:
    """Times for the steps, the last one a while (depending on ``status``) before ``anchor``."""
    if status is CaseStatus.NEW:
        minutes = rng.uniform(2, 120)
    elif status is CaseStatus.RESOLVED:
        minutes = rng.uniform(60, 3 * 24 * 60)
    elif status is CaseStatus.CLOSED:
        minutes = rng.uniform(60, 5 * 24 * 60)
    else:
        minutes = 3 + rng.random() ** 2 * 600
    target = (anchor - timedelta(minutes=minutes)).replace(microsecond=0)
    start = target - (_place(steps, target, tz, True)[-1] - target)
    for _ in range(8):
        times = _place(steps, start, tz, True)
        over = times[-1] - target
        if over <= timedelta(0):
            return times
        start -= over
    start = target - (_place(steps, target, tz, False)[-1] - target)
    return _place(steps, start, tz, False)


def _place(steps: list[Step], start: datetime, tz: timedelta, snap: bool) -> list[datetime]:
    times, moment = [], start
    for step in steps:
        moment += timedelta(seconds=step.gap_s)
        if snap and step.when is not When.ANY:
            moment = _working_time(moment, tz, step.when, step.jitter_s)
        times.append(moment)
    return times


def _working_time(moment: datetime, tz: timedelta, when: When, jitter_s: int) -> datetime:
    """``moment`` moved forward into the customer's waking hours or the desk's opening hours."""
    local = moment + tz
    business = when is When.BUSINESS
    opens, closes = (8, 19) if business else (7, 23)
    for _ in range(4):
        open_day = not business or local.weekday() < 6
        if open_day and opens <= local.hour < closes:
            break
        day = local if local.hour < opens else local + timedelta(days=1)
        local = day.replace(hour=opens, minute=0, second=0) + timedelta(seconds=jitter_s)
    return local - tz


def events(
    steps: list[Step],
    times: list[datetime],
    fields: dict[str, str],
    case_id: str,
    msg_lang: str,
) -> list[TimelineEvent]:
    """The placed steps as timeline events, their templates filled from ``fields``."""
    result = []
    for n, (step, moment) in enumerate(zip(steps, times, strict=True), start=1):
        payload: MessagePayload | NotePayload | SystemEventPayload
        if step.kind == "system":
            attrs = {
                k: v.format_map(fields) if isinstance(v, str) and "{" in v else v
                for k, v in step.attrs.items()
            }
            payload = SystemEventPayload(
                name=step.name, subject_id=step.subject_id, attributes=attrs
            )
            summary = step.summary.format_map(fields)
        elif step.kind == "note":
            text = step.text.format_map(fields)
            payload = NotePayload(text=text, call_duration_s=step.duration_s)
            summary = gist(step.summary.format_map(fields))
        else:
            text = step.text.format_map(fields)
            subject = None if step.subject is None else step.subject.format_map(fields)
            payload = MessagePayload(
                kind=_message_kind(step.kind),
                text=text,
                language=msg_lang,
                subject=subject,
                attachments=list(step.attachments),
            )
            summary = subject or gist(step.summary.format_map(fields))
        result.append(
            TimelineEvent(
                id=f"{case_id}-e{n:03d}",
                case_id=case_id,
                occurred_at=moment,
                source=step.source,
                actor=step.actor,
                summary=summary,
                payload=payload,
            )
        )
    return result


def gist(text: str, limit: int = 140) -> str:
    """The first sentence of ``text``, at most ``limit`` characters."""
    line = text.strip().split("\n", 1)[0]
    for stop in ("。", "！", "？", ". ", "? ", "! "):
        cut = line.find(stop)
        if 0 < cut < limit:
            line = line[: cut + 1]
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _message_kind(kind: str) -> MessageKind:
    if kind == "agent_message":
        return "agent_message"
    if kind == "bot_message":
        return "bot_message"
    return "customer_message"
