"""The human controls under the plan: approve, approve selected, edit, reject, instruct,
take over / hand back and defer — buttons and window-wide shortcuts for each.

Against automation bias: Approve is never focused or made a default button, and it works
only once the person has had each step's authority badge and the reasoning on screen (a
shortcut pressed too early scrolls to what is unread and says so instead). Steps the map
forbids, or leaves to people outside Tandem, cannot be approved; the services re-check
everything anyway and their refusals are shown in plain words, never swallowed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QGridLayout, QPushButton, QVBoxLayout, QWidget

from console.domain.kinds import ActionKind, AutonomyLevel, OwnerKind, StepState
from console.services.bus import ApprovalsChanged, DecisionsChanged, PauseChanged
from console.services.roles import Capability, allowed
from console.ui.decision_commands import SLOT_RECHECK, DecisionCommands
from console.ui.decision_text import DecisionText
from console.ui.execution_status import StepExecutions
from console.ui.proposal_steps import StepCard, plain

if TYPE_CHECKING:
    from console.domain.authority import Verdict
    from console.domain.case import WorkOwner
    from console.domain.proposal import Proposal
    from console.services.cases import CaseDetail
    from console.services.decisions import PlanVersions
    from console.ui.proposal_panel import ProposalPanel


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
READ_MIN_PX = 48  # this much of the reasoning (or all of it, if shorter) must be on screen
BLOCKED = frozenset({AutonomyLevel.FORBID, AutonomyLevel.SUGGEST})
SLOT_VERSIONS = "proposal.versions"


def visible_height(widget: QWidget) -> int:
    """How many pixels of ``widget`` are on screen now (0 when hidden or scrolled away)."""
    if not widget.isVisible():
        return 0
    region = widget.visibleRegion()
    return 0 if region.isEmpty() else region.boundingRect().height()


class DecisionControls(DecisionCommands, QWidget):
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

        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(0)
        self._check_timer.timeout.connect(self.check_reading)
        scroll = panel.scroll
        scroll.verticalScrollBar().valueChanged.connect(self.schedule_check)
        scroll.verticalScrollBar().rangeChanged.connect(self.schedule_check)
        for watched in (panel, scroll.viewport(), scroll.widget()):
            watched.installEventFilter(self)
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

    # --- who and what -----------------------------------------------------------------------
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

    # --- having read ------------------------------------------------------------------------
    def schedule_check(self, *_args: object) -> None:
        self._check_timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Show, QEvent.Type.Resize, QEvent.Type.LayoutRequest):
            self.schedule_check()
        return False

    def check_reading(self) -> None:
        """Enable Approve once each step's badge has been on screen and the reasoning is."""
        proposal = self.proposal()
        if proposal is None or not self.panel.scroll.isVisible():
            self._set_read(False)
            return
        self.services.decisions.presented(proposal.id)
        for card in self.panel.cards:
            badge = card.verdict
            if badge.height() and visible_height(badge) >= badge.height():
                self.seen.add(card.step.step_id)
        self._set_read(self.reasoning_on_screen() and not self.unseen())

    def reasoning_on_screen(self) -> bool:
        reasoning = self.panel.reasoning
        if not reasoning.isVisible() or reasoning.height() == 0:
            return True  # nothing to read
        return visible_height(reasoning) >= min(reasoning.height(), READ_MIN_PX)

    def unseen(self) -> list[StepCard]:
        return [c for c in self.panel.cards if c.step.step_id not in self.seen]

    def _set_read(self, read: bool) -> None:
        if read != self.read:
            self.read = read
            self.update_state()

    def _show_unread(self) -> None:
        """Scroll to what is unread and say so (the shortcut pressed too early)."""
        unseen = self.unseen()
        scroll = self.panel.scroll
        if unseen:
            scroll.ensureWidgetVisible(unseen[0].verdict, 10, 40)
            self.say(self.text.look_at_steps(), "warning")
        else:
            scroll.ensureWidgetVisible(self.panel.reasoning, 0, 10)
            self.say(self.text.read_first(), "warning")
        self.schedule_check()

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
