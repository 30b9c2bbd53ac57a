"""The AI's proposed next-best-action and the humans' decisions on it."""

from __future__ import annotations

from typing import Any

from pydantic import Field, model_validator

from .actions import PlanStep
from .authority import Role, Verdict
from .base import DomainModel, Identifier, NonEmptyText, ShortText, UtcDateTime
from .events import Actor
from .kinds import DecisionKind, ReasonCode

__all__ = [
    "Alternative",
    "Decision",
    "DecisionKind",
    "FieldChange",
    "PlannerIdentity",
    "Proposal",
    "ReasonCode",
    "ReasoningStep",
]


class PlannerIdentity(DomainModel):
    name: ShortText
    version: ShortText
    model: ShortText | None = None


class ReasoningStep(DomainModel):
    claim: NonEmptyText
    evidence_event_ids: list[Identifier] = Field(default_factory=list)
    policy_clause: ShortText | None = None


class Alternative(DomainModel):
    description: NonEmptyText
    why_not: NonEmptyText


class Proposal(DomainModel):
    id: Identifier
    case_id: Identifier
    created_at: UtcDateTime
    planner: PlannerIdentity
    summary: NonEmptyText
    steps: list[PlanStep]
    reasoning: list[ReasoningStep] = Field(default_factory=list)
    alternatives: list[Alternative] = Field(default_factory=list)
    questions: list[NonEmptyText] = Field(default_factory=list)
    confidence: float = Field(ge=0.0, le=1.0)
    verdicts: list[Verdict] = Field(default_factory=list)
    input_digest: str = Field(pattern=r"^[0-9a-f]{64}$")  # SHA-256 of the facts it saw

    @model_validator(mode="after")
    def _unique_steps(self) -> Proposal:
        ids = [s.step_id for s in self.steps]
        if len(ids) != len(set(ids)):
            raise ValueError("step ids must be unique within a plan")
        unknown = {v.step_id for v in self.verdicts} - set(ids)
        if unknown:
            raise ValueError(f"verdicts for unknown steps: {sorted(unknown)}")
        return self


class FieldChange(DomainModel):
    step_id: Identifier
    path: ShortText  # for example ``params.amount.amount``; "" for an added or removed step
    before: Any = None
    after: Any = None


class Decision(DomainModel):
    id: Identifier
    case_id: Identifier
    proposal_id: Identifier | None
    actor: Actor
    role: Role
    kind: DecisionKind
    final_steps: list[PlanStep] = Field(default_factory=list)
    diff: list[FieldChange] = Field(default_factory=list)
    reason_code: ReasonCode | None = None
    reason_text: NonEmptyText | None = None
    decided_at: UtcDateTime
    time_to_decide_ms: int = Field(ge=0)

    @model_validator(mode="after")
    def _reasons(self) -> Decision:
        if self.kind is DecisionKind.OVERRIDE and self.reason_code is None:
            raise ValueError("an override needs a reason code")
        if self.kind is DecisionKind.INSTRUCT and self.reason_text is None:
            raise ValueError("an instruction needs its text")
        return self
