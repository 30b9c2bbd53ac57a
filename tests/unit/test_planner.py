"""The planner interface, fact extraction, determinism, instructions, demo cases, the CLI."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from console.ai.facts_view import extract_facts
from console.ai.instructions import read_instructions
from console.ai.planner import Planner
from console.ai.playbooks import PlaybookPlanner
from console.cli import main
from console.domain.base import Money
from console.domain.case import Journey
from console.domain.events import EventSource
from console.domain.facts import MAX_FACT_EVENTS, CaseFacts
from console.domain.kinds import ActionKind
from console.domain.proposal import Proposal
from console.services.demo import generate_case
from tests.unit.test_playbooks import CJK, Script, actions, late, plan, reply, step

ANCHOR = datetime(2026, 3, 1, tzinfo=UTC)


@pytest.fixture(scope="module")
def planner() -> PlaybookPlanner:
    return PlaybookPlanner()


def demo_facts(seed: int, index: int) -> CaseFacts:
    cf = generate_case(seed, index, anchor=ANCHOR)
    return CaseFacts(
        case=cf.case,
        customer=cf.customer,
        events=cf.events[-MAX_FACT_EVENTS:],
        now=cf.events[-1].occurred_at,
    )


def test_playbook_planner_is_a_planner(planner: PlaybookPlanner) -> None:
    assert isinstance(planner, Planner)
    assert planner.identity.name == "playbook"
    assert planner.identity.model is None
    assert "+" in planner.identity.version


def test_plan_is_async_and_deterministic(planner: PlaybookPlanner) -> None:
    facts = late(8).facts()
    first = asyncio.run(planner.plan(facts))
    second = asyncio.run(PlaybookPlanner().plan(facts.model_copy(deep=True)))
    assert first == second
    assert first.model_dump_json() == second.model_dump_json()
    assert first.input_digest == facts.digest()
    assert first.created_at == facts.now
    assert first.id.endswith(facts.digest()[:20])


def test_different_facts_give_a_different_proposal_id(planner: PlaybookPlanner) -> None:
    a = planner.plan_now(late(8).facts())
    b = planner.plan_now(late(9).facts())
    assert a.id != b.id


# --- facts ---------------------------------------------------------------------------------


def test_extract_facts_from_a_late_delivery() -> None:
    s = late(8)
    s.contacts = 3
    facts = extract_facts(s.facts(now=s.at + timedelta(hours=30)))
    assert facts["order_id"].value == "ORD-1"
    assert facts["order_id"].direct
    assert facts["shipment_id"].value == "SHP-1"
    assert facts["carrier"].value == "UPS"
    assert facts["tracking_number"].value == "1ZTEST"
    assert facts["delay_days"].value == 8
    assert facts["delay_days"].event_ids == ("E006", "E007")
    assert facts["order_state"].value == "delayed"
    assert facts["charge_amount"].value == Money.of("241.98", "USD")
    assert facts["payment_id"].value == "PAY-1"
    assert facts["scan_count"].value == 2
    assert facts["hours_since_last_scan"].value == 32  # last scan 2.1 h before the end, + 30
    assert facts["contact_count"].value == 3
    assert facts["sentiment"].value == "negative"
    assert facts["language"].value == "en"
    assert facts["reply_channel"].value == "chat"
    assert "last_message" in facts
    assert [(i.sku, i.quantity) for i in facts["order_items"].value] == [("HP-NIM-2", 1)]  # type: ignore[union-attr]
    assert "refund_succeeded" not in facts
    assert "duplicate_payment_id" not in facts


def test_extract_facts_refunds_and_duplicates() -> None:
    s = Script(Journey.DOUBLE_CHARGE)
    s.order("20.00")
    s.sys(EventSource.PAYMENTS, "payment.captured", "PAY-2", 0.5, amount="20.00", currency="USD")
    s.sys(EventSource.PAYMENTS, "refund.requested", "PAY-2", refund_id="R1", amount="20.00",
          currency="USD")  # fmt: skip
    s.sys(EventSource.PAYMENTS, "refund.failed", "PAY-2", refund_id="R1", currency="USD")
    facts = extract_facts(s.facts())
    assert facts["duplicate_payment_id"].value == "PAY-2"
    assert facts["duplicate_amount"].value == Money.of("20.00", "USD")
    assert facts["refund_failed"].value is True
    assert facts["failed_refund_amount"].value == Money.of("20.00", "USD")  # from the request
    assert "refund_pending" not in facts  # the request is settled by its failure


def test_captures_far_apart_are_not_a_duplicate() -> None:
    s = Script(Journey.DOUBLE_CHARGE)
    s.order("20.00")
    s.sys(EventSource.PAYMENTS, "payment.captured", "PAY-2", 72, amount="20.00", currency="USD")
    assert "duplicate_payment_id" not in extract_facts(s.facts())


def test_missing_facts_are_missing_not_guessed() -> None:
    s = Script(Journey.WHERE_IS_MY_ORDER)
    facts = extract_facts(s.facts())
    for name in ("order_id", "shipment_id", "carrier", "delay_days", "payment_id"):
        assert name not in facts
    assert facts["currency"].direct is False  # the customer's own currency, as a default


# --- instructions ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["no refund, offer a voucher", "Don't refund this one", "不要退款，给代金券"]
)
def test_no_refund_becomes_account_credit(planner: PlaybookPlanner, text: str) -> None:
    s = late(8)
    s.instructions = [text]
    p = plan(planner, s.facts())
    assert "refund" not in actions(p)
    credit = step(p, ActionKind.ACCOUNT_CREDIT).params
    assert credit.amount == Money.of("12.99", "USD")
    assert credit.customer_id == "K1"
    assert "credit" in reply(p)
    assert "refund" not in reply(p).lower()
    assert any("instructed no refund" in r.claim for r in p.reasoning)
    assert not p.questions  # fully understood


@pytest.mark.parametrize("text", ["no reship", "不要补发"])
def test_no_reship_is_honoured(planner: PlaybookPlanner, text: str) -> None:
    s = Script(Journey.LOST_DELIVERY)
    s.order()
    s.ship()
    s.sys(EventSource.LOGISTICS, "shipment.lost", "SHP-1", carrier="UPS")
    s.instructions = [text]
    p = plan(planner, s.facts())
    assert "reship" not in actions(p)
    assert "notify_logistics" in actions(p)
    assert any(a.why_not == "The agent instructed no reship." for a in p.alternatives)


def test_unknown_instruction_is_flagged(planner: PlaybookPlanner) -> None:
    s = late(8)
    s.instructions = ["call her back on Monday"]
    p = plan(planner, s.facts())
    assert "refund" in actions(p)
    assert any("call her back on Monday" in q for q in p.questions)
    assert any("call her back on Monday" in r.claim for r in p.reasoning)


def test_read_instructions() -> None:
    d = read_instructions(["No refund; offer store credit", "请尽快回复"])
    assert d.no_refund
    assert d.prefer_credit
    assert not d.no_reship
    assert d.unknown == ["请尽快回复"]


# --- demo cases -----------------------------------------------------------------------------


def test_demo_cases_never_fail(planner: PlaybookPlanner) -> None:
    seen: set[Journey] = set()
    for index in range(500):
        facts = demo_facts(11, index)
        proposal = planner.plan_now(facts)
        assert Proposal.model_validate(proposal.model_dump(mode="json")) == proposal
        ids = {e.id for e in facts.events}
        assert all(set(r.evidence_event_ids) <= ids for r in proposal.reasoning)
        body = reply(proposal)
        if facts.customer.language.startswith("zh"):
            assert CJK.search(body), body
        else:
            assert not CJK.search(body), body
        assert proposal.reasoning
        assert 0.1 <= proposal.confidence <= 0.95
        seen.add(facts.case.journey)
    assert seen == set(Journey)


def test_demo_double_charge_refunds_the_flagged_payment(planner: PlaybookPlanner) -> None:
    for index in range(200):
        facts = demo_facts(3, index)
        if facts.case.journey is not Journey.DOUBLE_CHARGE:
            continue
        known = extract_facts(facts)
        p = planner.plan_now(facts)
        if "refund_succeeded" in known or "refund_pending" in known or "refund_failed" in known:
            continue
        refund = step(p, ActionKind.REFUND).params
        assert refund.payment_id == known["duplicate_payment_id"].value
        assert refund.amount == known["duplicate_amount"].value
        return
    pytest.fail("no open double charge in the demo set")


# --- tandem plan -------------------------------------------------------------------------


def test_cli_plan_prints_the_proposal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    cf = generate_case(7, 0, anchor=ANCHOR)  # a zh-CN "where is my order"
    path = tmp_path / "case.json"
    path.write_text(cf.model_dump_json(), encoding="utf-8")
    assert main(["plan", str(path), "--now", "2026-03-01T00:00:00Z"]) == 0
    out = capsys.readouterr().out
    proposal = Proposal.model_validate(json.loads(out))
    assert proposal.case_id == cf.case.id
    assert proposal.planner.name == "playbook"
    assert proposal.created_at == datetime(2026, 3, 1, tzinfo=UTC)
    assert CJK.search(out)  # Chinese printed as such, not as escapes


def test_cli_plan_refuses_an_invalid_file(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"case": 1}', encoding="utf-8")
    assert main(["plan", str(path)]) == 1
    err = capsys.readouterr().err
    assert "customer" in err
    assert "bad.json" in err


def test_cli_plan_llm_without_module_or_options(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cf = generate_case(7, 1, anchor=ANCHOR)
    path = tmp_path / "case.json"
    path.write_text(cf.model_dump_json(), encoding="utf-8")
    assert main(["plan", str(path), "--planner", "llm"]) == 2
    assert "llm" in capsys.readouterr().err.lower()
