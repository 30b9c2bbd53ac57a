"""The SSE feed delivers every message once and in cursor order, across breaks and faults.

The remote end here is an httpx MockTransport speaking the SSE wire format and the polling
endpoint's JSON, as the sandbox does (the integration tests use the real sandbox).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator

import httpx

from console.connectors.feeds import Backoff, PollingFeed, SseFeed
from tests.aio import run


def envelope(cursor: int) -> dict[str, object]:
    return {
        "id": f"evt_{cursor}",
        "cursor": cursor,
        "type": "order.delayed",
        "system": "orders",
        "occurred_at": "2026-11-23T10:00:00Z",
        "refs": {"order_id": "ORD-1"},
        "summary": f"event {cursor}",
        "data": {},
        "message": None,
    }


def sse(cursor: int, data: str | None = None) -> str:
    return f"id: {cursor}\nevent: x\ndata: {data or json.dumps(envelope(cursor))}\n\n"


class Remote:
    """Serves scripted SSE connections, one script per connection, and the polling API.

    A connection sends its script, then ends; with ``hold_open`` the last one stays open,
    silent, as a live stream does between events.
    """

    def __init__(
        self, connections: list[list[str]], log_cursors: list[int], hold_open: bool = False
    ) -> None:
        self.connections = connections
        self.hold_open = hold_open
        self.log = {c: envelope(c) for c in log_cursors}
        self.last_event_ids: list[str | None] = []

    def handler(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/events/v1/stream":
            self.last_event_ids.append(request.headers.get("Last-Event-ID"))
            if not self.connections:
                return httpx.Response(503, headers={"Retry-After": "1"})
            script = self.connections.pop(0)
            hold = self.hold_open and not self.connections

            async def body() -> AsyncIterator[bytes]:
                for message in script:
                    yield message.encode()
                if hold:
                    await asyncio.Event().wait()  # open and silent until the client leaves

            return httpx.Response(
                200, headers={"content-type": "text/event-stream"}, content=body()
            )
        after = int(request.url.params["after"])
        limit = int(request.url.params["limit"])
        events = [self.log[c] for c in sorted(self.log) if c > after][:limit]
        return httpx.Response(200, json={"events": events, "next_cursor": after, "has_more": False})


def collect(remote: Remote, count: int, after: int | None = None) -> tuple[list[int], SseFeed]:
    async def go() -> tuple[list[int], SseFeed]:
        client = httpx.AsyncClient(
            transport=httpx.MockTransport(remote.handler), base_url="http://remote"
        )
        feed = SseFeed(
            "remote",
            client,
            stream_url="/events/v1/stream",
            poll_url="/events/v1/events",
            gap_wait=0.05,
            backoff=Backoff(base=0),
        )
        got: list[int] = []
        async with client:
            stream = feed.messages(after)
            async for inbound in stream:
                assert inbound.error is None, inbound.error
                got.append(inbound.cursor or -1)
                if len(got) == count:
                    break
            await stream.aclose()
        return got, feed

    return run(asyncio.wait_for(go(), 20))


def test_duplicates_dropped_reordered_and_gaps_repaired_from_polling() -> None:
    remote = Remote(
        [[sse(1), sse(3), sse(2), sse(2), sse(5), sse(6)]],
        log_cursors=[1, 2, 3, 4, 5, 6],
        hold_open=True,  # a live stream: the gap must be repaired while it stays open
    )
    got, feed = collect(remote, 6)
    assert got == [1, 2, 3, 4, 5, 6]
    assert (feed.duplicates, feed.repaired) == (1, 1)  # 2 came twice; 4 only by polling


def test_reconnects_and_resumes_after_the_last_delivered_cursor() -> None:
    remote = Remote([[sse(1), sse(2)], [sse(3)], [], [sse(3), sse(4)]], log_cursors=[])
    got, _ = collect(remote, 4)
    assert got == [1, 2, 3, 4]
    assert remote.last_event_ids[:4] == [None, "2", "3", "3"]


def test_resumes_from_a_stored_cursor() -> None:
    remote = Remote([[sse(8), sse(9)]], log_cursors=[])
    got, _ = collect(remote, 2, after=7)
    assert (got, remote.last_event_ids[0]) == ([8, 9], "7")


def test_a_malformed_message_is_delivered_with_its_reason_not_dropped() -> None:
    async def go() -> list[tuple[int | None, str | None]]:
        remote = Remote([[sse(1), sse(2, data="{oops"), sse(3)]], log_cursors=[])
        client = httpx.AsyncClient(
            transport=httpx.MockTransport(remote.handler), base_url="http://remote"
        )
        feed = SseFeed(
            "remote",
            client,
            stream_url="/events/v1/stream",
            poll_url="/events/v1/events",
            backoff=Backoff(base=0),
        )
        out = []
        async with client:
            stream = feed.messages(None)
            async for inbound in stream:
                out.append((inbound.cursor, inbound.error))
                if len(out) == 3:
                    break
            await stream.aclose()
        return out

    got = run(asyncio.wait_for(go(), 20))
    assert [c for c, _ in got] == [1, 2, 3]
    assert got[1][1] is not None
    assert got[1][1].startswith("not JSON")


def test_polling_feed_reads_pages_in_order() -> None:
    async def go() -> list[int]:
        remote = Remote([], log_cursors=[1, 2, 3])
        client = httpx.AsyncClient(
            transport=httpx.MockTransport(remote.handler), base_url="http://remote"
        )
        feed = PollingFeed("remote", client, poll_url="/events/v1/events", interval=0.01)
        out = []
        async with client:
            stream = feed.messages(1)
            async for inbound in stream:
                out.append(inbound.cursor or -1)
                if len(out) == 2:
                    break
            await stream.aclose()
        return out

    assert run(asyncio.wait_for(go(), 20)) == [2, 3]
