"""Planning: the planner sees the case's facts; proposals are kept and put on the timeline;
news re-plans after a quiet spell; a newer run cancels a stale one."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from console.domain.facts import CaseFacts
from console.domain.proposal import PlannerIdentity, Proposal
from console.services import Services
from console.services.bus import EventsAppended, ProposalReady
from console.services.planning import PlanningService
from tests.aio import run
from tests.factories import message


class RecordingPlanner:
    """A test double of the Planner protocol: records the facts, proposes an empty plan."""

    identity = PlannerIdentity(name="recording", version="1")

    def __init__(self, delay: float = 0.0) -> None:
        self.seen: list[CaseFacts] = []
        self.delay = delay

    async def plan(self, facts: CaseFacts) -> Proposal:
        self.seen.append(facts)
        if self.delay:
            await asyncio.sleep(self.delay)  # a slow planner (a language model)
        return Proposal(
            id=f"p-{facts.digest()[:12]}",
            case_id=facts.case.id,
            created_at=facts.now,
            planner=self.identity,
            summary=f"Plan for {facts.case.subject}",
            steps=[],
            confidence=0.5,
            input_digest=facts.digest(),
        )


def test_plan_keeps_the_proposal_and_puts_it_on_the_timeline(services: Services) -> None:
    case_id = services.cases.queue_now()[0].case_id
    planner = RecordingPlanner()
    planning = PlanningService(services.store, services.bus, planner)
    heard: list[object] = []
    services.bus.subscribe(ProposalReady, heard.append)
    services.bus.subscribe(EventsAppended, heard.append)
    before = services.cases.timeline_length(case_id)
    now = datetime(2026, 11, 23, 12, tzinfo=UTC)
    proposal = run(planning.plan(case_id, instructions=["no refund"], now=now))
    facts = planner.seen[0]
    assert facts.case.id == case_id
    assert len(facts.events) == before
    assert facts.instructions == ["no refund"]
    assert run(planning.latest(case_id)) == proposal
    assert services.cases.timeline_length(case_id) == before + 1
    last = services.cases.timeline_page(case_id, before + 1, before + 1)[0]
    assert (last.kind.value, last.source.value) == ("ai_proposal", "ai")
    assert heard == [EventsAppended(case_id, before + 1), ProposalReady(case_id, proposal.id)]
    run(planning.plan(case_id, instructions=["no refund"], now=now))  # same facts: once
    assert services.cases.timeline_length(case_id) == before + 1


def test_news_replans_after_a_quiet_spell_but_not_its_own_events(
    services: Services, monkeypatch
) -> None:
    import console.services.planning as planning_module

    monkeypatch.setattr(planning_module, "REPLAN_DELAY", 0.01)
    case_id = services.cases.queue_now()[0].case_id
    planner = RecordingPlanner()
    planning = PlanningService(services.store, services.bus, planner)

    async def scenario() -> int:
        planning.watch()
        ready = asyncio.Event()
        services.bus.subscribe(ProposalReady, lambda _e: ready.set())
        length = services.cases.timeline_length(case_id)
        for n in range(3):  # three quick events: one re-plan
            new = message(f"news-{n}", case_id, minutes=10_000 + n)
            services.store.write_sync(
                lambda db, new=new: __import__(
                    "console.store.repositories"
                ).store.repositories.append_events(db, case_id, [new])
            )
            length += 1
            services.bus.publish(EventsAppended(case_id, length))
        await asyncio.wait_for(ready.wait(), 10)
        # The proposal's own timeline event is news too, but planning's own: no re-plan.
        services.bus.publish(EventsAppended(case_id, length + 1))
        waiting = planning.pending
        await planning.close()
        return len(planner.seen), waiting

    planned, waiting = run(scenario())
    assert planned == 1
    assert waiting == frozenset()


def test_a_newer_run_cancels_the_stale_one(services: Services) -> None:
    case_id = services.cases.queue_now()[0].case_id
    planner = RecordingPlanner(delay=0.2)
    planning = PlanningService(services.store, services.bus, planner)

    async def scenario() -> tuple[bool, object]:
        first = planning.replan(case_id)
        await asyncio.sleep(0)  # let the first run start
        second = planning.replan(case_id)
        result = await second
        return first.cancelled(), result

    cancelled, result = run(scenario())
    assert cancelled
    assert isinstance(result, Proposal)
    assert timedelta(0) <= result.created_at - planner.seen[-1].now <= timedelta(0)


def test_the_default_planner_is_the_playbook_planner(services: Services) -> None:
    row = services.cases.queue_now()[0]
    proposal = run(services.planning.plan(row.case_id))
    assert proposal.planner.name == "playbook"
    assert proposal.case_id == row.case_id
    assert proposal.steps  # the playbooks propose something for every demo journey
    # The authority map, not the planner, says who may approve each step, naming its rule.
    assert [v.step_id for v in proposal.verdicts] == [s.step_id for s in proposal.steps]
    assert all(v.rule_id and v.clause and v.policy_version >= 1 for v in proposal.verdicts)


class StreamingPlanner(RecordingPlanner):
    """A test double of a streaming planner (a language model): writes text as it plans."""

    def __init__(self) -> None:
        super().__init__()
        self.on_text = None

    async def plan(self, facts: CaseFacts) -> Proposal:
        for piece in ("Checking the ", "order…"):
            assert self.on_text is not None
            self.on_text(piece)
        return await super().plan(facts)


def test_a_streaming_planner_s_text_is_published_for_its_case(services: Services) -> None:
    from console.services.bus import PlanningText

    case_id = services.cases.queue_now()[0].case_id
    planner = StreamingPlanner()
    planning = PlanningService(services.store, services.bus, planner)
    heard: list[PlanningText] = []
    services.bus.subscribe(PlanningText, heard.append)
    run(planning.plan(case_id))
    assert heard == [PlanningText(case_id, "Checking the "), PlanningText(case_id, "order…")]
    assert planner.on_text is None  # handed back: the next case gets its own
