"""Use cases around cases: the queue, a case's details and timeline, search.

The list reads (queue, timeline pages) use the light queries and no pydantic, because the
console paints its first frame with them; full models are loaded on demand.
"""

from __future__ import annotations

import sqlite3
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from console.domain.kinds import CaseStatus, EventKind, EventSource, Journey
from console.store import QueueRow, SearchHit, Store, TimelineRow, queries

from .bus import EventBus

if TYPE_CHECKING:
    from console.domain.case import Case
    from console.domain.customer import Customer
    from console.domain.events import TimelineEvent

__all__ = [
    "CaseDetail",
    "CaseService",
    "QueueOrder",
    "QueueQuery",
    "QueueRow",
    "SearchHit",
    "TimelineRow",
]

ACTIVE_STATUSES = frozenset(s for s in CaseStatus if s.is_active)


class QueueOrder(StrEnum):
    SLA = "sla"
    PRIORITY = "priority"
    AGE = "age"


@dataclass(frozen=True)
class QueueQuery:
    text: str = ""  # full-text over cases and their events
    journeys: frozenset[Journey] = frozenset()  # empty: any journey
    statuses: frozenset[CaseStatus] = frozenset()  # empty: any active status
    order: QueueOrder = QueueOrder.SLA
    limit: int = 20_000


DEFAULT_QUERY = QueueQuery()


@dataclass(frozen=True)
class CaseDetail:
    case: Case
    customer: Customer
    event_count: int


class CaseService:
    def __init__(self, store: Store, bus: EventBus) -> None:
        self._store = store
        self._bus = bus

    def queue_now(self, query: QueueQuery = DEFAULT_QUERY) -> list[QueueRow]:
        """The queue for ``query``, read on the calling thread (indexed, bounded queries)."""
        return _queue(self._store.reader(), query)

    async def queue(self, query: QueueQuery = DEFAULT_QUERY) -> list[QueueRow]:
        return await self._store.read(lambda conn: _queue(conn, query))

    async def queue_rows(
        self, case_ids: Sequence[str], query: QueueQuery = DEFAULT_QUERY
    ) -> list[QueueRow]:
        """The rows of ``case_ids`` that ``query`` still admits: a cheap refresh of a few
        changed cases (a case missing from the answer has left the queue)."""
        wanted = list(case_ids)
        return await self._store.read(lambda conn: _queue(conn, query, wanted))

    async def detail(self, case_id: str) -> CaseDetail:
        from console.store import repositories as repo

        def load(conn: sqlite3.Connection) -> CaseDetail:
            case = repo.get_case(conn, case_id)
            customer = repo.get_customer(conn, case.customer_id)
            return CaseDetail(case, customer, queries.timeline_length(conn, case_id))

        return await self._store.read(load)

    def timeline_length(self, case_id: str) -> int:
        return queries.timeline_length(self._store.reader(), case_id)

    def timeline_page(self, case_id: str, first_seq: int, last_seq: int) -> list[TimelineRow]:
        return queries.timeline_page(self._store.reader(), case_id, first_seq, last_seq)

    def timeline_rows(self, case_id: str, seqs: Sequence[int]) -> list[TimelineRow]:
        """Rows of the given sequence numbers (a page of a filtered timeline), sync."""
        return queries.timeline_rows(self._store.reader(), case_id, seqs)

    async def timeline_filter(
        self,
        case_id: str,
        sources: Iterable[EventSource] = (),
        kinds: Iterable[EventKind] = (),
    ) -> array[int]:
        """Sequence numbers of the events a filter keeps, in order (empty sets: all)."""
        chosen_sources, chosen_kinds = list(sources), list(kinds)
        return await self._store.read(
            lambda conn: queries.timeline_seqs(conn, case_id, chosen_sources, chosen_kinds)
        )

    async def find_in_case(self, case_id: str, text: str) -> list[int]:
        """Sequence numbers of the case's events matching ``text`` (words, prefixes, ids,
        Chinese), oldest first."""
        return await self._store.read(lambda conn: queries.find_in_case(conn, case_id, text))

    def locate(self, event_id: str) -> tuple[str, int] | None:
        """(case id, seq) of an event, for revealing it in the timeline; None if unknown."""
        return queries.locate_event(self._store.reader(), event_id)

    async def event(self, case_id: str, seq: int) -> TimelineEvent:
        from console.store import repositories as repo

        return await self._store.read(lambda conn: repo.get_event(conn, case_id, seq))

    async def events(self, case_id: str) -> list[TimelineEvent]:
        from console.store import repositories as repo

        return await self._store.read(lambda conn: repo.events(conn, case_id))

    async def search(self, text: str, limit: int = 50, *, ranked: bool = False) -> list[SearchHit]:
        """Cases matching ``text``: newest match first, or best match first (``ranked``)."""
        return await self._store.read(lambda conn: queries.search(conn, text, limit, ranked=ranked))

    async def count(self) -> int:
        return await self._store.read(queries.count_cases)


def _queue(
    conn: sqlite3.Connection, query: QueueQuery, only: Sequence[str] | None = None
) -> list[QueueRow]:
    ids = queries.matching_case_ids(conn, query.text) if query.text.strip() else None
    if only is not None:
        allowed = set(only)
        ids = list(allowed) if ids is None else [i for i in ids if i in allowed]
    return queries.queue(
        conn,
        statuses=query.statuses or ACTIVE_STATUSES,
        journeys=query.journeys,
        case_ids=ids,
        order=query.order.value,
        limit=query.limit,
    )
