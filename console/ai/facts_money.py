"""Facts about money: charges, duplicates, overcharges and refunds."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from itertools import pairwise

from console.domain.base import Money

from .fact_types import Fact, FactValue

__all__ = ["Charge", "RefundRecord", "payment_facts"]


@dataclass(frozen=True, slots=True)
class Charge:
    payment_id: str
    amount: Money
    event_id: str
    at: datetime


@dataclass(frozen=True, slots=True)
class RefundRecord:
    payment_id: str
    refund_id: str
    amount: Money | None
    status: str  # requested | succeeded | failed
    event_id: str


def payment_facts(
    out: dict[str, Fact],
    charges: list[Charge],
    refunds: dict[str, RefundRecord],
    listed: Money | None,
) -> None:
    def put(name: str, value: FactValue, *ids: str) -> None:
        out[name] = Fact(value, tuple(ids), True)

    if charges:
        first = charges[0]
        put("payment_id", first.payment_id, first.event_id)
        put("charge_amount", first.amount, first.event_id)
        put("charge_count", len(charges), *(c.event_id for c in charges))
        if "duplicate_payment_id" not in out:
            # Two captures of the same amount within a day: a duplicate even if payments did
            # not flag it.
            for a, b in pairwise(charges):
                if a.amount == b.amount and (b.at - a.at).total_seconds() <= 86_400:
                    put("duplicate_payment_id", b.payment_id, a.event_id, b.event_id)
                    put("original_payment_id", a.payment_id, a.event_id)
                    put("duplicate_amount", b.amount, b.event_id)
                    break
        if listed is not None and first.amount.currency == listed.currency:
            diff = first.amount.amount - listed.amount
            if diff > 0:
                put(
                    "overcharge",
                    Money(amount=diff, currency=listed.currency),
                    first.event_id,
                    out["order_total"].event_ids[0],
                )
    done = [r for r in refunds.values() if r.status == "succeeded"]
    failed = [r for r in refunds.values() if r.status == "failed"]
    pending = [r for r in refunds.values() if r.status == "requested"]
    if done:
        total = sum((r.amount.amount for r in done if r.amount), Decimal(0))
        cur = next((r.amount.currency for r in done if r.amount), None)
        put("refund_succeeded", True, *(r.event_id for r in done))
        if cur:
            put("refunded_amount", Money(amount=total, currency=cur), *(r.event_id for r in done))
    if failed:
        last = failed[-1]
        put("refund_failed", True, last.event_id)
        if last.amount is not None:
            put("failed_refund_amount", last.amount, last.event_id)
        put("failed_refund_payment_id", last.payment_id, last.event_id)
    if pending:
        put("refund_pending", True, *(r.event_id for r in pending))
