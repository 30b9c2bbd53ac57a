"""Outbox rows: one per approved step that leaves the machine."""

from __future__ import annotations

from pydantic import Field

from .actions import ActionKind, SystemName
from .base import DomainModel, Identifier, NonEmptyText, ShortText, UtcDateTime
from .kinds import ExecutionState

__all__ = [
    "Execution",
    "ExecutionState",
]


class Execution(DomainModel):
    id: Identifier
    decision_id: Identifier
    case_id: Identifier
    step_id: Identifier
    action: ActionKind
    destination: SystemName
    idempotency_key: ShortText
    payload_hash: str = Field(pattern=r"^[0-9a-f]{64}$")
    state: ExecutionState = ExecutionState.PENDING
    attempts: int = Field(default=0, ge=0)
    created_at: UtcDateTime
    next_attempt_at: UtcDateTime | None = None
    last_error: NonEmptyText | None = None
    remote_ref: ShortText | None = None
