"""Who takes part in a demo case: the customer (drawn from the seed), agents, the bot, systems."""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from console.domain.base import Money
from console.domain.customer import Consent, ContactKind, ContactPoint, Customer, Tier
from console.domain.events import Actor, ActorKind, EventSource

from . import locales
from .text import world
from .text.desk import AGENTS

TIERS = (Tier.STANDARD, Tier.SILVER, Tier.GOLD, Tier.PLATINUM)
_LIFETIME_USD = {
    Tier.STANDARD: (40, 800),
    Tier.SILVER: (600, 2500),
    Tier.GOLD: (2500, 9000),
    Tier.PLATINUM: (9000, 45000),
}

BOT = Actor(kind=ActorKind.BOT, id="bot-nova", name="Nova assistant")
SYSTEM_ACTORS = {
    source: Actor(kind=ActorKind.SYSTEM, id=source.value, name=source.value.capitalize())
    for source in (
        EventSource.ORDERS,
        EventSource.PAYMENTS,
        EventSource.LOGISTICS,
        EventSource.INVENTORY,
        EventSource.TICKETS,
    )
}
AGENT_ACTORS = {
    agent_id: Actor(kind=ActorKind.AGENT, id=agent_id, name=display)
    for agent_id, (display, _, _) in AGENTS.items()
}


def signature(agent_id: str, lang: str) -> str:
    """How the agent signs messages in ``lang``."""
    display, _, signatures = AGENTS[agent_id]
    return signatures.get(lang, display)


@dataclass(frozen=True, slots=True)
class Person:
    """The customer of one case, with the locale everything in the case is written for."""

    locale: str  # e.g. "en-GB"
    lang: str  # the key of the case's text corpora: "en", "zh", "de" or "es"
    msg_lang: str  # the language tag of the customer's messages
    currency: str
    tz: timedelta  # the customer's offset from UTC
    name: str
    first_name: str  # Chinese customers are addressed by their full name
    tier: Tier
    consent: Consent
    customer: Customer
    actor: Actor


def draw_person(rng: random.Random, customer_id: str, anchor: datetime) -> Person:
    locale = rng.choices(locales.LOCALES, locales.LOCALE_WEIGHTS)[0]
    lang = locales.LANG[locale]
    currency = locales.CURRENCY[locale]
    if lang == "zh":
        (sur, sur_py), (given, given_py) = (
            rng.choice(world.ZH_SURNAMES),
            rng.choice(world.ZH_GIVEN),
        )
        name, first = sur + given, sur + given
        handle = f"{sur_py}.{given_py}"
    else:
        first = rng.choice(world.FIRST_NAMES[locale])
        last = rng.choice(world.LAST_NAMES[locale])
        name = f"{first} {last}"
        handle = _ascii(f"{first}.{last}")
    tier = rng.choices(TIERS, (45, 28, 18, 9))[0]
    low, high = _LIFETIME_USD[tier]
    ltv = (Decimal(rng.randint(low * 100, high * 100)) / 100) * locales.RATE[currency]
    since_days = rng.randint(20, 400) * (1 + TIERS.index(tier))
    domain = rng.choice(("example.com", "example.net", "example.org"))
    email = f"{handle}{rng.randint(1, 99)}@{domain}"
    phone = locales.PHONE[locale].format(rng.randint(0, 99 if locale == "en-US" else 999))
    prefers_phone = rng.random() < 0.3
    consent = Consent(
        marketing=rng.random() < 0.4,
        call_recording=rng.random() < 0.8,
        ai_processing=rng.random() < 0.96,
    )
    customer = Customer(
        id=customer_id,
        name=name,
        tier=tier,
        language=locale,
        contact_points=[
            ContactPoint(kind=ContactKind.EMAIL, value=email, preferred=not prefers_phone),
            ContactPoint(kind=ContactKind.PHONE, value=phone, preferred=prefers_phone),
        ],
        lifetime_value=Money(amount=ltv.quantize(Decimal("0.01")), currency=currency),
        consent=consent,
        customer_since=(anchor - timedelta(days=since_days)).date().isoformat(),
    )
    return Person(
        locale=locale,
        lang=lang,
        msg_lang=locales.MESSAGE_LANG[lang],
        currency=currency,
        tz=timedelta(hours=locales.TZ_HOURS[locale]),
        name=name,
        first_name=first,
        tier=tier,
        consent=consent,
        customer=customer,
        actor=Actor(kind=ActorKind.CUSTOMER, id=customer_id, name=name),
    )


def _ascii(text: str) -> str:
    folded = text.lower().replace("ü", "ue").replace("ö", "oe").replace("ä", "ae")
    folded = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode()
    return folded.replace(" ", "")
