"""Builds case files for UI tests from a demo case: any id, any number of events."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from console.domain.casefile import CaseFile
from console.domain.events import Actor, ActorKind, EventSource, MessagePayload, TimelineEvent
from tests.ui.conftest import run_coro


def write_case_file(services: Any, qtbot: Any, folder: Path, *, events: int, case_id: str) -> Path:
    """A copy of the first demo case under ``case_id`` with ``events`` customer messages."""
    first = services.cases.queue_now()[0].case_id
    template: CaseFile = run_coro(qtbot, services.casefiles.export(first))
    case = template.case.model_copy(update={"id": case_id})
    start = case.opened_at
    actor = Actor(kind=ActorKind.CUSTOMER, id=template.customer.id, name=template.customer.name)
    timeline = [
        TimelineEvent(
            id=f"{case_id}-e{n}",
            case_id=case_id,
            occurred_at=start + timedelta(seconds=n),
            source=EventSource.CHAT,
            actor=actor,
            summary=f"Message number {n}",
            payload=MessagePayload(kind="customer_message", text=f"Hello, this is message {n}."),
        )
        for n in range(1, events + 1)
    ]
    case_file = CaseFile(customer=template.customer, case=case, events=timeline)
    path = folder / f"{case_id}.json"
    path.write_text(case_file.model_dump_json(), encoding="utf-8")
    return path
