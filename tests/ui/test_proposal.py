"""The proposal panel: the plan of the open case, its steps and previews, the reasoning with
citations, re-planning on news, and model text shown literally."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from console.domain.kinds import ActionKind
from tests.ui.conftest import run_coro
from tests.ui.live import append


def plannable_case(services: Any, qtbot: Any, *, with_reply: bool = False) -> str:
    """A demo case whose customer consents to AI processing (and whose plan replies)."""
    for row in services.cases.queue_now():
        detail = run_coro(qtbot, services.cases.detail(row.case_id))
        if not detail.customer.consent.ai_processing:
            continue
        if with_reply:
            proposal = run_coro(qtbot, services.planning.plan(row.case_id))
            if not any(s.action is ActionKind.REPLY_TO_CUSTOMER for s in proposal.steps):
                continue
        return str(row.case_id)
    raise AssertionError("no demo case fits")


def open_with_plan(window: Any, qtbot: Any, case_id: str) -> Any:
    """Open ``case_id`` and wait until its proposal is on screen; the proposal."""
    with qtbot.waitSignal(window.proposal.shown, timeout=10_000):
        window.open_case(case_id)
    return window.proposal.proposal


def test_opening_a_case_shows_its_plan(window: Any, qtbot: Any, services: Any) -> None:
    case_id = plannable_case(services, qtbot)
    proposal = open_with_plan(window, qtbot, case_id)
    panel = window.proposal
    assert proposal.case_id == case_id
    assert proposal == run_coro(qtbot, services.planning.latest(case_id))
    assert panel.summary.text() == proposal.summary
    assert panel.marker.isVisibleTo(window)
    assert panel.replan.isVisibleTo(window)
    assert proposal.planner.name in panel.identity.text()
    assert proposal.planner.version in panel.identity.text()
    assert panel.confidence.text() == f"{round(proposal.confidence * 100)}%"
    assert len(panel.cards) == len(proposal.steps)
    for card, step in zip(panel.cards, proposal.steps, strict=True):
        assert card.step == step
        # The authority map's verdict, with the rule's clause on hover.
        verdict = {v.step_id: v for v in proposal.verdicts}[card.step.step_id]
        assert card.verdict.text() in {"You may approve", "Needs a supervisor", "Not allowed"}
        assert verdict.clause in card.verdict.toolTip()
        assert card.isVisibleTo(window)
    assert not panel.banner.isVisibleTo(window)  # the playbooks planned it on purpose


def test_a_citation_reveals_its_event(window: Any, qtbot: Any, services: Any) -> None:
    open_with_plan(window, qtbot, plannable_case(services, qtbot))
    chips = [chip for chip in window.proposal.reasoning.chips if chip.isEnabled()]
    assert chips, "the demo plan cites its evidence"
    chip = chips[-1]
    event_id = chip.property("event_id")
    with qtbot.waitSignal(window.revealed, timeout=5000) as revealed:
        qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    assert revealed.args == [event_id]
    seq = services.cases.locate(event_id)[1]
    assert window.timeline.view.currentIndex().row() == seq - 1


def test_an_unknown_citation_is_disabled_and_says_why(
    window: Any, qtbot: Any, services: Any
) -> None:
    proposal = open_with_plan(window, qtbot, plannable_case(services, qtbot))
    first = proposal.reasoning[0]
    wrong = first.model_copy(update={"evidence_event_ids": ["no-such-event"]})
    window.proposal.show_proposal(proposal.model_copy(update={"reasoning": [wrong]}))
    (chip,) = window.proposal.reasoning.chips
    assert not chip.isEnabled()
    assert "no-such-event" in chip.toolTip()


def test_news_re_plans_and_shows_the_new_plan(
    window: Any, qtbot: Any, services: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import console.services.planning as planning_module

    monkeypatch.setattr(planning_module, "REPLAN_DELAY", 0.01)
    services.planning.watch()
    case_id = plannable_case(services, qtbot)
    before = open_with_plan(window, qtbot, case_id)

    def newer(proposal_id: str) -> bool:
        return proposal_id != before.id

    with qtbot.waitSignal(window.proposal.shown, timeout=10_000, check_params_cb=newer):
        append(services, case_id, "Any news on my refund? I am still waiting.")
    shown = window.proposal.proposal
    assert shown.id != before.id
    assert shown == run_coro(qtbot, services.planning.latest(case_id))
    assert not window.proposal.status.isVisible()


def test_ctrl_r_re_plans_with_a_visible_planning_state(
    window: Any, qtbot: Any, services: Any
) -> None:
    open_with_plan(window, qtbot, plannable_case(services, qtbot))
    panel = window.proposal
    with qtbot.waitSignal(panel.shown, timeout=10_000):
        window.menus.replan.trigger()
        assert panel.status.text() == "Planning…"
        assert not panel.replan.isEnabled()
    assert panel.replan.isEnabled()
    assert panel.status.isHidden()
    assert window.menus.replan.shortcut().toString() == "Ctrl+R"


def test_the_preview_shows_the_customer_message_exactly(
    window: Any, qtbot: Any, services: Any
) -> None:
    proposal = open_with_plan(window, qtbot, plannable_case(services, qtbot, with_reply=True))
    (card,) = [c for c in window.proposal.cards if c.step.action is ActionKind.REPLY_TO_CUSTOMER]
    assert not card.preview.isVisibleTo(window)
    qtbot.mouseClick(card.toggle, Qt.MouseButton.LeftButton)
    assert card.preview.isVisibleTo(window)
    step = next(s for s in proposal.steps if s.step_id == card.step.step_id)
    assert card.message.toPlainText() == step.params.body
    assert card.message.isReadOnly()
    assert card.change.text().startswith("Tickets: post a public reply")


def test_model_text_is_never_html(window: Any, qtbot: Any, services: Any) -> None:
    proposal = open_with_plan(window, qtbot, plannable_case(services, qtbot, with_reply=True))
    html = "<b>html</b>"
    steps = [
        s.model_copy(update={"params": s.params.model_copy(update={"body": html})})
        if s.action is ActionKind.REPLY_TO_CUSTOMER
        else s
        for s in proposal.steps
    ]
    reasoning = [r.model_copy(update={"claim": html}) for r in proposal.reasoning]
    tricky = proposal.model_copy(update={"summary": html, "steps": steps, "reasoning": reasoning})
    panel = window.proposal
    panel.show_proposal(tricky)
    assert panel.summary.text() == html
    for label in panel.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()

    def claims() -> list[str]:
        found = panel.reasoning.findChildren(QLabel)
        return [w.text() for w in found if w.objectName() == "claim" and w.isVisibleTo(panel)]

    qtbot.waitUntil(lambda: len(claims()) == len(reasoning))
    assert set(claims()) == {html}
    (card,) = [c for c in panel.cards if c.step.action is ActionKind.REPLY_TO_CUSTOMER]
    assert card.message.toPlainText() == html


def test_a_fallback_plan_says_so(window: Any, qtbot: Any, services: Any) -> None:
    proposal = open_with_plan(window, qtbot, plannable_case(services, qtbot))
    planner = proposal.planner.model_copy(update={"name": "playbook (fallback from llm)"})
    window.proposal.show_proposal(proposal.model_copy(update={"planner": planner}))
    banner = window.proposal.banner
    assert banner.isVisibleTo(window)
    assert "The language model could not be used" in banner.text()
    assert proposal.reasoning[0].claim in banner.text()


def test_a_language_model_s_text_shows_while_it_plans(
    window: Any, qtbot: Any, services: Any
) -> None:
    from console.services.bus import PlanningText

    case_id = plannable_case(services, qtbot)
    open_with_plan(window, qtbot, case_id)
    panel = window.proposal
    with qtbot.waitSignal(panel.shown, timeout=10_000):
        window.menus.replan.trigger()
        services.bus.publish(PlanningText(case_id, "The parcel <b>was</b> "))
        services.bus.publish(PlanningText("another-case", "not this one"))
        services.bus.publish(PlanningText(case_id, "lost."))
        assert panel.status.text().endswith("\nThe parcel <b>was</b> lost.")  # literally
        assert panel.status.textFormat() == Qt.TextFormat.PlainText
    assert panel.status.isHidden()  # the plan replaced the streamed text
