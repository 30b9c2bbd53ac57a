"""Starts the console: the Qt application, translations, theme, one qasync loop, the window.

Start-up is kept lean for the first paint: the queue is read synchronously (one indexed
query), everything else (the open case, dialogs) comes after the window is on screen.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import os
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import (
    QEvent,
    QEventLoop,
    QMessageLogContext,
    QObject,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication

from console.ui import crash
from console.ui.i18n import Translations, resolve_language
from console.ui.queue_panel import QUEUE_SLOT
from console.ui.theme import ThemeManager

if TYPE_CHECKING:
    from console.services import Services
    from console.ui.main_window import MainWindow

log = logging.getLogger(__name__)

PROBE_ENV = "TANDEM_FIRST_PAINT_PROBE"
PROBE_MODULES_ENV = "TANDEM_FIRST_PAINT_MODULES"  # with the probe: write sys.modules there
SCREENSHOT_SIZE = (1440, 900)
CASE_TIMEOUT_S = 15.0
FIRST_ROWS = 100  # the head of the queue fills any window; the rest follows the first paint


def _choose_platform(screenshot: Path | None) -> None:
    if os.environ.get("QT_QPA_PLATFORM"):
        return
    if screenshot is not None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    elif sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        print(
            "tandem: no display found; running offscreen, so nothing will be visible. "
            "Use `make run` (it starts a virtual display) or xvfb-run.",
            file=sys.stderr,
        )
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


class _FirstPaint(QObject):
    """Calls ``then`` once, at the first paint of the queue (its rows are loaded by then)."""

    def __init__(self, window: MainWindow, then: Callable[[float], None]) -> None:
        super().__init__(window)
        self._then: Callable[[float], None] | None = then
        window.queue.view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._then is not None:
            then, self._then = self._then, None
            painted_at = time.time()
            watched.removeEventFilter(self)
            QTimer.singleShot(0, lambda: then(painted_at))  # once this paint has finished
        return False


_QT_LOG = logging.getLogger("qt")
_QT_NOISE = ("propagateSizeHints",)  # the offscreen platform saying it has no window manager


def _qt_message(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    """Qt's own messages go to the log file, not to the terminal."""
    if any(noise in message for noise in _QT_NOISE):
        return
    level = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
    }.get(kind, logging.ERROR)
    _QT_LOG.log(level, "%s", message)


def run(
    services: Services,
    *,
    screenshot: Path | None = None,
    case_id: str | None = None,
    theme: Literal["light", "dark"] | None = None,
    lang: Literal["en", "zh_CN"] | None = None,
    reveal: str | None = None,
) -> int:
    """Open the console; returns the process exit code.

    ``reveal``: an event id to show in the timeline once the window is up (its case opens).
    """
    _choose_platform(screenshot)
    import qasync

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0]])
    app.setApplicationName("Tandem")
    app.setOrganizationName("Tandem")
    app.setApplicationDisplayName("Tandem")
    app.setQuitOnLastWindowClosed(False)
    old_style = app.styleSheet(), app.palette()
    if existing is None:
        app.setStyle("Fusion")

    settings = services.settings.settings
    translations = Translations()
    translations.install(app, resolve_language(lang, settings.language))
    themes = ThemeManager(app)
    themes.apply(theme or settings.theme)
    restore_hook = crash.install()

    loop = _running_qt_loop(qasync.QEventLoop)
    own_loop = loop is None
    if own_loop:  # a host (the tests) keeps its own handling of Qt's messages
        qInstallMessageHandler(_qt_message)
    if loop is None:
        loop = qasync.QEventLoop(app)
        asyncio.set_event_loop(loop)
    finished: asyncio.Future[int] = loop.create_future()

    def finish(code: int) -> None:
        if not finished.done():
            finished.set_result(code)

    from console.ui.session import Session

    session = Session(app, services, themes, translations, lambda: finish(0))
    window = session.window
    window.load_queue(first=FIRST_ROWS)
    if screenshot is not None:
        window.resize(*SCREENSHOT_SIZE)
    probe = os.environ.get(PROBE_ENV) == "1"
    background: list[asyncio.Future[None]] = []  # strong references to start-up tasks

    def after_first_paint(painted_at: float) -> None:
        """Everything the first paint does not need: the open case, the screenshot."""
        if probe:
            print(f"first-paint {painted_at:.6f}", flush=True)
            modules = os.environ.get(PROBE_MODULES_ENV)
            if modules:  # which modules the first frame needed (a test keeps it lean)
                Path(modules).write_text("\n".join(sorted(sys.modules)), encoding="utf-8")
            finish(0)
            return
        warmed = window.after_first_paint()
        first_case = asyncio.ensure_future(_once_warm(warmed))
        background.append(first_case)
        if screenshot is not None:
            window.slots.start(
                "screenshot", _screenshot(window, screenshot, case_id, finish, first_case)
            )

    async def _once_warm(warmed: asyncio.Future[None]) -> None:
        """The first case and the live feeds, once their modules are loaded off the loop."""
        await warmed
        if reveal is not None:
            window.reveal(reveal)
        elif case_id is not None:
            window.open_case(case_id)
        else:
            window.queue.select_first()
        gc.freeze()  # start-up garbage is permanent: full collections stay short
        if screenshot is None:  # live feeds (the sandbox in demo mode) start now, not before
            await services.live.start()
            if not services.sandbox:  # your own systems, if <data folder>/connectors/ has them
                from console.services.bus import Level
                from console.ui.secret_dialog import ask_secret_async

                why_not = await services.writeback.start_own(
                    lambda name, why: ask_secret_async(window, name, why)
                )
                if why_not:
                    services.bus.tell(Level.WARNING, why_not)

    _FirstPaint(window, after_first_paint)
    window.show()
    window.queue.view.setFocus()  # keyboard first: J/K and the arrows work at once

    try:
        if own_loop:
            _finish_on_signals(loop, finish)
            with loop:
                code = loop.run_until_complete(finished)
                # Stop ingesting and end the sandbox before the loop closes.
                loop.run_until_complete(services.live.stop())
                if "planning" in vars(services):  # built on first use: only if it was
                    loop.run_until_complete(services.planning.close())
                return code
        waiter = QEventLoop()
        finished.add_done_callback(lambda _f: waiter.quit())
        if not finished.done():
            waiter.exec()
        return finished.result()
    finally:
        window = session.window  # the language may have changed it
        window.shutdown()
        window.hide()
        window.deleteLater()
        restore_hook()
        if not own_loop:  # a host application (the tests) keeps its app: leave it as it was
            translations.remove(app)
            app.setStyleSheet(old_style[0])
            app.setPalette(old_style[1])


def _finish_on_signals(loop: asyncio.AbstractEventLoop, finish: Callable[[int], None]) -> None:
    """Ctrl+C or SIGTERM closes the console cleanly (live feeds stopped, sandbox ended).

    Python runs signal handlers only between bytecodes; the qasync loop runs Python often
    enough (timers tick every second) for that to take effect at once.
    """

    def on_signal(signum: int, _frame: object) -> None:
        loop.call_soon_threadsafe(finish, 128 + signum if signum != signal.SIGTERM else 0)

    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, on_signal)


def _running_qt_loop(loop_type: type) -> asyncio.AbstractEventLoop | None:
    """The qasync loop a host (the UI tests) already runs, if any."""
    try:
        loop = asyncio.get_event_loop_policy().get_event_loop()
    except RuntimeError:
        return None
    return loop if isinstance(loop, loop_type) and loop.is_running() else None


async def _screenshot(
    window: MainWindow,
    path: Path,
    case_id: str | None,
    finish: Callable[[int], None],
    first_case: asyncio.Future[None],
) -> None:
    code = 0
    try:
        await asyncio.wait_for(asyncio.shield(first_case), CASE_TIMEOUT_S)  # opening began
        queue = window.slots.task(QUEUE_SLOT)
        if queue is not None:
            await asyncio.wait_for(asyncio.shield(queue), CASE_TIMEOUT_S)
        revealing = window.slots.task("reveal")
        if revealing is not None:
            await asyncio.wait_for(asyncio.shield(revealing), CASE_TIMEOUT_S)
        if case_id is not None or window.queue.proxy.rowCount() > 0:
            await _case_shown(window, case_id)
            planning = window.slots.task("proposal")  # the proposal, planned if need be
            if planning is not None and not planning.done():
                await asyncio.wait({planning}, timeout=CASE_TIMEOUT_S)
        # let posted layout and paint requests run before grabbing
        for _ in range(3):
            await asyncio.sleep(0.02)
        path.parent.mkdir(parents=True, exist_ok=True)
        if not window.grab().save(str(path)):
            print(f"tandem: could not write the screenshot to {path}", file=sys.stderr)
            code = 1
    except TimeoutError:
        wanted = case_id or "the first case of the queue"
        print(f"tandem: {wanted} did not open; no screenshot written", file=sys.stderr)
        code = 2
    except Exception as error:  # the run must end with a message, never hang
        log.exception("screenshot failed")
        print(f"tandem: the screenshot failed: {error}", file=sys.stderr)
        code = 1
    finish(code)


async def _case_shown(window: MainWindow, case_id: str | None) -> None:
    """Wait for the case being opened (``case_id``, or any); TimeoutError if it does not
    show."""
    task = window.slots.task("case.open")
    if task is not None and not task.done():
        try:
            await asyncio.wait_for(asyncio.shield(task), CASE_TIMEOUT_S)
        except asyncio.CancelledError:
            raise TimeoutError from None
    if window.case_id is None or case_id not in (None, window.case_id):
        raise TimeoutError
