"""The agent's free-text instructions, as far as a playbook can honour them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["Directives", "read_instructions"]

_NO_REFUND = re.compile(
    r"\b(no|don't|do not|without|never)\s+(a\s+|any\s+)?refunds?\b|\brefunds?\s+not\b|"
    r"不要退款|不退款|别退款|不能退款|无需退款|keine erstattung|nicht erstatten|sin reembolso|"
    r"no reembolsar",
    re.IGNORECASE,
)
_NO_RESHIP = re.compile(
    r"\b(no|don't|do not|without|never)\s+(a\s+|any\s+)?(reship(ment)?|replacement|resend)s?\b|"
    r"不要补发|不补发|别补发|不要重发|不重发|kein ersatz|keine ersatzlieferung|sin reenvío",
    re.IGNORECASE,
)
_CREDIT = re.compile(
    r"voucher|account credit|store credit|offer (a )?credit|gutschein|guthaben|vale|"
    r"代金券|优惠券|余额|积分",
    re.IGNORECASE,
)
_SPLIT = re.compile(r"[,;.，；。、\n]+|\band\b|\bbut\b")


@dataclass(frozen=True, slots=True)
class Directives:
    no_refund: bool = False
    no_reship: bool = False
    prefer_credit: bool = False
    honoured: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)  # parts the playbooks cannot act on


def read_instructions(instructions: list[str]) -> Directives:
    """Recognise "no refund" and "no reship" (English, Chinese, German, Spanish) and a
    preference for credit; everything else is reported back as not understood."""
    no_refund = no_reship = credit = False
    honoured: list[str] = []
    unknown: list[str] = []
    for text in instructions:
        for part in (p.strip() for p in _SPLIT.split(text)):
            if not part:
                continue
            hit = False
            if _NO_REFUND.search(part):
                no_refund = hit = True
            if _NO_RESHIP.search(part):
                no_reship = hit = True
            if _CREDIT.search(part):
                credit = hit = True
            (honoured if hit else unknown).append(part)
    return Directives(no_refund, no_reship, credit, honoured, unknown)
