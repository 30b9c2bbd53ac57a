"""Idempotency keys on the sandbox's writes, with Stripe's semantics, over real HTTP."""

from __future__ import annotations

import threading
from collections.abc import Callable

import httpx

from console.sandbox.process import SandboxProcess

from .conftest import DemoIds, http, wait_for

REFUNDS = "/payments/v1/refunds"


def _refunds_of(client: httpx.Client, charge: str) -> int:
    reply = client.get(REFUNDS, params={"charge": charge, "limit": 100})
    return len(reply.json()["data"])


def test_same_key_twice_gives_one_refund_and_an_identical_replay(
    client: httpx.Client, demo: DemoIds
) -> None:
    before = _refunds_of(client, demo.charge_id)
    body = {"charge": demo.charge_id, "amount": "150", "reason": "requested_by_customer"}
    headers = {"Idempotency-Key": "idem-twice"}

    first = client.post(REFUNDS, data=body, headers=headers)
    again = client.post(REFUNDS, data=body, headers=headers)

    assert first.status_code == again.status_code == 200
    assert again.content == first.content
    assert again.headers["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first.headers
    assert _refunds_of(client, demo.charge_id) == before + 1


def test_same_key_with_other_parameters_is_refused(client: httpx.Client, demo: DemoIds) -> None:
    headers = {"Idempotency-Key": "idem-other-body"}
    first = client.post(REFUNDS, data={"charge": demo.charge_id, "amount": "50"}, headers=headers)
    other = client.post(REFUNDS, data={"charge": demo.charge_id, "amount": "51"}, headers=headers)

    assert first.status_code == 200
    assert other.status_code == 422
    assert other.json()["error"]["type"] == "idempotency_error"
    assert "same parameters" in other.json()["error"]["message"]


def test_same_key_is_refused_while_the_first_request_is_in_flight(
    client: httpx.Client, sandbox: SandboxProcess, demo: DemoIds
) -> None:
    client.post("/_sandbox/faults", json={"payments": {"latency_ms": 1500}})
    body = {"charge": demo.charge_id, "amount": "25"}
    headers = {"Idempotency-Key": "idem-in-flight"}
    results: list[httpx.Response] = []

    def first_request() -> None:
        with http(sandbox.base_url) as other:
            results.append(other.post(REFUNDS, data=body, headers=headers))

    worker = threading.Thread(target=first_request)
    worker.start()
    try:
        wait_for(
            lambda: client.get("/_sandbox/health").json()["in_flight"] == 1, "the first request"
        )
        second = client.post(REFUNDS, data=body, headers=headers)
    finally:
        worker.join(timeout=10)

    assert second.status_code == 409
    assert second.headers["Retry-After"] == "1"
    assert second.json()["error"]["code"] == "idempotency_key_in_use"
    assert results[0].status_code == 200
    client.delete("/_sandbox/faults")
    replay = client.post(REFUNDS, data=body, headers=headers)
    assert replay.headers["Idempotent-Replayed"] == "true"
    assert replay.content == results[0].content


def test_requests_without_a_key_are_each_carried_out(client: httpx.Client, demo: DemoIds) -> None:
    before = _refunds_of(client, demo.charge_id)
    body = {"charge": demo.charge_id, "amount": "10"}
    assert client.post(REFUNDS, data=body).status_code == 200
    assert client.post(REFUNDS, data=body).status_code == 200
    assert _refunds_of(client, demo.charge_id) == before + 2


def test_an_expired_key_counts_as_new(
    own_sandbox: Callable[..., SandboxProcess], demo: DemoIds
) -> None:
    process = own_sandbox(key_lifetime_s=0.3)
    with http(process.base_url) as client:
        body = {"sku": demo.sku, "warehouse": "DE-BER", "delta": "3", "reason": "count"}
        headers = {"Idempotency-Key": "idem-expiring"}
        first = client.post("/inventory/v1/adjustments", json=body, headers=headers)
        assert first.status_code == 201

        def processed_again() -> httpx.Response | None:
            reply = client.post("/inventory/v1/adjustments", json=body, headers=headers)
            return None if reply.headers.get("Idempotent-Replayed") else reply

        again = wait_for(processed_again, "the key to expire")
        assert again.status_code == 201
        assert again.json()["id"] != first.json()["id"]
        assert again.json()["on_hand"] == first.json()["on_hand"] + 3


def test_a_replay_survives_a_killed_and_restarted_server(
    own_sandbox: Callable[..., SandboxProcess], demo: DemoIds
) -> None:
    process = own_sandbox()
    body = {"charge": demo.charge_id, "amount": "99", "metadata[case]": "restart"}
    headers = {"Idempotency-Key": "idem-restart"}
    with http(process.base_url) as client:
        first = client.post(REFUNDS, data=body, headers=headers)
    assert first.status_code == 200
    process.kill()

    restarted = own_sandbox(port=process.port)
    with http(restarted.base_url) as client:
        replay = client.post(REFUNDS, data=body, headers=headers)
        assert replay.headers["Idempotent-Replayed"] == "true"
        assert replay.content == first.content
        assert _refunds_of(client, demo.charge_id) == 1
