"""Money taken wrongly: a billing dispute (the discount not applied) and a double charge.

:class:`PaymentStory` also serves the subscription cancellation: all three wait on the
payments system for a refund of one disputed payment.
"""

from __future__ import annotations

from abc import abstractmethod
from decimal import Decimal

from console.domain.case import Journey
from console.domain.events import EventSource

from ..builder import CaseBuilder
from .base import Story
from .orders import order_and_shipment


class PaymentStory(Story):
    """A story about a payment the customer disputes."""

    @abstractmethod
    def disputed(self, b: CaseBuilder) -> tuple[int, Decimal]:
        """Which payment of the case is disputed, and how much of it the customer wants back."""

    def middle(self, b: CaseBuilder) -> None:
        """Sometimes a refund is tried early: it fails, or (contradicting the customer's
        account) succeeds; either way the customer chases."""
        rng = b.rng
        if b.contradiction or rng.random() < 0.3:
            k, amount = self.disputed(b)
            outcome = "succeeded" if b.contradiction else "failed"
            b.refund(b.gap(2, 30), k, amount, outcome, "customer_dispute")
            extra = b.text.contra_refund if b.contradiction else ""
            b.customer_says(
                b.gap(20, 96),
                EventSource.CHAT,
                rng.choice(b.text.followup),
                extra=extra,
            )

    def wait_on_system(self, b: CaseBuilder) -> str:
        k, amount = self.disputed(b)
        b.refund(b.gap(1, 20), k, amount, "requested", "customer_dispute")
        return "payments"


class Billing(PaymentStory):
    def before_contact(self, b: CaseBuilder) -> None:
        f = b.facts
        if b.journey is Journey.BILLING_DISPUTE:
            order_and_shipment(b, listed=f.expected, promo=True)
        else:
            order_and_shipment(b, listed=f.amount, captures=2)
        b.contact_gap = b.gap(12, 96)

    def evidence(self, b: CaseBuilder) -> tuple[str, ...]:
        return ("bank_statement.png",) if b.journey is Journey.DOUBLE_CHARGE else ()

    def disputed(self, b: CaseBuilder) -> tuple[int, Decimal]:
        f = b.facts
        if b.journey is Journey.DOUBLE_CHARGE:
            return 2, f.amount
        return 1, f.amount - f.expected

    def middle(self, b: CaseBuilder) -> None:
        if b.journey is Journey.DOUBLE_CHARGE:
            b.system(
                b.gap(1, 20),
                EventSource.PAYMENTS,
                "payment.duplicate_detected",
                b.payment_id(2),
                "Payment {pay2} flagged as a duplicate of {pay1}",
                original_payment_id=b.payment_id(1),
                amount=str(b.facts.amount),
                currency=b.currency,
            )
        super().middle(b)

    def resolve(self, b: CaseBuilder, gap: int) -> None:
        k, amount = self.disputed(b)
        reason = "duplicate" if b.journey is Journey.DOUBLE_CHARGE else "price_error"
        b.refund(gap, k, amount, "succeeded", reason)
