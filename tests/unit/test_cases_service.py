"""The case service as the console uses it: queue, refresh of changed rows, detail, search."""

from __future__ import annotations

from console.domain.kinds import CaseStatus
from console.services import Services
from console.services.cases import QueueOrder, QueueQuery
from console.store import repositories as repo
from tests.aio import run


def test_queue_orders_and_searches(services: Services) -> None:
    by_sla = services.cases.queue_now()
    assert by_sla == sorted(by_sla, key=lambda r: (r.sla_due_at, -r.priority))
    assert all(r.status.is_active for r in by_sla)
    by_priority = run(services.cases.queue(QueueQuery(order=QueueOrder.PRIORITY)))
    assert [r.priority for r in by_priority] == sorted((r.priority for r in by_sla), reverse=True)
    first = by_sla[0]
    found = run(services.cases.queue(QueueQuery(text=first.subject.split()[0])))
    assert first.case_id in {r.case_id for r in found}


def test_queue_rows_refreshes_only_the_named_cases(services: Services) -> None:
    rows = services.cases.queue_now()
    keep, close = rows[0], rows[1]
    current = run(services.cases.detail(close.case_id)).case
    closed = current.model_copy(update={"status": CaseStatus.CLOSED})
    services.store.write_sync(lambda db: repo.update_case(db, closed, current.version))
    fresh = run(services.cases.queue_rows([keep.case_id, close.case_id]))
    assert [r.case_id for r in fresh] == [keep.case_id]  # the closed case left the queue


def test_detail_and_timeline_pages_agree(services: Services) -> None:
    row = services.cases.queue_now()[0]
    detail = run(services.cases.detail(row.case_id))
    assert detail.customer.id == detail.case.customer_id == row.customer_id
    length = services.cases.timeline_length(row.case_id)
    assert length == detail.event_count == row.event_count
    page = services.cases.timeline_page(row.case_id, 1, length)
    events = run(services.cases.events(row.case_id))
    assert [p.event_id for p in page] == [e.id for e in events]
    assert run(services.cases.event(row.case_id, length)).id == page[-1].event_id


def test_timeline_filter_find_and_locate(services: Services) -> None:
    from console.domain.kinds import EventKind, EventSource

    row = max(services.cases.queue_now(), key=lambda r: r.event_count)
    events = run(services.cases.events(row.case_id))
    customer_said = [e.seq for e in events if e.kind is EventKind.CUSTOMER_MESSAGE]
    kept = run(services.cases.timeline_filter(row.case_id, kinds=[EventKind.CUSTOMER_MESSAGE]))
    assert list(kept) == customer_said
    systems = [e.seq for e in events if e.source in (EventSource.ORDERS, EventSource.PAYMENTS)]
    by_source = run(
        services.cases.timeline_filter(
            row.case_id, sources=[EventSource.ORDERS, EventSource.PAYMENTS]
        )
    )
    assert list(by_source) == systems
    assert list(run(services.cases.timeline_filter(row.case_id))) == [e.seq for e in events]
    page = services.cases.timeline_rows(row.case_id, customer_said)
    assert [r.seq for r in page] == customer_said

    target = events[len(events) // 2]
    assert services.cases.locate(target.id) == (row.case_id, target.seq)
    assert services.cases.locate("no-such-event") is None
    word = next(w for w in target.summary.split() if len(w) >= 4 and w.isalpha())
    assert target.seq in run(services.cases.find_in_case(row.case_id, word))
