"""Live ingest: events from remote feeds, validated, matched to their case, appended once.

Each batch (up to ``MAX_BATCH`` messages, or what arrived within ``BATCH_WINDOW``) is one
write transaction on the store's writer thread: the new events, the quarantined messages and
the feed's new cursor commit together, so a restart resumes exactly where the store is —
nothing lost, nothing twice (events are also deduplicated by id). Then the bus hears about
it: ``EventsAppended`` per case, ``CasesChanged``, ``CustomerMessage``, ``Quarantined``.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol

from console.domain.errors import ConflictError
from console.domain.events import TimelineEvent
from console.domain.inbound import Inbound
from console.store import Store, queries
from console.store import repositories as repo

from .bus import (
    CasesChanged,
    CustomerMessage,
    EventBus,
    EventsAppended,
    FeedStatus,
    Quarantined,
)

log = logging.getLogger(__name__)

MAX_BATCH = 500
BATCH_WINDOW = 0.025  # seconds: a batch closes 25 ms after its first message


class EventFeed(Protocol):
    """A remote system's live events (implemented in console.connectors)."""

    name: str

    def messages(self, after: int | None) -> AsyncIterator[Inbound]: ...


@dataclass
class IngestOutcome:
    events: int = 0  # events appended
    duplicates: int = 0  # events already stored (same id)
    appended: dict[str, int] = field(default_factory=dict)  # case id -> its last seq
    quarantined: list[str] = field(default_factory=list)  # reasons
    customer_messages: list[CustomerMessage] = field(default_factory=list)


_END = object()  # the feed ended (or failed): the pump's last word


def _ingest(db: Any, items: Sequence[Inbound], received_at: datetime) -> IngestOutcome:
    """One transaction: append what is usable, quarantine the rest, advance the cursors."""
    outcome = IngestOutcome()
    cursors: dict[str, int] = {}
    owners: dict[str, tuple[str, str | None]] = {}
    cases_touched: dict[str, list[TimelineEvent]] = {}
    for item in items:
        if item.cursor is not None:
            cursors[item.feed] = max(cursors.get(item.feed, 0), item.cursor)
        reason = item.error
        event = item.event
        case_id = None
        if event is not None:
            case_id = event.case_id or repo.resolve_case(
                db, {k.value: v for k, v in event.refs.items()}
            )
            if case_id is None:
                refs = ", ".join(f"{k.value}={v}" for k, v in event.refs.items()) or "none"
                reason = f"no case matches the event's references ({refs})"
        named_case_missing = (
            event is not None
            and event.case_id is not None
            and db.execute("SELECT 1 FROM cases WHERE id = ?", (case_id,)).fetchone() is None
        )
        if named_case_missing:
            reason, case_id = f"case {case_id} does not exist", None
        if case_id is None or event is None:
            repo.put_quarantine(
                db,
                feed=item.feed,
                cursor=item.cursor,
                reason=reason or "unusable",
                raw=item.raw,
                received_at=received_at,
            )
            outcome.quarantined.append(reason or "unusable")
            continue
        timeline_event = TimelineEvent.model_construct(  # fields validated as InboundEvent
            id=event.id,
            case_id=case_id,
            seq=None,
            occurred_at=event.occurred_at,
            source=event.source,
            actor=event.actor,
            summary=event.summary,
            payload=event.payload,
        )
        try:
            appended, duplicates = repo.append_events(db, case_id, [timeline_event])
        except ConflictError as exc:
            repo.put_quarantine(
                db,
                feed=item.feed,
                cursor=item.cursor,
                reason=str(exc),
                raw=item.raw,
                received_at=received_at,
            )
            outcome.quarantined.append(str(exc))
            continue
        outcome.duplicates += duplicates
        if appended:
            cases_touched.setdefault(case_id, []).append(timeline_event)
            outcome.events += 1
            outcome.appended[case_id] = queries.timeline_length(db.conn, case_id)
            if event.payload.kind == "customer_message":
                if case_id not in owners:
                    row = db.execute(
                        "SELECT owner_kind, owner_id FROM cases WHERE id = ?", (case_id,)
                    ).fetchone()
                    owners[case_id] = (row[0], row[1])
                kind, owner = owners[case_id]
                outcome.customer_messages.append(
                    CustomerMessage(case_id, event.summary, kind, owner)
                )
    for case_id, new_events in cases_touched.items():
        _update_case(db, case_id, new_events)
    for feed, cursor in cursors.items():
        repo.set_feed_cursor(db, feed, cursor, received_at)
    return outcome


def _update_case(db: Any, case_id: str, new_events: list[TimelineEvent]) -> None:
    """Apply the case rules for the case's new events (status, priority, last activity)."""
    from console.policy.case_rules import apply_event

    before = repo.get_case(db.conn, case_id)
    after = before
    for event in new_events:
        after = apply_event(after, event)
    if after is not before:
        repo.update_case(db, after, before.version)


class IngestService:
    def __init__(self, store: Store, bus: EventBus) -> None:
        self._store = store
        self._bus = bus

    async def ingest(self, items: Sequence[Inbound]) -> IngestOutcome:
        """Store one batch of inbound messages and tell the bus what changed."""
        if not items:
            return IngestOutcome()
        batch = list(items)
        outcome = await self._store.write(lambda db: _ingest(db, batch, datetime.now(UTC)))
        self._publish(batch[0].feed, outcome)
        return outcome

    def _publish(self, feed: str, outcome: IngestOutcome) -> None:
        for case_id, last_seq in outcome.appended.items():
            self._bus.publish(EventsAppended(case_id, last_seq))
        if outcome.appended:
            self._bus.publish(CasesChanged(tuple(outcome.appended)))
        for message in outcome.customer_messages:
            self._bus.publish(message)
        for reason in outcome.quarantined:
            self._bus.publish(Quarantined(feed, reason))

    def cursor(self, feed: str) -> int | None:
        return queries.feed_cursor(self._store.reader(), feed)

    async def run(self, feed: EventFeed) -> None:
        """Ingest ``feed`` until cancelled, resuming after the stored cursor."""
        after = await self._store.read(lambda conn: queries.feed_cursor(conn, feed.name))
        # A bounded queue: if the store falls behind, the feed waits (backpressure) instead
        # of memory growing without limit.
        queue: asyncio.Queue[Inbound | object] = asyncio.Queue(maxsize=MAX_BATCH * 20)
        reader = asyncio.ensure_future(self._pump(feed, after, queue))
        loop = asyncio.get_running_loop()
        try:
            ended = False
            while not ended:
                batch: list[Inbound] = []
                deadline: float | None = None
                while len(batch) < MAX_BATCH:
                    try:  # at once when something waits: no timer per message
                        item = queue.get_nowait()
                    except asyncio.QueueEmpty:
                        timeout = None if deadline is None else deadline - loop.time()
                        if timeout is not None and timeout <= 0:
                            break
                        try:
                            item = await asyncio.wait_for(queue.get(), timeout)
                        except TimeoutError:
                            break
                    if item is _END:
                        ended = True
                        break
                    assert isinstance(item, Inbound)
                    batch.append(item)
                    deadline = deadline or loop.time() + BATCH_WINDOW
                await self.ingest(batch)
            reader.result()  # re-raise what stopped the feed, if anything did
        finally:
            reader.cancel()
            self._bus.publish(FeedStatus(feed.name, "stopped"))

    async def _pump(
        self, feed: EventFeed, after: int | None, queue: asyncio.Queue[Inbound | object]
    ) -> None:
        try:
            async for inbound in feed.messages(after):
                await queue.put(inbound)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("feed %s failed", feed.name)
            await queue.put(_END)
            raise
        await queue.put(_END)
