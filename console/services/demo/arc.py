"""The arc every demo escalation follows, whatever its journey.

Something goes wrong (the journey's :class:`~.stories.Story` tells what); the customer asks
the bot, pushes back and gets a ticket; tells the story again by e-mail, by phone, by chat;
the desk replies, the systems act; and the case ends waiting on someone or resolved.
"""

from __future__ import annotations

from datetime import datetime

from console.domain.case import Case, CaseStatus, ExternalRefs
from console.domain.casefile import CaseFile
from console.domain.events import EventSource

from . import timeline, triage
from .builder import CaseBuilder
from .sentiment import sentiment
from .stories import STORIES, Story
from .text import desk

MAX_EVENTS = 30


def build_case(seed: int, index: int, anchor: datetime) -> CaseFile:
    b = CaseBuilder(seed, index, anchor)
    story = STORIES[b.journey]
    story.before_contact(b)
    _first_contact(b, story)
    _repeats(b, story)
    _middle(b, story)
    _tail(b, story)
    while len(b.steps) > MAX_EVENTS:
        drop = next(i for i, step in enumerate(b.steps) if step.optional)
        b.steps[drop + 1].gap_s += b.steps[drop].gap_s
        del b.steps[drop]
    return _finish(b)


def _first_contact(b: CaseBuilder, story: Story) -> None:
    """The customer asks the bot, which cannot help and opens a ticket."""
    rng, text = b.rng, b.text
    greet = rng.random() < 0.5
    if greet:
        b.bot_says(b.contact_gap, rng.choice(text.bot_greeting))
    extra, bot_answer = story.contradiction(b)
    first = rng.choice(text.first[b.journey])
    b.customer_says(
        rng.randint(20, 90) if greet else b.contact_gap,
        EventSource.CHAT,
        first,
        extra=extra,
        tag="opened",
    )
    status = bot_answer if bot_answer is not None else rng.choice(text.bot_status[b.journey])
    b.bot_says(rng.randint(3, 20), status)
    if rng.random() < 0.7:
        b.contacts -= 1  # the same chat session
        b.customer_says(rng.randint(20, 180), EventSource.CHAT, rng.choice(text.pushback))
    b.bot_says(rng.randint(3, 20), rng.choice(text.bot_handoff))
    b.system(
        rng.randint(1, 30),
        EventSource.TICKETS,
        "ticket.created",
        b.facts.ticket_id,
        "Ticket {ticket} created from the chat",
        channel="chat",
        queue="escalations",
    )


def _repeats(b: CaseBuilder, story: Story) -> None:
    """The customer tells the story again (``b.repeats`` times); the agent replies."""
    rng, text, j = b.rng, b.text, b.journey
    if b.repeats >= 1:
        b.customer_says(
            b.gap(3, 30),
            EventSource.EMAIL,
            rng.choice(text.email[j]),
            repeat=True,
            subject=b.subject,
            attachments=story.evidence(b),
        )
    if b.prior_refund and story.parcel:
        amount = b.facts.fee if b.facts.fee else b.price("10")
        b.fields["prior_refund"] = b.fmt(amount)
        b.refund(b.gap(4, 30), 1, amount, "succeeded", "goodwill")
    if b.repeats >= 2:
        note = rng.choice(desk.CALL_NOTE[j]) + " " + rng.choice(desk.NOTE_MOOD[b.mood])
        note += desk.CALL_LANGUAGE.get(b.lang, "")
        b.contacts += 1
        b.note(b.gap(4, 40), note, call_s=rng.randint(180, 1500))
    if b.status is not CaseStatus.NEW:
        b.agent_says(b.gap(1, 20), rng.choice(text.agent_reply[j]))
    if b.repeats >= 3:
        b.customer_says(b.gap(10, 48), EventSource.CHAT, rng.choice(text.followup), repeat=True)


def _middle(b: CaseBuilder, story: Story) -> None:
    """The systems act while the desk works; a ticket may be closed too soon and reopened."""
    if b.status is CaseStatus.NEW:
        return
    story.middle(b)
    if b.reopened:
        rng, ticket = b.rng, b.facts.ticket_id
        b.system(
            b.gap(2, 24),
            EventSource.TICKETS,
            "ticket.resolved",
            ticket,
            "Ticket {ticket} marked resolved",
        )
        b.customer_says(
            b.gap(6, 60),
            EventSource.EMAIL,
            rng.choice(b.text.email[b.journey]),
            repeat=True,
            subject="Re: " + b.subject,
        )
        b.system(
            rng.randint(60, 900),
            EventSource.TICKETS,
            "ticket.reopened",
            ticket,
            "Ticket {ticket} reopened by the customer's reply",
        )


def _tail(b: CaseBuilder, story: Story) -> None:
    """How the case stands now: chased, waiting on someone, or resolved."""
    rng, text, status = b.rng, b.text, b.status
    if status is CaseStatus.OPEN and rng.random() < 0.5:
        b.customer_says(b.gap(2, 40), EventSource.CHAT, rng.choice(text.followup))
    elif status is CaseStatus.WAITING_CUSTOMER:
        b.agent_says(b.gap(1, 20), rng.choice(text.agent_ask[b.journey]))
    elif status is CaseStatus.WAITING_SUPERVISOR:
        b.note(b.gap(0.5, 8), rng.choice(desk.SUPERVISOR_NOTE))
    elif status is CaseStatus.WAITING_SYSTEM:
        b.owner_system = story.wait_on_system(b)
    elif status in (CaseStatus.RESOLVED, CaseStatus.CLOSED):
        story.resolve(b, b.gap(2, 48))
        b.agent_says(b.gap(0.1, 6), rng.choice(text.agent_resolve[b.journey]))
        if rng.random() < 0.6:
            b.customer_thanks()
        ticket = b.facts.ticket_id
        b.system(
            b.gap(0.1, 4),
            EventSource.TICKETS,
            "ticket.resolved",
            ticket,
            "Ticket {ticket} resolved",
        )
        if status is CaseStatus.CLOSED:
            b.system(
                b.gap(48, 120),
                EventSource.TICKETS,
                "ticket.closed",
                ticket,
                "Ticket {ticket} closed",
            )


def _finish(b: CaseBuilder) -> CaseFile:
    """The steps placed in time, rendered, and the case as the desk sees it."""
    rng, person = b.rng, b.person
    times = timeline.fit(b.steps, rng, b.status, b.anchor, person.tz)
    tagged = {s.tag: t for s, t in zip(b.steps, times, strict=True) if s.tag}
    b.facts.add_dates(tagged, b.locale)
    events = timeline.events(b.steps, times, b.fields, b.case_id, person.msg_lang)
    case = Case(
        id=b.case_id,
        customer_id=person.customer.id,
        subject=b.subject,
        journey=b.journey,
        status=b.status,
        priority=triage.priority(rng, person.tier, b.mood, b.contacts),
        opened_at=tagged["opened"],
        updated_at=times[-1],
        sla_due_at=triage.sla_due(rng, b.status, tagged["opened"], b.anchor),
        owner=triage.owner(rng, b.status, b.owner_system, person.consent, b.facts.agent_id),
        sentiment=sentiment(
            rng,
            status=b.status,
            mood=b.mood,
            thanks=b.thanks,
            cues=b.cues,
            repeat_cue=b.repeat_cue,
            contacts=b.contacts,
            events=events,
        ),
        external_refs=ExternalRefs(
            ticket_id=b.facts.ticket_id,
            order_ids=b.refs_orders,
            payment_ids=b.refs_payments,
            shipment_ids=b.refs_shipments,
            subscription_id=b.subscription_id,
        ),
        contact_count=b.contacts,
    )
    return CaseFile(customer=person.customer, case=case, events=events)
