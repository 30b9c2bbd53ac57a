"""P1: process start → first paint of the console on a 10,000-case store.

Runs, alternately, the console (``python -m console --data-dir .bench/p1 run`` with
TANDEM_FIRST_PAINT_PROBE=1) and a bare PySide6 QMainWindow (bench/_bare_window.py), both
offscreen, both started the same way from this process. Process start is ``time.time()``
taken just before ``subprocess.Popen``; first paint is the time the child prints as
``first-paint <time.time()>``. Prints median, min and max of each, their ratio, and the
verdict against the targets: P1 ≤ 0.5 s and ≤ 4× the bare window.

The store is built once with ``tandem demo --cases N --seed 1`` and cached under .bench/
(git-ignored); later runs reuse it.

Both children run with compiled bytecode, as an installed Tandem does: bytecode is written
once (by an untimed warm-up run of each) under .bench/pycache, which also works when the
caller's environment sets PYTHONDONTWRITEBYTECODE. ``--no-pyc`` measures instead a start
that compiles every module without a bytecode cache from source, as a checkout run with
PYTHONDONTWRITEBYTECODE=1 does.

    .venv/bin/python bench/startup.py [--runs 7] [--cases 10000] [--check] [--no-pyc]
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BARE_WINDOW = Path(__file__).resolve().parent / "_bare_window.py"
TARGET_SECONDS = 0.5
TARGET_RATIO = 4.0
SEED = 1
RUN_TIMEOUT = 120.0
STAMP = ".bench-store"


class BenchError(RuntimeError):
    pass


@dataclass(frozen=True)
class Stats:
    median: float
    low: float
    high: float

    @classmethod
    def of(cls, samples: list[float]) -> Stats:
        return cls(statistics.median(samples), min(samples), max(samples))

    def row(self, label: str) -> str:
        return f"{label:<34}{self.median:8.3f}{self.low:8.3f}{self.high:8.3f}"


def store_dir(cases: int) -> Path:
    name = "p1" if cases == 10_000 else f"p1-{cases}"
    return ROOT / ".bench" / name


def child_env(*, pyc: bool) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("TANDEM_DATA_DIR", None)
    if pyc:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(ROOT / ".bench" / "pycache")
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["TANDEM_FIRST_PAINT_PROBE"] = "1"
    return env


def ensure_store(cases: int) -> Path:
    """Seeds the cached store once; a stamp written after success makes re-runs cheap."""
    data_dir = store_dir(cases)
    stamp = data_dir / STAMP
    wanted = f"cases={cases} seed={SEED}\n"
    if stamp.is_file() and stamp.read_text(encoding="utf-8") == wanted:
        print(f"store: {data_dir.relative_to(ROOT)} ({cases:,} cases, cached)")
        return data_dir
    if data_dir.exists():
        shutil.rmtree(data_dir)  # a half-built or different store: start again
    data_dir.mkdir(parents=True)
    print(f"store: building {data_dir.relative_to(ROOT)} with {cases:,} demo cases ...", flush=True)
    started = time.perf_counter()
    command = [sys.executable, "-m", "console", "--data-dir", str(data_dir), "demo"]
    command += ["--cases", str(cases), "--seed", str(SEED)]
    env = dict(os.environ)
    env.pop("TANDEM_DATA_DIR", None)
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BenchError(f"seeding the store failed ({done.returncode}):\n{done.stderr.strip()}")
    stamp.write_text(wanted, encoding="utf-8")
    print(f"store: built in {time.perf_counter() - started:.1f} s")
    return data_dir


def time_first_paint(command: list[str], env: dict[str, str]) -> float:
    """Seconds from just before Popen to the first-paint time the child prints."""
    started = time.time()
    child = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        out, err = child.communicate(timeout=RUN_TIMEOUT)
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()
        raise BenchError(f"timed out after {RUN_TIMEOUT:.0f} s: {' '.join(command)}") from None
    painted = [line.split()[1] for line in out.splitlines() if line.startswith("first-paint ")]
    if child.returncode != 0 or not painted:
        raise BenchError(
            f"{' '.join(command)} exited {child.returncode} "
            f"{'without a first-paint line' if not painted else ''}\n{err.strip()[-2000:]}"
        )
    return float(painted[0]) - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs of each (min 5)")
    parser.add_argument("--cases", type=int, default=10_000, help="cases in the store")
    parser.add_argument("--check", action="store_true", help="exit 1 if a target is missed")
    parser.add_argument(
        "--no-pyc", action="store_true", help="no bytecode cache: compile every start"
    )
    args = parser.parse_args(argv)
    if args.runs < 5:
        parser.error("--runs must be at least 5")

    try:
        data_dir = ensure_store(args.cases)
        env = child_env(pyc=not args.no_pyc)
        app = [sys.executable, "-m", "console", "--data-dir", str(data_dir), "run"]
        bare = [sys.executable, str(BARE_WINDOW)]
        # One untimed run of each warms the page cache and the bytecode cache.
        time_first_paint(bare, env)
        time_first_paint(app, env)
        app_times: list[float] = []
        bare_times: list[float] = []
        for _ in range(args.runs):
            bare_times.append(time_first_paint(bare, env))
            app_times.append(time_first_paint(app, env))
    except BenchError as error:
        print(f"startup: FAILED: {error}", file=sys.stderr)
        return 2

    console, baseline = Stats.of(app_times), Stats.of(bare_times)
    ratio = console.median / baseline.median
    print()
    store_mib = sum(f.stat().st_size for f in data_dir.glob("tandem.sqlite3*")) / 2**20
    print(f"P1: process start -> first paint, offscreen, {args.runs} runs each (seconds)")
    print(
        f"Python {platform.python_version()}, {os.cpu_count()} CPUs, "
        f"bytecode {'not cached' if args.no_pyc else 'cached'}, store {store_mib:.0f} MiB"
    )
    print(f"{'':<34}{'median':>8}{'min':>8}{'max':>8}")
    print(console.row(f"console, {args.cases:,} cases"))
    print(baseline.row("bare QMainWindow"))
    print(f"{'ratio (median / median)':<34}{ratio:7.2f}x")
    print()
    within_time = console.median <= TARGET_SECONDS
    within_ratio = ratio <= TARGET_RATIO
    print(
        f"target P1 <= {TARGET_SECONDS} s: {'met' if within_time else 'MISSED'} "
        f"({console.median:.3f} s)"
    )
    print(
        f"target P1 <= {TARGET_RATIO:g}x bare: {'met' if within_ratio else 'MISSED'} ({ratio:.2f}x)"
    )
    ok = within_time and within_ratio
    print(f"verdict: {'PASS' if ok else 'FAIL'}")
    return 1 if args.check and not ok else 0


if __name__ == "__main__":
    sys.exit(main())
