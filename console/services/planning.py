"""Planning: build a case's facts, ask the planner, keep the proposal, re-plan on news.

The planner (the built-in playbooks by default, a language model when configured) gets
only the case's facts from the store. Each proposal is stored and put on the timeline as
an AI event. New events from the customer or a system re-plan the case after a short
quiet spell (``REPLAN_DELAY``); a newer planning run cancels a stale one, so the agent
always sees the plan for the latest facts and the loop never waits on it.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime
from typing import TYPE_CHECKING, Any

from console.domain.base import utc_now
from console.domain.errors import TandemError
from console.store import Store, queries
from console.store import repositories as repo

from .bus import EventBus, EventsAppended, Level, PlanningText, ProposalReady

if TYPE_CHECKING:
    from console.ai.planner import Planner
    from console.domain.authority import AuthorityPolicy
    from console.domain.facts import CaseFacts
    from console.domain.proposal import Proposal

    from .controls import ControlService, PauseChanged
    from .policies import PolicyService

log = logging.getLogger(__name__)

REPLAN_DELAY = 1.0  # seconds of quiet after the last new event before re-planning
_PLANNER_SOURCES = frozenset({"ai", "tandem"})  # events planning itself writes


class PlanningService:
    """Plans cases. While a supervisor has paused the AI (:mod:`.controls`), cases that
    would be planned are held and planned on resume; a case a person has taken over is not
    planned until it is handed back."""

    def __init__(
        self,
        store: Store,
        bus: EventBus,
        planner: Planner,
        *,
        policies: PolicyService | None = None,
        controls: ControlService | None = None,
    ) -> None:
        self._store = store
        self._bus = bus
        self._planner = planner
        self._policies = policies
        self._controls = controls
        self._running: dict[str, asyncio.Task[Proposal | None]] = {}
        self._pending: dict[str, asyncio.TimerHandle] = {}
        self._held: set[str] = set()  # cases to plan once the AI is resumed
        self._watching = False
        self._streaming = asyncio.Lock()
        if controls is not None:
            from .controls import PauseChanged

            bus.subscribe(PauseChanged, self._on_pause)

    @property
    def paused(self) -> bool:
        return self._controls is not None and self._controls.ai_paused

    @property
    def held(self) -> frozenset[str]:
        """Cases waiting for the AI to be resumed."""
        return frozenset(self._held)

    def _on_pause(self, change: PauseChanged) -> None:
        from .controls import ALL

        if change.scope != ALL:
            return
        if change.paused:
            # Stop at once: what was about to be planned, or being planned, is held.
            for case_id, handle in list(self._pending.items()):
                handle.cancel()
                self._held.add(case_id)
            self._pending.clear()
            for case_id, task in list(self._running.items()):
                task.cancel()
                self._held.add(case_id)
            self._running.clear()
        else:
            held, self._held = sorted(self._held), set()
            for case_id in held:
                self.replan(case_id)

    @property
    def planner(self) -> Planner:
        return self._planner

    async def facts(
        self, case_id: str, *, now: datetime | None = None, instructions: list[str] | None = None
    ) -> CaseFacts:
        from console.domain.facts import MAX_FACT_EVENTS, CaseFacts
        from console.store import decisions as decision_rows

        def load(conn: Any) -> CaseFacts:
            case = repo.get_case(conn, case_id)
            standing = decision_rows.active_instructions(conn, case_id)
            customer = repo.get_customer(conn, case.customer_id)
            # The AI's own proposals are not facts: a planner never builds on model text.
            events = repo.recent_events(
                conn, case_id, MAX_FACT_EVENTS, except_kinds=["ai_proposal"]
            )
            return CaseFacts(
                case=case,
                customer=customer,
                events=events,
                now=now or utc_now(),
                # The humans' standing instructions for the case come first, then any given
                # with this call; the planner keeps to all of them.
                instructions=[*standing, *(i for i in instructions or [] if i not in standing)],
            )

        return await self._store.read(load)

    async def latest(self, case_id: str) -> Proposal | None:
        return await self._store.read(lambda conn: repo.latest_proposal(conn, case_id))

    async def plan(
        self,
        case_id: str,
        *,
        instructions: list[str] | None = None,
        now: datetime | None = None,
    ) -> Proposal:
        """Plan ``case_id``: facts → planner → stored proposal on the timeline. The same
        facts (``now`` included) give the same proposal, stored and shown once."""
        if self.paused:
            from console.domain.errors import MessageCode
            from console.domain.errors import TandemError as Paused

            raise Paused(
                "The AI is paused by a supervisor; nothing is planned until resumed.",
                code=MessageCode.AI_PAUSED,
            )
        facts = await self.facts(case_id, instructions=instructions, now=now)
        policy = self._policies.active() if self._policies is not None else None
        proposal = await self._plan_streaming(case_id, facts)
        proposal = await self._store.read(
            lambda conn: _with_verdicts(conn, proposal, facts, policy)
        )
        last_seq = await self._store.write(lambda db: _keep(db, proposal))
        if last_seq is not None:
            self._bus.publish(EventsAppended(case_id, last_seq))
        self._bus.publish(ProposalReady(case_id, proposal.id))
        return proposal

    async def _plan_streaming(self, case_id: str, facts: CaseFacts) -> Proposal:
        """Ask the planner; a planner that streams text (a language model) is asked one case
        at a time, its text published as PlanningText for that case."""
        if not hasattr(self._planner, "on_text"):
            return await self._planner.plan(facts)
        async with self._streaming:
            planner: Any = self._planner
            planner.on_text = lambda text: self._bus.publish(PlanningText(case_id, text))
            try:
                return await self._planner.plan(facts)
            finally:
                planner.on_text = None

    def replan(self, case_id: str) -> asyncio.Task[Proposal | None]:
        """Plan ``case_id`` in the background; a run already under way for it is cancelled.
        While the AI is paused the case is held instead, and planned on resume."""
        stale = self._running.pop(case_id, None)
        if stale is not None:
            stale.cancel()
        if self.paused:
            self._held.add(case_id)
            return asyncio.ensure_future(_nothing())
        task = asyncio.ensure_future(self._guarded(case_id))
        self._running[case_id] = task
        task.add_done_callback(lambda t: self._finished(case_id, t))
        return task

    def _finished(self, case_id: str, task: asyncio.Task[Proposal | None]) -> None:
        if self._running.get(case_id) is task:
            del self._running[case_id]

    async def _guarded(self, case_id: str) -> Proposal | None:
        try:
            owner = await self._store.read(
                lambda conn: conn.execute(
                    "SELECT owner_kind FROM cases WHERE id = ?", (case_id,)
                ).fetchone()
            )
            if owner is not None and owner[0] == "agent":
                return None  # a person has taken the case over: the AI stays out of it
            return await self.plan(case_id)
        except asyncio.CancelledError:
            raise
        except TandemError as exc:
            self._bus.tell(Level.WARNING, f"The AI could not plan case {case_id}: {exc}")
        except Exception:
            log.exception("planning case %s failed", case_id)
            self._bus.tell(Level.ERROR, f"The AI could not plan case {case_id} (see the log).")
        return None

    def watch(self) -> None:
        """Re-plan a case after new events from its customer or its systems (debounced)."""
        if not self._watching:
            self._watching = True
            self._bus.subscribe(EventsAppended, self._on_events)

    @property
    def pending(self) -> frozenset[str]:
        """Cases waiting for their quiet spell to end before they are re-planned."""
        return frozenset(self._pending)

    def _on_events(self, event: EventsAppended) -> None:
        row = (
            self._store.reader()
            .execute(
                "SELECT source FROM events WHERE case_id = ? AND seq = ?",
                (event.case_id, event.last_seq),
            )
            .fetchone()
        )
        if row is not None and row[0] in _PLANNER_SOURCES:
            return  # the news is planning's own (a proposal, a decision): nothing to re-plan
        if self.paused:
            self._held.add(event.case_id)
            return
        pending = self._pending.pop(event.case_id, None)
        if pending is not None:
            pending.cancel()
        self._pending[event.case_id] = asyncio.get_running_loop().call_later(
            REPLAN_DELAY, self._replan_after_news, event.case_id
        )

    def _replan_after_news(self, case_id: str) -> None:
        self._pending.pop(case_id, None)
        self.replan(case_id)

    async def close(self) -> None:
        self._held.clear()
        for handle in self._pending.values():
            handle.cancel()
        self._pending.clear()
        tasks = list(self._running.values())
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


async def _nothing() -> None:
    return None


def _with_verdicts(
    conn: Any, proposal: Proposal, facts: CaseFacts, policy: AuthorityPolicy | None
) -> Proposal:
    """The proposal with the authority map's verdict on each step (the map, not the
    planner, decides who may approve what; the check runs again at decision time), counting
    what the case has already had approved against its caps."""
    from console.policy.authority import default_policy, evaluate_plan
    from console.store import decisions as decision_rows

    from .decisions import evaluation_context

    context = evaluation_context(
        facts.case,
        facts.customer,
        spent_case=decision_rows.spent(conn, case_id=facts.case.id),
    )
    verdicts = evaluate_plan(policy or default_policy(), proposal.steps, context)
    return proposal.model_copy(update={"verdicts": verdicts})


def _keep(db: Any, proposal: Proposal) -> int | None:
    """Store the proposal and put it on the case's timeline (once); the new last seq."""
    from console.domain.events import Actor, ActorKind, EventSource, ProposalPayload, TimelineEvent

    if not repo.put_proposal(db, proposal):
        return None
    event = TimelineEvent(
        id=f"{proposal.id}-proposed",
        case_id=proposal.case_id,
        occurred_at=proposal.created_at,
        source=EventSource.AI,
        actor=Actor(kind=ActorKind.AI, id=proposal.planner.name, name="Tandem AI"),
        summary=proposal.summary[:300],
        payload=ProposalPayload(
            proposal_id=proposal.id, summary=proposal.summary, confidence=proposal.confidence
        ),
    )
    repo.append_events(db, proposal.case_id, [event])
    from console.store import audit

    audit.append(
        db.conn,
        kind="proposal",
        actor_id=proposal.planner.name,
        subject_ids=[proposal.case_id, proposal.id],
        payload={
            "proposal_id": proposal.id,
            "planner": proposal.planner.model_dump(mode="json"),
            "input_digest": proposal.input_digest,
            "confidence": proposal.confidence,
            "steps": [s.model_dump(mode="json") for s in proposal.steps],
            "verdicts": [v.model_dump(mode="json") for v in proposal.verdicts],
        },
        recorded_at=queries.iso(proposal.created_at),
    )
    return queries.timeline_length(db.conn, proposal.case_id)
