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


@pytest.fixture(scope="session")
def event_loop_qt(qapp: QApplication) -> Iterator[qasync.QEventLoop]:
    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    executor = qasync.QThreadExecutor(4)  # for asyncio.to_thread; joined at the end
    loop.set_default_executor(executor)
    yield loop
    # Never loop.stop(): it calls app.exit() and every later Qt wait would return at once.
    executor.shutdown(wait=True)


@pytest.fixture(autouse=True)
def _one_loop_no_leftovers(event_loop_qt: qasync.QEventLoop) -> Iterator[None]:
    yield
    for task in asyncio.all_tasks(event_loop_qt):
        task.cancel()


@pytest.fixture(autouse=True)
def _qt_warnings_fail(qtlog: Any) -> Iterator[None]:
    yield
    bad = [
        record.message
        for record in qtlog.records
        if record.type in FAILING_TYPES
        and not any(text in record.message for text in HARMLESS_QT_MESSAGES)
    ]
    if bad:
        pytest.fail("Qt warned during the test:\n" + "\n".join(bad), pytrace=False)


def run_coro(qtbot: Any, coro: Coroutine[Any, Any, T], timeout: int = 10_000) -> T:
    """Schedule ``coro`` on the session loop and wait (Qt keeps running) until it is done."""
    task = asyncio.get_event_loop().create_task(coro)
    qtbot.waitUntil(task.done, timeout=timeout)
    return task.result()


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
