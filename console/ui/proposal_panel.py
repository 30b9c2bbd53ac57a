"""The AI's proposal for the open case: who made it, when, how sure, the plan's steps with a
dry-run preview each, and the reasoning with citations.

Opening a case shows its latest proposal and re-plans it when there is none or the case
has news since (a visible "Planning…" line, the old plan stays readable meanwhile). A
``ProposalReady`` for the open case shows the new plan, keeping the scroll position.
The planning service (and pydantic) is touched only once a case opens, which is after the
warm-up: never on the first paint's path (ADR 0004).

Loading and planning are :mod:`console.ui.proposal_planning`; the step cards
:mod:`console.ui.proposal_steps`, the reasoning :mod:`console.ui.proposal_reasoning` and the
controls under the plan :mod:`console.ui.decision_controls`.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from console.services.bus import PlanningText, ProposalReady
from console.ui import labels
from console.ui.decision_controls import DecisionControls
from console.ui.proposal_planning import SLOT, ProposalPlanning
from console.ui.proposal_reasoning import ReasoningView
from console.ui.proposal_steps import StepCard, plain
from console.ui.tasks import TaskSlots

if TYPE_CHECKING:
    from console.domain.proposal import Proposal
    from console.services import Services
    from console.services.cases import CaseDetail

__all__ = ["SLOT", "STREAM_TAIL", "ProposalPanel", "is_fallback"]

STREAM_TAIL = 600  # characters of streamed model text shown while it plans


def is_fallback(proposal: Proposal) -> bool:
    return "fallback" in proposal.planner.name.lower()


class ProposalPanel(ProposalPlanning, QWidget):
    shown = Signal(str)  # a proposal id, once it is on screen
    cited = Signal(str)  # an event id whose citation chip was activated

    # Plan a case on opening when it has no plan or news since its plan. Off, the panel
    # only shows stored plans and plans on Re-plan (the timeline tests count events).
    auto_plan = True

    def __init__(self, services: Services, slots: TaskSlots, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.slots = slots
        self.case_id: str | None = None
        self.proposal: Proposal | None = None
        self.cards: list[StepCard] = []
        self.detail: CaseDetail | None = None
        self.setObjectName("card")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAccessibleName(self.tr("AI proposal"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._planning = False

        # The empty states.
        self.title = plain(self.tr("No plan yet"), "emptyTitle", self)
        self.message = plain("", "emptyState", self)
        self.planner = plain("", "emptyState", self)  # what planner will plan it

        # The proposal's header.
        self.marker = plain(self.tr("AI-proposed"), "aiMarker", self, wrap=False)
        self.marker.setToolTip(self.tr("This plan was proposed by the AI; nothing is done yet."))
        self.replan = QPushButton(self.tr("Re-plan"), self, objectName="replanButton")
        self.replan.setToolTip(self.tr("Plan this case again from its latest facts (Ctrl+R)"))
        self.replan.setAccessibleName(self.tr("Re-plan this case"))
        self.replan.clicked.connect(self.request_replan)
        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(self.marker)
        top.addStretch(1)
        top.addWidget(self.replan)
        self.identity = plain("", "plannerIdentity", self)
        self.meter = QProgressBar(self, objectName="confidenceMeter")
        self.meter.setRange(0, 100)
        self.meter.setTextVisible(False)
        self.meter.setFixedWidth(90)
        self.confidence = plain("", "confidenceText", self, wrap=False)
        confidence = QHBoxLayout()
        confidence.setSpacing(6)
        confidence.addWidget(plain(self.tr("Confidence"), "fieldLabel", self, wrap=False))
        confidence.addWidget(self.meter)
        confidence.addWidget(self.confidence)
        confidence.addStretch(1)
        self.status = plain("", "planningStatus", self)
        self.banner = plain("", "fallbackBanner", self)
        self.banner.setAccessibleName(self.tr("The language model was not used"))

        # The plan, in a scroll area (a plan has at most about ten steps).
        self.summary = plain("", "proposalSummary")
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.steps_title = plain(self.tr("Plan"), "sectionTitle", wrap=False)
        self.steps = QVBoxLayout()
        self.steps.setSpacing(6)
        self.reasoning = ReasoningView()
        self.reasoning.cited.connect(self.cited)
        content = QWidget(objectName="proposalContent")
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 6, 6)
        column.setSpacing(6)
        column.addWidget(self.summary)
        column.addWidget(self.steps_title)
        column.addLayout(self.steps)
        column.addWidget(self.reasoning)
        column.addStretch(1)
        self.scroll = QScrollArea(self, objectName="proposalScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(content)
        self.scroll.setAccessibleName(self.tr("The proposed plan"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 8, 10)
        layout.setSpacing(6)
        for widget in (self.title, self.message, self.planner):
            layout.addWidget(widget)
        layout.addLayout(top)
        layout.addWidget(self.identity)
        layout.addLayout(confidence)
        layout.addWidget(self.banner)
        layout.addWidget(self.status)
        layout.addWidget(self.scroll, 1)
        # The human controls under the plan, with window-wide shortcuts.
        self.controls = DecisionControls(self)
        layout.addWidget(self.controls)
        self.addActions(self.controls.actions())
        self._head = [self.marker, self.replan, self.identity, self.meter, self.confidence]
        self._head.append(confidence.itemAt(0).widget())
        self._streamed = ""  # what a language model has written so far for this case
        self._unsubscribe: list[Callable[[], None]] = [
            services.bus.subscribe(PlanningText, self._planning_text),
            services.bus.subscribe(ProposalReady, self._proposal_ready),
        ]
        self.show_detail(None)

    def control_actions(self) -> list[QAction]:
        """Approve, approve selected, edit, reject, instruct, take over / hand back, defer:
        for the command palette and the shortcuts list."""
        return self.controls.actions()

    @property
    def ai_out(self) -> bool:
        """A person has taken the open case over: the AI does not plan it."""
        return self.controls.taken_over

    # --- states -----------------------------------------------------------------------------
    def _empty(self, message: str, planner: str = "") -> None:
        self.proposal = None
        self._clear_plan()
        self.controls.proposal_cleared()
        self.title.show()
        self.message.setText(message)
        self.message.show()
        self.planner.setText(planner)
        self.planner.setVisible(bool(planner))
        for widget in self._head:
            widget.hide()
        self.replan.setVisible(self.case_id is not None and message == self._no_plan_text())
        self.banner.hide()
        self.scroll.hide()

    def _no_plan_text(self) -> str:
        return self.tr("The AI has not proposed a plan for this case yet.")

    def _taken_over_text(self) -> str:
        return self.tr("A person has taken this case over; the AI is not proposing for it.")

    def _cannot_plan_text(self) -> str:
        return self.tr("The AI could not plan this case; see the status bar.")

    def _planning_text(self, event: PlanningText) -> None:
        """A language model's text as it arrives, under "Planning…" (plain text, the tail)."""
        if event.case_id != self.case_id or not self._planning:
            return
        self._streamed = (self._streamed + event.text)[-STREAM_TAIL:]
        self.status.setText(self.tr("Planning… the language model writes:") + "\n" + self._streamed)

    def _set_planning(self, on: bool) -> None:
        self._planning = on
        self._streamed = ""
        self.status.setText(self.tr("Planning…") if on else "")
        self.status.setVisible(on)
        self.replan.setEnabled(not on and not self.ai_out)

    def show_replanning(self, text: str) -> None:
        """The AI plans the case again after a person's instruction or hand-back; the new
        plan arrives as ``ProposalReady``."""
        self._set_planning(True)
        self.status.setText(text)

    def ai_out_changed(self) -> None:
        """The case was taken over or handed back (by the controls or from outside)."""
        if self.ai_out and self._planning:
            self.slots.cancel(SLOT)
            self._set_planning(False)
        self.replan.setEnabled(not self._planning and not self.ai_out)
        self.replan.setToolTip(
            self.tr("Hand the case back (Ctrl+T) to let the AI plan it again")
            if self.ai_out
            else self.tr("Plan this case again from its latest facts (Ctrl+R)")
        )
        self.controls.render()

    def show_detail(self, detail: CaseDetail | None) -> None:
        """The open case (or none). A case already shown keeps its plan."""
        self.detail = detail
        taken = self.ai_out
        self.controls.case_changed(detail)
        if taken != self.ai_out:
            self.ai_out_changed()
        if detail is None:
            self.case_id = None
            self.slots.cancel(SLOT)
            self._set_planning(False)
            self._empty(self.tr("Open a case to see the AI's plan for it."))
            return
        case_id = detail.case.id
        if case_id == self.case_id and self.proposal is not None:
            return
        self.case_id = case_id
        self._set_planning(False)
        if not detail.customer.consent.ai_processing:
            self.slots.cancel(SLOT)
            self._empty(
                self.tr(
                    "The customer has not consented to AI processing, so the AI will not "
                    "plan this case. Work it by hand."
                )
            )
            self.replan.hide()
            return
        self._empty(
            self._no_plan_text(),
            self.tr("Planner: the built-in playbook planner (offline, rule-based)."),
        )
        self.slots.start(SLOT, self._open(case_id))

    # --- the proposal -----------------------------------------------------------------------
    def show_proposal(self, proposal: Proposal) -> None:
        same_case = self.proposal is not None and self.proposal.case_id == proposal.case_id
        position = self.scroll.verticalScrollBar().value() if same_case else 0
        self.proposal = proposal
        self.title.hide()
        self.message.hide()
        self.planner.hide()
        for widget in self._head:
            widget.show()
        planner = proposal.planner
        identity = f"{planner.name} {planner.version}"
        if planner.model:
            identity += f" · {planner.model}"
        self.identity.setText(
            self.tr("By %1 · %2")
            .replace("%1", identity)
            .replace("%2", labels.ago(proposal.created_at))
        )
        self.identity.setToolTip(labels.exact(proposal.created_at))
        percent = round(proposal.confidence * 100)
        self.meter.setValue(percent)
        self.meter.setAccessibleName(self.tr("Confidence %1%").replace("%1", str(percent)))
        self.confidence.setText(f"{percent}%")
        if is_fallback(proposal):
            reason = proposal.reasoning[0].claim if proposal.reasoning else ""
            self.banner.setText(
                self.tr(
                    "The language model could not be used; this plan comes from the playbooks: %1"
                ).replace("%1", reason)
            )
            self.banner.show()
        else:
            self.banner.hide()
        self.summary.setText(proposal.summary)
        self._clear_plan()
        verdicts = {verdict.step_id: verdict for verdict in proposal.verdicts}
        content = self.scroll.widget()
        for index, step in enumerate(proposal.steps, start=1):
            card = StepCard(index, step, verdicts.get(step.step_id), content)
            self.steps.addWidget(card)
            self.cards.append(card)
        count = len(self.cards)
        self.steps_title.setText(
            self.tr("Plan (1 step)")
            if count == 1
            else self.tr("Plan (%1 steps)").replace("%1", str(count))
        )
        self.reasoning.show_proposal(proposal, self._locate)
        self.scroll.show()
        self.controls.proposal_shown(proposal)
        for card in self.cards:
            card.select.toggled.connect(self.controls.update_state)
        self._fix_tab_order()
        if position:
            bar = self.scroll.verticalScrollBar()
            QTimer.singleShot(0, lambda: bar.setValue(position))
        else:
            self.scroll.verticalScrollBar().setValue(0)
        self.shown.emit(proposal.id)

    def _clear_plan(self) -> None:
        for card in self.cards:
            self.steps.removeWidget(card)
            card.deleteLater()
        self.cards.clear()

    def _fix_tab_order(self) -> None:
        chain: list[QWidget] = [self.replan]
        for card in self.cards:
            chain += [card.select, card.toggle]
            if card.message is not None:
                chain.append(card.message)
        chain += [chip for chip in self.reasoning.chips if chip.isEnabled()]
        chain += list(self.controls.buttons.values())
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def focus_panel(self) -> None:
        target = self.replan if self.replan.isVisible() else self
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def shutdown(self) -> None:
        self.controls.shutdown()
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe.clear()
        self.slots.cancel(SLOT)
