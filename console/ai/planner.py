"""What every planner is: facts in, a proposal out.

The playbook planner (:mod:`.playbooks`) is the default; a language-model planner may
stand in front of it and fall back to it.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from console.domain.errors import TandemError
from console.domain.facts import CaseFacts
from console.domain.proposal import PlannerIdentity, Proposal

__all__ = ["Planner", "PlanningError"]


class PlanningError(TandemError):
    """A planner could not produce a proposal; the message says why."""


@runtime_checkable
class Planner(Protocol):
    """Plans a case: reads only the facts given, returns a proposal that validates."""

    identity: PlannerIdentity

    async def plan(self, facts: CaseFacts) -> Proposal: ...
