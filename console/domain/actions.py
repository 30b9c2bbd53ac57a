"""Action types: the concrete steps a plan can take, their parameters and their risk.

The registry maps each :class:`ActionKind` to an :class:`ActionType` that names its
parameter model, risk class, target system and whether (and how) it can be undone.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from .base import DomainModel, Identifier, Money, NonEmptyText, ShortText, SignedMoney
from .kinds import ActionKind, Risk, SystemName

__all__ = [
    "ACTION_TYPES",
    "AccountCreditParams",
    "AccountCreditStep",
    "ActionKind",
    "ActionType",
    "AdjustInventoryParams",
    "AdjustInventoryStep",
    "CloseCaseParams",
    "CloseCaseStep",
    "EscalateParams",
    "EscalateStep",
    "LineItem",
    "NotifyLogisticsParams",
    "NotifyLogisticsStep",
    "PlanStep",
    "RefundParams",
    "RefundStep",
    "ReplyParams",
    "ReplyStep",
    "ReshipParams",
    "ReshipStep",
    "Risk",
    "SystemName",
    "action_type",
    "step_amount",
]


class LineItem(DomainModel):
    sku: Identifier
    quantity: int = Field(ge=1, le=1000)


class RefundParams(DomainModel):
    """A refund of a payment made for an order or for a subscription (exactly one of them)."""

    order_id: Identifier | None = None
    subscription_id: Identifier | None = None
    payment_id: Identifier
    amount: Money
    reason: ShortText

    @model_validator(mode="after")
    def _one_purchase(self) -> RefundParams:
        if (self.order_id is None) == (self.subscription_id is None):
            raise ValueError("a refund names either the order or the subscription it repays")
        return self


class ReshipParams(DomainModel):
    order_id: Identifier
    items: list[LineItem] = Field(min_length=1)
    speed: Literal["standard", "express"] = "standard"


class AccountCreditParams(DomainModel):
    """A credit on a customer's account; or, with ``reverses``, the reversal that takes a
    given credit back: the remote system's id of that credit (``CRD-…``) and a negative
    amount, the opposite of the credit's. Only Tandem's Undo makes reversals."""

    customer_id: Identifier
    reverses: Identifier | None = None  # before amount: amount's check reads it
    amount: SignedMoney
    reason: ShortText

    @field_validator("amount")
    @classmethod
    def _sign(cls, amount: SignedMoney, info: ValidationInfo) -> SignedMoney:
        if info.data.get("reverses") is None and amount.amount < 0:
            raise PydanticCustomError(
                "greater_than_equal",
                "Input should be greater than or equal to {ge} (only a reversal, which "
                "names the credit it takes back, is negative)",
                {"ge": 0},
            )
        if info.data.get("reverses") is not None and amount.amount >= 0:
            raise ValueError(
                "a reversal takes a credit back: its amount is negative, the opposite of "
                "the credit's"
            )
        return amount


class ReplyParams(DomainModel):
    channel: Literal["email", "chat", "sms"]
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    body: NonEmptyText
    subject: ShortText | None = None


class NotifyLogisticsParams(DomainModel):
    shipment_id: Identifier
    carrier: ShortText
    request: Literal["trace", "claim", "expedite", "return_pickup", "hold"]
    message: NonEmptyText


class AdjustInventoryParams(DomainModel):
    sku: Identifier
    warehouse: Identifier
    delta: int = Field(ge=-10_000, le=10_000)
    reason: ShortText


class EscalateParams(DomainModel):
    team: Literal["supervisor", "billing", "logistics", "technical", "legal"]
    reason: NonEmptyText
    urgent: bool = False


class CloseCaseParams(DomainModel):
    resolution: Literal["resolved", "no_action_needed", "duplicate", "customer_unreachable"]
    summary: NonEmptyText


class ActionType(DomainModel):
    kind: ActionKind
    title: ShortText
    params_model: type[BaseModel]
    system: SystemName
    risk: Risk
    moves_money: bool
    reversible: bool
    # Reversible: Tandem's Undo can work out the step that undoes a done one, of this kind.
    compensation: ActionKind | None = None

    @model_validator(mode="after")
    def _undone_by(self) -> ActionType:
        if self.reversible != (self.compensation is not None):
            raise ValueError("an action is reversible exactly when it names its compensation")
        return self


ACTION_TYPES: dict[ActionKind, ActionType] = {
    t.kind: t
    for t in (
        ActionType(
            kind=ActionKind.REFUND,
            title="Refund",
            params_model=RefundParams,
            system=SystemName.PAYMENTS,
            risk=Risk.HIGH,
            moves_money=True,
            reversible=False,
        ),
        ActionType(
            kind=ActionKind.RESHIP,
            title="Reship items",
            params_model=ReshipParams,
            system=SystemName.ORDERS,
            risk=Risk.MEDIUM,
            moves_money=False,
            reversible=False,  # no action of Tandem's calls a parcel back
        ),
        ActionType(
            kind=ActionKind.ACCOUNT_CREDIT,
            title="Account credit",
            params_model=AccountCreditParams,
            system=SystemName.ACCOUNTS,
            risk=Risk.MEDIUM,
            moves_money=True,
            reversible=True,
            compensation=ActionKind.ACCOUNT_CREDIT,
        ),
        ActionType(
            kind=ActionKind.REPLY_TO_CUSTOMER,
            title="Reply to customer",
            params_model=ReplyParams,
            system=SystemName.TICKETS,
            risk=Risk.MEDIUM,
            moves_money=False,
            reversible=False,
        ),
        ActionType(
            kind=ActionKind.NOTIFY_LOGISTICS,
            title="Notify logistics",
            params_model=NotifyLogisticsParams,
            system=SystemName.LOGISTICS,
            risk=Risk.LOW,
            moves_money=False,
            reversible=False,
        ),
        ActionType(
            kind=ActionKind.ADJUST_INVENTORY,
            title="Adjust inventory",
            params_model=AdjustInventoryParams,
            system=SystemName.INVENTORY,
            risk=Risk.LOW,
            moves_money=False,
            reversible=True,
            compensation=ActionKind.ADJUST_INVENTORY,
        ),
        ActionType(
            kind=ActionKind.ESCALATE,
            title="Escalate",
            params_model=EscalateParams,
            system=SystemName.TICKETS,
            risk=Risk.LOW,
            moves_money=False,
            reversible=False,
        ),
        ActionType(
            kind=ActionKind.CLOSE_CASE,
            title="Close case",
            params_model=CloseCaseParams,
            system=SystemName.TANDEM,
            risk=Risk.LOW,
            moves_money=False,
            reversible=False,  # the customer writing again reopens it; Undo does not
        ),
    )
}


def action_type(kind: ActionKind | str) -> ActionType:
    """The registered action type for ``kind``; ``KeyError`` names unknown kinds."""
    try:
        return ACTION_TYPES[ActionKind(kind)]
    except ValueError as exc:
        raise KeyError(f"unknown action type {kind!r}") from exc


# A plan step is one action with its typed parameters; ``action`` selects the parameter model.


class _StepBase(DomainModel):
    step_id: Identifier
    note: ShortText | None = None  # why this step, in a line


class RefundStep(_StepBase):
    action: Literal[ActionKind.REFUND] = ActionKind.REFUND
    params: RefundParams


class ReshipStep(_StepBase):
    action: Literal[ActionKind.RESHIP] = ActionKind.RESHIP
    params: ReshipParams


class AccountCreditStep(_StepBase):
    action: Literal[ActionKind.ACCOUNT_CREDIT] = ActionKind.ACCOUNT_CREDIT
    params: AccountCreditParams


class ReplyStep(_StepBase):
    action: Literal[ActionKind.REPLY_TO_CUSTOMER] = ActionKind.REPLY_TO_CUSTOMER
    params: ReplyParams


class NotifyLogisticsStep(_StepBase):
    action: Literal[ActionKind.NOTIFY_LOGISTICS] = ActionKind.NOTIFY_LOGISTICS
    params: NotifyLogisticsParams


class AdjustInventoryStep(_StepBase):
    action: Literal[ActionKind.ADJUST_INVENTORY] = ActionKind.ADJUST_INVENTORY
    params: AdjustInventoryParams


class EscalateStep(_StepBase):
    action: Literal[ActionKind.ESCALATE] = ActionKind.ESCALATE
    params: EscalateParams


class CloseCaseStep(_StepBase):
    action: Literal[ActionKind.CLOSE_CASE] = ActionKind.CLOSE_CASE
    params: CloseCaseParams


PlanStep = Annotated[
    RefundStep
    | ReshipStep
    | AccountCreditStep
    | ReplyStep
    | NotifyLogisticsStep
    | AdjustInventoryStep
    | EscalateStep
    | CloseCaseStep,
    Field(discriminator="action"),
]


def step_amount(step: Any) -> SignedMoney | None:
    """The money a step moves, if any: below zero when it takes money back (a credit
    reversed)."""
    amount = getattr(getattr(step, "params", None), "amount", None)
    return amount if isinstance(amount, SignedMoney) else None
