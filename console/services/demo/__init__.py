"""Seeded, deterministic demo data: realistic escalated cases with multi-channel histories.

``generate_cases(count, seed)`` yields case files whose ids depend only on ``(seed, index)``
and whose content depends only on ``(seed, index, anchor)``: case N is the same whether 10
or 10,000 cases are generated, and seeding the same numbers again later yields the same
ids. Pure: no I/O, no store, no clock unless ``anchor`` is left out.

Modules: :mod:`.ids` (ids and journeys), :mod:`.locales` and :mod:`.people` (who the
customer is), :mod:`.facts` (what they bought), :mod:`.builder` (a case's premise and the
steps its story is told in), :mod:`.arc` (the story every case follows) and
:mod:`.stories` (what each journey adds to it), :mod:`.timeline` (times and events),
:mod:`.triage` and :mod:`.sentiment` (how the desk sees the case), :mod:`.text` (what
everyone writes, one module per language). Loaded only when seeding.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

from console.domain.casefile import CaseFile

from .arc import MAX_EVENTS, build_case
from .ids import JOURNEYS, case_id_for, customer_id_for, journey_for

__all__ = [
    "JOURNEYS",
    "MAX_EVENTS",
    "case_id_for",
    "customer_id_for",
    "generate_case",
    "generate_cases",
    "journey_for",
]


def generate_cases(count: int, seed: int, *, anchor: datetime | None = None) -> Iterator[CaseFile]:
    """Yield ``count`` demo case files for ``seed``, with their stories ending before ``anchor``.

    ``anchor`` is "now" for the stories (an aware time; default: this hour, in UTC).
    """
    if count < 0:
        raise ValueError("count must not be negative")
    now = _anchor(anchor)
    for index in range(count):
        yield generate_case(seed, index, anchor=now)


def generate_case(seed: int, index: int, *, anchor: datetime | None = None) -> CaseFile:
    """The demo case number ``index`` (from 0) of ``seed``; see :func:`generate_cases`."""
    if index < 0:
        raise ValueError("index must not be negative")
    return build_case(seed, index, _anchor(anchor))


def _anchor(anchor: datetime | None) -> datetime:
    if anchor is None:
        return datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
    if anchor.tzinfo is None or anchor.utcoffset() is None:
        raise ValueError("anchor must be an aware datetime")
    return anchor.astimezone(UTC)
