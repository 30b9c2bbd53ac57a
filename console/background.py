"""Background processes give way to the person at the console.

The write-back dispatcher and the sandbox's stand-in remote systems run beside the console
on the agent's own machine. When they are busy (a backlog draining at full rate), an
agent's approval must still be committed at once, which needs the processor the moment
its disk write completes.

* :func:`lower_priority` lowers a whole process's niceness. Under Linux's EEVDF scheduler
  that is not enough: a task already running keeps the processor until its time slice
  ends (up to a few milliseconds), however nice it is.
* :func:`idle_class` puts the calling thread, and the threads it starts afterwards, in
  Linux's idle scheduling class (``SCHED_IDLE``). Such a thread runs only when no normal
  thread wants the processor, and gives it up the moment one wakes.

An idle-class thread can wait a long time on a machine whose every core is busy, so one
must never hold a lock that the console waits for: the dispatcher keeps its store writer
thread (the holder of the database's write lock) at a lowered niceness, and puts only its
sending loop in the idle class. Where there is no idle class (macOS, Windows), niceness
(where there is one) is all there is.
"""

from __future__ import annotations

import logging
import os

log = logging.getLogger(__name__)


def lower_priority(niceness: int) -> None:
    """Add ``niceness`` to this process's (and every thread it starts afterwards)."""
    if hasattr(os, "nice"):
        try:
            os.nice(niceness)
        except OSError as exc:
            log.info("could not lower this process's priority: %s", exc)


def idle_class() -> bool:
    """Put the calling thread in the idle scheduling class; whether it now is."""
    policy = getattr(os, "SCHED_IDLE", None)
    if policy is None or not hasattr(os, "sched_setscheduler"):
        return False
    try:
        os.sched_setscheduler(0, policy, os.sched_param(0))  # 0: the calling thread
    except OSError as exc:
        log.info("could not move to the idle scheduling class: %s", exc)
        return False
    return True
