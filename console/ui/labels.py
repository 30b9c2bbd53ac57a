"""Readable, translated labels for the domain's enums, and time and money formatting.

Every function looks the text up at call time, so the labels follow the installed
translator. Context "Labels" in the translation file.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale

from console.domain.kinds import (
    ActionKind,
    ActorKind,
    CaseStatus,
    ContactKind,
    EventKind,
    EventSource,
    Journey,
    OwnerKind,
    Priority,
    Role,
    SentimentLabel,
    SystemName,
    Tier,
)

if TYPE_CHECKING:  # the pydantic models stay out of the first paint's imports
    from console.domain.base import SignedMoney


def journey(value: Journey) -> str:
    return {
        Journey.WHERE_IS_MY_ORDER: QCoreApplication.translate("Labels", "Where is my order"),
        Journey.LATE_DELIVERY: QCoreApplication.translate("Labels", "Late delivery"),
        Journey.LOST_DELIVERY: QCoreApplication.translate("Labels", "Lost delivery"),
        Journey.DAMAGED_ITEM: QCoreApplication.translate("Labels", "Damaged item"),
        Journey.BILLING_DISPUTE: QCoreApplication.translate("Labels", "Billing dispute"),
        Journey.DOUBLE_CHARGE: QCoreApplication.translate("Labels", "Double charge"),
        Journey.SUBSCRIPTION_CANCELLATION: QCoreApplication.translate(
            "Labels", "Subscription cancellation"
        ),
        Journey.SERVICE_OUTAGE: QCoreApplication.translate("Labels", "Service outage"),
    }.get(value, value.value)


def status(value: CaseStatus) -> str:
    return {
        CaseStatus.NEW: QCoreApplication.translate("Labels", "New"),
        CaseStatus.OPEN: QCoreApplication.translate("Labels", "Open"),
        CaseStatus.WAITING_CUSTOMER: QCoreApplication.translate("Labels", "Waiting for customer"),
        CaseStatus.WAITING_SYSTEM: QCoreApplication.translate("Labels", "Waiting for a system"),
        CaseStatus.WAITING_SUPERVISOR: QCoreApplication.translate(
            "Labels", "Waiting for supervisor"
        ),
        CaseStatus.RESOLVED: QCoreApplication.translate("Labels", "Resolved"),
        CaseStatus.CLOSED: QCoreApplication.translate("Labels", "Closed"),
    }.get(value, value.value)


def priority(value: Priority) -> str:
    return {
        Priority.LOW: QCoreApplication.translate("Labels", "Low"),
        Priority.NORMAL: QCoreApplication.translate("Labels", "Normal"),
        Priority.HIGH: QCoreApplication.translate("Labels", "High"),
        Priority.URGENT: QCoreApplication.translate("Labels", "Urgent"),
    }.get(value, str(int(value)))


def tier(value: Tier) -> str:
    return {
        Tier.STANDARD: QCoreApplication.translate("Labels", "Standard"),
        Tier.SILVER: QCoreApplication.translate("Labels", "Silver"),
        Tier.GOLD: QCoreApplication.translate("Labels", "Gold"),
        Tier.PLATINUM: QCoreApplication.translate("Labels", "Platinum"),
    }.get(value, value.value)


def sentiment(value: SentimentLabel) -> str:
    return {
        SentimentLabel.VERY_NEGATIVE: QCoreApplication.translate("Labels", "Very negative"),
        SentimentLabel.NEGATIVE: QCoreApplication.translate("Labels", "Negative"),
        SentimentLabel.NEUTRAL: QCoreApplication.translate("Labels", "Neutral"),
        SentimentLabel.POSITIVE: QCoreApplication.translate("Labels", "Positive"),
    }.get(value, value.value)


def source(value: EventSource) -> str:
    return {
        EventSource.CHAT: QCoreApplication.translate("Labels", "Chat"),
        EventSource.EMAIL: QCoreApplication.translate("Labels", "Email"),
        EventSource.VOICE: QCoreApplication.translate("Labels", "Voice"),
        EventSource.SMS: QCoreApplication.translate("Labels", "SMS"),
        EventSource.BOT: QCoreApplication.translate("Labels", "Bot"),
        EventSource.AGENT: QCoreApplication.translate("Labels", "Agent"),
        EventSource.AI: QCoreApplication.translate("Labels", "AI"),
        EventSource.ORDERS: QCoreApplication.translate("Labels", "Orders"),
        EventSource.PAYMENTS: QCoreApplication.translate("Labels", "Payments"),
        EventSource.LOGISTICS: QCoreApplication.translate("Labels", "Logistics"),
        EventSource.INVENTORY: QCoreApplication.translate("Labels", "Inventory"),
        EventSource.TICKETS: QCoreApplication.translate("Labels", "Tickets"),
        EventSource.TANDEM: QCoreApplication.translate("Labels", "Tandem"),
    }.get(value, value.value)


def actor_kind(value: ActorKind) -> str:
    return {
        ActorKind.CUSTOMER: QCoreApplication.translate("Labels", "Customer"),
        ActorKind.AGENT: QCoreApplication.translate("Labels", "Agent"),
        ActorKind.SUPERVISOR: QCoreApplication.translate("Labels", "Supervisor"),
        ActorKind.BOT: QCoreApplication.translate("Labels", "Bot"),
        ActorKind.AI: QCoreApplication.translate("Labels", "AI"),
        ActorKind.SYSTEM: QCoreApplication.translate("Labels", "System"),
    }.get(value, value.value)


def event_kind(value: EventKind) -> str:
    return {
        EventKind.CUSTOMER_MESSAGE: QCoreApplication.translate("Labels", "Customer message"),
        EventKind.AGENT_MESSAGE: QCoreApplication.translate("Labels", "Agent message"),
        EventKind.BOT_MESSAGE: QCoreApplication.translate("Labels", "Bot message"),
        EventKind.NOTE: QCoreApplication.translate("Labels", "Note"),
        EventKind.SYSTEM_EVENT: QCoreApplication.translate("Labels", "System event"),
        EventKind.AI_PROPOSAL: QCoreApplication.translate("Labels", "AI proposal"),
        EventKind.DECISION: QCoreApplication.translate("Labels", "Decision"),
        EventKind.ACTION_STATUS: QCoreApplication.translate("Labels", "Action status"),
    }.get(value, value.value)


def contact_kind(value: ContactKind) -> str:
    return {
        ContactKind.EMAIL: QCoreApplication.translate("Labels", "Email"),
        ContactKind.PHONE: QCoreApplication.translate("Labels", "Phone"),
        ContactKind.CHAT: QCoreApplication.translate("Labels", "Chat"),
        ContactKind.POSTAL: QCoreApplication.translate("Labels", "Postal"),
    }.get(value, value.value)


def role(value: Role) -> str:
    return {
        Role.AGENT: QCoreApplication.translate("Labels", "Agent"),
        Role.SUPERVISOR: QCoreApplication.translate("Labels", "Supervisor"),
        Role.TRAINER: QCoreApplication.translate("Labels", "Trainer"),
    }.get(value, value.value)


def owner(kind: OwnerKind, owner_id: str | None) -> str:
    if kind is OwnerKind.AI:
        return QCoreApplication.translate("Labels", "AI")
    name = owner_id or "?"
    if kind is OwnerKind.SYSTEM:
        if name in EventSource.__members__.values():
            name = source(EventSource(name))
        return QCoreApplication.translate("Labels", "Waiting on %1").replace("%1", name)
    return QCoreApplication.translate("Labels", "Agent %1").replace("%1", name)


def action_kind(value: ActionKind) -> str:
    return {
        ActionKind.REFUND: QCoreApplication.translate("Labels", "Refund"),
        ActionKind.RESHIP: QCoreApplication.translate("Labels", "Reship items"),
        ActionKind.ACCOUNT_CREDIT: QCoreApplication.translate("Labels", "Account credit"),
        ActionKind.REPLY_TO_CUSTOMER: QCoreApplication.translate("Labels", "Reply to customer"),
        ActionKind.NOTIFY_LOGISTICS: QCoreApplication.translate("Labels", "Notify logistics"),
        ActionKind.ADJUST_INVENTORY: QCoreApplication.translate("Labels", "Adjust inventory"),
        ActionKind.ESCALATE: QCoreApplication.translate("Labels", "Escalate"),
        ActionKind.CLOSE_CASE: QCoreApplication.translate("Labels", "Close case"),
    }.get(value, str(value))


def system(value: SystemName) -> str:
    return {
        SystemName.ORDERS: QCoreApplication.translate("Labels", "Orders"),
        SystemName.PAYMENTS: QCoreApplication.translate("Labels", "Payments"),
        SystemName.LOGISTICS: QCoreApplication.translate("Labels", "Logistics"),
        SystemName.INVENTORY: QCoreApplication.translate("Labels", "Inventory"),
        SystemName.TICKETS: QCoreApplication.translate("Labels", "Tickets"),
        SystemName.ACCOUNTS: QCoreApplication.translate("Labels", "Accounts"),
        SystemName.TANDEM: QCoreApplication.translate("Labels", "Tandem"),
    }.get(value, str(value))


def yes_no(value: bool) -> str:
    return (
        QCoreApplication.translate("Labels", "Yes")
        if value
        else QCoreApplication.translate("Labels", "No")
    )


# --- time ---------------------------------------------------------------------------------


def now() -> datetime:
    return datetime.now(UTC)


def duration(seconds: float, *, with_seconds: bool = False) -> str:
    """A short duration such as "1 h 20 min", "35 min" or "2 d 3 h"."""
    total = int(abs(seconds))
    minutes, secs = divmod(total, 60)
    if minutes < 60 and with_seconds:
        if minutes == 0:
            return QCoreApplication.translate("Labels", "%1 s").replace("%1", str(secs))
        return (
            QCoreApplication.translate("Labels", "%1 min %2 s")
            .replace("%1", str(minutes))
            .replace("%2", f"{secs:02d}")
        )
    if minutes < 1:
        return QCoreApplication.translate("Labels", "under 1 min")
    if minutes < 60:
        return QCoreApplication.translate("Labels", "%1 min").replace("%1", str(minutes))
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        if minutes == 0:
            return QCoreApplication.translate("Labels", "%1 h").replace("%1", str(hours))
        return (
            QCoreApplication.translate("Labels", "%1 h %2 min")
            .replace("%1", str(hours))
            .replace("%2", str(minutes))
        )
    days, hours = divmod(hours, 24)
    if hours == 0:
        return QCoreApplication.translate("Labels", "%1 d").replace("%1", str(days))
    return (
        QCoreApplication.translate("Labels", "%1 d %2 h")
        .replace("%1", str(days))
        .replace("%2", str(hours))
    )


def sla(due: datetime, at: datetime | None = None, *, with_seconds: bool = False) -> str:
    """SLA countdown: "in 1 h 20 min" or "overdue 35 min"."""
    left = (due - (at or now())).total_seconds()
    text = duration(left, with_seconds=with_seconds)
    if left < 0:
        return QCoreApplication.translate("Labels", "overdue %1").replace("%1", text)
    return QCoreApplication.translate("Labels", "in %1").replace("%1", text)


def is_overdue(due: datetime, at: datetime | None = None) -> bool:
    return due < (at or now())


def ago(when: datetime, at: datetime | None = None) -> str:
    """Relative time in the past: "just now", "5 min ago", "3 h ago", "2 d ago"."""
    seconds = ((at or now()) - when).total_seconds()
    if seconds < 60:
        return QCoreApplication.translate("Labels", "just now")
    if seconds < 3600:
        return QCoreApplication.translate("Labels", "%1 min ago").replace(
            "%1", str(int(seconds // 60))
        )
    if seconds < 86400:
        return QCoreApplication.translate("Labels", "%1 h ago").replace(
            "%1", str(int(seconds // 3600))
        )
    if seconds < 86400 * 60:
        return QCoreApplication.translate("Labels", "%1 d ago").replace(
            "%1", str(int(seconds // 86400))
        )
    return exact_date(when)


def exact(when: datetime) -> str:
    """Local date and time to the second, for tooltips and detail views."""
    return when.astimezone().strftime("%Y-%m-%d %H:%M:%S %Z")


def exact_date(when: datetime) -> str:
    return when.astimezone().strftime("%Y-%m-%d")


def money(value: SignedMoney) -> str:
    from console.domain.base import minor_units

    places = minor_units(value.currency)
    rounded = value.amount.quantize(Decimal(1).scaleb(-places))
    amount = QLocale().toString(float(rounded), "f", places)
    return f"{amount} {value.currency}"
