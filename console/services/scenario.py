"""The scenario player: replays a case file's events onto the timeline, as they happened.

Trainers demo and drill with it: the case (and its customer) is put in the store with no
events, then each event arrives through the same ingest path as live events, spaced as in
the file — in real time (``speed=1``), faster (``speed=60``: an hour a minute), or at once
(``speed=0``). Long quiet stretches are shortened to ``max_gap`` seconds of waiting, so a
story spread over days still plays in minutes. Playback can be paused, resumed and stopped.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from console.domain.casefile import CaseFile
from console.domain.inbound import Inbound, InboundEvent
from console.store import Store
from console.store import repositories as repo

from .bus import EventBus, Progress
from .ingest import IngestService
from .roles import Capability, Principal, require

SCENARIO_TASK = "scenario"
Sleep = Callable[[float], Awaitable[None]]


@dataclass(frozen=True)
class PlaybackReport:
    case_id: str
    played: int  # events appended
    already_there: int  # events the timeline already had (replaying is safe)
    waited_s: float  # time spent waiting between events


class ScenarioPlayer:
    def __init__(
        self,
        store: Store,
        ingest: IngestService,
        bus: EventBus,
        *,
        sleep: Sleep = asyncio.sleep,
        sandbox: bool = False,
    ) -> None:
        self._store = store
        self._sandbox = sandbox
        self._ingest = ingest
        self._bus = bus
        self._sleep = sleep
        self._running = asyncio.Event()
        self._running.set()

    def pause(self) -> None:
        self._running.clear()

    def resume(self) -> None:
        self._running.set()

    @property
    def paused(self) -> bool:
        return not self._running.is_set()

    async def play(
        self,
        scenario: CaseFile,
        *,
        speed: float = 1.0,
        max_gap: float = 10.0,
        by: Principal | None = None,
    ) -> PlaybackReport:
        """Play ``scenario``; cancel the task to stop. ``speed`` 0 plays without waiting.

        With ``by``, only someone who may play scenarios (a trainer, in the sandbox) may."""
        if by is not None:
            require(by, Capability.PLAY_SCENARIOS, sandbox=self._sandbox)
        if speed < 0 or max_gap < 0:
            raise ValueError("speed and max_gap cannot be negative")
        stage = scenario.model_copy(update={"events": []})
        await self._store.write(lambda db: _stage(db, stage))
        feed = f"scenario:{scenario.case.id}"
        played = already = 0
        waited = 0.0
        previous = None
        total = len(scenario.events)
        for index, event in enumerate(scenario.events, 1):
            if previous is not None and speed > 0:
                gap = (event.occurred_at - previous).total_seconds() / speed
                delay = min(max(gap, 0.0), max_gap)
                if delay > 0:
                    await self._sleep(delay)
                    waited += delay
            previous = event.occurred_at
            await self._running.wait()
            inbound = InboundEvent(
                id=event.id,
                occurred_at=event.occurred_at,
                source=event.source,
                actor=event.actor,
                summary=event.summary,
                payload=event.payload,
                case_id=scenario.case.id,
            )
            raw = event.model_dump_json()
            outcome = await self._ingest.ingest([Inbound(feed, None, raw, event=inbound)])
            played += outcome.events
            already += outcome.duplicates
            self._bus.publish(Progress(SCENARIO_TASK, index, total))
        return PlaybackReport(scenario.case.id, played, already, waited)


def _stage(db: Any, scenario: CaseFile) -> None:
    repo.put_customer(db, scenario.customer)
    exists = db.execute("SELECT 1 FROM cases WHERE id = ?", (scenario.case.id,)).fetchone()
    if exists is None:
        repo.put_case(db, scenario.case, scenario.customer.name)
