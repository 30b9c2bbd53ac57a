"""The console's own wiring: in demo mode the sandbox comes up with the live feeds, the
dispatcher thread starts with it, an approval is sent at once, and a second Tandem on the
same data folder does not send it too."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from console.app import open_services
from console.domain.kinds import ExecutionState, Role
from console.services.dispatcher import DispatcherBusy, ExecutionsChanged
from console.services.roles import Principal
from console.store import outbox
from tests.aio import run

AGENT = Principal("agent-1", "Ana Agent", Role.AGENT)


def test_an_approval_in_demo_mode_is_sent_to_the_sandbox(tmp_path: Path) -> None:
    services = open_services(tmp_path / "data", sandbox=True)

    async def scenario() -> tuple[ExecutionState, str | None]:
        await services.demo.seed(120, seed=1)
        await services.live.start()
        try:
            assert services.writeback.running
            other = open_services(tmp_path / "data")
            try:
                with pytest.raises(DispatcherBusy):
                    await other.writeback.start({"payments": "http://127.0.0.1:9"})
            finally:
                other.close()
            # A reply on a case with a ticket: the playbooks propose one for every case.
            conn = services.store.reader()
            case_id = conn.execute(
                "SELECT case_id FROM case_refs WHERE kind = 'ticket_id' ORDER BY case_id LIMIT 1"
            ).fetchone()[0]
            proposal = await services.planning.plan(case_id)
            replies = [s.step_id for s in proposal.steps if s.action.value == "reply_to_customer"]
            assert replies, proposal.steps
            done = asyncio.Event()

            def changed(event: ExecutionsChanged) -> None:
                rows = outbox.rows_for_case(services.store.reader(), case_id)
                waiting = (ExecutionState.PENDING, ExecutionState.SENDING)
                if rows and all(r.state not in waiting for r in rows):
                    done.set()

            services.bus.subscribe(ExecutionsChanged, changed)
            await services.decisions.approve(case_id, proposal.id, AGENT, step_ids=replies[:1])
            await asyncio.wait_for(done.wait(), timeout=30)
            (row,) = outbox.rows_for_case(services.store.reader(), case_id)
            return row.state, row.remote_ref
        finally:
            await services.live.stop()

    try:
        state, ref = run(scenario())
    finally:
        services.close()
    assert state is ExecutionState.DELIVERED
    assert ref
