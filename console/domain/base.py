"""Shared building blocks of the domain: the model base, UTC times, money, identifiers."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Annotated, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)


class DomainModel(BaseModel):
    """Base of every domain model: unknown fields are refused, instances are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)


def _ensure_utc(value: datetime) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError("time must carry a time zone (for example 2026-11-02T09:30:00Z)")
    return value.astimezone(UTC)


UtcDateTime = Annotated[datetime, AfterValidator(_ensure_utc)]
"""An aware datetime, normalised to UTC. Naive datetimes are refused."""

Identifier = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:\-]{0,79}$"),
]
"""Identifiers of cases, customers, events and the like: 1-80 safe characters."""

NonEmptyText = Annotated[str, StringConstraints(min_length=1, max_length=20_000)]
ShortText = Annotated[str, StringConstraints(min_length=1, max_length=500)]

# ISO 4217 minor units for the currencies Tandem knows; any other 3-letter code uses 2.
_MINOR_UNITS = {"JPY": 0, "KRW": 0, "VND": 0, "CLP": 0, "ISK": 0, "BHD": 3, "KWD": 3, "JOD": 3}


def minor_units(currency: str) -> int:
    """Number of decimal places of ``currency`` (ISO 4217)."""
    return _MINOR_UNITS.get(currency, 2)


class SignedMoney(DomainModel):
    """An amount in one currency that may be below zero: money taken back (a credit
    reversed). Never a float. Equal to a :class:`Money` of the same amount and currency."""

    amount: Decimal = Field(max_digits=14)
    currency: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]

    @model_validator(mode="after")
    def _check_precision(self) -> SignedMoney:
        exponent = self.amount.as_tuple().exponent
        places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
        if places > minor_units(self.currency):
            raise ValueError(
                f"{self.currency} amounts have at most {minor_units(self.currency)} decimal places"
            )
        return self

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SignedMoney):
            return NotImplemented
        return (self.amount, self.currency) == (other.amount, other.currency)

    def __hash__(self) -> int:
        return hash((self.amount, self.currency))

    def __str__(self) -> str:
        return f"{self.amount:.{minor_units(self.currency)}f} {self.currency}"

    @classmethod
    def of(cls, amount: str | int | Decimal, currency: str) -> Self:
        return cls(amount=Decimal(str(amount)), currency=currency)


class Money(SignedMoney):
    """An amount in one currency, zero or more. Never a float."""

    amount: Decimal = Field(ge=Decimal(0), max_digits=14)


def utc_now() -> datetime:
    return datetime.now(UTC)
