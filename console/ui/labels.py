"""Readable, translated labels for the domain's enums, and time and money formatting.

Every function looks the text up at call time, so the labels follow the installed
translator. Context "Labels" in the translation file.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QLocale

from console.domain.authority import Role
from console.domain.base import Money, minor_units
from console.domain.case import CaseStatus, Journey, OwnerKind, Priority, SentimentLabel
from console.domain.customer import ContactKind, Tier
from console.domain.events import ActorKind, EventKind, EventSource


def _t(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def journey(value: Journey) -> str:
    return {
        Journey.WHERE_IS_MY_ORDER: _t("Where is my order"),
        Journey.LATE_DELIVERY: _t("Late delivery"),
        Journey.LOST_DELIVERY: _t("Lost delivery"),
        Journey.DAMAGED_ITEM: _t("Damaged item"),
        Journey.BILLING_DISPUTE: _t("Billing dispute"),
        Journey.DOUBLE_CHARGE: _t("Double charge"),
        Journey.SUBSCRIPTION_CANCELLATION: _t("Subscription cancellation"),
        Journey.SERVICE_OUTAGE: _t("Service outage"),
    }.get(value, value.value)


def status(value: CaseStatus) -> str:
    return {
        CaseStatus.NEW: _t("New"),
        CaseStatus.OPEN: _t("Open"),
        CaseStatus.WAITING_CUSTOMER: _t("Waiting for customer"),
        CaseStatus.WAITING_SYSTEM: _t("Waiting for a system"),
        CaseStatus.WAITING_SUPERVISOR: _t("Waiting for supervisor"),
        CaseStatus.RESOLVED: _t("Resolved"),
        CaseStatus.CLOSED: _t("Closed"),
    }.get(value, value.value)


def priority(value: Priority) -> str:
    return {
        Priority.LOW: _t("Low"),
        Priority.NORMAL: _t("Normal"),
        Priority.HIGH: _t("High"),
        Priority.URGENT: _t("Urgent"),
    }.get(value, str(int(value)))


def tier(value: Tier) -> str:
    return {
        Tier.STANDARD: _t("Standard"),
        Tier.SILVER: _t("Silver"),
        Tier.GOLD: _t("Gold"),
        Tier.PLATINUM: _t("Platinum"),
    }.get(value, value.value)


def sentiment(value: SentimentLabel) -> str:
    return {
        SentimentLabel.VERY_NEGATIVE: _t("Very negative"),
        SentimentLabel.NEGATIVE: _t("Negative"),
        SentimentLabel.NEUTRAL: _t("Neutral"),
        SentimentLabel.POSITIVE: _t("Positive"),
    }.get(value, value.value)


def source(value: EventSource) -> str:
    return {
        EventSource.CHAT: _t("Chat"),
        EventSource.EMAIL: _t("Email"),
        EventSource.VOICE: _t("Voice"),
        EventSource.SMS: _t("SMS"),
        EventSource.BOT: _t("Bot"),
        EventSource.AGENT: _t("Agent"),
        EventSource.AI: _t("AI"),
        EventSource.ORDERS: _t("Orders"),
        EventSource.PAYMENTS: _t("Payments"),
        EventSource.LOGISTICS: _t("Logistics"),
        EventSource.INVENTORY: _t("Inventory"),
        EventSource.TICKETS: _t("Tickets"),
        EventSource.TANDEM: _t("Tandem"),
    }.get(value, value.value)


def actor_kind(value: ActorKind) -> str:
    return {
        ActorKind.CUSTOMER: _t("Customer"),
        ActorKind.AGENT: _t("Agent"),
        ActorKind.SUPERVISOR: _t("Supervisor"),
        ActorKind.BOT: _t("Bot"),
        ActorKind.AI: _t("AI"),
        ActorKind.SYSTEM: _t("System"),
    }.get(value, value.value)


def event_kind(value: EventKind) -> str:
    return {
        EventKind.CUSTOMER_MESSAGE: _t("Customer message"),
        EventKind.AGENT_MESSAGE: _t("Agent message"),
        EventKind.BOT_MESSAGE: _t("Bot message"),
        EventKind.NOTE: _t("Note"),
        EventKind.SYSTEM_EVENT: _t("System event"),
        EventKind.AI_PROPOSAL: _t("AI proposal"),
        EventKind.DECISION: _t("Decision"),
        EventKind.ACTION_STATUS: _t("Action status"),
    }.get(value, value.value)


def contact_kind(value: ContactKind) -> str:
    return {
        ContactKind.EMAIL: _t("Email"),
        ContactKind.PHONE: _t("Phone"),
        ContactKind.CHAT: _t("Chat"),
        ContactKind.POSTAL: _t("Postal"),
    }.get(value, value.value)


def role(value: Role) -> str:
    return {
        Role.AGENT: _t("Agent"),
        Role.SUPERVISOR: _t("Supervisor"),
        Role.TRAINER: _t("Trainer"),
    }.get(value, value.value)


def owner(kind: OwnerKind, owner_id: str | None) -> str:
    if kind is OwnerKind.AI:
        return _t("AI")
    name = owner_id or "?"
    if kind is OwnerKind.SYSTEM:
        if name in EventSource.__members__.values():
            name = source(EventSource(name))
        return _t("Waiting on %1").replace("%1", name)
    return _t("Agent %1").replace("%1", name)


def yes_no(value: bool) -> str:
    return _t("Yes") if value else _t("No")


# --- time ---------------------------------------------------------------------------------


def now() -> datetime:
    return datetime.now(UTC)


def duration(seconds: float, *, with_seconds: bool = False) -> str:
    """A short duration such as "1 h 20 min", "35 min" or "2 d 3 h"."""
    total = int(abs(seconds))
    minutes, secs = divmod(total, 60)
    if minutes < 60 and with_seconds:
        if minutes == 0:
            return _t("%1 s").replace("%1", str(secs))
        return _t("%1 min %2 s").replace("%1", str(minutes)).replace("%2", f"{secs:02d}")
    if minutes < 1:
        return _t("under 1 min")
    if minutes < 60:
        return _t("%1 min").replace("%1", str(minutes))
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        if minutes == 0:
            return _t("%1 h").replace("%1", str(hours))
        return _t("%1 h %2 min").replace("%1", str(hours)).replace("%2", str(minutes))
    days, hours = divmod(hours, 24)
    if hours == 0:
        return _t("%1 d").replace("%1", str(days))
    return _t("%1 d %2 h").replace("%1", str(days)).replace("%2", str(hours))


def sla(due: datetime, at: datetime | None = None, *, with_seconds: bool = False) -> str:
    """SLA countdown: "in 1 h 20 min" or "overdue 35 min"."""
    left = (due - (at or now())).total_seconds()
    text = duration(left, with_seconds=with_seconds)
    if left < 0:
        return _t("overdue %1").replace("%1", text)
    return _t("in %1").replace("%1", text)


def is_overdue(due: datetime, at: datetime | None = None) -> bool:
    return due < (at or now())


def ago(when: datetime, at: datetime | None = None) -> str:
    """Relative time in the past: "just now", "5 min ago", "3 h ago", "2 d ago"."""
    seconds = ((at or now()) - when).total_seconds()
    if seconds < 60:
        return _t("just now")
    if seconds < 3600:
        return _t("%1 min ago").replace("%1", str(int(seconds // 60)))
    if seconds < 86400:
        return _t("%1 h ago").replace("%1", str(int(seconds // 3600)))
    if seconds < 86400 * 60:
        return _t("%1 d ago").replace("%1", str(int(seconds // 86400)))
    return exact_date(when)


def exact(when: datetime) -> str:
    """Local date and time to the second, for tooltips and detail views."""
    return when.astimezone().strftime("%Y-%m-%d %H:%M:%S %Z")


def exact_date(when: datetime) -> str:
    return when.astimezone().strftime("%Y-%m-%d")


def money(value: Money) -> str:
    places = minor_units(value.currency)
    rounded = value.amount.quantize(Decimal(1).scaleb(-places))
    amount = QLocale().toString(float(rounded), "f", places)
    return f"{amount} {value.currency}"
