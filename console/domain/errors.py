"""Errors the core raises. Each carries a message a person can act on.

``str(error)`` is that message in English (for logs, the command line and tests). A refusal
a person can meet in the console also carries a :class:`MessageCode` and the values it names
(``error.params``), so that the console can say it in the person's language with its own
wording, leaving the values (ids, names, amounts, times, rule ids) as they are.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class MessageCode(StrEnum):
    """Stable names of the sentences refusals say; the comment lists each one's params.

    Params are plain values (strings, numbers, lists and dicts of them), so an error keeps
    them across a pickle or a process boundary. Every code has a template in the console's
    wording of refusals (``console/ui/refusal_text.py``); a test keeps the two in step.
    """

    # Roles (services/roles.py): name, role, capability, who (a roles.Who value).
    NOT_PERMITTED = "role.not_permitted"
    NOT_PERMITTED_OUTSIDE_SANDBOX = "role.not_permitted_outside_sandbox"
    # Deciding (services/decisions.py).
    STEP_TYPE_PAUSED = "decision.step_type_paused"  # action, paused_by, paused_at (ISO)
    NOT_APPROVABLE = "decision.not_approvable"  # steps: [{step_id, action, level, clause, rule_id}]
    TAKEN_OVER = "decision.taken_over"  # owner
    ALREADY_DECIDED = "decision.already_decided"  # steps: [{step_id, state}]
    STEPS_NOT_IN_PLAN = "decision.steps_not_in_plan"  # step_ids
    PLAN_REPLACED = "decision.plan_replaced"
    PROPOSAL_NOT_FOUND = "decision.proposal_not_found"  # proposal
    EDIT_UNUSABLE = "decision.edit_unusable"  # problems: [{step_id, problem}]
    REVERSAL_ONLY_BY_UNDO = "decision.reversal_only_by_undo"  # step_id
    INSTRUCTION_EMPTY = "decision.instruction_empty"
    INSTRUCTION_TOO_LONG = "decision.instruction_too_long"  # length, limit
    # The supervisors' queue (services/decisions.py).
    NO_LONGER_WAITING = "queue.no_longer_waiting"  # items: ["proposal/step", ...]
    MONEY_ONE_CASE_AT_A_TIME = "queue.money_one_case_at_a_time"
    # Undo (services/decisions.py).
    ACTION_NOT_FOUND = "undo.action_not_found"  # execution
    UNDO_NOT_DONE = "undo.not_done"  # state (an ExecutionState value)
    ALREADY_UNDONE = "undo.already_undone"
    UNDO_TAKES_BACK_ALREADY = "undo.takes_back_already"  # action, execution
    UNDO_CREDIT_NOT_NAMED = "undo.credit_not_named"  # action, execution
    UNDO_NOT_DEFINED = "undo.not_defined"  # action, execution
    # Planning, the authority map, profiles.
    AI_PAUSED = "planning.ai_paused"
    POLICY_NOT_NEXT_VERSION = "policy.not_next_version"  # version, next
    POLICY_VERSION_EXISTS = "policy.version_exists"  # version
    PROFILE_NOT_FOUND = "profile.not_found"  # user_id
    # The case store (store/repositories.py).
    CASE_NOT_FOUND = "case.not_found"  # case
    CASE_CHANGED = "case.changed"  # case, version, expected


class TandemError(Exception):
    """Base of Tandem's own errors; ``str(error)`` is meant for the user, in English.

    ``code`` and ``params`` (keyword-only, optional) name the sentence and its values for a
    console that words it in the user's language; an error without a code is shown as
    ``str(error)``.
    """

    def __init__(
        self,
        *args: object,
        code: MessageCode | None = None,
        params: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(*args)
        self.code = code
        self.params: dict[str, Any] = dict(params or {})


@dataclass(frozen=True)
class Issue:
    """One problem found in some input: where it is and why it is wrong."""

    source: str  # a file name, "stdin", a remote system ...
    location: str  # a field path such as ``events[3].payload.text``; "" for the whole input
    message: str

    def __str__(self) -> str:
        where = f"{self.source}: {self.location}" if self.location else self.source
        return f"{where}: {self.message}"


class InvalidInput(TandemError):
    """Input was refused whole; ``issues`` lists every problem found."""

    def __init__(
        self,
        summary: str,
        issues: list[Issue],
        *,
        code: MessageCode | None = None,
        params: Mapping[str, Any] | None = None,
    ) -> None:
        self.summary = summary
        self.issues = list(issues)
        super().__init__(summary, code=code, params=params)

    def __str__(self) -> str:
        lines = [self.summary, *(f"  - {issue}" for issue in self.issues)]
        return "\n".join(lines)


class NotFound(TandemError):
    """A case, customer or other record that was asked for does not exist."""


class ConflictError(TandemError):
    """Someone else changed the record first (optimistic concurrency)."""


class StoreError(TandemError):
    """The case store cannot be used; the message says why and what to do."""


class StoreTooNew(StoreError):
    """The database was written by a newer Tandem; it is left untouched."""


class StoreCorrupt(StoreError):
    """The database file is not a readable Tandem store; it is left untouched."""


class StoreFull(StoreError):
    """The disk is full; nothing of the failed write was kept."""
