"""UI test set-up: offscreen Qt, one qasync loop for the whole session, Qt warnings fail.

Tests are plain functions that wait with ``qtbot.waitSignal`` / ``qtbot.waitUntil``; a
coroutine is run with :func:`run_coro`. A fresh qasync loop per test crashes (closed
loops' timers are collected from another thread), so there is exactly one.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before Qt is imported
os.environ["TANDEM_NO_CRASH_DIALOG"] = "1"  # unhandled errors fail the test instead

import asyncio
import concurrent.futures
import shutil
import subprocess
import sys
from collections.abc import Coroutine, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
import qasync
from PySide6.QtCore import QtMsgType
from PySide6.QtWidgets import QApplication

from console.resources import resource_path

T = TypeVar("T")

# Messages of the offscreen platform itself, not of Tandem.
HARMLESS_QT_MESSAGES = ("propagateSizeHints", "QFont::setPointSizeF")
FAILING_TYPES = (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg)


class TrackingExecutor(qasync.QThreadExecutor):  # type: ignore[misc]
    """The loop's thread pool, knowing which jobs are still running.

    Cancelling a task that awaits ``asyncio.to_thread`` does not stop the thread: a
    test must not close the store while one of its reads is still running.
    """

    def __init__(self, workers: int) -> None:
        super().__init__(workers)
        self.running: set[concurrent.futures.Future[Any]] = set()

    def submit(self, *args: Any, **kwargs: Any) -> concurrent.futures.Future[Any]:
        future: concurrent.futures.Future[Any] = super().submit(*args, **kwargs)
        self.running.add(future)
        future.add_done_callback(self.running.discard)
        return future

    def drain(self, timeout: float = 30.0) -> None:
        concurrent.futures.wait(list(self.running), timeout=timeout)


@pytest.fixture(scope="package")
def thread_pool() -> Iterator[TrackingExecutor]:
    pool = TrackingExecutor(4)
    yield pool
    pool.shutdown(wait=True)


_LOOPS: list[qasync.QEventLoop] = []  # never collected: a dead loop's timers crash Qt


@pytest.fixture(scope="package")
def event_loop_qt(qapp: QApplication, thread_pool: TrackingExecutor) -> Iterator[qasync.QEventLoop]:
    """One loop for every UI test; afterwards, other suites may use asyncio.run again."""
    loop = qasync.QEventLoop(qapp, already_running=True)
    _LOOPS.append(loop)
    asyncio.set_event_loop(loop)
    loop.set_default_executor(thread_pool)  # asyncio.to_thread runs here
    yield loop
    # Never loop.stop(): it calls app.exit() and every later Qt wait would return at once.
    # Only say that no loop runs here any more.
    asyncio._set_running_loop(None)
    asyncio.set_event_loop(None)


def settle(loop: qasync.QEventLoop, pool: TrackingExecutor) -> None:
    """Cancel what a test left running and wait for its threads to finish."""
    for task in asyncio.all_tasks(loop):
        task.cancel()
    pool.drain()


@pytest.fixture(autouse=True)
def _one_loop_no_leftovers(
    event_loop_qt: qasync.QEventLoop, thread_pool: TrackingExecutor
) -> Iterator[None]:
    yield
    settle(event_loop_qt, thread_pool)


@pytest.fixture
def empty_services(
    empty_services: Any, event_loop_qt: qasync.QEventLoop, thread_pool: TrackingExecutor
) -> Iterator[Any]:
    """The suite's services; no read may still be running when the store closes."""
    yield empty_services
    settle(event_loop_qt, thread_pool)


def run_coro(qtbot: Any, coro: Coroutine[Any, Any, T], timeout: int = 10_000) -> T:
    """Schedule ``coro`` on the session loop and wait (Qt keeps running) until it is done."""
    task = asyncio.get_event_loop().create_task(coro)
    qtbot.waitUntil(task.done, timeout=timeout)
    return task.result()


@pytest.fixture
def desk(empty_services: Any) -> Any:
    """A case with a planner to propose to it (tests/ui/test_controls.py ``Desk``)."""
    from tests.ui.test_controls import Desk

    return Desk(empty_services)


@pytest.fixture
def host(desk: Any, qtbot: Any) -> Iterator[Any]:
    """The proposal panel alone in a window, tall enough to show a short plan whole."""
    from PySide6.QtWidgets import QMainWindow

    from console.ui.proposal_panel import ProposalPanel
    from console.ui.tasks import TaskSlots

    window = QMainWindow()
    slots = TaskSlots()
    panel = ProposalPanel(desk.services, slots, window)
    window.setCentralWidget(panel)
    window.resize(560, 1100)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    yield window
    panel.shutdown()
    slots.cancel_all()


@pytest.fixture(scope="session")
def compiled_translations() -> None:
    """Build tandem_zh_CN.qm from the .ts when it is missing or older (as `make translations`)."""
    ts = resource_path("translations", "tandem_zh_CN.ts")
    qm = ts.with_suffix(".qm")
    if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
        return
    beside_python = Path(sys.executable).parent / "pyside6-lrelease"
    lrelease = str(beside_python) if beside_python.exists() else shutil.which("pyside6-lrelease")
    assert lrelease, "pyside6-lrelease is missing; run `make setup`"
    subprocess.run([lrelease, "-silent", str(ts), "-qm", str(qm)], check=True)


@pytest.fixture
def chinese(qapp: QApplication, compiled_translations: None) -> Iterator[None]:
    """The console in Simplified Chinese for one test, English again after it."""
    from console.ui.i18n import Translations

    translations = Translations()
    translations.install(qapp, "zh_CN")
    yield
    translations.remove(qapp)
    translations.install(qapp, "en")


@pytest.fixture
def no_auto_plan(monkeypatch: pytest.MonkeyPatch) -> None:
    """Opening a case does not plan it (for tests that count a timeline's events)."""
    from console.ui.proposal_panel import ProposalPanel

    monkeypatch.setattr(ProposalPanel, "auto_plan", False)


@pytest.fixture
def window(services: Any, qtbot: Any) -> Iterator[Any]:
    """The main window over the seeded demo store, queue loaded, shown offscreen."""
    from console.ui.main_window import MainWindow

    win = MainWindow(services)
    qtbot.addWidget(win)
    win.load_queue()
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    yield win
    win.shutdown()
