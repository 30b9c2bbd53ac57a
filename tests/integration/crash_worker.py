"""A headless Tandem that approves refunds and writes them back — made to be SIGKILLed.

Run as ``python -m tests.integration.crash_worker PLAN_FILE`` (from the repository root).
``PLAN_FILE`` is JSON written by the test::

    {"data_dir": "...", "base_url": "http://127.0.0.1:PORT", "tag": "crash-ab12",
     "proposals": 100, "steps": 2, "fresh_keys": false, "pace": 0.01,
     "targets": [{"payment_id": "PAY-…", "order_id": "ORD-…", "currency": "USD"}, …]}

It opens Tandem's services on the data folder, seeds the 12 demo cases of seed 1 (the
sandbox holds the same ones), and then, concurrently:

* approves proposal ``n`` (id ``prop-<tag>-<n>``, ``steps`` refund steps, a few tenths of
  a unit each, within the agent's band) as an agent through
  ``services.decisions.approve`` — unless it is already approved: a restart after a kill
  never approves anything twice — and prints ``approved <n>`` once the approval is
  durable;
* runs the write-back :class:`~console.services.dispatcher.Dispatcher` on the real clock
  against the sandbox, printing ``sending <reason>`` as each request leaves.

When every proposal is approved and no outbox row is pending or sending it prints
``done`` and exits 0. Each refund's reason names its step (``<tag> P0042/s1``); the
Stripe connector sends the reason as ``metadata[tandem_reason]``, which never changes
between attempts, so the test can count the refunds each step caused.

With ``fresh_keys`` (the negative control) the payments connector is wrapped so that each
attempt carries a new idempotency key — what a dispatcher that minted keys per attempt
would do. A lost answer or a crash after sending then makes a second refund.
"""

from __future__ import annotations

import asyncio
import json
import sys
import uuid
from collections.abc import Mapping
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from console.app import open_services
from console.connectors.registry import connectors_for, routes, sandbox_base_urls
from console.domain.actions import PlanStep
from console.domain.case import OwnerKind
from console.domain.errors import NotFound
from console.domain.kinds import ActionKind, Role, StepState
from console.services import Services
from console.services.dispatcher import Dispatcher, DispatchSettings
from console.services.planning import PlanningService
from console.services.roles import Principal
from console.store import repositories as repo
from tests.planners import StaticPlanner

AGENT = Principal("agent-1", "Ana Agent", Role.AGENT)
STEPS: TypeAdapter[PlanStep] = TypeAdapter(PlanStep)
DEMO_CASES = 12
OPEN_STATES = ("pending", "sending")

# Quick retries so that a run with 20 % errors finishes in seconds (the defaults are for
# real remote systems: 1 s base, 5 s before probing an open breaker).
SETTINGS = DispatchSettings(
    batch=32,
    concurrency=16,
    base_delay=0.05,
    max_delay=0.5,
    probe_delay=0.2,
    max_probe_delay=1.0,
    idle_wait=0.2,
)


def proposal_id(tag: str, n: int) -> str:
    return f"prop-{tag}-{n:04d}"


def marker(tag: str, n: int, step: int) -> str:
    """The reason text of proposal ``n``'s step ``step``: the same on every attempt."""
    return f"{tag} P{n:04d}/s{step}"


def amount(n: int, step: int) -> str:
    """0.50 … 2.00, varied so that two refunds of one charge rarely look alike."""
    cents = 50 + (n * 37 + step * 11) % 151
    return str(Decimal(cents) / 100)


def out(line: str) -> None:
    print(line, flush=True)


class FreshKeys:
    """The negative control: a connector that sends every attempt under a new key."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    async def send(self, action: ActionKind, params: Mapping[str, Any], key: str) -> Any:
        return await self._inner.send(action, params, f"{key}-{uuid.uuid4().hex[:8]}")


class Telling:
    """Prints ``sending <reason>`` as each request leaves, so the test can kill the worker
    while one is out (its row is ``sending`` in the store by then)."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    async def send(self, action: ActionKind, params: Mapping[str, Any], key: str) -> Any:
        out(f"sending {params.get('reason', '')}")
        return await self._inner.send(action, params, key)


class Worker:
    def __init__(self, plan: dict[str, Any], services: Services) -> None:
        self.plan = plan
        self.services = services
        self.tag: str = plan["tag"]
        self.planner = StaticPlanner("Refund a little of the charge.")
        self.planning = PlanningService(
            services.store,
            services.bus,
            self.planner,
            policies=services.policies,
            controls=services.controls,
        )
        conn = services.store.reader()
        self.targets: list[dict[str, Any]] = []
        for target in plan["targets"]:
            found = conn.execute(
                "SELECT case_id FROM case_refs WHERE kind = 'payment_id' AND ref = ?",
                (target["payment_id"],),
            ).fetchone()
            if found is None:
                raise SystemExit(f"no case holds {target['payment_id']}")
            owner = repo.get_case(conn, found[0]).owner
            # A case an agent has taken over is decided by that agent.
            agent = owner.id if owner.kind is OwnerKind.AGENT and owner.id else AGENT.user_id
            by = Principal(agent, agent, Role.AGENT)
            self.targets.append({**target, "case_id": found[0], "by": by})

    def steps(self, n: int) -> tuple[str, Principal, list[PlanStep]]:
        target = self.targets[n % len(self.targets)]
        steps = [
            STEPS.validate_python(
                {
                    "step_id": f"s{j}",
                    "action": "refund",
                    "params": {
                        "order_id": target["order_id"],
                        "payment_id": target["payment_id"],
                        "amount": {"amount": amount(n, j), "currency": target["currency"]},
                        "reason": marker(self.tag, n, j),
                    },
                }
            )
            for j in range(self.plan["steps"])
        ]
        return target["case_id"], target["by"], steps

    async def approve_all(self, dispatcher: Dispatcher) -> None:
        decisions = self.services.decisions
        for n in range(self.plan["proposals"]):
            pid = proposal_id(self.tag, n)
            case_id, by, steps = self.steps(n)
            try:
                versions = await decisions.versions(pid)
            except NotFound:
                self.planner.proposal_id, self.planner.steps = pid, steps
                await self.planning.plan(case_id)
                versions = await decisions.versions(pid)
            if all(versions.state(s.step_id) is StepState.APPROVED for s in steps):
                continue
            await decisions.approve(case_id, pid, by)
            out(f"approved {n}")
            dispatcher.wake()
            if self.plan.get("pace"):
                await asyncio.sleep(self.plan["pace"])  # an agent's pace, not a machine's

    def open_rows(self) -> int:
        conn = self.services.store.reader()
        marks = ", ".join("?" * len(OPEN_STATES))
        row = conn.execute(
            f"SELECT count(*) FROM outbox WHERE state IN ({marks})", OPEN_STATES
        ).fetchone()
        return int(row[0])

    async def run(self) -> None:
        connectors = connectors_for(None, sandbox_base_urls(self.plan["base_url"]), None)
        routed = routes(connectors)
        if self.plan.get("fresh_keys"):
            routed = {kind: (dest, FreshKeys(conn)) for kind, (dest, conn) in routed.items()}
        routed = {kind: (dest, Telling(conn)) for kind, (dest, conn) in routed.items()}
        dispatcher = Dispatcher(
            self.services.store,
            routed,
            policies=self.services.policies,
            controls=self.services.controls,
            settings=SETTINGS,
        )
        stop = asyncio.Event()
        sending = asyncio.create_task(dispatcher.run(stop))
        try:
            await self.approve_all(dispatcher)
            out("approved all")
            while self.open_rows():
                if sending.done():
                    sending.result()  # raises what stopped it
                    raise SystemExit("the dispatcher stopped early")
                await asyncio.sleep(0.05)
        finally:
            stop.set()
            await sending
            await connectors.aclose()


async def main(plan: dict[str, Any]) -> None:
    services = open_services(Path(plan["data_dir"]))
    try:
        await services.demo.seed(DEMO_CASES, seed=1)
        out(f"ready {datetime.now().isoformat()}")
        await Worker(plan, services).run()
    finally:
        services.close()
    out("done")


if __name__ == "__main__":
    asyncio.run(main(json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))))
