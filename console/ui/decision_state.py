"""What the human controls act on: who is signed in and what their role allows, who owns
the case, the proposal on screen, and for each step card its verdict (of the edited values
once edited), its state, and whether it is open, selected, or blocked from approval (the
map forbids it, leaves it to people outside Tandem, or its action is paused).

Questions only, no widgets: :class:`~console.ui.decision_controls.DecisionControls` mixes
this in and keeps the state it reads (``versions``, ``edit_verdicts``, ``owner``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from console.domain.kinds import ActionKind, AutonomyLevel, OwnerKind, StepState
from console.services.roles import Capability, allowed

if TYPE_CHECKING:
    from console.domain.authority import Verdict
    from console.domain.case import WorkOwner
    from console.domain.proposal import Proposal
    from console.services import Services
    from console.services.decisions import PlanVersions
    from console.ui.decision_text import DecisionText
    from console.ui.proposal_panel import ProposalPanel
    from console.ui.proposal_steps import StepCard

BLOCKED = frozenset({AutonomyLevel.FORBID, AutonomyLevel.SUGGEST})


class DecisionState:
    """The controls' questions about the open case and its plan (see DecisionControls)."""

    panel: ProposalPanel
    services: Services
    text: DecisionText
    versions: PlanVersions | None
    edit_verdicts: dict[str, Verdict]  # step id -> verdict of the edited step
    owner: WorkOwner | None

    def principal(self) -> Any:
        return self.services.principal()

    def may(self, capability: Capability) -> bool:
        return allowed(self.principal(), capability, sandbox=self.services.sandbox)

    @property
    def taken_over(self) -> bool:
        return self.owner is not None and self.owner.kind is OwnerKind.AGENT

    @property
    def taken_by_other(self) -> bool:
        return (
            self.taken_over
            and self.owner is not None
            and self.owner.id != self.principal().user_id
            and not self.may(Capability.REVIEW_APPROVALS)
        )

    def proposal(self) -> Proposal | None:
        proposal = self.panel.proposal
        if proposal is None or proposal.case_id != self.panel.case_id:
            return None
        return proposal

    def loaded(self) -> bool:
        proposal = self.proposal()
        return (
            proposal is not None
            and self.versions is not None
            and self.versions.proposal.id == proposal.id
        )

    def verdict(self, card: StepCard) -> Verdict | None:
        step_id = card.step.step_id
        if step_id in self.edit_verdicts and card.edited is not None:
            return self.edit_verdicts[step_id]
        proposal = self.proposal()
        given = {v.step_id: v for v in proposal.verdicts} if proposal else {}
        return given.get(step_id)

    def state(self, card: StepCard) -> StepState | None:
        return self.versions.state(card.step.step_id) if self.versions else None

    def is_open(self, card: StepCard) -> bool:
        state = self.state(card)
        if state is None:
            return self.loaded()
        return state is StepState.AWAITING_SUPERVISOR and self.may(Capability.APPROVE_ABOVE_AGENT)

    def blocked(self, card: StepCard) -> str | None:
        """Why ``card`` cannot be approved here (forbidden, outside Tandem, paused), if so."""
        verdict = self.verdict(card)
        if verdict is not None and verdict.level in BLOCKED:
            return self.text.blocked(card, verdict)
        pause = self.services.controls.paused_for(card.current.action)
        if pause is not None:
            return self.text.paused(ActionKind(card.current.action), pause)
        return None

    def open_cards(self) -> list[StepCard]:
        return [card for card in self.panel.cards if self.is_open(card)]

    def selected_cards(self) -> list[StepCard]:
        return [card for card in self.panel.cards if card.selected() and self.is_open(card)]

    def edit_target(self) -> StepCard | None:
        selected = self.selected_cards()
        if len(selected) == 1:
            return selected[0]
        if selected:
            return None
        focus = self.panel.focusWidget()
        for card in self.open_cards():
            if focus is not None and card.isAncestorOf(focus):
                return card
        cards = self.open_cards()
        return cards[0] if len(cards) == 1 else None
