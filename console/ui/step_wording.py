"""A plan step in words, as its card shows it: the parameters as (label, value) rows, what
it would change in which system in one sentence (the dry run), the authority badge's text,
and the text it sends or leaves behind (a reply's body, say).

No widgets: the card (:class:`console.ui.proposal_steps.StepCard`) lays these out. The
strings keep the card's translation context, written in full as
``QCoreApplication.translate("StepCard", "…")``: lupdate reads only string literals.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from console.domain.kinds import ActionKind
from console.ui import labels

if TYPE_CHECKING:
    from console.domain.authority import Verdict


def preview_body(step: Any) -> str | None:
    """The text a step sends or leaves behind (a reply's body, say), if it has one."""
    kind, p = ActionKind(step.action), step.params
    return {
        ActionKind.REPLY_TO_CUSTOMER: lambda: p.body,
        ActionKind.NOTIFY_LOGISTICS: lambda: p.message,
        ActionKind.ESCALATE: lambda: p.reason,
        ActionKind.CLOSE_CASE: lambda: p.summary,
    }.get(kind, lambda: None)()


def verdict_text(verdict: Verdict | None) -> str:
    """The authority badge: who may approve the step, or that nobody checked yet."""
    if verdict is None:
        return QCoreApplication.translate("StepCard", "Authority: not checked yet")
    level = verdict.level.value
    return {
        "forbid": QCoreApplication.translate("StepCard", "Not allowed"),
        "suggest": QCoreApplication.translate("StepCard", "Suggestion only: do it by hand"),
        "agent": QCoreApplication.translate("StepCard", "You may approve"),
        "supervisor": QCoreApplication.translate("StepCard", "Needs a supervisor"),
        "auto_with_undo": QCoreApplication.translate("StepCard", "Runs alone, can be undone"),
        "auto": QCoreApplication.translate("StepCard", "Runs alone"),
    }.get(level, level)


def param_lines(step: Any) -> list[tuple[str, str]]:
    """The step's parameters as (label, readable value) rows."""
    kind, p = ActionKind(step.action), step.params
    if kind is ActionKind.REFUND:
        return [
            (QCoreApplication.translate("StepCard", "Amount"), labels.money(p.amount)),
            (QCoreApplication.translate("StepCard", "Payment"), p.payment_id),
            (QCoreApplication.translate("StepCard", "Order"), p.order_id)
            if p.order_id
            else (QCoreApplication.translate("StepCard", "Subscription"), p.subscription_id),
            (QCoreApplication.translate("StepCard", "Reason"), p.reason),
        ]
    if kind is ActionKind.RESHIP:
        return [
            (QCoreApplication.translate("StepCard", "Items"), items_text(p.items)),
            (QCoreApplication.translate("StepCard", "Order"), p.order_id),
            (QCoreApplication.translate("StepCard", "Shipping"), speed_text(p.speed)),
        ]
    if kind is ActionKind.ACCOUNT_CREDIT:
        rows = [
            (QCoreApplication.translate("StepCard", "Amount"), labels.money(p.amount)),
            (QCoreApplication.translate("StepCard", "Customer"), p.customer_id),
            (QCoreApplication.translate("StepCard", "Reason"), p.reason),
        ]
        if p.reverses:  # Undo's reversal: the credit it takes back
            rows.insert(1, (QCoreApplication.translate("StepCard", "Takes back"), p.reverses))
        return rows
    if kind is ActionKind.REPLY_TO_CUSTOMER:
        rows = [
            (QCoreApplication.translate("StepCard", "Channel"), channel_text(p.channel)),
            (QCoreApplication.translate("StepCard", "Language"), p.language),
        ]
        if p.subject:
            rows.append((QCoreApplication.translate("StepCard", "Subject"), p.subject))
        return rows
    if kind is ActionKind.NOTIFY_LOGISTICS:
        return [
            (QCoreApplication.translate("StepCard", "Carrier"), p.carrier),
            (QCoreApplication.translate("StepCard", "Shipment"), p.shipment_id),
            (QCoreApplication.translate("StepCard", "Request"), request_text(p.request)),
        ]
    if kind is ActionKind.ADJUST_INVENTORY:
        return [
            (QCoreApplication.translate("StepCard", "SKU"), p.sku),
            (QCoreApplication.translate("StepCard", "Warehouse"), p.warehouse),
            (QCoreApplication.translate("StepCard", "Change"), f"{p.delta:+d}"),
            (QCoreApplication.translate("StepCard", "Reason"), p.reason),
        ]
    if kind is ActionKind.ESCALATE:
        return [
            (QCoreApplication.translate("StepCard", "Team"), team_text(p.team)),
            (QCoreApplication.translate("StepCard", "Urgent"), labels.yes_no(p.urgent)),
            (QCoreApplication.translate("StepCard", "Reason"), p.reason),
        ]
    if kind is ActionKind.CLOSE_CASE:
        return [
            (QCoreApplication.translate("StepCard", "Resolution"), resolution_text(p.resolution))
        ]
    return []


def dry_run(step: Any) -> str:
    """What the step would change, in which system, in one sentence."""
    kind, p = ActionKind(step.action), step.params
    if kind is ActionKind.REFUND:
        purchase = (
            QCoreApplication.translate("StepCard", "order %1").replace("%1", p.order_id)
            if p.order_id
            else QCoreApplication.translate("StepCard", "subscription %1").replace(
                "%1", p.subscription_id
            )
        )
        return (
            QCoreApplication.translate("StepCard", "Payments: refund %1 on %2 for %3")
            .replace("%1", labels.money(p.amount))
            .replace("%2", p.payment_id)
            .replace("%3", purchase)
        )
    if kind is ActionKind.RESHIP:
        return (
            QCoreApplication.translate("StepCard", "Orders: reship %1 for order %2 by %3")
            .replace("%1", items_text(p.items))
            .replace("%2", p.order_id)
            .replace("%3", speed_text(p.speed))
        )
    if kind is ActionKind.ACCOUNT_CREDIT and p.reverses:
        return (
            QCoreApplication.translate(
                "StepCard", "Accounts: take back credit %1 (%2) from customer %3"
            )
            .replace("%1", p.reverses)
            .replace("%2", labels.money(p.amount))
            .replace("%3", p.customer_id)
        )
    if kind is ActionKind.ACCOUNT_CREDIT:
        return (
            QCoreApplication.translate("StepCard", "Accounts: credit %1 to customer %2")
            .replace("%1", labels.money(p.amount))
            .replace("%2", p.customer_id)
        )
    if kind is ActionKind.REPLY_TO_CUSTOMER:
        return (
            QCoreApplication.translate("StepCard", "Tickets: post a public reply by %1 (%2)")
            .replace("%1", channel_text(p.channel))
            .replace("%2", p.language)
        )
    if kind is ActionKind.NOTIFY_LOGISTICS:
        return (
            QCoreApplication.translate("StepCard", "Logistics: ask %1 to %2 shipment %3")
            .replace("%1", p.carrier)
            .replace("%2", request_text(p.request).lower())
            .replace("%3", p.shipment_id)
        )
    if kind is ActionKind.ADJUST_INVENTORY:
        return (
            QCoreApplication.translate("StepCard", "Inventory: change stock of %1 in %2 by %3")
            .replace("%1", p.sku)
            .replace("%2", p.warehouse)
            .replace("%3", f"{p.delta:+d}")
        )
    if kind is ActionKind.ESCALATE:
        text = QCoreApplication.translate("StepCard", "Tickets: escalate to the %1 team").replace(
            "%1", team_text(p.team)
        )
        return text + (QCoreApplication.translate("StepCard", " (urgent)") if p.urgent else "")
    if kind is ActionKind.CLOSE_CASE:
        return QCoreApplication.translate("StepCard", "Tandem: close the case as “%1”").replace(
            "%1", resolution_text(p.resolution)
        )
    return ""


# --- readable values --------------------------------------------------------------------------


def items_text(items: list[Any]) -> str:
    return ", ".join(f"{item.quantity} × {item.sku}" for item in items)


def speed_text(speed: str) -> str:
    return {
        "standard": QCoreApplication.translate("StepCard", "standard delivery"),
        "express": QCoreApplication.translate("StepCard", "express"),
    }.get(speed, speed)


def channel_text(channel: str) -> str:
    return {
        "email": QCoreApplication.translate("StepCard", "email"),
        "chat": QCoreApplication.translate("StepCard", "chat"),
        "sms": QCoreApplication.translate("StepCard", "SMS"),
    }.get(channel, channel)


def request_text(request: str) -> str:
    return {
        "trace": QCoreApplication.translate("StepCard", "Trace"),
        "claim": QCoreApplication.translate("StepCard", "Claim"),
        "expedite": QCoreApplication.translate("StepCard", "Expedite"),
        "return_pickup": QCoreApplication.translate("StepCard", "Return pickup"),
        "hold": QCoreApplication.translate("StepCard", "Hold"),
    }.get(request, request)


def team_text(team: str) -> str:
    return {
        "supervisor": QCoreApplication.translate("StepCard", "supervisor"),
        "billing": QCoreApplication.translate("StepCard", "billing"),
        "logistics": QCoreApplication.translate("StepCard", "logistics"),
        "technical": QCoreApplication.translate("StepCard", "technical"),
        "legal": QCoreApplication.translate("StepCard", "legal"),
    }.get(team, team)


def resolution_text(resolution: str) -> str:
    return {
        "resolved": QCoreApplication.translate("StepCard", "resolved"),
        "no_action_needed": QCoreApplication.translate("StepCard", "no action needed"),
        "duplicate": QCoreApplication.translate("StepCard", "duplicate"),
        "customer_unreachable": QCoreApplication.translate("StepCard", "customer unreachable"),
    }.get(resolution, resolution)
