"""Signed checkpoints leave the seat: made every N audit records and sent to the sandbox's
audit sink once; a sink holding a different checkpoint for a record says the trail was
rewritten, loudly."""

from __future__ import annotations

import httpx
import pytest

from console.connectors.secrets import SessionSecrets
from console.domain.base import utc_now
from console.sandbox.process import SandboxProcess
from console.services import Services
from console.services.audit import AuditService
from console.services.checkpoints import SINK_PATH, CheckpointConflict, CheckpointShipper
from console.store import audit
from console.store.queries import iso
from tests.aio import run


def _records(services: Services, count: int) -> None:
    def write(db: object) -> None:
        for n in range(count):
            audit.append(
                db.conn,  # type: ignore[attr-defined]
                kind="decision",
                actor_id="agent-1",
                subject_ids=[f"case-{n}"],
                payload={"n": n},
                recorded_at=iso(utc_now()),
            )

    services.store.write_sync(write)


def _shipper(
    services: Services, sandbox: SandboxProcess, client: httpx.AsyncClient, **kw: object
) -> CheckpointShipper:
    auditing = AuditService(services.store, services.data_dir, SessionSecrets(), every=5)
    return CheckpointShipper(
        services.store,
        auditing.signer,
        every=5,
        client=client,
        sink_url=f"{sandbox.base_url}/audit{SINK_PATH}",
        source="seat-1",
        **kw,  # type: ignore[arg-type]
    )


def test_checkpoints_are_made_and_sent_once(
    empty_services: Services, sandbox: SandboxProcess, client: httpx.Client
) -> None:
    services = empty_services
    _records(services, 7)

    async def go() -> tuple[int, int]:
        async with httpx.AsyncClient(trust_env=False) as http:
            shipper = _shipper(services, sandbox, http)
            first = await shipper.run_once()
            again = await shipper.run_once()
            return first, again

    first, again = run(go())
    assert (first, again) == (1, 0)
    held = client.get("/audit/v1/checkpoints", params={"source": "seat-1"}).json()["data"]
    assert [c["seq"] for c in held] == [7]
    assert audit.unsent_checkpoints(services.store.reader()) == []
    assert audit.verify(services.store.reader()).ok


def test_a_rewritten_trail_is_reported_by_the_sink(
    empty_services: Services, sandbox: SandboxProcess, client: httpx.Client
) -> None:
    services = empty_services
    _records(services, 5)
    forged = {
        "source": "seat-2",
        "seq": 5,
        "hash": "0" * 64,
        "created_at": iso(utc_now()),
        "key_fingerprint": "f" * 64,
        "signature": "AAAA",
    }
    assert client.post("/audit/v1/checkpoints", json=forged).status_code == 201
    warnings: list[str] = []

    async def go() -> None:
        async with httpx.AsyncClient(trust_env=False) as http:
            shipper = _shipper(services, sandbox, http, warn=warnings.append)
            shipper.source = "seat-2"
            await shipper.run_once()

    with pytest.raises(CheckpointConflict):
        run(go())
    assert warnings
    assert "different checkpoint for record 5" in warnings[0]
    assert len(audit.unsent_checkpoints(services.store.reader())) == 1  # not marked sent
