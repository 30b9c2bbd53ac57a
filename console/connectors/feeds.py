"""Live event feeds from remote systems: server-sent events, or cursor polling.

:class:`SseFeed` keeps a stream open and survives every kind of break: it reconnects with
capped, jittered backoff and resumes after the last cursor it delivered (``Last-Event-ID``),
so nothing is lost or repeated. It delivers messages in cursor order: a duplicate (a cursor
already delivered) is dropped, a message that arrives early waits briefly for the ones
before it, and a gap that does not fill is repaired from the polling endpoint.
:class:`PollingFeed` reads the same events with ``?after=<cursor>`` requests.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import random
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
from httpx_sse import aconnect_sse

from console.domain.inbound import Inbound

from .envelope import to_inbound

log = logging.getLogger(__name__)

StatusCallback = Callable[[str, str], None]  # (state, detail)
STREAM_TIMEOUT = httpx.Timeout(connect=5.0, read=45.0, write=5.0, pool=5.0)  # heartbeats: 15 s


def _no_status(state: str, detail: str) -> None:
    return None


class Backoff:
    """Capped exponential backoff with full jitter."""

    def __init__(self, base: float = 0.25, cap: float = 30.0, rng: random.Random | None = None):
        self.base, self.cap, self.attempt = base, cap, 0
        self._rng = rng or random.Random()

    def next_delay(self) -> float:
        delay: float = min(self.cap, self.base * 2.0 ** min(self.attempt, 32)) * self._rng.random()
        self.attempt += 1
        return delay

    def reset(self) -> None:
        self.attempt = 0


class _Broken(Exception):
    """The stream ended or failed; reconnect."""


class SseFeed:
    def __init__(
        self,
        name: str,
        client: httpx.AsyncClient,
        *,
        stream_url: str,
        poll_url: str,
        gap_wait: float = 0.5,
        backoff: Backoff | None = None,
        on_status: StatusCallback = _no_status,
    ) -> None:
        self.name = name
        self._client = client
        self._stream_url = stream_url
        self._poll_url = poll_url
        self._gap_wait = gap_wait
        self._backoff = backoff or Backoff()
        self._status = on_status
        self.duplicates = 0  # messages dropped because their cursor was already delivered
        self.repaired = 0  # messages fetched by polling to fill a gap

    async def messages(self, after: int | None) -> AsyncIterator[Inbound]:
        """Every message after cursor ``after`` (None: from the start), in order, forever."""
        last = after or 0
        pending: dict[int, str] = {}
        while True:
            queue: asyncio.Queue[tuple[int | None, str] | BaseException] = asyncio.Queue()
            self._status("connecting", self._stream_url)
            reader = asyncio.ensure_future(self._read(last, queue))
            try:
                async for inbound in self._ordered(queue, pending, last):
                    if inbound.cursor is not None:
                        last = max(last, inbound.cursor)
                    yield inbound
            except _Broken as broken:
                delay = self._backoff.next_delay()
                self._status("retrying", f"{broken}; again in {delay:.1f} s")
                log.warning("feed %s: %s; reconnecting in %.1f s", self.name, broken, delay)
                await asyncio.sleep(delay)
            finally:
                reader.cancel()
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await reader

    async def _read(
        self, after: int, queue: asyncio.Queue[tuple[int | None, str] | BaseException]
    ) -> None:
        headers = {"Last-Event-ID": str(after)} if after else {}
        try:
            async with aconnect_sse(
                self._client, "GET", self._stream_url, headers=headers, timeout=STREAM_TIMEOUT
            ) as source:
                source.response.raise_for_status()
                self._status("live", self._stream_url)
                async for sse in source.aiter_sse():
                    cursor = int(sse.id) if sse.id and sse.id.isdigit() else None
                    queue.put_nowait((cursor, sse.data))
            queue.put_nowait(_Broken("the server closed the stream"))
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            queue.put_nowait(_Broken(f"{type(exc).__name__}: {exc}" if str(exc) else repr(exc)))

    async def _ordered(
        self,
        queue: asyncio.Queue[tuple[int | None, str] | BaseException],
        pending: dict[int, str],
        last: int,
    ) -> AsyncIterator[Inbound]:
        deadline: float | None = None
        loop = asyncio.get_running_loop()
        while True:
            try:
                item = await _next(queue, None if deadline is None else deadline - loop.time())
            except TimeoutError:
                async for inbound in self._repair(last, min(pending)):
                    last = max(last, inbound.cursor or last)
                    yield inbound
                if pending and min(pending) > last + 1:  # the server has nothing in between
                    log.warning(
                        "feed %s: cursors %d..%d never came", self.name, last + 1, min(pending) - 1
                    )
                    last = min(pending) - 1
                for inbound in self._drain(pending, last):
                    last = inbound.cursor or last
                    yield inbound
                deadline = loop.time() + self._gap_wait if pending else None
                continue
            if isinstance(item, BaseException):
                raise item
            self._backoff.reset()
            cursor, raw = item
            if cursor is None:
                yield Inbound(self.name, None, raw, error="message without a valid event id")
                continue
            if cursor <= last or cursor in pending:
                self.duplicates += 1
                continue
            pending[cursor] = raw
            for inbound in self._drain(pending, last):
                last = inbound.cursor or last
                yield inbound
            if pending and deadline is None:
                deadline = loop.time() + self._gap_wait
            elif not pending:
                deadline = None

    def _drain(self, pending: dict[int, str], last: int) -> list[Inbound]:
        out = []
        while last + 1 in pending:
            last += 1
            out.append(to_inbound(self.name, pending.pop(last), last))
        return out

    async def _repair(self, last: int, upto: int) -> AsyncIterator[Inbound]:
        """Fetch the messages between ``last`` and ``upto`` from the polling endpoint."""
        try:
            page = await _poll(self._client, self._poll_url, last, min(1000, upto - last - 1))
        except (httpx.HTTPError, ValueError) as exc:
            log.warning("feed %s: could not repair a gap after %d: %s", self.name, last, exc)
            return
        for cursor, raw in page:
            if last < cursor < upto:
                self.repaired += 1
                yield to_inbound(self.name, raw, cursor)


async def _next(queue: asyncio.Queue[Any], wait: float | None) -> Any:
    """The next item: at once when one is waiting (no timer per message at thousands a
    second), else waiting at most ``wait`` seconds (None: for ever)."""
    try:
        return queue.get_nowait()
    except asyncio.QueueEmpty:
        pass
    if wait is None:
        return await queue.get()
    if wait <= 0:
        raise TimeoutError
    return await asyncio.wait_for(queue.get(), wait)


async def _poll(
    client: httpx.AsyncClient, url: str, after: int, limit: int
) -> list[tuple[int, str]]:
    response = await client.get(url, params={"after": after, "limit": max(1, limit)})
    response.raise_for_status()
    body: Any = response.json()
    out = []
    for item in body.get("events", []):
        if isinstance(item, dict) and isinstance(item.get("cursor"), int):
            out.append((item["cursor"], json.dumps(item)))
    return out


class PollingFeed:
    """The same events by polling ``?after=<cursor>``, for systems without a stream."""

    def __init__(
        self,
        name: str,
        client: httpx.AsyncClient,
        *,
        poll_url: str,
        interval: float = 1.0,
        backoff: Backoff | None = None,
        on_status: StatusCallback = _no_status,
    ) -> None:
        self.name = name
        self._client = client
        self._poll_url = poll_url
        self._interval = interval
        self._backoff = backoff or Backoff()
        self._status = on_status

    async def messages(self, after: int | None) -> AsyncIterator[Inbound]:
        last = after or 0
        while True:
            try:
                page = await _poll(self._client, self._poll_url, last, 500)
            except (httpx.HTTPError, ValueError) as exc:
                delay = self._backoff.next_delay()
                self._status("retrying", f"{exc}; again in {delay:.1f} s")
                await asyncio.sleep(delay)
                continue
            self._backoff.reset()
            self._status("live", self._poll_url)
            for cursor, raw in page:
                if cursor > last:
                    last = cursor
                    yield to_inbound(self.name, raw, cursor)
            if len(page) < 500:
                await asyncio.sleep(self._interval)
