"""What each human control does: approve, approve selected, edit, reject, instruct, take
over / hand back, defer — each a thin call of the decision service whose outcome, or
refusal, is said in the panel (:class:`~console.ui.decision_controls.DecisionControls`
mixes these in)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt

from console.domain.errors import TandemError
from console.domain.kinds import OwnerKind
from console.ui.decision_dialogs import InstructDialog, RejectDialog
from console.ui.refusal_text import refusal

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QWidget

    from console.domain.authority import Verdict
    from console.domain.case import WorkOwner
    from console.domain.proposal import Proposal
    from console.services import Services
    from console.ui.decision_text import DecisionText
    from console.ui.proposal_panel import ProposalPanel
    from console.ui.proposal_steps import StepCard

log = logging.getLogger(__name__)

SLOT_DECIDE = "proposal.decide"
SLOT_RECHECK = "proposal.recheck"


class DecisionCommands:
    """The commands, for a widget that has the controls' state (see DecisionControls)."""

    panel: ProposalPanel
    services: Services
    text: DecisionText
    _actions: dict[str, QAction]
    edit_verdicts: dict[str, Verdict]
    owner: WorkOwner | None
    busy: bool
    read: bool
    dialog: Any
    done: Any
    failed: Any
    outcome: Any

    if TYPE_CHECKING:

        def principal(self) -> Any: ...
        def proposal(self) -> Proposal | None: ...
        def open_cards(self) -> list[StepCard]: ...
        def selected_cards(self) -> list[StepCard]: ...
        def edit_target(self) -> StepCard | None: ...
        def blocked(self, card: StepCard) -> str | None: ...
        def say(self, text: str, tone: str = "neutral") -> None: ...
        def render(self) -> None: ...
        def update_state(self) -> None: ...
        def window(self) -> QWidget: ...
        def _show_unread(self) -> None: ...
        @property
        def taken_over(self) -> bool: ...

    # --- the controls -----------------------------------------------------------------------
    def approve_all(self) -> None:
        if not self._actions["approve"].isEnabled():
            return
        if not self.read:
            self._show_unread()
            return
        cards = self.open_cards()
        blocked = [(card, why) for card in cards if (why := self.blocked(card)) is not None]
        if blocked:
            self.say(self.text.approve_all_blocked(blocked), "danger")
            self.failed.emit(self.outcome.text())
            return
        self._approve(cards)

    def approve_selected(self) -> None:
        if not self._actions["approve_selected"].isEnabled():
            return
        if not self.read:
            self._show_unread()
            return
        self._approve(self.selected_cards())

    def _approve(self, cards: list[StepCard]) -> None:
        proposal = self.proposal()
        if proposal is None or not cards:
            return
        ids = [card.step.step_id for card in cards]
        edited = [card.edited for card in cards if card.edited is not None]
        call = self.services.decisions.approve(
            proposal.case_id, proposal.id, self.principal(), step_ids=ids, edited=edited or None
        )
        self._run("approve", call, lambda result: self.say(self.text.approved(result), "ok"))

    def edit(self) -> None:
        if not self._actions["edit"].isEnabled():
            return
        card = self.edit_target()
        proposal = self.proposal()
        if card is None or proposal is None:
            return
        from console.ui.step_form import StepEditDialog

        case_id, proposal_id = proposal.case_id, proposal.id
        holder: list[Any] = []  # the dialog, once built (it re-checks while it is built)

        def recheck(step: Any) -> tuple[str, str]:
            # The form's re-check is synchronous; the service's is not: say "re-checking"
            # now and put the answer in the form when it comes (the approval re-checks too).
            self.panel.slots.start(SLOT_RECHECK, self._recheck(holder, case_id, proposal_id, step))
            return self.text.rechecking(), "neutral"

        dialog = StepEditDialog(card.current, recheck=recheck, parent=self.window())
        holder.append(dialog)

        def accepted() -> None:
            step = dialog.edited_step()
            if step is None or card not in self.panel.cards:
                return
            card.set_edited(step)
            card.select.setChecked(True)
            self.say(self.text.edited(card), "neutral")
            self.panel.slots.start(SLOT_RECHECK, self._review_edit(card, case_id, proposal_id))

        self._open(dialog, accepted)

    async def _recheck(self, holder: list[Any], case_id: str, proposal_id: str, step: Any) -> None:
        try:
            review = await self.services.decisions.review(
                case_id, proposal_id, [step], self.principal()
            )
        except TandemError as error:
            text, tone = refusal(error), "warning"
        else:
            text, tone = self.text.review(review, step)
        dialog = holder[0] if holder else None
        if dialog is not None and self.dialog is dialog and dialog.form.value() == step:
            dialog.form.set_verdict_text(text, tone)

    async def _review_edit(self, card: StepCard, case_id: str, proposal_id: str) -> None:
        step = card.edited
        if step is None:
            return
        review = await self.services.decisions.review(
            case_id, proposal_id, [step], self.principal()
        )
        if card.edited is step and review.verdicts:
            self.edit_verdicts[step.step_id] = review.verdicts[0]
            self.render()

    def reject(self) -> None:
        if not self._actions["reject"].isEnabled():
            return
        proposal = self.proposal()
        if proposal is None:
            return
        selected = self.selected_cards()
        dialog = RejectDialog(
            self.text.reject_scope(selected, len(self.open_cards())), self.window()
        )
        ids = [card.step.step_id for card in selected] or None

        def accepted() -> None:
            code = dialog.code()
            if code is None:
                return
            call = self.services.decisions.reject(
                proposal.case_id, proposal.id, self.principal(), code, dialog.text(), step_ids=ids
            )
            self._run("reject", call, lambda result: self.say(self.text.rejected(result), "ok"))

        self._open(dialog, accepted)

    def instruct(self) -> None:
        if not self._actions["instruct"].isEnabled():
            return
        case_id = self.panel.case_id
        if case_id is None:
            return
        proposal = self.proposal()
        dialog = InstructDialog(self.window())

        def accepted() -> None:
            words = dialog.text()
            call = self.services.decisions.instruct(
                case_id, words, self.principal(), proposal_id=proposal.id if proposal else None
            )
            self._run(
                "instruct",
                call,
                lambda _d: self._replanning(self.text.instructed(words), self.text.replanning()),
            )

        self._open(dialog, accepted)

    def toggle_owner(self) -> None:
        if not self._actions["take_over"].isEnabled() or self.panel.case_id is None:
            return
        case_id, by = self.panel.case_id, self.principal()
        decisions = self.services.decisions
        if self.taken_over:
            self._run("hand_back", decisions.hand_back(case_id, by), self._handed_back)
        else:
            self._run("take_over", decisions.take_over(case_id, by), self._took_over)

    def _took_over(self, _decision: Any) -> None:
        from console.domain.case import WorkOwner

        self.owner = WorkOwner(kind=OwnerKind.AGENT, id=self.principal().user_id)
        self.panel.ai_out_changed()
        self.say(self.text.took_over(), "ok")

    def _handed_back(self, _decision: Any) -> None:
        from console.domain.case import WorkOwner

        self.owner = WorkOwner(kind=OwnerKind.AI)
        self.panel.ai_out_changed()
        self._replanning(self.text.handed_back(), self.text.planning_again())

    def defer(self) -> None:
        if not self._actions["defer"].isEnabled() or self.panel.case_id is None:
            return
        proposal = self.proposal()
        call = self.services.decisions.defer(
            self.panel.case_id, self.principal(), proposal_id=proposal.id if proposal else None
        )
        self._run("defer", call, lambda _d: self.say(self.text.deferred(), "ok"))

    def _replanning(self, text: str, status: str) -> None:
        self.say(text, "ok")
        self.panel.show_replanning(status)

    # --- running ----------------------------------------------------------------------------
    def _open(self, dialog: Any, accepted: Callable[[], None]) -> None:
        """Open ``dialog`` without a nested loop; ``accepted`` runs on OK."""
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.accepted.connect(accepted)

        def finished() -> None:
            if self.dialog is dialog:
                self.dialog = None

        dialog.finished.connect(finished)
        dialog.open()

    def _run(self, kind: str, call: Coroutine[Any, Any, Any], shown: Callable[[Any], None]) -> None:
        self.busy = True
        self.update_state()
        self.panel.slots.start(SLOT_DECIDE, self._decide(kind, call, shown, self.panel.case_id))

    async def _decide(
        self,
        kind: str,
        call: Coroutine[Any, Any, Any],
        shown: Callable[[Any], None],
        case_id: str | None,
    ) -> None:
        try:
            result = await call
        except TandemError as error:  # NotPermitted, ConflictError, InvalidInput, NotFound
            if case_id == self.panel.case_id:
                self.say(self.text.refused(error), "danger")
            self.failed.emit(str(error))
        except Exception as error:  # never a crash, never silent
            log.exception("a decision (%s) failed", kind)
            if case_id == self.panel.case_id:
                self.say(self.text.failed(error), "danger")
            self.failed.emit(str(error))
        else:
            if case_id == self.panel.case_id:
                shown(result)
            self.done.emit(kind)
        finally:
            self.busy = False
            self.update_state()
