"""The journey-specific parts of demo stories, one module per family of journeys."""

from __future__ import annotations

from typing import Final

from console.domain.case import Journey

from .base import Story
from .billing import Billing
from .damaged import Damaged
from .delivery import Delivery
from .outage import Outage
from .subscription import Subscription

_DELIVERY, _BILLING = Delivery(), Billing()

STORIES: Final[dict[Journey, Story]] = {
    Journey.WHERE_IS_MY_ORDER: _DELIVERY,
    Journey.LATE_DELIVERY: _DELIVERY,
    Journey.LOST_DELIVERY: _DELIVERY,
    Journey.DAMAGED_ITEM: Damaged(),
    Journey.BILLING_DISPUTE: _BILLING,
    Journey.DOUBLE_CHARGE: _BILLING,
    Journey.SUBSCRIPTION_CANCELLATION: Subscription(),
    Journey.SERVICE_OUTAGE: Outage(),
}

__all__ = ["STORIES", "Story"]
