"""The services' refusals in the console's words: every code a service can raise has a
template; in the Chinese console a refusal — from the decision controls, the authority map,
a pause, a role, the write-back cards — reads in Chinese around the data it names (ids,
names, the map's clauses and rule ids), never as the service's English sentence; an error
without a code is shown as it is, and in English the console says what the service said."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

import pytest
from PySide6.QtWidgets import QMainWindow

from console.domain.errors import ConflictError, MessageCode, NotFound, TandemError
from console.domain.kinds import ExecutionState, Role
from console.services.roles import NotPermitted, Principal
from console.ui.decision_text import DecisionText
from console.ui.execution_status import ExecutionText
from console.ui.refusal_text import RefusalText, fill, refusal
from tests.ui.conftest import run_coro
from tests.ui.test_controls import SUPERVISOR, Desk, card, read_all, refund, reply, show
from tests.ui.test_writeback_ui import approved, change, finish, press

AGENT = Principal("agent-1", "Demo Agent", Role.AGENT)
TRAINER = Principal("trainer-1", "Tess Trainer", Role.TRAINER)
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
NOT_ENGLISH = {"Tandem", "AI"}  # names Chinese keeps as they are

# One refusal of each code, with data free of Latin words: what is left in Latin script
# after rendering is English that slipped through.
SAMPLES: dict[MessageCode, dict[str, Any]] = {
    MessageCode.NOT_PERMITTED: {
        "name": "张伟",
        "role": "agent",
        "capability": "approve_above_agent",
        "who": "supervisors",
    },
    MessageCode.NOT_PERMITTED_OUTSIDE_SANDBOX: {
        "name": "张伟",
        "role": "trainer",
        "capability": "override",
        "who": "agents and supervisors",
    },
    MessageCode.STEP_TYPE_PAUSED: {
        "action": "refund",
        "paused_by": "王芳",
        "paused_at": "2026-01-05T09:30:00+00:00",
    },
    MessageCode.NOT_APPROVABLE: {
        "steps": [
            {
                "step_id": "s1",
                "action": "refund",
                "level": "forbid",
                "clause": "单笔退款不超过 1000 元。",
                "rule_id": "r1",
            },
            {
                "step_id": "s2",
                "action": "account_credit",
                "level": "suggest",
                "clause": "未列出的币种在外部处理。",
                "rule_id": "r2",
            },
        ]
    },
    MessageCode.TAKEN_OVER: {"owner": "王芳"},
    MessageCode.ALREADY_DECIDED: {
        "steps": [
            {"step_id": "s1", "state": "approved"},
            {"step_id": "s2", "state": "awaiting_supervisor"},
            {"step_id": "s3", "state": "rejected"},
        ]
    },
    MessageCode.STEPS_NOT_IN_PLAN: {"step_ids": ["s8", "s9"]},
    MessageCode.PLAN_REPLACED: {},
    MessageCode.PROPOSAL_NOT_FOUND: {"proposal": "p7"},
    MessageCode.EDIT_UNUSABLE: {
        "problems": [
            {"step_id": "s1", "problem": "not_in_plan"},
            {"step_id": "s2", "problem": "action_changed"},
            {"step_id": "s3", "problem": "not_approved_with_it"},
        ]
    },
    MessageCode.REVERSAL_ONLY_BY_UNDO: {"step_id": "s4"},
    MessageCode.INSTRUCTION_EMPTY: {},
    MessageCode.INSTRUCTION_TOO_LONG: {"length": 612, "limit": 500},
    MessageCode.NO_LONGER_WAITING: {"items": ["p1/s1", "p2/s3"]},
    MessageCode.MONEY_ONE_CASE_AT_A_TIME: {},
    MessageCode.ACTION_NOT_FOUND: {"execution": "x9"},
    MessageCode.UNDO_NOT_DONE: {"state": "unknown_outcome"},
    MessageCode.ALREADY_UNDONE: {},
    MessageCode.UNDO_TAKES_BACK_ALREADY: {"action": "account_credit", "execution": "x1"},
    MessageCode.UNDO_CREDIT_NOT_NAMED: {"action": "account_credit", "execution": "x1"},
    MessageCode.UNDO_NOT_DEFINED: {"action": "reship", "execution": "x1"},
    MessageCode.AI_PAUSED: {},
    MessageCode.POLICY_NOT_NEXT_VERSION: {"version": 3, "next": 5},
    MessageCode.POLICY_VERSION_EXISTS: {"version": 4},
    MessageCode.PROFILE_NOT_FOUND: {"user_id": "u7"},
    MessageCode.CASE_NOT_FOUND: {"case": "C-1001"},
    MessageCode.CASE_CHANGED: {"case": "C-1001", "version": 4, "expected": 3},
}


def english_in(text: str, *data: str) -> list[str]:
    """The Latin-script words of ``text`` once the ``data`` it names is taken out."""
    for value in sorted(data, key=len, reverse=True):
        text = text.replace(value, "")
    return [w for w in LATIN_WORD.findall(text) if w not in NOT_ENGLISH]


def coded(code: MessageCode, params: dict[str, Any]) -> TandemError:
    return TandemError("the English sentence", code=code, params=params)


# -- the templates -----------------------------------------------------------------------------


def test_every_code_a_service_can_raise_has_a_template() -> None:
    assert set(RefusalText().renderers()) == set(MessageCode)
    assert set(SAMPLES) == set(MessageCode)  # and a sample below, to read it in Chinese


@pytest.mark.parametrize("code", list(MessageCode), ids=str)
def test_every_code_reads_in_chinese_with_its_values_filled_in(
    chinese: None, code: MessageCode
) -> None:
    text = refusal(coded(code, SAMPLES[code]))
    assert text != "the English sentence"  # the template was used
    assert not re.search(r"%\d", text), text
    assert english_in(text) == [], text
    assert re.search(r"[\u4e00-\u9fff]", text), text


@pytest.mark.parametrize("state", list(ExecutionState), ids=str)
@pytest.mark.parametrize("problem", ["not_in_plan", "action_changed", "not_approved_with_it"])
def test_the_words_inside_refusals_are_translated(
    chinese: None, state: ExecutionState, problem: str
) -> None:
    undo = refusal(coded(MessageCode.UNDO_NOT_DONE, {"state": state.value}))
    assert english_in(undo) == [], undo
    edit = refusal(
        coded(MessageCode.EDIT_UNUSABLE, {"problems": [{"step_id": "s1", "problem": problem}]})
    )
    assert english_in(edit) == [], edit


def test_the_data_stays_as_it_is_and_the_punctuation_is_chinese(chinese: None) -> None:
    text = refusal(coded(MessageCode.NOT_APPROVABLE, SAMPLES[MessageCode.NOT_APPROVABLE]))
    assert text == (
        "未批准任何步骤。s1（退款）不允许：单笔退款不超过 1000 元。（规则 r1）；"
        "s2（账户抵扣金）须在 Tandem 之外处理：未列出的币种在外部处理。（规则 r2）"
    )
    text = refusal(coded(MessageCode.ALREADY_DECIDED, SAMPLES[MessageCode.ALREADY_DECIDED]))
    assert text == "已有决定（s1：已批准；s2：等待主管审批；s3：已驳回）。"
    paused = SAMPLES[MessageCode.STEP_TYPE_PAUSED]
    at = datetime.fromisoformat(paused["paused_at"]).astimezone().strftime("%Y-%m-%d %H:%M")
    assert refusal(coded(MessageCode.STEP_TYPE_PAUSED, paused)) == (
        f"退款步骤已由 王芳 自 {at} 起暂停；在主管恢复之前，此类步骤都不能批准。"
    )


def test_an_error_without_a_known_code_or_with_wrong_values_is_shown_as_it_is(
    chinese: None,
) -> None:
    assert refusal(ConflictError("case c1 was changed by someone else")) == (
        "case c1 was changed by someone else"
    )
    assert refusal(ValueError("x")) == "x"
    broken = NotFound("proposal p1 does not exist", code=MessageCode.PROPOSAL_NOT_FOUND)
    assert refusal(broken) == "proposal p1 does not exist"  # no "proposal" value given
    assert DecisionText().refused(broken) == "未完成：proposal p1 does not exist"


def test_fill_replaces_each_placeholder_once() -> None:
    assert fill("%1 and %2", "%2", "b") == "%2 and b"
    assert fill("%1 (%3)", "a") == "a (%3)"


# -- real refusals from the services -----------------------------------------------------------


def refused(qtbot: Any, call: Any) -> TandemError:
    with pytest.raises(TandemError) as caught:
        run_coro(qtbot, call)
    return caught.value


def test_the_authority_maps_refusal_reads_in_chinese_around_the_rule(
    chinese: None, desk: Desk, qtbot: Any
) -> None:
    proposal = desk.propose(qtbot, refund("s1", "2000.00"), reply())
    error = refused(qtbot, desk.services.decisions.approve(desk.case_id, proposal.id, AGENT))
    assert str(error).startswith("Nothing was approved. s1 (refund) is not allowed: ")
    (step,) = error.params["steps"]
    text = DecisionText().refused(error)
    assert (
        text
        == f"未完成：未批准任何步骤。s1（退款）不允许：{step['clause']}（规则 {step['rule_id']}）"
    )


def test_pause_decided_and_role_refusals_read_in_chinese(
    chinese: None, desk: Desk, qtbot: Any
) -> None:
    decisions = desk.services.decisions
    proposal = desk.propose(qtbot, refund("s1", "30.00"), reply())
    run_coro(qtbot, decisions.approve(desk.case_id, proposal.id, AGENT, step_ids=["s-reply"]))
    again = refused(
        qtbot, decisions.approve(desk.case_id, proposal.id, AGENT, step_ids=["s-reply"])
    )
    assert str(again) == "Already decided (s-reply: approved)."
    assert refusal(again) == "已有决定（s-reply：已批准）。"

    trainer = refused(qtbot, decisions.approve(desk.case_id, proposal.id, TRAINER))
    assert str(trainer) == (
        "Tess Trainer (trainer) may not approve outside the sandbox: only agents and "
        "supervisors may."
    )
    assert refusal(trainer) == "Tess Trainer（培训师）不能在沙盒以外批准：只有坐席和主管可以。"

    run_coro(qtbot, desk.services.controls.pause(SUPERVISOR, "refund"))
    paused = refused(qtbot, decisions.approve(desk.case_id, proposal.id, AGENT))
    assert str(paused).startswith("refund steps are paused by sup-1 since ")
    assert refusal(paused).startswith("退款步骤已由 sup-1 自 ")
    assert english_in(refusal(paused), "sup-1") == []


def test_the_supervisor_queues_refusals_read_in_chinese(
    chinese: None, desk: Desk, qtbot: Any
) -> None:
    decisions = desk.services.decisions
    proposal = desk.propose(qtbot, refund("s1", "80.00"))  # above the agent's band
    run_coro(qtbot, decisions.approve(desk.case_id, proposal.id, AGENT))
    gone = refused(qtbot, decisions.approve_waiting([(proposal.id, "nope")], SUPERVISOR))
    assert isinstance(gone, ConflictError)
    assert refusal(gone) == f"已不再等待审批：{proposal.id}/nope。"
    agent = refused(qtbot, decisions.approve_waiting([(proposal.id, "s1")], AGENT))
    assert isinstance(agent, NotPermitted)
    assert refusal(agent) == ("Demo Agent（坐席）不能批准超出坐席权限的步骤：只有主管可以。")


# -- in the console ----------------------------------------------------------------------------


def test_a_refusal_under_the_plan_reads_in_chinese(
    chinese: None, desk: Desk, host: QMainWindow, qtbot: Any
) -> None:
    panel, _proposal = show(desk, host, qtbot, reply())
    read_all(panel, qtbot)
    other = Principal("agent-2", "Bo Agent", Role.AGENT)
    run_coro(qtbot, desk.services.decisions.take_over(desk.case_id, other))
    with qtbot.waitSignal(panel.controls.failed, timeout=10_000):
        panel.controls.action("approve").trigger()
    text = panel.controls.outcome.text()
    assert text == "未完成：agent-2 已接管此案例；现在只有其本人或主管可以对它作出决定。"
    assert english_in(text, "agent-2") == []


def test_a_refusal_on_a_write_back_card_reads_in_chinese(
    chinese: None, desk: Desk, host: QMainWindow, qtbot: Any
) -> None:
    panel, by_step = approved(desk, host, qtbot, refund("s1", "30.00"))
    change(
        desk,
        qtbot,
        panel.controls.executions.refreshed,
        finish(by_step["s1"].id, ExecutionState.REJECTED, error="card declined"),
    )
    desk.services.settings.update(role="trainer")  # outside the sandbox: may only look
    name = desk.services.principal().name
    press(card(panel, "s1"), "cancel", qtbot, panel)
    text = panel.controls.outcome.text()
    assert text == f"未执行：{name}（培训师）不能在沙盒以外驳回：只有坐席和主管可以。"
    assert english_in(text, name) == []


def test_in_english_the_console_says_what_the_service_said(
    desk: Desk, host: QMainWindow, qtbot: Any
) -> None:
    decisions = desk.services.decisions
    proposal = desk.propose(qtbot, refund("s1", "30.00"))
    errors = [
        refused(qtbot, decisions.approve(desk.case_id, proposal.id, TRAINER)),
        refused(qtbot, decisions.approve_waiting([(proposal.id, "s1")], AGENT)),
        refused(qtbot, decisions.instruct(desk.case_id, "x" * 501, AGENT)),
    ]
    run_coro(qtbot, decisions.take_over(desk.case_id, Principal("agent-2", "Bo", Role.AGENT)))
    errors.append(refused(qtbot, decisions.approve(desk.case_id, proposal.id, AGENT)))
    for error in errors:
        assert error.code is not None
        assert refusal(error).startswith(str(error).split("\n")[0].rstrip(".")), error
    assert ExecutionText().refused(errors[-1]) == f"Not done: {errors[-1]}"
