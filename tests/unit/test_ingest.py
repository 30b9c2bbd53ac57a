"""Live ingest: feed messages are matched to cases, appended once, or quarantined with a reason."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import pytest

from console.connectors.envelope import to_inbound
from console.domain.inbound import Inbound
from console.domain.kinds import EventKind, EventSource
from console.services import Services
from console.services.bus import CasesChanged, CustomerMessage, EventsAppended, Quarantined
from tests.aio import run


def envelope(cursor: int, **overrides: object) -> str:
    data: dict[str, object] = {
        "id": f"evt_{cursor}",
        "cursor": cursor,
        "type": "shipment.delayed",
        "system": "logistics",
        "occurred_at": "2026-11-23T10:00:00Z",
        "refs": {"shipment_id": "SHP-1", "order_id": "ORD-1"},
        "summary": "DHL reports a 2-day delay",
        "data": {"carrier": "DHL", "delay_days": 2},
        "message": None,
    }
    data.update(overrides)
    return json.dumps(data)


def test_a_system_event_maps_to_a_typed_timeline_event() -> None:
    inbound = to_inbound("sandbox", envelope(7), 7)
    assert inbound.error is None
    event = inbound.event
    assert event is not None
    assert (event.source, event.payload.kind) == (EventSource.LOGISTICS, "system_event")
    assert event.payload.attributes == {"carrier": "DHL", "delay_days": 2}
    assert {k.value: v for k, v in event.refs.items()} == {
        "order_id": "ORD-1",
        "shipment_id": "SHP-1",
    }


def test_a_ticket_comment_maps_to_a_customer_message() -> None:
    message = {
        "author": "customer",
        "author_name": "李娜",
        "channel": "chat",
        "text": "我的包裹还没到，这是第三次问了",
        "language": "zh-CN",
        "subject": None,
    }
    raw = envelope(
        8,
        type="ticket.comment_added",
        system="tickets",
        refs={"ticket_id": "TCK-1", "customer_id": "K1"},
        message=message,
    )
    event = to_inbound("sandbox", raw, 8).event
    assert event is not None
    assert (event.source, event.kind if hasattr(event, "kind") else event.payload.kind) == (
        EventSource.CHAT,
        "customer_message",
    )
    assert (event.actor.name, event.actor.id, event.payload.text) == ("李娜", "K1", message["text"])


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("{not json", "not JSON"),
        (envelope(9, occurred_at="yesterday"), "occurred_at"),
        (envelope(9, summary=""), "summary"),
        (envelope(9, system="weather"), "unknown system 'weather'"),
        (envelope(9, type="Shipment Delayed"), "type"),
        (envelope(10), "cursor 10 is not the stream's 9"),
    ],
)
def test_unreadable_messages_say_why(raw: str, reason: str) -> None:
    inbound = to_inbound("sandbox", raw, 9)
    assert inbound.event is None
    assert reason in (inbound.error or "")
    assert inbound.raw == raw  # kept whole for the quarantine


def _demo_refs(services: Services) -> tuple[str, str]:
    """A demo case and one of its order ids."""
    for row in services.cases.queue_now():
        case = run(services.cases.detail(row.case_id)).case
        if case.external_refs.order_ids:
            return row.case_id, case.external_refs.order_ids[0]
    raise AssertionError("no demo case has an order id")


def test_ingest_appends_once_quarantines_the_rest_and_tells_the_bus(services: Services) -> None:
    case_id, order_id = _demo_refs(services)
    before = services.cases.timeline_length(case_id)
    heard: list[object] = []
    for kind in (EventsAppended, CasesChanged, CustomerMessage, Quarantined):
        services.bus.subscribe(kind, heard.append)
    message = {
        "author": "customer",
        "author_name": "Sam",
        "channel": "email",
        "text": "Still nothing. Where is it?",
        "language": "en",
    }
    items = [
        to_inbound("sandbox", envelope(1, refs={"order_id": order_id}), 1),
        to_inbound(
            "sandbox",
            envelope(
                2,
                refs={"order_id": order_id},
                type="ticket.comment_added",
                system="tickets",
                message=message,
            ),
            2,
        ),
        to_inbound("sandbox", envelope(3, refs={"order_id": "ORD-NOBODY"}), 3),
        to_inbound("sandbox", "{broken", 4),
        to_inbound("sandbox", envelope(5, id="evt_1", refs={"order_id": order_id}), 5),  # again
    ]
    outcome = run(services.ingest.ingest(items))
    assert (outcome.events, outcome.duplicates) == (2, 1)
    assert services.cases.timeline_length(case_id) == before + 2
    rows = services.cases.timeline_page(case_id, before + 1, before + 2)
    assert [r.kind for r in rows] == [EventKind.SYSTEM_EVENT, EventKind.CUSTOMER_MESSAGE]
    assert EventsAppended(case_id, before + 2) in heard
    assert any(isinstance(h, CustomerMessage) and h.case_id == case_id for h in heard)
    reasons = [h.reason for h in heard if isinstance(h, Quarantined)]
    assert len(reasons) == 2
    assert "no case matches the event's references (order_id=ORD-NOBODY)" in reasons
    quarantined = run(services.diagnostics.quarantine())
    assert [q.raw for q in quarantined][::-1][1] == "{broken"
    assert services.diagnostics.quarantine_count() == 2
    assert services.ingest.cursor("sandbox") == 5  # the position commits with the events


class ListFeed:
    name = "list"

    def __init__(self, raws: list[str]) -> None:
        self.raws = raws
        self.asked_after: list[int | None] = []

    async def messages(self, after: int | None) -> AsyncIterator[Inbound]:
        self.asked_after.append(after)
        for cursor, raw in enumerate(self.raws, 1):
            if after is None or cursor > after:
                yield to_inbound(self.name, raw, cursor)


def test_run_resumes_after_the_stored_cursor(services: Services) -> None:
    case_id, order_id = _demo_refs(services)
    before = services.cases.timeline_length(case_id)
    feed = ListFeed([envelope(n, refs={"order_id": order_id}) for n in range(1, 4)])
    run(services.ingest.run(feed))
    assert services.cases.timeline_length(case_id) == before + 3
    feed.raws.append(envelope(4, refs={"order_id": order_id}))
    run(services.ingest.run(feed))
    assert feed.asked_after == [None, 3]
    assert services.cases.timeline_length(case_id) == before + 4


def test_a_customer_message_reopens_a_resolved_case_in_the_same_transaction(
    services: Services,
) -> None:
    from console.domain.kinds import CaseStatus
    from console.store import repositories as repo

    case_id, order_id = _demo_refs(services)
    current = run(services.cases.detail(case_id)).case
    resolved = current.model_copy(update={"status": CaseStatus.RESOLVED})
    services.store.write_sync(lambda db: repo.update_case(db, resolved, current.version))
    message = {
        "author": "customer",
        "author_name": "Sam",
        "channel": "chat",
        "text": "It broke again.",
        "language": "en",
    }
    raw = envelope(
        1,
        refs={"order_id": order_id},
        type="ticket.comment_added",
        system="tickets",
        message=message,
    )
    changed: list[CasesChanged] = []
    services.bus.subscribe(CasesChanged, changed.append)
    run(services.ingest.ingest([to_inbound("sandbox", raw, 1)]))
    after = run(services.cases.detail(case_id)).case
    assert after.status is CaseStatus.OPEN
    assert after.priority == min(current.priority + 1, 4)
    assert after.version == current.version + 2
    assert case_id in changed[0].case_ids  # the queue hears of it
