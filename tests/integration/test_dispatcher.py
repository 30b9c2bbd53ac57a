"""The write-back dispatcher against the real sandbox over loopback: approved steps are done
once, failures back off and open the breaker, a lost answer is sent again under the same
key, an old one is reconciled by lookup, and every outcome is on the timeline and the
audit trail."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import Any

import httpx
import pytest
from pydantic import TypeAdapter

from console.connectors.registry import ConnectorSet, connectors_for, routes, sandbox_base_urls
from console.domain.actions import PlanStep
from console.domain.base import utc_now
from console.domain.errors import ConflictError, InvalidInput
from console.domain.kinds import ExecutionState, Role
from console.domain.proposal import Proposal
from console.sandbox.process import SandboxProcess
from console.services import Services
from console.services.dispatcher import Dispatcher, DispatchSettings
from console.services.planning import PlanningService
from console.services.roles import Principal
from console.store import audit, outbox
from tests.aio import run
from tests.planners import StaticPlanner

from .conftest import DemoIds

AGENT = Principal("agent-1", "Ana Agent", Role.AGENT)
STEPS: TypeAdapter[PlanStep] = TypeAdapter(PlanStep)


class Clock:
    def __init__(self) -> None:
        self.now = utc_now() + timedelta(seconds=1)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


class Desk:
    """The demo cases (the sandbox holds the same ones) and a dispatcher to the sandbox."""

    def __init__(self, services: Services, sandbox: SandboxProcess, demo: DemoIds) -> None:
        self.services = services
        self.sandbox = sandbox
        self.demo = demo
        run(services.demo.seed(12, seed=1))
        conn = services.store.reader()
        self.case_id = conn.execute(
            "SELECT case_id FROM case_refs WHERE kind = 'payment_id' AND ref = ?",
            (demo.charge_id,),
        ).fetchone()[0]
        self.planner = StaticPlanner()
        self.planning = PlanningService(
            services.store,
            services.bus,
            self.planner,
            policies=services.policies,
            controls=services.controls,
        )
        self.clock = Clock()

    def charge(self) -> dict[str, Any]:
        with httpx.Client(base_url=self.sandbox.base_url, trust_env=False) as client:
            data: dict[str, Any] = client.get(f"/payments/v1/charges/{self.demo.charge_id}").json()
            return data

    def refunds(self) -> list[dict[str, Any]]:
        with httpx.Client(base_url=self.sandbox.base_url, trust_env=False) as client:
            got = client.get(
                "/payments/v1/refunds", params={"charge": self.demo.charge_id, "limit": 100}
            )
            data: list[dict[str, Any]] = got.json()["data"]
            return data

    def refund_step(self, step_id: str, amount: str = "1.10") -> PlanStep:
        charge = self.charge()
        case = run(self.services.cases.detail(self.case_id)).case
        return STEPS.validate_python(
            {
                "step_id": step_id,
                "action": "refund",
                "params": {
                    "order_id": charge["metadata"].get("order_id")
                    or case.external_refs.order_ids[0],
                    "payment_id": self.demo.charge_id,
                    "amount": {"amount": amount, "currency": charge["currency"].upper()},
                    "reason": "Parcel arrived late",
                },
            }
        )

    def approve(self, *steps: PlanStep) -> Proposal:
        self.planner.steps = list(steps)
        proposal = run(self.planning.plan(self.case_id))
        run(self.services.decisions.approve(self.case_id, proposal.id, AGENT))
        return proposal

    def dispatch(self, settings: DispatchSettings | None = None, rounds: int = 50) -> list[int]:
        """Run the dispatcher pass by pass, moving the clock to each next due time."""

        async def go() -> list[int]:
            connectors: ConnectorSet = connectors_for(
                None, sandbox_base_urls(self.sandbox.base_url), None
            )
            dispatcher = Dispatcher(
                self.services.store,
                routes(connectors),
                policies=self.services.policies,
                controls=self.services.controls,
                settings=settings,
                clock=self.clock,
                rng=random.Random(7),
            )
            handled = []
            try:
                await dispatcher.recover()
                for _ in range(rounds):
                    n = await dispatcher.run_once()
                    handled.append(n)
                    due = outbox.next_due(self.services.store.reader())
                    if due is None:
                        break
                    self.clock.now = max(self.clock.now, datetime.fromisoformat(due))
                self.sent = dispatcher.sent
            finally:
                await connectors.aclose()
            return handled

        return run(go())

    def rows(self) -> list[outbox.OutboxRow]:
        return outbox.rows_for_case(self.services.store.reader(), self.case_id)

    def faults(self, client: httpx.Client, **payments: Any) -> None:
        reply = client.post("/_sandbox/faults", json={"seed": 3, "payments": payments})
        assert reply.status_code == 200, reply.text


@pytest.fixture
def desk(
    empty_services: Services, sandbox: SandboxProcess, demo: DemoIds, client: httpx.Client
) -> Desk:
    return Desk(empty_services, sandbox, demo)


def test_approved_steps_are_done_once_with_their_outcome_on_the_record(desk: Desk) -> None:
    before = len(desk.refunds())
    desk.approve(desk.refund_step("s1"))
    rows = desk.rows()
    assert [(r.action, r.destination, r.state) for r in rows] == [
        ("refund", "payments", ExecutionState.PENDING)
    ]
    desk.dispatch()
    (row,) = desk.rows()
    assert row.state is ExecutionState.DELIVERED
    assert row.remote_ref
    refunds = desk.refunds()
    assert len(refunds) == before + 1
    assert refunds[0]["metadata"]["tandem_key"] == row.idempotency_key
    last = desk.services.cases.timeline_page(
        desk.case_id,
        desk.services.cases.timeline_length(desk.case_id),
        desk.services.cases.timeline_length(desk.case_id),
    )[0]
    assert last.kind.value == "action_status"
    assert audit.verify(desk.services.store.reader()).ok


def test_failures_back_off_open_the_breaker_and_everything_lands_once(
    desk: Desk, client: httpx.Client
) -> None:
    before = len(desk.refunds())
    desk.approve(*(desk.refund_step(f"s{n}", "1.05") for n in range(3)))
    desk.faults(client, error_rate=1.0, retry_after_s=2)
    desk.dispatch(rounds=8)
    conn = desk.services.store.reader()
    breaker = outbox.breakers(conn)["payments"]
    assert breaker.state in ("open", "half_open")
    assert breaker.failures >= 5
    assert all(r.state is ExecutionState.PENDING for r in desk.rows())
    assert all(r.attempts >= 1 for r in desk.rows())
    assert "503" in (desk.rows()[0].last_error or "") or desk.rows()[0].last_error
    client.delete("/_sandbox/faults")
    desk.clock.advance(120)
    desk.dispatch()
    assert [r.state for r in desk.rows()] == [ExecutionState.DELIVERED] * 3
    assert len(desk.refunds()) == before + 3
    assert outbox.breakers(conn)["payments"].state == "closed"


def test_a_lost_answer_is_sent_again_under_the_same_key(desk: Desk, client: httpx.Client) -> None:
    before = len(desk.refunds())
    desk.approve(desk.refund_step("s1", "1.20"))
    desk.faults(client, drop_response_rate=1.0)
    desk.dispatch(rounds=1)
    (row,) = desk.rows()
    assert row.state is ExecutionState.PENDING
    assert "unknown" in (row.last_error or "").lower()
    client.delete("/_sandbox/faults")
    assert len(desk.refunds()) == before + 1  # the sandbox did it; the answer was lost
    desk.dispatch()
    (row,) = desk.rows()
    assert row.state is ExecutionState.DELIVERED
    assert len(desk.refunds()) == before + 1  # replayed, not repeated


def test_an_old_unknown_outcome_is_reconciled_by_lookup(desk: Desk, client: httpx.Client) -> None:
    before = len(desk.refunds())
    desk.approve(desk.refund_step("s1", "1.30"))
    desk.faults(client, drop_response_rate=1.0)
    settings = DispatchSettings(key_lifetime={"payments": 10.0})
    desk.dispatch(settings, rounds=1)
    client.delete("/_sandbox/faults")
    desk.clock.advance(60)  # well past 0.8 × the key's lifetime
    desk.dispatch(settings)
    (row,) = desk.rows()
    assert row.state is ExecutionState.RECONCILED
    assert row.remote_ref
    assert len(desk.refunds()) == before + 1


SUPERVISOR = Principal("sup-1", "Sam Supervisor", Role.SUPERVISOR)


def test_undoing_a_done_step_sends_its_compensation_and_keeps_the_history(
    desk: Desk, client: httpx.Client
) -> None:
    def on_hand() -> int:
        item = client.get(f"/inventory/v1/items/{desk.demo.sku}").json()
        stock = {s["warehouse"]: s["on_hand"] for s in item.get("warehouses", [])}
        return int(stock.get("WH-TEST", 0))

    adjust = STEPS.validate_python(
        {
            "step_id": "s1",
            "action": "adjust_inventory",
            "params": {"sku": desk.demo.sku, "warehouse": "WH-TEST", "delta": 3, "reason": "found"},
        }
    )
    desk.planner.steps = [adjust]
    proposal = run(desk.planning.plan(desk.case_id))
    result = run(desk.services.decisions.approve(desk.case_id, proposal.id, AGENT))
    assert result.awaiting_supervisor == ["s1"]  # inventory changes need a supervisor
    run(desk.services.decisions.approve(desk.case_id, proposal.id, SUPERVISOR, step_ids=["s1"]))
    start = on_hand()
    desk.dispatch()
    assert on_hand() == start + 3
    (done,) = desk.rows()
    assert done.state is ExecutionState.DELIVERED

    undo = run(desk.services.decisions.undo(done.id, SUPERVISOR))
    assert undo.decision.final_steps[0].params.delta == -3  # type: ignore[union-attr]
    desk.dispatch()
    first, second = desk.rows()
    assert (first.id, first.state) == (done.id, ExecutionState.DELIVERED)  # history kept
    assert (second.compensates, second.state) == (done.id, ExecutionState.DELIVERED)
    assert on_hand() == start
    with pytest.raises(ConflictError):
        run(desk.services.decisions.undo(done.id, SUPERVISOR))
    desk.approve(desk.refund_step("r1"))
    desk.dispatch()
    refund = next(r for r in desk.rows() if r.action == "refund")
    with pytest.raises(InvalidInput, match="cannot undo"):
        run(desk.services.decisions.undo(refund.id, AGENT))


def test_a_step_the_map_no_longer_allows_is_not_sent(desk: Desk) -> None:
    before = len(desk.refunds())
    desk.approve(desk.refund_step("s1", "1.40"), desk.refund_step("s2", "1.45"))
    policies = desk.services.policies
    source = policies.history()[0].source
    # Version 2: no refunds by agents at all (the agent band rule now needs a supervisor).
    band = "when: {max_amount: {USD: 50, GBP: 40, EUR: 45, CNY: 350}}\n    level:"
    rule = "  - id: refund-agent\n    action: refund\n    " + band
    stricter = source.replace("version: 1", "version: 2", 1).replace(
        rule + " agent", rule + " supervisor", 1
    )
    assert stricter != source.replace("version: 1", "version: 2", 1)
    run(policies.publish(stricter, SUPERVISOR))
    desk.dispatch()
    rows = desk.rows()
    assert [r.state for r in rows] == [ExecutionState.REJECTED] * 2
    assert "authority map in force (version 2)" in (rows[0].last_error or "")
    assert "[rule refund-agent]" in (rows[0].last_error or "")
    assert len(desk.refunds()) == before  # nothing reached the payments system
