"""The step edit form: generated from the parameter models, round-trips every action type,
reports a field-by-field diff, refuses invalid input with plain messages, re-checks
authority through the caller's callback."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from pydantic import TypeAdapter
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QToolButton,
)

from console.domain.actions import PlanStep, RefundStep, ReshipStep
from console.domain.proposal import FieldChange
from console.ui.step_form import FIXED_PARAMS, StepDiffView, StepEditDialog, StepEditForm

STEPS: dict[str, dict[str, Any]] = {
    "refund": {
        "step_id": "s1",
        "action": "refund",
        "note": "Parcel lost in transit",
        "params": {
            "order_id": "O-1001",
            "payment_id": "pi_1",
            "amount": {"amount": "25.00", "currency": "USD"},
            "reason": "Lost parcel",
        },
    },
    "reship": {
        "step_id": "s2",
        "action": "reship",
        "params": {
            "order_id": "O-1001",
            "items": [{"sku": "SKU-1", "quantity": 2}, {"sku": "SKU-2", "quantity": 1}],
            "speed": "express",
        },
    },
    "account_credit": {
        "step_id": "s3",
        "action": "account_credit",
        "params": {
            "customer_id": "C-7",
            "amount": {"amount": "500", "currency": "JPY"},
            "reason": "Goodwill",
        },
    },
    "reply_to_customer": {
        "step_id": "s4",
        "action": "reply_to_customer",
        "params": {
            "channel": "email",
            "language": "zh-CN",
            "body": "您好，\n我们已为您重新发货。",
            "subject": "您的订单",
        },
    },
    "notify_logistics": {
        "step_id": "s5",
        "action": "notify_logistics",
        "params": {
            "shipment_id": "SH-9",
            "carrier": "DHL",
            "request": "return_pickup",
            "message": "Please trace this parcel.",
        },
    },
    "adjust_inventory": {
        "step_id": "s6",
        "action": "adjust_inventory",
        "params": {"sku": "SKU-1", "warehouse": "W1", "delta": -3, "reason": "Damaged"},
    },
    "escalate": {
        "step_id": "s7",
        "action": "escalate",
        "params": {"team": "billing", "reason": "Charged twice", "urgent": True},
    },
    "close_case": {
        "step_id": "s8",
        "action": "close_case",
        "params": {"resolution": "no_action_needed", "summary": "Customer found the parcel."},
    },
}


def make_step(kind: str, **params: Any) -> PlanStep:
    data = dict(STEPS[kind])
    data["params"] = {**data["params"], **params}
    step: PlanStep = TypeAdapter(PlanStep).validate_python(data)
    return step


def make_form(qtbot: Any, step: PlanStep) -> StepEditForm:
    form = StepEditForm(step)
    qtbot.addWidget(form)
    return form


def make_dialog(qtbot: Any, step: PlanStep, **kwargs: Any) -> StepEditDialog:
    dialog = StepEditDialog(step, **kwargs)
    qtbot.addWidget(dialog)
    return dialog


def field(form: StepEditForm, path: str) -> Any:
    widget = form.editor(path)
    assert widget is not None, f"no editor for {path}"
    return widget


def problems(form: StepEditForm) -> dict[str, str]:
    step, errors = form.result()
    assert step is None
    return {e.path: e.message for e in errors}


@pytest.mark.parametrize("kind", list(STEPS))
def test_every_action_type_gets_a_form_that_round_trips(qtbot: Any, kind: str) -> None:
    step = make_step(kind)
    form = make_form(qtbot, step)
    assert form.result() == (step, [])
    assert form.value() == step
    assert form.diff() == []
    assert not form.errors.isVisibleTo(form)
    # Every field of the parameter model has an editor with an accessible name, except
    # those Tandem sets itself (the credit a reversal takes back).
    for name in type(step.params).model_fields:
        if name in FIXED_PARAMS:
            assert form.editor(f"params.{name}") is None, name
            continue
        widget = field(form, f"params.{name}")
        assert widget.accessibleName(), name
    assert field(form, "note").accessibleName() == "Note"


def test_the_credit_a_reversal_takes_back_is_kept_not_edited(qtbot: Any) -> None:
    data = STEPS["account_credit"]
    params = {
        **data["params"],
        "amount": {"amount": "-500", "currency": "JPY"},
        "reverses": "CRD-00000042",
    }
    step = TypeAdapter(PlanStep).validate_python({**data, "params": params})
    form = make_form(qtbot, step)
    assert form.editor("params.reverses") is None
    assert form.result() == (step, [])
    field(form, "params.reason").setText("Taken back after all")
    edited = form.value()
    assert edited is not None
    assert edited.params.reverses == "CRD-00000042"  # type: ignore[union-attr]
    assert [c.path for c in form.diff()] == ["params.reason"]


def test_editors_follow_the_field_types(qtbot: Any) -> None:
    refund = make_form(qtbot, make_step("refund"))
    assert isinstance(field(refund, "params.payment_id"), QLineEdit)
    assert isinstance(field(refund, "params.amount.amount"), QLineEdit)
    assert isinstance(field(refund, "params.amount.currency"), QComboBox)
    assert field(refund, "params.amount.amount").accessibleName() == "Amount"
    assert field(refund, "params.payment_id").accessibleName() == "Payment"
    assert field(refund, "params.order_id").accessibleName() == "Order"
    reply = make_form(qtbot, make_step("reply_to_customer"))
    assert isinstance(field(reply, "params.body"), QPlainTextEdit)
    assert isinstance(field(reply, "params.subject"), QLineEdit)
    channel = field(reply, "params.channel")
    assert isinstance(channel, QComboBox)
    assert [channel.itemText(i) for i in range(channel.count())] == ["Email", "Chat", "SMS"]
    escalate = make_form(qtbot, make_step("escalate"))
    assert isinstance(field(escalate, "params.urgent"), QCheckBox)
    assert isinstance(field(escalate, "params.reason"), QPlainTextEdit)  # long text
    inventory = make_form(qtbot, make_step("adjust_inventory"))
    delta = field(inventory, "params.delta")
    assert isinstance(delta, QSpinBox)
    assert (delta.minimum(), delta.maximum()) == (-10_000, 10_000)
    reship = make_form(qtbot, make_step("reship"))
    quantity = field(reship, "params.items.1.quantity")
    assert isinstance(quantity, QSpinBox)
    assert (quantity.minimum(), quantity.maximum()) == (1, 1000)
    assert quantity.accessibleName() == "Items, row 2: Quantity"


def test_editing_a_refund_amount_gives_a_diff_and_a_valid_step(qtbot: Any) -> None:
    form = make_form(qtbot, make_step("refund"))
    with qtbot.waitSignal(form.changed):
        field(form, "params.amount.amount").setText("40.50")
    step = form.value()
    assert isinstance(step, RefundStep)
    assert step.params.amount.amount == Decimal("40.50")
    assert step.params.amount.currency == "USD"
    assert form.diff() == [
        FieldChange(step_id="s1", path="params.amount.amount", before="25.00", after="40.50")
    ]
    assert form.diff_rows() == [("Amount", "25.00", "40.50")]


def test_the_same_amount_written_differently_is_no_change(qtbot: Any) -> None:
    form = make_form(qtbot, make_step("refund"))
    field(form, "params.amount.amount").setText("25")
    assert form.diff() == []


@pytest.mark.parametrize(
    ("kind", "path", "text", "message"),
    [
        ("refund", "params.amount.amount", "abc", "must be a number, like 12.50"),
        ("refund", "params.amount.amount", "-5", "can't be negative"),
        ("refund", "params.amount.amount", "1.234", "USD amounts have at most 2 decimal places"),
        ("refund", "params.amount.currency", "usd", "must be three capital letters, like USD"),
        ("refund", "params.reason", "", "can't be empty"),
        ("refund", "params.payment_id", "", "can't be empty"),
        ("reply_to_customer", "params.body", "", "can't be empty"),
        ("reply_to_customer", "params.language", "Chinese", "must be a language code"),
        ("close_case", "params.summary", "", "can't be empty"),
    ],
)
def test_invalid_text_is_refused_with_a_message_naming_the_field(
    qtbot: Any, kind: str, path: str, text: str, message: str
) -> None:
    dialog = make_dialog(qtbot, make_step(kind))
    form = dialog.form
    widget = field(form, path)
    # Change something valid first, so that OK is on before the bad value goes in.
    field(form, "note").setText("edited")
    assert dialog.ok.isEnabled()
    if isinstance(widget, QComboBox):
        widget.setCurrentText(text)
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(text)
    else:
        widget.setText(text)
    found = problems(form)
    owner = path if path in found else path.rsplit(".", 1)[0]  # a model-wide check
    assert message in found[owner]
    assert widget.property("invalid") is True
    assert message in widget.toolTip()
    assert form.errors.isVisibleTo(form)
    assert message in form.errors.text()
    assert form.path_label(owner) in form.errors.text()
    assert not dialog.ok.isEnabled()
    assert form.diff() == []
    # Putting the proposed text back clears the mark.
    original = make_step(kind)
    value: Any = original
    for part in path.split("."):
        value = getattr(value, part)
    if isinstance(widget, QComboBox):
        widget.setCurrentText(str(value))
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(str(value))
    else:
        widget.setText(str(value))
    assert form.result()[1] == []
    assert widget.property("invalid") is False
    assert not form.errors.isVisibleTo(form)
    assert dialog.ok.isEnabled()


def test_a_quantity_typed_below_its_bound_is_refused_not_clamped(qtbot: Any) -> None:
    dialog = make_dialog(qtbot, make_step("reship"))
    form = dialog.form
    spin = field(form, "params.items.0.quantity")
    spin.selectAll()
    qtbot.keyClicks(spin, "0")
    assert spin.text() == "0"
    assert problems(form) == {"params.items.0.quantity": "must be at least 1"}
    assert "Items, row 1 › Quantity: must be at least 1" in form.errors.text()
    assert spin.property("invalid") is True
    assert not dialog.ok.isEnabled()


def test_a_whole_number_field_refuses_a_lone_minus(qtbot: Any) -> None:
    form = make_form(qtbot, make_step("adjust_inventory"))
    spin = field(form, "params.delta")
    spin.selectAll()
    qtbot.keyClicks(spin, "-")
    assert problems(form) == {"params.delta": "must be a whole number"}


def test_ok_stays_off_until_something_changes(qtbot: Any) -> None:
    dialog = make_dialog(qtbot, make_step("escalate"))
    assert not dialog.ok.isEnabled()
    assert dialog.diff_title.text() == "No changes yet"
    field(dialog.form, "params.urgent").setChecked(False)
    assert dialog.ok.isEnabled()
    assert dialog.diff_view.rows() == [("Urgent", "Yes", "No")]
    field(dialog.form, "params.urgent").setChecked(True)
    assert not dialog.ok.isEnabled()


def test_recheck_is_called_with_the_edited_step_and_its_text_shown(qtbot: Any) -> None:
    calls: list[PlanStep] = []

    def recheck(step: PlanStep) -> tuple[str, str]:
        calls.append(step)
        amount = step.params.amount.amount  # type: ignore[union-attr]
        if amount > 50:
            return "Needs a supervisor — Refunds above $50", "warning"
        return "You may approve", "ok"

    dialog = make_dialog(qtbot, make_step("refund"), recheck=recheck)
    form = dialog.form
    assert calls == [make_step("refund")]  # the proposed step, when the dialog opens
    assert form.verdict.text() == "You may approve"
    assert form.verdict.property("tone") == "ok"
    with qtbot.waitSignal(form.changed):
        field(form, "params.amount.amount").setText("75")
    assert calls[-1] == make_step("refund", amount={"amount": "75", "currency": "USD"})
    assert form.verdict.text() == "Needs a supervisor — Refunds above $50"
    assert form.verdict.property("tone") == "warning"
    assert form.verdict.isVisibleTo(dialog)
    # An invalid edit is not re-checked; the stale verdict is replaced by a hint.
    count = len(calls)
    field(form, "params.amount.amount").setText("7x")
    assert len(calls) == count
    assert "Fix the marked fields" in form.verdict.text()


def test_a_failing_recheck_is_shown_not_raised(qtbot: Any) -> None:
    def broken(step: PlanStep) -> tuple[str, str]:
        raise RuntimeError("policy file vanished")

    dialog = make_dialog(qtbot, make_step("refund"), recheck=broken)
    assert dialog.form.verdict.text() == "Could not re-check who may approve this step."
    assert dialog.form.verdict.property("tone") == "warning"


def test_accepting_returns_the_edited_step(qtbot: Any) -> None:
    dialog = make_dialog(qtbot, make_step("close_case"))
    assert dialog.edited_step() is None
    combo = field(dialog.form, "params.resolution")
    combo.setCurrentIndex(combo.findText("Resolved"))
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    edited = dialog.edited_step()
    assert edited is not None
    assert edited.params.resolution == "resolved"  # type: ignore[union-attr]
    assert dialog.form.diff() == [
        FieldChange(
            step_id="s8", path="params.resolution", before="no_action_needed", after="resolved"
        )
    ]


def test_cancel_gives_no_step(qtbot: Any) -> None:
    dialog = make_dialog(qtbot, make_step("refund"))
    field(dialog.form, "params.reason").setText("Other")
    dialog.reject()
    assert dialog.edited_step() is None


def test_optional_fields_cleared_give_none(qtbot: Any) -> None:
    form = make_form(qtbot, make_step("reply_to_customer"))
    field(form, "params.subject").setText("")
    field(form, "note").setText("Reply first")
    step = form.value()
    assert step is not None
    assert step.params.subject is None  # type: ignore[union-attr]
    assert step.note == "Reply first"
    assert form.diff() == [
        FieldChange(step_id="s4", path="note", before=None, after="Reply first"),
        FieldChange(step_id="s4", path="params.subject", before="您的订单", after=None),
    ]
    refund = make_form(qtbot, make_step("refund"))
    field(refund, "note").setText("   ")
    assert refund.value().note is None  # type: ignore[union-attr]


def test_a_refund_needs_an_order_or_a_subscription(qtbot: Any) -> None:
    form = make_form(qtbot, make_step("refund"))
    field(form, "params.order_id").setText("")
    assert problems(form) == {
        "params": "a refund names either the order or the subscription it repays"
    }
    assert "Refund: a refund names either" in form.errors.text()
    field(form, "params.subscription_id").setText("sub_9")
    step = form.value()
    assert step is not None
    assert step.params.subscription_id == "sub_9"  # type: ignore[union-attr]


def test_reship_items_can_be_added_and_removed(qtbot: Any) -> None:
    dialog = make_dialog(qtbot, make_step("reship"))
    form = dialog.form
    items = field(form, "params.items")
    add = items.findChild(QPushButton, "addItem")
    assert add.accessibleName() == "Add a row to Items"
    with qtbot.waitSignal(form.changed):
        qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    # A new row starts empty: the SKU is required, the quantity starts at its minimum.
    assert problems(form) == {"params.items.2.sku": "can't be empty"}
    assert field(form, "params.items.2.quantity").value() == 1
    assert not dialog.ok.isEnabled()
    field(form, "params.items.2.sku").setText("SKU-3")
    step = form.value()
    assert isinstance(step, ReshipStep)
    assert [(i.sku, i.quantity) for i in step.params.items] == [
        ("SKU-1", 2),
        ("SKU-2", 1),
        ("SKU-3", 1),
    ]
    assert form.diff() == [
        FieldChange(
            step_id="s2", path="params.items.2", before=None, after={"sku": "SKU-3", "quantity": 1}
        )
    ]
    assert dialog.ok.isEnabled()

    # Remove the first row: the others move up and keep their values and names.
    removes = [b for b in items.findChildren(QToolButton, "removeItem") if b.isVisibleTo(items)]
    assert [b.accessibleName() for b in removes] == [
        "Remove Items, row 1",
        "Remove Items, row 2",
        "Remove Items, row 3",
    ]
    with qtbot.waitSignal(form.changed):
        qtbot.mouseClick(removes[0], Qt.MouseButton.LeftButton)
    step = form.value()
    assert isinstance(step, ReshipStep)
    assert [(i.sku, i.quantity) for i in step.params.items] == [("SKU-2", 1), ("SKU-3", 1)]
    assert field(form, "params.items.0.sku").text() == "SKU-2"
    assert field(form, "params.items.0.sku").accessibleName() == "Items, row 1: SKU"
    assert form.editor("params.items.2.sku") is None

    # Removing every row is refused: a reship needs at least one item.
    for _ in range(2):
        remove = next(
            b for b in items.findChildren(QToolButton, "removeItem") if b.isVisibleTo(items)
        )
        qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    assert problems(form) == {"params.items": "needs at least 1 row(s)"}
    assert items.property("invalid") is True
    assert not dialog.ok.isEnabled()


def test_changing_a_choice_and_a_bound_number(qtbot: Any) -> None:
    reship = make_form(qtbot, make_step("reship"))
    speed = field(reship, "params.speed")
    speed.setCurrentIndex(speed.findText("Standard delivery"))
    assert reship.diff_rows() == [("Shipping", "Express", "Standard delivery")]
    inventory = make_form(qtbot, make_step("adjust_inventory"))
    field(inventory, "params.delta").setValue(12)
    assert inventory.diff() == [FieldChange(step_id="s6", path="params.delta", before=-3, after=12)]


def test_the_diff_view_lists_proposed_and_edited(qtbot: Any) -> None:
    view = StepDiffView()
    qtbot.addWidget(view)
    view.set_rows([("Amount", "25.00", "40.00"), ("Reason", "Lost parcel", "Lost")])
    assert view.rows() == [("Amount", "25.00", "40.00"), ("Reason", "Lost parcel", "Lost")]
    assert view.accessibleName() == "Changes to the proposed step"


def test_unknown_tones_are_shown_neutral(qtbot: Any) -> None:
    form = make_form(qtbot, make_step("escalate"))
    assert not form.verdict.isVisibleTo(form)
    form.set_verdict_text("Runs alone", "purple")
    assert form.verdict.property("tone") == "neutral"
    assert form.verdict.isVisibleTo(form)
    form.set_verdict_text("", "ok")
    assert not form.verdict.isVisibleTo(form)
