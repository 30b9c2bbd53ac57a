"""Warm-up: load, off the loop thread, the modules the first frame did without.

The first frame is painted without pydantic and the domain models (ADR 0004); opening a
case, live ingest and the digest need them. Importing them takes ~0.3 s of Python, which
on the loop thread would freeze the window just after it appeared. A worker thread imports
them instead while the window stays responsive (the loop thread gets the interpreter every
few milliseconds); what needs them waits for ``warm_up()`` to finish.
"""

from __future__ import annotations

import asyncio
import importlib
import logging
import time

log = logging.getLogger(__name__)

MODULES = (
    "console.store.repositories",  # pydantic and the domain models: opening a case
    "console.services.digest",
    "console.policy.sentiment",
    "console.services.ingest",  # live events
    "console.connectors.feeds",
    "console.services.planning",  # the proposal panel: plans and proposals
    "console.ai.playbooks",
)


def _import_all() -> float:
    started = time.perf_counter()
    for name in MODULES:
        importlib.import_module(name)
    return time.perf_counter() - started


async def warm_up() -> None:
    """Import :data:`MODULES` on a worker thread; never raises (the import will be retried,
    and its error shown, where the module is really needed)."""
    try:
        seconds = await asyncio.to_thread(_import_all)
    except Exception:
        log.exception("warm-up import failed")
    else:
        log.debug("warm-up imports took %.0f ms", seconds * 1000)
