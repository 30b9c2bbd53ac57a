"""Run the sandbox: one uvicorn server on one loopback port, logging to a file.

``--port 0`` binds a free port; ``--port-file`` receives the bound port (written
atomically once the server accepts connections). SIGTERM and SIGINT shut down cleanly.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import socket
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import uvicorn

from console.background import idle_class, lower_priority

from .app import create_app

log = logging.getLogger("console.sandbox")


class _Server(uvicorn.Server):
    """uvicorn's server, ending with exit code 0 on SIGTERM/SIGINT (no re-raised signal),
    calling ``on_started`` once it accepts connections."""

    def __init__(
        self, config: uvicorn.Config, on_started: Callable[[], None], parent: int | None = None
    ) -> None:
        super().__init__(config)
        self._on_started = on_started
        self._parent = parent

    async def on_tick(self, counter: int) -> bool:
        # A sandbox started by the console ends with it, however the console ended.
        if self._parent is not None and counter % 10 == 0 and os.getppid() != self._parent:
            log.info("the console (pid %d) has gone; stopping", self._parent)
            return True
        return await super().on_tick(counter)

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets=sockets)
        if self.started:
            self._on_started()

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        if threading.current_thread() is not threading.main_thread():
            yield
            return
        previous = {
            sig: signal.signal(sig, self.handle_exit) for sig in (signal.SIGINT, signal.SIGTERM)
        }
        try:
            yield
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)


def _logging(folder: Path) -> None:
    handler = logging.FileHandler(folder / "sandbox.log", encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    for name in ("console.sandbox", "uvicorn", "uvicorn.error", "uvicorn.access"):
        logger = logging.getLogger(name)
        logger.handlers[:] = [handler]
        logger.setLevel(logging.INFO)
        logger.propagate = False
    logging.getLogger("uvicorn.access").setLevel(logging.WARNING)


def _write_port(path: Path, port: int) -> None:
    tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
    tmp.write_text(f"{port}\n", encoding="utf-8")
    tmp.replace(path)


SANDBOX_NICENESS = 5


def serve(
    folder: Path,
    *,
    host: str = "127.0.0.1",
    port: int = 0,
    demo_cases: int = 120,
    seed: int = 1,
    port_file: Path | None = None,
    key_lifetime_s: float | None = None,
    exit_with_parent: int | None = None,
) -> int:
    """Serve until SIGTERM/SIGINT; the exit code."""
    if exit_with_parent is not None:
        # Started by the console as a stand-in for remote systems: on the agent's own
        # machine it must not take the processor from the console they are typing in.
        # It holds no lock the console waits for, so all of it may wait (idle class).
        lower_priority(SANDBOX_NICENESS)
        idle_class()
    folder.mkdir(parents=True, exist_ok=True)
    _logging(folder)
    app = create_app(folder, demo_cases=demo_cases, seed_value=seed, key_lifetime_s=key_lifetime_s)
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP spelled out: asyncio only sets TCP_NODELAY on the accepted connections
    # of a socket that says so, and without it every response waits ~40 ms (Nagle).
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.set_inheritable(False)
    bound = sock.getsockname()[1]
    config = uvicorn.Config(
        app,
        http="h11",
        lifespan="on",
        log_config=None,
        access_log=False,
        timeout_graceful_shutdown=3,
        timeout_keep_alive=30,
    )

    def started() -> None:
        log.info("sandbox serving on http://%s:%d (pid %d)", host, bound, os.getpid())
        if port_file is not None:
            _write_port(port_file, bound)

    server = _Server(config, started, exit_with_parent)
    try:
        asyncio.run(server.serve(sockets=[sock]))
    finally:
        sock.close()
        log.info("sandbox stopped")
    return 0 if server.started else 1
