"""The eight journey playbooks on scripted cases: steps, amounts, citations, wording."""

from __future__ import annotations

import re
import shutil
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from console.ai.planner import PlanningError
from console.ai.playbook_model import load_playbooks
from console.ai.playbooks import PlaybookPlanner
from console.domain.base import Money
from console.domain.case import Case, ExternalRefs, Journey, Sentiment, SentimentLabel
from console.domain.customer import Customer, Tier
from console.domain.errors import InvalidInput
from console.domain.events import (
    Actor,
    ActorKind,
    EventSource,
    MessagePayload,
    SystemEventPayload,
    TimelineEvent,
)
from console.domain.facts import CaseFacts
from console.domain.kinds import ActionKind
from console.domain.proposal import Proposal
from console.resources import resource_path

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
CJK = re.compile(r"[\u4e00-\u9fff]")
_SYSTEM = Actor(kind=ActorKind.SYSTEM, id="sys", name="System")
_CUSTOMER = Actor(kind=ActorKind.CUSTOMER, id="K1", name="Customer")


class Script:
    """Builds a case's timeline event by event, an hour apart unless told."""

    def __init__(self, journey: Journey, *, lang: str = "en-US", tier: Tier = Tier.STANDARD):
        self.journey, self.lang, self.tier = journey, lang, tier
        self.events: list[TimelineEvent] = []
        self.at = T0
        self.contacts = 1
        self.instructions: list[str] = []

    def _add(self, source: EventSource, actor: Actor, summary: str, payload: Any, hours: float):
        self.at += timedelta(hours=hours)
        eid = f"E{len(self.events) + 1:03d}"
        self.events.append(
            TimelineEvent(
                id=eid,
                case_id="C1",
                seq=len(self.events) + 1,
                occurred_at=self.at,
                source=source,
                actor=actor,
                summary=summary,
                payload=payload,
            )
        )
        return eid

    def sys(self, source: EventSource, name: str, subject: str, hours: float = 1, **attrs: Any):
        payload = SystemEventPayload(name=name, subject_id=subject, attributes=attrs)
        return self._add(source, _SYSTEM, name, payload, hours)

    def says(self, text: str, hours: float = 1, source: EventSource = EventSource.CHAT) -> str:
        lang = "zh-CN" if self.lang.startswith("zh") else self.lang.split("-")[0]
        payload = MessagePayload(kind="customer_message", text=text, language=lang)
        return self._add(source, _CUSTOMER, text[:100], payload, hours)

    # --- common stories ---------------------------------------------------------------

    def order(self, amount: str = "241.98", currency: str = "USD", **extra: Any) -> None:
        self.sys(EventSource.ORDERS, "order.created", "ORD-1", 0, sku="HP-NIM-2",
                 amount=amount, currency=currency, **extra)  # fmt: skip
        self.sys(EventSource.PAYMENTS, "payment.captured", "PAY-1", 0.01,
                 amount=extra.get("captured", amount), currency=currency)  # fmt: skip

    def ship(self, carrier: str = "UPS", scans: int = 2) -> None:
        self.sys(EventSource.ORDERS, "order.shipped", "ORD-1", 10, carrier=carrier,
                 tracking_number="1ZTEST", shipment_id="SHP-1")  # fmt: skip
        for _ in range(scans):
            self.sys(EventSource.LOGISTICS, "carrier.scan", "SHP-1", 5, carrier=carrier,
                     tracking_number="1ZTEST", status="in_transit")  # fmt: skip

    def facts(self, now: datetime | None = None) -> CaseFacts:
        currency = {"zh": "CNY", "de": "EUR", "es": "EUR"}.get(self.lang[:2], "USD")
        refs = ExternalRefs(ticket_id="TCK-1")
        case = Case(
            id="C1",
            customer_id="K1",
            subject="Help",
            journey=self.journey,
            opened_at=T0,
            updated_at=self.at,
            sla_due_at=self.at + timedelta(days=1),
            sentiment=Sentiment(label=SentimentLabel.NEGATIVE, score=-0.4, reason="upset"),
            external_refs=refs,
            contact_count=self.contacts,
        )
        customer = Customer(
            id="K1",
            name="李建华" if self.lang.startswith("zh") else "Sophia Miller",
            tier=self.tier,
            language=self.lang,
            lifetime_value=Money.of("500", currency),
        )
        return CaseFacts(
            case=case,
            customer=customer,
            events=self.events,
            now=now or self.at,
            instructions=self.instructions,
        )


@pytest.fixture(scope="module")
def planner() -> PlaybookPlanner:
    return PlaybookPlanner()


def plan(planner: PlaybookPlanner, facts: CaseFacts) -> Proposal:
    proposal = planner.plan_now(facts)
    assert Proposal.model_validate(proposal.model_dump(mode="json")) == proposal
    ids = {e.id for e in facts.events}
    for step in proposal.reasoning:
        assert set(step.evidence_event_ids) <= ids, step
    numbers = [f"s{i}" for i in range(1, len(proposal.steps) + 1)]
    assert [s.step_id for s in proposal.steps] == numbers
    return proposal


def actions(proposal: Proposal) -> list[str]:
    return [s.action.value for s in proposal.steps]


def step(proposal: Proposal, kind: ActionKind) -> Any:
    found = [s for s in proposal.steps if s.action is kind]
    assert found, f"no {kind.value} step in {actions(proposal)}"
    return found[0]


def reply(proposal: Proposal) -> str:
    return str(step(proposal, ActionKind.REPLY_TO_CUSTOMER).params.body)


def clauses(proposal: Proposal) -> str:
    return " | ".join(r.policy_clause or "" for r in proposal.reasoning)


# --- late delivery ------------------------------------------------------------------------


def late(days: int, **kw: Any) -> Script:
    s = Script(Journey.LATE_DELIVERY, **kw)
    s.order()
    s.ship()
    s.sys(EventSource.ORDERS, "order.delayed", "ORD-1", delay_days=days, reason="weather")
    s.sys(EventSource.LOGISTICS, "shipment.delayed", "SHP-1", 0.1, carrier="UPS",
          tracking_number="1ZTEST", delay_days=days)  # fmt: skip
    s.says("My order is late and nobody tells me anything.")
    return s


def test_late_delivery_over_five_days_refunds_the_shipping_fee(planner: PlaybookPlanner) -> None:
    s = late(8)
    p = plan(planner, s.facts())
    assert actions(p) == ["notify_logistics", "refund", "reply_to_customer"]
    refund = step(p, ActionKind.REFUND).params
    assert refund.amount == Money.of("12.99", "USD")
    assert (refund.order_id, refund.payment_id) == ("ORD-1", "PAY-1")
    notify = step(p, ActionKind.NOTIFY_LOGISTICS).params
    assert (notify.carrier, notify.shipment_id, notify.request) == ("UPS", "SHP-1", "expedite")
    assert "late_delivery §2: a delay over 5 days earns a shipping refund" in clauses(p)
    assert "$12.99" in reply(p)
    delay = next(r for r in p.reasoning if "§2" in (r.policy_clause or ""))
    assert {"E006", "E007"} <= set(delay.evidence_event_ids)


def test_late_delivery_uses_the_shipping_fee_on_the_order(planner: PlaybookPlanner) -> None:
    s = Script(Journey.LATE_DELIVERY)
    s.order(shipping_fee="7.50")
    s.ship()
    s.sys(EventSource.ORDERS, "order.delayed", "ORD-1", delay_days=6)
    p = plan(planner, s.facts())
    assert step(p, ActionKind.REFUND).params.amount == Money.of("7.50", "USD")


def test_short_delay_is_chased_not_refunded(planner: PlaybookPlanner) -> None:
    p = plan(planner, late(3).facts())
    assert "refund" not in actions(p)
    assert any("Refund the shipping fee" in a.description for a in p.alternatives)


def test_gold_member_gets_goodwill_credit_on_top(planner: PlaybookPlanner) -> None:
    p = plan(planner, late(7, tier=Tier.GOLD).facts())
    assert step(p, ActionKind.ACCOUNT_CREDIT).params.amount == Money.of("10", "USD")


def test_prior_refund_is_not_repeated(planner: PlaybookPlanner) -> None:
    s = late(8)
    s.sys(EventSource.PAYMENTS, "refund.succeeded", "PAY-1", refund_id="RF-1", amount="12.99",
          currency="USD")  # fmt: skip
    p = plan(planner, s.facts())
    assert "refund" not in actions(p)
    claim = " ".join(r.claim for r in p.reasoning)
    assert "already succeeded" in claim
    assert "not refunded again" in claim


def test_failed_refund_becomes_account_credit(planner: PlaybookPlanner) -> None:
    s = late(8)
    s.sys(EventSource.PAYMENTS, "refund.failed", "PAY-1", refund_id="RF-1", amount="12.99",
          currency="USD", error="card_expired")  # fmt: skip
    p = plan(planner, s.facts())
    assert "refund" not in actions(p)
    assert step(p, ActionKind.ACCOUNT_CREDIT).params.amount == Money.of("12.99", "USD")


def test_missing_shipment_escalates_and_asks(planner: PlaybookPlanner) -> None:
    s = Script(Journey.LATE_DELIVERY)
    s.order()
    s.says("Where is it? It is a week late.")
    p = plan(planner, s.facts())
    assert "notify_logistics" not in actions(p)
    assert "refund" not in actions(p)
    assert step(p, ActionKind.ESCALATE).params.team == "logistics"
    assert p.questions
    assert p.confidence < 0.8


def test_late_delivery_reply_in_chinese(planner: PlaybookPlanner) -> None:
    s = Script(Journey.LATE_DELIVERY, lang="zh-CN")
    s.order("1389.00", "CNY")
    s.ship("JD Logistics")
    s.sys(EventSource.LOGISTICS, "shipment.delayed", "SHP-1", carrier="JD Logistics",
          delay_days=7)  # fmt: skip
    s.says("我的订单已经晚了一周了！")
    p = plan(planner, s.facts())
    body = reply(p)
    assert CJK.search(body)
    assert "京东物流" in body
    assert "¥89.00" in body
    params = step(p, ActionKind.REPLY_TO_CUSTOMER).params
    assert params.language == "zh-CN"
    assert params.channel == "chat"
    assert step(p, ActionKind.REFUND).params.amount == Money.of("89.00", "CNY")


@pytest.mark.parametrize(
    ("lang", "words"), [("de-DE", "Guten Tag"), ("es-ES", "Hola"), ("en-GB", "Hi")]
)
def test_reply_languages(planner: PlaybookPlanner, lang: str, words: str) -> None:
    p = plan(planner, late(8, lang=lang).facts())
    assert reply(p).startswith(words)
    if lang != "en-GB":
        assert "12,99" in reply(p)


# --- where is my order / lost delivery: contradictions ------------------------------------


@pytest.mark.parametrize("journey", [Journey.WHERE_IS_MY_ORDER, Journey.LOST_DELIVERY])
@pytest.mark.parametrize(
    "text",
    [
        "The tracking says it was delivered, but nothing arrived. I was at home all day.",
        "物流显示已签收，但我根本没收到。",
    ],
)
def test_carrier_says_delivered_customer_says_not(
    planner: PlaybookPlanner, journey: Journey, text: str
) -> None:
    s = Script(journey, lang="zh-CN" if CJK.search(text) else "en-US")
    s.order()
    s.ship()
    delivered = s.sys(EventSource.LOGISTICS, "shipment.delivered", "SHP-1", carrier="UPS",
                      tracking_number="1ZTEST", proof="photo")  # fmt: skip
    said = s.says(text)
    p = plan(planner, s.facts())
    assert "refund" not in actions(p)
    assert "reship" not in actions(p)
    trace = step(p, ActionKind.NOTIFY_LOGISTICS).params
    assert (trace.request, trace.carrier, trace.shipment_id) == ("trace", "UPS", "SHP-1")
    assert p.questions
    cited = {e for r in p.reasoning for e in r.evidence_event_ids}
    assert {delivered, said} <= cited
    assert any("twice" in a.why_not or "trace" in a.why_not for a in p.alternatives)


def test_where_is_my_order_quiet_tracking_is_traced(planner: PlaybookPlanner) -> None:
    s = Script(Journey.WHERE_IS_MY_ORDER)
    s.order()
    s.ship()
    s.says("Where is my parcel?", hours=100)
    p = plan(planner, s.facts())
    assert step(p, ActionKind.NOTIFY_LOGISTICS).params.request == "trace"


def test_where_is_my_order_moving_parcel_only_gets_an_update(planner: PlaybookPlanner) -> None:
    s = Script(Journey.WHERE_IS_MY_ORDER)
    s.order()
    s.ship()
    s.says("Where is my parcel?", hours=2)
    p = plan(planner, s.facts())
    assert actions(p) == ["reply_to_customer"]
    assert "1ZTEST" in reply(p)


def test_where_is_my_order_failed_delivery_holds_the_parcel(planner: PlaybookPlanner) -> None:
    s = Script(Journey.WHERE_IS_MY_ORDER)
    s.order()
    s.ship()
    s.sys(EventSource.LOGISTICS, "delivery.failed", "SHP-1", carrier="UPS", attempts=1)
    p = plan(planner, s.facts())
    assert step(p, ActionKind.NOTIFY_LOGISTICS).params.request == "hold"


def test_where_is_my_order_unshipped_escalates(planner: PlaybookPlanner) -> None:
    s = Script(Journey.WHERE_IS_MY_ORDER)
    s.order()
    p = plan(planner, s.facts())
    assert step(p, ActionKind.ESCALATE).params.team == "logistics"
    assert p.questions


def test_lost_parcel_is_reshipped_and_claimed(planner: PlaybookPlanner) -> None:
    s = Script(Journey.LOST_DELIVERY)
    s.order()
    s.ship("DHL")
    s.sys(EventSource.LOGISTICS, "shipment.lost", "SHP-1", carrier="DHL", claim_id="CLM-9")
    p = plan(planner, s.facts())
    reship = step(p, ActionKind.RESHIP).params
    assert [(i.sku, i.quantity) for i in reship.items] == [("HP-NIM-2", 1)]
    claim = step(p, ActionKind.NOTIFY_LOGISTICS).params
    assert (claim.request, claim.carrier) == ("claim", "DHL")
    assert "CLM-9" in claim.message


def test_lost_parcel_out_of_stock_is_refunded(planner: PlaybookPlanner) -> None:
    s = Script(Journey.LOST_DELIVERY)
    s.order("99.00")
    s.ship()
    s.sys(EventSource.LOGISTICS, "shipment.lost", "SHP-1", carrier="UPS")
    s.sys(EventSource.INVENTORY, "inventory.backordered", "HP-NIM-2", sku="HP-NIM-2")
    p = plan(planner, s.facts())
    assert "reship" not in actions(p)
    assert step(p, ActionKind.REFUND).params.amount == Money.of("99.00", "USD")


def test_lost_parcel_already_refunded(planner: PlaybookPlanner) -> None:
    s = Script(Journey.LOST_DELIVERY)
    s.order()
    s.ship()
    s.sys(EventSource.LOGISTICS, "shipment.lost", "SHP-1", carrier="UPS")
    s.sys(EventSource.PAYMENTS, "refund.succeeded", "PAY-1", refund_id="R1", amount="241.98",
          currency="USD")  # fmt: skip
    p = plan(planner, s.facts())
    assert actions(p) == ["reply_to_customer"]


# --- damaged item ------------------------------------------------------------------------


def damaged(**kw: Any) -> Script:
    s = Script(Journey.DAMAGED_ITEM, **kw)
    s.order("46.99", "USD")
    s.ship("Evri", scans=1)
    s.sys(EventSource.LOGISTICS, "shipment.delivered", "SHP-1", carrier="Evri", proof="signature")
    s.says("The lamp arrived damaged, the box was crushed.")
    return s


def test_damaged_item_is_replaced_and_collected(planner: PlaybookPlanner) -> None:
    p = plan(planner, damaged().facts())
    assert actions(p) == ["reship", "notify_logistics", "reply_to_customer"]
    assert step(p, ActionKind.NOTIFY_LOGISTICS).params.request == "return_pickup"
    assert step(p, ActionKind.RESHIP).params.items[0].sku == "HP-NIM-2"


def test_damaged_item_backordered_is_refunded(planner: PlaybookPlanner) -> None:
    s = damaged()
    s.sys(EventSource.INVENTORY, "inventory.backordered", "HP-NIM-2", sku="HP-NIM-2")
    p = plan(planner, s.facts())
    assert step(p, ActionKind.REFUND).params.amount == Money.of("46.99", "USD")


def test_damaged_item_platinum_credit(planner: PlaybookPlanner) -> None:
    p = plan(planner, damaged(tier=Tier.PLATINUM).facts())
    assert step(p, ActionKind.ACCOUNT_CREDIT).params.amount == Money.of("15", "USD")


# --- billing ------------------------------------------------------------------------------


def test_billing_dispute_refunds_the_overcharge(planner: PlaybookPlanner) -> None:
    s = Script(Journey.BILLING_DISPUTE, lang="es-ES")
    s.order("146.39", "EUR", captured="182.99", promo_code="WELCOME20")
    s.says("Me cobraron de más.")
    p = plan(planner, s.facts())
    assert step(p, ActionKind.REFUND).params.amount == Money.of("36.60", "EUR")
    assert "36,60 €" in reply(p)
    assert "WELCOME20" in " ".join(r.claim for r in p.reasoning)


def test_billing_dispute_refund_said_missing_is_confirmed_not_repeated(
    planner: PlaybookPlanner,
) -> None:
    s = Script(Journey.BILLING_DISPUTE)
    s.order("100.00", captured="120.00")
    s.sys(EventSource.PAYMENTS, "refund.succeeded", "PAY-1", refund_id="R1", amount="20.00",
          currency="USD")  # fmt: skip
    s.says("You told me a refund was processed, but nothing has reached my account.")
    p = plan(planner, s.facts())
    assert "refund" not in actions(p)
    assert step(p, ActionKind.ESCALATE).params.team == "billing"


def test_billing_dispute_without_evidence_asks(planner: PlaybookPlanner) -> None:
    s = Script(Journey.BILLING_DISPUTE)
    s.order("100.00")
    p = plan(planner, s.facts())
    assert "refund" not in actions(p)
    assert step(p, ActionKind.ESCALATE).params.team == "billing"


def test_double_charge_refunds_the_duplicate(planner: PlaybookPlanner) -> None:
    s = Script(Journey.DOUBLE_CHARGE, lang="en-GB")
    s.order("158.99", "GBP")
    s.sys(EventSource.PAYMENTS, "payment.captured", "PAY-2", 0.02, amount="158.99",
          currency="GBP")  # fmt: skip
    p = plan(planner, s.facts())
    refund = step(p, ActionKind.REFUND).params
    assert (refund.payment_id, refund.amount) == ("PAY-2", Money.of("158.99", "GBP"))
    assert "£158.99" in reply(p)


def test_double_charge_flagged_by_payments(planner: PlaybookPlanner) -> None:
    s = Script(Journey.DOUBLE_CHARGE)
    s.order("50.00")
    s.sys(EventSource.PAYMENTS, "payment.captured", "PAY-2", 30, amount="50.00", currency="USD")
    flagged = s.sys(EventSource.PAYMENTS, "payment.duplicate_detected", "PAY-2",
                    original_payment_id="PAY-1", amount="50.00", currency="USD")  # fmt: skip
    p = plan(planner, s.facts())
    assert step(p, ActionKind.REFUND).params.payment_id == "PAY-2"
    assert flagged in {e for r in p.reasoning for e in r.evidence_event_ids}


def test_double_charge_pending_refund_is_not_requested_again(planner: PlaybookPlanner) -> None:
    s = Script(Journey.DOUBLE_CHARGE)
    s.order("50.00")
    s.sys(EventSource.PAYMENTS, "payment.captured", "PAY-2", 0.1, amount="50.00", currency="USD")
    s.sys(EventSource.PAYMENTS, "refund.requested", "PAY-2", refund_id="R1", amount="50.00",
          currency="USD")  # fmt: skip
    p = plan(planner, s.facts())
    assert "refund" not in actions(p)


def test_double_charge_failed_refund_goes_to_billing(planner: PlaybookPlanner) -> None:
    s = Script(Journey.DOUBLE_CHARGE)
    s.order("50.00")
    s.sys(EventSource.PAYMENTS, "payment.captured", "PAY-2", 0.1, amount="50.00", currency="USD")
    s.sys(EventSource.PAYMENTS, "refund.failed", "PAY-2", refund_id="R1", amount="50.00",
          currency="USD", error="issuer_declined")  # fmt: skip
    p = plan(planner, s.facts())
    esc = step(p, ActionKind.ESCALATE).params
    assert esc.team == "billing"
    assert esc.urgent


# --- subscription, outage ------------------------------------------------------------------


def subscription(cancelled_first: bool = True) -> Script:
    s = Script(Journey.SUBSCRIPTION_CANCELLATION, lang="zh-CN")
    if cancelled_first:
        s.sys(EventSource.PAYMENTS, "subscription.cancel_requested", "SUB-1", state="pending")
    s.sys(EventSource.PAYMENTS, "subscription.renewed", "SUB-1", 72, amount="109.00",
          currency="CNY")  # fmt: skip
    s.sys(EventSource.PAYMENTS, "payment.captured", "PAY-9", 0.1, amount="109.00", currency="CNY")
    s.says("我已经取消了会员，为什么还扣费？")
    return s


def test_subscription_cancelled_before_renewal_is_refunded(planner: PlaybookPlanner) -> None:
    p = plan(planner, subscription().facts())
    refund = step(p, ActionKind.REFUND).params
    assert (refund.payment_id, refund.amount) == ("PAY-9", Money.of("109.00", "CNY"))
    assert step(p, ActionKind.ESCALATE).params.team == "billing"
    assert "¥109.00" in reply(p)
    assert CJK.search(reply(p))


def test_subscription_without_cancel_record_asks_first(planner: PlaybookPlanner) -> None:
    p = plan(planner, subscription(cancelled_first=False).facts())
    assert "refund" not in actions(p)
    assert p.questions
    assert "确认邮件" in reply(p)


def outage(resolved: bool, still_down: bool = False, tier: Tier = Tier.STANDARD) -> Script:
    s = Script(Journey.SERVICE_OUTAGE, lang="en-GB", tier=tier)
    s.sys(EventSource.TICKETS, "service.outage_started", "INC-1", 0, area="Leeds LS6")
    s.sys(EventSource.TICKETS, "service.line_down", "SVC-1", 0.1, incident_id="INC-1")
    if resolved:
        s.sys(EventSource.TICKETS, "service.outage_resolved", "INC-1", 50, area="Leeds LS6")
    s.says("Your status page says the outage is fixed, but my connection is still dead."
           if still_down else "No internet since yesterday.")  # fmt: skip
    return s


def test_outage_ongoing_escalates_and_credits_per_day(planner: PlaybookPlanner) -> None:
    s = outage(resolved=False)
    p = plan(planner, s.facts(now=s.at + timedelta(hours=60)))  # 61 h: 3 started days
    assert step(p, ActionKind.ESCALATE).params.team == "technical"
    # the lifetime value's currency (USD for this script's en-GB default) is a default only
    assert step(p, ActionKind.ACCOUNT_CREDIT).params.amount == Money.of("15", "USD")


def test_outage_credit_is_tiered_and_capped(planner: PlaybookPlanner) -> None:
    s = outage(resolved=True, tier=Tier.PLATINUM)
    p = plan(planner, s.facts(now=s.at + timedelta(days=30)))
    # 50 h outage = 3 started days x 5 x 2 = 30; resolution time ends the count
    assert step(p, ActionKind.ACCOUNT_CREDIT).params.amount == Money.of("30", "USD")


def test_outage_still_down_after_resolution_is_urgent(planner: PlaybookPlanner) -> None:
    p = plan(planner, outage(resolved=True, still_down=True).facts())
    esc = step(p, ActionKind.ESCALATE).params
    assert esc.team == "technical"
    assert esc.urgent


# --- the playbook files ----------------------------------------------------------------------


def test_every_journey_has_a_playbook() -> None:
    books = load_playbooks()
    assert set(books.playbooks) == set(Journey)
    for book in books.playbooks.values():
        assert book.title
        assert book.rules
        for rule in book.rules:
            assert rule.clause.startswith(f"{book.journey.value} §")


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "playbooks"
    shutil.copytree(resource_path("playbooks"), folder)
    return folder


def test_broken_playbook_names_file_and_field(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    path = folder / "late_delivery.yaml"
    path.write_text(path.read_text().replace("clause:", "clauze:", 1), encoding="utf-8")
    with pytest.raises(InvalidInput) as err:
        load_playbooks(folder)
    text = str(err.value)
    assert "late_delivery.yaml" in text
    assert "rules.0.clauze" in text


def test_unknown_fact_and_parameter_are_refused(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    path = folder / "double_charge.yaml"
    path.write_text(path.read_text().replace("{duplicate_amount}", "{duplicate_amout}", 1))
    path = folder / "lost_delivery.yaml"
    path.write_text(path.read_text().replace("reason: lost_in_transit}", "reason: x, speed: fast}"))
    with pytest.raises(InvalidInput) as err:
        load_playbooks(folder)
    text = str(err.value)
    assert "double_charge.yaml: summary: unknown fact 'duplicate_amout'" in text
    assert "lost_delivery.yaml" in text
    assert "speed" in text


def test_invalid_yaml_and_missing_file(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    (folder / "damaged_item.yaml").write_text("journey: [unclosed", encoding="utf-8")
    (folder / "service_outage.yaml").unlink()
    with pytest.raises(InvalidInput) as err:
        load_playbooks(folder)
    assert "damaged_item.yaml" in str(err.value)
    with pytest.raises(PlanningError):
        PlaybookPlanner(folder)
    (folder / "damaged_item.yaml").unlink()
    with pytest.raises(InvalidInput) as err:
        load_playbooks(folder)
    assert "service_outage.yaml" in str(err.value)
    assert "missing" in str(err.value)


def test_amounts_are_never_floats(planner: PlaybookPlanner) -> None:
    p = plan(planner, late(9, tier=Tier.GOLD).facts())
    for s in p.steps:
        amount = getattr(s.params, "amount", None)
        if amount is not None:
            assert isinstance(amount.amount, Decimal)
