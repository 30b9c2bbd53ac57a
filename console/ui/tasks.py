"""Background tasks for the UI: named slots and a throttle for what typing triggers.

Starting a task in a named slot cancels the one still running there, so a stale lookup
never overwrites a newer answer. The slots keep strong references to their tasks (asyncio
keeps only weak ones) and log failures, which would otherwise vanish with the task.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger(__name__)


class TaskSlots:
    """One running task per name; a new task in a slot cancels the previous one."""

    def __init__(self) -> None:
        self._tasks: dict[str, asyncio.Task[Any]] = {}

    def start(self, name: str, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        self.cancel(name)
        task = asyncio.get_event_loop().create_task(coro, name=f"ui:{name}")
        self._tasks[name] = task
        task.add_done_callback(partial(self._finished, name))
        return task

    def running(self, name: str) -> bool:
        task = self._tasks.get(name)
        return task is not None and not task.done()

    def task(self, name: str) -> asyncio.Task[Any] | None:
        return self._tasks.get(name)

    def cancel(self, name: str) -> None:
        task = self._tasks.pop(name, None)
        if task is not None and not task.done():
            task.cancel()

    def cancel_all(self) -> None:
        for name in list(self._tasks):
            self.cancel(name)

    def _finished(self, name: str, task: asyncio.Task[Any]) -> None:
        if self._tasks.get(name) is task:
            del self._tasks[name]
        if task.cancelled():
            return
        error = task.exception()
        if error is not None:
            log.error("background task %r failed", name, exc_info=error)


class Throttle(QObject):
    """Calls ``callback`` with the latest arguments once input has been quiet for ``delay_ms``."""

    def __init__(self, delay_ms: int, callback: Callable[..., None], parent: QObject) -> None:
        super().__init__(parent)
        self._callback = callback
        self._args: tuple[Any, ...] = ()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._fire)

    def __call__(self, *args: Any) -> None:
        self._args = args
        self._timer.start()

    def cancel(self) -> None:
        """Forget the pending call."""
        self._timer.stop()

    def flush(self) -> None:
        """Run the pending call now, if there is one."""
        if self._timer.isActive():
            self._timer.stop()
            self._fire()

    def _fire(self) -> None:
        self._callback(*self._args)
