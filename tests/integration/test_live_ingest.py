"""Live events from the real sandbox over loopback into the console's store.

The sandbox runs as its own process; the console side is the real SseFeed and
IngestService. Checks: events land once and in order through duplicates, reordering, a
malformed message, and a SIGKILL and restart of the sandbox.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import httpx

from console.connectors.feeds import Backoff, SseFeed
from console.sandbox import process
from console.services import Services
from console.services.bus import EventsAppended, Quarantined
from tests.aio import run
from tests.unit.test_ingest import _demo_refs

DEADLINE_S = 30.0


def test_events_land_once_and_in_order_through_faults_and_a_restart(
    tmp_path: Path, services: Services
) -> None:
    case_id, order_id = _demo_refs(services)
    before = services.cases.timeline_length(case_id)
    sandbox = process.start(tmp_path / "remote", demo_cases=12, seed=1)
    port = sandbox.port
    admin = httpx.Client(base_url=sandbox.base_url, trust_env=False, timeout=10.0)

    def emit(ids: list[str]) -> None:
        specs = [
            {
                "id": i,
                "type": "shipment.delayed",
                "system": "logistics",
                "refs": {"order_id": order_id},
                "summary": f"delay notice {i}",
            }
            for i in ids
        ]
        reply = admin.post("/_sandbox/emit", json={"events": specs})
        assert reply.status_code == 201, reply.text

    appended: list[EventsAppended] = []
    quarantined: list[Quarantined] = []
    services.bus.subscribe(EventsAppended, appended.append)
    services.bus.subscribe(Quarantined, quarantined.append)

    async def until(condition: Callable[[], bool]) -> None:
        """Wait, bounded by the caller, until ``condition`` holds after some bus news."""
        news = asyncio.Event()
        stop_a = services.bus.subscribe(EventsAppended, lambda _e: news.set())
        stop_q = services.bus.subscribe(Quarantined, lambda _e: news.set())
        try:
            while not condition():
                await news.wait()
                news.clear()
        finally:
            stop_a()
            stop_q()

    def length() -> int:
        return services.cases.timeline_length(case_id)

    async def scenario() -> None:
        nonlocal sandbox
        client = httpx.AsyncClient(base_url=sandbox.base_url, trust_env=False, timeout=10.0)
        feed = SseFeed(
            "sandbox",
            client,
            stream_url="/events/v1/stream",
            poll_url="/events/v1/events",
            gap_wait=0.2,
            backoff=Backoff(0.05, 0.5),
        )
        task = asyncio.ensure_future(services.ingest.run(feed))
        try:
            await asyncio.to_thread(emit, [f"live-{n:03d}" for n in range(5)])
            await asyncio.wait_for(until(lambda: length() == before + 5), DEADLINE_S)

            faults = {"*": {"stream_duplicate_rate": 0.3, "stream_reorder_rate": 0.3}, "seed": 7}
            reply = await asyncio.to_thread(admin.post, "/_sandbox/faults", json=faults)
            assert reply.status_code == 200, reply.text
            await asyncio.to_thread(emit, [f"live-{n:03d}" for n in range(5, 45)])
            await asyncio.wait_for(until(lambda: length() == before + 45), DEADLINE_S)
            await asyncio.to_thread(admin.delete, "/_sandbox/faults")

            await asyncio.to_thread(admin.post, "/_sandbox/emit", json={"raw": "{not json"})
            await asyncio.wait_for(until(lambda: bool(quarantined)), DEADLINE_S)

            await asyncio.to_thread(sandbox.kill)  # a crash, mid-stream
            sandbox = await asyncio.to_thread(
                process.start, tmp_path / "remote", port=port, demo_cases=12, seed=1
            )
            await asyncio.to_thread(emit, [f"live-{n:03d}" for n in range(45, 50)])
            await asyncio.wait_for(until(lambda: length() == before + 50), DEADLINE_S)
        finally:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
            await client.aclose()

    try:
        run(scenario())
    finally:
        admin.close()
        sandbox.stop()

    events = run(services.cases.events(case_id))[before:]
    assert [e.id for e in events] == [f"live-{n:03d}" for n in range(50)]  # once, in order
    assert "not JSON" in quarantined[0].reason
    assert appended[-1] == EventsAppended(case_id, before + 50)
