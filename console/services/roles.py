"""Who may do what: the role × capability matrix, enforced here, in the services.

The UI hides or disables what a role may not do, but that is a courtesy: every service
method that changes something takes the acting :class:`Principal` and calls
:func:`require`, so a button that should not have been there still cannot act.

A trainer works only in the sandbox (demo data and the bundled sandbox systems), where they
act as a supervisor would, to demo every path; outside it a trainer may only look.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from console.domain.errors import MessageCode, TandemError
from console.domain.kinds import Role

__all__ = [
    "CAPABILITIES",
    "Capability",
    "NotPermitted",
    "Principal",
    "Who",
    "allowed",
    "require",
]


class NotPermitted(TandemError):
    """The acting person's role may not do this; the message says who may."""


class Capability(StrEnum):
    APPROVE = "approve"  # approve steps the map puts at the agent level
    APPROVE_ABOVE_AGENT = "approve_above_agent"  # approve steps needing a supervisor
    EDIT = "edit"
    OVERRIDE = "override"
    INSTRUCT = "instruct"
    TAKE_OVER = "take_over"
    DEFER = "defer"
    REVIEW_APPROVALS = "review_approvals"  # the supervisor queue
    PAUSE_AI = "pause_ai"  # the stop button
    EDIT_POLICY = "edit_policy"  # publish a new version of the authority map
    PLAY_SCENARIOS = "play_scenarios"


_CASEWORK = frozenset(
    {
        Capability.APPROVE,
        Capability.EDIT,
        Capability.OVERRIDE,
        Capability.INSTRUCT,
        Capability.TAKE_OVER,
        Capability.DEFER,
    }
)
_SUPERVISING = frozenset(
    {Capability.APPROVE_ABOVE_AGENT, Capability.REVIEW_APPROVALS, Capability.PAUSE_AI}
)

CAPABILITIES: dict[Role, frozenset[Capability]] = {
    Role.AGENT: _CASEWORK,
    Role.SUPERVISOR: _CASEWORK | _SUPERVISING | {Capability.EDIT_POLICY},
    # In the sandbox only (see require); never the authority map.
    Role.TRAINER: _CASEWORK | _SUPERVISING | {Capability.PLAY_SCENARIOS},
}


class Who(StrEnum):
    """Who may use a capability, as a refusal says it (the value is the English words)."""

    AGENTS_AND_SUPERVISORS = "agents and supervisors"
    SUPERVISORS = "supervisors"
    TRAINERS_IN_SANDBOX = "trainers, in the sandbox"


_WHO = {
    Capability.APPROVE: Who.AGENTS_AND_SUPERVISORS,
    Capability.APPROVE_ABOVE_AGENT: Who.SUPERVISORS,
    Capability.EDIT: Who.AGENTS_AND_SUPERVISORS,
    Capability.OVERRIDE: Who.AGENTS_AND_SUPERVISORS,
    Capability.INSTRUCT: Who.AGENTS_AND_SUPERVISORS,
    Capability.TAKE_OVER: Who.AGENTS_AND_SUPERVISORS,
    Capability.DEFER: Who.AGENTS_AND_SUPERVISORS,
    Capability.REVIEW_APPROVALS: Who.SUPERVISORS,
    Capability.PAUSE_AI: Who.SUPERVISORS,
    Capability.EDIT_POLICY: Who.SUPERVISORS,
    Capability.PLAY_SCENARIOS: Who.TRAINERS_IN_SANDBOX,
}


@dataclass(frozen=True, slots=True)
class Principal:
    """The person acting: a local profile (user id, display name, role)."""

    user_id: str
    name: str
    role: Role


def allowed(principal: Principal, capability: Capability, *, sandbox: bool) -> bool:
    if principal.role is Role.TRAINER and not sandbox:
        return False
    return capability in CAPABILITIES[principal.role]


def require(principal: Principal, capability: Capability, *, sandbox: bool) -> None:
    """Raise :class:`NotPermitted` unless ``principal`` may use ``capability``."""
    if allowed(principal, capability, sandbox=sandbox):
        return
    outside = principal.role is Role.TRAINER and not sandbox
    where = " outside the sandbox" if outside else ""
    raise NotPermitted(
        f"{principal.name} ({principal.role.value}) may not {capability.value.replace('_', ' ')}"
        f"{where}: only {_WHO[capability].value} may.",
        code=MessageCode.NOT_PERMITTED_OUTSIDE_SANDBOX if outside else MessageCode.NOT_PERMITTED,
        params={
            "name": principal.name,
            "role": principal.role.value,
            "capability": capability.value,
            "who": _WHO[capability].value,
        },
    )
