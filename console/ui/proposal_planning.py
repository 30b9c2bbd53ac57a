"""Loading and planning for the proposal panel: opening a case shows its latest proposal and
plans it again when there is none or the case has news from its customer or systems since;
Re-plan (Ctrl+R) plans the open case again; a ``ProposalReady`` for the open case shows the
newest plan. A case taken over by a person is never planned.

A planning run is shielded: leaving the case does not cancel a plan that is nearly done,
and a newer run (news arrived) shows its own result. The panel's strings stay in its own
translation context: this module asks the panel for them.
:class:`~console.ui.proposal_panel.ProposalPanel` mixes this in.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from console.domain.kinds import EventSource

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel, QPushButton

    from console.domain.proposal import Proposal
    from console.services import Services
    from console.services.bus import ProposalReady
    from console.ui.tasks import TaskSlots

SLOT = "proposal"
_PLANNING_SOURCES = frozenset({EventSource.AI.value, EventSource.TANDEM.value})


class ProposalPlanning:
    """Which plan to show and when to plan, for the panel (see ProposalPanel)."""

    services: Services
    slots: TaskSlots
    case_id: str | None
    proposal: Proposal | None
    auto_plan: bool
    replan: QPushButton
    status: QLabel
    _planning: bool

    if TYPE_CHECKING:

        @property
        def ai_out(self) -> bool: ...
        def ai_out_changed(self) -> None: ...
        def show_proposal(self, proposal: Proposal) -> None: ...
        def _empty(self, message: str, planner: str = "") -> None: ...
        def _set_planning(self, on: bool) -> None: ...
        def _taken_over_text(self) -> str: ...
        def _cannot_plan_text(self) -> str: ...

    async def _open(self, case_id: str) -> None:
        planning = self.services.planning
        proposal = await planning.latest(case_id)
        if case_id != self.case_id:
            return
        if proposal is not None:
            self.show_proposal(proposal)
        if self.ai_out:  # taken over: the AI stays out of it
            if proposal is None:
                self._empty(self._taken_over_text())
            self.ai_out_changed()
            return
        if self.auto_plan and (proposal is None or self._stale(case_id, proposal)):
            await self._plan(case_id)

    def request_replan(self) -> None:
        """Plan the open case again (Ctrl+R)."""
        if (
            self.case_id is not None
            and not self.ai_out
            and not self.replan.isHidden()
            and self.replan.isEnabled()
        ):
            self.slots.start(SLOT, self._plan(self.case_id))
            self._set_planning(True)  # at once, not when the task first runs

    async def _plan(self, case_id: str) -> None:
        self._set_planning(True)
        run = self.services.planning.replan(case_id)
        try:
            # Shielded: leaving the case does not cancel a plan that is nearly done.
            proposal = await asyncio.shield(run)
        except asyncio.CancelledError:
            me = asyncio.current_task()
            if run.cancelled() and me is not None and not me.cancelling():
                return  # a newer run took over (news arrived): its ProposalReady shows it
            if case_id == self.case_id:
                self._set_planning(False)
            raise
        if case_id != self.case_id:
            return
        self._set_planning(False)
        if proposal is None:
            self.status.setText(self._cannot_plan_text())
            self.status.show()
            return
        self.show_proposal(proposal)

    def _proposal_ready(self, event: ProposalReady) -> None:
        if event.case_id != self.case_id:
            return
        if self.proposal is not None and self.proposal.id == event.proposal_id:
            return
        if self._planning and self.slots.running(SLOT):  # our planning run shows it
            return
        self.slots.start(SLOT, self._show_latest(event.case_id))

    async def _show_latest(self, case_id: str) -> None:
        proposal = await self.services.planning.latest(case_id)
        if case_id != self.case_id:
            return
        self._set_planning(False)
        if proposal is not None:
            self.show_proposal(proposal)

    def _stale(self, case_id: str, proposal: Proposal) -> bool:
        """True when the case has news from its customer or systems after the proposal."""
        cases = self.services.cases
        found = cases.locate(f"{proposal.id}-proposed")
        if found is None:
            return True
        seq = found[1]
        last = cases.timeline_length(case_id)
        if last <= seq:
            return False
        rows = cases.timeline_page(case_id, seq + 1, last)
        return any(row.source not in _PLANNING_SOURCES for row in rows)

    def _locate(self, event_id: str) -> int | None:
        found = self.services.cases.locate(event_id)
        if found is None or found[0] != self.case_id:
            return None
        return found[1]
