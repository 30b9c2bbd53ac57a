"""The human controls: approve, edit, override (reject), instruct, take over, hand back, defer.

Every call names the acting :class:`~console.services.roles.Principal`; the role is
checked here (not only by the UI), and the authority map is run again on the final plan,
inside the same write transaction that records the decision — so two approvals at once
cannot both slip under a cumulative cap. One transaction holds the decision, the state of
each decided step, the timeline event and the audit records; nothing is half-written.

A step the approver may approve becomes ``approved`` (it waits for write-back); a step
above an agent's authority becomes ``awaiting_supervisor`` and shows in the supervisors'
queue; a step the map forbids, or leaves to people outside Tandem (``suggest``), is refused
with the rule that says so, and nothing of that decision is written.
"""

from __future__ import annotations

import hashlib
import secrets
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from console.domain.actions import ACTION_TYPES, ActionKind, PlanStep
from console.domain.authority import AuthorityPolicy, AutonomyLevel, Verdict
from console.domain.base import utc_now
from console.domain.case import Case, CaseStatus, OwnerKind, WorkOwner
from console.domain.customer import Customer
from console.domain.errors import ConflictError, InvalidInput, Issue, MessageCode, NotFound
from console.domain.events import Actor, ActorKind, DecisionPayload, EventSource, TimelineEvent
from console.domain.kinds import DecisionKind, ExecutionState, ReasonCode, Role, StepState
from console.domain.proposal import Decision, FieldChange, PlannerIdentity, Proposal
from console.policy.authority import EvaluationContext, evaluate_plan, may_approve
from console.store import Store, queries
from console.store import audit as audit_log
from console.store import decisions as rows
from console.store import repositories as repo
from console.store.queries import iso

from .bus import ApprovalsChanged, CasesChanged, DecisionsChanged, EventBus, EventsAppended
from .roles import Capability, NotPermitted, Principal, allowed, require

if TYPE_CHECKING:
    from .controls import ControlService
    from .policies import PolicyService

__all__ = [
    "APPROVAL_SLA",
    "INSTRUCTION_LIMIT",
    "ApprovalsChanged",
    "DecisionResult",
    "DecisionService",
    "DecisionsChanged",
    "PlanVersions",
    "Review",
    "StepOutcome",
    "WaitingStep",
    "evaluation_context",
    "plan_diff",
]

APPROVAL_SLA = timedelta(minutes=10)  # a step waiting longer for a supervisor is overdue
INSTRUCTION_LIMIT = 500  # characters of a standing instruction


@dataclass(frozen=True)
class StepOutcome:
    step_id: str
    state: StepState
    verdict: Verdict


@dataclass(frozen=True)
class DecisionResult:
    decision: Decision
    outcomes: list[StepOutcome]

    @property
    def awaiting_supervisor(self) -> list[str]:
        return [o.step_id for o in self.outcomes if o.state is StepState.AWAITING_SUPERVISOR]


@dataclass(frozen=True)
class Review:
    """What an approval of ``steps`` would do now, without doing it."""

    steps: list[PlanStep]
    verdicts: list[Verdict]
    diff: list[FieldChange]
    states: dict[str, StepState | None]  # the state each step would get; None: refused

    @property
    def refused(self) -> list[Verdict]:
        return [v for v in self.verdicts if self.states.get(v.step_id) is None]


@dataclass(frozen=True)
class WaitingStep:
    """A step in the supervisors' queue, with what they need to decide it."""

    case_id: str
    proposal_id: str
    step: PlanStep
    verdict: Verdict
    requested_by: str
    requested_at: datetime
    case_subject: str
    customer_name: str
    journey: str
    proposal_summary: str

    def age(self, now: datetime | None = None) -> timedelta:
        return (now or utc_now()) - self.requested_at

    def overdue(self, now: datetime | None = None, sla: timedelta = APPROVAL_SLA) -> bool:
        return self.age(now) > sla


@dataclass(frozen=True)
class PlanVersions:
    """A proposal's plan as proposed, and each step's decided version and state."""

    proposal: Proposal
    decided: dict[str, rows.StepRow]

    def state(self, step_id: str) -> StepState | None:
        row = self.decided.get(step_id)
        return None if row is None else row.state

    @property
    def approved_steps(self) -> list[PlanStep]:
        return [
            self.decided[s.step_id].step
            for s in self.proposal.steps
            if self.state(s.step_id) is StepState.APPROVED
        ]


def evaluation_context(
    case: Case,
    customer: Customer,
    *,
    role: Role = Role.AGENT,
    sandbox: bool = False,
    spent_case: Mapping[str, Decimal] | None = None,
    spent_today: Mapping[str, Decimal] | None = None,
) -> EvaluationContext:
    """What the authority map needs to know about a case, its customer and the approver."""
    refs = case.external_refs
    return EvaluationContext(
        journey=case.journey,
        tier=customer.tier,
        sentiment=case.sentiment.label if case.sentiment else None,
        spent_case=dict(spent_case or {}),
        spent_today=dict(spent_today or {}),
        role=role,
        sandbox=sandbox,
        customer_id=case.customer_id,
        order_ids=frozenset(refs.order_ids),
        payment_ids=frozenset(refs.payment_ids),
        shipment_ids=frozenset(refs.shipment_ids),
        subscription_ids=frozenset([refs.subscription_id] if refs.subscription_id else []),
    )


def plan_diff(before: Sequence[PlanStep], after: Sequence[PlanStep]) -> list[FieldChange]:
    """Field-level changes from ``before`` to ``after``, matched by step id."""
    changes: list[FieldChange] = []
    old = {s.step_id: s for s in before}
    for step in after:
        prior = old.get(step.step_id)
        if prior is None:
            changes.append(FieldChange(step_id=step.step_id, path="", after=_plain(step)))
            continue
        changes += [
            FieldChange(step_id=step.step_id, path=path, before=a, after=b)
            for path, a, b in _walk("", _plain(prior), _plain(step))
        ]
    return changes


def _plain(step: PlanStep) -> Any:
    return step.model_dump(mode="json")


def _walk(path: str, a: Any, b: Any) -> Iterable[tuple[str, Any, Any]]:
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) | set(b)):
            yield from _walk(f"{path}.{key}" if path else key, a.get(key), b.get(key))
    elif a != b:
        yield path, a, b


def _day_start(now: datetime) -> datetime:
    local = now.astimezone()
    return local.replace(hour=0, minute=0, second=0, microsecond=0)


def _actor(by: Principal) -> Actor:
    kind = ActorKind.AGENT if by.role is Role.AGENT else ActorKind.SUPERVISOR
    return Actor(kind=kind, id=by.user_id, name=by.name)


def _new_id(prefix: str) -> str:
    """A new id that sorts by creation time: 12 hex digits of Unix milliseconds, then 8
    random ones (the layout of a version-7 UUID's first 80 bits, RFC 9562). Each b-tree
    keyed by such ids — decisions, the outbox and its keys, timeline events — takes new
    entries at its end, so an approval rewrites one page of each instead of one a row."""
    return f"{prefix}-{time.time_ns() // 1_000_000:012x}{secrets.token_hex(4)}"


class DecisionService:
    def __init__(
        self,
        store: Store,
        bus: EventBus,
        policies: PolicyService,
        controls: ControlService,
        *,
        sandbox: bool = False,
        replan: Callable[[str], object] | None = None,
        enqueued: Callable[[], object] | None = None,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self._store = store
        self._bus = bus
        self._policies = policies
        self._controls = controls
        self._sandbox = sandbox
        self._replan = replan
        self._enqueued = enqueued  # wakes the write-back dispatcher
        self._clock = clock
        self._presented: dict[str, datetime] = {}

    # -- reading ------------------------------------------------------------------------

    def presented(self, proposal_id: str) -> None:
        """The proposal is on someone's screen now: time to decide counts from here."""
        self._presented.setdefault(proposal_id, self._clock())

    async def versions(self, proposal_id: str) -> PlanVersions:
        def load(conn: Any) -> PlanVersions:
            proposal = rows.get_proposal(conn, proposal_id)
            if proposal is None:
                raise NotFound(
                    f"proposal {proposal_id} does not exist",
                    code=MessageCode.PROPOSAL_NOT_FOUND,
                    params={"proposal": proposal_id},
                )
            return PlanVersions(proposal, rows.step_rows(conn, proposal_id))

        return await self._store.read(load)

    async def decisions(self, case_id: str) -> list[Decision]:
        return await self._store.read(lambda conn: rows.decisions_for_case(conn, case_id))

    async def waiting(self, by: Principal) -> list[WaitingStep]:
        """The supervisors' queue: steps above an agent's authority, oldest first."""
        require(by, Capability.REVIEW_APPROVALS, sandbox=self._sandbox)
        return await self._store.read(_waiting)

    async def review(
        self, case_id: str, proposal_id: str, steps: Sequence[PlanStep], by: Principal
    ) -> Review:
        """Run the authority map on ``steps`` (an edited plan, say) as an approval by ``by``
        would, now; nothing is written."""
        policy = self._policies.active()

        def load(conn: Any) -> Review:
            proposal = _proposal(conn, case_id, proposal_id)
            verdicts = self._verdicts(conn, policy, proposal, list(steps), by, set())
            return Review(
                steps=list(steps),
                verdicts=verdicts,
                diff=plan_diff(proposal.steps, steps),
                states={v.step_id: self._state_for(by, v) for v in verdicts},
            )

        return await self._store.read(load)

    # -- deciding -----------------------------------------------------------------------

    async def approve(
        self,
        case_id: str,
        proposal_id: str,
        by: Principal,
        *,
        step_ids: Sequence[str] | None = None,
        edited: Sequence[PlanStep] | None = None,
    ) -> DecisionResult:
        """Approve steps of a proposal — all undecided ones when ``step_ids`` is None —
        with ``edited`` versions replacing the proposed ones (same step id and action)."""
        require(by, Capability.EDIT if edited else Capability.APPROVE, sandbox=self._sandbox)
        policy = self._policies.active()
        presented = self._presented.get(proposal_id)
        now = self._clock()

        def write(db: Any) -> tuple[DecisionResult, int]:
            conn = db.conn
            proposal = _proposal(conn, case_id, proposal_id)
            case = repo.get_case(conn, case_id)
            self._check_owner(case, by)
            existing = rows.step_rows(conn, proposal_id)
            chosen = self._chosen(proposal, existing, by, step_ids)
            # A step waiting for a supervisor is decided in the version that was sent up
            # (an agent's edit stays), unless it is edited again now.
            asked = {sid: row.step for sid, row in existing.items()}
            final = _apply_edits(proposal, chosen, edited or [], asked)
            _check_reversals(conn, proposal, final)
            for step in final:
                pause = self._controls.paused_for(step.action)
                if pause is not None:
                    raise NotPermitted(
                        f"{step.action.value} steps are paused by {pause.paused_by} since "
                        f"{pause.paused_at:%H:%M}; nothing of that type can be approved until "
                        f"a supervisor resumes it.",
                        code=MessageCode.STEP_TYPE_PAUSED,
                        params={
                            "action": step.action.value,
                            "paused_by": pause.paused_by,
                            "paused_at": pause.paused_at.isoformat(),
                        },
                    )
            waiting_ids = {
                sid
                for sid in chosen
                if (row := existing.get(sid)) and row.state is StepState.AWAITING_SUPERVISOR
            }
            verdicts = self._verdicts(
                conn, policy, proposal, final, by, waiting_ids, now=now, case=case
            )
            refused = [v for v in verdicts if self._state_for(by, v) is None]
            if refused:
                raise _refusal(final, refused)
            changed = edited or any(
                step != original
                for step, original in zip(
                    final, (s for s in proposal.steps if s.step_id in chosen), strict=True
                )
            )
            diff = plan_diff(proposal.steps, final) if changed else []
            decision = Decision(
                id=_new_id("dec"),
                case_id=case_id,
                proposal_id=proposal_id,
                actor=_actor(by),
                role=by.role,
                kind=DecisionKind.EDIT if diff else DecisionKind.APPROVE,
                final_steps=final,
                diff=diff,
                decided_at=now,
                time_to_decide_ms=_elapsed_ms(presented or proposal.created_at, now),
            )
            outcomes = []
            for step, verdict in zip(final, verdicts, strict=True):
                state = self._state_for(by, verdict)
                assert state is not None
                prior = existing.get(step.step_id)
                rows.put_step(
                    db,
                    proposal_id=proposal_id,
                    case_id=case_id,
                    step=step,
                    verdict=verdict,
                    state=state,
                    requested_by=prior.requested_by if prior else by.user_id,
                    requested_at=datetime.fromisoformat(prior.requested_at) if prior else now,
                    decided_by=by.user_id if state is StepState.APPROVED else None,
                    decided_at=now if state is StepState.APPROVED else None,
                    decision_id=decision.id,
                )
                outcomes.append(StepOutcome(step.step_id, state, verdict))
                if state is StepState.APPROVED:
                    _execute(db, decision, proposal_id, step, by, now)
            result = DecisionResult(decision, outcomes)
            summary = _approval_summary(result)
            seq = self._record(db, decision, summary, {"verdicts": verdicts, "states": outcomes})
            self._sync_status(db, case_id)
            return result, seq

        result, seq = await self._store.write(write)
        self._announce(case_id, proposal_id, seq, queue=True)
        if self._enqueued is not None and any(
            o.state is StepState.APPROVED for o in result.outcomes
        ):
            self._enqueued()
        return result

    async def approve_waiting(
        self, items: Sequence[tuple[str, str]], by: Principal
    ) -> list[DecisionResult]:
        """Approve steps from the supervisors' queue: ``items`` are (proposal id, step id).

        Against automation bias, money never moves in bulk: refunds and credits may be
        approved together only when they belong to one case (one decision per proposal)."""
        require(by, Capability.APPROVE_ABOVE_AGENT, sandbox=self._sandbox)
        waiting = {(w.proposal_id, w.step.step_id): w for w in await self.waiting(by)}
        missing = [item for item in items if item not in waiting]
        if missing:
            gone = [f"{p}/{s}" for p, s in missing]
            raise ConflictError(
                "No longer waiting: " + ", ".join(gone) + ".",
                code=MessageCode.NO_LONGER_WAITING,
                params={"items": gone},
            )
        money_cases = {
            waiting[item].case_id
            for item in items
            if ACTION_TYPES[waiting[item].step.action].moves_money
        }
        if len(money_cases) > 1:
            raise NotPermitted(
                "Refunds and credits are approved one case at a time, after reading each "
                "case; they were not approved.",
                code=MessageCode.MONEY_ONE_CASE_AT_A_TIME,
            )
        by_proposal: dict[str, list[str]] = {}
        for proposal_id, step_id in items:
            by_proposal.setdefault(proposal_id, []).append(step_id)
        return [
            await self.approve(waiting[(pid, ids[0])].case_id, pid, by, step_ids=ids)
            for pid, ids in by_proposal.items()
        ]

    async def undo(self, execution_id: str, by: Principal) -> DecisionResult:
        """Undo an executed step: a new compensating step (an inventory change negated, a
        credit's reversal), approved (or sent to a supervisor) like any other — history is
        never edited. Only steps whose compensation Tandem can work out are undone here
        (see :func:`compensation`), each once."""
        require(by, Capability.APPROVE, sandbox=self._sandbox)
        from console.store import outbox

        row = await self._store.read(lambda conn: outbox.get(conn, execution_id))
        if row is None:
            raise NotFound(
                f"no action {execution_id}",
                code=MessageCode.ACTION_NOT_FOUND,
                params={"execution": execution_id},
            )
        if row.state not in (ExecutionState.DELIVERED, ExecutionState.RECONCILED):
            raise ConflictError(
                f"Only a done action can be undone; this one is {row.state.value}. "
                "Cancel it instead.",
                code=MessageCode.UNDO_NOT_DONE,
                params={"state": row.state.value},
            )
        step = compensation(row)
        now = self._clock()
        proposal = Proposal(
            id=f"undo-{execution_id}",
            case_id=row.case_id,
            created_at=now,
            planner=PlannerIdentity(name="tandem-undo", version="1"),
            summary=f"Undo {row.action.replace('_', ' ')} ({row.remote_ref or execution_id})",
            steps=[step],
            confidence=1.0,
            input_digest=hashlib.sha256(row.payload).hexdigest(),
        )
        policy = self._policies.active()

        def keep(db: Any) -> None:
            conn = db.conn
            if rows.get_proposal(conn, proposal.id) is not None:
                raise ConflictError(
                    "This action has already been undone (or is being undone).",
                    code=MessageCode.ALREADY_UNDONE,
                )
            verdicts = self._verdicts(conn, policy, proposal, [step], by)
            repo.put_proposal(db, proposal.model_copy(update={"verdicts": verdicts}))

        await self._store.write(keep)
        return await self.approve(row.case_id, proposal.id, by)

    async def reject(
        self,
        case_id: str,
        proposal_id: str,
        by: Principal,
        reason: ReasonCode,
        text: str | None = None,
        *,
        step_ids: Sequence[str] | None = None,
    ) -> DecisionResult:
        """Override: reject steps (all undecided ones when ``step_ids`` is None) with a
        reason code. A supervisor may reject steps awaiting them; the agent who asked may
        withdraw their own request."""
        require(by, Capability.OVERRIDE, sandbox=self._sandbox)
        reason = ReasonCode(reason)
        note = (text or "").strip() or None
        presented = self._presented.get(proposal_id)
        now = self._clock()

        def write(db: Any) -> tuple[DecisionResult, int]:
            conn = db.conn
            proposal = _proposal(conn, case_id, proposal_id)
            self._check_owner(repo.get_case(conn, case_id), by)
            existing = rows.step_rows(conn, proposal_id)
            chosen = self._chosen(proposal, existing, by, step_ids, withdrawing=True)
            given = {v.step_id: v for v in proposal.verdicts}
            decision = Decision(
                id=_new_id("dec"),
                case_id=case_id,
                proposal_id=proposal_id,
                actor=_actor(by),
                role=by.role,
                kind=DecisionKind.OVERRIDE,
                reason_code=reason,
                reason_text=note,
                decided_at=now,
                time_to_decide_ms=_elapsed_ms(presented or proposal.created_at, now),
            )
            outcomes = []
            for step in (s for s in proposal.steps if s.step_id in chosen):
                prior = existing.get(step.step_id)
                verdict = prior.verdict if prior else given.get(step.step_id)
                if verdict is None:  # a proposal stored before verdicts existed
                    verdict = self._verdicts(conn, self._policies.active(), proposal, [step], by)[0]
                rows.put_step(
                    db,
                    proposal_id=proposal_id,
                    case_id=case_id,
                    step=prior.step if prior else step,
                    verdict=verdict,
                    state=StepState.REJECTED,
                    requested_by=prior.requested_by if prior else by.user_id,
                    requested_at=datetime.fromisoformat(prior.requested_at) if prior else now,
                    decided_by=by.user_id,
                    decided_at=now,
                    decision_id=decision.id,
                )
                outcomes.append(StepOutcome(step.step_id, StepState.REJECTED, verdict))
            result = DecisionResult(decision, outcomes)
            what = (
                f"{len(outcomes)} step{'s' if len(outcomes) != 1 else ''}" if outcomes else "plan"
            )
            summary = f"Rejected the {what} ({reason.value.replace('_', ' ')})"
            seq = self._record(db, decision, summary, {"states": outcomes})
            self._sync_status(db, case_id)
            return result, seq

        result, seq = await self._store.write(write)
        self._announce(case_id, proposal_id, seq, queue=True)
        return result

    async def instruct(
        self, case_id: str, text: str, by: Principal, *, proposal_id: str | None = None
    ) -> Decision:
        """Give the planner a standing instruction for the case and re-plan with it."""
        require(by, Capability.INSTRUCT, sandbox=self._sandbox)
        words = " ".join(text.split())
        if not words:
            raise InvalidInput(
                "An instruction needs some text",
                [Issue("instruction", "", "empty")],
                code=MessageCode.INSTRUCTION_EMPTY,
            )
        if len(words) > INSTRUCTION_LIMIT:
            raise InvalidInput(
                f"An instruction is at most {INSTRUCTION_LIMIT} characters",
                [Issue("instruction", "", f"{len(words)} characters")],
                code=MessageCode.INSTRUCTION_TOO_LONG,
                params={"length": len(words), "limit": INSTRUCTION_LIMIT},
            )
        now = self._clock()

        def write(db: Any) -> tuple[Decision, int]:
            self._check_owner(repo.get_case(db.conn, case_id), by)
            decision = self._simple(case_id, proposal_id, by, DecisionKind.INSTRUCT, now, words)
            rows.add_instruction(db, case_id, words, by.user_id, now)
            return decision, self._record(db, decision, f"Instructed the AI: {words}"[:300], {})

        decision, seq = await self._store.write(write)
        self._announce(case_id, proposal_id, seq)
        if self._replan is not None:
            self._replan(case_id)
        return decision

    async def take_over(self, case_id: str, by: Principal) -> Decision:
        """``by`` becomes the case's work owner; the AI stops proposing until handed back."""
        require(by, Capability.TAKE_OVER, sandbox=self._sandbox)
        now = self._clock()

        def write(db: Any) -> tuple[Decision, int]:
            case = repo.get_case(db.conn, case_id)
            self._check_owner(case, by)
            owner = WorkOwner(kind=OwnerKind.AGENT, id=by.user_id)
            if case.owner != owner:
                repo.update_case(
                    db, case.model_copy(update={"owner": owner, "updated_at": now}), case.version
                )
            decision = self._simple(case_id, None, by, DecisionKind.TAKE_OVER, now)
            return decision, self._record(db, decision, f"{by.name} took over the case", {})

        decision, seq = await self._store.write(write)
        self._announce(case_id, None, seq)
        self._bus.publish(CasesChanged((case_id,)))
        return decision

    async def hand_back(self, case_id: str, by: Principal) -> Decision:
        """Give the case back to the AI, which plans it again."""
        require(by, Capability.TAKE_OVER, sandbox=self._sandbox)
        now = self._clock()

        def write(db: Any) -> tuple[Decision, int]:
            case = repo.get_case(db.conn, case_id)
            self._check_owner(case, by)
            if case.owner.kind is OwnerKind.AGENT:
                ai = WorkOwner(kind=OwnerKind.AI)
                repo.update_case(
                    db, case.model_copy(update={"owner": ai, "updated_at": now}), case.version
                )
            decision = self._simple(case_id, None, by, DecisionKind.HAND_BACK, now)
            return decision, self._record(db, decision, f"{by.name} handed the case back", {})

        decision, seq = await self._store.write(write)
        self._announce(case_id, None, seq)
        self._bus.publish(CasesChanged((case_id,)))
        if self._replan is not None:
            self._replan(case_id)
        return decision

    async def defer(
        self,
        case_id: str,
        by: Principal,
        text: str | None = None,
        *,
        proposal_id: str | None = None,
    ) -> Decision:
        """Decide later: recorded, nothing else changes."""
        require(by, Capability.DEFER, sandbox=self._sandbox)
        now = self._clock()
        note = (text or "").strip() or None

        def write(db: Any) -> tuple[Decision, int]:
            self._check_owner(repo.get_case(db.conn, case_id), by)
            decision = self._simple(case_id, proposal_id, by, DecisionKind.DEFER, now, note)
            summary = f"Deferred: {note}" if note else "Deferred the decision"
            return decision, self._record(db, decision, summary[:300], {})

        decision, seq = await self._store.write(write)
        self._announce(case_id, proposal_id, seq)
        return decision

    # -- the parts ----------------------------------------------------------------------

    def _state_for(self, by: Principal, verdict: Verdict) -> StepState | None:
        if verdict.level in (AutonomyLevel.FORBID, AutonomyLevel.SUGGEST):
            return None
        if may_approve(by.role, verdict.level, sandbox=self._sandbox):
            return StepState.APPROVED
        if verdict.level is AutonomyLevel.SUPERVISOR:
            return StepState.AWAITING_SUPERVISOR
        return None

    def _check_owner(self, case: Case, by: Principal) -> None:
        owner = case.owner
        if (
            owner.kind is OwnerKind.AGENT
            and owner.id != by.user_id
            and not allowed(by, Capability.REVIEW_APPROVALS, sandbox=self._sandbox)
        ):
            raise NotPermitted(
                f"{owner.id} has taken this case over; only they or a supervisor may "
                f"decide on it now.",
                code=MessageCode.TAKEN_OVER,
                params={"owner": owner.id},
            )

    def _chosen(
        self,
        proposal: Proposal,
        existing: Mapping[str, rows.StepRow],
        by: Principal,
        step_ids: Sequence[str] | None,
        *,
        withdrawing: bool = False,
    ) -> set[str]:
        supervising = allowed(by, Capability.APPROVE_ABOVE_AGENT, sandbox=self._sandbox)

        def open_to(step_id: str) -> bool:
            row = existing.get(step_id)
            if row is None:
                return True
            if row.state is StepState.AWAITING_SUPERVISOR:
                return supervising or (withdrawing and row.requested_by == by.user_id)
            return False

        known = [s.step_id for s in proposal.steps]
        if step_ids is None:
            return {sid for sid in known if open_to(sid)}
        unknown = [sid for sid in step_ids if sid not in known]
        if unknown:
            raise InvalidInput(
                "Those steps are not in the plan",
                [Issue(proposal.id, sid, "no such step") for sid in unknown],
                code=MessageCode.STEPS_NOT_IN_PLAN,
                params={"step_ids": unknown},
            )
        closed = [sid for sid in step_ids if not open_to(sid)]
        if closed:
            states = ", ".join(
                f"{sid}: {existing[sid].state.value.replace('_', ' ')}" for sid in closed
            )
            raise ConflictError(
                f"Already decided ({states}).",
                code=MessageCode.ALREADY_DECIDED,
                params={
                    "steps": [
                        {"step_id": sid, "state": existing[sid].state.value} for sid in closed
                    ]
                },
            )
        return set(step_ids)

    def _verdicts(
        self,
        conn: Any,
        policy: AuthorityPolicy,
        proposal: Proposal,
        steps: list[PlanStep],
        by: Principal,
        deciding: set[str] | None = None,
        *,
        now: datetime | None = None,
        case: Case | None = None,
    ) -> list[Verdict]:
        case = case or repo.get_case(conn, proposal.case_id)
        customer = repo.get_customer(conn, case.customer_id)
        skip = (proposal.id, sorted(deciding or {s.step_id for s in steps}))
        context = evaluation_context(
            case,
            customer,
            role=by.role,
            sandbox=self._sandbox,
            spent_case=rows.spent(conn, case_id=case.id, except_steps=skip),
            spent_today=rows.spent(
                conn,
                requested_by=by.user_id,
                since=_day_start(now or self._clock()),
                except_steps=skip,
            ),
        )
        return evaluate_plan(policy, steps, context)

    def _simple(
        self,
        case_id: str,
        proposal_id: str | None,
        by: Principal,
        kind: DecisionKind,
        now: datetime,
        text: str | None = None,
    ) -> Decision:
        return Decision(
            id=_new_id("dec"),
            case_id=case_id,
            proposal_id=proposal_id,
            actor=_actor(by),
            role=by.role,
            kind=kind,
            reason_text=text,
            decided_at=now,
            time_to_decide_ms=0,
        )

    def _record(self, db: Any, decision: Decision, summary: str, extra: Mapping[str, Any]) -> int:
        """Store the decision, its timeline event and its audit record; the new last seq."""
        rows.put_decision(db, decision)
        event = TimelineEvent(
            id=f"{decision.id}-event",
            case_id=decision.case_id,
            occurred_at=decision.decided_at,
            source=EventSource.TANDEM,
            actor=decision.actor,
            summary=summary[:300],
            payload=DecisionPayload(
                decision_id=decision.id,
                proposal_id=decision.proposal_id,
                decision_kind=decision.kind.value,
                reason=decision.reason_text
                or (decision.reason_code.value if decision.reason_code else None),
            ),
        )
        repo.append_events(db, decision.case_id, [event])
        payload: dict[str, Any] = {"decision": decision.model_dump(mode="json")}
        for key, value in extra.items():
            payload[key] = [
                v.model_dump(mode="json")
                if isinstance(v, Verdict)
                else {"step_id": v.step_id, "state": v.state.value, "rule_id": v.verdict.rule_id}
                for v in value
            ]
        audit_log.append(
            db.conn,
            kind="decision",
            actor_id=decision.actor.id,
            subject_ids=[decision.case_id, decision.id]
            + ([decision.proposal_id] if decision.proposal_id else []),
            payload=payload,
            recorded_at=iso(decision.decided_at),
        )
        return queries.timeline_length(db.conn, decision.case_id)

    def _sync_status(self, db: Any, case_id: str) -> None:
        """A case with steps awaiting a supervisor shows it; once none wait, it is open."""
        waiting = db.execute(
            "SELECT 1 FROM plan_steps WHERE case_id = ? AND state = ? LIMIT 1",
            (case_id, StepState.AWAITING_SUPERVISOR.value),
        ).fetchone()
        row = db.execute("SELECT status FROM cases WHERE id = ?", (case_id,)).fetchone()
        current = CaseStatus(row[0])
        status = current
        if waiting and status.is_active:
            status = CaseStatus.WAITING_SUPERVISOR
        elif not waiting and status is CaseStatus.WAITING_SUPERVISOR:
            status = CaseStatus.OPEN
        if status is not current:
            case = repo.get_case(db.conn, case_id)
            repo.update_case(
                db,
                case.model_copy(update={"status": status, "updated_at": self._clock()}),
                case.version,
            )

    def _announce(
        self, case_id: str, proposal_id: str | None, seq: int, queue: bool = False
    ) -> None:
        self._bus.publish(EventsAppended(case_id, seq))
        self._bus.publish(DecisionsChanged(case_id, proposal_id))
        self._bus.publish(CasesChanged((case_id,)))
        if queue:
            self._bus.publish(ApprovalsChanged())


def _execute(
    db: Any, decision: Decision, proposal_id: str, step: PlanStep, by: Principal, now: datetime
) -> None:
    """An approved step: an outbox row for the dispatcher when it leaves the machine (same
    transaction as the decision); done here and now when Tandem itself carries it out."""
    from console.domain.kinds import CaseStatus as Status
    from console.domain.kinds import ExecutionState, SystemName
    from console.store import outbox

    system = ACTION_TYPES[step.action].system
    params = step.params.model_dump(mode="json")
    if system is SystemName.TICKETS:  # a reply or an escalation goes on the case's ticket
        ticket = repo.get_case(db.conn, decision.case_id).external_refs.ticket_id
        if ticket:
            params["ticket_id"] = ticket
    undoes = proposal_id.removeprefix("undo-") if proposal_id.startswith("undo-") else None
    row = outbox.enqueue(
        db,
        execution_id=_new_id("exe"),
        compensates=undoes,
        decision_id=decision.id,
        case_id=decision.case_id,
        proposal_id=proposal_id,
        step_id=step.step_id,
        action=step.action.value,
        destination=system.value,
        params=params,
        approved_by=by.user_id,
        approved_role=by.role.value,
        now=now,
    )
    if system is SystemName.TANDEM:  # closing the case: Tandem's own record
        case = repo.get_case(db.conn, decision.case_id)
        if case.status.is_active:
            closed = case.model_copy(update={"status": Status.RESOLVED, "updated_at": now})
            repo.update_case(db, closed, case.version)
        outbox.finish(
            db, [outbox.Finished(row.id, ExecutionState.DELIVERED, remote_ref=case.id)], now
        )
        audit_log.append(
            db.conn,
            kind="execution",
            actor_id=by.user_id,
            subject_ids=[decision.case_id, row.id],
            payload={
                "execution_id": row.id,
                "action": step.action.value,
                "destination": system.value,
                "state": ExecutionState.DELIVERED.value,
                "idempotency_key": row.idempotency_key,
                "payload_hash": row.payload_hash,
                "attempts": 0,
                "remote_ref": case.id,
            },
            recorded_at=iso(now),
        )


def compensation(row: Any) -> PlanStep:
    """The step that undoes an executed outbox ``row``; InvalidInput when there is none.

    An inventory change is undone by the opposite change; an account credit by its
    reversal: the same amount taken back (negated), naming the credit by the reference
    the accounts system gave it."""
    kind = ActionKind(row.action)
    compensating = ACTION_TYPES[kind].compensation
    params = dict(row.params)
    reason = f"Undo of {row.id}"
    undone: dict[str, Any] | None = None
    if compensating is ActionKind.ADJUST_INVENTORY and kind is ActionKind.ADJUST_INVENTORY:
        undone = {
            "sku": params["sku"],
            "warehouse": params["warehouse"],
            "delta": -int(params["delta"]),
            "reason": reason,
        }
    elif compensating is ActionKind.ACCOUNT_CREDIT and kind is ActionKind.ACCOUNT_CREDIT:
        if params.get("reverses"):
            raise _cannot_undo(
                row,
                "it takes a credit back already: give a new credit if one is due",
                MessageCode.UNDO_TAKES_BACK_ALREADY,
            )
        if not row.remote_ref:
            raise _cannot_undo(
                row,
                "the accounts system did not name the credit (it was marked done by hand), "
                "so Tandem cannot say which credit to take back: reverse it in the accounts "
                "system, and note it on the case",
                MessageCode.UNDO_CREDIT_NOT_NAMED,
            )
        given = params["amount"]
        undone = {
            "customer_id": params["customer_id"],
            "amount": {
                "amount": str(-Decimal(str(given["amount"]))),
                "currency": given["currency"],
            },
            "reason": reason,
            "reverses": row.remote_ref,
        }
    if compensating is None or undone is None:
        raise _cannot_undo(
            row,
            "no compensating step is defined for it: undo it in the remote system, "
            "and note it on the case",
            MessageCode.UNDO_NOT_DEFINED,
        )
    return rows.step_adapter().validate_python(
        {"step_id": f"undo-{row.step_id}", "action": compensating.value, "params": undone}
    )


def undoable(row: Any) -> bool:
    """Whether :func:`compensation` can work out the step that undoes ``row``."""
    try:
        compensation(row)
    except InvalidInput:
        return False
    return True


def _cannot_undo(row: Any, why: str, code: MessageCode) -> InvalidInput:
    action = ActionKind(row.action).value
    return InvalidInput(
        f"Tandem cannot undo {action.replace('_', ' ')} by itself",
        [Issue(row.id, "action", why)],
        code=code,
        params={"action": action, "execution": row.id},
    )


def _check_reversals(conn: Any, proposal: Proposal, steps: Sequence[PlanStep]) -> None:
    """A credit is taken back only by Undo on the credit's own done step, exactly as Undo
    worked it out: never proposed by a planner, never made or changed by an edit."""
    from console.store import outbox

    for step in steps:
        if getattr(step.params, "reverses", None) is None:
            continue
        undoes = proposal.id.removeprefix("undo-") if proposal.id.startswith("undo-") else None
        row = outbox.get(conn, undoes) if undoes else None
        ours = row is not None and row.case_id == proposal.case_id and undoable(row)
        if not ours or step != compensation(row):
            raise InvalidInput(
                "A credit is taken back only by Undo on the done credit",
                [
                    Issue(
                        step.step_id,
                        "params.reverses",
                        "a reversal is made by Undo on the credit's done step, as Undo "
                        "works it out; it is not proposed or edited",
                    )
                ],
                code=MessageCode.REVERSAL_ONLY_BY_UNDO,
                params={"step_id": step.step_id},
            )


def _proposal(conn: Any, case_id: str, proposal_id: str) -> Proposal:
    proposal = rows.get_proposal(conn, proposal_id)
    if proposal is None or proposal.case_id != case_id:
        raise NotFound(
            f"proposal {proposal_id} of case {case_id} does not exist",
            code=MessageCode.PROPOSAL_NOT_FOUND,
            params={"proposal": proposal_id, "case": case_id},
        )
    latest = conn.execute(
        "SELECT id FROM proposals WHERE case_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1",
        (case_id,),
    ).fetchone()
    if latest is not None and latest[0] != proposal.id:
        # Steps already waiting for a supervisor stay decidable on their own proposal.
        waiting = conn.execute(
            "SELECT 1 FROM plan_steps WHERE proposal_id = ? AND state = ? LIMIT 1",
            (proposal_id, StepState.AWAITING_SUPERVISOR.value),
        ).fetchone()
        if not waiting:
            raise ConflictError(
                "A newer plan has replaced this one (new facts arrived); review the new plan.",
                code=MessageCode.PLAN_REPLACED,
            )
    return proposal


def _apply_edits(
    proposal: Proposal,
    chosen: set[str],
    edited: Sequence[PlanStep],
    current: Mapping[str, PlanStep] | None = None,
) -> list[PlanStep]:
    originals = {s.step_id: s for s in proposal.steps}
    edits: dict[str, PlanStep] = {}
    problems: list[tuple[str, str]] = []  # (step id, one of _EDIT_PROBLEMS)
    for step in edited:
        original = originals.get(step.step_id)
        if original is None:
            problems.append((step.step_id, "not_in_plan"))
        elif original.action is not step.action:
            problems.append((step.step_id, "action_changed"))
        elif step.step_id not in chosen:
            problems.append((step.step_id, "not_approved_with_it"))
        else:
            edits[step.step_id] = step
    if problems:
        raise InvalidInput(
            "The edited plan cannot be used",
            [Issue("edit", sid, _EDIT_PROBLEMS[problem]) for sid, problem in problems],
            code=MessageCode.EDIT_UNUSABLE,
            params={"problems": [{"step_id": sid, "problem": p} for sid, p in problems]},
        )
    current = current or {}
    return [
        edits.get(s.step_id, current.get(s.step_id, s))
        for s in proposal.steps
        if s.step_id in chosen
    ]


_EDIT_PROBLEMS = {
    "not_in_plan": "no such step in the plan",
    "action_changed": "an edit cannot change the action type",
    "not_approved_with_it": "an edited step must be approved with it",
}


def _refusal(steps: Sequence[PlanStep], refused: Sequence[Verdict]) -> NotPermitted:
    """Nothing approved: each refused step, what its rule allows (nothing, or only outside
    Tandem), the rule's clause and id."""
    actions = {s.step_id: s.action.value for s in steps}
    parts = []
    for v in refused:
        what = (
            "is not allowed" if v.level is AutonomyLevel.FORBID else "must be done outside Tandem"
        )
        parts.append(f"{v.step_id} ({actions[v.step_id]}) {what}: {v.clause} [rule {v.rule_id}]")
    return NotPermitted(
        "Nothing was approved. " + "; ".join(parts),
        code=MessageCode.NOT_APPROVABLE,
        params={
            "steps": [
                {
                    "step_id": v.step_id,
                    "action": actions[v.step_id],
                    "level": v.level.value,
                    "clause": v.clause,
                    "rule_id": v.rule_id,
                }
                for v in refused
            ]
        },
    )


def _approval_summary(result: DecisionResult) -> str:
    approved = sum(o.state is StepState.APPROVED for o in result.outcomes)
    waiting = len(result.awaiting_supervisor)
    verb = "Edited and approved" if result.decision.kind is DecisionKind.EDIT else "Approved"
    parts = []
    if approved:
        parts.append(f"{verb} {approved} step{'s' if approved != 1 else ''}")
    if waiting:
        parts.append(f"{waiting} step{'s' if waiting != 1 else ''} sent to a supervisor")
    return "; ".join(parts) or "Approved"


def _elapsed_ms(start: datetime, end: datetime) -> int:
    return max(0, int((end - start).total_seconds() * 1000))


def _waiting(conn: Any) -> list[WaitingStep]:
    out: list[WaitingStep] = []
    proposals: dict[str, Proposal | None] = {}
    for row in rows.waiting_steps(conn):
        case = repo.get_case(conn, row.case_id)
        customer = repo.get_customer(conn, case.customer_id)
        if row.proposal_id not in proposals:
            proposals[row.proposal_id] = rows.get_proposal(conn, row.proposal_id)
        proposal = proposals[row.proposal_id]
        out.append(
            WaitingStep(
                case_id=row.case_id,
                proposal_id=row.proposal_id,
                step=row.step,
                verdict=row.verdict,
                requested_by=row.requested_by,
                requested_at=datetime.fromisoformat(row.requested_at),
                case_subject=case.subject,
                customer_name=customer.name,
                journey=case.journey.value,
                proposal_summary=proposal.summary if proposal else "",
            )
        )
    return out
