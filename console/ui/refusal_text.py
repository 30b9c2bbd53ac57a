"""What a refusal from the services says, in the console's language (context "RefusalText").

The services refuse with an English sentence — ``str(error)``, for logs, the command line
and tests — and, for every refusal a person can meet in the console, a
:class:`~console.domain.errors.MessageCode` with the values it names (``error.params``).
Each code has a template here; the values that are data (ids, names, rule ids, the
authority map's clauses, times) go in as they are, the few that are Tandem's own words
(a role, an action type, a step's or an action's state) in their translated wording. An
error without a code, or with one this module does not know, is shown as ``str(error)``.

:func:`refusal` is what a widget calls: ``refusal(error)`` instead of ``str(error)``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject

from console.domain.errors import MessageCode
from console.domain.kinds import ActionKind, ExecutionState, Role, StepState
from console.ui import labels

log = logging.getLogger(__name__)

_PLACEHOLDER = re.compile(r"%(\d)")

Params = Mapping[str, Any]


def fill(template: str, *values: object) -> str:
    """``template`` with ``%1``… replaced by ``values`` in one pass, so a value that itself
    holds "%2" stays as it is."""

    def value(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        return str(values[index]) if 0 <= index < len(values) else match.group(0)

    return _PLACEHOLDER.sub(value, template)


def refusal(error: BaseException) -> str:
    """``error`` in the console's language when its code is known, else ``str(error)``."""
    return RefusalText().words(error)


class RefusalText(QObject):
    """The templates of the services' refusals, one per :class:`MessageCode`."""

    def words(self, error: BaseException) -> str:
        code = getattr(error, "code", None)
        render = self.renderers().get(code) if isinstance(code, MessageCode) else None
        if render is None:
            return str(error)
        try:
            return render(getattr(error, "params", None) or {})
        except (KeyError, IndexError, TypeError, ValueError):
            log.warning("refusal %s came with unexpected values; shown in English", code)
            return str(error)

    def renderers(self) -> dict[MessageCode, Callable[[Params], str]]:
        """Every code's wording, its values filled in."""
        code = MessageCode
        return {
            code.NOT_PERMITTED: lambda p: fill(
                self.tr("%1 (%2) may not %3: only %4 may."), *self._role_refusal(p)
            ),
            code.NOT_PERMITTED_OUTSIDE_SANDBOX: lambda p: fill(
                self.tr("%1 (%2) may not %3 outside the sandbox: only %4 may."),
                *self._role_refusal(p),
            ),
            code.STEP_TYPE_PAUSED: lambda p: fill(
                self.tr(
                    "%1 steps are paused by %2 since %3; nothing of that type can be "
                    "approved until a supervisor resumes it."
                ),
                self.action(p["action"]),
                p["paused_by"],
                self.clock(p["paused_at"]),
            ),
            code.NOT_APPROVABLE: lambda p: fill(
                self.tr("Nothing was approved. %1"),
                self.separated([self._not_approvable(step) for step in p["steps"]]),
            ),
            code.TAKEN_OVER: lambda p: fill(
                self.tr(
                    "%1 has taken this case over; only they or a supervisor may decide on it now."
                ),
                p["owner"],
            ),
            code.ALREADY_DECIDED: lambda p: fill(
                self.tr("Already decided (%1)."),
                self.separated(
                    [
                        fill(self.tr("%1: %2"), step["step_id"], self.step_state(step["state"]))
                        for step in p["steps"]
                    ]
                ),
            ),
            code.STEPS_NOT_IN_PLAN: lambda p: fill(
                self.tr("These steps are not in the plan: %1."), self.listed(p["step_ids"])
            ),
            code.PLAN_REPLACED: lambda p: self.tr(
                "A newer plan has replaced this one (new facts arrived); review the new plan."
            ),
            code.PROPOSAL_NOT_FOUND: lambda p: fill(
                self.tr("Proposal %1 does not exist."), p["proposal"]
            ),
            code.EDIT_UNUSABLE: lambda p: fill(
                self.tr("The edited plan cannot be used: %1."),
                self.separated(
                    [
                        fill(self.tr("%1: %2"), item["step_id"], self.edit_problem(item["problem"]))
                        for item in p["problems"]
                    ]
                ),
            ),
            code.REVERSAL_ONLY_BY_UNDO: lambda p: fill(
                self.tr(
                    "Step %1: a credit is taken back only by Undo on the credit's done step, "
                    "as Undo works it out; it is not proposed or edited."
                ),
                p["step_id"],
            ),
            code.INSTRUCTION_EMPTY: lambda p: self.tr("An instruction needs some text."),
            code.INSTRUCTION_TOO_LONG: lambda p: fill(
                self.tr("An instruction is at most %1 characters; this one has %2."),
                p["limit"],
                p["length"],
            ),
            code.NO_LONGER_WAITING: lambda p: fill(
                self.tr("No longer waiting: %1."), self.listed(p["items"])
            ),
            code.MONEY_ONE_CASE_AT_A_TIME: lambda p: self.tr(
                "Refunds and credits are approved one case at a time, after reading each "
                "case; they were not approved."
            ),
            code.ACTION_NOT_FOUND: lambda p: fill(
                self.tr("There is no action %1."), p["execution"]
            ),
            code.UNDO_NOT_DONE: lambda p: fill(
                self.tr("Only a done action can be undone; this one is %1. Cancel it instead."),
                self.execution_state(p["state"]),
            ),
            code.ALREADY_UNDONE: lambda p: self.tr(
                "This action has already been undone (or is being undone)."
            ),
            code.UNDO_TAKES_BACK_ALREADY: lambda p: fill(
                self.tr(
                    "Tandem cannot undo this action (%1) by itself: it takes a credit back "
                    "already; give a new credit if one is due."
                ),
                self.action(p["action"]),
            ),
            code.UNDO_CREDIT_NOT_NAMED: lambda p: fill(
                self.tr(
                    "Tandem cannot undo this action (%1) by itself: the accounts system did "
                    "not name the credit (it was marked done by hand), so Tandem cannot say "
                    "which credit to take back. Reverse it in the accounts system, and note "
                    "it on the case."
                ),
                self.action(p["action"]),
            ),
            code.UNDO_NOT_DEFINED: lambda p: fill(
                self.tr(
                    "Tandem cannot undo this action (%1) by itself: no compensating step is "
                    "defined for it. Undo it in the remote system, and note it on the case."
                ),
                self.action(p["action"]),
            ),
            code.AI_PAUSED: lambda p: self.tr(
                "The AI is paused by a supervisor; nothing is planned until resumed."
            ),
            code.POLICY_NOT_NEXT_VERSION: lambda p: fill(
                self.tr(
                    "The edited map is version %1; the next version is %2. Someone may have "
                    "published in the meantime: reload it."
                ),
                p["version"],
                p["next"],
            ),
            code.POLICY_VERSION_EXISTS: lambda p: fill(
                self.tr("Authority map version %1 already exists."), p["version"]
            ),
            code.PROFILE_NOT_FOUND: lambda p: fill(
                self.tr("There is no local profile %1."), p["user_id"]
            ),
            code.CASE_NOT_FOUND: lambda p: fill(self.tr("Case %1 does not exist."), p["case"]),
            code.CASE_CHANGED: lambda p: fill(
                self.tr(
                    "Case %1 was changed by someone else (version %2, expected %3); reload it "
                    "and try again."
                ),
                p["case"],
                p["version"],
                p["expected"],
            ),
        }

    # --- the parts --------------------------------------------------------------------------
    def _role_refusal(self, p: Params) -> tuple[str, str, str, str]:
        return p["name"], self.role(p["role"]), self.capability(p["capability"]), self.who(p["who"])

    def _not_approvable(self, step: Params) -> str:
        template = (
            self.tr("%1 (%2) is not allowed: %3 [rule %4]")
            if step["level"] == "forbid"
            else self.tr("%1 (%2) must be done outside Tandem: %3 [rule %4]")
        )
        return fill(
            template, step["step_id"], self.action(step["action"]), step["clause"], step["rule_id"]
        )

    def listed(self, items: Sequence[object]) -> str:
        """``a, b, c`` ("a、b、c" in Chinese)."""
        return self._joined(self.tr("%1, %2"), items)

    def separated(self, items: Sequence[object]) -> str:
        """``a; b; c`` ("a；b；c" in Chinese)."""
        return self._joined(self.tr("%1; %2"), items)

    @staticmethod
    def _joined(pair: str, items: Sequence[object]) -> str:
        texts = [str(item) for item in items]
        if not texts:
            return ""
        joined = texts[0]
        for text in texts[1:]:
            joined = fill(pair, joined, text)
        return joined

    def clock(self, iso: str) -> str:
        """A local clock time ("10:42"), with the date when it is not today."""
        local = datetime.fromisoformat(iso).astimezone()
        today = labels.now().astimezone().date()
        return local.strftime("%H:%M" if local.date() == today else "%Y-%m-%d %H:%M")

    def action(self, value: str) -> str:
        try:
            return labels.action_kind(ActionKind(value))
        except ValueError:
            return value.replace("_", " ")

    def role(self, value: str) -> str:
        return {
            Role.AGENT.value: self.tr("agent"),
            Role.SUPERVISOR.value: self.tr("supervisor"),
            Role.TRAINER.value: self.tr("trainer"),
        }.get(value, value)

    def capability(self, value: str) -> str:
        """What a capability lets one do, as "may not …" ends."""
        from console.services.roles import Capability

        return {
            Capability.APPROVE.value: self.tr("approve"),
            Capability.APPROVE_ABOVE_AGENT.value: self.tr("approve above agent"),
            Capability.EDIT.value: self.tr("edit"),
            Capability.OVERRIDE.value: self.tr("override"),
            Capability.INSTRUCT.value: self.tr("instruct"),
            Capability.TAKE_OVER.value: self.tr("take over"),
            Capability.DEFER.value: self.tr("defer"),
            Capability.REVIEW_APPROVALS.value: self.tr("review approvals"),
            Capability.PAUSE_AI.value: self.tr("pause ai"),
            Capability.EDIT_POLICY.value: self.tr("edit policy"),
            Capability.PLAY_SCENARIOS.value: self.tr("play scenarios"),
        }.get(value, value.replace("_", " "))

    def who(self, value: str) -> str:
        from console.services.roles import Who

        return {
            Who.AGENTS_AND_SUPERVISORS.value: self.tr("agents and supervisors"),
            Who.SUPERVISORS.value: self.tr("supervisors"),
            Who.TRAINERS_IN_SANDBOX.value: self.tr("trainers, in the sandbox"),
        }.get(value, value)

    def step_state(self, value: str) -> str:
        return {
            StepState.APPROVED.value: self.tr("approved"),
            StepState.AWAITING_SUPERVISOR.value: self.tr("awaiting supervisor"),
            StepState.REJECTED.value: self.tr("rejected"),
        }.get(value, value.replace("_", " "))

    def execution_state(self, value: str) -> str:
        return {
            ExecutionState.PENDING.value: self.tr("pending"),
            ExecutionState.SENDING.value: self.tr("sending"),
            ExecutionState.DELIVERED.value: self.tr("delivered"),
            ExecutionState.REJECTED.value: self.tr("rejected by the remote system"),
            ExecutionState.UNKNOWN_OUTCOME.value: self.tr("of unknown outcome"),
            ExecutionState.RECONCILED.value: self.tr("reconciled"),
            ExecutionState.CANCELLED.value: self.tr("cancelled"),
        }.get(value, value.replace("_", " "))

    def edit_problem(self, value: str) -> str:
        return {
            "not_in_plan": self.tr("no such step in the plan"),
            "action_changed": self.tr("an edit cannot change the action type"),
            "not_approved_with_it": self.tr("an edited step must be approved with it"),
        }.get(value, value.replace("_", " "))
