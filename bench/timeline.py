"""The live-timeline milestone's figures against its goals (P2-P5).

P2  open a 10,000-event case: ``MainWindow.open_case`` -> the paint that draws the newest
    event's row in the timeline view; alternating between two such cases; p95 <= 20 ms.
P3  a 1,000,000-event case in a fresh process with the OS page cache dropped (when this
    user may): open <= 30 ms, jump to the end <= 10 ms (after random jumps pushed it out of
    the model's page cache), RSS after opening and after 200 random jumps <= 100 MB.
P4  live events into the open 1M-event case: the sandbox process (``sandbox.process.start``
    via ``open_services(sandbox=True)`` and ``services.live``), ``POST /_sandbox/generate``
    at 5,000 events/s for 30 s, the console's SseFeed + IngestService, the real MainWindow
    offscreen. Event-loop lag from a 5 ms precise QTimer (how late each tick fires):
    p99 <= 16 ms; lost = emitted - appended - quarantined = 0 and every appended event a
    row of the model. The generator picks references among the sandbox's demo cases, so
    before it starts the sandbox's pool of demo references (its ``demo_refs`` table) is
    given the open case's ticket, order and shipment: every event with a reference then
    lands in the open case by the console's normal routing. The generator's low-stock
    events carry no reference and are quarantined by design.
P5  search over 1,000,000 cases / 10,000,000 events, per query class, p95 of
    ``queries.search``: newest first <= 10 ms, ranked <= 25 ms.

Every measurement runs ``--runs`` times (default 2; the UI ones in fresh processes). The
stores are built by a bulk loader (bench/_timeline_store.py) and cached under .bench/timeline
(git-ignored), keyed by the loader's version, the schema and the search documents.

    .venv/bin/python bench/timeline.py [--only P2,P5] [--runs 2] [--events 1000000]
        [--cases 1000000] [--seconds 30] [--rate 5000] [--check]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _timeline_search
import _timeline_store as stores

ROOT = Path(__file__).resolve().parent.parent
UI = Path(__file__).resolve().parent / "_timeline_ui.py"
CHILD_TIMEOUT = 600.0
ALL = ("P2", "P3", "P4", "P5")


class BenchError(RuntimeError):
    pass


def pct(samples: list[float], q: float) -> float:
    """The q-quantile (nearest rank) of ``samples``."""
    if not samples:
        return float("nan")
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered) + 0.5) - 1))]


@dataclass
class Row:
    """One line of the table: a figure per run, and its goal if it has one."""

    label: str
    unit: str
    goal: float | None = None  # the figure must be <= goal
    values: list[float] = field(default_factory=list)

    def met(self) -> bool | None:
        if self.goal is None or not self.values:
            return None
        return all(v <= self.goal for v in self.values)


class Table:
    def __init__(self) -> None:
        self.rows: dict[str, Row] = {}
        self.notes: list[str] = []
        self.run = 1

    def note(self, text: str) -> None:
        """A note about this run."""
        self.notes.append(f"run {self.run}: {text}")

    def add(self, key: str, label: str, unit: str, value: float, goal: float | None = None):
        row = self.rows.setdefault(key, Row(label, unit, goal))
        row.values.append(value)

    def print(self, runs: int) -> None:
        heads = "".join(f"{'run ' + str(i + 1):>10}" for i in range(runs))
        print(f"{'':<58}{'goal':>10}{heads}  verdict")
        for row in self.rows.values():
            goal = f"<= {row.goal:g}" if row.goal is not None else ""
            cells = "".join(f"{_cell(v):>10}" for v in row.values)
            cells += " " * 10 * (runs - len(row.values))
            met = row.met()
            verdict = "" if met is None else ("met" if met else "MISSED")
            print(f"{row.label + ' (' + row.unit + ')':<58}{goal:>10}{cells}  {verdict}")


def _cell(value: float) -> str:
    if value != value:  # NaN
        return "-"
    if abs(value) >= 100 or value == int(value):
        return f"{value:,.0f}"
    return f"{value:.1f}"


def run_child(args: list[str]) -> dict[str, Any]:
    env = dict(os.environ)
    env.pop("TANDEM_DATA_DIR", None)
    env["QT_QPA_PLATFORM"] = "offscreen"
    command = [sys.executable, str(UI), *args]
    done = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=CHILD_TIMEOUT
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    if done.returncode != 0 or not lines:
        raise BenchError(f"{' '.join(args[:1])} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(lines[-1][len("RESULT ") :])
    return result


def drop_caches() -> str:
    """Empty the OS page cache if this user may; says what happened."""
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
    except OSError as error:
        return f"not possible ({error.strerror or error})"
    return "dropped"


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} CPUs"


# --- the measurements -------------------------------------------------------------------


def p2(table: Table, built: stores.Built, opens: int) -> None:
    first, second = built.info["long"]
    result = run_child(
        ["p2", str(built.path.parent), "--case", first, "--case", second, "--opens", str(opens)]
    )
    times = result["opens_ms"]
    label = f"P2 open {built.info['params']['long']:,}-event case -> newest row painted"
    table.add("p2.p95", f"{label}, p95 of {len(times)}", "ms", pct(times, 0.95), 20)
    table.add("p2.p50", "   p50", "ms", pct(times, 0.5))
    table.add("p2.max", "   max", "ms", max(times))
    table.add("p2.first", "   first open in the process", "ms", result["first_ms"])


def p3(table: Table, built: stores.Built, jumps: int, cold: bool) -> None:
    case = built.info["big"]
    cache = drop_caches() if cold else "not dropped (--warm)"
    table.note(f"P3 page cache: {cache}")
    other = built.info["long"][0]
    command = ["p3", str(built.path.parent), "--case", case, "--case", other]
    result = run_child([*command, "--jumps", str(jumps)])
    events = result["events"]
    ends, randoms = result["end_ms"], result["random_ms"]
    table.add(
        "p3.open",
        f"P3 open {events:,}-event case, fresh process, cold",
        "ms",
        result["open_ms"],
        30,
    )
    table.add(
        "p3.reopen", "   open again later in the same process (warm)", "ms", result["reopen_ms"]
    )
    trace = ", ".join(f"{name} {ms:.1f} ms" for name, _at, ms in result["open_trace"])
    table.note(f"P3 cold open: reads {trace}")
    table.add("p3.end", f"P3 jump to the end, max of {len(ends)}", "ms", max(ends), 10)
    table.add("p3.end50", "   median", "ms", statistics.median(ends))
    table.add("p3.rand50", f"P3 random jumps ({len(randoms)}) p50", "ms", pct(randoms, 0.5))
    table.add("p3.rand95", "   p95", "ms", pct(randoms, 0.95))
    table.add("p3.randmax", "   max", "ms", max(randoms))
    table.add(
        "p3.rss_before",
        "P3 RSS with the window up, before opening",
        "MiB",
        result["rss_before_open_mib"],
    )
    table.add("p3.rss_open", "P3 RSS after opening", "MiB", result["rss_open_mib"], 100)
    table.add(
        "p3.rss_jumps",
        f"P3 RSS after {len(randoms)} random jumps",
        "MiB",
        result["rss_jumps_mib"],
        100,
    )


def p4(table: Table, built: stores.Built, rate: int, seconds: float) -> None:
    folder = stores.BENCH_DIR / "p4"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    started = time.perf_counter()
    source = sqlite3.connect(built.path)
    try:
        target = sqlite3.connect(folder / stores.DB_NAME)
        source.backup(target)  # a consistent copy: the run appends to it
        target.close()
    finally:
        source.close()
    table.note(f"P4 store copied in {time.perf_counter() - started:.1f} s")
    result = run_child(
        [
            "p4",
            str(folder),
            "--case",
            built.info["big"],
            "--rate",
            str(rate),
            "--seconds",
            str(seconds),
        ]
    )
    shutil.rmtree(folder, ignore_errors=True)
    lags, latency = result["lags_ms"], result["latency_ms"]
    emitted, appended = result["emitted"], result["appended"]
    quarantined, rows = result["quarantined"], result["model_rows"]
    head = f"P4 {rate:,} events/s for {seconds:g} s:"
    table.add("p4.lag99", f"{head} loop lag p99", "ms", pct(lags, 0.99), 16)
    table.add("p4.lag50", "   loop lag p50", "ms", pct(lags, 0.5))
    table.add("p4.lagmax", "   loop lag max", "ms", max(lags))
    table.add("p4.emitted", "   emitted by the sandbox", "events", emitted)
    table.add("p4.appended", "   appended to the open case", "events", appended)
    table.add("p4.quarantined", "   quarantined (no reference, by design)", "events", quarantined)
    table.add(
        "p4.lost",
        "   lost (emitted - appended - quarantined)",
        "events",
        emitted - appended - quarantined,
        0,
    )
    table.add("p4.rows", "   appended but not rows of the model", "events", appended - rows, 0)
    table.add("p4.lat50", "   generated -> newest row painted, p50", "ms", pct(latency, 0.5))
    table.add("p4.lat99", "   generated -> newest row painted, p99", "ms", pct(latency, 0.99))
    table.add("p4.catchup", "   behind when the generator stopped", "s", result["catch_up_s"])
    table.add(
        "p4.cpu", "   console CPU while streaming (one core = 100)", "%", result["cpu_percent"]
    )
    table.add("p4.rss", "   console peak RSS", "MiB", result["rss_peak_mib"])
    spikes = ", ".join(f"{lag:.0f} ms at {at:.1f} s" for at, lag in result["lag_spikes"][:12])
    table.note(f"P4 loop lag over 20 ms: {len(result['lag_spikes'])} ({spikes})")
    table.note(
        f"P4 sandbox started in {result['sandbox_start_s']:.1f} s; "
        f"generator's {result['routed_refs']} demo references aimed at {built.info['big']}; "
        f"feed states {'/'.join(dict.fromkeys(result['feed_states']))}"
    )


def p5(table: Table, built: stores.Built, samples: int) -> None:
    templates = stores.load_templates(300)
    words = stores.query_words(templates)
    words = {
        **{k: v for k, v in words.items() if k != "no match"},
        "order id": built.info["order_ids"][:4],
        "no match": words["no match"],
        EXTRA: ["refu", "deli", "trac", "cust"],
    }
    result = _timeline_search.measure(built.path, words, samples)
    size = f"{built.info['cases']:,} cases / {built.info['events']:,} events"
    table.notes.append(f"P5 store: {size}, {built.info['bytes'] / 2**30:.1f} GiB")
    for label, row in result.items():
        key = label.replace(" ", "_")
        newest, ranked = (None, None) if label == EXTRA else (10, 25)
        head = f"P5 {label}: newest first p95"
        table.add(f"p5.{key}.newest", head, "ms", pct(row["newest"], 0.95), newest)
        table.add(f"p5.{key}.ranked", "   ranked p95", "ms", pct(row["ranked"], 0.95), ranked)
        for mode in ("newest_v2", "ranked_v2"):
            name = "   prototype " + mode.replace("_v2", "") + " p95 (not in the verdict)"
            table.add(f"p5.{key}.{mode}", name, "ms", pct(row[mode], 0.95))
        hits = "/".join(str(h) for h in row["newest_hits"])
        table.notes.append(f"P5 {label}: {', '.join(row['queries'])} -> hits {hits}")


EXTRA = "4-letter prefix, as typed (extra, no goal)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--only", default=",".join(ALL), help="e.g. P2,P5")
    parser.add_argument("--runs", type=int, default=2, help="repetitions of each measurement")
    parser.add_argument("--long-events", type=int, default=10_000, help="P2 case size")
    parser.add_argument("--events", type=int, default=1_000_000, help="P3/P4 case size")
    parser.add_argument("--cases", type=int, default=1_000_000, help="P5 store: cases (x10)")
    parser.add_argument("--seconds", type=float, default=30.0, help="P4 duration")
    parser.add_argument("--rate", type=int, default=5000, help="P4 events per second")
    parser.add_argument("--opens", type=int, default=30, help="P2 timed opens (min 20)")
    parser.add_argument("--jumps", type=int, default=200, help="P3 random jumps")
    parser.add_argument("--queries", type=int, default=20, help="P5 timed queries per class")
    parser.add_argument("--warm", action="store_true", help="P3: keep the OS page cache")
    parser.add_argument("--check", action="store_true", help="exit 1 if a goal is missed")
    args = parser.parse_args(argv)
    only = {part.strip().upper() for part in args.only.split(",") if part.strip()}
    if only - set(ALL) or args.opens < 20 or args.runs < 1:
        parser.error(f"--only takes {','.join(ALL)}; --opens >= 20; --runs >= 1")

    print(f"Tandem live timeline, {time.strftime('%Y-%m-%d %H:%M')}, {load()}")
    print(f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, offscreen")
    table = Table()
    steps: list[tuple[str, Callable[[], None]]] = []
    try:
        if only & {"P2", "P3", "P4"}:
            cases = stores.timeline_store(args.long_events, args.events)
            _built("timeline store", cases)
            steps += [
                ("P2", lambda: p2(table, cases, args.opens)),
                ("P3", lambda: p3(table, cases, args.jumps, cold=not args.warm)),
                ("P4", lambda: p4(table, cases, args.rate, args.seconds)),
            ]
        if "P5" in only:
            search = stores.search_store(args.cases)
            _built("search store", search)
            steps.append(("P5", lambda: p5(table, search, args.queries)))
        for run in range(args.runs):
            table.run = run + 1
            for name, step in steps:
                if name in only:
                    started = time.perf_counter()
                    step()
                    print(
                        f"  run {run + 1} {name}: {time.perf_counter() - started:.0f} s, {load()}"
                    )
    except (BenchError, subprocess.TimeoutExpired) as error:
        print(f"timeline: FAILED: {error}", file=sys.stderr)
        return 2
    print()
    table.print(args.runs)
    print()
    for note in dict.fromkeys(table.notes):
        print(f"note: {note}")
    missed = [row.label.strip() for row in table.rows.values() if row.met() is False]
    print(f"load at the end: {load()}")
    print("verdict: " + ("PASS" if not missed else f"FAIL ({len(missed)} missed)"))
    return 1 if args.check and missed else 0


def _built(name: str, built: stores.Built) -> None:
    size = built.info["bytes"] / 2**20
    took = built.info["build_seconds"]
    how = "built now" if built.seconds else "cached"
    print(
        f"{name}: {built.path.relative_to(ROOT)}, {built.info['events']:,} events, "
        f"{size:,.0f} MiB, build {took:.0f} s ({how})"
    )


if __name__ == "__main__":
    sys.exit(main())
