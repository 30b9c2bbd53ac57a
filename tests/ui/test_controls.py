"""The human controls under the plan: approve (all, selected), edit, reject, instruct, take
over / hand back and defer — buttons, window-wide shortcuts, the steps' states, the
authority map's refusals and the guards against approving unread plans."""

from __future__ import annotations

import asyncio
from decimal import Decimal
from typing import Any

import pytest
from pydantic import TypeAdapter
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QMainWindow, QPushButton

from console.domain.actions import ACTION_TYPES, PlanStep
from console.domain.case import ExternalRefs
from console.domain.facts import CaseFacts
from console.domain.kinds import DecisionKind, OwnerKind, ReasonCode, Role, StepState
from console.domain.proposal import Alternative, PlannerIdentity, Proposal, ReasoningStep
from console.services import Services
from console.services.planning import PlanningService
from console.services.roles import NotPermitted, Principal
from console.store import repositories as repo
from console.ui.decision_controls import KEYS
from tests.factories import case_file
from tests.ui.conftest import run_coro

STEPS: TypeAdapter[PlanStep] = TypeAdapter(PlanStep)
SUPERVISOR = Principal("sup-1", "Sam Supervisor", Role.SUPERVISOR)


def refund(step_id: str, amount: str, currency: str = "USD") -> PlanStep:
    params = {
        "order_id": "ORD-1",
        "payment_id": "PAY-1",
        "amount": {"amount": amount, "currency": currency},
        "reason": "damaged on arrival",
    }
    return STEPS.validate_python({"step_id": step_id, "action": "refund", "params": params})


def reply(step_id: str = "s-reply") -> PlanStep:
    return STEPS.validate_python(
        {
            "step_id": step_id,
            "action": "reply_to_customer",
            "params": {"channel": "email", "language": "en", "body": "Your refund is on its way."},
        }
    )


class StaticPlanner:
    """Proposes the steps it is given, with reasoning to read (each call a new proposal)."""

    identity = PlannerIdentity(name="static", version="1")

    def __init__(self) -> None:
        self.steps: list[PlanStep] = []
        self.calls = 0
        self.seen: list[CaseFacts] = []
        self.gate: asyncio.Event | None = None  # when set, planning waits for it

    async def plan(self, facts: CaseFacts) -> Proposal:
        self.calls += 1
        self.seen.append(facts)
        if self.gate is not None:
            await self.gate.wait()
        return Proposal(
            id=f"prop-{facts.case.id}-{self.calls}",
            case_id=facts.case.id,
            created_at=facts.now,
            planner=self.identity,
            summary="Refund the damaged item and tell the customer.",
            steps=list(self.steps),
            reasoning=[
                ReasoningStep(claim="The parcel arrived damaged.", policy_clause="Refund damage."),
                ReasoningStep(claim="The customer asked for their money back."),
            ],
            alternatives=[Alternative(description="Reship", why_not="Out of stock.")],
            confidence=0.8,
            input_digest=facts.digest(),
        )


class Desk:
    """One case (order ORD-1, payment PAY-1) and a planner that proposes what a test says."""

    def __init__(self, services: Services, case_id: str = "case-1") -> None:
        self.services = services
        self.planner = StaticPlanner()
        self.planning = PlanningService(
            services.store,
            services.bus,
            self.planner,
            policies=services.policies,
            controls=services.controls,
        )
        services.__dict__["planning"] = self.planning  # the services' replans use it
        refs = ExternalRefs(order_ids=["ORD-1"], payment_ids=["PAY-1"])
        cf = case_file(case_id, external_refs=refs)
        cf = cf.model_copy(update={"customer": cf.customer.model_copy(update={"id": "cus-1"})})
        services.store.write_sync(lambda db: repo.put_case_file(db, cf))
        self.case_id = case_id

    def propose(self, qtbot: Any, *steps: PlanStep) -> Proposal:
        self.planner.steps = list(steps)
        proposal: Proposal = run_coro(qtbot, self.planning.plan(self.case_id))
        return proposal

    def states(self, qtbot: Any, proposal: Proposal) -> dict[str, StepState | None]:
        versions = run_coro(qtbot, self.services.decisions.versions(proposal.id))
        return {s.step_id: versions.state(s.step_id) for s in proposal.steps}

    def decisions(self, qtbot: Any) -> list[Any]:
        return list(run_coro(qtbot, self.services.decisions.decisions(self.case_id)))

    def case(self, qtbot: Any) -> Any:
        return run_coro(qtbot, self.services.store.read(lambda c: repo.get_case(c, self.case_id)))


def show(desk: Desk, host: QMainWindow, qtbot: Any, *steps: PlanStep) -> tuple[Any, Proposal]:
    """Propose ``steps``, open the case in the panel and wait until it can be decided."""
    proposal = desk.propose(qtbot, *steps)
    panel: Any = host.centralWidget()
    detail = run_coro(qtbot, desk.services.cases.detail(desk.case_id))
    with qtbot.waitSignal(panel.shown, timeout=10_000):
        panel.show_detail(detail)
    qtbot.waitUntil(panel.controls.loaded)
    return panel, proposal


def read_all(panel: Any, qtbot: Any) -> None:
    bar = panel.scroll.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: panel.controls.read)


def card(panel: Any, step_id: str) -> Any:
    return next(c for c in panel.cards if c.step.step_id == step_id)


def act(panel: Any, qtbot: Any, name: str, kind: str | None = None) -> None:
    """Trigger control ``name`` and wait until its decision is recorded."""
    with qtbot.waitSignal(panel.controls.done, timeout=10_000) as done:
        panel.controls.action(name).trigger()
    assert done.args == [kind or name]


# -- approve ----------------------------------------------------------------------------


def test_approve_all_with_the_button_records_and_shows_the_state(
    desk: Desk, host: QMainWindow, qtbot: Any
) -> None:
    panel, proposal = show(desk, host, qtbot, refund("s1", "30.00"), reply())
    read_all(panel, qtbot)
    button = panel.controls.buttons["approve"]
    assert button.isEnabled()
    with qtbot.waitSignal(panel.controls.done, timeout=10_000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert desk.states(qtbot, proposal) == {"s1": StepState.APPROVED, "s-reply": StepState.APPROVED}
    (decision,) = desk.decisions(qtbot)
    assert decision.kind is DecisionKind.APPROVE
    assert panel.controls.outcome.text() == "Approved 2 steps."
    qtbot.waitUntil(lambda: card(panel, "s1").decision.text().startswith("Approved"))
    for c in panel.cards:
        assert c.decision.text() == "Approved — waits for write-back"
        assert not c.select.isEnabled()  # decided steps are not selectable
    assert not panel.controls.action("approve").isEnabled()  # nothing open any more


def test_ctrl_return_approves_from_the_keyboard(desk: Desk, host: QMainWindow, qtbot: Any) -> None:
    panel, proposal = show(desk, host, qtbot, reply())
    read_all(panel, qtbot)
    assert panel.controls.action("approve").shortcut().toString() == "Ctrl+Return"
    with qtbot.waitSignal(panel.controls.done, timeout=10_000):
        qtbot.keyClick(panel, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert desk.states(qtbot, proposal) == {"s-reply": StepState.APPROVED}


def test_a_step_above_the_agents_band_goes_to_a_supervisor(
    desk: Desk, host: QMainWindow, qtbot: Any
) -> None:
    panel, proposal = show(desk, host, qtbot, refund("s1", "80.00"), reply())
    assert card(panel, "s1").decision.text().startswith("Will go to a supervisor")
    read_all(panel, qtbot)
    act(panel, qtbot, "approve")
    assert panel.controls.outcome.text() == "Approved 1 step; 1 sent to a supervisor."
    assert desk.states(qtbot, proposal)["s1"] is StepState.AWAITING_SUPERVISOR
    qtbot.waitUntil(lambda: card(panel, "s1").decision.text().startswith("Awaiting supervisor"))
    assert "asked by you" in card(panel, "s1").decision.text()
    assert not card(panel, "s1").select.isEnabled()


def test_approve_selected_approves_only_the_ticked_steps(
    desk: Desk, host: QMainWindow, qtbot: Any
) -> None:
    panel, proposal = show(desk, host, qtbot, refund("s1", "30.00"), reply())
    read_all(panel, qtbot)
    assert not panel.controls.action("approve_selected").isEnabled()  # nothing ticked
    card(panel, "s-reply").select.setChecked(True)
    assert panel.controls.buttons["approve_selected"].isEnabled()
    act(panel, qtbot, "approve_selected", "approve")
    assert desk.states(qtbot, proposal) == {"s1": None, "s-reply": StepState.APPROVED}
    qtbot.waitUntil(lambda: not card(panel, "s-reply").select.isEnabled())
    assert card(panel, "s1").select.isEnabled()


def test_a_forbidden_step_cannot_be_approved_and_says_which_rule(
    desk: Desk, host: QMainWindow, qtbot: Any
) -> None:
    panel, proposal = show(desk, host, qtbot, refund("s1", "2000.00"), reply())
    clause = next(v.clause for v in proposal.verdicts if v.step_id == "s1")
    assert "never made through Tandem" in clause
    assert card(panel, "s1").decision.text() == f"Cannot be approved: {clause}"
    read_all(panel, qtbot)
    with qtbot.waitSignal(panel.controls.failed):
        panel.controls.action("approve").trigger()
    message = panel.controls.outcome.text()
    assert message.startswith("Nothing was approved. Reject these steps first")
    assert clause in message
    assert desk.decisions(qtbot) == []
    # Ticked alone, it cannot be approved either; the reply can.
    card(panel, "s1").select.setChecked(True)
    assert not panel.controls.action("approve_selected").isEnabled()
    card(panel, "s1").select.setChecked(False)
    card(panel, "s-reply").select.setChecked(True)
    act(panel, qtbot, "approve_selected", "approve")
    assert desk.states(qtbot, proposal) == {"s1": None, "s-reply": StepState.APPROVED}


def test_a_service_refusal_is_shown_in_plain_words(
    desk: Desk, host: QMainWindow, qtbot: Any
) -> None:
    panel, _proposal = show(desk, host, qtbot, reply())
    read_all(panel, qtbot)
    # Another agent takes the case over from their seat; this panel has not heard yet.
    other = Principal("agent-2", "Bo Agent", Role.AGENT)
    run_coro(qtbot, desk.services.decisions.take_over(desk.case_id, other))
    assert panel.controls.buttons["approve"].isEnabled()
    with qtbot.waitSignal(panel.controls.failed, timeout=10_000):
        panel.controls.action("approve").trigger()
    assert panel.controls.outcome.text() == (
        "Not done: agent-2 has taken this case over; only they or a supervisor may decide "
        "on it now."
    )
    assert panel.controls.outcome.property("tone") == "danger"
    assert [d.kind for d in desk.decisions(qtbot)] == [DecisionKind.TAKE_OVER]


def test_a_paused_action_type_shows_on_its_card_and_cannot_be_approved(
    desk: Desk, host: QMainWindow, qtbot: Any
) -> None:
    run_coro(qtbot, desk.services.controls.pause(SUPERVISOR, "refund"))
    panel, _proposal = show(desk, host, qtbot, refund("s1", "30.00"), reply())
    assert card(panel, "s1").decision.text().startswith("Refunds are paused by a supervisor")
    read_all(panel, qtbot)
    card(panel, "s1").select.setChecked(True)
    assert not panel.controls.action("approve_selected").isEnabled()
    run_coro(qtbot, desk.services.controls.resume(SUPERVISOR, "refund"))
    qtbot.waitUntil(lambda: panel.controls.action("approve_selected").isEnabled())
    assert card(panel, "s1").decision.text() == ""


# -- edit ---------------------------------------------------------------------------------


def test_edit_then_approve_records_an_edit_with_its_diff(
    desk: Desk, host: QMainWindow, qtbot: Any
) -> None:
    panel, proposal = show(desk, host, qtbot, refund("s1", "30.00"), reply())
    read_all(panel, qtbot)
    card(panel, "s1").select.setChecked(True)
    panel.controls.action("edit").trigger()
    dialog = panel.controls.dialog
    assert dialog is not None
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.form.verdict.text().startswith("You may approve it"))
    amount = dialog.form.editor("params.amount.amount")
    amount.setText("75")
    qtbot.waitUntil(lambda: dialog.form.verdict.text().startswith("Will go to a supervisor"))
    amount.setText("25")
    qtbot.waitUntil(lambda: dialog.form.verdict.text().startswith("You may approve it"))
    dialog.ok.click()
    assert card(panel, "s1").edited.params.amount.amount == 25
    assert card(panel, "s1").params["Amount"].text().startswith("25.00")
    act(panel, qtbot, "approve_selected", "approve")
    (decision,) = desk.decisions(qtbot)
    assert decision.kind is DecisionKind.EDIT
    (change,) = decision.diff
    assert (change.path, Decimal(change.before), Decimal(change.after)) == (
        "params.amount.amount",
        Decimal("30"),
        Decimal("25"),
    )
    assert panel.controls.outcome.text() == "Edited and approved 1 step."
    assert desk.states(qtbot, proposal) == {"s1": StepState.APPROVED, "s-reply": None}


def test_an_invalid_edit_is_refused_with_a_message(
    desk: Desk, host: QMainWindow, qtbot: Any
) -> None:
    panel, _proposal = show(desk, host, qtbot, refund("s1", "30.00"))
    read_all(panel, qtbot)
    panel.controls.action("edit").trigger()  # the only step is the one to edit
    dialog = panel.controls.dialog
    dialog.form.editor("params.amount.amount").setText("7x")
    assert not dialog.ok.isEnabled()
    assert "Fix the marked fields" in dialog.form.verdict.text()
    # An edit the map forbids is refused by the re-check and by the approval.
    dialog.form.editor("params.amount.amount").setText("5000")
    qtbot.waitUntil(lambda: dialog.form.verdict.text().startswith("Cannot be approved"))
    dialog.ok.click()
    qtbot.waitUntil(lambda: card(panel, "s1").decision.text().startswith("Cannot be approved"))
    with qtbot.waitSignal(panel.controls.failed):
        panel.controls.action("approve").trigger()
    assert "Reject these steps first" in panel.controls.outcome.text()
    assert desk.decisions(qtbot) == []


# -- reject, instruct, take over, defer ---------------------------------------------------------


def test_reject_needs_a_reason_code_and_records_it(
    desk: Desk, host: QMainWindow, qtbot: Any
) -> None:
    panel, proposal = show(desk, host, qtbot, refund("s1", "30.00"), reply())
    card(panel, "s1").select.setChecked(True)
    panel.controls.action("reject").trigger()
    dialog = panel.controls.dialog
    assert "Reject the selected steps: 1. Refund" in dialog.scope.text()
    assert dialog.reason.currentIndex() == -1  # no default reason
    assert not dialog.ok.isEnabled()
    dialog.note.setPlainText("Customer wants store credit")
    assert not dialog.ok.isEnabled()
    codes = [dialog.reason.itemData(i) for i in range(dialog.reason.count())]
    assert set(codes) == {code.value for code in ReasonCode}
    dialog.reason.setCurrentIndex(codes.index("customer_preference"))
    assert dialog.ok.isEnabled()
    with qtbot.waitSignal(panel.controls.done, timeout=10_000):
        dialog.ok.click()
    (decision,) = desk.decisions(qtbot)
    assert decision.kind is DecisionKind.OVERRIDE
    assert decision.reason_code is ReasonCode.CUSTOMER_PREFERENCE
    assert decision.reason_text == "Customer wants store credit"
    assert desk.states(qtbot, proposal) == {"s1": StepState.REJECTED, "s-reply": None}
    qtbot.waitUntil(lambda: card(panel, "s1").decision.text() == "Rejected (customer preference)")


def test_instruct_re_plans_with_the_instruction(desk: Desk, host: QMainWindow, qtbot: Any) -> None:
    panel, before = show(desk, host, qtbot, refund("s1", "30.00"))
    panel.controls.action("instruct").trigger()
    dialog = panel.controls.dialog
    assert not dialog.ok.isEnabled()
    dialog.field.setPlainText("no refund, offer a voucher")
    desk.planner.steps = [reply()]
    desk.planner.gate = asyncio.Event()
    dialog.ok.click()
    qtbot.waitUntil(lambda: panel.status.text() == "Re-planning with your instruction…")
    assert panel.status.isVisibleTo(panel)
    assert panel.controls.outcome.text() == (
        "Instruction kept for this case: “no refund, offer a voucher”."
    )
    with qtbot.waitSignal(panel.shown, timeout=10_000):
        desk.planner.gate.set()
    assert desk.planner.seen[-1].instructions == ["no refund, offer a voucher"]
    assert panel.proposal.id != before.id
    assert [c.step.step_id for c in panel.cards] == ["s-reply"]
    assert [d.kind for d in desk.decisions(qtbot)] == [DecisionKind.INSTRUCT]


def test_take_over_keeps_the_ai_out_and_hand_back_lets_it_in(
    desk: Desk, host: QMainWindow, qtbot: Any
) -> None:
    panel, _proposal = show(desk, host, qtbot, reply())
    read_all(panel, qtbot)
    controls = panel.controls
    assert controls.buttons["take_over"].text() == "Take over"
    act(panel, qtbot, "take_over")
    assert desk.case(qtbot).owner.kind is OwnerKind.AGENT
    assert not controls.action("approve").isEnabled()
    assert not controls.buttons["approve"].isEnabled()
    assert not panel.replan.isEnabled()
    assert controls.notice.isVisibleTo(panel)
    assert "the AI is not proposing for it" in controls.notice.text()
    assert controls.buttons["take_over"].text() == "Hand back"
    calls = desk.planner.calls
    with qtbot.waitSignal(panel.shown, timeout=10_000):
        act(panel, qtbot, "take_over", "hand_back")
    assert desk.case(qtbot).owner.kind is OwnerKind.AI
    assert desk.planner.calls == calls + 1  # the AI planned it again
    qtbot.waitUntil(controls.loaded)
    read_all(panel, qtbot)
    assert controls.buttons["approve"].isEnabled()
    assert controls.notice.isHidden()


def test_defer_is_recorded(desk: Desk, host: QMainWindow, qtbot: Any) -> None:
    panel, proposal = show(desk, host, qtbot, reply())
    act(panel, qtbot, "defer")
    (decision,) = desk.decisions(qtbot)
    assert (decision.kind, decision.proposal_id) == (DecisionKind.DEFER, proposal.id)
    assert panel.controls.outcome.text().startswith("Deferred")


# -- against automation bias --------------------------------------------------------------------


def test_approve_waits_until_the_reasoning_is_on_screen(
    desk: Desk, host: QMainWindow, qtbot: Any
) -> None:
    host.resize(560, 520)
    panel, proposal = show(desk, host, qtbot, refund("s1", "30.00"), reply("s2"), reply("s3"))
    controls = panel.controls
    bar = panel.scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(0)
    qtbot.waitUntil(lambda: controls.check_reading() is None and not controls.read)
    assert not controls.buttons["approve"].isEnabled()
    # The shortcut does not approve: it scrolls to what is unread and says so.
    controls.action("approve").trigger()
    assert controls.outcome.text().startswith(("Read the reasoning first", "Look at each step"))
    assert desk.decisions(qtbot) == []
    read_all(panel, qtbot)
    assert controls.buttons["approve"].isEnabled()
    assert desk.states(qtbot, proposal) == {"s1": None, "s2": None, "s3": None}


def test_no_default_focus_on_approve_for_a_refund_plan(
    desk: Desk, host: QMainWindow, qtbot: Any
) -> None:
    panel, proposal = show(desk, host, qtbot, refund("s1", "30.00"), reply())
    assert any(ACTION_TYPES[s.action].moves_money for s in proposal.steps)
    read_all(panel, qtbot)
    approve = panel.controls.buttons["approve"]
    assert not approve.hasFocus()
    assert host.focusWidget() is not approve
    assert not approve.isDefault()
    assert not approve.autoDefault()
    assert approve.focusPolicy() == Qt.FocusPolicy.TabFocus  # a click does not focus it


def test_every_control_has_an_accessible_name_a_tooltip_and_a_free_shortcut(
    desk: Desk, host: QMainWindow, qtbot: Any
) -> None:
    panel, _proposal = show(desk, host, qtbot, refund("s1", "30.00"), reply())
    actions = panel.control_actions()
    assert [a.shortcut() for a in actions] == [QKeySequence(k) for k in KEYS.values()]
    for action in actions:
        assert action.shortcutContext() == Qt.ShortcutContext.WindowShortcut
        assert action in panel.actions()
    buttons = panel.controls.findChildren(QPushButton)
    assert len(buttons) == len(KEYS)
    for button in buttons:
        assert button.accessibleName(), button.objectName()
        assert "(Ctrl+" in button.toolTip(), button.objectName()
    for c in panel.cards:
        assert c.select.accessibleName().startswith("Select step")
    taken = {"Ctrl+R", "Ctrl+K", "Ctrl+Up", "Ctrl+Down", "Ctrl+Shift+F", "F1"}
    taken |= {f"Alt+{n}" for n in range(1, 5)}
    assert not taken & set(KEYS.values())


def test_the_controls_shortcuts_clash_with_nothing_in_the_window(window: Any) -> None:
    others: dict[str, str] = {}
    for action in window.findChildren(type(window.proposal.control_actions()[0])):
        if action in window.proposal.control_actions():
            continue
        for key in action.shortcuts():
            others[key.toString()] = action.text()
    mine = [QKeySequence(k).toString() for k in KEYS.values()]
    clashes = {k: others[k] for k in mine if k in others}
    assert clashes == {}


# -- roles --------------------------------------------------------------------------------------


def test_a_trainer_outside_the_sandbox_sees_the_controls_disabled(
    desk: Desk, host: QMainWindow, qtbot: Any
) -> None:
    desk.services.settings.update(role="trainer")
    panel, proposal = show(desk, host, qtbot, refund("s1", "30.00"), reply())
    read_all(panel, qtbot)
    for action in panel.control_actions():
        assert not action.isEnabled(), action.text()
    for button in panel.controls.findChildren(QAbstractButton):
        assert not button.isEnabled(), button.objectName()
    panel.controls.approve_all()  # a disabled control does nothing
    with pytest.raises(NotPermitted, match="outside the sandbox"):
        run_coro(
            qtbot,
            desk.services.decisions.approve(desk.case_id, proposal.id, desk.services.principal()),
        )
    assert desk.decisions(qtbot) == []
