"""Customers and how to reach them."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from .base import DomainModel, Identifier, Money, ShortText
from .kinds import ContactKind, Tier

__all__ = [
    "Consent",
    "ContactKind",
    "ContactPoint",
    "Customer",
    "LanguageTag",
    "Tier",
]


class ContactPoint(DomainModel):
    kind: ContactKind
    value: ShortText
    preferred: bool = False


class Consent(DomainModel):
    """What the customer agreed to. AI processing off means the AI must not plan the case."""

    marketing: bool = False
    call_recording: bool = False
    ai_processing: bool = True


LanguageTag = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
"""A BCP 47 language tag such as ``en``, ``en-GB`` or ``zh-CN``."""


class Customer(DomainModel):
    id: Identifier
    name: ShortText
    tier: Tier = Tier.STANDARD
    language: LanguageTag = "en"
    contact_points: list[ContactPoint] = Field(default_factory=list)
    lifetime_value: Money
    consent: Consent = Field(default_factory=Consent)
    customer_since: Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}-\d{2}$")] | None = None
