"""Seeded, deterministic demo data: realistic escalated cases with multi-channel histories.

``generate_cases(count, seed)`` yields case files whose ids depend only on ``(seed, index)``
and whose content depends only on ``(seed, index, anchor)``: case N is the same whether 10
or 10,000 cases are generated, and seeding the same numbers again later yields the same
ids. Pure: no I/O, no store, no clock unless ``anchor`` is left out.
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from console.domain.base import Money
from console.domain.case import (
    Case,
    CaseStatus,
    ExternalRefs,
    Journey,
    OwnerKind,
    Priority,
    Sentiment,
    SentimentLabel,
    WorkOwner,
)
from console.domain.casefile import CaseFile
from console.domain.customer import Consent, ContactKind, ContactPoint, Customer, Tier
from console.domain.events import (
    Actor,
    ActorKind,
    EventSource,
    MessagePayload,
    NotePayload,
    Scalar,
    SystemEventPayload,
    TimelineEvent,
)
from console.services import demo_text as txt

__all__ = ["case_id_for", "customer_id_for", "generate_case", "generate_cases", "journey_for"]

MAX_EVENTS = 30
JOURNEYS: tuple[Journey, ...] = tuple(Journey)

_LOCALES = ("en-US", "en-GB", "zh-CN", "de-DE", "es-ES")
_LOCALE_WEIGHTS = (38, 27, 23, 6, 6)
_LANG = {"en-US": "en", "en-GB": "en", "zh-CN": "zh", "de-DE": "de", "es-ES": "es"}
_MESSAGE_LANG = {"en": "en", "zh": "zh-CN", "de": "de", "es": "es"}
_CURRENCY = {"en-US": "USD", "en-GB": "GBP", "zh-CN": "CNY", "de-DE": "EUR", "es-ES": "EUR"}
_TZ_HOURS = {"en-US": -5, "en-GB": 0, "zh-CN": 8, "de-DE": 1, "es-ES": 1}
_RATE = {"USD": Decimal(1), "GBP": Decimal("0.8"), "EUR": Decimal("0.92"), "CNY": Decimal(7)}
_PHONE = {
    "en-US": "+1 555-01{:02d}",
    "en-GB": "+44 7700 900{:03d}",
    "zh-CN": "+86 139 {:04d} 6218",
    "de-DE": "+49 1521 {:07d}",
    "es-ES": "+34 612 {:06d}",
}
_TIERS = (Tier.STANDARD, Tier.SILVER, Tier.GOLD, Tier.PLATINUM)
_STATUSES = tuple(CaseStatus)
_STATUS_WEIGHTS = (12, 33, 12, 13, 7, 15, 8)  # in CaseStatus order
_AGENTS_FOR = {
    "en": ("agent-ana", "agent-ana", "agent-li", "agent-priya", "agent-tom", "agent-carmen"),
    "zh": ("agent-li", "agent-li", "agent-zhang"),
    "de": ("agent-tom",),
    "es": ("agent-ana", "agent-carmen"),
}
_DELIVERY = frozenset({Journey.WHERE_IS_MY_ORDER, Journey.LATE_DELIVERY, Journey.LOST_DELIVERY})
_MONEY = frozenset({Journey.BILLING_DISPUTE, Journey.DOUBLE_CHARGE})
_BOT = Actor(kind=ActorKind.BOT, id="bot-nova", name="Nova assistant")
_SYSTEM_ACTORS = {
    source: Actor(kind=ActorKind.SYSTEM, id=source.value, name=source.value.capitalize())
    for source in (
        EventSource.ORDERS,
        EventSource.PAYMENTS,
        EventSource.LOGISTICS,
        EventSource.INVENTORY,
        EventSource.TICKETS,
    )
}
_AGENT_ACTORS = {
    agent_id: Actor(kind=ActorKind.AGENT, id=agent_id, name=display)
    for agent_id, (display, _, _) in txt.AGENTS.items()
}

_ANY, _AWAKE, _BUSINESS = 0, 1, 2
_CENT = Decimal("0.01")
_NOT_DEVICES = frozenset({"CK-FJO-6", "SH-SOL-R", "CH-ATL-E"})
MessageKind = Literal["customer_message", "agent_message", "bot_message"]


def generate_cases(count: int, seed: int, *, anchor: datetime | None = None) -> Iterator[CaseFile]:
    """Yield ``count`` demo case files for ``seed``, with their stories ending before ``anchor``.

    ``anchor`` is "now" for the stories (an aware time; default: this hour, in UTC).
    """
    if count < 0:
        raise ValueError("count must not be negative")
    now = _anchor(anchor)
    for index in range(count):
        yield generate_case(seed, index, anchor=now)


def generate_case(seed: int, index: int, *, anchor: datetime | None = None) -> CaseFile:
    """The demo case number ``index`` (from 0) of ``seed``; see :func:`generate_cases`."""
    if index < 0:
        raise ValueError("index must not be negative")
    return _Builder(seed, index, _anchor(anchor)).build()


def case_id_for(seed: int, index: int) -> str:
    return f"C{seed:02d}-{index + 1:05d}"


def customer_id_for(seed: int, index: int) -> str:
    return f"K{seed:02d}-{index + 1:05d}"


def journey_for(seed: int, index: int) -> Journey:
    """Journeys come in shuffled blocks of eight: exactly even, in no fixed order."""
    order = list(JOURNEYS)
    random.Random(f"{seed}:journeys:{index // len(order)}").shuffle(order)
    return order[index % len(order)]


def _anchor(anchor: datetime | None) -> datetime:
    if anchor is None:
        return datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
    if anchor.tzinfo is None or anchor.utcoffset() is None:
        raise ValueError("anchor must be an aware datetime")
    return anchor.astimezone(UTC)


@dataclass(slots=True)
class _Step:
    """One future timeline event whose time and text are settled after the story is built."""

    gap_s: int  # seconds after the previous step
    when: int  # _ANY, _AWAKE (customer hours) or _BUSINESS (desk hours)
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


class _Builder:
    def __init__(self, seed: int, index: int, anchor: datetime) -> None:
        self.rng = random.Random(f"{seed}:{index}")
        self.seed, self.index, self.anchor = seed, index, anchor
        self.case_id = case_id_for(seed, index)
        self.journey = journey_for(seed, index)
        self.steps: list[_Step] = []
        self.cues: list[str] = []
        self.contacts = 0
        self.refs_orders: list[str] = []
        self.refs_payments: list[str] = []
        self.refs_shipments: list[str] = []
        self.subscription_id: str | None = None

    # --- numbers and facts -------------------------------------------------------------

    def _num(self, salt: int, width: int) -> int:
        base = int(10 ** (width - 1))
        span = 9 * base  # coprime with the multiplier: a bijection
        return base + (self.index * 7_368_787 + (self.seed * 31 + salt) * 104_729) % span

    def _money(self, usd: Decimal | str) -> Decimal:
        local = Decimal(usd) * _RATE[self.currency]
        if self.currency == "CNY":
            whole = (local / 10).quantize(Decimal(1), ROUND_HALF_UP) * 10 - 1
        else:
            whole = local.quantize(Decimal(1), ROUND_HALF_UP) - Decimal("0.01")
        return whole.quantize(_CENT)

    def _fmt(self, amount: Decimal) -> str:
        text = f"{amount:,.2f}"
        if self.locale in ("de-DE", "es-ES"):
            return text.replace(",", " ").replace(".", ",").replace(" ", ".") + " €"
        return {"en-US": "$", "en-GB": "£", "zh-CN": "¥"}[self.locale] + text

    def _date(self, moment: datetime) -> str:
        local = moment + timedelta(hours=_TZ_HOURS[self.locale])
        day, month = local.day, local.month
        if self.lang == "zh":
            return f"{month}月{day}日"
        if self.locale == "en-US":
            return f"{txt.MONTHS['en'][month - 1]} {day}"
        if self.lang == "de":
            return f"{day}. {txt.MONTHS['de'][month - 1]}"
        if self.lang == "es":
            return f"{day} de {txt.MONTHS['es'][month - 1]}"
        return f"{day} {txt.MONTHS['en'][month - 1]}"

    def _customer(self) -> None:
        rng = self.rng
        self.locale = rng.choices(_LOCALES, _LOCALE_WEIGHTS)[0]
        self.lang = _LANG[self.locale]
        self.msg_lang = _MESSAGE_LANG[self.lang]
        self.currency = _CURRENCY[self.locale]
        self.tz = timedelta(hours=_TZ_HOURS[self.locale])
        if self.lang == "zh":
            (sur, sur_py), (given, given_py) = (
                rng.choice(txt.ZH_SURNAMES),
                rng.choice(txt.ZH_GIVEN),
            )
            name, first = sur + given, sur + given
            handle = f"{sur_py}.{given_py}"
        else:
            first = rng.choice(txt.FIRST_NAMES[self.locale])
            last = rng.choice(txt.LAST_NAMES[self.locale])
            name = f"{first} {last}"
            handle = _ascii(f"{first}.{last}")
        self.name, self.first_name = name, first
        self.tier = rng.choices(_TIERS, (45, 28, 18, 9))[0]
        low, high = {
            Tier.STANDARD: (40, 800),
            Tier.SILVER: (600, 2500),
            Tier.GOLD: (2500, 9000),
            Tier.PLATINUM: (9000, 45000),
        }[self.tier]
        ltv = (Decimal(rng.randint(low * 100, high * 100)) / 100) * _RATE[self.currency]
        since_days = rng.randint(20, 400) * (1 + _TIERS.index(self.tier))
        domain = rng.choice(("example.com", "example.net", "example.org"))
        email = f"{handle}{rng.randint(1, 99)}@{domain}"
        phone = _PHONE[self.locale].format(rng.randint(0, 99 if self.locale == "en-US" else 999))
        prefers_phone = rng.random() < 0.3
        self.consent = Consent(
            marketing=rng.random() < 0.4,
            call_recording=rng.random() < 0.8,
            ai_processing=rng.random() < 0.96,
        )
        self.customer = Customer(
            id=customer_id_for(self.seed, self.index),
            name=name,
            tier=self.tier,
            language=self.locale,
            contact_points=[
                ContactPoint(kind=ContactKind.EMAIL, value=email, preferred=not prefers_phone),
                ContactPoint(kind=ContactKind.PHONE, value=phone, preferred=prefers_phone),
            ],
            lifetime_value=Money(amount=ltv.quantize(Decimal("0.01")), currency=self.currency),
            consent=self.consent,
            customer_since=(self.anchor - timedelta(days=since_days)).date().isoformat(),
        )
        self.me = Actor(kind=ActorKind.CUSTOMER, id=self.customer.id, name=name)

    def _facts(self) -> None:
        rng = self.rng
        products = txt.PRODUCTS
        if self.journey is Journey.DAMAGED_ITEM:  # "cracked, won't switch on": devices only
            products = tuple(p for p in products if p[0] not in _NOT_DEVICES)
        sku, usd, names = rng.choice(products)
        self.sku = sku
        self.carrier = rng.choice(txt.CARRIERS[self.locale])
        self.fee_dec = self._money("13") if self.journey is Journey.LATE_DELIVERY else Decimal(0)
        self.price = self._money(usd)
        self.amount_dec = self.price + self.fee_dec
        self.expected_dec = (self.amount_dec * Decimal("0.8")).quantize(Decimal("0.01"))
        self.plan_fee_dec = self._money("15")
        self.credit_dec = self._money(rng.choice(("20", "30", "45")))
        self.goodwill_dec = self._money(rng.choice(("25", "50", "75", "120")))
        self.order_id = f"ORD-{self._num(1, 8)}"
        self.pay_base = self._num(2, 8)
        self.shipment_id = f"SHP-{self._num(3, 8)}"
        self.ticket_id = f"TCK-{self._num(4, 7)}"
        self.tracking = _tracking(self.carrier, rng)
        self.days = rng.randint(2, 9)
        self.promised_days = rng.randint(2, 4)
        self.agent_id = rng.choice(_AGENTS_FOR[self.lang])
        self.facts: dict[str, str] = {
            "order": self.order_id,
            "product": names[self.lang],
            "amount": self._fmt(self.amount_dec),
            "fee": self._fmt(self.fee_dec),
            "carrier": txt.CARRIER_ZH.get(self.carrier, self.carrier)
            if self.lang == "zh"
            else self.carrier,
            "tracking": self.tracking,
            "ticket": self.ticket_id,
            "days": str(self.days),
            "expected": self._fmt(self.expected_dec),
            "difference": self._fmt(self.amount_dec - self.expected_dec),
            "promo": rng.choice(("SPRING20", "WELCOME20", "NOVA20")),
            "plan": txt.PLAN[self.lang],
            "plan_fee": self._fmt(self.plan_fee_dec),
            "service": txt.SERVICE[self.lang],
            "area": rng.choice(txt.AREAS[self.locale]),
            "credit": self._fmt(self.credit_dec),
            "goodwill": self._fmt(self.goodwill_dec),
            "name": self.name,
            "first_name": self.first_name,
            "agent": self._signature(self.agent_id),
        }

    def _signature(self, agent_id: str) -> str:
        display, _, signatures = txt.AGENTS[agent_id]
        return signatures.get(self.lang, display)

    def _payment_id(self, k: int) -> str:
        return f"PAY-{self.pay_base}-{k}"

    # --- steps -------------------------------------------------------------------------

    def _gap(self, low_h: float, high_h: float) -> int:
        return max(60, round(self.rng.uniform(low_h, high_h) * 3600))

    def _add(self, step: _Step) -> _Step:
        self.steps.append(step)
        return step

    def system(
        self,
        gap: int,
        source: EventSource,
        name: str,
        subject_id: str | None,
        summary: str,
        tag: str | None = None,
        optional: bool = False,
        attrs: dict[str, Scalar] | None = None,
        **more: Scalar,
    ) -> None:
        self._add(
            _Step(
                gap_s=gap,
                when=_ANY,
                jitter_s=0,
                source=source,
                actor=_SYSTEM_ACTORS[source],
                summary=summary,
                name=name,
                subject_id=subject_id,
                attrs={**(attrs or {}), **more},
                tag=tag,
                optional=optional,
            )
        )

    def _message(
        self,
        gap: int,
        when: int,
        source: EventSource,
        actor: Actor,
        kind: MessageKind,
        text: str,
        summary: str,
        subject: str | None = None,
        attachments: tuple[str, ...] = (),
        tag: str | None = None,
    ) -> None:
        self._add(
            _Step(
                gap_s=gap,
                when=when,
                jitter_s=self.rng.randint(0, 75 * 60),
                source=source,
                actor=actor,
                summary=summary,
                text=text,
                kind=kind,
                subject=subject,
                attachments=attachments,
                tag=tag,
            )
        )

    def _mood_phrase(self) -> str:
        phrase = self.rng.choice(txt.MOOD[self.mood][self.lang])
        self.cues.append(phrase)
        return phrase

    def customer_says(
        self,
        gap: int,
        source: EventSource,
        core: str,
        *,
        repeat: bool = False,
        extra: str = "",
        subject: str | None = None,
        attachments: tuple[str, ...] = (),
        tag: str | None = None,
    ) -> None:
        """A customer contact: ``core`` with the customer's mood (and history) around it."""
        self.contacts += 1
        sep = "" if self.lang == "zh" else " "
        # German letters go on in lower case after the salutation's comma; nothing else does.
        if repeat or self.lang != "de":
            core = _upper_first(core)
        parts = [core] + ([extra] if extra else [])
        if repeat:
            # The first repeat tells of the chat; later ones of every channel used so far.
            phrases = txt.REPEAT[self.lang]
            phrase = phrases[0] if self.contacts <= 2 else self.rng.choice(phrases[1:])
            self.repeat_cue = phrase
            parts.insert(0, phrase)
        if self.mood != "calm" or self.rng.random() < 0.7:
            parts.append(self._mood_phrase())
        body = sep.join(parts)
        text = body
        if source is EventSource.EMAIL:
            head, tail = txt.EMAIL_FRAME[self.lang]
            text = head + body + tail
        self._message(
            gap,
            _AWAKE,
            source,
            self.me,
            "customer_message",
            text,
            subject or body,
            subject=subject,
            attachments=attachments,
            tag=tag,
        )

    def agent_says(self, gap: int, core: str, source: EventSource = EventSource.EMAIL) -> None:
        head, tail = txt.AGENT_FRAME[self.lang]
        core = core if self.lang == "de" else _upper_first(core)
        subject = "Re: " + self.subject if source is EventSource.EMAIL else None
        self._message(
            gap,
            _BUSINESS,
            source,
            _AGENT_ACTORS[self.agent_id],
            "agent_message",
            head + core + tail,
            core,
            subject=subject,
        )

    def bot_says(self, gap: int, text: str) -> None:
        self._message(gap, _ANY, EventSource.BOT, _BOT, "bot_message", text, text)

    def note(self, gap: int, text: str, *, call_s: int | None = None, agent: str = "") -> None:
        self._add(
            _Step(
                gap_s=gap,
                when=_BUSINESS,
                jitter_s=self.rng.randint(0, 75 * 60),
                source=EventSource.VOICE if call_s is not None else EventSource.AGENT,
                actor=_AGENT_ACTORS[agent or self.agent_id],
                summary=(f"Call note ({call_s // 60} min)" if call_s is not None else text),
                text=text,
                kind="note",
                duration_s=call_s,
            )
        )

    # --- the story ---------------------------------------------------------------------

    def build(self) -> CaseFile:
        rng = self.rng
        self._customer()
        self._facts()
        self.status = rng.choices(_STATUSES, _STATUS_WEIGHTS)[0]
        self.repeats = rng.choices((0, 1, 2, 3), (30, 30, 25, 15))[0]
        if self.status is CaseStatus.NEW:
            self.repeats = min(self.repeats, 1)
        angry = 20 + 12 * self.repeats
        self.mood = rng.choices(("angry", "frustrated", "calm"), (angry, 40, 30))[0]
        self.contradiction = rng.random() < 0.22
        self.prior_refund = rng.random() < 0.2
        self.reopened = self.status is not CaseStatus.NEW and rng.random() < 0.15
        self.repeat_cue = ""
        self.subject = rng.choice(txt.SUBJECTS[self.lang][self.journey]).format_map(self.facts)

        self._before_contact()
        self._first_contact()
        self._repeats()
        self._middle()
        self._tail()
        while len(self.steps) > MAX_EVENTS:
            drop = next(i for i, step in enumerate(self.steps) if step.optional)
            self.steps[drop + 1].gap_s += self.steps[drop].gap_s
            del self.steps[drop]
        return self._finish()

    def _before_contact(self) -> None:
        j, rng = self.journey, self.rng
        if j is Journey.SUBSCRIPTION_CANCELLATION:
            self.subscription_id = f"SUB-{self._num(5, 8)}"
            self.refs_payments.append(self._payment_id(1))
            self.system(
                0,
                EventSource.PAYMENTS,
                "subscription.cancel_requested",
                self.subscription_id,
                "Cancellation of {plan} requested in the app; not completed",
                tag="cancel",
                channel="app",
                state="pending",
            )
            self.system(
                self._gap(20, 200),
                EventSource.PAYMENTS,
                "subscription.renewed",
                self.subscription_id,
                "{plan} renewed for {plan_fee}",
                tag="renew",
                plan="nova_plus_premium",
                amount=str(self.plan_fee_dec),
                currency=self.currency,
            )
            self._captured(self._gap(0.02, 0.2), 1, self.plan_fee_dec)
            self.contact_gap = self._gap(3, 72)
            return
        if j is Journey.SERVICE_OUTAGE:
            self.subscription_id = f"SVC-{self._num(6, 8)}"
            incident = f"INC-{self._num(7, 6)}"
            self.system(
                0,
                EventSource.TICKETS,
                "service.outage_started",
                incident,
                "Network outage started in {area}",
                tag="outage",
                area=self.facts["area"],
                service="fibre",
                affected_lines=rng.randint(40, 4000),
            )
            self.system(
                self._gap(0.05, 0.5),
                EventSource.TICKETS,
                "service.line_down",
                self.subscription_id,
                "Customer's line reported down by network monitoring",
                incident_id=incident,
            )
            if self.contradiction:
                self.system(
                    self._gap(6, 30),
                    EventSource.TICKETS,
                    "service.outage_resolved",
                    incident,
                    "Outage in {area} marked resolved",
                    area=self.facts["area"],
                )
            self.contact_gap = self._gap(2, 30)
            return
        # Everything else starts with an order.
        self.refs_orders.append(self.order_id)
        self.refs_payments.append(self._payment_id(1))
        attrs: dict[str, Scalar] = {
            "sku": self.sku,
            "amount": str(
                self.amount_dec if j is not Journey.BILLING_DISPUTE else self.expected_dec
            ),
            "currency": self.currency,
            "channel": rng.choice(("web", "app")),
        }
        if j is Journey.BILLING_DISPUTE:
            attrs["promo_code"] = self.facts["promo"]
        self.system(
            0,
            EventSource.ORDERS,
            "order.created",
            self.order_id,
            "Order {order} placed ({product}, {amount})",
            tag="order",
            attrs=attrs,
        )
        self._captured(self._gap(0.01, 0.1), 1, self.amount_dec)
        if j is Journey.DOUBLE_CHARGE:
            self._captured(self._gap(0.02, 0.3), 2, self.amount_dec)
        self.refs_shipments.append(self.shipment_id)
        self.system(
            self._gap(6, 40),
            EventSource.ORDERS,
            "order.shipped",
            self.order_id,
            "Order {order} shipped with {carrier} (tracking {tracking})",
            carrier=self.carrier,
            tracking_number=self.tracking,
            shipment_id=self.shipment_id,
        )
        scans = rng.randint(1, 3)
        for n in range(scans):
            status = "picked_up" if n == 0 else "in_transit"
            self.system(
                self._gap(2, 20),
                EventSource.LOGISTICS,
                "carrier.scan",
                self.shipment_id,
                f"{self.carrier} scan: {status.replace('_', ' ')}",
                tag="last_scan",
                optional=n > 0,
                carrier=self.carrier,
                tracking_number=self.tracking,
                status=status,
                location=rng.choice(("sorting hub", "regional depot", "airport hub")),
            )
        delivered = j is Journey.DAMAGED_ITEM or (
            self.contradiction and j in (Journey.WHERE_IS_MY_ORDER, Journey.LOST_DELIVERY)
        )
        if j is Journey.LATE_DELIVERY:
            self.system(
                self._gap(4, 20),
                EventSource.ORDERS,
                "order.delayed",
                self.order_id,
                "Order {order} delayed by {days} days",
                delay_days=self.days,
                reason=rng.choice(("carrier_capacity", "weather", "customs_check")),
            )
            self.system(
                self._gap(0.1, 3),
                EventSource.LOGISTICS,
                "shipment.delayed",
                self.shipment_id,
                "{carrier} reports a delay of {days} days",
                carrier=self.carrier,
                tracking_number=self.tracking,
                delay_days=self.days,
            )
            self.contact_gap = self._gap(24 * self.promised_days, 24 * self.promised_days + 30)
        elif delivered:
            proof = "signature" if j is Journey.DAMAGED_ITEM else "photo: left at front door"
            self.system(
                self._gap(8, 40),
                EventSource.LOGISTICS,
                "shipment.delivered",
                self.shipment_id,
                "{carrier} reports shipment delivered",
                tag="delivered",
                carrier=self.carrier,
                tracking_number=self.tracking,
                proof=proof,
            )
            self.contact_gap = self._gap(2, 30)
        elif j in _DELIVERY:
            self.contact_gap = self._gap(60, 140)
        else:
            self.contact_gap = self._gap(12, 96)

    def _captured(self, gap: int, k: int, amount: Decimal) -> None:
        pid = self._payment_id(k)
        if pid not in self.refs_payments:
            self.refs_payments.append(pid)
        method = self.rng.choice(
            ("alipay", "wechat_pay", "card") if self.lang == "zh" else ("card", "card", "paypal")
        )
        self.system(
            gap,
            EventSource.PAYMENTS,
            "payment.captured",
            pid,
            f"Payment {pid} captured: {{amount_{k}}}",
            amount=str(amount),
            currency=self.currency,
            method=method,
        )
        self.facts[f"amount_{k}"] = self._fmt(amount)

    def _first_contact(self) -> None:
        rng, lang, j = self.rng, self.lang, self.journey
        greet = rng.random() < 0.5
        if greet:
            self.bot_says(self.contact_gap, rng.choice(txt.BOT_GREETING[lang]))
        extra = ""
        delivered_contra = self.contradiction and j in (
            Journey.WHERE_IS_MY_ORDER,
            Journey.LOST_DELIVERY,
        )
        if delivered_contra:
            extra = txt.CONTRA_DELIVERED[lang]
        elif self.contradiction and j is Journey.SERVICE_OUTAGE:
            extra = txt.CONTRA_OUTAGE[lang]
        first = rng.choice(txt.FIRST[lang][j])
        self.customer_says(
            rng.randint(20, 90) if greet else self.contact_gap,
            EventSource.CHAT,
            first,
            extra=extra,
            tag="opened",
        )
        status = (
            txt.BOT_DELIVERED[lang] if delivered_contra else rng.choice(txt.BOT_STATUS[lang][j])
        )
        self.bot_says(rng.randint(3, 20), status)
        if rng.random() < 0.7:
            self.contacts -= 1  # the same chat session
            self.customer_says(
                rng.randint(20, 180), EventSource.CHAT, rng.choice(txt.PUSHBACK[lang])
            )
        self.bot_says(rng.randint(3, 20), rng.choice(txt.BOT_HANDOFF[lang]))
        self.system(
            rng.randint(1, 30),
            EventSource.TICKETS,
            "ticket.created",
            self.ticket_id,
            "Ticket {ticket} created from the chat",
            channel="chat",
            queue="escalations",
        )

    def _repeats(self) -> None:
        rng, lang, j = self.rng, self.lang, self.journey
        if self.repeats >= 1:
            attachments: tuple[str, ...] = ()
            if j is Journey.DAMAGED_ITEM:
                attachments = ("photo_box.jpg", "photo_item.jpg")
            elif j is Journey.DOUBLE_CHARGE:
                attachments = ("bank_statement.png",)
            self.customer_says(
                self._gap(3, 30),
                EventSource.EMAIL,
                rng.choice(txt.EMAIL[lang][j]),
                repeat=True,
                subject=self.subject,
                attachments=attachments,
            )
        if self.prior_refund and j in _DELIVERY | {Journey.DAMAGED_ITEM}:
            amount = self.fee_dec if self.fee_dec else self._money("10")
            self.facts["prior_refund"] = self._fmt(amount)
            self._refund(self._gap(4, 30), 1, amount, "succeeded", "goodwill")
        if self.repeats >= 2:
            note = rng.choice(txt.CALL_NOTE[j]) + " " + rng.choice(txt.NOTE_MOOD[self.mood])
            note += txt.CALL_LANGUAGE.get(lang, "")
            self.contacts += 1
            self.note(self._gap(4, 40), note, call_s=rng.randint(180, 1500))
        if self.status is not CaseStatus.NEW:
            self.agent_says(self._gap(1, 20), rng.choice(txt.AGENT_REPLY[lang][j]))
        if self.repeats >= 3:
            self.customer_says(
                self._gap(10, 48), EventSource.CHAT, rng.choice(txt.FOLLOWUP[lang]), repeat=True
            )

    def _refund(self, gap: int, k: int, amount: Decimal, outcome: str, reason: str) -> None:
        pid = self._payment_id(k)
        refund = f"RF-{self.pay_base}-{k}{len(self.steps):02d}"
        self.system(
            gap,
            EventSource.PAYMENTS,
            "refund.requested",
            pid,
            f"Refund of {self._fmt(amount)} requested on {pid}",
            refund_id=refund,
            amount=str(amount),
            currency=self.currency,
            reason=reason,
        )
        if outcome == "requested":
            return
        detail: dict[str, Scalar] = {"refund_id": refund, "amount": str(amount)}
        if outcome == "failed":
            detail["error"] = self.rng.choice(("card_expired", "issuer_declined", "account_closed"))
        summary = f"Refund {refund} {outcome}" + (
            f": {detail['error']}" if outcome == "failed" else ""
        )
        self.system(
            self._gap(0.1, 30),
            EventSource.PAYMENTS,
            f"refund.{outcome}",
            pid,
            summary,
            attrs=detail,
            currency=self.currency,
        )

    def _middle(self) -> None:
        rng, j = self.rng, self.journey
        if self.status is CaseStatus.NEW:
            return
        if j is Journey.DOUBLE_CHARGE:
            self.system(
                self._gap(1, 20),
                EventSource.PAYMENTS,
                "payment.duplicate_detected",
                self._payment_id(2),
                "Payment {pay2} flagged as a duplicate of {pay1}",
                original_payment_id=self._payment_id(1),
                amount=str(self.amount_dec),
                currency=self.currency,
            )
        elif j is Journey.LOST_DELIVERY:
            self.system(
                self._gap(12, 72),
                EventSource.LOGISTICS,
                "shipment.lost",
                self.shipment_id,
                "{carrier} declares the shipment lost",
                carrier=self.carrier,
                tracking_number=self.tracking,
                claim_id=f"CLM-{self._num(8, 7)}",
            )
        elif j is Journey.WHERE_IS_MY_ORDER and not self.contradiction and rng.random() < 0.4:
            self.system(
                self._gap(6, 30),
                EventSource.LOGISTICS,
                "delivery.failed",
                self.shipment_id,
                "{carrier}: delivery attempt failed",
                carrier=self.carrier,
                attempts=1,
                reason="recipient_not_available",
            )
        elif j is Journey.SERVICE_OUTAGE and not self.contradiction and rng.random() < 0.6:
            self.system(
                self._gap(4, 40),
                EventSource.TICKETS,
                "service.outage_resolved",
                f"INC-{self._num(7, 6)}",
                "Outage in {area} resolved",
                area=self.facts["area"],
            )
        if j in (Journey.LOST_DELIVERY, Journey.DAMAGED_ITEM) and rng.random() < 0.5:
            self.system(
                self._gap(0.5, 12),
                EventSource.INVENTORY,
                "inventory.low_stock",
                self.sku,
                f"Low stock of {self.sku}",
                sku=self.sku,
                on_hand=rng.randint(0, 4),
                warehouse=rng.choice(("EU-1", "US-2", "CN-3")),
            )
        money = j in _MONEY or j is Journey.SUBSCRIPTION_CANCELLATION
        if money and (self.contradiction or rng.random() < 0.3):
            k = 2 if j is Journey.DOUBLE_CHARGE else 1
            amount = {
                Journey.BILLING_DISPUTE: self.amount_dec - self.expected_dec,
                Journey.DOUBLE_CHARGE: self.amount_dec,
            }.get(j, self.plan_fee_dec)
            outcome = "succeeded" if self.contradiction else "failed"
            self._refund(self._gap(2, 30), k, amount, outcome, "customer_dispute")
            extra = txt.CONTRA_REFUND[self.lang] if self.contradiction else ""
            self.customer_says(
                self._gap(20, 96),
                EventSource.CHAT,
                rng.choice(txt.FOLLOWUP[self.lang]),
                extra=extra,
            )
        if self.reopened:
            self.system(
                self._gap(2, 24),
                EventSource.TICKETS,
                "ticket.resolved",
                self.ticket_id,
                "Ticket {ticket} marked resolved",
            )
            self.customer_says(
                self._gap(6, 60),
                EventSource.EMAIL,
                rng.choice(txt.EMAIL[self.lang][j]),
                repeat=True,
                subject="Re: " + self.subject,
            )
            self.system(
                rng.randint(60, 900),
                EventSource.TICKETS,
                "ticket.reopened",
                self.ticket_id,
                "Ticket {ticket} reopened by the customer's reply",
            )

    def _tail(self) -> None:
        rng, lang, j, status = self.rng, self.lang, self.journey, self.status
        self.owner_system: str | None = None
        if status is CaseStatus.OPEN and rng.random() < 0.5:
            self.customer_says(self._gap(2, 40), EventSource.CHAT, rng.choice(txt.FOLLOWUP[lang]))
        elif status is CaseStatus.WAITING_CUSTOMER:
            self.agent_says(self._gap(1, 20), rng.choice(txt.AGENT_ASK[lang][j]))
        elif status is CaseStatus.WAITING_SUPERVISOR:
            self.note(self._gap(0.5, 8), rng.choice(txt.SUPERVISOR_NOTE))
        elif status is CaseStatus.WAITING_SYSTEM:
            self._waiting_on_system()
        elif status in (CaseStatus.RESOLVED, CaseStatus.CLOSED):
            self._resolve()

    def _waiting_on_system(self) -> None:
        j = self.journey
        if j in _DELIVERY:
            self.owner_system = "logistics"
            self.system(
                self._gap(1, 20),
                EventSource.LOGISTICS,
                "shipment.trace_requested",
                self.shipment_id,
                "Trace requested from {carrier}",
                carrier=self.carrier,
                tracking_number=self.tracking,
            )
        elif j is Journey.DAMAGED_ITEM:
            self.owner_system = "inventory"
            self.system(
                self._gap(1, 20),
                EventSource.INVENTORY,
                "inventory.backordered",
                self.sku,
                f"Replacement {self.sku} back-ordered",
                sku=self.sku,
                expected_in_days=self.rng.randint(2, 10),
            )
        elif j is Journey.SERVICE_OUTAGE:
            self.owner_system = "network-operations"
            self.system(
                self._gap(1, 20),
                EventSource.TICKETS,
                "ticket.escalated",
                self.ticket_id,
                "Ticket {ticket} escalated to network operations",
                team="network-operations",
            )
        else:
            self.owner_system = "payments"
            k = 2 if j is Journey.DOUBLE_CHARGE else 1
            amount = (
                self.amount_dec - self.expected_dec
                if j is Journey.BILLING_DISPUTE
                else (
                    self.plan_fee_dec if j is Journey.SUBSCRIPTION_CANCELLATION else self.amount_dec
                )
            )
            self._refund(self._gap(1, 20), k, amount, "requested", "customer_dispute")

    def _resolve(self) -> None:
        rng, j = self.rng, self.journey
        gap = self._gap(2, 48)
        if j in (Journey.WHERE_IS_MY_ORDER, Journey.LATE_DELIVERY):
            self.system(
                gap,
                EventSource.LOGISTICS,
                "shipment.delivered",
                self.shipment_id,
                "{carrier} reports shipment delivered",
                carrier=self.carrier,
                tracking_number=self.tracking,
                proof="signature",
            )
            gap = self._gap(0.2, 6)
        if j is Journey.LATE_DELIVERY:
            self._refund(gap, 1, self.fee_dec, "succeeded", "late_delivery")
        elif j is Journey.LOST_DELIVERY:
            self._refund(gap, 1, self.amount_dec, "succeeded", "lost_in_transit")
        elif j is Journey.DAMAGED_ITEM:
            self.system(
                gap,
                EventSource.ORDERS,
                "order.replacement_shipped",
                self.order_id,
                "Replacement for {order} shipped",
                sku=self.sku,
                carrier=self.carrier,
            )
        elif j is Journey.BILLING_DISPUTE:
            self._refund(gap, 1, self.amount_dec - self.expected_dec, "succeeded", "price_error")
        elif j is Journey.DOUBLE_CHARGE:
            self._refund(gap, 2, self.amount_dec, "succeeded", "duplicate")
        elif j is Journey.SUBSCRIPTION_CANCELLATION:
            self.system(
                gap,
                EventSource.PAYMENTS,
                "subscription.cancelled",
                self.subscription_id,
                "{plan} cancelled",
            )
            self._refund(self._gap(0.1, 2), 1, self.plan_fee_dec, "succeeded", "cancelled_plan")
        elif j is Journey.SERVICE_OUTAGE:
            self.system(
                gap,
                EventSource.PAYMENTS,
                "subscription.credit_applied",
                self.subscription_id,
                "Service credit of {credit} applied",
                amount=str(self.credit_dec),
                currency=self.currency,
            )
        self.agent_says(self._gap(0.1, 6), rng.choice(txt.AGENT_RESOLVE[self.lang][j]))
        if rng.random() < 0.6:
            self.thanks = rng.choice(txt.THANKS[self.lang])
            self._message(
                self._gap(1, 30),
                _AWAKE,
                EventSource.EMAIL,
                self.me,
                "customer_message",
                self.thanks,
                self.thanks,
                subject="Re: " + self.subject,
            )
        self.system(
            self._gap(0.1, 4),
            EventSource.TICKETS,
            "ticket.resolved",
            self.ticket_id,
            "Ticket {ticket} resolved",
        )
        if self.status is CaseStatus.CLOSED:
            self.system(
                self._gap(48, 120),
                EventSource.TICKETS,
                "ticket.closed",
                self.ticket_id,
                "Ticket {ticket} closed",
            )

    # --- time, text and the case -------------------------------------------------------

    def _place(self, start: datetime, snap: bool) -> list[datetime]:
        times, moment = [], start
        for step in self.steps:
            moment += timedelta(seconds=step.gap_s)
            if snap and step.when != _ANY:
                moment = _working_time(moment, self.tz, step.when, step.jitter_s)
            times.append(moment)
        return times

    def _fit(self) -> list[datetime]:
        """Times for the steps, the last one ``end_gap`` before the anchor."""
        rng, status = self.rng, self.status
        if status is CaseStatus.NEW:
            minutes = rng.uniform(2, 120)
        elif status is CaseStatus.RESOLVED:
            minutes = rng.uniform(60, 3 * 24 * 60)
        elif status is CaseStatus.CLOSED:
            minutes = rng.uniform(60, 5 * 24 * 60)
        else:
            minutes = 3 + rng.random() ** 2 * 600
        target = (self.anchor - timedelta(minutes=minutes)).replace(microsecond=0)
        start = target - (self._place(target, True)[-1] - target)
        for _ in range(8):
            times = self._place(start, True)
            over = times[-1] - target
            if over <= timedelta(0):
                return times
            start -= over
        start = target - (self._place(target, False)[-1] - target)
        return self._place(start, False)

    def _dated_facts(self, tagged: dict[str, datetime]) -> None:
        first = next(iter(tagged.values()))
        order = tagged.get("order", first)
        promised = order + timedelta(days=self.promised_days)
        opened = tagged["opened"]
        outage = tagged.get("outage", opened)
        self.facts.update(
            order_date=self._date(order),
            promised_date=self._date(promised),
            new_eta=self._date(promised + timedelta(days=self.days)),
            last_scan_date=self._date(tagged.get("last_scan", order)),
            delivered_date=self._date(tagged.get("delivered", opened)),
            cancel_date=self._date(tagged.get("cancel", first)),
            renew_date=self._date(tagged.get("renew", first)),
            outage_date=self._date(outage),
            outage_hours=str(max(1, round((opened - outage).total_seconds() / 3600))),
            pay1=self._payment_id(1),
            pay2=self._payment_id(2),
        )

    def _finish(self) -> CaseFile:
        times = self._fit()
        tagged = {s.tag: t for s, t in zip(self.steps, times, strict=True) if s.tag}
        self._dated_facts(tagged)
        facts = self.facts
        events = []
        for n, (step, moment) in enumerate(zip(self.steps, times, strict=True), start=1):
            payload: MessagePayload | NotePayload | SystemEventPayload
            if step.kind == "system":
                attrs = {
                    k: v.format_map(facts) if isinstance(v, str) and "{" in v else v
                    for k, v in step.attrs.items()
                }
                payload = SystemEventPayload(
                    name=step.name, subject_id=step.subject_id, attributes=attrs
                )
                summary = step.summary.format_map(facts)
            elif step.kind == "note":
                text = step.text.format_map(facts)
                payload = NotePayload(text=text, call_duration_s=step.duration_s)
                summary = _gist(step.summary.format_map(facts))
            else:
                text = step.text.format_map(facts)
                subject = None if step.subject is None else step.subject.format_map(facts)
                payload = MessagePayload(
                    kind=_message_kind(step.kind),
                    text=text,
                    language=self.msg_lang,
                    subject=subject,
                    attachments=list(step.attachments),
                )
                summary = subject or _gist(step.summary.format_map(facts))
            events.append(
                TimelineEvent(
                    id=f"{self.case_id}-e{n:03d}",
                    case_id=self.case_id,
                    occurred_at=moment,
                    source=step.source,
                    actor=step.actor,
                    summary=summary,
                    payload=payload,
                )
            )
        case = Case(
            id=self.case_id,
            customer_id=self.customer.id,
            subject=self.subject,
            journey=self.journey,
            status=self.status,
            priority=self._priority(),
            opened_at=tagged["opened"],
            updated_at=times[-1],
            sla_due_at=self._sla(tagged["opened"], times[-1]),
            owner=self._owner(),
            sentiment=self._sentiment(events),
            external_refs=ExternalRefs(
                ticket_id=self.ticket_id,
                order_ids=self.refs_orders,
                payment_ids=self.refs_payments,
                shipment_ids=self.refs_shipments,
                subscription_id=self.subscription_id,
            ),
            contact_count=self.contacts,
        )
        return CaseFile(customer=self.customer, case=case, events=events)

    def _sla(self, opened: datetime, last: datetime) -> datetime:
        rng = self.rng
        if not self.status.is_active:
            return opened + timedelta(hours=rng.choice((4, 8, 24, 48)))
        roll = rng.random()
        if roll < 0.12:
            due = self.anchor - timedelta(minutes=rng.uniform(10, 480))  # breached
        elif roll < 0.3:
            due = self.anchor + timedelta(minutes=rng.uniform(3, 55))
        elif roll < 0.95:
            due = self.anchor + timedelta(minutes=rng.uniform(60, 24 * 60))
        else:
            due = self.anchor + timedelta(minutes=rng.uniform(24 * 60, 72 * 60))
        return max(due, opened + timedelta(minutes=30)).replace(microsecond=0)

    def _priority(self) -> Priority:
        score = _TIERS.index(self.tier) // 2 + (self.mood == "angry") + (self.contacts >= 3)
        score += self.rng.random() < 0.25
        return (Priority.LOW, Priority.NORMAL, Priority.HIGH, Priority.URGENT)[min(score, 3)]

    def _owner(self) -> WorkOwner:
        if self.status is CaseStatus.WAITING_SYSTEM and self.owner_system:
            return WorkOwner(kind=OwnerKind.SYSTEM, id=self.owner_system)
        human = (
            not self.consent.ai_processing
            or self.status is CaseStatus.WAITING_SUPERVISOR
            or self.rng.random() < 0.25
        )
        if human:
            return WorkOwner(kind=OwnerKind.AGENT, id=self.agent_id)
        return WorkOwner(kind=OwnerKind.AI)

    def _sentiment(self, events: list[TimelineEvent]) -> Sentiment | None:
        rng = self.rng
        if self.status is CaseStatus.NEW and rng.random() < 0.3:
            return None  # not analysed yet
        thanks = getattr(self, "thanks", "")
        if thanks:
            score = rng.uniform(0.35, 0.8)
            return Sentiment(
                label=SentimentLabel.POSITIVE,
                score=round(score, 2),
                reason=f'Customer wrote "{_quote(thanks)}" after the fix',
            )
        label, low, high = {
            "angry": (SentimentLabel.VERY_NEGATIVE, -0.95, -0.65),
            "frustrated": (SentimentLabel.NEGATIVE, -0.6, -0.3),
            "calm": (SentimentLabel.NEUTRAL, -0.15, 0.15),
        }[self.mood]
        quoted = [c for c in (*self.cues[:1], self.repeat_cue) if c]
        if quoted:
            reason = "Customer wrote " + " and ".join(f'"{_quote(c)}"' for c in quoted)
        else:
            reason = "Factual wording with no complaint words"
        if self.contacts >= 3:
            reason += f"; {self.contacts} contacts about the same issue"
        names = {e.payload.name for e in events if isinstance(e.payload, SystemEventPayload)}
        bad = [n for n in _BAD_EVENTS if n in names]
        if bad:
            reason += "; " + ", ".join(bad)
        return Sentiment(label=label, score=round(rng.uniform(low, high), 2), reason=reason)


_BAD_EVENTS = (
    "refund.failed",
    "shipment.lost",
    "shipment.delayed",
    "delivery.failed",
    "payment.duplicate_detected",
    "ticket.reopened",
)


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _message_kind(kind: str) -> MessageKind:
    if kind == "agent_message":
        return "agent_message"
    if kind == "bot_message":
        return "bot_message"
    return "customer_message"


def _quote(phrase: str) -> str:
    return phrase.rstrip(".!。！")


def _gist(text: str, limit: int = 140) -> str:
    """The first sentence of ``text``, at most ``limit`` characters."""
    line = text.strip().split("\n", 1)[0]
    for stop in ("。", "！", "？", ". ", "? ", "! "):
        cut = line.find(stop)
        if 0 < cut < limit:
            line = line[: cut + 1]
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _working_time(moment: datetime, tz: timedelta, when: int, jitter_s: int) -> datetime:
    """``moment`` moved forward into the customer's waking hours or the desk's opening hours."""
    local = moment + tz
    opens, closes = (8, 19) if when == _BUSINESS else (7, 23)
    for _ in range(4):
        open_day = when != _BUSINESS or local.weekday() < 6
        if open_day and opens <= local.hour < closes:
            break
        day = local if local.hour < opens else local + timedelta(days=1)
        local = day.replace(hour=opens, minute=0, second=0) + timedelta(seconds=jitter_s)
    return local - tz


def _ascii(text: str) -> str:
    folded = text.lower().replace("ü", "ue").replace("ö", "oe").replace("ä", "ae")
    folded = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode()
    return folded.replace(" ", "")


def _tracking(carrier: str, rng: random.Random) -> str:
    def digits(n: int) -> str:
        return "".join(rng.choice("0123456789") for _ in range(n))

    def letters(n: int) -> str:
        return "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(n))

    return {
        "UPS": lambda: "1Z" + letters(3) + digits(13),
        "FedEx": lambda: digits(12),
        "USPS": lambda: "9400" + digits(18),
        "DHL": lambda: digits(10),
        "Royal Mail": lambda: letters(2) + digits(9) + "GB",
        "DPD": lambda: digits(14),
        "Evri": lambda: "H" + digits(2) + letters(3) + digits(10),
        "SF Express": lambda: "SF" + digits(13),
        "JD Logistics": lambda: "JDV" + digits(12),
        "ZTO Express": lambda: "7" + digits(13),
        "EMS": lambda: "E" + letters(1) + digits(9) + "CN",
        "Hermes": lambda: digits(14),
        "Correos": lambda: "PQ" + letters(2) + digits(12),
        "SEUR": lambda: digits(14),
    }[carrier]()
