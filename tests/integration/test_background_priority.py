"""The write-back process and the sandbox give way to the console (console/background.py):
lower niceness everywhere, and on Linux the idle scheduling class for everything that
holds no lock the console waits for."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from console.app import DISPATCHER_NICENESS, open_services
from console.background import idle_class
from console.connectors.registry import sandbox_base_urls
from console.sandbox.process import start
from console.sandbox.server import SANDBOX_NICENESS
from tests.aio import run

linux_only = pytest.mark.skipif(
    not hasattr(os, "SCHED_IDLE"), reason="the idle scheduling class is Linux's"
)


def nicer(niceness: int, by: int) -> int:
    return min(19, niceness + by)


def threads_of(pid: int) -> list[int]:
    return [int(tid) for tid in os.listdir(f"/proc/{pid}/task")]


@linux_only
def test_idle_class_moves_only_the_calling_thread() -> None:
    seen: list[int] = []

    def worker() -> None:
        assert idle_class()
        seen.append(os.sched_getscheduler(0))

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join(timeout=30)
    assert seen == [os.SCHED_IDLE]
    assert os.sched_getscheduler(0) == os.SCHED_OTHER  # this (the test's) thread


@linux_only
def test_the_dispatcher_sends_in_the_idle_class_and_writes_at_a_lower_niceness(
    tmp_path: Path,
) -> None:
    own_nice = os.getpriority(os.PRIO_PROCESS, 0)
    with start(tmp_path / "remote", demo_cases=12) as sandbox:
        # The sandbox stands in for remote systems on the agent's machine: all of it waits.
        assert os.sched_getscheduler(sandbox.pid) == os.SCHED_IDLE
        assert os.getpriority(os.PRIO_PROCESS, sandbox.pid) == nicer(own_nice, SANDBOX_NICENESS)
        services = open_services(tmp_path / "data")
        try:

            async def started() -> int | None:
                await services.writeback.start(sandbox_base_urls(sandbox.base_url))
                return services.writeback.pid

            pid = run(started())
            assert pid is not None
            # Its main thread (the sending loop) is in the idle class...
            assert os.sched_getscheduler(pid) == os.SCHED_IDLE
            policies = {tid: os.sched_getscheduler(tid) for tid in threads_of(pid)}
            # ...and the store's writer, which holds the write lock the console waits for,
            # is not: it runs at the lowered niceness, so it is never starved with the lock.
            # (Started before the loop moved: the writer, the checkpointer and the thread
            # reading the console's "wake" lines.)
            normal = [tid for tid, policy in policies.items() if policy == os.SCHED_OTHER]
            assert len(normal) >= 3, policies
            for tid in normal:
                assert os.getpriority(os.PRIO_PROCESS, tid) == nicer(own_nice, DISPATCHER_NICENESS)
        finally:
            services.writeback.stop()
            services.close()
