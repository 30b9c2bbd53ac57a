"""P6: playbook planning time per case over the demo set.

Builds the planner's facts for N demo cases first (untimed), loads the playbooks once
(timed: YAML parse and validation), then times ``PlaybookPlanner.plan_now`` on each case.
Prints p50, p95 and max per case in milliseconds, and the verdict against the target:
p95 ≤ 5 ms.

    .venv/bin/python bench/planner.py [--cases 1000] [--seed 1] [--rounds 3] [--check]
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from console.ai.playbook_model import load_playbooks  # noqa: E402
from console.ai.playbooks import PlaybookPlanner  # noqa: E402
from console.domain.facts import MAX_FACT_EVENTS, CaseFacts  # noqa: E402
from console.services.demo import generate_cases  # noqa: E402

TARGET_P95_MS = 5.0
ANCHOR = datetime(2026, 3, 1, tzinfo=UTC)


def _facts(cases: int, seed: int) -> list[CaseFacts]:
    out: list[CaseFacts] = []
    for cf in generate_cases(cases, seed, anchor=ANCHOR):
        now = cf.events[-1].occurred_at if cf.events else cf.case.updated_at
        events = cf.events[-MAX_FACT_EVENTS:]
        out.append(CaseFacts(case=cf.case, customer=cf.customer, events=events, now=now))
    return out


def _percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=1000, help="demo cases (default: 1000)")
    parser.add_argument("--seed", type=int, default=1, help="demo seed (default: 1)")
    parser.add_argument("--rounds", type=int, default=3, help="timed passes (default: 3)")
    parser.add_argument("--check", action="store_true", help="exit 1 if the target is missed")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    facts = _facts(args.cases, args.seed)
    built = time.perf_counter() - started

    started = time.perf_counter()
    playbooks = load_playbooks()
    load_ms = (time.perf_counter() - started) * 1000
    planner = PlaybookPlanner(playbooks=playbooks)

    for case in facts[:50]:  # warm-up, untimed
        planner.plan_now(case)
    samples: list[float] = []
    for _ in range(args.rounds):
        for case in facts:
            t0 = time.perf_counter()
            planner.plan_now(case)
            samples.append((time.perf_counter() - t0) * 1000)

    p50, p95, worst = (
        statistics.median(samples),
        _percentile(samples, 0.95),
        max(samples),
    )
    print(f"P6 playbook planner — {platform.python_implementation()} {platform.python_version()}")
    print(f"{len(facts)} demo cases (seed {args.seed}), facts built in {built:.2f} s (untimed)")
    print(f"{args.rounds} round(s), {len(samples)} plans")
    print(f"playbook load (YAML + validation, once): {load_ms:8.2f} ms")
    print(f"{'per case':<39}{'p50':>8}{'p95':>8}{'max':>8}")
    print(f"{'plan_now (ms)':<39}{p50:8.3f}{p95:8.3f}{worst:8.3f}")
    ok = p95 <= TARGET_P95_MS
    print(f"target p95 ≤ {TARGET_P95_MS:.0f} ms: {'met' if ok else 'MISSED'}")
    return 0 if ok or not args.check else 1


if __name__ == "__main__":
    sys.exit(main())
