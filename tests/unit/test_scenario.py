"""The scenario player replays a case file's events, spaced as they happened."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from console.services import Services
from console.services.bus import EventsAppended
from console.services.scenario import ScenarioPlayer
from tests.aio import run
from tests.factories import T0, case_file


def scenario(minutes: list[int]):
    base = case_file("drill-1", n_events=len(minutes))
    events = [
        e.model_copy(update={"occurred_at": T0 + timedelta(minutes=m)})
        for e, m in zip(base.events, minutes, strict=True)
    ]
    return base.model_copy(update={"events": events})


class FakeClock:
    def __init__(self) -> None:
        self.waits: list[float] = []

    async def sleep(self, seconds: float) -> None:
        self.waits.append(seconds)


def test_plays_in_order_spaced_by_speed_with_long_gaps_shortened(
    empty_services: Services,
) -> None:
    clock = FakeClock()
    player = ScenarioPlayer(
        empty_services.store, empty_services.ingest, empty_services.bus, sleep=clock.sleep
    )
    heard: list[EventsAppended] = []
    empty_services.bus.subscribe(EventsAppended, heard.append)
    drill = scenario([0, 1, 3, 600])  # the last one ten hours later
    report = run(player.play(drill, speed=60, max_gap=5))
    assert clock.waits == [1.0, 2.0, 5.0]  # 1 min, 2 min at 60x; 597 min capped at 5 s
    assert (report.played, report.already_there, report.waited_s) == (4, 0, 8.0)
    assert [e.last_seq for e in heard] == [1, 2, 3, 4]
    stored = run(empty_services.cases.events("drill-1"))
    assert [e.id for e in stored] == [e.id for e in drill.events]


def test_replaying_adds_nothing_twice(empty_services: Services) -> None:
    player = ScenarioPlayer(empty_services.store, empty_services.ingest, empty_services.bus)
    drill = scenario([0, 5, 10])
    run(player.play(drill, speed=0))
    again = run(player.play(drill, speed=0))
    assert (again.played, again.already_there) == (0, 3)
    assert empty_services.cases.timeline_length("drill-1") == 3


def test_pause_holds_playback_until_resumed(empty_services: Services) -> None:
    player = ScenarioPlayer(empty_services.store, empty_services.ingest, empty_services.bus)
    drill = scenario([0, 1, 2])

    async def go() -> tuple[int, int]:
        first = asyncio.Event()
        empty_services.bus.subscribe(
            EventsAppended, lambda e: (first.set(), player.pause()) if e.last_seq == 1 else None
        )
        task = asyncio.ensure_future(player.play(drill, speed=0))
        await first.wait()
        for _ in range(20):  # give a paused player every chance to run on
            await asyncio.sleep(0)
        held = empty_services.cases.timeline_length("drill-1")
        player.resume()
        report = await task
        return held, report.played

    held, played = run(asyncio.wait_for(go(), 20))
    assert (held, played) == (1, 3)
