"""Live feeds start after the first frame, ingest in the background and stop cleanly."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

from console.domain.inbound import Inbound
from console.services import Services
from console.services.bus import EventsAppended, FeedStatus, UserMessage
from console.services.live import FeedSource, LiveService
from tests.aio import run
from tests.unit.test_ingest import ListFeed, _demo_refs, envelope


class EndlessFeed(ListFeed):
    """Sends its messages, then waits for more like a live stream (until cancelled)."""

    async def messages(self, after: int | None) -> AsyncIterator[Inbound]:
        async for inbound in super().messages(after):
            yield inbound
        await asyncio.Event().wait()


def test_start_ingests_each_feed_and_stop_closes_the_source(services: Services) -> None:
    case_id, order_id = _demo_refs(services)
    before = services.cases.timeline_length(case_id)
    feed = EndlessFeed([envelope(n, refs={"order_id": order_id}) for n in range(1, 4)])
    closed: list[bool] = []

    async def open_feeds() -> list[EndlessFeed]:
        return [feed]

    async def close_feeds() -> None:
        closed.append(True)

    live = LiveService(services.ingest, services.bus, FeedSource(open_feeds, close_feeds))
    heard: list[object] = []
    services.bus.subscribe(EventsAppended, heard.append)
    services.bus.subscribe(FeedStatus, heard.append)

    async def scenario() -> list[str]:
        all_in = asyncio.Event()
        services.bus.subscribe(
            EventsAppended, lambda e: all_in.set() if e.last_seq == before + 3 else None
        )
        await live.start()
        running = live.running
        await all_in.wait()  # bounded by the outer timeout
        await live.stop()
        await live.stop()  # twice is harmless
        return running

    running = run(asyncio.wait_for(scenario(), 20))
    assert running == ["list"]
    assert live.running == []
    assert closed == [True]
    assert EventsAppended(case_id, before + 3) in heard
    assert FeedStatus("list", "stopped") in heard


def test_a_source_that_cannot_open_tells_the_user(services: Services) -> None:
    async def broken() -> list[ListFeed]:
        raise OSError("port 8765 is in use")

    async def nothing() -> None:
        return None

    told: list[UserMessage] = []
    services.bus.subscribe(UserMessage, told.append)
    live = LiveService(services.ingest, services.bus, FeedSource(broken, nothing))
    run(live.start())
    assert live.running == []
    assert "Live updates are off: port 8765 is in use" in told[0].text


def test_no_source_means_no_live_feeds(services: Services) -> None:
    assert not services.live.configured
    run(services.live.start())
    assert services.live.running == []
