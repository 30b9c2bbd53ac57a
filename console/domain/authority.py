"""The decision-authority map: who may do what, as versioned data."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints, model_validator

from .actions import ActionKind
from .base import DomainModel, Identifier, ShortText, UtcDateTime
from .case import Journey, SentimentLabel
from .customer import Tier
from .kinds import AutonomyLevel, Role

__all__ = [
    "AuthorityPolicy",
    "AuthorityRule",
    "AutonomyLevel",
    "Band",
    "Conditions",
    "Role",
    "Verdict",
]


CurrencyCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
Band = dict[CurrencyCode, Annotated[Decimal, Field(ge=Decimal(0), max_digits=14)]]
"""Amounts per currency (ISO 4217 code → amount). A currency a band does not list never
matches it: an unknown currency is never allowed by a band."""

_MONEY_FIELDS = (
    "max_amount",
    "min_amount",
    "max_case_total",
    "min_case_total",
    "max_agent_daily_total",
    "min_agent_daily_total",
    "max_order_value",
    "min_order_value",
)


class Conditions(DomainModel):
    """When a rule applies. Every condition given must hold; an empty set always holds.

    Money conditions compare in the step's own currency and hold only for a step that moves
    money in a currency the band lists ("max" is ``<=``, "min" is ``>``). Case and daily
    totals include the step itself and the plan's earlier money steps.
    """

    max_amount: Band | None = None  # per currency: amount <= this
    min_amount: Band | None = None  # per currency: amount > this
    tiers: list[Tier] | None = None
    journeys: list[Journey] | None = None
    sentiments: list[SentimentLabel] | None = None
    reversible: bool | None = None
    max_case_total: Band | None = None  # cumulative per case, this step included
    max_agent_daily_total: Band | None = None  # per agent per day
    min_case_total: Band | None = None  # cumulative per case > this
    min_agent_daily_total: Band | None = None  # per agent per day > this
    moves_money: bool | None = None  # the action type moves money (refund, credit)
    max_quantity: int | None = Field(default=None, ge=0)  # units a reship/adjustment moves
    max_order_value: Band | None = None  # the step's order is known and worth <= this
    min_order_value: Band | None = None  # the step's order is known and worth > this
    foreign_refs: bool | None = None  # names an order/payment/customer outside the case

    @model_validator(mode="before")
    @classmethod
    def _no_floats(cls, data: Any) -> Any:
        if isinstance(data, dict):
            for name in _MONEY_FIELDS:
                band = data.get(name)
                if isinstance(band, dict):
                    for currency, value in band.items():
                        if isinstance(value, float):
                            raise ValueError(
                                f"{name}.{currency}: write amounts as integers or quoted "
                                f"decimals (for example '22.50'), never as floats"
                            )
        return data

    @model_validator(mode="after")
    def _bands_not_empty(self) -> Conditions:
        for name in _MONEY_FIELDS:
            band = getattr(self, name)
            if band is not None and not band:
                raise ValueError(f"{name} lists no currency, so it could never hold")
        for name in ("tiers", "journeys", "sentiments"):
            values = getattr(self, name)
            if values is not None and not values:
                raise ValueError(f"{name} is empty, so it could never hold")
        return self


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
