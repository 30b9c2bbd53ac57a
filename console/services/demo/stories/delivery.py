"""Parcels that do not arrive: where is my order, late delivery, lost delivery."""

from __future__ import annotations

from console.domain.case import Journey
from console.domain.events import EventSource

from ..builder import CaseBuilder
from .base import Story
from .orders import delivered, maybe_low_stock, order_and_shipment

# The carrier may claim these were delivered while the customer says nothing arrived.
_DISPUTED_DELIVERY = (Journey.WHERE_IS_MY_ORDER, Journey.LOST_DELIVERY)


class Delivery(Story):
    parcel = True

    def before_contact(self, b: CaseBuilder) -> None:
        rng, f = b.rng, b.facts
        order_and_shipment(b, listed=f.amount)
        if b.journey is Journey.LATE_DELIVERY:
            b.system(
                b.gap(4, 20),
                EventSource.ORDERS,
                "order.delayed",
                f.order_id,
                "Order {order} delayed by {days} days",
                delay_days=f.days,
                reason=rng.choice(("carrier_capacity", "weather", "customs_check")),
            )
            b.system(
                b.gap(0.1, 3),
                EventSource.LOGISTICS,
                "shipment.delayed",
                f.shipment_id,
                "{carrier} reports a delay of {days} days",
                carrier=f.carrier,
                tracking_number=f.tracking,
                delay_days=f.days,
            )
            b.contact_gap = b.gap(24 * f.promised_days, 24 * f.promised_days + 30)
        elif b.contradiction and b.journey in _DISPUTED_DELIVERY:
            delivered(b, b.gap(8, 40), "photo: left at front door", tag="delivered")
            b.contact_gap = b.gap(2, 30)
        else:
            b.contact_gap = b.gap(60, 140)

    def contradiction(self, b: CaseBuilder) -> tuple[str, str | None]:
        if b.contradiction and b.journey in _DISPUTED_DELIVERY:
            return b.text.contra_delivered, b.text.bot_delivered
        return "", None

    def middle(self, b: CaseBuilder) -> None:
        rng, f = b.rng, b.facts
        if b.journey is Journey.LOST_DELIVERY:
            b.system(
                b.gap(12, 72),
                EventSource.LOGISTICS,
                "shipment.lost",
                f.shipment_id,
                "{carrier} declares the shipment lost",
                carrier=f.carrier,
                tracking_number=f.tracking,
                claim_id=f"CLM-{b.serial(8, 7)}",
            )
            maybe_low_stock(b)
        elif b.journey is Journey.WHERE_IS_MY_ORDER and not b.contradiction and rng.random() < 0.4:
            b.system(
                b.gap(6, 30),
                EventSource.LOGISTICS,
                "delivery.failed",
                f.shipment_id,
                "{carrier}: delivery attempt failed",
                carrier=f.carrier,
                attempts=1,
                reason="recipient_not_available",
            )

    def wait_on_system(self, b: CaseBuilder) -> str:
        b.system(
            b.gap(1, 20),
            EventSource.LOGISTICS,
            "shipment.trace_requested",
            b.facts.shipment_id,
            "Trace requested from {carrier}",
            carrier=b.facts.carrier,
            tracking_number=b.facts.tracking,
        )
        return "logistics"

    def resolve(self, b: CaseBuilder, gap: int) -> None:
        f = b.facts
        if b.journey is Journey.LOST_DELIVERY:
            b.refund(gap, 1, f.amount, "succeeded", "lost_in_transit")
            return
        delivered(b, gap, "signature")  # at last
        gap = b.gap(0.2, 6)  # drawn for "where is my order" too, unused: seeds keep stories
        if b.journey is Journey.LATE_DELIVERY:
            b.refund(gap, 1, f.fee, "succeeded", "late_delivery")
