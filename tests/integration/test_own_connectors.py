"""Your own systems (``<data folder>/connectors/``): write-back starts with them; on a
machine with no keyring service a missing credential is asked for once per session and
kept in memory only; with a keyring it must be stored there first."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from console.sandbox.process import SandboxProcess
from console.services import Services
from tests.aio import run
from tests.unit.test_secrets import MemoryKeyring

SECRET = "orders-Zq81-session-only"


def _orders_file(data_dir: Path, base_url: str) -> None:
    folder = data_dir / "connectors"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "orders.yaml").write_text(
        f"""\
version: 1
kind: rest
destination: orders
base_url: {base_url}/orders
auth: {{type: bearer, secret: orders-api-token}}
idempotency_header: Idempotency-Key
actions:
  reship:
    method: POST
    path: /v1/orders/{{params.order_id}}/reships
    body:
      format: json
      template: {{items: "{{params.items}}", speed: "{{params.speed}}"}}
    success: {{status: [200, 201], remote_ref: id}}
""",
        encoding="utf-8",
    )


@pytest.fixture
def no_keyring() -> Iterator[None]:
    original = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        yield
    finally:
        keyring.set_keyring(original)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    original = keyring.get_keyring()
    fake = MemoryKeyring()
    keyring.set_keyring(fake)
    try:
        yield fake
    finally:
        keyring.set_keyring(original)


@pytest.mark.usefixtures("no_keyring")
def test_without_a_keyring_the_secret_is_asked_for_and_kept_in_memory(
    empty_services: Services, sandbox: SandboxProcess
) -> None:
    services = empty_services
    _orders_file(services.data_dir, sandbox.base_url)
    asked: list[tuple[str, str]] = []

    async def ask(name: str, why: str) -> str | None:
        asked.append((name, why))
        return SECRET

    async def go() -> str | None:
        try:
            return await services.writeback.start_own(ask)
        finally:
            services.writeback.stop()

    assert run(go()) is None
    assert [name for name, _ in asked] == ["orders-api-token"]
    assert "no keyring service" in asked[0][1]
    assert "never writes it to disk" in asked[0][1]
    on_disk = [
        p for p in services.data_dir.rglob("*") if p.is_file() and SECRET.encode() in p.read_bytes()
    ]
    assert on_disk == []


@pytest.mark.usefixtures("no_keyring")
def test_no_answer_means_no_write_back_and_a_reason(
    empty_services: Services, sandbox: SandboxProcess
) -> None:
    services = empty_services
    _orders_file(services.data_dir, sandbox.base_url)

    async def ask(name: str, why: str) -> str | None:
        return None

    why = run(services.writeback.start_own(ask))
    assert why is not None
    assert "orders-api-token" in why
    assert not services.writeback.running


def test_with_a_keyring_a_missing_secret_must_be_stored_first(
    empty_services: Services, sandbox: SandboxProcess, memory_keyring: MemoryKeyring
) -> None:
    services = empty_services
    _orders_file(services.data_dir, sandbox.base_url)

    async def ask(name: str, why: str) -> str | None:
        raise AssertionError("never asked when a keyring exists")

    why = run(services.writeback.start_own(ask))
    assert why is not None
    assert "tandem secret set orders-api-token" in why
    memory_keyring.set_password("tandem", "orders-api-token", SECRET)
    services.writeback._secrets = None  # read the keyring afresh

    async def go() -> str | None:
        try:
            return await services.writeback.start_own(ask)
        finally:
            services.writeback.stop()

    assert run(go()) is None


def test_a_connector_file_without_an_address_is_reported_not_fatal(
    empty_services: Services, memory_keyring: MemoryKeyring
) -> None:
    services = empty_services
    folder = services.data_dir / "connectors"
    folder.mkdir(parents=True)
    (folder / "orders.yaml").write_text(
        "version: 1\nkind: rest\ndestination: orders\nactions:\n  reship:\n"
        "    method: POST\n    path: /v1/orders/{params.order_id}/reships\n",
        encoding="utf-8",
    )

    async def ask(name: str, why: str) -> str | None:
        raise AssertionError("no secret is named")

    why = run(services.writeback.start_own(ask))
    assert why is not None
    assert "no base URL for 'orders'" in why
    assert not services.writeback.running
