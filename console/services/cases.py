"""Use cases around cases: the queue, a case's details and timeline, search."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from console.domain.case import Case, CaseStatus, Journey
from console.domain.customer import Customer
from console.domain.events import TimelineEvent
from console.store import QueueRow, SearchHit, Store, TimelineRow
from console.store import repositories as repo

from .bus import EventBus

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


@dataclass(frozen=True)
class CaseDetail:
    case: Case
    customer: Customer
    event_count: int


class CaseService:
    def __init__(self, store: Store, bus: EventBus) -> None:
        self._store = store
        self._bus = bus

    def queue_now(self, query: QueueQuery = QueueQuery()) -> list[QueueRow]:
        """The queue for ``query``, read on the calling thread (one indexed query)."""
        conn = self._store.reader()
        ids = repo.matching_case_ids(conn, query.text) if query.text.strip() else None
        return repo.queue(
            conn,
            statuses=query.statuses or ACTIVE_STATUSES,
            journeys=query.journeys,
            case_ids=ids,
            order=query.order.value,
            limit=query.limit,
        )

    async def queue(self, query: QueueQuery = QueueQuery()) -> list[QueueRow]:
        return await self._store.read(lambda _conn: self.queue_now(query))

    async def detail(self, case_id: str) -> CaseDetail:
        def load(conn: object) -> CaseDetail:
            reader = self._store.reader()
            case = repo.get_case(reader, case_id)
            return CaseDetail(
                case,
                repo.get_customer(reader, case.customer_id),
                repo.timeline_length(reader, case_id),
            )

        return await self._store.read(load)

    def timeline_length(self, case_id: str) -> int:
        return repo.timeline_length(self._store.reader(), case_id)

    def timeline_page(self, case_id: str, first_seq: int, last_seq: int) -> list[TimelineRow]:
        return repo.timeline_page(self._store.reader(), case_id, first_seq, last_seq)

    async def event(self, case_id: str, seq: int) -> TimelineEvent:
        return await self._store.read(lambda conn: repo.get_event(conn, case_id, seq))

    async def events(self, case_id: str) -> list[TimelineEvent]:
        return await self._store.read(lambda conn: repo.events(conn, case_id))

    async def search(self, text: str, limit: int = 50) -> list[SearchHit]:
        return await self._store.read(lambda conn: repo.search(conn, text, limit))

    async def count(self) -> int:
        return await self._store.read(repo.count_cases)
