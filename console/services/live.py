"""Live feeds: start ingesting every configured remote feed, and stop them cleanly.

The composition root says where events come from (in demo mode, the sandbox it starts on
loopback) by handing a :class:`FeedSource`; the console starts the feeds after its first
frame is painted and stops them when it closes.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .bus import EventBus, FeedStatus, Level

if TYPE_CHECKING:  # the ingest path loads pydantic: not before the first frame
    from .ingest import EventFeed, IngestService

log = logging.getLogger(__name__)


@dataclass
class FeedSource:
    """Opens the feeds (starting whatever they need) and later closes them."""

    open: Callable[[], Awaitable[list[EventFeed]]]
    close: Callable[[], Awaitable[None]]


class LiveService:
    def __init__(self, ingest: IngestService, bus: EventBus, source: FeedSource | None) -> None:
        self._ingest = ingest
        self._bus = bus
        self._source = source
        self._tasks: dict[str, asyncio.Task[None]] = {}
        self._opened = False

    @property
    def configured(self) -> bool:
        return self._source is not None

    @property
    def running(self) -> list[str]:
        return [name for name, task in self._tasks.items() if not task.done()]

    async def start(self) -> None:
        """Open the feeds and ingest each in its own task (no-op when none is configured)."""
        if self._source is None or self._opened:
            return
        self._opened = True
        try:
            feeds = await self._source.open()
        except Exception as exc:
            log.exception("live feeds could not start")
            self._bus.tell(Level.ERROR, f"Live updates are off: {exc}")
            self._bus.publish(FeedStatus("live", "stopped", str(exc)))
            return
        for feed in feeds:
            task = asyncio.ensure_future(self._ingest.run(feed))
            task.add_done_callback(functools.partial(self._ended, feed.name))
            self._tasks[feed.name] = task

    def _ended(self, name: str, task: asyncio.Task[None]) -> None:
        if task.cancelled():
            return
        error = task.exception()
        if error is not None:
            log.error("feed %s stopped: %s", name, error, exc_info=error)
            self._bus.tell(Level.ERROR, f"Live updates from {name} stopped: {error}")

    async def stop(self) -> None:
        """Stop ingesting and close the feeds; safe to call more than once."""
        tasks = list(self._tasks.values())
        self._tasks.clear()
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        if self._source is not None and self._opened:
            self._opened = False
            await self._source.close()
