"""Write-back as people see it: each approved step's execution state on its card, with
Retry / Cancel / Mark done / Mark not done / Undo; the outbox dock with the remote systems'
breakers and queues, the unknown-outcome queue and the refusals; and the per-session secret
dialog. Rows are put in each state through the outbox's own functions."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QMainWindow, QTableView

from console.domain.actions import PlanStep
from console.domain.base import utc_now
from console.domain.kinds import ExecutionState
from console.services import Services
from console.services.dispatcher import ExecutionsChanged
from console.store import outbox
from console.store.queries import iso
from console.ui.execution_status import ExecutionText
from console.ui.outbox_panel import ExecutionModel, SecretDialog, ask_secret, install
from console.ui.proposal_steps import StepCard
from tests.ui.conftest import run_coro
from tests.ui.test_controls import STEPS, Desk, card, refund, reply

NOW = utc_now


def stock(step_id: str = "s-stock", delta: int = -2) -> PlanStep:
    params = {"sku": "SKU-1", "warehouse": "WH-1", "delta": delta, "reason": "damaged"}
    return STEPS.validate_python(
        {"step_id": step_id, "action": "adjust_inventory", "params": params}
    )


def credit(step_id: str = "s-credit", amount: str = "20.00") -> PlanStep:
    params = {
        "customer_id": "cus-1",
        "amount": {"amount": amount, "currency": "USD"},
        "reason": "late parcel",
    }
    return STEPS.validate_python({"step_id": step_id, "action": "account_credit", "params": params})


def reship(step_id: str = "s-reship") -> PlanStep:
    params = {"order_id": "ORD-1", "items": [{"sku": "SKU-1", "quantity": 1}]}
    return STEPS.validate_python({"step_id": step_id, "action": "reship", "params": params})


def approved(desk: Desk, host: QMainWindow, qtbot: Any, *steps: PlanStep) -> tuple[Any, dict]:
    """Propose ``steps``, approve them all through the service, show the plan; the outbox
    rows by step id."""
    proposal = desk.propose(qtbot, *steps)
    services = desk.services
    run_coro(qtbot, services.decisions.approve(desk.case_id, proposal.id, services.principal()))
    panel: Any = host.centralWidget()
    detail = run_coro(qtbot, services.cases.detail(desk.case_id))
    with qtbot.waitSignal(panel.controls.executions.refreshed, timeout=10_000):
        panel.show_detail(detail)
    return panel, rows(desk, qtbot)


def rows(desk: Desk, qtbot: Any) -> dict[str, outbox.OutboxRow]:
    found = run_coro(qtbot, desk.services.writeback.executions(desk.case_id))
    return {r.step_id: r for r in found}


def change(desk: Desk, qtbot: Any, signal: Any, write: Callable[[Any], object]) -> None:
    """Write to the outbox as the dispatcher would, announce it, wait for ``signal``."""
    desk.services.store.write_sync(write)
    with qtbot.waitSignal(signal, timeout=10_000):
        desk.services.bus.publish(ExecutionsChanged((desk.case_id,)))


def finish(row_id: str, state: ExecutionState, **kw: Any) -> Callable[[Any], None]:
    return lambda db: outbox.finish(db, [outbox.Finished(row_id, state, **kw)], NOW())


def breaker(destination: str, state: str, failures: int, opened: Any) -> Callable[[Any], None]:
    b = outbox.Breaker(destination, state, failures, opened and iso(opened), None, 5.0, 0)
    return lambda db: outbox.put_breaker(db, b, NOW())


def buttons(c: Any) -> set[str]:
    return {name for name, button in c.execution_buttons.items() if button.isVisibleTo(c)}


def press(c: Any, name: str, qtbot: Any, panel: Any) -> None:
    executions = panel.controls.executions
    with (
        qtbot.waitSignal(executions.refreshed, timeout=10_000),
        qtbot.waitSignal(executions.acted, timeout=10_000),
    ):
        qtbot.mouseClick(c.execution_buttons[name], Qt.MouseButton.LeftButton)


# -- the step cards ------------------------------------------------------------------------------


def test_a_card_shows_each_execution_state_in_words(
    desk: Desk, host: QMainWindow, qtbot: Any
) -> None:
    panel, by_step = approved(desk, host, qtbot, refund("s1", "30.00"), reply())
    c, row = card(panel, "s1"), by_step["s1"]
    refreshed = panel.controls.executions.refreshed
    assert c.decision.text() == "Approved — waits for write-back"  # as before
    assert c.execution.text() == "Queued for Payments — write-back is not running"
    assert c.execution.property("tone") == "warning"
    assert buttons(c) == {"cancel"}

    def sending_twice(db: Any) -> None:
        outbox.claim_due(db, NOW(), 10, only_destination="payments")
        outbox.finish(db, [outbox.Finished(row.id, ExecutionState.PENDING)], NOW())
        outbox.claim_due(db, NOW() + timedelta(seconds=1), 10, only_destination="payments")

    change(desk, qtbot, refreshed, sending_twice)
    assert c.execution.text() == "Sending… (attempt 2)"
    assert c.decision.text() == "Approved"  # the execution line says the rest
    assert buttons(c) == set()

    later = NOW() + timedelta(minutes=7)
    change(desk, qtbot, refreshed, breaker("payments", "open", 5, NOW()))
    change(desk, qtbot, refreshed, finish(row.id, ExecutionState.PENDING, next_attempt_at=later))
    clock = later.astimezone().strftime("%H:%M")
    assert clock in c.execution.text()
    assert c.execution.text() in (
        f"Waiting: Payments down, retry at {clock}",
        f"Waiting: Payments down, retry at {later.astimezone():%Y-%m-%d %H:%M}",
    )

    change(desk, qtbot, refreshed, finish(row.id, ExecutionState.REJECTED, error="card declined"))
    assert c.execution.text() == "Refused by Payments: card declined"
    assert c.execution.property("tone") == "danger"
    assert buttons(c) == {"retry", "cancel"}

    change(desk, qtbot, refreshed, finish(row.id, ExecutionState.UNKNOWN_OUTCOME, error="timeout"))
    assert c.execution.text() == "Outcome unknown — check Payments"
    assert buttons(c) == {"mark_done", "mark_not_done", "send_again"}
    assert "timeout" in c.execution.toolTip()
    assert row.idempotency_key in c.execution.toolTip()

    change(desk, qtbot, refreshed, finish(row.id, ExecutionState.DELIVERED, remote_ref="re-1234"))
    assert c.execution.text() == "Done — re-1234"
    assert c.execution.property("tone") == "ok"
    assert buttons(c) == set()  # a refund cannot be undone from Tandem

    change(desk, qtbot, refreshed, finish(by_step["s-reply"].id, ExecutionState.CANCELLED))
    assert card(panel, "s-reply").execution.text() == "Cancelled"


def test_retry_on_a_refused_step_queues_it_again_and_the_card_says_so(
    desk: Desk, host: QMainWindow, qtbot: Any
) -> None:
    panel, by_step = approved(desk, host, qtbot, refund("s1", "30.00"))
    row, c = by_step["s1"], card(panel, "s1")
    refreshed = panel.controls.executions.refreshed
    change(desk, qtbot, refreshed, finish(row.id, ExecutionState.REJECTED, error="card declined"))
    press(c, "retry", qtbot, panel)
    assert rows(desk, qtbot)["s1"].state is ExecutionState.PENDING
    assert c.execution.text() == "Queued for Payments — write-back is not running"
    assert panel.controls.outcome.text() == "Sent again: Refund, with its original key."
    assert buttons(c) == {"cancel"}


def test_cancel_on_a_refused_step_cancels_it(desk: Desk, host: QMainWindow, qtbot: Any) -> None:
    panel, by_step = approved(desk, host, qtbot, reply())
    row, c = by_step["s-reply"], card(panel, "s-reply")
    change(
        desk,
        qtbot,
        panel.controls.executions.refreshed,
        finish(row.id, ExecutionState.REJECTED, error="ticket closed"),
    )
    press(c, "cancel", qtbot, panel)
    assert rows(desk, qtbot)["s-reply"].state is ExecutionState.CANCELLED
    assert c.execution.text() == "Cancelled"
    assert panel.controls.outcome.text() == "Cancelled: Reply to customer will not be sent."


def test_an_unknown_outcome_is_settled_from_the_card(
    desk: Desk, host: QMainWindow, qtbot: Any
) -> None:
    panel, by_step = approved(desk, host, qtbot, refund("s1", "30.00"), reply())
    refreshed = panel.controls.executions.refreshed
    for step_id in ("s1", "s-reply"):
        change(desk, qtbot, refreshed, finish(by_step[step_id].id, ExecutionState.UNKNOWN_OUTCOME))
    press(card(panel, "s1"), "mark_done", qtbot, panel)
    press(card(panel, "s-reply"), "mark_not_done", qtbot, panel)
    now = rows(desk, qtbot)
    assert now["s1"].state is ExecutionState.RECONCILED
    assert now["s-reply"].state is ExecutionState.CANCELLED
    assert card(panel, "s1").execution.text() == "Done (confirmed)"
    assert card(panel, "s-reply").execution.text() == "Cancelled"


def test_undo_of_a_done_stock_change_creates_its_compensation(
    desk: Desk, host: QMainWindow, qtbot: Any
) -> None:
    desk.services.settings.update(role="supervisor")  # stock changes need one
    panel, by_step = approved(desk, host, qtbot, stock())
    row, c = by_step["s-stock"], card(panel, "s-stock")
    refreshed = panel.controls.executions.refreshed
    change(desk, qtbot, refreshed, finish(row.id, ExecutionState.DELIVERED, remote_ref="adj-9"))
    assert buttons(c) == {"undo"}
    press(c, "undo", qtbot, panel)
    (undo,) = [r for r in rows(desk, qtbot).values() if r.compensates == row.id]
    assert undo.params["delta"] == 2
    assert c.execution.text() == (
        "Being undone by you — Queued for Inventory — write-back is not running"
    )
    assert buttons(c) == set()
    change(desk, qtbot, refreshed, finish(undo.id, ExecutionState.DELIVERED, remote_ref="adj-10"))
    assert c.execution.text() == "Undone by you"


def test_undo_of_a_done_credit_takes_it_back(desk: Desk, host: QMainWindow, qtbot: Any) -> None:
    panel, by_step = approved(desk, host, qtbot, credit())
    row, c = by_step["s-credit"], card(panel, "s-credit")
    refreshed = panel.controls.executions.refreshed
    change(
        desk, qtbot, refreshed, finish(row.id, ExecutionState.DELIVERED, remote_ref="CRD-00000042")
    )
    assert buttons(c) == {"undo"}
    press(c, "undo", qtbot, panel)
    (undo,) = [r for r in rows(desk, qtbot).values() if r.compensates == row.id]
    assert undo.params["amount"] == {"amount": "-20.00", "currency": "USD"}
    assert undo.params["reverses"] == "CRD-00000042"
    assert c.execution.text() == (
        "Being undone by you — Queued for Accounts — write-back is not running"
    )
    assert buttons(c) == set()
    change(
        desk, qtbot, refreshed, finish(undo.id, ExecutionState.DELIVERED, remote_ref="CRD-00000043")
    )
    assert c.execution.text() == "Undone by you"


def test_a_reversal_card_says_which_credit_it_takes_back(qtbot: Any) -> None:
    params = {
        "customer_id": "cus-1",
        "amount": {"amount": "-20.00", "currency": "USD"},
        "reason": "Undo of exe-1",
        "reverses": "CRD-00000042",
    }
    step = STEPS.validate_python(
        {"step_id": "undo-s1", "action": "account_credit", "params": params}
    )
    c = StepCard(1, step, None)
    qtbot.addWidget(c)
    assert c.param_lines() == [
        ("Amount", "-20.00 USD"),
        ("Takes back", "CRD-00000042"),
        ("Customer", "cus-1"),
        ("Reason", "Undo of exe-1"),
    ]
    assert c.dry_run() == "Accounts: take back credit CRD-00000042 (-20.00 USD) from customer cus-1"
    assert c.system.text() == "Accounts"
    given = StepCard(2, credit(), None)
    qtbot.addWidget(given)
    assert given.dry_run() == "Accounts: credit 20.00 USD to customer cus-1"


def test_a_done_step_tandem_cannot_undo_offers_no_undo(
    desk: Desk, host: QMainWindow, qtbot: Any
) -> None:
    """No Undo button that would only say it cannot: a reship (nothing of Tandem's calls a
    parcel back), a refund, and a credit marked done by hand (the accounts system never
    named it, so there is no saying which credit to take back)."""
    desk.services.settings.update(role="supervisor")
    panel, by_step = approved(
        desk, host, qtbot, reship(), refund("s1", "30.00"), credit("s-credit", "5.00")
    )
    refreshed = panel.controls.executions.refreshed
    done = [
        finish(by_step["s-reship"].id, ExecutionState.DELIVERED, remote_ref="RS-1"),
        finish(by_step["s1"].id, ExecutionState.DELIVERED, remote_ref="re_1"),
        finish(by_step["s-credit"].id, ExecutionState.UNKNOWN_OUTCOME, error="timeout"),
    ]
    for write in done:
        change(desk, qtbot, refreshed, write)
    press(card(panel, "s-credit"), "mark_done", qtbot, panel)
    assert rows(desk, qtbot)["s-credit"].state is ExecutionState.RECONCILED
    for step_id in ("s-reship", "s1", "s-credit"):
        assert card(panel, step_id).execution.property("tone") == "ok", step_id
        assert buttons(card(panel, step_id)) == set(), step_id
    assert len(rows(desk, qtbot)) == 3  # nothing was added


def test_a_role_that_may_not_act_gets_the_refusal_not_a_crash(
    desk: Desk, host: QMainWindow, qtbot: Any
) -> None:
    panel, by_step = approved(desk, host, qtbot, refund("s1", "30.00"))
    row, c = by_step["s1"], card(panel, "s1")
    change(
        desk,
        qtbot,
        panel.controls.executions.refreshed,
        finish(row.id, ExecutionState.REJECTED, error="card declined"),
    )
    desk.services.settings.update(role="trainer")  # outside the sandbox: may only look
    for name in ("retry", "cancel"):
        press(c, name, qtbot, panel)
        assert "may not" in panel.controls.outcome.text()
        assert "outside the sandbox" in panel.controls.outcome.text()
        assert panel.controls.outcome.property("tone") == "danger"
    assert rows(desk, qtbot)["s1"].state is ExecutionState.REJECTED


def test_the_cards_execution_controls_have_accessible_names(
    desk: Desk, host: QMainWindow, qtbot: Any
) -> None:
    panel, _rows = approved(desk, host, qtbot, refund("s1", "30.00"))
    c = card(panel, "s1")
    assert c.execution.accessibleName() == "Write-back of step 1"
    for name, button in c.execution_buttons.items():
        assert button.accessibleName(), name
        assert "step 1" in button.accessibleName()
        assert button.toolTip(), name


# -- the outbox dock -----------------------------------------------------------------------------


class Window(QMainWindow):
    closed = Signal()

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.opened: list[str] = []
        self.setCentralWidget(QLabel("case"))

    def open_case(self, case_id: str) -> None:
        self.opened.append(case_id)


@pytest.fixture
def window(desk: Desk, qtbot: Any) -> Iterator[Window]:
    win = Window(desk.services)
    qtbot.addWidget(win)
    win.resize(1100, 800)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.closed.emit()


def open_dock(window: Window, qtbot: Any) -> tuple[Any, Any]:
    action = install(window)
    dock: Any = window.outbox  # type: ignore[attr-defined]
    panel = dock.widget()
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        action.trigger()
    return action, panel


def queue(desk: Desk, qtbot: Any, *steps: PlanStep) -> dict[str, outbox.OutboxRow]:
    proposal = desk.propose(qtbot, *steps)
    services = desk.services
    run_coro(qtbot, services.decisions.approve(desk.case_id, proposal.id, services.principal()))
    return rows(desk, qtbot)


def test_install_gives_a_window_wide_toggle_and_a_hidden_dock_on_the_right(
    desk: Desk, window: Window, qtbot: Any
) -> None:
    action = install(window)
    dock: Any = window.outbox  # type: ignore[attr-defined]
    assert action.text() == "Outbox"
    assert action.shortcut() == QKeySequence("Alt+6")
    assert action.shortcutContext() is Qt.ShortcutContext.WindowShortcut
    assert action in window.actions()
    assert window.dockWidgetArea(dock) is Qt.DockWidgetArea.RightDockWidgetArea
    assert dock.isHidden()
    with qtbot.waitSignal(dock.widget().loaded, timeout=10_000):
        action.trigger()
    assert dock.isVisible()
    assert action.isChecked()


def test_installed_before_the_window_is_shown_the_toggle_still_shows_it(
    desk: Desk, qtbot: Any
) -> None:
    win = Window(desk.services)
    qtbot.addWidget(win)
    action = install(win)
    dock: Any = win.outbox  # type: ignore[attr-defined]
    win.show()
    qtbot.waitExposed(win)
    assert not dock.isVisible()
    assert not action.isChecked()
    with qtbot.waitSignal(dock.widget().loaded, timeout=10_000):
        action.trigger()
    assert dock.isVisible()
    win.closed.emit()


def test_the_dock_shows_a_destination_down_with_its_queue_and_since(
    desk: Desk, window: Window, qtbot: Any
) -> None:
    queue(desk, qtbot, refund("s1", "30.00"), refund("s2", "20.00"), reply())
    opened = NOW() - timedelta(minutes=12)
    desk.services.store.write_sync(breaker("payments", "open", 5, opened))
    _action, panel = open_dock(window, qtbot)
    texts = {label.text(): label for label in panel.destination_rows if label.isVisibleTo(panel)}
    since = opened.astimezone().strftime("%H:%M")
    down = f"Refunds down since {since} — 2 queued"
    assert down in texts
    assert texts[down].property("tone") == "danger"
    assert "5 failures in a row" in texts[down].toolTip()
    assert "Tickets up — 1 queued" in texts
    assert texts["Tickets up — 1 queued"].property("tone") == "ok"
    assert panel.status.text().startswith("Write-back is not running")
    assert "Write-back has not started." in panel.status.text()


def test_the_unknown_outcome_queue_lists_the_row_and_mark_done_reconciles_it(
    desk: Desk, window: Window, qtbot: Any
) -> None:
    row = queue(desk, qtbot, refund("s1", "30.00"))["s1"]
    desk.services.store.write_sync(
        finish(row.id, ExecutionState.UNKNOWN_OUTCOME, error="timed out after sending")
    )
    _action, panel = open_dock(window, qtbot)
    model = panel.unknown_model
    assert model.rowCount() == 1
    values = [model.index(0, column).data() for column in range(model.columnCount())]
    assert values[:3] == [desk.case_id, "Refund", "Refunds"]
    assert values[3] == "under 1 min"
    assert values[4] == "timed out after sending"
    assert panel.unknown_title.text() == "Outcome unknown (1)"
    assert window.outbox.windowTitle() == "Outbox (1)"  # type: ignore[attr-defined]
    assert not panel.mark_done.isEnabled()  # nothing selected yet
    panel.unknown.selectRow(0)
    assert panel.mark_done.isEnabled()
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        qtbot.mouseClick(panel.mark_done, Qt.MouseButton.LeftButton)
    assert rows(desk, qtbot)["s1"].state is ExecutionState.RECONCILED
    assert model.rowCount() == 0
    assert panel.message.text() == f"{desk.case_id}: Marked done: Refund."


def test_refused_actions_are_retried_or_cancelled_from_the_dock(
    desk: Desk, window: Window, qtbot: Any
) -> None:
    found = queue(desk, qtbot, refund("s1", "30.00"), reply())
    for step_id in ("s1", "s-reply"):
        desk.services.store.write_sync(
            finish(found[step_id].id, ExecutionState.REJECTED, error="refused")
        )
    _action, panel = open_dock(window, qtbot)
    assert panel.failed_model.rowCount() == 2
    assert panel.failed_title.text() == "Refused (2)"
    first = panel.failed_model.rows[0]
    panel.failed.selectRow(0)
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        qtbot.mouseClick(panel.retry, Qt.MouseButton.LeftButton)
    assert run_coro(qtbot, desk.services.store.read(lambda c: outbox.get(c, first.id))).state is (
        ExecutionState.PENDING
    )
    assert panel.failed_model.rowCount() == 1
    second = panel.failed_model.rows[0]
    panel.failed.selectRow(0)
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        qtbot.mouseClick(panel.cancel, Qt.MouseButton.LeftButton)
    assert run_coro(qtbot, desk.services.store.read(lambda c: outbox.get(c, second.id))).state is (
        ExecutionState.CANCELLED
    )
    assert panel.failed_model.rowCount() == 0


def test_the_dock_follows_executions_changed_while_shown(
    desk: Desk, window: Window, qtbot: Any
) -> None:
    row = queue(desk, qtbot, reply())["s-reply"]
    _action, panel = open_dock(window, qtbot)
    assert panel.failed_model.rowCount() == 0
    desk.services.store.write_sync(finish(row.id, ExecutionState.REJECTED, error="no"))
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        desk.services.bus.publish(ExecutionsChanged((desk.case_id,)))
    assert panel.failed_model.rowCount() == 1


def test_a_double_click_or_enter_opens_the_case(desk: Desk, window: Window, qtbot: Any) -> None:
    row = queue(desk, qtbot, reply())["s-reply"]
    desk.services.store.write_sync(finish(row.id, ExecutionState.UNKNOWN_OUTCOME))
    _action, panel = open_dock(window, qtbot)
    view: QTableView = panel.unknown
    index = panel.unknown_model.index(0, 0)
    rect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.opened == [desk.case_id]
    view.setCurrentIndex(index)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.opened == [desk.case_id, desk.case_id]


def test_a_role_that_may_not_act_gets_the_refusal_in_the_dock(
    desk: Desk, window: Window, qtbot: Any
) -> None:
    row = queue(desk, qtbot, reply())["s-reply"]
    desk.services.store.write_sync(finish(row.id, ExecutionState.UNKNOWN_OUTCOME))
    desk.services.settings.update(role="trainer")
    _action, panel = open_dock(window, qtbot)
    panel.unknown.selectRow(0)
    with qtbot.waitSignal(panel.acted, timeout=10_000):
        qtbot.mouseClick(panel.mark_not_done, Qt.MouseButton.LeftButton)
    assert "may not override outside the sandbox" in panel.message.text()
    assert panel.message.property("tone") == "danger"
    assert rows(desk, qtbot)["s-reply"].state is ExecutionState.UNKNOWN_OUTCOME


def test_every_dock_control_has_an_accessible_name(desk: Desk, window: Window, qtbot: Any) -> None:
    _action, panel = open_dock(window, qtbot)
    for widget in [*panel.findChildren(QAbstractButton), *panel.findChildren(QTableView)]:
        if not widget.objectName().startswith("qt_"):  # the tables' hidden corner buttons
            assert widget.accessibleName(), widget.objectName()
    assert panel.accessibleName() == "Outbox"
    assert panel.status.accessibleName() == "Write-back status"


def test_the_execution_model_passes_the_model_tester(
    desk: Desk, qtbot: Any, qtmodeltester: Any
) -> None:
    row = queue(desk, qtbot, reply(), refund("s1", "30.00"))
    model = ExecutionModel(ExecutionText())
    model.set_rows(list(row.values()))
    qtmodeltester.check(model)


def test_breaker_words() -> None:
    from console.services.dispatcher import BreakerView

    text = ExecutionText()
    assert text.breaker(BreakerView("orders", "closed", 0, None, 0)) == (
        "Orders up — 0 queued",
        "ok",
    )
    assert text.breaker(BreakerView("tickets", "half_open", 5, NOW(), 3)) == (
        "Tickets: probing — 3 queued",
        "warning",
    )
    assert text.breaker(BreakerView("payments", "open", 5, None, 37)) == (
        "Refunds down — 37 queued",
        "danger",
    )


# -- the per-session secret ----------------------------------------------------------------------


def _answer(qtbot: Any, value: str | None) -> None:
    def fill() -> None:
        dialog = next(w for w in qtbot_app_widgets() if isinstance(w, SecretDialog))
        assert dialog.field.echoMode() is QLineEdit.EchoMode.Password
        assert "never writes it to disk" in dialog.note.text()
        assert "no keyring service" in dialog.note.text()
        assert dialog.why.text() == "Payments needs its API key to send refunds."
        assert not dialog.ok.isEnabled()
        if value is None:
            dialog.reject()
            return
        dialog.field.setText(value)
        assert dialog.ok.isEnabled()
        dialog.ok.click()

    QTimer.singleShot(0, fill)


def qtbot_app_widgets() -> list[Any]:
    from PySide6.QtWidgets import QApplication

    return QApplication.topLevelWidgets()


def test_ask_secret_returns_what_was_typed_and_none_on_cancel(qtbot: Any) -> None:
    why = "Payments needs its API key to send refunds."
    _answer(qtbot, "sk_test_123")
    assert ask_secret(None, "Payments API key", why) == "sk_test_123"
    _answer(qtbot, None)
    assert ask_secret(None, "Payments API key", why) is None


def test_the_secret_dialog_names_its_controls(qtbot: Any) -> None:
    dialog = SecretDialog("Payments API key", "why")
    qtbot.addWidget(dialog)
    assert dialog.field.accessibleName() == "Payments API key"
    assert dialog.windowTitle() == "Secret needed: Payments API key"
    for button in dialog.findChildren(QAbstractButton):
        assert button.accessibleName(), button.text()


# -- Simplified Chinese --------------------------------------------------------------------------


def test_states_destinations_and_the_secret_note_are_in_chinese(chinese: None, qtbot: Any) -> None:
    from console.services.dispatcher import BreakerView

    text = ExecutionText()
    assert text.breaker(BreakerView("payments", "open", 5, None, 37)) == (
        "退款不可用 — 排队 37 项",
        "danger",
    )
    assert text.refused(ValueError("x")) == "未执行：x"
    dialog = SecretDialog("API key", "why")
    qtbot.addWidget(dialog)
    assert "绝不写入磁盘" in dialog.note.text()
