"""Planners for tests: protocol-faithful stand-ins for the Planner (console/ai/planner.py)."""

from __future__ import annotations

from console.domain.actions import PlanStep
from console.domain.facts import CaseFacts
from console.domain.proposal import PlannerIdentity, Proposal


class StaticPlanner:
    """Proposes the steps it is given (each call a new proposal), recording the facts."""

    identity = PlannerIdentity(name="static", version="1")

    def __init__(self, summary: str = "Refund the damaged item and tell the customer.") -> None:
        self.steps: list[PlanStep] = []
        self.proposal_id: str | None = None  # the next proposal's id (else one per call)
        self.calls = 0
        self.seen: list[CaseFacts] = []
        self.summary = summary

    async def plan(self, facts: CaseFacts) -> Proposal:
        self.calls += 1
        self.seen.append(facts)
        return Proposal(
            id=self.proposal_id or f"prop-{facts.case.id}-{self.calls}",
            case_id=facts.case.id,
            created_at=facts.now,
            planner=self.identity,
            summary=self.summary,
            steps=list(self.steps),
            confidence=0.8,
            input_digest=facts.digest(),
        )
