"""The write-back dispatcher in a process of its own, and the console's handle on it.

A drain at full rate on the console's own process competes for its interpreter lock:
approvals then wait tens of milliseconds (PERF_NOTES). So the console runs the
dispatcher as a child, ``tandem dispatch`` (``console/app.py: run_dispatcher``), talking
over its standard streams:

* parent → child, one JSON line first: the destinations' base URLs, the connector folder,
  the audit sink and (only where there is no keyring service) the session's secrets —
  never on the command line, in the environment or on disk; then ``wake`` lines when new
  actions were approved. The child stops when its standard input ends (the console quit
  or died).
* child → parent: ``ready``, ``busy <why>`` (another Tandem sends this folder's actions),
  ``warn <text>`` (for the person at the console).

What the child does reaches the console through the store: :class:`OutboxWatch` looks for
outbox rows and breakers changed since it last looked and publishes them on the bus.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import subprocess
import sys
import threading
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import IO, Any

from console.store import Store
from console.store.queries import timeline_length

from .bus import EventBus, EventsAppended, ExecutionsChanged, Level

__all__ = ["DispatcherProcess", "OutboxWatch", "dispatch_command"]

log = logging.getLogger(__name__)
START_TIMEOUT_S = 30.0
WATCH_EVERY_S = 0.2


def dispatch_command(data_dir: Path) -> list[str]:
    """How to run ``tandem dispatch`` for ``data_dir``: the bundle's own executable when
    frozen, else this interpreter."""
    base = [sys.executable] if getattr(sys, "frozen", False) else [sys.executable, "-m", "console"]
    return [*base, "--data-dir", str(data_dir), "dispatch"]


def _spawn(command: list[str]) -> subprocess.Popen[str]:
    env = dict(os.environ)
    env.pop("TANDEM_DATA_DIR", None)  # --data-dir says it
    return subprocess.Popen(
        command,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,  # it logs to the data folder's log file
        text=True,
        encoding="utf-8",
        env=env,
    )


class DispatcherProcess:
    """A running ``tandem dispatch`` child (started by :meth:`start`)."""

    def __init__(self, popen: subprocess.Popen[str], on_warning: Callable[[str], None]) -> None:
        self._popen = popen
        self._on_warning = on_warning
        self._lock = threading.Lock()

    @classmethod
    async def start(
        cls,
        data_dir: Path,
        config: Mapping[str, Any],
        *,
        on_warning: Callable[[str], None],
        command: list[str] | None = None,
    ) -> DispatcherProcess:
        """Start the child and wait for it to be ready. Raises
        :class:`~console.services.dispatcher.DispatcherBusy` or RuntimeError."""
        from .dispatcher import DispatcherBusy

        popen = await asyncio.to_thread(_spawn, command or dispatch_command(data_dir))
        assert popen.stdin is not None
        assert popen.stdout is not None
        popen.stdin.write(json.dumps(dict(config)) + "\n")
        popen.stdin.flush()
        try:
            line = await asyncio.wait_for(asyncio.to_thread(popen.stdout.readline), START_TIMEOUT_S)
        except TimeoutError:
            popen.kill()
            raise RuntimeError("the write-back process did not start in time") from None
        if line.startswith("busy"):
            popen.wait(5)
            raise DispatcherBusy(line[4:].strip())
        if line.startswith("fail"):
            popen.wait(5)
            raise RuntimeError(line[4:].strip())
        if not line.startswith("ready"):
            popen.kill()
            popen.wait(5)
            raise RuntimeError(f"the write-back process failed to start ({line.strip()!r})")
        process = cls(popen, on_warning)
        threading.Thread(
            target=process._read, args=(popen.stdout,), name="dispatcher-output", daemon=True
        ).start()
        return process

    @property
    def pid(self) -> int:
        return self._popen.pid

    @property
    def alive(self) -> bool:
        return self._popen.poll() is None

    def _read(self, stream: IO[str]) -> None:
        for line in stream:
            if line.startswith("warn "):
                self._on_warning(line[5:].strip())

    def wake(self) -> None:
        """New actions were approved: look now (never blocks the caller for long)."""
        with self._lock, contextlib.suppress(OSError, ValueError):
            stdin = self._popen.stdin
            if stdin is not None and self.alive:
                stdin.write("wake\n")
                stdin.flush()

    def stop(self, timeout: float = 10.0) -> None:
        """End the child: its input closes, it finishes the batch in hand and exits."""
        with self._lock, contextlib.suppress(OSError, ValueError):
            if self._popen.stdin is not None:
                self._popen.stdin.close()
        try:
            self._popen.wait(timeout)
        except subprocess.TimeoutExpired:
            log.warning("the write-back process did not stop; killing it")
            self._popen.kill()
            self._popen.wait(5)


class OutboxWatch:
    """Publishes on the bus what another process changed in the outbox and the breakers:
    ExecutionsChanged for the cases, EventsAppended for their timelines."""

    def __init__(self, store: Store, bus: EventBus, every: float = WATCH_EVERY_S) -> None:
        self._store = store
        self._bus = bus
        self._every = every
        self._since: str | None = None
        self._breakers: str | None = None
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.ensure_future(self._run())

    def cancel_soon(self) -> None:
        """Stop watching; safe from any thread (the task is cancelled on its own loop)."""
        task, self._task = self._task, None
        if task is not None:
            with contextlib.suppress(RuntimeError):  # that loop has already closed
                task.get_loop().call_soon_threadsafe(task.cancel)

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def _run(self) -> None:
        first = await self._store.read(_latest)
        self._since, self._breakers = first
        while True:
            await asyncio.sleep(self._every)
            try:
                await self.check()
            except Exception:
                log.exception("watching the outbox failed")

    async def check(self) -> None:
        since, breakers = self._since, self._breakers

        def look(conn: Any) -> tuple[list[tuple[str, int]], str | None, str | None]:
            cases = [
                str(row[0])
                for row in conn.execute(
                    "SELECT DISTINCT case_id FROM outbox WHERE updated_at > ?", (since or "",)
                )
            ]
            seqs = [(case_id, timeline_length(conn, case_id)) for case_id in cases]
            return (seqs, *_latest(conn))

        seqs, latest, breaker_mark = await self._store.read(look)
        self._since = latest or since
        self._breakers = breaker_mark
        for case_id, seq in seqs:
            self._bus.publish(EventsAppended(case_id, seq))
        if seqs or breaker_mark != breakers:
            self._bus.publish(ExecutionsChanged(tuple(case_id for case_id, _ in seqs)))


def _latest(conn: Any) -> tuple[str | None, str | None]:
    row = conn.execute(
        "SELECT (SELECT max(updated_at) FROM outbox), (SELECT max(updated_at) FROM breakers)"
    ).fetchone()
    return (row[0], row[1]) if row else (None, None)


def warn_on(bus: EventBus, loop: asyncio.AbstractEventLoop) -> Callable[[str], None]:
    """A thread-safe way for the child's warnings to reach the person at the console."""

    def tell(text: str) -> None:
        if not loop.is_closed():
            loop.call_soon_threadsafe(bus.tell, Level.ERROR, text)

    return tell
