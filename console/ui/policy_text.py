"""The decision-authority map in words, as View → Authority map shows it.

:func:`level_label` names an autonomy level, :func:`conditions_text` puts a rule's
conditions in a few words, :func:`action_text` names the action a rule covers, and
:func:`next_version_source` turns the latest map's YAML into the start of the next version.
No widgets. The strings keep the dialog's translation context, written in full as
``QCoreApplication.translate("PolicyDialog", "…")``: lupdate reads only string literals.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from console.domain.kinds import AutonomyLevel
from console.ui import labels

if TYPE_CHECKING:
    from console.domain.authority import AuthorityRule, Conditions

_VERSION = re.compile(r"^version:[ \t]*\d+[ \t]*$", re.MULTILINE)
_AUTHOR = re.compile(r"^author:.*$", re.MULTILINE)
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:\-]{0,79}$")


def level_label(level: AutonomyLevel | str) -> str:
    return {
        AutonomyLevel.FORBID: QCoreApplication.translate("PolicyDialog", "Forbidden"),
        AutonomyLevel.SUGGEST: QCoreApplication.translate("PolicyDialog", "Suggest only"),
        AutonomyLevel.AGENT: QCoreApplication.translate("PolicyDialog", "Agent approves"),
        AutonomyLevel.SUPERVISOR: QCoreApplication.translate("PolicyDialog", "Supervisor approves"),
        AutonomyLevel.AUTO_WITH_UNDO: QCoreApplication.translate(
            "PolicyDialog", "Automatic, with undo"
        ),
        AutonomyLevel.AUTO: QCoreApplication.translate("PolicyDialog", "Automatic"),
    }.get(AutonomyLevel(level), str(level))


def _band(band: dict[str, Any]) -> str:
    return ", ".join(f"{amount} {currency}" for currency, amount in band.items())


def conditions_text(when: Conditions) -> str:
    """A rule's conditions in a few words: "amount > 50 USD, 40 GBP; tier: gold"."""
    phrases: dict[str, Callable[[Any], str]] = {
        "max_amount": lambda v: QCoreApplication.translate("PolicyDialog", "amount ≤ %1").replace(
            "%1", _band(v)
        ),
        "min_amount": lambda v: QCoreApplication.translate("PolicyDialog", "amount > %1").replace(
            "%1", _band(v)
        ),
        "tiers": lambda v: QCoreApplication.translate("PolicyDialog", "tier: %1").replace(
            "%1", ", ".join(labels.tier(t) for t in v)
        ),
        "journeys": lambda v: QCoreApplication.translate("PolicyDialog", "journey: %1").replace(
            "%1", ", ".join(labels.journey(j) for j in v)
        ),
        "sentiments": lambda v: QCoreApplication.translate("PolicyDialog", "sentiment: %1").replace(
            "%1", ", ".join(labels.sentiment(s) for s in v)
        ),
        "reversible": lambda v: (
            QCoreApplication.translate("PolicyDialog", "reversible")
            if v
            else QCoreApplication.translate("PolicyDialog", "not reversible")
        ),
        "max_case_total": lambda v: QCoreApplication.translate(
            "PolicyDialog", "case total ≤ %1"
        ).replace("%1", _band(v)),
        "min_case_total": lambda v: QCoreApplication.translate(
            "PolicyDialog", "case total > %1"
        ).replace("%1", _band(v)),
        "max_agent_daily_total": lambda v: QCoreApplication.translate(
            "PolicyDialog", "agent's day ≤ %1"
        ).replace("%1", _band(v)),
        "min_agent_daily_total": lambda v: QCoreApplication.translate(
            "PolicyDialog", "agent's day > %1"
        ).replace("%1", _band(v)),
        "moves_money": lambda v: (
            QCoreApplication.translate("PolicyDialog", "moves money")
            if v
            else QCoreApplication.translate("PolicyDialog", "moves no money")
        ),
        "max_quantity": lambda v: QCoreApplication.translate(
            "PolicyDialog", "quantity ≤ %1"
        ).replace("%1", str(v)),
        "max_order_value": lambda v: QCoreApplication.translate(
            "PolicyDialog", "order value ≤ %1"
        ).replace("%1", _band(v)),
        "min_order_value": lambda v: QCoreApplication.translate(
            "PolicyDialog", "order value > %1"
        ).replace("%1", _band(v)),
        "foreign_refs": lambda v: (
            QCoreApplication.translate("PolicyDialog", "names records outside the case")
            if v
            else QCoreApplication.translate("PolicyDialog", "names only the case's records")
        ),
    }
    parts = []
    for name, phrase in phrases.items():
        value = getattr(when, name, None)
        if value is not None:
            parts.append(phrase(value))
    return "; ".join(parts) or QCoreApplication.translate("PolicyDialog", "always")


def action_text(rule: AuthorityRule) -> str:
    if rule.action == "*":
        return QCoreApplication.translate("PolicyDialog", "Any action")
    return labels.action_kind(rule.action)


def next_version_source(source: str, version: int, author: str | None = None) -> str:
    """The latest map's YAML as the start of version ``version``."""
    if _VERSION.search(source):
        text = _VERSION.sub(f"version: {version}", source, count=1)
    else:
        text = f"version: {version}\n{source}"
    if author and _ID.match(author) and _AUTHOR.search(text):
        text = _AUTHOR.sub(f"author: {author}", text, count=1)
    return text
