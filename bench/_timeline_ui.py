"""Child process of bench/timeline.py: the real main window, offscreen, measured.

    python bench/_timeline_ui.py p2|p3|p4 DATA_DIR [options]

Prints one line ``RESULT <json>`` at the end. "Shown" means painted: an event filter on
the timeline's viewport lets each paint run (by sending the event on itself) and takes the
time right after the paint in which the wanted row was drawn.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["TANDEM_NO_CRASH_DIALOG"] = "1"

import argparse
import asyncio
import gc
import json
import random
import resource
import sqlite3
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRect, Qt, QTimer
from PySide6.QtWidgets import QApplication

OPEN_TIMEOUT_S = 30.0


def rss_mib() -> tuple[float, float]:
    """(current, peak) resident set size of this process, MiB."""
    values = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            values[key] = int(rest.split()[0]) / 1024
    return values["VmRSS"], values["VmHWM"]


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


class PaintProbe(QObject):
    """Resolves a future right after the paint that draws what ``wanted(rect)`` accepts."""

    def __init__(self, widget: Any) -> None:
        super().__init__(widget)
        self._inner = False
        self._wanted: Callable[[QRect], bool] | None = None
        self._future: asyncio.Future[float] | None = None
        self.on_paint: Callable[[], None] | None = None  # after every paint
        widget.installEventFilter(self)

    def expect(self, wanted: Callable[[QRect], bool]) -> asyncio.Future[float]:
        self._wanted = wanted
        self._future = asyncio.get_running_loop().create_future()
        return self._future

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Paint or self._inner:
            return False
        self._inner = True
        try:
            QCoreApplication.sendEvent(watched, event)  # the paint itself
        finally:
            self._inner = False
        done = time.perf_counter()
        wanted, future = self._wanted, self._future
        ready = wanted is not None and future is not None and not future.done()
        if ready and wanted is not None and future is not None and wanted(event.rect()):
            self._wanted = None
            future.set_result(done)
        if self.on_paint is not None:
            self.on_paint()
        return True  # already painted


class Harness:
    def __init__(self, data_dir: Path, *, sandbox: bool = False) -> None:
        from console.app import open_services
        from console.ui.main_window import MainWindow
        from console.ui.proposal_panel import ProposalPanel
        from console.ui.theme import ThemeManager

        # These figures are about the timeline: opening a case does not plan it here (that
        # would also write the AI's proposals into the cached stores).
        ProposalPanel.auto_plan = False
        self.services = open_services(data_dir, sandbox=sandbox)
        self.app = QApplication.instance() or QApplication([sys.argv[0]])
        self.app.setStyle("Fusion")
        self.themes = ThemeManager(self.app)
        self.themes.apply("light")
        self.window = MainWindow(self.services, self.themes)
        self.window.resize(1440, 900)
        self.view = self.window.timeline.view
        self.model = self.window.timeline.model
        self.probe = PaintProbe(self.view.viewport())

    def row_visible(self, case_id: str, row: Callable[[], int]) -> Callable[[QRect], bool]:
        from console.ui.timeline_model import COL_SUMMARY

        def wanted(rect: QRect) -> bool:
            if self.model.case_id != case_id or self.model.rowCount() == 0:
                return False
            visual = self.view.visualRect(self.model.index(row(), COL_SUMMARY))
            return visual.isValid() and visual.intersects(rect)

        return wanted

    def newest(self) -> int:
        return self.model.rowCount() - 1

    async def start(self) -> None:
        self.window.load_queue(first=100)
        shown = asyncio.get_running_loop().create_future()
        QTimer.singleShot(0, lambda: shown.done() or shown.set_result(None))
        self.window.show()
        await shown
        await asyncio.sleep(0.05)
        # As the console does after its first paint: the modules that opening a case needs
        # are imported off the loop thread before the first case opens (console/ui/warmup.py).
        await self.window.after_first_paint()
        gc.freeze()
        await self.settle()

    async def settle(self, seconds: float = 0.3) -> None:
        """Let background work (the rest of the queue, a digest) finish."""
        await asyncio.sleep(seconds)
        for task_name in ("queue.refresh", "case.open", "case.digest"):
            task = self.window.slots.task(task_name)
            if task is not None and not task.done():
                await asyncio.wait([task], timeout=10)

    async def open_case(self, case_id: str) -> float:
        """Seconds from ``open_case`` to the paint that draws the newest event's row."""
        painted = self.probe.expect(self.row_visible(case_id, self.newest))
        started = time.perf_counter()
        self.window.open_case(case_id)
        return await asyncio.wait_for(painted, OPEN_TIMEOUT_S) - started

    async def jump(self, row: int | None) -> float:
        """Seconds from a jump (to ``row``, or None: the newest) to its row painted."""
        target = (lambda: row) if row is not None else self.newest
        case_id = self.model.case_id or ""
        painted = self.probe.expect(self.row_visible(case_id, target))
        started = time.perf_counter()
        if row is None:
            self.view.jump_to_newest()
        else:
            self.view.select_row(row, center=True)
        return await asyncio.wait_for(painted, OPEN_TIMEOUT_S) - started

    def close(self) -> None:
        self.window.shutdown()
        self.window.hide()
        self.services.close()


def run(main: Callable[[Harness], Any], harness: Harness) -> Any:
    import qasync

    loop = qasync.QEventLoop(harness.app)
    asyncio.set_event_loop(loop)

    async def body() -> Any:
        await harness.start()
        try:
            return await main(harness)
        finally:
            harness.close()

    with loop:
        return loop.run_until_complete(body())


# --- P2: open a 10,000-event case ---------------------------------------------------------


async def p2(h: Harness, cases: list[str], opens: int) -> dict[str, Any]:
    first = await h.open_case(cases[0])
    await h.settle()
    times = []
    for i in range(opens):
        times.append(await h.open_case(cases[(i + 1) % 2]))
        await h.settle(0.1)
    return {"first_ms": first * 1000, "opens_ms": [t * 1000 for t in times]}


# --- P3: a 1,000,000-event case -----------------------------------------------------------


def trace(h: Harness) -> list[tuple[str, float, float]]:
    """Wraps the case service's reads: (name, start ms, duration ms) of each call."""
    calls: list[tuple[str, float, float]] = []
    origin = time.perf_counter()
    cases = h.services.cases
    for name in ("detail", "timeline_length", "timeline_page"):
        real = getattr(cases, name)

        def wrapped(*args: Any, _real: Any = real, _name: str = name) -> Any:
            started = time.perf_counter()
            result = _real(*args)
            if asyncio.iscoroutine(result):

                async def timed() -> Any:
                    value = await result
                    calls.append(
                        (_name, (started - origin) * 1e3, (time.perf_counter() - started) * 1e3)
                    )
                    return value

                return timed()
            calls.append((_name, (started - origin) * 1e3, (time.perf_counter() - started) * 1e3))
            return result

        setattr(cases, name, wrapped)
    return calls


async def p3(h: Harness, case_id: str, jumps: int, other: str) -> dict[str, Any]:
    rss_before = rss_mib()[0]
    calls = trace(h)
    opened = await h.open_case(case_id)
    open_trace = list(calls)
    await h.settle()
    rss_open = rss_mib()[0]
    rng = random.Random(7)
    count = h.model.rowCount()
    random_ms = []
    end_ms = []
    for i in range(jumps):
        random_ms.append(await h.jump(rng.randrange(count)) * 1000)
        if i % 20 == 19:  # the end, after random jumps have pushed it out of the page cache
            end_ms.append(await h.jump(None) * 1000)
    rss_now, rss_peak = rss_mib()
    await h.open_case(other)
    await h.settle()
    reopened = await h.open_case(case_id)
    return {
        "open_ms": opened * 1000,
        "reopen_ms": reopened * 1000,
        "open_trace": open_trace,
        "rss_before_open_mib": rss_before,
        "events": count,
        "rss_open_mib": rss_open,
        "random_ms": random_ms,
        "end_ms": end_ms,
        "rss_jumps_mib": rss_now,
        "rss_peak_mib": rss_peak,
        "page_fetches": h.model.page_fetches,
    }


# --- P4: live events from the sandbox into the open case ------------------------------------


def _get(url: str) -> Any:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(url, timeout=10) as reply:
        return json.loads(reply.read())


def _post(url: str, body: dict[str, Any]) -> Any:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    request = urllib.request.Request(
        url, json.dumps(body).encode(), {"Content-Type": "application/json"}, method="POST"
    )
    with opener.open(request, timeout=10) as reply:
        return json.loads(reply.read())


def _aim_generator_at(h: Harness, case_id: str) -> int:
    """Point the sandbox's generator at ``case_id``: its pool of demo references (the
    sandbox's ``demo_refs`` table, read by each ``/_sandbox/generate``) gets the case's own
    ticket, order and shipment, so every event with a reference lands in the open case
    through the console's normal routing. Customer names and languages stay varied."""
    reader = h.services.store.reader()
    (data,) = reader.execute("SELECT data FROM cases WHERE id = ?", (case_id,)).fetchone()
    refs = json.loads(data)["external_refs"]
    ticket = refs.get("ticket_id")
    order = (refs.get("order_ids") or [None])[0]
    shipment = (refs.get("shipment_ids") or [None])[0]
    demo = sqlite3.connect(h.services.data_dir / "sandbox" / "demo.sqlite", timeout=10)
    try:
        with demo:
            changed = demo.execute(
                "UPDATE demo_refs SET ticket_id = ?, order_id = ?, shipment_id = ?",
                (ticket, order, shipment),
            ).rowcount
    finally:
        demo.close()
    return int(changed)


async def p4(h: Harness, case_id: str, rate: int, seconds: float) -> dict[str, Any]:
    from console.services.bus import FeedStatus
    from console.store import queries

    await h.open_case(case_id)
    await h.settle()
    states: list[str] = []
    h.services.bus.subscribe(FeedStatus, lambda e: states.append(e.state))
    started = time.perf_counter()
    await h.services.live.start()  # starts the sandbox process and the SSE feed
    sandbox_start_s = time.perf_counter() - started
    url = _sandbox_url(h)
    routed = _aim_generator_at(h, case_id)
    reader = h.services.store.reader()
    seq_before = queries.timeline_length(reader, case_id)
    rows_before = h.model.rowCount()
    quarantined_before = queries.quarantine_count(reader)
    # lag probe: a 5 ms precise timer, how late each tick fires
    lags: list[float] = []
    last = [time.perf_counter()]
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(5)

    spikes: list[tuple[float, float]] = []  # (seconds since the generator started, lag ms)

    def tick() -> None:
        now = time.perf_counter()
        lags.append(max(0.0, now - last[0] - 0.005))
        if lags[-1] > 0.02:
            spikes.append((round(now - wall0, 3), round(lags[-1] * 1000, 1)))
        last[0] = now

    timer.timeout.connect(tick)
    # end-to-end: generated (the envelope's occurred_at) -> the newest row painted
    latencies: list[float] = []
    seen = [seq_before]

    def painted() -> None:
        count = h.model.rowCount()
        if count == 0 or not h.view.at_bottom():
            return
        row = h.model.row_at(count - 1)
        if row is not None and row.seq > seen[0]:
            seen[0] = row.seq
            latencies.append(time.time() - row.occurred_at.timestamp())

    h.probe.on_paint = painted
    peak = [0.0]
    wall0 = time.perf_counter()

    def sample_rss() -> None:
        peak[0] = max(peak[0], rss_mib()[0])

    rss_timer = QTimer()
    rss_timer.timeout.connect(sample_rss)
    rss_timer.start(250)
    cpu0, wall0 = cpu_seconds(), time.perf_counter()
    timer.start()
    generator = await asyncio.to_thread(
        _post, f"{url}/_sandbox/generate", {"rate": rate, "seconds": seconds}
    )
    await asyncio.sleep(seconds)
    emitting_lags = len(lags)
    cpu_emit, wall_emit = cpu_seconds() - cpu0, time.perf_counter() - wall0
    # wait for the generator to finish and the console to catch up
    deadline = time.perf_counter() + 120
    emitted = 0
    last_cursor = None
    while time.perf_counter() < deadline:
        health = await asyncio.to_thread(_get, f"{url}/_sandbox/health")
        mine = [g for g in health["generators"] if g["id"] == generator["id"]]
        emitted = mine[0]["emitted"] if mine else 0
        last_cursor = mine[0]["last_cursor"] if mine else None
        done = mine and emitted >= mine[0]["total"]
        cursor = queries.feed_cursor(reader, "sandbox") or 0
        if done and last_cursor is not None and cursor >= last_cursor:
            h.model.flush()
            break
        await asyncio.sleep(0.1)
    catch_up_s = time.perf_counter() - wall0 - seconds
    await asyncio.sleep(0.2)
    timer.stop()
    rss_timer.stop()
    h.probe.on_paint = None
    appended = queries.timeline_length(reader, case_id) - seq_before
    quarantined = queries.quarantine_count(reader) - quarantined_before
    await h.services.live.stop()
    return {
        "sandbox_start_s": sandbox_start_s,
        "routed_refs": routed,
        "generator": generator,
        "emitted": emitted,
        "appended": appended,
        "quarantined": quarantined,
        "model_rows": h.model.rowCount() - rows_before,
        "catch_up_s": catch_up_s,
        "lags_ms": [x * 1000 for x in lags[:emitting_lags]],
        "lags_after_ms": [x * 1000 for x in lags[emitting_lags:]],
        "latency_ms": [x * 1000 for x in latencies],
        "cpu_percent": 100 * cpu_emit / wall_emit,
        "rss_peak_mib": max(peak[0], rss_mib()[0]),
        "lag_spikes": spikes,
        "rss_end_mib": rss_mib()[0],
        "feed_states": states,
    }


def _sandbox_url(h: Harness) -> str:
    """The running sandbox's address: the composition root keeps its ``SandboxProcess`` in a
    closure, so it is found among the live objects (benchmark only)."""
    for obj in gc.get_objects():
        if type(obj).__name__ == "SandboxProcess":
            return str(obj.base_url)
    raise RuntimeError("the sandbox did not start")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["p2", "p3", "p4"])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--case", action="append", default=[])
    parser.add_argument("--opens", type=int, default=30)
    parser.add_argument("--jumps", type=int, default=200)
    parser.add_argument("--rate", type=int, default=5000)
    parser.add_argument("--seconds", type=float, default=30.0)
    args = parser.parse_args()
    harness = Harness(args.data_dir, sandbox=args.mode == "p4")
    if args.mode == "p2":
        result = run(lambda h: p2(h, args.case, args.opens), harness)
    elif args.mode == "p3":
        result = run(lambda h: p3(h, args.case[0], args.jumps, args.case[1]), harness)
    else:
        result = run(lambda h: p4(h, args.case[0], args.rate, args.seconds), harness)
    print("RESULT " + json.dumps(result), flush=True)
    os._exit(0)  # skip Qt's and the threads' teardown: the figures are out


if __name__ == "__main__":
    main()
