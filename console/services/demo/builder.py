"""One demo case while its story is told: the premise drawn from the seed, and the steps.

:class:`CaseBuilder` draws who the customer is, the facts and the case's status and mood, then
offers the steps a story is told in: system events, messages, notes, payments and refunds.
Every draw comes from one random generator per case, in a fixed order, so that a seed always
tells the same stories.
"""

from __future__ import annotations

import random
from datetime import datetime
from decimal import Decimal

from console.domain.case import CaseStatus
from console.domain.events import Actor, EventSource, Scalar

from .facts import draw_facts
from .ids import case_id_for, customer_id_for, journey_for, serial
from .locales import format_money, local_price
from .people import AGENT_ACTORS, BOT, SYSTEM_ACTORS, draw_person
from .text import LANGUAGES
from .text.language import Mood
from .timeline import MessageKind, Step, When

_STATUSES = tuple(CaseStatus)
_STATUS_WEIGHTS = (12, 33, 12, 13, 7, 15, 8)  # in CaseStatus order
_MOODS: tuple[Mood, ...] = ("angry", "frustrated", "calm")


class CaseBuilder:
    def __init__(self, seed: int, index: int, anchor: datetime) -> None:
        self.rng = rng = random.Random(f"{seed}:{index}")
        self.seed, self.index, self.anchor = seed, index, anchor
        self.case_id = case_id_for(seed, index)
        self.journey = journey_for(seed, index)
        self.steps: list[Step] = []
        self.cues: list[str] = []  # mood phrases the customer wrote, in order
        self.repeat_cue = ""  # the last "I already told you" the customer wrote
        self.thanks = ""  # the customer's thanks, if the story ends with them
        self.contacts = 0
        self.refs_orders: list[str] = []
        self.refs_payments: list[str] = []
        self.refs_shipments: list[str] = []
        self.subscription_id: str | None = None
        self.contact_gap = 0  # from the story's first event to the customer's first contact
        self.owner_system: str | None = None  # the system a waiting case waits on

        # The premise, drawn in this order.
        self.person = person = draw_person(rng, customer_id_for(seed, index), anchor)
        self.lang, self.locale, self.currency = person.lang, person.locale, person.currency
        self.text = LANGUAGES[self.lang]
        self.facts = draw_facts(rng, seed, index, self.journey, person, self.text)
        self.fields = self.facts.fields
        self.status: CaseStatus = rng.choices(_STATUSES, _STATUS_WEIGHTS)[0]
        self.repeats: int = rng.choices((0, 1, 2, 3), (30, 30, 25, 15))[0]
        if self.status is CaseStatus.NEW:
            self.repeats = min(self.repeats, 1)
        angry = 20 + 12 * self.repeats
        self.mood: Mood = rng.choices(_MOODS, (angry, 40, 30))[0]
        self.contradiction = rng.random() < 0.22  # the systems say other than the customer
        self.prior_refund = rng.random() < 0.2  # a goodwill refund before the agent replies
        self.reopened = self.status is not CaseStatus.NEW and rng.random() < 0.15
        self.subject = rng.choice(self.text.subjects[self.journey]).format_map(self.fields)

    # --- numbers -----------------------------------------------------------------------

    def serial(self, salt: int, width: int) -> int:
        return serial(self.seed, self.index, salt, width)

    def gap(self, low_h: float, high_h: float) -> int:
        """A random gap between ``low_h`` and ``high_h`` hours, in seconds (at least 60)."""
        return max(60, round(self.rng.uniform(low_h, high_h) * 3600))

    def price(self, usd: str) -> Decimal:
        return local_price(usd, self.currency)

    def fmt(self, amount: Decimal) -> str:
        return format_money(amount, self.locale)

    def payment_id(self, k: int) -> str:
        return self.facts.payment_id(k)

    # --- steps -------------------------------------------------------------------------

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
        """A system event; ``optional`` ones are dropped first when a story runs long."""
        self.steps.append(
            Step(
                gap_s=gap,
                when=When.ANY,
                jitter_s=0,
                source=source,
                actor=SYSTEM_ACTORS[source],
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
        when: When,
        source: EventSource,
        actor: Actor,
        kind: MessageKind,
        text: str,
        summary: str,
        subject: str | None = None,
        attachments: tuple[str, ...] = (),
        tag: str | None = None,
    ) -> None:
        self.steps.append(
            Step(
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
            phrases = self.text.repeat
            phrase = phrases[0] if self.contacts <= 2 else self.rng.choice(phrases[1:])
            self.repeat_cue = phrase
            parts.insert(0, phrase)
        if self.mood != "calm" or self.rng.random() < 0.7:
            phrase = self.rng.choice(self.text.mood[self.mood])
            self.cues.append(phrase)
            parts.append(phrase)
        body = sep.join(parts)
        text = body
        if source is EventSource.EMAIL:
            head, tail = self.text.email_frame
            text = head + body + tail
        self._message(
            gap,
            When.AWAKE,
            source,
            self.person.actor,
            "customer_message",
            text,
            subject or body,
            subject=subject,
            attachments=attachments,
            tag=tag,
        )

    def customer_thanks(self) -> None:
        """The customer's thanks, by e-mail, an hour to a day or so after the fix."""
        self.thanks = self.rng.choice(self.text.thanks)
        self._message(
            self.gap(1, 30),
            When.AWAKE,
            EventSource.EMAIL,
            self.person.actor,
            "customer_message",
            self.thanks,
            self.thanks,
            subject="Re: " + self.subject,
        )

    def agent_says(self, gap: int, core: str, source: EventSource = EventSource.EMAIL) -> None:
        head, tail = self.text.agent_frame
        core = core if self.lang == "de" else _upper_first(core)
        subject = "Re: " + self.subject if source is EventSource.EMAIL else None
        self._message(
            gap,
            When.BUSINESS,
            source,
            AGENT_ACTORS[self.facts.agent_id],
            "agent_message",
            head + core + tail,
            core,
            subject=subject,
        )

    def bot_says(self, gap: int, text: str) -> None:
        self._message(gap, When.ANY, EventSource.BOT, BOT, "bot_message", text, text)

    def note(self, gap: int, text: str, *, call_s: int | None = None) -> None:
        """An agent's internal note; with ``call_s``, the note of a call that long."""
        self.steps.append(
            Step(
                gap_s=gap,
                when=When.BUSINESS,
                jitter_s=self.rng.randint(0, 75 * 60),
                source=EventSource.VOICE if call_s is not None else EventSource.AGENT,
                actor=AGENT_ACTORS[self.facts.agent_id],
                summary=(f"Call note ({call_s // 60} min)" if call_s is not None else text),
                text=text,
                kind="note",
                duration_s=call_s,
            )
        )

    # --- money -------------------------------------------------------------------------

    def captured(self, gap: int, k: int, amount: Decimal) -> None:
        """Payment ``k`` of the case captured."""
        pid = self.payment_id(k)
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
        self.fields[f"amount_{k}"] = self.fmt(amount)

    def refund(self, gap: int, k: int, amount: Decimal, outcome: str, reason: str) -> None:
        """A refund on payment ``k`` requested and, unless ``outcome`` is "requested", done."""
        pid = self.payment_id(k)
        refund = f"RF-{self.facts.pay_base}-{k}{len(self.steps):02d}"
        self.system(
            gap,
            EventSource.PAYMENTS,
            "refund.requested",
            pid,
            f"Refund of {self.fmt(amount)} requested on {pid}",
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
            self.gap(0.1, 30),
            EventSource.PAYMENTS,
            f"refund.{outcome}",
            pid,
            summary,
            attrs=detail,
            currency=self.currency,
        )


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]
