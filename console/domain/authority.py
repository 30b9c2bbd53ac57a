"""The decision-authority map: who may do what, as versioned data."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import Field, model_validator

from .actions import ActionKind
from .base import DomainModel, Identifier, ShortText, UtcDateTime
from .case import Journey, SentimentLabel
from .customer import Tier
from .kinds import AutonomyLevel, Role

__all__ = [
    "AuthorityPolicy",
    "AuthorityRule",
    "AutonomyLevel",
    "Conditions",
    "Role",
    "Verdict",
]


class Conditions(DomainModel):
    """When a rule applies. Every condition given must hold; an empty set always holds."""

    max_amount: dict[str, Decimal] | None = None  # per currency: amount <= this
    min_amount: dict[str, Decimal] | None = None  # per currency: amount > this
    tiers: list[Tier] | None = None
    journeys: list[Journey] | None = None
    sentiments: list[SentimentLabel] | None = None
    reversible: bool | None = None
    max_case_total: dict[str, Decimal] | None = None  # cumulative per case, this step included
    max_agent_daily_total: dict[str, Decimal] | None = None  # per agent per day


class AuthorityRule(DomainModel):
    id: Identifier
    action: ActionKind | Literal["*"]
    when: Conditions = Field(default_factory=Conditions)
    level: AutonomyLevel
    clause: ShortText  # the one-line text a proposal cites


class AuthorityPolicy(DomainModel):
    """A version of the authority map. Rules are tried in order; the first match decides."""

    version: int = Field(ge=1)
    effective_from: UtcDateTime
    author: Identifier
    note: ShortText | None = None
    rules: list[AuthorityRule] = Field(min_length=1)

    @model_validator(mode="after")
    def _catch_all_last(self) -> AuthorityPolicy:
        ids = [r.id for r in self.rules]
        if len(ids) != len(set(ids)):
            raise ValueError("rule ids must be unique")
        last = self.rules[-1]
        if last.action != "*" or last.when != Conditions():
            raise ValueError("the last rule must be a catch-all (action '*', no conditions)")
        return self


class Verdict(DomainModel):
    """The authority map's answer for one step, naming the rule that gave it."""

    step_id: Identifier
    level: AutonomyLevel
    rule_id: Identifier
    clause: ShortText
    policy_version: int = Field(ge=1)
