"""A subscription cancellation that did not go through: renewed and charged anyway."""

from __future__ import annotations

from decimal import Decimal

from console.domain.events import EventSource

from ..builder import CaseBuilder
from .billing import PaymentStory


class Subscription(PaymentStory):
    def before_contact(self, b: CaseBuilder) -> None:
        b.subscription_id = f"SUB-{b.serial(5, 8)}"
        b.refs_payments.append(b.payment_id(1))
        b.system(
            0,
            EventSource.PAYMENTS,
            "subscription.cancel_requested",
            b.subscription_id,
            "Cancellation of {plan} requested in the app; not completed",
            tag="cancel",
            channel="app",
            state="pending",
        )
        b.system(
            b.gap(20, 200),
            EventSource.PAYMENTS,
            "subscription.renewed",
            b.subscription_id,
            "{plan} renewed for {plan_fee}",
            tag="renew",
            plan="nova_plus_premium",
            amount=str(b.facts.plan_fee),
            currency=b.currency,
        )
        b.captured(b.gap(0.02, 0.2), 1, b.facts.plan_fee)
        b.contact_gap = b.gap(3, 72)

    def disputed(self, b: CaseBuilder) -> tuple[int, Decimal]:
        return 1, b.facts.plan_fee

    def resolve(self, b: CaseBuilder, gap: int) -> None:
        b.system(
            gap,
            EventSource.PAYMENTS,
            "subscription.cancelled",
            b.subscription_id,
            "{plan} cancelled",
        )
        b.refund(b.gap(0.1, 2), 1, b.facts.plan_fee, "succeeded", "cancelled_plan")
