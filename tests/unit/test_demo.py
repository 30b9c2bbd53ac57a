"""The demo-data generator: deterministic, varied, and valid against the domain models."""

from __future__ import annotations

import re
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest

from console.domain.case import CaseStatus, Journey, OwnerKind, SentimentLabel
from console.domain.casefile import CaseFile
from console.domain.events import ActorKind, EventKind, SystemEventPayload
from console.services.demo import MAX_EVENTS, generate_cases

ANCHOR = datetime(2026, 3, 10, 14, 0, tzinfo=UTC)
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def cases() -> list[CaseFile]:
    return list(generate_cases(500, 7, anchor=ANCHOR))


def _dump(files: list[CaseFile]) -> list[str]:
    return [f.model_dump_json() for f in files]


def test_same_inputs_give_byte_identical_output() -> None:
    first = _dump(list(generate_cases(30, 3, anchor=ANCHOR)))
    again = _dump(list(generate_cases(30, 3, anchor=ANCHOR)))
    assert first == again


def test_a_case_does_not_depend_on_how_many_are_generated() -> None:
    ten = _dump(list(generate_cases(10, 5, anchor=ANCHOR)))
    many = _dump(list(generate_cases(200, 5, anchor=ANCHOR)))
    assert many[:10] == ten


def test_different_seeds_give_different_cases() -> None:
    one = list(generate_cases(5, 1, anchor=ANCHOR))
    two = list(generate_cases(5, 2, anchor=ANCHOR))
    assert {f.case.id for f in one}.isdisjoint(f.case.id for f in two)
    assert [f.case.subject for f in one] != [f.case.subject for f in two]


def test_ids_do_not_depend_on_the_anchor() -> None:
    """Re-seeding later (another anchor) must hit the same ids, so seeding is idempotent."""
    now = list(generate_cases(20, 4, anchor=ANCHOR))
    later = list(generate_cases(20, 4, anchor=ANCHOR + timedelta(days=40, hours=5)))
    for a, b in zip(now, later, strict=True):
        assert a.case.id == b.case.id
        assert a.customer.id == b.customer.id
        assert [e.id for e in a.events] == [e.id for e in b.events]
        assert a.case.journey == b.case.journey


def test_default_anchor_is_the_current_hour() -> None:
    (case,) = generate_cases(1, 9)
    hour = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
    assert case.events[-1].occurred_at < hour + timedelta(hours=1)
    assert case.events[-1].occurred_at > hour - timedelta(days=6)


def test_naive_anchor_is_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        next(generate_cases(1, 1, anchor=datetime(2026, 3, 10, 14)))


def test_every_journey_appears_in_40_cases() -> None:
    journeys = Counter(f.case.journey for f in generate_cases(40, 11, anchor=ANCHOR))
    assert set(journeys) == set(Journey)
    assert set(journeys.values()) == {5}  # evenly


def test_round_trip_through_the_case_file_format(cases: list[CaseFile]) -> None:
    for case_file in cases[:100]:
        assert CaseFile.model_validate_json(case_file.model_dump_json()) == case_file


def test_ids_are_unique_across_cases(cases: list[CaseFile]) -> None:
    case_ids = [f.case.id for f in cases]
    customer_ids = [f.customer.id for f in cases]
    event_ids = [e.id for f in cases for e in f.events]
    order_ids = [o for f in cases for o in f.case.external_refs.order_ids]
    ticket_ids = [f.case.external_refs.ticket_id for f in cases]
    for ids in (case_ids, customer_ids, event_ids, order_ids, ticket_ids):
        assert len(ids) == len(set(ids))


def test_events_belong_to_their_case_in_time_order_before_the_anchor(
    cases: list[CaseFile],
) -> None:
    for f in cases:
        assert 6 <= len(f.events) <= MAX_EVENTS
        times = [e.occurred_at for e in f.events]
        assert times == sorted(times)
        assert times[-1] < ANCHOR
        assert times[0] > ANCHOR - timedelta(days=60)
        assert all(e.case_id == f.case.id for e in f.events)
        assert f.case.opened_at in times
        assert f.case.updated_at == times[-1]


def test_external_refs_match_the_system_events(cases: list[CaseFile]) -> None:
    for f in cases:
        refs = f.case.external_refs
        subjects: set[str] = set()
        for event in f.events:
            payload = event.payload
            if not isinstance(payload, SystemEventPayload) or payload.subject_id is None:
                continue
            subjects.add(payload.subject_id)
            family = payload.name.split(".")[0]
            if family == "order":
                assert payload.subject_id in refs.order_ids, payload
            elif family in ("payment", "refund"):
                assert payload.subject_id in refs.payment_ids, payload
            elif family in ("shipment", "carrier", "delivery"):
                assert payload.subject_id in refs.shipment_ids, payload
            elif family == "ticket":
                assert payload.subject_id == refs.ticket_id, payload
            elif family == "subscription":
                assert payload.subject_id == refs.subscription_id, payload
            if payload.name == "order.shipped":
                assert payload.attributes["shipment_id"] in refs.shipment_ids
        referenced = [*refs.order_ids, *refs.payment_ids, *refs.shipment_ids, refs.ticket_id]
        if refs.subscription_id:
            referenced.append(refs.subscription_id)
        assert set(referenced) <= subjects, f.case.id


def test_chinese_customers_write_chinese(cases: list[CaseFile]) -> None:
    chinese = [f for f in cases if f.customer.language == "zh-CN"]
    assert 0.15 < len(chinese) / len(cases) < 0.32
    for f in chinese:
        assert CJK.search(f.customer.name)
        assert CJK.search(f.case.subject)
        for event in f.events:
            if event.actor.kind in (ActorKind.CUSTOMER, ActorKind.BOT):
                assert CJK.search(event.payload.text), event  # type: ignore[union-attr]
    others = [f for f in cases if f.customer.language.startswith("en")]
    for f in others:
        customer_texts = [e.text for e in f.events if e.actor.kind is ActorKind.CUSTOMER]
        assert not any(CJK.search(t) for t in customer_texts)


def test_languages_and_currencies_go_together(cases: list[CaseFile]) -> None:
    currency = {"en-US": "USD", "en-GB": "GBP", "zh-CN": "CNY", "de-DE": "EUR", "es-ES": "EUR"}
    for f in cases:
        assert f.customer.lifetime_value.currency == currency[f.customer.language]
        for event in f.events:
            payload = event.payload
            if isinstance(payload, SystemEventPayload) and "currency" in payload.attributes:
                assert payload.attributes["currency"] == currency[f.customer.language]
    assert {f.customer.language for f in cases} == set(currency)


def test_histories_span_channels_and_systems(cases: list[CaseFile]) -> None:
    kinds = Counter(e.kind for f in cases for e in f.events)
    assert set(kinds) >= {
        EventKind.CUSTOMER_MESSAGE,
        EventKind.BOT_MESSAGE,
        EventKind.AGENT_MESSAGE,
        EventKind.NOTE,
        EventKind.SYSTEM_EVENT,
    }
    names = {
        e.payload.name for f in cases for e in f.events if isinstance(e.payload, SystemEventPayload)
    }
    assert names >= {
        "order.created",
        "order.shipped",
        "order.delayed",
        "shipment.delayed",
        "shipment.lost",
        "delivery.failed",
        "carrier.scan",
        "payment.captured",
        "payment.duplicate_detected",
        "refund.requested",
        "refund.failed",
        "refund.succeeded",
        "subscription.renewed",
        "subscription.cancel_requested",
        "service.outage_started",
        "service.outage_resolved",
        "ticket.created",
        "ticket.reopened",
        "inventory.low_stock",
    }
    calls = [e for f in cases for e in f.events if e.payload.kind == "note" and e.source == "voice"]
    assert calls
    assert all(e.payload.call_duration_s for e in calls)  # type: ignore[union-attr]


def test_amounts_are_decimal_strings(cases: list[CaseFile]) -> None:
    for f in cases:
        for event in f.events:
            payload = event.payload
            if isinstance(payload, SystemEventPayload) and "amount" in payload.attributes:
                assert re.fullmatch(r"\d+\.\d\d", str(payload.attributes["amount"]))


def test_contact_count_reflects_repeated_stories(cases: list[CaseFile]) -> None:
    for f in cases:
        customer_sessions = sum(
            1 for e in f.events if e.actor.kind is ActorKind.CUSTOMER or e.source == "voice"
        )
        assert 1 <= f.case.contact_count <= customer_sessions
    assert any(f.case.contact_count >= 3 for f in cases)


def test_sentiment_reason_quotes_what_the_customer_wrote(cases: list[CaseFile]) -> None:
    labels = Counter(f.case.sentiment.label for f in cases if f.case.sentiment)
    assert set(labels) == set(SentimentLabel)
    for f in cases:
        sentiment = f.case.sentiment
        if sentiment is None:
            continue
        written = " ".join(e.text for e in f.events if e.actor.kind is ActorKind.CUSTOMER)
        for quote in re.findall(r'"([^"]+)"', sentiment.reason):
            assert quote in written, (f.case.id, quote)
        negative = sentiment.label in (SentimentLabel.VERY_NEGATIVE, SentimentLabel.NEGATIVE)
        assert (sentiment.score < 0) if negative else (sentiment.score > -0.2)


def test_case_fields_are_spread_realistically(cases: list[CaseFile]) -> None:
    statuses = Counter(f.case.status for f in cases)
    assert set(statuses) == set(CaseStatus)
    active = [f for f in cases if f.case.status.is_active]
    assert len(active) > 0.6 * len(cases)
    owners = Counter(f.case.owner.kind for f in cases)
    assert owners[OwnerKind.AI] > owners[OwnerKind.AGENT] > 0
    assert owners[OwnerKind.SYSTEM] > 0
    assert all(
        f.case.owner.kind is OwnerKind.SYSTEM
        for f in cases
        if f.case.status is CaseStatus.WAITING_SYSTEM
    )
    assert all(
        f.case.owner.kind is not OwnerKind.AI for f in cases if not f.customer.consent.ai_processing
    )
    due = [f.case.sla_due_at - ANCHOR for f in active]
    assert any(d < timedelta(0) for d in due)  # breached
    assert any(timedelta(0) < d < timedelta(hours=1) for d in due)  # due in minutes
    assert sum(timedelta(hours=1) <= d < timedelta(days=1) for d in due) > len(due) / 2
    assert len({f.customer.tier for f in cases}) == 4


def test_contradictory_facts_are_present(cases: list[CaseFile]) -> None:
    """Some carriers say delivered while the customer says nothing arrived."""
    contradicted = [
        f
        for f in cases
        if f.case.journey in (Journey.WHERE_IS_MY_ORDER, Journey.LOST_DELIVERY)
        and any(
            isinstance(e.payload, SystemEventPayload)
            and e.payload.name == "shipment.delivered"
            and e.occurred_at < f.case.opened_at
            for e in f.events
        )
    ]
    assert contradicted
    opening = {
        f.case.id: next(e for e in f.events if e.occurred_at == f.case.opened_at)
        for f in contradicted
    }
    assert all(
        re.search(r"nothing arrived|没收到|nichts angekommen|no he recibido", e.text)
        for e in opening.values()
    )
