"""The facts of one demo case: what was bought, for how much, the ids, and the template fields.

Every message is a template filled from :attr:`Facts.fields`; dates join the fields once the
story's events have their times (:meth:`Facts.add_dates`).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from console.domain.case import Journey

from .ids import serial
from .locales import format_date, format_money, local_price
from .people import Person, signature
from .text import world
from .text.language import Language

_NOT_DEVICES = frozenset({"CK-FJO-6", "SH-SOL-R", "CH-ATL-E"})
_AGENTS_FOR = {
    "en": ("agent-ana", "agent-ana", "agent-li", "agent-priya", "agent-tom", "agent-carmen"),
    "zh": ("agent-li", "agent-li", "agent-zhang"),
    "de": ("agent-tom",),
    "es": ("agent-ana", "agent-carmen"),
}


@dataclass(slots=True)
class Facts:
    sku: str
    carrier: str
    tracking: str
    fee: Decimal  # the express fee of a late delivery, else 0
    amount: Decimal  # what the order cost (and was charged)
    expected: Decimal  # what a disputed order should have cost
    plan_fee: Decimal
    credit: Decimal  # a service credit
    goodwill: Decimal
    order_id: str
    pay_base: int
    shipment_id: str
    ticket_id: str
    days: int  # a delay, in days
    promised_days: int  # from order to promised delivery
    agent_id: str
    fields: dict[str, str]  # for the templates

    def payment_id(self, k: int) -> str:
        return f"PAY-{self.pay_base}-{k}"

    def add_dates(self, tagged: dict[str, datetime], locale: str) -> None:
        """Fields for the dates of the story's tagged events (``tagged``: tag -> time)."""
        first = next(iter(tagged.values()))
        order = tagged.get("order", first)
        promised = order + timedelta(days=self.promised_days)
        opened = tagged["opened"]
        outage = tagged.get("outage", opened)
        self.fields.update(
            order_date=format_date(order, locale),
            promised_date=format_date(promised, locale),
            new_eta=format_date(promised + timedelta(days=self.days), locale),
            last_scan_date=format_date(tagged.get("last_scan", order), locale),
            delivered_date=format_date(tagged.get("delivered", opened), locale),
            cancel_date=format_date(tagged.get("cancel", first), locale),
            renew_date=format_date(tagged.get("renew", first), locale),
            outage_date=format_date(outage, locale),
            outage_hours=str(max(1, round((opened - outage).total_seconds() / 3600))),
            pay1=self.payment_id(1),
            pay2=self.payment_id(2),
        )


def draw_facts(
    rng: random.Random, seed: int, index: int, journey: Journey, person: Person, text: Language
) -> Facts:
    locale, lang, currency = person.locale, person.lang, person.currency
    products = world.PRODUCTS
    if journey is Journey.DAMAGED_ITEM:  # "cracked, won't switch on": devices only
        products = tuple(p for p in products if p[0] not in _NOT_DEVICES)
    sku, usd, names = rng.choice(products)
    carrier = rng.choice(world.CARRIERS[locale])
    fee = local_price("13", currency) if journey is Journey.LATE_DELIVERY else Decimal(0)
    amount = local_price(usd, currency) + fee
    expected = (amount * Decimal("0.8")).quantize(Decimal("0.01"))
    plan_fee = local_price("15", currency)
    credit = local_price(rng.choice(("20", "30", "45")), currency)
    goodwill = local_price(rng.choice(("25", "50", "75", "120")), currency)
    ticket_id = f"TCK-{serial(seed, index, 4, 7)}"
    tracking = _tracking(carrier, rng)
    days = rng.randint(2, 9)
    promised_days = rng.randint(2, 4)
    agent_id = rng.choice(_AGENTS_FOR[lang])
    order_id = f"ORD-{serial(seed, index, 1, 8)}"
    fields: dict[str, str] = {
        "order": order_id,
        "product": names[lang],
        "amount": format_money(amount, locale),
        "fee": format_money(fee, locale),
        "carrier": text.carrier_names.get(carrier, carrier),
        "tracking": tracking,
        "ticket": ticket_id,
        "days": str(days),
        "expected": format_money(expected, locale),
        "difference": format_money(amount - expected, locale),
        "promo": rng.choice(("SPRING20", "WELCOME20", "NOVA20")),
        "plan": text.plan,
        "plan_fee": format_money(plan_fee, locale),
        "service": text.service,
        "area": rng.choice(world.AREAS[locale]),
        "credit": format_money(credit, locale),
        "goodwill": format_money(goodwill, locale),
        "name": person.name,
        "first_name": person.first_name,
        "agent": signature(agent_id, lang),
    }
    return Facts(
        sku=sku,
        carrier=carrier,
        tracking=tracking,
        fee=fee,
        amount=amount,
        expected=expected,
        plan_fee=plan_fee,
        credit=credit,
        goodwill=goodwill,
        order_id=order_id,
        pay_base=serial(seed, index, 2, 8),
        shipment_id=f"SHP-{serial(seed, index, 3, 8)}",
        ticket_id=ticket_id,
        days=days,
        promised_days=promised_days,
        agent_id=agent_id,
        fields=fields,
    )


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
