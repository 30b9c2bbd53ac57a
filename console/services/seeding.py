"""Seeding demo cases into the store: idempotent, in batches, with progress."""

from __future__ import annotations

import asyncio
import functools
import itertools
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from console.domain.casefile import CaseFile
from console.store import Store, queries
from console.store import repositories as repo

from .bus import CasesChanged, EventBus, Progress

SEED_TASK = "demo"
BATCH = 250


class DemoService:
    def __init__(self, store: Store, bus: EventBus) -> None:
        self._store = store
        self._bus = bus

    async def is_empty(self) -> bool:
        return await self._store.read(queries.count_cases) == 0

    async def seed(self, count: int, seed: int = 1, *, anchor: datetime | None = None) -> int:
        """Add the demo's first ``count`` cases for ``seed``; cases already there are kept.

        Returns how many cases were new. Safe to run again: same ids, nothing duplicated.
        """
        if count < 0:
            raise ValueError("the number of demo cases cannot be negative")
        from .demo import generate_cases  # its text corpora load only when seeding

        existing = set(await self._store.read(queries.case_ids))
        cases = generate_cases(count, seed, anchor=anchor)
        created = done = 0
        while True:
            batch: list[CaseFile] = await asyncio.to_thread(_take, cases, BATCH)
            if not batch:
                break
            fresh = [f for f in batch if f.case.id not in existing]
            if fresh:
                created += await self._store.write(functools.partial(_put_all, files=fresh))
                self._bus.publish(CasesChanged(tuple(f.case.id for f in fresh)))
            done += len(batch)
            self._bus.publish(Progress(SEED_TASK, done, count))
        self._bus.publish(Progress(SEED_TASK, count, count))
        return created


def _take(items: Iterator[CaseFile], n: int) -> list[CaseFile]:
    return list(itertools.islice(items, n))


def _put_all(db: Any, files: list[CaseFile]) -> int:
    return sum(repo.put_case_file(db, f).created for f in files)
