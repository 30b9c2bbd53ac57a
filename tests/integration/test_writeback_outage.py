"""Write-back through a long outage and through forgotten idempotency keys, against the real
sandbox over loopback, with the dispatcher driven pass by pass on a fake clock.

* Payments down for ten simulated minutes while actions queue up: the breaker opens after
  at most five failures, at most 25 requests reach payments in those ten minutes, and once
  it is back every queued action lands exactly once.
* Answers lost (the work was done) and keys that expire on the remote side before the
  dispatcher tries again: reconcile-by-lookup finds what was done, so nothing is done
  twice. Without reconciling, the same run does refunds twice — the check can see it.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import random
import time
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from typing import Any

import httpx
import pytest

from console.connectors.registry import ConnectorSet, connectors_for, routes, sandbox_base_urls
from console.domain.kinds import ExecutionState
from console.sandbox.process import SandboxProcess
from console.services import Services
from console.services.dispatcher import Dispatcher, DispatchSettings
from console.store import audit, outbox
from tests.aio import run

from .conftest import DemoIds, _pick, http
from .test_dispatcher import STEPS, Desk

OUTAGE_S = 600.0  # ten simulated minutes
TICK_S = 1.0  # the fake clock moves a second per pass while nothing is due sooner
MAX_PROBES = 25
DONE = {ExecutionState.DELIVERED, ExecutionState.RECONCILED}


class Writeback:
    """A desk whose refunds each carry their own reason (so the sandbox's refunds can be
    counted per step) and a dispatcher kept across passes (so its ``sent`` counts)."""

    def __init__(self, desk: Desk, settings: DispatchSettings | None = None) -> None:
        self.desk = desk
        self.settings = settings or DispatchSettings()
        self.markers: list[str] = []
        self.tag = f"wb{random.Random().randrange(16**6):06x}"
        self.template = desk.refund_step("s0").model_dump(mode="json")  # while payments is up

    def queue(self, count: int) -> None:
        """Approve ``count`` refunds (one proposal, ``count`` steps) of 0.50 … 1.40."""
        steps = []
        for n in range(count):
            marker = f"{self.tag} step {len(self.markers)}"
            self.markers.append(marker)
            data = copy.deepcopy(self.template)
            data["step_id"] = f"s{n}"
            data["params"]["reason"] = marker
            data["params"]["amount"]["amount"] = f"{0.5 + (n % 10) / 10:.2f}"
            steps.append(STEPS.validate_python(data))
        self.desk.approve(*steps)

    def refunds_per_step(self) -> Counter[str]:
        counts: Counter[str] = Counter()
        for refund in refunds_all(self.desk):
            reason = refund["metadata"].get("tandem_reason", "")
            if reason.startswith(f"{self.tag} "):
                counts[reason] += 1
        return counts

    def breaker(self) -> outbox.Breaker | None:
        return outbox.breakers(self.desk.services.store.reader()).get("payments")

    def open_rows(self) -> list[outbox.OutboxRow]:
        return [r for r in self.desk.rows() if r.state not in DONE]


def drive(
    wb: Writeback,
    until: datetime | None,
    *,
    each_pass: Callable[[Dispatcher], None] | None = None,
    max_passes: int = 5000,
) -> int:
    """Run passes, moving the fake clock to the next due time (at most ``TICK_S`` ahead),
    until ``until`` or, without one, until nothing is left to send. Requests sent."""
    clock = wb.desk.clock
    store = wb.desk.services.store

    async def go() -> int:
        connectors: ConnectorSet = connectors_for(
            None, sandbox_base_urls(wb.desk.sandbox.base_url), None
        )
        dispatcher = Dispatcher(
            store,
            routes(connectors),
            policies=wb.desk.services.policies,
            controls=wb.desk.services.controls,
            settings=wb.settings,
            clock=clock,
            rng=random.Random(7),
        )
        try:
            await dispatcher.recover()
            for _ in range(max_passes):
                await dispatcher.run_once()
                if each_pass is not None:
                    each_pass(dispatcher)
                if until is None and not wb.open_rows():
                    break
                # To the next due row, at most a tick ahead; a row due already was held
                # back by the breaker: a tick, so that the probe time comes.
                step = timedelta(seconds=TICK_S)
                due = outbox.next_due(store.reader())
                if due is not None and datetime.fromisoformat(due) > clock.now:
                    step = min(step, datetime.fromisoformat(due) - clock.now)
                clock.now += step
                if until is not None and clock.now >= until:
                    break
            else:
                raise AssertionError("the dispatcher did not settle")
            return dispatcher.sent
        finally:
            await connectors.aclose()

    return run(go())


def faults(client: httpx.Client, **payments: Any) -> None:
    reply = client.post("/_sandbox/faults", json={"seed": 5, "payments": payments})
    assert reply.status_code == 200, reply.text


def refunds_all(desk: Desk) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    params: dict[str, Any] = {"charge": desk.demo.charge_id, "limit": 100}
    with http(desk.sandbox.base_url) as client:
        while True:
            page = client.get("/payments/v1/refunds", params=params).json()
            out += page["data"]
            if not page["has_more"]:
                return out
            params["starting_after"] = page["data"][-1]["id"]


@pytest.fixture
def desk(
    empty_services: Services, sandbox: SandboxProcess, demo: DemoIds, client: httpx.Client
) -> Desk:
    return Desk(empty_services, sandbox, demo)


# -- a ten-minute outage ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "down",
    [
        pytest.param({"error_rate": 1.0}, id="500s"),
        pytest.param({"error_rate": 1.0, "retry_after_s": 1}, id="500s-retry-after-1s"),
    ],
)
def test_a_ten_minute_outage_is_probed_gently_and_everything_lands_once(
    desk: Desk, client: httpx.Client, down: dict[str, Any]
) -> None:
    wb = Writeback(desk)
    faults(client, **down)
    start = desk.clock.now
    end = start + timedelta(seconds=OUTAGE_S)
    opened_after: list[int] = []

    def watch(dispatcher: Dispatcher) -> None:
        breaker = wb.breaker()
        if not opened_after and breaker is not None and breaker.state != "closed":
            opened_after.append(dispatcher.sent)

    # Actions keep being approved while payments are down: one now, more every minute.
    sent = 0
    for minute in range(10):
        wb.queue(2 if minute else 1)
        sent += drive(wb, start + timedelta(seconds=60 * (minute + 1)), each_pass=watch)
    assert desk.clock.now >= end
    assert opened_after, "the breaker never opened"
    assert opened_after[0] <= 5, opened_after
    breaker = wb.breaker()
    assert breaker is not None
    assert breaker.state in ("open", "half_open")
    assert sent <= MAX_PROBES, f"{sent} requests reached payments while it was down"
    queued = wb.open_rows()
    assert len(queued) == len(wb.markers) == 19
    assert all(r.state is ExecutionState.PENDING for r in queued)

    client.delete("/_sandbox/faults")  # back up
    assert wb.refunds_per_step() == Counter()  # nothing was done while it was down
    drive(wb, None)
    assert wb.open_rows() == []
    assert {r.state for r in desk.rows()} == {ExecutionState.DELIVERED}
    assert wb.refunds_per_step() == Counter({m: 1 for m in wb.markers})
    breaker = wb.breaker()
    assert breaker is not None
    assert breaker.state == "closed"
    # Recovery is prompt: the last probe interval (60 s) plus the longest backoff (300 s).
    assert desk.clock.now - end <= timedelta(seconds=360 + 5)
    assert audit.verify(desk.services.store.reader()).ok


def test_a_backlog_meeting_an_outage_opens_the_breaker_after_five_failures(
    desk: Desk, client: httpx.Client
) -> None:
    wb = Writeback(desk)
    wb.queue(12)  # queued while payments were still up, dispatcher not yet running
    faults(client, error_rate=1.0)
    sent = drive(wb, desk.clock.now + timedelta(seconds=2))
    breaker = wb.breaker()
    assert breaker is not None
    assert breaker.state != "closed"
    assert sent <= 5, f"{sent} requests failed before the breaker opened"


# -- forgotten keys and lost answers --------------------------------------------------------------


@pytest.fixture
def short_keys(
    own_sandbox: Callable[..., SandboxProcess], empty_services: Services
) -> Iterator[Desk]:
    """A sandbox that forgets idempotency keys after 2 s, and a desk on it."""
    sandbox = own_sandbox(key_lifetime_s=2)
    with http(sandbox.base_url) as client:
        yield Desk(empty_services, sandbox, _pick(client))


KEY_LIFETIME_S = 2.0


@pytest.mark.parametrize("reconcile", [True, False], ids=["reconciled", "control-no-reconcile"])
def test_lost_answers_under_forgotten_keys_are_reconciled_not_repeated(
    short_keys: Desk, reconcile: bool
) -> None:
    desk = short_keys
    settings = DispatchSettings(
        key_lifetime={"payments": KEY_LIFETIME_S},
        reconcile_after=0.8 if reconcile else 1e9,  # the control never looks up
        base_delay=0.5,
        max_delay=2.0,
    )
    wb = Writeback(desk, settings)
    wb.queue(5)  # no more than the breaker's threshold: every one is attempted
    with http(desk.sandbox.base_url) as client:
        faults(client, drop_response_rate=1.0)  # done at the sandbox, every answer lost
        drive(wb, desk.clock.now + timedelta(milliseconds=1))
        client.delete("/_sandbox/faults")
        assert all(r.attempts == 1 and r.state is ExecutionState.PENDING for r in desk.rows())
        assert wb.refunds_per_step() == Counter({m: 1 for m in wb.markers})
        forgot = client.post("/_sandbox/idempotency/forget")  # as if their lifetime passed
        assert forgot.json()["forgotten"] >= 5
        desk.clock.advance(KEY_LIFETIME_S * 5)  # the dispatcher knows they may be gone
        faults(client, drop_response_rate=0.3)  # still flaky
        drive(wb, None)
        client.delete("/_sandbox/faults")
    counts = wb.refunds_per_step()
    assert set(counts) == set(wb.markers)
    rows = desk.rows()
    if reconcile:
        assert counts == Counter({m: 1 for m in wb.markers})
        assert {r.state for r in rows} <= DONE
        assert ExecutionState.RECONCILED in {r.state for r in rows}
        assert audit.verify(desk.services.store.reader()).ok
    else:  # sent again under a key the sandbox forgot: done twice
        assert any(c > 1 for c in counts.values()), counts


# -- the breaker across a crash, and while it holds rows back ------------------------------------


def dispatcher_for(wb: Writeback, connectors: ConnectorSet, **kw: Any) -> Dispatcher:
    return Dispatcher(
        wb.desk.services.store,
        routes(connectors),
        policies=wb.desk.services.policies,
        controls=wb.desk.services.controls,
        settings=wb.settings,
        rng=random.Random(7),
        **kw,
    )


def test_a_crash_while_a_probe_is_out_does_not_strand_the_destination(
    desk: Desk, client: httpx.Client
) -> None:
    wb = Writeback(desk)
    wb.queue(3)
    faults(client, error_rate=1.0)
    drive(wb, desk.clock.now + timedelta(seconds=30))
    breaker = wb.breaker()
    assert breaker is not None
    assert breaker.state == "open"
    assert breaker.next_probe_at is not None
    # Payments answers again, slowly; the probe goes out and the process dies meanwhile.
    faults(client, latency_ms=3000)
    desk.clock.now = datetime.fromisoformat(breaker.next_probe_at) + timedelta(seconds=1)

    async def crash_during_probe() -> None:
        connectors = connectors_for(None, sandbox_base_urls(desk.sandbox.base_url), None)
        dispatcher = dispatcher_for(wb, connectors, clock=desk.clock)
        try:
            task = asyncio.ensure_future(dispatcher.run_once())
            await asyncio.sleep(0.5)  # claimed, the request is out
            task.cancel()  # the "crash": nothing of the pass is recorded
            with contextlib.suppress(asyncio.CancelledError):
                await task
        finally:
            await connectors.aclose()

    run(crash_during_probe())
    assert [r.state for r in desk.rows()].count(ExecutionState.SENDING) == 1
    client.delete("/_sandbox/faults")
    time.sleep(3.5)  # the slow probe has finished at the sandbox
    drive(wb, desk.clock.now + timedelta(minutes=10))  # restarted: recover(), then passes
    assert {r.state for r in desk.rows()} == {ExecutionState.DELIVERED}


def test_an_open_breaker_does_not_make_the_dispatcher_spin(
    desk: Desk, client: httpx.Client
) -> None:
    wb = Writeback(desk, DispatchSettings(base_delay=0.001, max_delay=0.001, probe_delay=60))
    wb.queue(3)
    faults(client, error_rate=1.0)
    passes = 0

    async def go() -> None:
        nonlocal passes
        connectors = connectors_for(None, sandbox_base_urls(desk.sandbox.base_url), None)
        dispatcher = dispatcher_for(wb, connectors)  # the real clock
        once = dispatcher.run_once

        async def counted() -> int:
            nonlocal passes
            passes += 1
            return await once()

        dispatcher.run_once = counted  # type: ignore[method-assign]
        stop = asyncio.Event()
        asyncio.get_running_loop().call_later(1.0, stop.set)
        try:
            await dispatcher.run(stop)
        finally:
            await connectors.aclose()

    run(go())
    breaker = wb.breaker()
    assert breaker is not None
    assert breaker.state == "open"  # opened early; the next probe is a minute away
    assert passes <= 20, f"{passes} passes in one second with nothing it may send"
