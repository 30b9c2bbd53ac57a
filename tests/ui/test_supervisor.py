"""Roles in the window: the profile switcher, the supervisors' queue, the stop button and
the authority map — each checked against what the services then hold."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from pydantic import TypeAdapter
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication

from console.domain.actions import PlanStep
from console.domain.case import ExternalRefs
from console.domain.kinds import ReasonCode, Role, StepState
from console.domain.proposal import Proposal
from console.services import Services
from console.services.planning import PlanningService
from console.services.roles import NotPermitted, Principal
from console.store import audit
from console.store import repositories as repo
from console.ui import labels, theme
from console.ui import palette as palette_module
from console.ui.approvals import ACTION as ACTION_COLUMN
from console.ui.approvals import AGE, AMOUNT, ASKED_BY, CASE, CLAUSE, CUSTOMER, SUMMARY
from tests.factories import case_file
from tests.planners import StaticPlanner
from tests.ui.conftest import run_coro

AGENT = Principal("agent-1", "Demo Agent", Role.AGENT)
SUPERVISOR = Principal("supervisor-1", "Demo Supervisor", Role.SUPERVISOR)
STEPS: TypeAdapter[PlanStep] = TypeAdapter(PlanStep)


def refund(step_id: str, amount: str) -> PlanStep:
    params = {
        "order_id": "ORD-1",
        "payment_id": "PAY-1",
        "amount": {"amount": amount, "currency": "USD"},
        "reason": "damaged on arrival",
    }
    return STEPS.validate_python({"step_id": step_id, "action": "refund", "params": params})


class Desk:
    """Cases on order ORD-1 / payment PAY-1, planned by a static planner."""

    def __init__(self, services: Services, qtbot: Any) -> None:
        self.services = services
        self.qtbot = qtbot
        self.planner = StaticPlanner()
        self.planning = PlanningService(
            services.store,
            services.bus,
            self.planner,
            policies=services.policies,
            controls=services.controls,
        )
        services.__dict__["planning"] = self.planning

    def add_case(self, case_id: str) -> None:
        refs = ExternalRefs(order_ids=["ORD-1"], payment_ids=["PAY-1"])
        cf = case_file(case_id, external_refs=refs)
        cf = cf.model_copy(update={"customer": cf.customer.model_copy(update={"id": "cus-1"})})
        self.services.store.write_sync(lambda db: repo.put_case_file(db, cf))

    def waiting_refund(self, case_id: str, amount: str = "80.00") -> Proposal:
        """A refund above the agent's band ($80), approved by the agent: it waits."""
        self.add_case(case_id)
        self.planner.steps = [refund("s1", amount)]
        proposal = run_coro(self.qtbot, self.planning.plan(case_id))
        result = run_coro(self.qtbot, self.services.decisions.approve(case_id, proposal.id, AGENT))
        assert result.awaiting_supervisor == ["s1"]
        return proposal

    def waiting(self) -> list[Any]:
        return run_coro(self.qtbot, self.services.decisions.waiting(SUPERVISOR))


@pytest.fixture
def desk(empty_services: Services, qtbot: Any) -> Desk:
    return Desk(empty_services, qtbot)


@pytest.fixture
def win(desk: Desk, qtbot: Any) -> Iterator[Any]:
    from console.ui.main_window import MainWindow

    window = MainWindow(desk.services)
    qtbot.addWidget(window)
    window.load_queue()
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.start_supervision()  # what the window does after its first frame
    yield window
    window.shutdown()


def switch(win: Any, qtbot: Any, user_id: str) -> None:
    (action,) = [a for a in win.profiles.actions if a.data() == user_id]
    action.trigger()
    qtbot.waitUntil(lambda: win.services.settings.settings.user_id == user_id, timeout=5000)
    qtbot.waitUntil(lambda: not win.slots.running("profile.switch"), timeout=5000)


def as_supervisor(win: Any, qtbot: Any) -> None:
    with qtbot.waitSignal(win.approvals.loaded, timeout=5000):
        switch(win, qtbot, "supervisor-1")


def cell(win: Any, row: int, column: int) -> str:
    return str(win.approvals.model.index(row, column).data())


def select_rows(win: Any, *rows: int) -> None:
    view = win.approvals.view
    view.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in rows:
        view.selectionModel().select(win.approvals.model.index(row, 0), flags)


# -- profiles ------------------------------------------------------------------------------


def test_switching_profile_shows_the_new_role_and_is_on_the_audit_trail(
    win: Any, qtbot: Any, desk: Desk
) -> None:
    assert win.status.user.text() == "Demo Agent · Agent"
    assert not win.approvals.isVisible()
    assert not win.menus.approvals_queue.isEnabled()
    assert not win.stop.button.isVisible()
    assert not win.stop.menu.menuAction().isVisible()

    as_supervisor(win, qtbot)

    assert win.status.user.text() == "Demo Supervisor · Supervisor"
    assert win.status.currentMessage() == "You are now Demo Supervisor, Supervisor."
    assert win.approvals.isVisible()
    assert win.menus.approvals_queue.isEnabled()
    assert win.stop.button.isVisible()
    assert [a.isChecked() for a in win.profiles.actions] == [False, True, False]
    rows = desk.services.store.reader().execute(
        "SELECT actor_id, payload FROM audit WHERE kind = 'role_change'"
    )
    ((actor, payload),) = list(rows)
    assert actor == "supervisor-1"
    assert json.loads(audit.json_part(payload))["to"]["role"] == "supervisor"

    switch(win, qtbot, "agent-1")
    assert win.status.user.text() == "Demo Agent · Agent"
    assert not win.approvals.isVisible()
    assert not win.stop.button.isVisible()


# -- the supervisors' queue ----------------------------------------------------------------


def test_the_queue_lists_a_waiting_step_and_highlights_it_once_overdue(
    win: Any, qtbot: Any, desk: Desk
) -> None:
    desk.waiting_refund("case-1")
    as_supervisor(win, qtbot)
    model = win.approvals.model
    assert model.rowCount() == 1
    (waiting,) = desk.waiting()
    assert cell(win, 0, AGE) == "under 1 min"
    assert cell(win, 0, CASE) == "case-1"
    assert cell(win, 0, CUSTOMER) == waiting.customer_name
    assert cell(win, 0, ACTION_COLUMN) == "Refund"
    assert cell(win, 0, AMOUNT) == labels.money(waiting.step.params.amount)
    assert cell(win, 0, CLAUSE) == waiting.verdict.clause
    assert cell(win, 0, ASKED_BY) == "Demo Agent"
    assert cell(win, 0, SUMMARY) == "Refund the damaged item and tell the customer."
    assert model.index(0, AGE).data(Qt.ItemDataRole.BackgroundRole) is None
    assert win.approvals.count.text() == "1 step waiting"
    shown = win.notifier.shown

    # Eleven minutes later (the SLA is ten): highlighted, and said once.
    later = waiting.requested_at + timedelta(minutes=11)
    model.clock = lambda: later
    win.approvals.tick()
    assert cell(win, 0, AGE) == "11 min"
    assert model.index(0, AGE).data(Qt.ItemDataRole.BackgroundRole) == theme.color("danger_bg")
    assert model.index(0, AGE).data(Qt.ItemDataRole.AccessibleTextRole) == "11 min, overdue"
    assert win.approvals.count.text() == "1 step waiting · 1 overdue"
    assert win.notifier.shown == shown + 1
    assert win.notifier.last_case == "case-1"
    win.approvals.tick()
    assert win.notifier.shown == shown + 1  # once per step
    assert win.approvals.timer.isActive()


def test_enter_on_a_waiting_step_opens_its_case(win: Any, qtbot: Any, desk: Desk) -> None:
    desk.waiting_refund("case-1")
    as_supervisor(win, qtbot)
    win.menus.approvals_queue.trigger()  # Alt+5: the queue, focused
    assert QApplication.focusWidget() is win.approvals.view
    with qtbot.waitSignal(win.case_opened, timeout=5000) as opened:
        qtbot.keyClick(win.approvals.view, Qt.Key.Key_Return)
    assert opened.args == ["case-1"]


def test_approve_and_reject_from_the_queue(win: Any, qtbot: Any, desk: Desk) -> None:
    first = desk.waiting_refund("case-1")
    second = desk.waiting_refund("case-2", "90.00")
    as_supervisor(win, qtbot)
    assert [cell(win, r, CASE) for r in range(2)] == ["case-1", "case-2"]
    dock = win.approvals

    select_rows(win, 0)
    assert dock.approve.isEnabled()
    assert not dock.reject.isEnabled()  # no reason yet
    with qtbot.waitSignal(dock.loaded, timeout=5000):
        dock.approve.click()
    versions = run_coro(qtbot, desk.services.decisions.versions(first.id))
    assert versions.state("s1") is StepState.APPROVED
    assert versions.decided["s1"].decided_by == "supervisor-1"
    assert [cell(win, r, CASE) for r in range(dock.model.rowCount())] == ["case-2"]

    select_rows(win, 0)
    dock.reason.setCurrentIndex(dock.reason.findData(ReasonCode.AGAINST_POLICY.value))
    dock.note.setText("Second refund on this order this month")
    assert dock.reject.isEnabled()
    with qtbot.waitSignal(dock.loaded, timeout=5000):
        dock.reject.click()
    versions = run_coro(qtbot, desk.services.decisions.versions(second.id))
    assert versions.state("s1") is StepState.REJECTED
    (decision,) = [
        d for d in run_coro(qtbot, desk.services.decisions.decisions("case-2")) if d.reason_code
    ]
    assert decision.reason_code is ReasonCode.AGAINST_POLICY
    assert decision.reason_text == "Second refund on this order this month"
    assert dock.model.rowCount() == 0
    assert dock.count.text() == "Nothing is waiting for a supervisor."


def test_money_across_cases_is_not_approved_in_bulk(win: Any, qtbot: Any, desk: Desk) -> None:
    desk.waiting_refund("case-1")
    desk.waiting_refund("case-2", "70.00")
    as_supervisor(win, qtbot)
    select_rows(win, 0, 1)
    with qtbot.waitSignal(win.approvals.decided, timeout=5000):
        win.approvals.approve.click()
    assert win.approvals.message.isVisible()
    assert "one case at a time" in win.approvals.message.text()
    assert len(desk.waiting()) == 2
    assert win.approvals.model.rowCount() == 2


def test_an_agent_has_no_queue(win: Any, qtbot: Any, desk: Desk) -> None:
    desk.waiting_refund("case-1")
    assert not win.approvals.isVisible()
    assert not win.menus.approvals_queue.isVisible()
    qtbot.keyClick(win, Qt.Key.Key_5, Qt.KeyboardModifier.AltModifier)
    assert not win.approvals.isVisible()
    assert win.approvals.model.rowCount() == 0
    assert "Alt+5" not in dict(win.menus.shortcut_list()).values()
    with pytest.raises(NotPermitted):
        run_coro(qtbot, desk.services.decisions.waiting(AGENT))


# -- the stop button -----------------------------------------------------------------------


def test_the_stop_button_pauses_the_ai_at_once_and_resume_plans_what_was_held(
    win: Any, qtbot: Any, desk: Desk
) -> None:
    desk.add_case("case-1")
    as_supervisor(win, qtbot)
    assert win.status.ai_state.text() == "AI running"
    assert win.stop.button.accessibleName() == "Pause the AI"

    qtbot.mouseClick(win.stop.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: desk.planning.paused, timeout=1000)  # within a second
    qtbot.waitUntil(lambda: win.status.ai_state.text().startswith("AI paused"), timeout=1000)
    pause = desk.services.controls.pauses["*"]
    since = pause.paused_at.astimezone().strftime("%H:%M")
    assert win.status.ai_state.text() == f"AI paused by Demo Supervisor since {since}"
    assert win.stop.button.text() == "Resume AI"
    assert win.stop.pause_ai.isChecked()
    calls = desk.planner.calls
    desk.planning.replan("case-1")
    assert desk.planning.held == {"case-1"}  # held, not planned

    qtbot.mouseClick(win.stop.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not desk.planning.paused, timeout=1000)
    qtbot.waitUntil(lambda: desk.planner.calls > calls, timeout=5000)  # the held case
    assert desk.planning.held == frozenset()
    qtbot.waitUntil(lambda: win.status.ai_state.text() == "AI running", timeout=1000)


def test_everyone_sees_a_pause_at_once(win: Any, qtbot: Any, desk: Desk) -> None:
    assert win.status.user.text() == "Demo Agent · Agent"
    run_coro(qtbot, desk.services.controls.pause(SUPERVISOR, "refund", "chargebacks spike"))
    assert win.status.ai_state.text() == "Refunds paused"  # PauseChanged: no wait
    assert "chargebacks spike" in win.status.ai_state.toolTip()
    run_coro(qtbot, desk.services.controls.resume(SUPERVISOR, "refund"))
    assert win.status.ai_state.text() == "AI running"


def test_pausing_one_action_type_refuses_its_approval(win: Any, qtbot: Any, desk: Desk) -> None:
    desk.waiting_refund("case-1")
    as_supervisor(win, qtbot)
    refunds = win.stop.type_actions["refund"]
    refunds.trigger()
    qtbot.waitUntil(lambda: desk.services.controls.paused_for("refund") is not None, timeout=1000)
    qtbot.waitUntil(lambda: win.status.ai_state.text() == "Refunds paused", timeout=1000)
    assert refunds.isChecked()
    assert not desk.planning.paused  # only refunds

    select_rows(win, 0)
    with qtbot.waitSignal(win.approvals.decided, timeout=5000):
        win.approvals.approve.click()
    assert "paused" in win.approvals.message.text()
    assert len(desk.waiting()) == 1

    refunds.trigger()  # unchecked: resumed
    qtbot.waitUntil(lambda: desk.services.controls.paused_for("refund") is None, timeout=1000)
    with qtbot.waitSignal(win.approvals.loaded, timeout=5000):
        win.approvals.approve.click()
    assert desk.waiting() == []


def test_pause_with_a_reason(win: Any, qtbot: Any, desk: Desk) -> None:
    as_supervisor(win, qtbot)
    palette = palette_module.present(win)
    palette.field.setText("pause type reship")
    assert palette.shown_names() == ["Pause one action type: Reship items"]
    palette.close()
    dialog = win.stop.ask_reason()
    dialog.scope.setCurrentIndex(dialog.scope.findData("reship"))
    dialog.reason.setText("carrier strike")
    dialog.pause.click()
    qtbot.waitUntil(lambda: "reship" in desk.services.controls.pauses, timeout=1000)
    assert desk.services.controls.pauses["reship"].reason == "carrier strike"
    qtbot.waitUntil(lambda: win.status.ai_state.text() == "Reships paused", timeout=1000)


# -- the authority map ---------------------------------------------------------------------


def test_everyone_reads_the_map_but_only_a_supervisor_publishes(
    win: Any, qtbot: Any, desk: Desk
) -> None:
    active = desk.services.policies.active()
    win.menus.authority_map.trigger()
    dialog = win.policy_dialog
    assert dialog.isVisible()
    assert dialog.rules.rowCount() == len(active.rules)
    assert [dialog.rules.item(0, c).text() for c in (0, 3)] == [active.rules[0].id, "Forbidden"]
    assert dialog.rules.item(len(active.rules) - 1, 2).text() == "always"
    assert dialog.history.rowCount() == 1
    assert dialog.history.item(0, 0).text() == "1"
    # An agent reads and checks, and cannot publish — nor can the service be asked to.
    assert dialog.editor.isReadOnly()
    assert not dialog.publish.isEnabled()
    assert "Only supervisors" in dialog.edit_note.text()
    with pytest.raises(NotPermitted):
        run_coro(qtbot, desk.services.policies.publish(dialog.editor.toPlainText(), AGENT))

    switch(win, qtbot, "supervisor-1")
    assert not dialog.editor.isReadOnly()
    assert dialog.publish.isEnabled()
    source = dialog.editor.toPlainText()
    assert "version: 2" in source
    assert "author: supervisor-1" in source

    # Check names each problem with its field.
    dialog.tabs.setCurrentIndex(2)
    dialog.editor.setPlainText(source.replace("level: forbid", "level: never", 1))
    assert not dialog.run_check()
    assert dialog.problems.isVisible()
    problems = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert any(p.startswith("rules.0.level") for p in problems)

    dialog.editor.setPlainText(source)
    assert dialog.run_check()
    assert dialog.outcome.text().startswith("No problems: version 2")
    dialog.publish.click()
    qtbot.waitUntil(lambda: desk.services.policies.active().version == 2, timeout=5000)
    qtbot.waitUntil(lambda: dialog.history.rowCount() == 2, timeout=5000)
    assert dialog.history.item(0, 1).text() == "Demo Supervisor"
    assert "version: 3" in dialog.editor.toPlainText()

    # A version someone published meanwhile is a conflict that says to reload.
    dialog.editor.setPlainText(source)  # still version 2
    dialog.publish.click()
    qtbot.waitUntil(lambda: "reload" in dialog.outcome.text(), timeout=5000)
    dialog.close()


# -- accessibility -------------------------------------------------------------------------


def test_the_new_controls_have_accessible_names(win: Any, qtbot: Any, desk: Desk) -> None:
    as_supervisor(win, qtbot)
    dock = win.approvals
    controls = [
        win.status.user,
        win.status.ai_state,
        win.stop.button,
        dock,
        dock.view,
        dock.approve,
        dock.reason,
        dock.note,
        dock.reject,
    ]
    win.menus.authority_map.trigger()
    dialog = win.policy_dialog
    controls += [dialog.rules, dialog.history, dialog.editor, dialog.check, dialog.publish]
    assert all(w.accessibleName() for w in controls), [
        w.objectName() for w in controls if not w.accessibleName()
    ]
    dialog.close()
