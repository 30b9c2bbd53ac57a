"""Run a coroutine to completion from a plain test.

The UI suite keeps one Qt-driven asyncio loop running for the whole session in the main
thread, where ``asyncio.run`` refuses to start; a worker thread has no such loop.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")


def run(coro: Coroutine[Any, Any, T]) -> T:
    with ThreadPoolExecutor(1, thread_name_prefix="test-loop") as pool:
        return pool.submit(asyncio.run, coro).result(timeout=120)
