"""The escalation desk: its agents, and the internal notes they write (always in English)."""

from __future__ import annotations

from typing import Final

from console.domain.case import Journey

from .language import Mood

J = Journey

# Agents of the escalation desk: id -> (display name, languages they work in, signature
# per language).
AGENTS: Final[dict[str, tuple[str, tuple[str, ...], dict[str, str]]]] = {
    "agent-ana": ("Ana Souza", ("en", "es"), {"en": "Ana", "es": "Ana"}),
    "agent-li": ("Li Wei", ("zh", "en"), {"zh": "客服专员 李伟", "en": "Li"}),
    "agent-tom": ("Tom Becker", ("de", "en"), {"de": "Tom Becker", "en": "Tom"}),
    "agent-priya": ("Priya Shah", ("en",), {"en": "Priya"}),
    "agent-zhang": ("Zhang Min", ("zh",), {"zh": "客服专员 张敏"}),
    "agent-carmen": ("Carmen Ruiz", ("es", "en"), {"es": "Carmen Ruiz", "en": "Carmen"}),
}

CALL_NOTE: Final[dict[Journey, tuple[str, ...]]] = {
    J.WHERE_IS_MY_ORDER: (
        "Inbound call about order {order}. Customer repeated that the parcel has not arrived; "
        "{carrier} tracking {tracking} shows no movement. Promised an update within 24h.",
        "Customer called chasing order {order} ({product}). Explained the trace process.",
    ),
    J.LATE_DELIVERY: (
        "Inbound call: order {order} missed the promised date ({promised_date}). Carrier "
        "delay {days} days. Customer asks for the express fee ({fee}) back.",
    ),
    J.LOST_DELIVERY: (
        "Call re order {order}: no scans since {last_scan_date}. Customer wants a "
        "replacement or a full refund of {amount}. Told them a claim is needed with {carrier}.",
    ),
    J.DAMAGED_ITEM: (
        "Call re damaged {product} (order {order}). Customer described a cracked casing and a "
        "crushed box; photos promised by email.",
    ),
    J.BILLING_DISPUTE: (
        "Call re order {order}: charged {amount}, expected {expected} with code {promo}. "
        "Difference {difference}.",
    ),
    J.DOUBLE_CHARGE: (
        "Call re duplicate payment on order {order}: two captures of {amount}. Customer's "
        "bank shows both as settled, not pending.",
    ),
    J.SUBSCRIPTION_CANCELLATION: (
        "Call re {plan}: customer says they cancelled on {cancel_date}; renewal of {plan_fee} "
        "taken on {renew_date}. Wants cancellation confirmed and the renewal refunded.",
    ),
    J.SERVICE_OUTAGE: (
        "Call re outage in {area} since {outage_date}. Customer works from home; asked about "
        "compensation for {outage_hours}h without service.",
    ),
}
NOTE_MOOD: Final[dict[Mood, tuple[str, ...]]] = {
    "angry": ("Customer very upset, raised voice, asked for a supervisor.",
              "Customer angry and threatening a chargeback."),
    "frustrated": ("Customer frustrated at having to repeat the story.",
                   "Customer impatient but civil."),
    "calm": ("Customer calm and polite.", "Friendly call, customer understanding."),
}  # fmt: skip
CALL_LANGUAGE: Final[dict[str, str]] = {
    "zh": " Call handled in Mandarin.",
    "de": " Call handled in German.",
    "es": " Call handled in Spanish.",
}
SUPERVISOR_NOTE: Final[tuple[str, ...]] = (
    "Goodwill credit of {goodwill} proposed on top of the refund; above agent authority for "
    "this tier, sent to a supervisor for approval.",
    "Customer asked for compensation of {goodwill}. Needs supervisor sign-off before we "
    "commit to it.",
)
