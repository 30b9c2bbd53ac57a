"""The customers' locales: language, currency, time zone, and how they write money and dates."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

LOCALES = ("en-US", "en-GB", "zh-CN", "de-DE", "es-ES")
LOCALE_WEIGHTS = (38, 27, 23, 6, 6)
LANG = {"en-US": "en", "en-GB": "en", "zh-CN": "zh", "de-DE": "de", "es-ES": "es"}
MESSAGE_LANG = {"en": "en", "zh": "zh-CN", "de": "de", "es": "es"}  # a message's language tag
CURRENCY = {"en-US": "USD", "en-GB": "GBP", "zh-CN": "CNY", "de-DE": "EUR", "es-ES": "EUR"}
TZ_HOURS = {"en-US": -5, "en-GB": 0, "zh-CN": 8, "de-DE": 1, "es-ES": 1}
RATE = {"USD": Decimal(1), "GBP": Decimal("0.8"), "EUR": Decimal("0.92"), "CNY": Decimal(7)}
PHONE = {
    "en-US": "+1 555-01{:02d}",
    "en-GB": "+44 7700 900{:03d}",
    "zh-CN": "+86 139 {:04d} 6218",
    "de-DE": "+49 1521 {:07d}",
    "es-ES": "+34 612 {:06d}",
}
MONTHS: dict[str, tuple[str, ...]] = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "de": ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
           "September", "Oktober", "November", "Dezember"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre"),
}  # fmt: skip
_CENT = Decimal("0.01")


def local_price(usd: Decimal | str, currency: str) -> Decimal:
    """A price of ``usd`` dollars in ``currency``, ending in .99 (or 9 yuan) as shops do."""
    local = Decimal(usd) * RATE[currency]
    if currency == "CNY":
        whole = (local / 10).quantize(Decimal(1), ROUND_HALF_UP) * 10 - 1
    else:
        whole = local.quantize(Decimal(1), ROUND_HALF_UP) - Decimal("0.01")
    return whole.quantize(_CENT)


def format_money(amount: Decimal, locale: str) -> str:
    text = f"{amount:,.2f}"
    if locale in ("de-DE", "es-ES"):
        return text.replace(",", " ").replace(".", ",").replace(" ", ".") + " €"
    return {"en-US": "$", "en-GB": "£", "zh-CN": "¥"}[locale] + text


def format_date(moment: datetime, locale: str) -> str:
    """The day of ``moment`` in the customer's time zone, as the customer writes it."""
    local = moment + timedelta(hours=TZ_HOURS[locale])
    day, month = local.day, local.month
    lang = LANG[locale]
    if lang == "zh":
        return f"{month}月{day}日"
    if locale == "en-US":
        return f"{MONTHS['en'][month - 1]} {day}"
    if lang == "de":
        return f"{day}. {MONTHS['de'][month - 1]}"
    if lang == "es":
        return f"{day} de {MONTHS['es'][month - 1]}"
    return f"{day} {MONTHS['en'][month - 1]}"
