"""A damaged item: delivered broken, replaced."""

from __future__ import annotations

from console.domain.events import EventSource

from ..builder import CaseBuilder
from .base import Story
from .orders import delivered, maybe_low_stock, order_and_shipment


class Damaged(Story):
    parcel = True

    def before_contact(self, b: CaseBuilder) -> None:
        order_and_shipment(b, listed=b.facts.amount)
        delivered(b, b.gap(8, 40), "signature", tag="delivered")
        b.contact_gap = b.gap(2, 30)

    def evidence(self, b: CaseBuilder) -> tuple[str, ...]:
        return ("photo_box.jpg", "photo_item.jpg")

    def middle(self, b: CaseBuilder) -> None:
        maybe_low_stock(b)

    def wait_on_system(self, b: CaseBuilder) -> str:
        sku = b.facts.sku
        b.system(
            b.gap(1, 20),
            EventSource.INVENTORY,
            "inventory.backordered",
            sku,
            f"Replacement {sku} back-ordered",
            sku=sku,
            expected_in_days=b.rng.randint(2, 10),
        )
        return "inventory"

    def resolve(self, b: CaseBuilder, gap: int) -> None:
        b.system(
            gap,
            EventSource.ORDERS,
            "order.replacement_shipped",
            b.facts.order_id,
            "Replacement for {order} shipped",
            sku=b.facts.sku,
            carrier=b.facts.carrier,
        )
