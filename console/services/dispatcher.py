"""The write-back dispatcher: the only place approved actions leave the machine, and the
only retry layer.

It claims due outbox rows (one statement), sends them with no transaction open, and
records the outcomes — outbox states, timeline events, audit records and circuit breakers
together — in transactions of a few outcomes each, so an approval waiting for the write
lock never waits long.

* Backoff: capped exponential with full jitter; ``Retry-After`` is honoured.
* 400/401/403/404/422 are never retried; 409 (in flight) means wait; a timeout or a reset
  after the request left is an *unknown outcome*: sent again with the same idempotency
  key while the destination still remembers keys, and looked up (reconciled) before
  re-sending once the first attempt is older than 0.8× the key lifetime. A destination
  with no lookup then goes to a person (``unknown_outcome``).
* A per-destination circuit breaker, kept in SQLite: after ``breaker_threshold``
  consecutive failures it opens; one probe is let through at growing intervals; a
  successful probe closes it.
* Authority is re-checked just before sending: a tightened map or a paused action type
  stops a step that was approved under the old one.
* One dispatcher per data folder (a file lock).

The console runs it in a process of its own (``tandem dispatch``, see
:mod:`.dispatch_process`), so that a drain at full rate never competes with the console
for its interpreter (PERF_NOTES: a drain on the same loop pushed approvals' p95 to 8–9 ms).
"""

from __future__ import annotations

import asyncio
import json
import logging
import random
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from console.domain.base import utc_now
from console.domain.errors import TandemError
from console.domain.events import ActionStatusPayload, Actor, ActorKind, EventSource, TimelineEvent
from console.domain.kinds import ActionKind, ExecutionState, Role
from console.store import Store, outbox
from console.store import audit as audit_log
from console.store import repositories as repo
from console.store.queries import iso

from .bus import ExecutionsChanged
from .roles import Capability, Principal, require

if TYPE_CHECKING:
    from console.connectors.delivery import Connector, Delivery

    from .controls import ControlService
    from .policies import PolicyService

__all__ = [
    "BreakerView",
    "DispatchSettings",
    "Dispatcher",
    "DispatcherBusy",
    "ExecutionsChanged",
    "backoff",
]

log = logging.getLogger(__name__)
HOUSEKEEPING_EVERY = 2.0  # seconds
RECORD_CHUNK = 8  # outcomes recorded per write transaction
MIN_IDLE_WAIT = 0.005  # a pass that sent nothing never loops straight into the next


class DispatcherBusy(TandemError):
    """Another dispatcher already runs for this data folder."""


@dataclass(frozen=True)
class DispatchSettings:
    batch: int = 64  # rows claimed at once
    concurrency: int = 16  # requests in flight
    base_delay: float = 1.0  # seconds; the first retry waits up to this (full jitter)
    max_delay: float = 300.0
    breaker_threshold: int = 5  # consecutive failures that open a breaker
    probe_delay: float = 5.0  # first wait before probing an open breaker; doubles
    max_probe_delay: float = 60.0
    key_lifetime: Mapping[str, float] = field(default_factory=dict)  # destination → seconds
    default_key_lifetime: float = 24 * 3600.0  # Stripe keeps keys at least 24 hours
    reconcile_after: float = 0.8  # of the key lifetime
    unrouted_delay: float = 300.0  # retry a row no connector carries (configuration)
    idle_wait: float = 5.0  # longest sleep with nothing due (a safety net for missed wakes)


def backoff(attempt: int, settings: DispatchSettings, rng: random.Random) -> float:
    """Full jitter: uniform in [0, min(max, base·2^(attempt-1))]."""
    ceiling = min(settings.max_delay, settings.base_delay * 2 ** max(0, attempt - 1))
    return rng.uniform(0, ceiling)


@dataclass(frozen=True)
class BreakerView:
    """A destination's breaker and queue, for people ("Refunds down since 10:42 — 37 queued")."""

    destination: str
    state: str
    failures: int
    opened_at: datetime | None
    queued: int


@dataclass
class _Result:
    row: outbox.OutboxRow
    finished: outbox.Finished
    delivery: Delivery | None = None
    counts_as_failure: bool = False
    counts_as_success: bool = False
    terminal: bool = False
    skipped: bool = False  # not attempted: its destination was failing in this batch


class _Gate:
    """One destination's share of a batch. Until a request succeeds, at most as many are
    in flight as failures would open its breaker; once that many have failed, the rest
    of the batch is left unsent — a backlog never hammers a system that is down."""

    def __init__(self, allowance: int, concurrency: int) -> None:
        self.allowance = allowance
        self.concurrency = concurrency
        self.failures = 0
        self.healthy = False
        self.in_flight = 0
        self._changed = asyncio.Condition()

    def _limit(self) -> int:
        if self.healthy:
            return self.concurrency
        return max(1, self.allowance - self.failures)

    async def enter(self) -> bool:
        async with self._changed:
            await self._changed.wait_for(
                lambda: self.failures >= self.allowance or self.in_flight < self._limit()
            )
            if self.failures >= self.allowance and not self.healthy:
                return False
            self.in_flight += 1
            return True

    async def leave(self, *, failed: bool, succeeded: bool) -> None:
        async with self._changed:
            self.in_flight -= 1
            if succeeded:
                self.healthy = True
                self.failures = 0
            elif failed:
                self.failures += 1
                if self.failures >= self.allowance:
                    self.healthy = False
            self._changed.notify_all()


class Dispatcher:
    def __init__(
        self,
        store: Store,
        connectors: Mapping[ActionKind, tuple[str, Connector]],
        *,
        policies: PolicyService | None = None,
        controls: ControlService | None = None,
        settings: DispatchSettings | None = None,
        clock: Callable[[], datetime] = utc_now,
        rng: random.Random | None = None,
        sandbox: bool = False,
        housekeeping: Callable[[], Awaitable[object]] | None = None,
    ) -> None:
        self._store = store
        self._routes = dict(connectors)
        # Work beside the sends (the audit trail's checkpoints), at most every few seconds.
        self._housekeeping = housekeeping
        self._housekept = 0.0
        self._policies = policies
        self._controls = controls
        self.settings = settings or DispatchSettings()
        self._clock = clock
        self._rng = rng or random.Random()
        self._sandbox = sandbox
        self._wake = asyncio.Event()
        self._recovered = False
        self.sent = 0  # requests that reached a connector (sends and lookups)

    # -- running ------------------------------------------------------------------------

    def wake(self) -> None:
        """Something was enqueued: look now (call on the dispatcher's own loop)."""
        self._wake.set()

    async def recover(self) -> int:
        """Rows a crash left ``sending`` are due again, same key."""
        now = self._clock()

        def recover(db: Any) -> int:
            # A probe that was out when the process died: probe again now, or the
            # destination would wait for a probe that never comes.
            outbox.reopen_half_open(db, now)
            return outbox.recover_sending(db, now)

        count = await self._store.write(recover)
        self._recovered = True
        if count:
            log.warning("%d outbox rows were interrupted while sending; sending again", count)
        return count

    async def run(self, stop: asyncio.Event) -> None:
        """Dispatch until ``stop`` is set."""
        if not self._recovered:
            await self.recover()
        while not stop.is_set():
            try:
                handled = await self.run_once()
            except Exception:
                log.exception("dispatching failed; trying again shortly")
                handled = 0
            await self._keep_house()
            if handled:
                continue
            wait = self._idle_wait()
            self._wake.clear()
            waiters = [asyncio.ensure_future(self._wake.wait()), asyncio.ensure_future(stop.wait())]
            try:
                await asyncio.wait(waiters, timeout=wait, return_when=asyncio.FIRST_COMPLETED)
            finally:
                for waiter in waiters:
                    waiter.cancel()

    async def _keep_house(self) -> None:
        if self._housekeeping is None:
            return
        now = time.monotonic()
        if now - self._housekept < HOUSEKEEPING_EVERY:
            return
        self._housekept = now
        try:
            await self._housekeeping()
        except Exception:
            log.exception("housekeeping failed")

    def _idle_wait(self) -> float:
        """Seconds until something can be sent: the next due row of a destination whose
        breaker is closed and whose action is not paused, or the next probe."""
        conn = self._store.reader()
        breakers = outbox.breakers(conn)
        held_back = [d for d, b in breakers.items() if b.state != "closed"]
        due = outbox.next_due(
            conn, skip_destinations=held_back, skip_actions=self._paused_actions()
        )
        wait = self.settings.idle_wait
        if self._housekeeping is not None:
            wait = min(wait, HOUSEKEEPING_EVERY)
        if due is not None:
            wait = min(wait, (datetime.fromisoformat(due) - self._clock()).total_seconds())
        for breaker in breakers.values():
            if breaker.state != "closed" and breaker.next_probe_at:
                probe = datetime.fromisoformat(breaker.next_probe_at) - self._clock()
                wait = min(wait, probe.total_seconds())
        return max(MIN_IDLE_WAIT, wait)

    async def run_once(self) -> int:
        """Claim what is due now, send it, record the outcomes; how many rows were handled."""
        now = self._clock()
        if self._controls is not None:
            self._controls.refresh()  # a pause set by another process counts too
        paused = self._paused_actions()
        claimed, breakers = await self._store.write(
            lambda db: (self._claim(db, now, paused), outbox.breakers(db.conn))
        )
        if not claimed:
            return 0
        limit = asyncio.Semaphore(self.settings.concurrency)
        gates: dict[str, _Gate] = {}
        for row in claimed:
            if row.destination not in gates:
                breaker = breakers.get(row.destination)
                failures = breaker.failures if breaker and breaker.state == "closed" else 0
                probing = breaker is not None and breaker.state != "closed"
                allowance = 1 if probing else max(1, self.settings.breaker_threshold - failures)
                gates[row.destination] = _Gate(allowance, self.settings.concurrency)

        refusals = await self._store.read(lambda conn: self._recheck_all(conn, claimed))

        async def attempt(row: outbox.OutboxRow) -> _Result:
            refusal = refusals.get(row.id)
            if refusal is not None:  # the map in force no longer lets it go
                return self._final(row, ExecutionState.REJECTED, error=refusal)
            gate = gates[row.destination]
            if not await gate.enter():  # the destination is failing: leave it for later
                return _Result(row, outbox.Finished(row.id, ExecutionState.PENDING), skipped=True)
            try:
                async with limit:
                    result = await self._attempt(row)
            except BaseException:
                await gate.leave(failed=True, succeeded=False)
                raise
            await gate.leave(failed=result.counts_as_failure, succeeded=result.counts_as_success)
            return result

        results = await asyncio.gather(*(attempt(row) for row in claimed))
        done = self._clock()
        prepared = [(r, self._prepare(r, done)) for r in results]
        # Small transactions: an approval waiting for the write lock waits for a few rows'
        # worth of records at most, never for a whole batch (PERF_NOTES).
        for start in range(0, len(prepared), RECORD_CHUNK):
            chunk = prepared[start : start + RECORD_CHUNK]

            def record(db: Any, chunk: list[Any] = chunk) -> None:
                self._record(db, chunk, done)

            await self._store.write(record)
        return len(results)

    def _paused_actions(self) -> list[str]:
        if self._controls is None:
            return []
        return [scope for scope in self._controls.pauses if scope != "*"]

    def _claim(self, db: Any, now: datetime, paused: list[str]) -> list[outbox.OutboxRow]:
        breakers = outbox.breakers(db.conn)
        closed_out = [d for d, b in breakers.items() if b.state != "closed"]
        rows = outbox.claim_due(
            db, now, self.settings.batch, skip_destinations=closed_out, skip_actions=paused
        )
        # An open breaker lets one probe through when its time comes.
        for destination in closed_out:
            breaker = breakers[destination]
            if breaker.next_probe_at is None or datetime.fromisoformat(breaker.next_probe_at) > now:
                continue
            probe = outbox.claim_due(db, now, 1, only_destination=destination, skip_actions=paused)
            if probe:
                rows += probe
                outbox.put_breaker(
                    db,
                    outbox.Breaker(
                        destination,
                        "half_open",
                        breaker.failures,
                        breaker.opened_at,
                        None,
                        breaker.probe_delay,
                        breaker.probes + 1,
                    ),
                    now,
                )
        return rows

    # -- one attempt ---------------------------------------------------------------------

    async def _attempt(self, row: outbox.OutboxRow) -> _Result:
        from console.connectors.delivery import Outcome

        now = self._clock()
        route = self._routes.get(ActionKind(row.action))
        if route is None:
            return _Result(
                row,
                outbox.Finished(
                    row.id,
                    ExecutionState.PENDING,
                    next_attempt_at=now + timedelta(seconds=self.settings.unrouted_delay),
                    error=f"No connector carries {row.action}; configure one for "
                    f"{row.destination}. It is kept and sent once one does.",
                ),
            )
        _, connector = route
        action, params, key = ActionKind(row.action), row.params, row.idempotency_key
        if row.attempts > 1 and self._key_may_be_forgotten(row, now):
            if not connector.lookup_supported:
                return self._final(
                    row,
                    ExecutionState.UNKNOWN_OUTCOME,
                    error="No answer came back, the remote system may have forgotten the "
                    "idempotency key by now, and it offers no lookup: check it there, then "
                    "mark it done or send it again.",
                )
            self.sent += 1
            found = await connector.lookup(action, params, key)
            if found is not None and found.outcome is Outcome.DELIVERED:
                return self._final(row, ExecutionState.RECONCILED, delivery=found, success=True)
            if found is not None:  # the lookup itself failed: try again later
                return self._retry(row, found, now)
            # Not there: sending again is safe even under a forgotten key.
        self.sent += 1
        delivery = await connector.send(action, params, key)
        if delivery.outcome is Outcome.DELIVERED:
            return self._final(row, ExecutionState.DELIVERED, delivery=delivery, success=True)
        if delivery.outcome is Outcome.REJECTED:
            result = self._final(row, ExecutionState.REJECTED, delivery=delivery)
            result.counts_as_success = delivery.status is not None  # it answered
            return result
        return self._retry(row, delivery, now)

    def _retry(self, row: outbox.OutboxRow, delivery: Delivery, now: datetime) -> _Result:
        from console.connectors.delivery import Outcome

        wait = backoff(row.attempts, self.settings, self._rng)
        if delivery.retry_after is not None:
            wait = max(wait, delivery.retry_after)
        unknown = delivery.outcome is Outcome.UNKNOWN
        error = delivery.error or ("no answer" if unknown else "try again")
        if unknown:
            error = f"Outcome unknown ({error}); sent again with the same key."
        return _Result(
            row,
            outbox.Finished(
                row.id,
                ExecutionState.PENDING,
                next_attempt_at=now + timedelta(seconds=wait),
                error=error,
            ),
            delivery=delivery,
            counts_as_failure=delivery.status != 409,  # 409: in flight, not a failure
        )

    def _final(
        self,
        row: outbox.OutboxRow,
        state: ExecutionState,
        *,
        delivery: Delivery | None = None,
        error: str | None = None,
        success: bool = False,
    ) -> _Result:
        return _Result(
            row,
            outbox.Finished(
                row.id,
                state,
                error=error or (delivery.error if delivery else None),
                remote_ref=delivery.remote_ref if delivery else None,
            ),
            delivery=delivery,
            counts_as_success=success,
            terminal=True,
        )

    def _key_may_be_forgotten(self, row: outbox.OutboxRow, now: datetime) -> bool:
        if row.first_attempt_at is None:
            return False
        lifetime = self.settings.key_lifetime.get(
            row.destination, self.settings.default_key_lifetime
        )
        age = (now - datetime.fromisoformat(row.first_attempt_at)).total_seconds()
        return age >= self.settings.reconcile_after * lifetime

    def _recheck_all(self, conn: Any, claimed: Sequence[outbox.OutboxRow]) -> dict[str, str]:
        """Why each claimed row may no longer be sent, by execution id (most rows: none).

        A verdict can only change when the map does: the totals it counted were those asked
        for before the step, which can only shrink. So a row decided under the version in
        force is let go at the cost of one lookup; others are evaluated again in full."""
        if self._policies is None or not claimed:
            return {}
        version = self._policies.active().version
        keys = json.dumps([[row.proposal_id, row.step_id] for row in claimed])
        decided = {
            (pid, sid): (int(v) if v is not None else None)
            for pid, sid, v in conn.execute(
                "SELECT proposal_id, step_id, json_extract(verdict, '$.policy_version')"
                " FROM plan_steps WHERE (proposal_id, step_id) IN"
                " (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]')"
                " FROM json_each(?))",
                (keys,),
            )
        }
        refusals: dict[str, str] = {}
        for row in claimed:
            known = (row.proposal_id, row.step_id)
            if known not in decided or decided[known] == version:
                continue  # a compensation decided elsewhere, or the map is unchanged
            refusal = self._recheck(conn, row)
            if refusal is not None:
                refusals[row.id] = refusal
        return refusals

    def _recheck(self, conn: Any, row: outbox.OutboxRow) -> str | None:
        """Why the step may no longer be sent under the map in force, or None."""
        if self._policies is None:
            return None
        from console.policy.authority import evaluate_plan, may_approve
        from console.store import decisions as rows

        from .decisions import evaluation_context

        found = conn.execute(
            "SELECT step, requested_at FROM plan_steps WHERE proposal_id = ? AND step_id = ?",
            (row.proposal_id, row.step_id),
        ).fetchone()
        if found is None:
            return None  # a compensation or an older row: decided elsewhere
        step = rows.step_adapter().validate_json(found[0])
        case = repo.get_case(conn, row.case_id)
        customer = repo.get_customer(conn, case.customer_id)
        skip = (row.proposal_id, [row.step_id])
        context = evaluation_context(
            case,
            customer,
            role=Role(row.approved_role),
            sandbox=self._sandbox,
            spent_case=rows.spent(conn, case_id=case.id, except_steps=skip, before=found[1]),
            spent_today=rows.spent(
                conn, requested_by=row.approved_by, except_steps=skip, before=found[1]
            ),
        )
        verdict = evaluate_plan(self._policies.active(), [step], context)[0]
        if may_approve(Role(row.approved_role), verdict.level, sandbox=self._sandbox):
            return None
        return (
            f"Not sent: under the authority map in force (version {verdict.policy_version}) "
            f"this step needs {verdict.level.value}: {verdict.clause} [rule {verdict.rule_id}]"
        )

    # -- recording ------------------------------------------------------------------------

    def _prepare(
        self, result: _Result, now: datetime
    ) -> tuple[dict[str, Any], TimelineEvent] | None:
        """A terminal outcome's audit payload and timeline event, built before the write
        transaction (model building does not hold the lock)."""
        if result.skipped or not result.terminal:
            return None
        row, finished = result.row, result.finished
        payload = {
            "execution_id": row.id,
            "decision_id": row.decision_id,
            "action": row.action,
            "destination": row.destination,
            "state": finished.state.value,
            "idempotency_key": row.idempotency_key,
            "payload_hash": row.payload_hash,
            "attempts": row.attempts,
            "remote_ref": finished.remote_ref,
            "error": finished.error,
        }
        event = TimelineEvent(
            id=f"{row.id}-{finished.state.value}-{row.attempts}",
            case_id=row.case_id,
            occurred_at=now,
            source=EventSource.TANDEM,
            actor=Actor(kind=ActorKind.SYSTEM, id=row.destination, name=row.destination),
            summary=_summary(row, finished)[:300],
            payload=ActionStatusPayload(
                execution_id=row.id,
                action=row.action,
                state=finished.state.value,
                remote_ref=finished.remote_ref,
                error=(finished.error or None) and finished.error[:2000],
            ),
        )
        return payload, event

    def _record(
        self,
        db: Any,
        prepared: Sequence[tuple[_Result, tuple[dict[str, Any], TimelineEvent] | None]],
        now: datetime,
    ) -> None:
        """Write some outcomes of a batch (the console sees them through the store)."""
        results = [r for r, _ in prepared]
        outbox.release(db, [r.row.id for r in results if r.skipped], now)
        results = [r for r in results if not r.skipped]
        outbox.finish(db, [r.finished for r in results], now)
        self._update_breakers(db, results, now)
        at = iso(now)
        for result, ready in prepared:
            if ready is None:
                continue
            payload, event = ready
            row = result.row
            audit_log.append(
                db.conn,
                kind="execution",
                actor_id="dispatcher",
                subject_ids=[row.case_id, row.id],
                payload=payload,
                recorded_at=at,
            )
            repo.append_events(db, row.case_id, [event])

    def _update_breakers(self, db: Any, results: Sequence[_Result], now: datetime) -> None:
        current = outbox.breakers(db.conn)
        by_destination: dict[str, list[_Result]] = {}
        for result in results:
            by_destination.setdefault(result.row.destination, []).append(result)
        threshold = self.settings.breaker_threshold
        for destination, outcomes in by_destination.items():
            breaker = current.get(destination) or outbox.Breaker(
                destination, "closed", 0, None, None, 0.0, 0
            )
            if any(r.counts_as_success for r in outcomes):
                if breaker.state != "closed" or breaker.failures:
                    breaker = outbox.Breaker(destination, "closed", 0, None, None, 0.0, 0)
                    outbox.put_breaker(db, breaker, now)
                continue
            failures = sum(r.counts_as_failure for r in outcomes)
            if not failures:
                continue
            if breaker.state == "closed":
                total = breaker.failures + failures
                if total >= threshold:
                    delay = self.settings.probe_delay
                    breaker = outbox.Breaker(
                        destination,
                        "open",
                        total,
                        iso(now),
                        iso(now + timedelta(seconds=delay)),
                        delay,
                        0,
                    )
                    log.warning("%s: circuit open after %d failures", destination, total)
                else:
                    breaker = outbox.Breaker(destination, "closed", total, None, None, 0.0, 0)
            else:  # a failed probe: wait longer before the next one
                delay = min(self.settings.max_probe_delay, max(breaker.probe_delay, 1.0) * 2)
                breaker = outbox.Breaker(
                    destination,
                    "open",
                    breaker.failures + failures,
                    breaker.opened_at,
                    iso(now + timedelta(seconds=delay)),
                    delay,
                    breaker.probes,
                )
            outbox.put_breaker(db, breaker, now)


def _summary(row: outbox.OutboxRow, finished: outbox.Finished) -> str:
    action = row.action.replace("_", " ")
    match finished.state:
        case ExecutionState.DELIVERED:
            return f"Done: {action} ({finished.remote_ref or row.destination})"
        case ExecutionState.RECONCILED:
            return f"Done (confirmed by lookup): {action} ({finished.remote_ref or '—'})"
        case ExecutionState.REJECTED:
            return f"Refused by {row.destination}: {action} — {finished.error or 'no reason'}"
        case ExecutionState.UNKNOWN_OUTCOME:
            return f"Outcome unknown: {action} — a person must check {row.destination}"
        case _:
            return f"{action}: {finished.state.value}"


# -- people's actions on the outbox ----------------------------------------------------------


async def retry_execution(
    store: Store, execution_id: str, by: Principal, *, sandbox: bool = False
) -> bool:
    """Send a rejected or unknown-outcome action again, with its original key."""
    require(by, Capability.APPROVE, sandbox=sandbox)
    now = utc_now()

    def write(db: Any) -> bool:
        done = outbox.set_state(
            db,
            execution_id,
            ExecutionState.PENDING,
            now,
            error=f"sent again by {by.user_id}",
            from_states=(ExecutionState.REJECTED, ExecutionState.UNKNOWN_OUTCOME),
        )
        if done:
            _audit_person(db, execution_id, by, "retry", now)
        return done

    return bool(await store.write(write))


async def cancel_execution(
    store: Store, execution_id: str, by: Principal, *, sandbox: bool = False
) -> bool:
    """Give up on an action that has not been done (pending, rejected or unknown)."""
    require(by, Capability.OVERRIDE, sandbox=sandbox)
    now = utc_now()

    def write(db: Any) -> bool:
        done = outbox.set_state(
            db,
            execution_id,
            ExecutionState.CANCELLED,
            now,
            error=f"cancelled by {by.user_id}",
            from_states=(
                ExecutionState.PENDING,
                ExecutionState.REJECTED,
                ExecutionState.UNKNOWN_OUTCOME,
            ),
        )
        if done:
            _audit_person(db, execution_id, by, "cancel", now)
        return done

    return bool(await store.write(write))


async def settle_unknown(
    store: Store, execution_id: str, by: Principal, *, done: bool, sandbox: bool = False
) -> bool:
    """A person checked the remote system: it was done (reconciled) or not (cancelled)."""
    require(by, Capability.OVERRIDE, sandbox=sandbox)
    now = utc_now()
    state = ExecutionState.RECONCILED if done else ExecutionState.CANCELLED

    def write(db: Any) -> bool:
        changed = outbox.set_state(
            db,
            execution_id,
            state,
            now,
            error=f"checked by {by.user_id}",
            from_states=(ExecutionState.UNKNOWN_OUTCOME,),
        )
        if changed:
            _audit_person(db, execution_id, by, f"settled:{state.value}", now)
        return changed

    return bool(await store.write(write))


def _audit_person(db: Any, execution_id: str, by: Principal, what: str, now: datetime) -> None:
    row = outbox.get(db.conn, execution_id)
    audit_log.append(
        db.conn,
        kind="execution",
        actor_id=by.user_id,
        subject_ids=[row.case_id if row else "", execution_id],
        payload={
            "execution_id": execution_id,
            "by": by.user_id,
            "role": by.role.value,
            "what": what,
        },
        recorded_at=iso(now),
    )
