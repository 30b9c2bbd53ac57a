"""Write-back figures against their goals: P7 (approve → durable) and the outbox drain.

P7  the time for ``await services.decisions.approve(...)`` to return — the authority
    re-check, the decision, its audit record, timeline event and one outbox row per
    refund step, committed (WAL, ``synchronous=FULL``) — for a proposal of two refund
    steps, timed on the caller's event loop:
      quiet:     nothing else running; goal p95 <= 2 ms
      draining:  while the dispatcher drains a backlog at full rate in its own process
                 (as the console runs it: ``tandem dispatch``, default settings) to the
                 sandbox on loopback; goal p95 <= 5 ms. As the console starts them, the
                 dispatcher's sending loop and the sandbox give way to it (Linux's idle
                 scheduling class, console/background.py), and the dispatcher waits
                 for the console's writes (console/store/db.py, WriterPriority)
DRAIN  approved refunds delivered per second from a backlog to the loopback sandbox (from
    the dispatcher's start until no row is pending or sending); goal >= 1,000/s.

Where the time goes: the CPU seconds of this process (the dispatcher's thread, the store's
writer, the approving loop) and of the sandbox process over the drain, per action; and,
for comparison, the same refunds sent straight to the sandbox by a bare httpx client with
the same concurrency (no store, no dispatcher). ``--profile`` runs the dispatcher under
cProfile (on its own thread and loop) and prints the top functions by cumulative time.

Everything runs in a temporary folder: a fresh store with the 12 demo cases of seed 1 and
a sandbox seeded with the same cases.

    .venv/bin/python bench/writeback.py [--approvals 500] [--backlog 5000] [--profile]
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import io
import os
import pstats
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx
from pydantic import TypeAdapter

from console.app import open_services
from console.connectors.registry import connectors_for, routes, sandbox_base_urls
from console.connectors.rest import form_pairs
from console.connectors.stripe import refund_form
from console.domain.actions import PlanStep
from console.domain.case import OwnerKind
from console.domain.facts import CaseFacts
from console.domain.kinds import Role
from console.domain.proposal import PlannerIdentity, Proposal
from console.sandbox.process import SandboxProcess, start
from console.services import Services
from console.services.demo import generate_cases
from console.services.dispatcher import Dispatcher
from console.services.planning import PlanningService
from console.services.roles import Principal
from console.store import repositories as repo

STEPS: TypeAdapter[PlanStep] = TypeAdapter(PlanStep)
GOAL_QUIET_MS = 2.0
GOAL_DRAIN_MS = 5.0
GOAL_RATE = 1000.0
BACKLOG_STEPS = 50  # steps per proposal when building a backlog (fewer plans to store)
CONCURRENCY = 16  # DispatchSettings().concurrency


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))]


def figures(label: str, values_ms: list[float], goal_ms: float) -> str:
    p50, p95, p99 = (pct(values_ms, q) for q in (50, 95, 99))
    verdict = "met" if p95 <= goal_ms else "MISSED"
    return (
        f"{label}: n={len(values_ms)}  p50 {p50:.2f} ms  p95 {p95:.2f} ms  p99 {p99:.2f} ms"
        f"  max {max(values_ms):.2f} ms  mean {statistics.fmean(values_ms):.2f} ms"
        f"  [goal p95 <= {goal_ms:g} ms: {verdict}]"
    )


def cpu_of(pid: int) -> float | None:
    """A process's user+system CPU seconds (Linux /proc), or None elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class ListPlanner:
    identity = PlannerIdentity(name="bench", version="1")

    def __init__(self) -> None:
        self.next: tuple[str, list[PlanStep]] | None = None

    async def plan(self, facts: CaseFacts) -> Proposal:
        assert self.next is not None
        pid, steps = self.next
        return Proposal(
            id=pid,
            case_id=facts.case.id,
            created_at=facts.now,
            planner=self.identity,
            summary="Refund a cent.",
            steps=steps,
            confidence=0.9,
            input_digest=facts.digest(),
        )


class Desk:
    """Proposals of one-cent refunds on the demo cases' charges, approved as an agent."""

    def __init__(self, services: Services, sandbox: SandboxProcess) -> None:
        self.services = services
        self.sandbox = sandbox
        self.planner = ListPlanner()
        self.planning = PlanningService(
            services.store,
            services.bus,
            self.planner,
            policies=services.policies,
            controls=services.controls,
        )
        self.count = 0
        self.targets: list[dict[str, Any]] = []
        conn = services.store.reader()
        with httpx.Client(base_url=sandbox.base_url, trust_env=False) as client:
            for case_file in generate_cases(12, 1):
                refs = case_file.case.external_refs
                if not refs.order_ids:
                    continue
                for pid in refs.payment_ids:
                    charge = client.get(f"/payments/v1/charges/{pid}").json()
                    if charge["amount"] - charge["amount_refunded"] < 15_000:
                        continue
                    owner = repo.get_case(conn, case_file.case.id).owner
                    agent = owner.id if owner.kind is OwnerKind.AGENT and owner.id else "agent-1"
                    self.targets.append(
                        {
                            "case_id": case_file.case.id,
                            "payment_id": pid,
                            "order_id": refs.order_ids[0],
                            "currency": str(charge["currency"]).upper(),
                            "by": Principal(agent, agent, Role.AGENT),
                        }
                    )
                    break

    async def propose(self, steps: int) -> tuple[dict[str, Any], str]:
        """Plan a proposal of ``steps`` one-cent refunds on the next case (not timed)."""
        self.count += 1
        target = self.targets[self.count % len(self.targets)]
        pid = f"prop-bench-{self.count:06d}"
        plan = [
            STEPS.validate_python(
                {
                    "step_id": f"s{j}",
                    "action": "refund",
                    "params": {
                        "order_id": target["order_id"],
                        "payment_id": target["payment_id"],
                        "amount": {"amount": "0.01", "currency": target["currency"]},
                        "reason": f"bench {pid}/s{j}",
                    },
                }
            )
            for j in range(steps)
        ]
        self.planner.next = (pid, plan)
        await self.planning.plan(target["case_id"])
        return target, pid

    async def approve(self, steps: int = 2) -> float:
        """Plan, then approve; the approval's own time in ms."""
        target, pid = await self.propose(steps)
        started = time.perf_counter()
        await self.services.decisions.approve(target["case_id"], pid, target["by"])
        return (time.perf_counter() - started) * 1000

    async def backlog(self, actions: int) -> None:
        for _ in range(0, actions, BACKLOG_STEPS):
            await self.approve(BACKLOG_STEPS)

    def open_rows(self) -> int:
        row = (
            self.services.store.reader()
            .execute("SELECT count(*) FROM outbox WHERE state IN ('pending', 'sending')")
            .fetchone()
        )
        return int(row[0])

    def states(self) -> dict[str, int]:
        rows = self.services.store.reader().execute(
            "SELECT state, count(*) FROM outbox GROUP BY state"
        )
        return {state: count for state, count in rows}


def dispatcher_thread(desk: Desk, profile: cProfile.Profile) -> Any:
    """A Dispatcher on a thread of our own, under cProfile (``--profile``)."""
    services = desk.services

    def build() -> tuple[Dispatcher, Callable[[], Any]]:
        connectors = connectors_for(None, sandbox_base_urls(desk.sandbox.base_url), None)
        dispatcher = Dispatcher(
            services.store,
            routes(connectors),
            policies=services.policies,
            controls=services.controls,
        )
        return dispatcher, connectors.aclose

    return ProfiledThread(build, profile)


class ProfiledThread:
    """A Dispatcher on its own thread and loop, under cProfile (only that thread)."""

    def __init__(
        self, build: Callable[[], tuple[Dispatcher, Callable[[], Any]]], profile: cProfile.Profile
    ) -> None:
        self._build, self._profile = build, profile
        self._stop: asyncio.Event | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._main, daemon=True)
        self._thread.start()
        self._ready.wait(30)

    def _main(self) -> None:
        self._profile.enable()
        try:
            asyncio.run(self._serve())
        finally:
            self._profile.disable()

    async def _serve(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        dispatcher, close = self._build()
        self._ready.set()
        try:
            await dispatcher.run(self._stop)
        finally:
            await close()

    def wake(self) -> None:
        pass  # the profiled drain approves nothing meanwhile

    def stop(self) -> None:
        if self._loop is not None and self._stop is not None:
            self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(30)


async def drain(
    desk: Desk, data_dir: Path, approvals: bool, profile: cProfile.Profile | None
) -> tuple[int, float, float, float | None, list[float]]:
    """Start the dispatcher on the queued backlog and wait until the backlog is delivered;
    with ``approvals``, approve meanwhile (an approval every few ms), timing each.
    (backlog actions, seconds to deliver them, this process's CPU s, the sandbox's, P7 ms)"""
    store = desk.services.store
    cutoff = store.reader().execute("SELECT max(rowid) FROM outbox").fetchone()[0] or 0
    total = desk.open_rows()

    def backlog_left() -> int:
        row = (
            store.reader()
            .execute(
                "SELECT count(*) FROM outbox WHERE rowid <= ? AND state IN ('pending', 'sending')",
                (cutoff,),
            )
            .fetchone()
        )
        return int(row[0])

    cpu0, sandbox0 = time.process_time(), cpu_of(desk.sandbox.pid)
    started = time.perf_counter()
    child: int | None = None
    if profile is None:  # the product: the dispatcher in a process of its own
        writeback = desk.services.writeback
        await writeback.start(sandbox_base_urls(desk.sandbox.base_url))
        thread: Any = writeback
        child = writeback._process.pid
        child0 = cpu_of(child)
    else:
        thread = dispatcher_thread(desk, profile)
    latencies: list[float] = []
    try:
        while backlog_left():
            if approvals:
                latencies.append(await desk.approve(2))
                thread.wake()  # as the console's write-back service does on approval
                await asyncio.sleep(0.002)
            else:  # look rarely: each look is a count over the backlog, on the CPU the
                await asyncio.sleep(0.02)  # drain would use (it overstates the time by <1 %)
        elapsed = time.perf_counter() - started
        cpu = time.process_time() - cpu0
        if child is not None:
            child1 = cpu_of(child)
            if child0 is not None and child1 is not None:
                cpu += child1 - child0  # Tandem's CPU: the console's and its dispatcher's
        sandbox1 = cpu_of(desk.sandbox.pid)
        while desk.open_rows():  # noqa: ASYNC110 (another thread writes the store)
            await asyncio.sleep(0.01)  # what was approved meanwhile, before stopping
    finally:
        thread.stop()
    sandbox_cpu = None if sandbox0 is None or sandbox1 is None else sandbox1 - sandbox0
    return total, elapsed, cpu, sandbox_cpu, latencies


async def bare_client(sandbox: SandboxProcess, desk: Desk, count: int) -> tuple[float, float]:
    """The same refunds sent straight to the sandbox by one httpx client, 16 at a time:
    (actions/s, this process's CPU ms per action)."""
    target = desk.targets[0]
    limit = asyncio.Semaphore(CONCURRENCY)
    async with httpx.AsyncClient(
        base_url=f"{sandbox.base_url}/payments",
        trust_env=False,
        limits=httpx.Limits(max_connections=CONCURRENCY),
    ) as client:

        async def one(n: int) -> None:
            params = {
                "payment_id": target["payment_id"],
                "order_id": target["order_id"],
                "amount": {"amount": "0.01", "currency": target["currency"]},
                "reason": f"bare {n}",
            }
            key = f"bare-{os.getpid()}-{n}"
            body = urlencode(form_pairs(refund_form(params, key)))
            async with limit:
                reply = await client.post(
                    "/v1/refunds",
                    content=body.encode(),
                    headers={
                        "Idempotency-Key": key,
                        "Content-Type": "application/x-www-form-urlencoded",
                    },
                )
            assert reply.status_code == 200, reply.text

        cpu0 = time.process_time()
        started = time.perf_counter()
        await asyncio.gather(*(one(n) for n in range(count)))
        elapsed = time.perf_counter() - started
        cpu = time.process_time() - cpu0
    return count / elapsed, cpu / count * 1000


def report_drain(label: str, result: tuple[Any, ...], *, goal: bool = True) -> None:
    actions, elapsed, cpu, sandbox_cpu, _ = result
    rate = actions / elapsed
    verdict = "met" if rate >= GOAL_RATE else "MISSED"
    print(
        f"{label}: {actions} actions in {elapsed:.2f} s = {rate:,.0f} actions/s"
        + (
            f"  [goal >= {GOAL_RATE:,.0f}/s: {verdict}]"
            if goal
            else "  [no goal: the approvals come first]"
        )
    )
    line = f"    CPU: Tandem process {cpu / actions * 1000:.2f} ms/action"
    if sandbox_cpu is not None:
        line += f", sandbox process {sandbox_cpu / actions * 1000:.2f} ms/action"
    print(line + f" (wall {elapsed / actions * 1000:.2f} ms/action)")


async def main(args: argparse.Namespace, services: Services, sandbox: SandboxProcess) -> None:
    desk = Desk(services, sandbox)
    data_dir = Path(services.data_dir)
    print(
        f"sandbox {sandbox.base_url}; {len(desk.targets)} charges; Python {sys.version.split()[0]}"
    )

    for _ in range(20):  # warm up: imports, statement caches, the page cache
        await desk.approve(2)
    quiet = [await desk.approve(2) for _ in range(args.approvals)]
    print(figures("P7 approve -> durable, quiet store", quiet, GOAL_QUIET_MS))

    profile = cProfile.Profile() if args.profile else None
    await desk.backlog(args.backlog)
    report_drain("DRAIN backlog -> loopback sandbox", await drain(desk, data_dir, False, profile))

    await desk.backlog(args.backlog)
    during = await drain(desk, data_dir, True, None)
    print(figures("P7 approve -> durable, while draining", during[4], GOAL_DRAIN_MS))
    report_drain("DRAIN while approving", during, goal=False)

    states = desk.states()
    print(f"outbox states at the end: {states}")

    rate, cpu_ms = await bare_client(sandbox, desk, min(args.backlog, 3000))
    print(
        f"BARE httpx client -> sandbox (no store, no dispatcher, {CONCURRENCY} at a time): "
        f"{rate:,.0f} refunds/s, client CPU {cpu_ms:.2f} ms/request"
    )
    if profile is not None:
        text = io.StringIO()
        pstats.Stats(profile, stream=text).sort_stats("cumulative").print_stats(30)
        print("cProfile of the dispatcher thread (the first drain), by cumulative time:")
        print(text.getvalue())


def run() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--approvals", type=int, default=500, help="quiet P7 samples")
    parser.add_argument("--backlog", type=int, default=5000, help="actions queued per drain")
    parser.add_argument("--profile", action="store_true", help="cProfile the dispatcher")
    parser.add_argument(
        "--switch-interval",
        type=float,
        default=None,
        metavar="MS",
        help="sys.setswitchinterval for this run (Python's default: 5 ms)",
    )
    args = parser.parse_args()
    if args.switch_interval is not None:
        sys.setswitchinterval(args.switch_interval / 1000)
    print(f"GIL switch interval {sys.getswitchinterval() * 1000:g} ms")
    with tempfile.TemporaryDirectory(prefix="tandem-bench-writeback-") as folder:
        root = Path(folder)
        with start(root / "remote", demo_cases=12) as sandbox:
            services = open_services(root / "data")
            try:
                asyncio.run(services.demo.seed(12, seed=1))
                asyncio.run(main(args, services, sandbox))
            finally:
                services.close()


if __name__ == "__main__":
    run()
