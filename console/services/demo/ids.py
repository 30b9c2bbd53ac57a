"""Ids and journeys of demo cases: functions of ``(seed, index)`` alone, never of the anchor.

Re-seeding later, with another anchor, therefore hits the same ids and nothing is duplicated.
"""

from __future__ import annotations

import random

from console.domain.case import Journey

JOURNEYS: tuple[Journey, ...] = tuple(Journey)


def case_id_for(seed: int, index: int) -> str:
    return f"C{seed:02d}-{index + 1:05d}"


def customer_id_for(seed: int, index: int) -> str:
    return f"K{seed:02d}-{index + 1:05d}"


def journey_for(seed: int, index: int) -> Journey:
    """Journeys come in shuffled blocks of eight: exactly even, in no fixed order."""
    order = list(JOURNEYS)
    random.Random(f"{seed}:journeys:{index // len(order)}").shuffle(order)
    return order[index % len(order)]


def serial(seed: int, index: int, salt: int, width: int) -> int:
    """A ``width``-digit number for case ``index``, unique among a seed's cases for each salt."""
    base = int(10 ** (width - 1))
    span = 9 * base  # coprime with the multiplier: a bijection
    return base + (index * 7_368_787 + (seed * 31 + salt) * 104_729) % span
