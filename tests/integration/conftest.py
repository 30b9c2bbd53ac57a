"""Fixtures for the sandbox's integration tests: a real sandbox process over loopback."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from console.sandbox.process import SandboxProcess, start
from console.services.demo import generate_cases

DEMO_CASES = 12
DEADLINE_S = 10.0


@dataclass(frozen=True)
class DemoIds:
    """Ids of the seeded demo cases that the tests act on."""

    charge_id: str  # a charge with something left to refund
    order_id: str  # a shipped order
    shipment_id: str  # a shipment that is not delivered
    ticket_id: str  # a ticket that is not closed ("TCK-…")
    sku: str


def http(base_url: str) -> httpx.Client:
    # trust_env=False: loopback must never go through a proxy from the environment.
    return httpx.Client(base_url=base_url, trust_env=False, timeout=10.0)


def wait_for(condition: Callable[[], Any], what: str, deadline_s: float = DEADLINE_S) -> Any:
    """Call ``condition`` (each call a request to the sandbox) until it is truthy."""
    end = time.monotonic() + deadline_s
    while time.monotonic() < end:
        result = condition()
        if result:
            return result
    raise AssertionError(f"timed out waiting for {what}")


def emit(client: httpx.Client, count: int, type_: str = "shipment.delayed") -> list[int]:
    """Append ``count`` events in one batch; their cursors."""
    specs = [
        {"type": type_, "system": "logistics", "summary": f"test event {n}", "data": {"n": n}}
        for n in range(count)
    ]
    reply = client.post("/_sandbox/emit", json={"events": specs})
    assert reply.status_code == 201, reply.text
    return [event["cursor"] for event in reply.json()["events"]]


def _pick(client: httpx.Client) -> DemoIds:
    charge = order = shipment = ticket = sku = None
    for case_file in generate_cases(DEMO_CASES, 1):
        refs = case_file.case.external_refs
        for pid in refs.payment_ids:
            got = client.get(f"/payments/v1/charges/{pid}").json()
            if charge is None and got.get("amount_refunded", 1) == 0:
                charge = pid
        for sid in refs.shipment_ids:
            got = client.get(f"/logistics/v1/shipments/{sid}").json()
            if shipment is None and got.get("status") not in (None, "delivered"):
                shipment = sid
        for oid in refs.order_ids:
            got = client.get(f"/orders/v1/orders/{oid}").json()
            if order is None and got.get("status") in ("shipped", "delivered"):
                order, sku = oid, got["items"][0]["sku"]
        if ticket is None and refs.ticket_id:
            got = client.get(f"/tickets/api/v2/tickets/{refs.ticket_id}").json()
            if got["ticket"]["status"] != "closed":
                ticket = refs.ticket_id
    if not (charge and order and shipment and ticket and sku):
        raise AssertionError("the demo cases lack an id the tests need")
    return DemoIds(charge, order, shipment, ticket, sku)


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SandboxProcess]:
    """One sandbox process for the module, on its own data folder."""
    with start(tmp_path_factory.mktemp("sandbox"), demo_cases=DEMO_CASES) as process:
        yield process


@pytest.fixture(scope="module")
def demo(sandbox: SandboxProcess) -> DemoIds:
    with http(sandbox.base_url) as client:
        return _pick(client)


@pytest.fixture
def client(sandbox: SandboxProcess) -> Iterator[httpx.Client]:
    """A client of the module's sandbox, with every fault switched off."""
    with http(sandbox.base_url) as api:
        assert api.delete("/_sandbox/faults").status_code == 200
        yield api


@pytest.fixture
def own_sandbox(tmp_path: Path) -> Iterator[Callable[..., SandboxProcess]]:
    """Start sandboxes on this test's own data folder; all are stopped at teardown."""
    started: list[SandboxProcess] = []

    def launch(**options: Any) -> SandboxProcess:
        process = start(tmp_path, demo_cases=options.pop("demo_cases", DEMO_CASES), **options)
        started.append(process)
        return process

    yield launch
    for process in started:
        process.stop()
