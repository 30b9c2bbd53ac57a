"""The digest of what the customer already told us, across channels."""

from __future__ import annotations

from datetime import timedelta

import pytest

from console.domain.casefile import CaseFile
from console.domain.errors import NotFound
from console.domain.events import (
    Actor,
    ActorKind,
    EventSource,
    MessagePayload,
    NotePayload,
    SystemEventPayload,
    TimelineEvent,
)
from console.domain.kinds import SentimentLabel
from console.services import Services
from console.services.digest import WINDOW, CaseDigest
from console.store import queries
from console.store import repositories as repo
from tests import factories
from tests.aio import run

CUSTOMER = Actor(kind=ActorKind.CUSTOMER, id="cus-1", name="Maya Patel")
AGENT = Actor(kind=ActorKind.AGENT, id="agt-1", name="Sam Okafor")
SYSTEM = Actor(kind=ActorKind.SYSTEM, id="payments", name="Payments")


def said(
    n: int, text: str, source: EventSource = EventSource.CHAT, language: str = "en"
) -> TimelineEvent:
    return TimelineEvent(
        id=f"case-1-e{n}",
        case_id="case-1",
        occurred_at=factories.T0 + timedelta(minutes=n),
        source=source,
        actor=CUSTOMER,
        summary=text[:80],
        payload=MessagePayload(kind="customer_message", text=text, language=language),
    )


def note(n: int, text: str, source: EventSource = EventSource.VOICE) -> TimelineEvent:
    return TimelineEvent(
        id=f"case-1-e{n}",
        case_id="case-1",
        occurred_at=factories.T0 + timedelta(minutes=n),
        source=source,
        actor=AGENT,
        summary=text[:80],
        payload=NotePayload(text=text, call_duration_s=300),
    )


def system(n: int, name: str) -> TimelineEvent:
    return TimelineEvent(
        id=f"case-1-e{n}",
        case_id="case-1",
        occurred_at=factories.T0 + timedelta(minutes=n),
        source=EventSource.PAYMENTS,
        actor=SYSTEM,
        summary=name,
        payload=SystemEventPayload(name=name),
    )


def store_case(services: Services, events: list[TimelineEvent], contacts: int = 1) -> None:
    case_file = CaseFile(
        customer=factories.customer(),
        case=factories.case(contact_count=contacts),
        events=events,
    )
    services.store.write_sync(lambda db: repo.put_case_file(db, case_file))


def digest(services: Services, **kw: int) -> CaseDigest:
    return run(services.digest.digest("case-1", **kw))


def test_a_story_told_by_chat_then_email_then_on_a_call_is_merged(
    empty_services: Services,
) -> None:
    store_case(
        empty_services,
        [
            said(1, "Hi! My parcel for order ORD-10023 has not arrived. It was due on 3 November."),
            said(
                2,
                "Hello team,\n\nMy parcel for order ORD-10023 has still not arrived. "
                "It was due on 3 November. I paid $12.99 for express shipping and want it back."
                "\n\nKind regards,\nMaya",
                EventSource.EMAIL,
            ),
            note(
                3,
                "Customer says her parcel for order ORD-10023 has not arrived; "
                "it was due on 3 November. Wants the $12.99 express fee back.",
            ),
            said(4, "Thanks!", EventSource.CHAT),
        ],
        contacts=3,
    )
    result = digest(empty_services)
    texts = [s.text for s in result.statements]
    assert texts == [
        "My parcel for order ORD-10023 has not arrived.",
        "It was due on 3 November.",
        "I paid $12.99 for express shipping and want it back.",
        "Wants the $12.99 express fee back.",
    ]
    first, due = result.statements[0], result.statements[1]
    assert (first.seq, first.source, first.repeats) == (1, EventSource.CHAT, 2)
    assert (due.seq, due.repeats) == (1, 2)
    assert result.repeats == 4
    assert result.channels == (EventSource.CHAT, EventSource.EMAIL, EventSource.VOICE)
    assert result.contacts == 3
    assert "3 contacts" in result.sentiment.reason


def test_chinese_sentences_split_and_greetings_dropped(empty_services: Services) -> None:
    store_case(
        empty_services,
        [
            said(
                1,
                "您好！我的订单ORD-10023还没到。我已经等了五天了！能不能尽快处理？谢谢。",
                language="zh-CN",
            ),
            said(2, "你好，麻烦帮我查一下，谢谢！", EventSource.EMAIL, language="zh-CN"),
            said(3, "我的订单ORD-10023还没到！", EventSource.EMAIL, language="zh-CN"),
        ],
    )
    result = digest(empty_services)
    assert [s.text for s in result.statements] == [
        "我的订单ORD-10023还没到。",
        "我已经等了五天了！",
        "能不能尽快处理？",
    ]
    assert result.statements[0].repeats == 1
    assert result.repeats == 1
    assert result.sentiment.label in (SentimentLabel.NEGATIVE, SentimentLabel.VERY_NEGATIVE)
    assert "还没" in result.sentiment.reason


@pytest.mark.parametrize(
    "pleasantry",
    [
        "Hi",
        "Hello team,",
        "Thanks in advance for your help.",
        "Kind regards,",
        "Best regards",
        "Could you please look into it?",
        "Thank you so much!",
        "您好",
        "谢谢！",
        "辛苦了，谢谢！",
    ],
)
def test_greetings_sign_offs_and_pleasantries_are_dropped(
    empty_services: Services, pleasantry: str
) -> None:
    store_case(empty_services, [said(1, pleasantry), said(2, "My router ORD-5 keeps rebooting.")])
    assert [s.text for s in digest(empty_services).statements] == [
        "My router ORD-5 keeps rebooting."
    ]


def test_keeps_the_most_informative_statements_oldest_first(empty_services: Services) -> None:
    chatter = [
        "I have been a customer for years.",
        "The weather here is awful this week.",
        "My neighbour had the same kind of trouble.",
        "I really do not understand how this happens.",
        "Honestly it makes me want to leave.",
    ]
    facts = [
        "Order ORD-77 was charged twice.",
        "Both charges were $49.00 on 2026-11-01.",
        "My bank shows payment PAY-1234 twice.",
    ]
    lines = [chatter[0], facts[0], chatter[1], chatter[2], facts[1], chatter[3], facts[2]]
    store_case(empty_services, [said(i + 1, line) for i, line in enumerate(lines)])
    result = digest(empty_services, max_statements=3)
    assert [s.text for s in result.statements] == facts
    assert len(digest(empty_services, max_statements=20).statements) == len(lines)
    assert digest(empty_services, max_statements=0).statements == ()


def test_sentiment_reads_messages_contacts_and_system_events(empty_services: Services) -> None:
    store_case(
        empty_services,
        [
            said(1, "Where is my refund for ORD-9?"),
            system(2, "refund.failed"),
            note(3, "Agent note: customer is furious and mentions a lawyer."),  # not the customer
            said(4, "This is unacceptable.", EventSource.EMAIL),
        ],
        contacts=4,
    )
    reading = digest(empty_services).sentiment
    assert reading.label is SentimentLabel.VERY_NEGATIVE
    assert "refund.failed" in reading.reason
    assert "4 contacts" in reading.reason
    assert '"unacceptable"' in reading.reason
    assert "lawyer" not in reading.reason


def test_reads_only_the_newest_window(empty_services: Services) -> None:
    events = [said(i, f"Message number {i} about order ORD-{i}.") for i in range(1, WINDOW + 101)]
    store_case(empty_services, events)
    result = digest(empty_services, max_statements=WINDOW + 100)
    seqs = [s.seq for s in result.statements]
    assert len(seqs) == WINDOW
    assert min(seqs) == 101
    assert seqs == sorted(seqs)


def test_unknown_case(empty_services: Services) -> None:
    with pytest.raises(NotFound):
        run(empty_services.digest.digest("nope"))


def test_every_demo_case_has_a_digest(services: Services) -> None:
    case_ids = run(services.store.read(queries.case_ids))
    assert len(case_ids) == 12
    languages = set()
    for case_id in case_ids:
        result = run(services.digest.digest(case_id))
        detail = run(services.cases.detail(case_id))
        language = detail.customer.language.split("-")[0]
        languages.add(language)
        assert result.contacts == detail.case.contact_count
        assert 0 < len(result.statements) <= 8
        assert [s.seq for s in result.statements] == sorted(s.seq for s in result.statements)
        assert result.channels
        assert len(set(result.channels)) == len(result.channels)
        assert result.sentiment.reason
        for statement in result.statements:
            assert not statement.text.lower().startswith(("hi ", "hi,", "hello", "dear"))
            assert not statement.text.startswith(("你好", "您好", "谢谢"))
        if language not in ("en", "zh"):
            assert "No word list" in result.sentiment.reason
    assert {"en", "zh"} <= languages
