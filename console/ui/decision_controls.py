"""The human controls under the plan: approve, approve selected, edit, reject, instruct,
take over / hand back and defer — buttons and window-wide shortcuts for each.

Against automation bias: Approve is never focused or made a default button, and it works
only once the person has had each step's authority badge and the reasoning on screen (a
shortcut pressed too early scrolls to what is unread and says so instead). Steps the map
forbids, or leaves to people outside Tandem, cannot be approved; the services re-check
everything anyway and their refusals are shown in plain words, never swallowed.

What each control does is :mod:`console.ui.decision_commands`, what they act on (the
steps' verdicts and states, which are open, selected or blocked) is
:mod:`console.ui.decision_state` and the read-first guard :mod:`console.ui.decision_reading`;
the public names of the last two are importable from here too, as before the split.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QGridLayout, QPushButton, QVBoxLayout, QWidget

from console.domain.kinds import AutonomyLevel, StepState
from console.services.bus import ApprovalsChanged, DecisionsChanged, PauseChanged
from console.services.roles import Capability
from console.ui.decision_commands import SLOT_RECHECK, DecisionCommands
from console.ui.decision_reading import READ_MIN_PX, ReadingGuard, visible_height
from console.ui.decision_state import BLOCKED, DecisionState
from console.ui.decision_text import DecisionText
from console.ui.execution_status import StepExecutions
from console.ui.proposal_steps import plain

if TYPE_CHECKING:
    from console.domain.authority import Verdict
    from console.domain.case import WorkOwner
    from console.domain.proposal import Proposal
    from console.services.cases import CaseDetail
    from console.services.decisions import PlanVersions
    from console.ui.proposal_panel import ProposalPanel

__all__ = ["BLOCKED", "KEYS", "READ_MIN_PX", "SLOT_VERSIONS", "DecisionControls", "visible_height"]

# The shortcuts, window-wide (the menus list them too, through control_actions()).
KEYS = {
    "approve": "Ctrl+Return",
    "approve_selected": "Ctrl+Shift+Return",
    "edit": "Ctrl+E",
    "reject": "Ctrl+Delete",
    "instruct": "Ctrl+I",
    "take_over": "Ctrl+T",
    "defer": "Ctrl+D",
}
SLOT_VERSIONS = "proposal.versions"


class DecisionControls(DecisionCommands, DecisionState, ReadingGuard, QWidget):
    done = Signal(str)  # a decision was recorded: its kind ("approve", "reject", …)
    failed = Signal(str)  # a control was refused: the message shown
    refreshed = Signal()  # the steps' states were (re)loaded and shown

    def __init__(self, panel: ProposalPanel) -> None:
        super().__init__(panel)
        self.setObjectName("decisionBar")
        self.panel = panel
        self.services = panel.services
        self.text = DecisionText(self)
        self.executions = StepExecutions(self)  # each approved step's write-back
        self.versions: PlanVersions | None = None
        self.reasons: dict[str, str] = {}  # decision id -> its reason code's label
        self.edit_verdicts: dict[str, Verdict] = {}  # step id -> verdict of the edited step
        self.seen: set[str] = set()  # step ids whose authority badge has been on screen
        self.read = False  # the reasoning is on screen and every badge has been
        self.owner: WorkOwner | None = None
        self._case_id: str | None = None
        self.busy = False
        self.dialog: Any = None  # the open Edit / Reject / Instruct dialog

        self.notice = plain("", "takeoverNotice", self)
        self.notice.hide()
        self.outcome = plain("", "decisionOutcome", self)
        self.outcome.setProperty("tone", "neutral")
        self.outcome.setAccessibleName(self.tr("Outcome of the last action"))
        self.outcome.hide()

        self._actions: dict[str, QAction] = {}
        self.buttons: dict[str, QPushButton] = {}
        specs: list[tuple[str, str, str, str, Callable[[], None]]] = [
            ("approve", self.tr("Approve"), self.tr("Approve every open step"),
             self.tr("Approve all open steps"), self.approve_all),
            ("approve_selected", self.tr("Approve selected"),
             self.tr("Approve only the steps you ticked"),
             self.tr("Approve the selected steps"), self.approve_selected),
            ("edit", self.tr("Edit…"), self.tr("Edit the selected step's values"),
             self.tr("Edit the selected step"), self.edit),
            ("reject", self.tr("Reject…"),
             self.tr("Reject the selected steps, or the whole plan, with a reason"),
             self.tr("Reject with a reason"), self.reject),
            ("instruct", self.tr("Instruct…"),
             self.tr("Tell the AI what to change and have it plan again"),
             self.tr("Instruct the AI"), self.instruct),
            ("take_over", self.tr("Take over"),
             self.tr("Work this case yourself; the AI stops proposing"),
             self.tr("Take the case over from the AI"), self.toggle_owner),
            ("defer", self.tr("Defer"), self.tr("Decide later; nothing is done"),
             self.tr("Defer the decision"), self.defer),
        ]  # fmt: skip
        for name, text, tip, accessible, slot in specs:
            action = QAction(text, panel)
            action.setObjectName(f"{name}Action")
            action.setShortcut(QKeySequence(KEYS[name]))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(slot)
            button = QPushButton(text, self, objectName=f"{name}Button")
            button.setAutoDefault(False)
            button.setDefault(False)
            button.clicked.connect(slot)
            self._actions[name] = action
            self.buttons[name] = button
            self._describe(name, tip, accessible)
        self.buttons["approve"].setFocusPolicy(Qt.FocusPolicy.TabFocus)  # never by a click

        grid = QGridLayout()
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(6)
        for column, name in enumerate(("approve", "approve_selected", "edit", "reject")):
            grid.addWidget(self.buttons[name], 0, column)
        for column, name in enumerate(("instruct", "take_over", "defer")):
            grid.addWidget(self.buttons[name], 1, column)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.notice)
        layout.addWidget(self.outcome)
        layout.addLayout(grid)

        self._watch_reading(panel)  # Approve waits until the plan has been read
        bus = self.services.bus
        self._unsubscribe = [
            bus.subscribe(DecisionsChanged, self._decisions_changed),
            bus.subscribe(ApprovalsChanged, lambda _event: self.reload()),
            bus.subscribe(PauseChanged, lambda _event: self.render()),
        ]
        self.update_state()

    # --- what the panel tells us ------------------------------------------------------------
    def actions(self) -> list[QAction]:  # type: ignore[override]
        return list(self._actions.values())

    def action(self, name: str) -> QAction:
        return self._actions[name]

    def case_changed(self, detail: CaseDetail | None) -> None:
        """The open case (or its owner) changed."""
        case_id = detail.case.id if detail is not None else None
        if case_id != self._case_id:
            self._case_id = case_id
            self.say("")
        self.owner = detail.case.owner if detail is not None else None
        self.render()

    def proposal_shown(self, proposal: Proposal) -> None:
        if self.versions is None or self.versions.proposal.id != proposal.id:
            self.versions = None
            self.edit_verdicts.clear()
            self.seen.clear()
            self.read = False
        self.reload()
        self.render()
        self.schedule_check()

    def proposal_cleared(self) -> None:
        self.versions = None
        self.edit_verdicts.clear()
        self.seen.clear()
        self.read = False
        self.panel.slots.cancel(SLOT_VERSIONS)
        self.executions.clear()
        self.render()

    def shutdown(self) -> None:
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe.clear()
        self.executions.shutdown()
        for slot in (SLOT_VERSIONS, SLOT_RECHECK):
            self.panel.slots.cancel(slot)

    # --- showing ----------------------------------------------------------------------------
    def render(self) -> None:
        """Each card's state, authority note and selectability; then the controls."""
        me = self.principal()
        for card in self.panel.cards:
            row = self.versions.decided.get(card.step.step_id) if self.versions else None
            if row is not None:
                text, tone = self.text.decided(row, me, self.reasons.get(row.decision_id))
                if row.state is StepState.APPROVED and self.executions.started(card):
                    text = self.text.approved_and_sent()
                card.set_decision(text, tone)
                card.set_selectable(self.is_open(card))
                continue
            card.set_selectable(self.loaded())
            blocked = self.blocked(card)
            verdict = self.verdict(card)
            if blocked is not None:
                card.set_decision(blocked, "danger")
            elif verdict is None:
                card.set_decision(self.text.unchecked(), "neutral")
            elif not self._may_approve(verdict.level):
                card.set_decision(self.text.to_supervisor(verdict), "warning")
            else:
                card.set_decision("", "neutral")
        self.update_state()

    def _may_approve(self, level: AutonomyLevel) -> bool:
        from console.policy.authority import may_approve

        return may_approve(self.principal().role, level, sandbox=self.services.sandbox)

    def update_state(self) -> None:
        """Enable each control only when it can work."""
        case_open = self.panel.case_id is not None
        self.setVisible(case_open)
        shown = self.loaded() and not self.busy
        ai_in = not self.taken_over
        free = not self.taken_by_other
        open_cards = self.open_cards() if shown else []
        selected = self.selected_cards() if shown else []
        approvable = all(self.blocked(card) is None for card in selected)
        state = {
            "approve": self.may(Capability.APPROVE) and ai_in and bool(open_cards),
            "approve_selected": self.may(Capability.APPROVE)
            and ai_in
            and bool(selected)
            and approvable,
            "edit": self.may(Capability.EDIT) and ai_in and self.edit_target() is not None,
            "reject": self.may(Capability.OVERRIDE) and free and bool(open_cards),
            "instruct": self.may(Capability.INSTRUCT)
            and case_open
            and ai_in
            and not self.busy
            and self.panel.replan.isVisibleTo(self.panel),
            "take_over": self.may(Capability.TAKE_OVER) and case_open and free and not self.busy,
            "defer": self.may(Capability.DEFER) and case_open and free and not self.busy,
        }
        if not shown:
            for name in ("approve", "approve_selected", "edit", "reject"):
                state[name] = False
        for name, on in state.items():
            self._actions[name].setEnabled(on)
            # Approving also needs the person to have read: the shortcut then says so.
            reading = self.read if name in ("approve", "approve_selected") else True
            self.buttons[name].setEnabled(on and reading)
        self._owner_texts()

    def _owner_texts(self) -> None:
        mine = self.taken_over and not self.taken_by_other
        name = "take_over"
        if mine:
            self._actions[name].setText(self.tr("Hand back"))
            self.buttons[name].setText(self.tr("Hand back"))
            self._describe(
                name,
                self.tr("Give the case back to the AI, which plans it again"),
                self.tr("Hand the case back to the AI"),
            )
        else:
            self._actions[name].setText(self.tr("Take over"))
            self.buttons[name].setText(self.tr("Take over"))
            self._describe(
                name,
                self.tr("Work this case yourself; the AI stops proposing"),
                self.tr("Take the case over from the AI"),
            )
        notice = self.text.owner_notice(self.owner, self.principal()) if self.taken_over else ""
        self.notice.setText(notice)
        self.notice.setVisible(bool(notice))

    def _describe(self, name: str, tip: str, accessible: str) -> None:
        keys = self._actions[name].shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        full = f"{tip} ({keys})"
        self._actions[name].setToolTip(full)
        self._actions[name].setStatusTip(tip)
        self.buttons[name].setToolTip(full)
        self.buttons[name].setAccessibleName(accessible)
        self.buttons[name].setAccessibleDescription(full)

    def say(self, text: str, tone: str = "neutral") -> None:
        """The outcome of the last action, or why it was refused, in plain words."""
        self.outcome.setText(text)
        self.outcome.setVisible(bool(text))
        if self.outcome.property("tone") != tone:
            self.outcome.setProperty("tone", tone)
            self.outcome.style().unpolish(self.outcome)
            self.outcome.style().polish(self.outcome)

    # --- loading ----------------------------------------------------------------------------
    def _decisions_changed(self, event: DecisionsChanged) -> None:
        if event.case_id == self.panel.case_id:
            self.reload()

    def reload(self) -> None:
        proposal = self.proposal()
        if proposal is not None:
            self.panel.slots.start(SLOT_VERSIONS, self._load(proposal))

    async def _load(self, proposal: Proposal) -> None:
        decisions = self.services.decisions
        versions = await decisions.versions(proposal.id)
        history = await decisions.decisions(proposal.case_id)
        if self.proposal() is None or self.panel.proposal is not proposal:
            return
        self.versions = versions
        self.reasons = {
            d.id: self.text.reason(d.reason_code) for d in history if d.reason_code is not None
        }
        for card in self.panel.cards:  # a decided step shows the version that was decided
            row = versions.decided.get(card.step.step_id)
            if row is not None and row.step != card.step and card.edited != row.step:
                card.set_edited(row.step, self.text.decided_as_edited())
        self.render()
        self.executions.reload()
        self.refreshed.emit()
