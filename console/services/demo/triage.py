"""How the desk sees a demo case: its priority, when its SLA falls due, and who owns it."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from console.domain.case import CaseStatus, OwnerKind, Priority, WorkOwner
from console.domain.customer import Consent, Tier

from .people import TIERS
from .text.language import Mood


def priority(rng: random.Random, tier: Tier, mood: Mood, contacts: int) -> Priority:
    score = TIERS.index(tier) // 2 + (mood == "angry") + (contacts >= 3)
    score += rng.random() < 0.25
    return (Priority.LOW, Priority.NORMAL, Priority.HIGH, Priority.URGENT)[min(score, 3)]


def sla_due(rng: random.Random, status: CaseStatus, opened: datetime, anchor: datetime) -> datetime:
    """Active cases: mostly due within a day of ``anchor``, some soon, some breached."""
    if not status.is_active:
        return opened + timedelta(hours=rng.choice((4, 8, 24, 48)))
    roll = rng.random()
    if roll < 0.12:
        due = anchor - timedelta(minutes=rng.uniform(10, 480))  # breached
    elif roll < 0.3:
        due = anchor + timedelta(minutes=rng.uniform(3, 55))
    elif roll < 0.95:
        due = anchor + timedelta(minutes=rng.uniform(60, 24 * 60))
    else:
        due = anchor + timedelta(minutes=rng.uniform(24 * 60, 72 * 60))
    return max(due, opened + timedelta(minutes=30)).replace(microsecond=0)


def owner(
    rng: random.Random,
    status: CaseStatus,
    owner_system: str | None,
    consent: Consent,
    agent_id: str,
) -> WorkOwner:
    """The system a case waits on, else an agent or the AI (never without consent)."""
    if status is CaseStatus.WAITING_SYSTEM and owner_system:
        return WorkOwner(kind=OwnerKind.SYSTEM, id=owner_system)
    human = (
        not consent.ai_processing or status is CaseStatus.WAITING_SUPERVISOR or rng.random() < 0.25
    )
    if human:
        return WorkOwner(kind=OwnerKind.AGENT, id=agent_id)
    return WorkOwner(kind=OwnerKind.AI)
