"""The sentiment of a demo case, with a reason that quotes what the customer wrote."""

from __future__ import annotations

import random

from console.domain.case import CaseStatus, Sentiment, SentimentLabel
from console.domain.events import SystemEventPayload, TimelineEvent

from .text.language import Mood

_BY_MOOD: dict[Mood, tuple[SentimentLabel, float, float]] = {
    "angry": (SentimentLabel.VERY_NEGATIVE, -0.95, -0.65),
    "frustrated": (SentimentLabel.NEGATIVE, -0.6, -0.3),
    "calm": (SentimentLabel.NEUTRAL, -0.15, 0.15),
}
_BAD_EVENTS = (
    "refund.failed",
    "shipment.lost",
    "shipment.delayed",
    "delivery.failed",
    "payment.duplicate_detected",
    "ticket.reopened",
)


def sentiment(
    rng: random.Random,
    *,
    status: CaseStatus,
    mood: Mood,
    thanks: str,
    cues: list[str],
    repeat_cue: str,
    contacts: int,
    events: list[TimelineEvent],
) -> Sentiment | None:
    """Positive after the customer's ``thanks``; else from the mood, quoting its first cue.

    None for some new cases: not analysed yet.
    """
    if status is CaseStatus.NEW and rng.random() < 0.3:
        return None
    if thanks:
        score = rng.uniform(0.35, 0.8)
        return Sentiment(
            label=SentimentLabel.POSITIVE,
            score=round(score, 2),
            reason=f'Customer wrote "{_quote(thanks)}" after the fix',
        )
    label, low, high = _BY_MOOD[mood]
    quoted = [c for c in (*cues[:1], repeat_cue) if c]
    if quoted:
        reason = "Customer wrote " + " and ".join(f'"{_quote(c)}"' for c in quoted)
    else:
        reason = "Factual wording with no complaint words"
    if contacts >= 3:
        reason += f"; {contacts} contacts about the same issue"
    names = {e.payload.name for e in events if isinstance(e.payload, SystemEventPayload)}
    bad = [n for n in _BAD_EVENTS if n in names]
    if bad:
        reason += "; " + ", ".join(bad)
    return Sentiment(label=label, score=round(rng.uniform(low, high), 2), reason=reason)


def _quote(phrase: str) -> str:
    return phrase.rstrip(".!。！")
