"""What the human controls say: step states, refusals and outcomes, in plain, translated
words (context "DecisionText" in the translation file)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from console.domain.kinds import (
    ActionKind,
    AutonomyLevel,
    DecisionKind,
    OwnerKind,
    ReasonCode,
    StepState,
)
from console.ui import labels
from console.ui.refusal_text import refusal

if TYPE_CHECKING:
    from console.domain.authority import Verdict
    from console.domain.case import WorkOwner
    from console.services.controls import Pause
    from console.services.decisions import DecisionResult, Review
    from console.services.roles import Principal
    from console.store.decisions import StepRow
    from console.ui.proposal_steps import StepCard


class DecisionText(QObject):
    # --- step states ------------------------------------------------------------------------
    def decided(self, row: StepRow, me: Principal, reason: str | None) -> tuple[str, str]:
        if row.state is StepState.APPROVED:
            return self.tr("Approved — waits for write-back"), "ok"
        if row.state is StepState.AWAITING_SUPERVISOR:
            who = self.tr("you") if row.requested_by == me.user_id else row.requested_by
            when = labels.ago(datetime.fromisoformat(row.requested_at))
            text = self.tr("Awaiting supervisor — asked by %1, %2")
            return text.replace("%1", who).replace("%2", when), "warning"
        if reason:
            return self.tr("Rejected (%1)").replace("%1", reason), "danger"
        return self.tr("Rejected"), "danger"

    def approved_and_sent(self) -> str:
        """An approved step whose write-back has begun (its execution line says the rest)."""
        return self.tr("Approved")

    def blocked(self, card: StepCard, verdict: Verdict) -> str:
        if verdict.level is AutonomyLevel.FORBID:
            return self.tr("Cannot be approved: %1").replace("%1", verdict.clause)
        return self.tr("Cannot be approved in Tandem; a person does it outside: %1").replace(
            "%1", verdict.clause
        )

    def paused(self, kind: ActionKind, pause: Pause) -> str:
        what = {
            ActionKind.REFUND: self.tr("Refunds"),
            ActionKind.RESHIP: self.tr("Reshipments"),
            ActionKind.ACCOUNT_CREDIT: self.tr("Account credits"),
            ActionKind.REPLY_TO_CUSTOMER: self.tr("Replies to customers"),
            ActionKind.NOTIFY_LOGISTICS: self.tr("Requests to carriers"),
            ActionKind.ADJUST_INVENTORY: self.tr("Stock adjustments"),
            ActionKind.ESCALATE: self.tr("Escalations"),
            ActionKind.CLOSE_CASE: self.tr("Closing cases"),
        }.get(kind, str(kind))
        return (
            self.tr("%1 are paused by a supervisor (%2, %3); this step cannot be approved now.")
            .replace("%1", what)
            .replace("%2", pause.paused_by)
            .replace("%3", labels.ago(pause.paused_at))
        )

    def unchecked(self) -> str:
        return self.tr("Who may approve it is checked when you approve.")

    def to_supervisor(self, verdict: Verdict) -> str:
        return self.tr("Will go to a supervisor: %1").replace("%1", verdict.clause)

    def decided_as_edited(self) -> str:
        return self.tr("Decided as edited (the values shown).")

    def owner_notice(self, owner: WorkOwner | None, me: Principal) -> str:
        if owner is None or owner.kind is not OwnerKind.AGENT:
            return ""
        if owner.id == me.user_id:
            return self.tr(
                "You have taken this case over: the AI is not proposing for it. "
                "Hand it back (Ctrl+T) to let the AI plan it again."
            )
        return self.tr(
            "%1 has taken this case over: the AI is not proposing for it, and only they or "
            "a supervisor may decide on it."
        ).replace("%1", owner.id or "")

    # --- before approving -------------------------------------------------------------------
    def look_at_steps(self) -> str:
        return self.tr("Look at each step's authority first: scrolled to the next one.")

    def read_first(self) -> str:
        return self.tr("Read the reasoning first: it is now in view. Then approve again.")

    def approve_all_blocked(self, blocked: list[tuple[StepCard, str]]) -> str:
        parts = [
            self.tr("step %1 (%2): %3")
            .replace("%1", str(card.index))
            .replace("%2", labels.action_kind(ActionKind(card.step.action)))
            .replace("%3", why)
            for card, why in blocked
        ]
        intro = self.tr(
            "Nothing was approved. Reject these steps first (tick them, Reject…), then "
            "approve the rest:"
        )
        return "\n• ".join([intro, *parts])

    def rechecking(self) -> str:
        return self.tr("Re-checking who may approve the edited step…")

    def review(self, review: Review, step: Any) -> tuple[str, str]:
        verdict = review.verdicts[0] if review.verdicts else None
        if verdict is None:
            return "", "neutral"
        state = review.states.get(step.step_id)
        if state is StepState.APPROVED:
            return self.tr("You may approve it: %1").replace("%1", verdict.clause), "ok"
        if state is StepState.AWAITING_SUPERVISOR:
            return self.to_supervisor(verdict), "warning"
        return self.tr("Cannot be approved: %1").replace("%1", verdict.clause), "danger"

    def edited(self, card: StepCard) -> str:
        return self.tr(
            "Step %1 edited and ticked. Approve selected (Ctrl+Shift+Return) uses your "
            "version; approving re-checks who may approve it."
        ).replace("%1", str(card.index))

    def reject_scope(self, selected: list[StepCard], open_steps: int) -> str:
        if not selected:
            return self.tr("Reject the whole plan (%1 open steps).").replace("%1", str(open_steps))
        names = ", ".join(
            f"{card.index}. {labels.action_kind(ActionKind(card.step.action))}" for card in selected
        )
        return self.tr("Reject the selected steps: %1.").replace("%1", names)

    # --- outcomes ---------------------------------------------------------------------------
    def steps(self, n: int) -> str:
        return self.tr("1 step") if n == 1 else self.tr("%1 steps").replace("%1", str(n))

    def approved(self, result: DecisionResult) -> str:
        approved = sum(o.state is StepState.APPROVED for o in result.outcomes)
        waiting = len(result.awaiting_supervisor)
        parts = []
        if approved:
            verb = (
                self.tr("Edited and approved %1")
                if result.decision.kind is DecisionKind.EDIT
                else self.tr("Approved %1")
            )
            parts.append(verb.replace("%1", self.steps(approved)))
            if waiting:
                parts.append(self.tr("%1 sent to a supervisor").replace("%1", str(waiting)))
        elif waiting:
            parts.append(self.tr("Sent %1 to a supervisor").replace("%1", self.steps(waiting)))
        return "; ".join(parts) + "."

    def reason(self, code: ReasonCode) -> str:
        return {
            ReasonCode.WRONG_FACTS: self.tr("wrong facts"),
            ReasonCode.AGAINST_POLICY: self.tr("against policy"),
            ReasonCode.CUSTOMER_PREFERENCE: self.tr("customer preference"),
            ReasonCode.TONE: self.tr("tone"),
            ReasonCode.MISSING_INFORMATION: self.tr("missing information"),
            ReasonCode.OTHER: self.tr("other"),
        }.get(code, str(code))

    def rejected(self, result: DecisionResult) -> str:
        code = result.decision.reason_code
        reason = self.reason(code) if code is not None else ""
        return (
            self.tr("Rejected %1 (%2).")
            .replace("%1", self.steps(len(result.outcomes)))
            .replace("%2", reason)
        )

    def instructed(self, words: str) -> str:
        return self.tr("Instruction kept for this case: “%1”.").replace("%1", words)

    def replanning(self) -> str:
        return self.tr("Re-planning with your instruction…")

    def planning_again(self) -> str:
        return self.tr("The AI is planning this case again…")

    def took_over(self) -> str:
        return self.tr("You took this case over.")

    def handed_back(self) -> str:
        return self.tr("Handed back: the AI plans this case again.")

    def deferred(self) -> str:
        return self.tr("Deferred: nothing was done; the plan stays here for later.")

    def refused(self, error: Exception) -> str:
        return self.tr("Not done: %1").replace("%1", refusal(error))

    def failed(self, error: Exception) -> str:
        return self.tr(
            "Something went wrong; the case's timeline shows what was recorded: %1"
        ).replace("%1", str(error) or type(error).__name__)
