"""Steps shared by the journeys that start with an order: buying, shipping, stock."""

from __future__ import annotations

from decimal import Decimal

from console.domain.events import EventSource, Scalar

from ..builder import CaseBuilder


def order_and_shipment(
    b: CaseBuilder, *, listed: Decimal, promo: bool = False, captures: int = 1
) -> None:
    """The order placed at ``listed`` (with the promo code), paid ``captures`` times, shipped
    and scanned by the carrier."""
    rng, f = b.rng, b.facts
    b.refs_orders.append(f.order_id)
    b.refs_payments.append(b.payment_id(1))
    attrs: dict[str, Scalar] = {
        "sku": f.sku,
        "amount": str(listed),
        "currency": b.currency,
        "channel": rng.choice(("web", "app")),
    }
    if promo:
        attrs["promo_code"] = b.fields["promo"]
    b.system(
        0,
        EventSource.ORDERS,
        "order.created",
        f.order_id,
        "Order {order} placed ({product}, {amount})",
        tag="order",
        attrs=attrs,
    )
    b.captured(b.gap(0.01, 0.1), 1, f.amount)
    if captures == 2:
        b.captured(b.gap(0.02, 0.3), 2, f.amount)
    b.refs_shipments.append(f.shipment_id)
    b.system(
        b.gap(6, 40),
        EventSource.ORDERS,
        "order.shipped",
        f.order_id,
        "Order {order} shipped with {carrier} (tracking {tracking})",
        carrier=f.carrier,
        tracking_number=f.tracking,
        shipment_id=f.shipment_id,
    )
    scans = rng.randint(1, 3)
    for n in range(scans):
        status = "picked_up" if n == 0 else "in_transit"
        b.system(
            b.gap(2, 20),
            EventSource.LOGISTICS,
            "carrier.scan",
            f.shipment_id,
            f"{f.carrier} scan: {status.replace('_', ' ')}",
            tag="last_scan",
            optional=n > 0,
            carrier=f.carrier,
            tracking_number=f.tracking,
            status=status,
            location=rng.choice(("sorting hub", "regional depot", "airport hub")),
        )


def delivered(b: CaseBuilder, gap: int, proof: str, tag: str | None = None) -> None:
    """The carrier reports the parcel delivered."""
    b.system(
        gap,
        EventSource.LOGISTICS,
        "shipment.delivered",
        b.facts.shipment_id,
        "{carrier} reports shipment delivered",
        tag=tag,
        carrier=b.facts.carrier,
        tracking_number=b.facts.tracking,
        proof=proof,
    )


def maybe_low_stock(b: CaseBuilder) -> None:
    """Half the time, stock of the product runs low (a replacement may have to wait)."""
    rng, sku = b.rng, b.facts.sku
    if rng.random() < 0.5:
        b.system(
            b.gap(0.5, 12),
            EventSource.INVENTORY,
            "inventory.low_stock",
            sku,
            f"Low stock of {sku}",
            sku=sku,
            on_hand=rng.randint(0, 4),
            warehouse=rng.choice(("EU-1", "US-2", "CN-3")),
        )
