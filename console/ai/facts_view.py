"""Typed facts derived from :class:`CaseFacts`: what the playbooks reason over.

Pure functions. Every fact carries the timeline event ids it rests on and whether it was
read directly from the evidence (``direct``) or filled in by a default.
"""

from __future__ import annotations

import re
from datetime import datetime
from decimal import Decimal, InvalidOperation

from console.domain.actions import LineItem
from console.domain.base import Money
from console.domain.events import MessagePayload, SystemEventPayload, TimelineEvent
from console.domain.facts import CaseFacts
from console.domain.kinds import EventKind, EventSource

from .fact_names import KNOWN_FACTS
from .fact_types import Fact, FactValue
from .facts_money import Charge, RefundRecord, payment_facts

__all__ = [
    "KNOWN_FACTS",
    "Charge",
    "Fact",
    "FactValue",
    "RefundRecord",
    "base_language",
    "extract_facts",
    "parse_money",
]

# What a customer writes when the parcel the carrier marked delivered never reached them,
# when a refund they were promised did not arrive, and when the service is still down.
_NOT_RECEIVED = re.compile(
    r"nothing arrived|never arrived|not arrived|haven't received|have not received|"
    r"didn't receive|did not receive|not received|never got|"
    r"没收到|没有收到|未收到|"
    r"nichts angekommen|nicht angekommen|nicht erhalten|"
    r"no he recibido|no ha llegado|no me ha llegado|no recibí",
    re.IGNORECASE,
)
_REFUND_MISSING = re.compile(
    r"refund.*(nothing|not|never).*(reached|arrived|received)|nothing has reached|"
    r"一分钱都没收到|没收到退款|退款.*没.*到|"
    r"Erstattung.*nichts angekommen|reembolso.*no me ha llegado",
    re.IGNORECASE,
)
_STILL_DOWN = re.compile(
    r"still (dead|down|not working|no internet)|"
    r"还是连不上|还是没有网|仍然断网|"
    r"immer noch nicht|sigo sin conexión|sigue sin funcionar",
    re.IGNORECASE,
)
_CHANNELS = {EventSource.CHAT: "chat", EventSource.EMAIL: "email", EventSource.SMS: "sms"}


def base_language(tag: str) -> str:
    """``zh-CN`` → ``zh``; ``en-GB`` → ``en``."""
    return tag.split("-", 1)[0].lower()


def parse_money(amount: object, currency: object) -> Money | None:
    """A Money from event attributes, or None when either part is missing or malformed."""
    if not isinstance(currency, str) or not isinstance(amount, str | int | Decimal):
        return None
    try:
        return Money.of(Decimal(str(amount)), currency)
    except (InvalidOperation, ValueError):
        return None


def _system(event: TimelineEvent) -> SystemEventPayload | None:
    payload = event.payload
    return payload if isinstance(payload, SystemEventPayload) else None


def _text_attr(payload: SystemEventPayload, name: str) -> str | None:
    value = payload.attributes.get(name)
    return value if isinstance(value, str) and value else None


def _int_attr(payload: SystemEventPayload, name: str) -> int | None:
    value = payload.attributes.get(name)
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str | Decimal):
        try:
            return int(Decimal(str(value)))
        except (InvalidOperation, ValueError):
            return None
    return None


_ORDER_STATES = {
    "order.created": "placed",
    "order.shipped": "shipped",
    "carrier.scan": "in_transit",
    "order.delayed": "delayed",
    "shipment.delayed": "delayed",
    "delivery.failed": "delivery_failed",
    "shipment.delivered": "delivered",
    "shipment.lost": "lost",
    "order.replacement_shipped": "replacement_shipped",
    "order.cancelled": "cancelled",
}


def extract_facts(facts: CaseFacts) -> dict[str, Fact]:
    """The named facts of a case (see the playbooks for the names they use)."""
    out: dict[str, Fact] = {}
    case, customer = facts.case, facts.customer

    def put(name: str, value: FactValue, *ids: str, direct: bool = True) -> None:
        out[name] = Fact(value, tuple(ids), direct)

    put("journey", case.journey.value)
    put("tier", customer.tier.value)
    put("language", base_language(customer.language))
    put("customer_id", customer.id)
    put("customer_name", customer.name)
    put(
        "first_name",
        customer.name.split()[0] if base_language(customer.language) != "zh" else customer.name,
    )
    put("contact_count", case.contact_count)
    if case.sentiment is not None:
        put("sentiment", case.sentiment.label.value)
    if case.external_refs.ticket_id:
        put("ticket_id", case.external_refs.ticket_id)
    refs = case.external_refs
    if refs.order_ids:
        put("order_id", refs.order_ids[-1], direct=False)
    if refs.shipment_ids:
        put("shipment_id", refs.shipment_ids[-1], direct=False)
    if refs.subscription_id:
        put("subscription_id", refs.subscription_id, direct=False)

    charges: list[Charge] = []
    refunds: dict[str, RefundRecord] = {}
    items: dict[str, int] = {}
    last_scan: TimelineEvent | None = None
    scans: list[str] = []
    delay_ids: list[str] = []
    delay_days = 0
    last_customer: TimelineEvent | None = None
    currency: str | None = None
    listed: Money | None = None

    for event in facts.events:
        if isinstance(event.payload, MessagePayload) and event.kind is EventKind.CUSTOMER_MESSAGE:
            last_customer = event
            text = event.payload.text
            if _NOT_RECEIVED.search(text) and "delivered" in out:
                put("customer_disputes_delivery", True, out["delivered"].event_ids[0], event.id)
            if _REFUND_MISSING.search(text):
                put("customer_disputes_refund", True, event.id)
            if _STILL_DOWN.search(text):
                put("customer_says_still_down", True, event.id)
            continue
        p = _system(event)
        if p is None:
            continue
        name, sid, eid = p.name, p.subject_id, event.id
        money = parse_money(p.attributes.get("amount"), p.attributes.get("currency"))
        if money is not None and currency is None:
            currency = money.currency
        if name in _ORDER_STATES:
            put("order_state", _ORDER_STATES[name], eid)
        if name == "order.created" and sid:
            put("order_id", sid, eid)
            sku = _text_attr(p, "sku")
            if sku:
                items[sku] = items.get(sku, 0) + max(1, _int_attr(p, "quantity") or 1)
            if money is not None:
                listed = money
                put("order_total", money, eid)
            promo = _text_attr(p, "promo_code")
            if promo:
                put("promo_code", promo, eid)
            fee = parse_money(p.attributes.get("shipping_fee"), p.attributes.get("currency"))
            if fee is not None:
                put("shipping_fee", fee, eid)
        elif name == "order.shipped":
            if sid:
                put("order_id", sid, eid)
            ship = _text_attr(p, "shipment_id")
            if ship:
                put("shipment_id", ship, eid)
        elif name == "payment.captured" and sid and money is not None:
            charges.append(Charge(sid, money, eid, event.occurred_at))
        elif name == "payment.duplicate_detected" and sid:
            put("duplicate_payment_id", sid, eid)
            original = _text_attr(p, "original_payment_id")
            if original:
                put("original_payment_id", original, eid)
            if money is not None:
                put("duplicate_amount", money, eid)
        elif name.startswith("refund.") and sid:
            rid = _text_attr(p, "refund_id") or eid
            status = name.split(".", 1)[1]
            prev = refunds.get(rid)
            amount = money if money is not None else (prev.amount if prev else None)
            refunds[rid] = RefundRecord(sid, rid, amount, status, eid)
        elif name.startswith("subscription."):
            if sid:
                put("subscription_id", sid, eid)
            if name == "subscription.renewed" and money is not None:
                put("renewal_amount", money, eid)
            elif name == "subscription.cancel_requested":
                put("cancel_requested", True, eid)
            elif name == "subscription.cancelled":
                put("subscription_cancelled", True, eid)
            elif name == "subscription.credit_applied":
                put("credit_applied", True, eid)
        elif name == "service.outage_started":
            if sid:
                put("incident_id", sid, eid)
            put("outage_active", True, eid)
            put("outage_started_at", event.occurred_at.isoformat(), eid)
            area = _text_attr(p, "area")
            if area:
                put("outage_area", area, eid)
        elif name == "service.outage_resolved":
            put("outage_active", False, eid)
            put("outage_resolved", True, eid)
            put("outage_resolved_at", event.occurred_at.isoformat(), eid)
        elif name == "service.line_down" and sid:
            put("service_line_id", sid, eid)
        elif name == "inventory.backordered":
            put("backordered", True, eid)
        elif name == "inventory.low_stock":
            put("low_stock", True, eid)
        elif name == "order.replacement_shipped":
            put("replacement_shipped", True, eid)

        if name in ("order.delayed", "shipment.delayed"):
            days = _int_attr(p, "delay_days")
            if days is not None:
                delay_days = max(delay_days, days)
                delay_ids.append(eid)
        if event.source is EventSource.LOGISTICS or name == "order.shipped":
            carrier = _text_attr(p, "carrier")
            if carrier:
                put("carrier", carrier, eid)
            tracking = _text_attr(p, "tracking_number")
            if tracking:
                put("tracking_number", tracking, eid)
            if sid and name != "order.shipped":
                put("shipment_id", sid, eid)
        if name == "carrier.scan":
            last_scan = event
            scans.append(eid)
        elif name == "shipment.delivered":
            put("delivered", True, eid)
        elif name == "delivery.failed":
            put("delivery_failed", True, eid)
        elif name == "shipment.lost":
            put("shipment_lost", True, eid)
            claim = _text_attr(p, "claim_id")
            if claim:
                put("claim_id", claim, eid)

    if items:
        line_items = tuple(LineItem(sku=s, quantity=q) for s, q in sorted(items.items()))
        put(
            "order_items", line_items, *(out["order_id"].event_ids[:1] if "order_id" in out else ())
        )
    if delay_days:
        put("delay_days", delay_days, *delay_ids)
    if last_scan is not None:
        hours = int((facts.now - last_scan.occurred_at).total_seconds() // 3600)
        put("hours_since_last_scan", max(0, hours), last_scan.id)
        put("days_since_last_scan", max(0, hours) // 24, last_scan.id)
    put("scan_count", len(scans), *scans[-3:])
    if currency is not None:
        put("currency", currency)
    else:  # no money on the timeline: the customer's own currency, as a default
        put("currency", customer.lifetime_value.currency, direct=False)
    payment_facts(out, charges, refunds, listed)
    if "outage_started_at" in out:
        started = datetime.fromisoformat(str(out["outage_started_at"].value))
        end = facts.now
        if "outage_resolved_at" in out:
            end = datetime.fromisoformat(str(out["outage_resolved_at"].value))
        hours = max(1, int((end - started).total_seconds() // 3600))
        put("outage_hours", hours, *out["outage_started_at"].event_ids)
        put("outage_days", -(-hours // 24), *out["outage_started_at"].event_ids)
    if last_customer is not None and isinstance(last_customer.payload, MessagePayload):
        put("last_message", last_customer.payload.text[:500], last_customer.id)
        put("reply_channel", _CHANNELS.get(last_customer.source, "email"), last_customer.id)
    else:
        put("reply_channel", "email", direct=False)
    return out
