"""The main window's queue: its first rows read synchronously for the first paint, the rest
after it (with the quarantine's size and the warm-up, after which new events re-plan their
case and supervision starts), and then the cases that changed, row by row, never the whole
queue. :class:`~console.ui.main_window.MainWindow` mixes this in.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from console.ui.queue_panel import QUEUE_SLOT

if TYPE_CHECKING:
    from console.services import Services
    from console.ui.feeds import FeedMonitor
    from console.ui.queue_panel import QueuePanel
    from console.ui.tasks import TaskSlots, Throttle

CHANGED_SLOT = "queue.changed"


class WindowQueue:
    """Load the queue and keep it current (see MainWindow)."""

    services: Services
    slots: TaskSlots
    queue: QueuePanel
    feeds: FeedMonitor
    warmed: asyncio.Future[None]
    _refresh: Throttle  # calls _refresh_changed once the changes have been quiet a moment
    _changed_ids: set[str]  # cases changed since the last refresh

    if TYPE_CHECKING:

        def start_supervision(self) -> None: ...

    def load_queue(self, first: int | None = None) -> int:
        """Read the queue synchronously (one indexed query) for the first paint.

        With ``first``, only the first rows are read (enough to fill the window); call
        :meth:`complete_queue` after the first paint to load the rest.
        """
        query = self.queue.query()
        if first is not None:
            query = replace(query, limit=first)
        rows = self.services.cases.queue_now(query)
        self.queue.load(rows, complete=first is None or len(rows) < first)
        return len(rows)

    def complete_queue(self) -> None:
        """Load the whole queue in the background; the rows already shown stay put."""
        self._refresh.cancel()
        self.slots.start(QUEUE_SLOT, self.queue.refresh())

    def _refresh_changed(self) -> None:
        """The cases changed since the last refresh, row by row (never the whole queue)."""
        if self.slots.running(CHANGED_SLOT):  # one at a time, in order: try again shortly
            self._refresh()
            return
        ids, self._changed_ids = sorted(self._changed_ids), set()
        if ids:
            self.slots.start(CHANGED_SLOT, self._apply_changed(ids))

    async def _apply_changed(self, ids: list[str]) -> None:
        await self.queue.refresh_cases(ids)

    def after_first_paint(self) -> asyncio.Future[None]:
        """What the first frame does not need: the rest of the queue, the quarantine's size,
        and the warm-up of the modules that opening a case needs (awaitable)."""
        self.complete_queue()
        self.feeds.set_quarantined(self.services.diagnostics.quarantine_count())
        from console.ui.warmup import warm_up

        self.warmed = asyncio.ensure_future(self._warm_then_watch(warm_up))
        return self.warmed

    async def _warm_then_watch(self, warm_up: Callable[[], Awaitable[None]]) -> None:
        """After the warm-up, new customer and system events re-plan their case."""
        await warm_up()
        self.services.planning.watch()
        self.start_supervision()
