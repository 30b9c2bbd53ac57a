"""What write-back looks like to people: each approved step's execution state and a
destination's breaker and queue, in plain translated words with a tone (context
"ExecutionText"); and :class:`StepExecutions`, which keeps the proposal panel's step cards
showing their live execution state and runs the cards' Retry / Cancel / Mark done /
Mark not done / Undo through the write-back and decision services.

Tones are those of the step cards: ``neutral``, ``ok``, ``warning``, ``danger``.
"""

from __future__ import annotations

import logging
from collections.abc import Coroutine
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from console.domain.errors import TandemError
from console.domain.kinds import ActionKind, ExecutionState, StepState, SystemName
from console.services.bus import ExecutionsChanged
from console.ui import labels
from console.ui.refusal_text import refusal

if TYPE_CHECKING:
    from console.services.dispatcher import BreakerView
    from console.store.outbox import OutboxRow
    from console.ui.decision_controls import DecisionControls
    from console.ui.proposal_steps import StepCard

log = logging.getLogger(__name__)

SLOT_LOAD = "proposal.executions"
SLOT_ACT = "proposal.executions.act"
DONE = frozenset({ExecutionState.DELIVERED, ExecutionState.RECONCILED})
# What a person may do with an execution in each state (the card's and the dock's buttons).
ACTIONS: dict[ExecutionState, tuple[str, ...]] = {
    ExecutionState.PENDING: ("cancel",),
    ExecutionState.REJECTED: ("retry", "cancel"),
    ExecutionState.UNKNOWN_OUTCOME: ("mark_done", "mark_not_done", "send_again"),
}
TONES: dict[ExecutionState, str] = {
    ExecutionState.PENDING: "neutral",
    ExecutionState.SENDING: "neutral",
    ExecutionState.DELIVERED: "ok",
    ExecutionState.RECONCILED: "ok",
    ExecutionState.REJECTED: "danger",
    ExecutionState.UNKNOWN_OUTCOME: "warning",
    ExecutionState.CANCELLED: "neutral",
}


def moment(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def reversible(row: OutboxRow) -> bool:
    """Whether Undo can work out the step that undoes this done action (the same check
    the decision service makes): an inventory change, a credit the accounts system named."""
    from console.services.decisions import undoable

    try:
        return undoable(row)
    except (KeyError, ValueError):
        return False


def actions_for(row: OutboxRow, undo: OutboxRow | None = None) -> tuple[str, ...]:
    """The buttons an execution gets: retry, send_again, cancel, mark_done, mark_not_done,
    undo (a done, reversible action not undone yet and not itself an undo)."""
    if row.state in DONE:
        undoable = undo is None and row.compensates is None and reversible(row)
        return ("undo",) if undoable else ()
    return ACTIONS.get(row.state, ())


class ExecutionText(QObject):
    """The words for executions and destinations."""

    def destination(self, name: str) -> str:
        """A destination as the outbox names it ("Refunds" for payments)."""
        return {
            "payments": self.tr("Refunds"),
            "orders": self.tr("Orders"),
            "tickets": self.tr("Tickets"),
            "logistics": self.tr("Logistics"),
            "inventory": self.tr("Inventory"),
            "accounts": self.tr("Account credits"),
            "tandem": self.tr("Tandem"),
        }.get(name, name)

    def system(self, name: str) -> str:
        """A destination as a system ("Payments")."""
        try:
            return labels.system(SystemName(name))
        except ValueError:
            return name

    def when(self, at: datetime, now: datetime | None = None) -> str:
        """A local clock time ("10:42"), with the date when it is not today."""
        local = at.astimezone()
        today = (now or labels.now()).astimezone().date()
        return local.strftime("%H:%M" if local.date() == today else "%Y-%m-%d %H:%M")

    def action(self, row: OutboxRow) -> str:
        try:
            return labels.action_kind(ActionKind(row.action))
        except ValueError:
            return row.action.replace("_", " ")

    def who(self, user_id: str, me: str | None) -> str:
        return self.tr("you") if user_id == me else user_id

    # --- one execution ----------------------------------------------------------------------
    def state(
        self,
        row: OutboxRow,
        *,
        breaker: BreakerView | None = None,
        undo: OutboxRow | None = None,
        running: bool = True,
        me: str | None = None,
        now: datetime | None = None,
    ) -> tuple[str, str]:
        """Where ``row`` stands, in a few words, and its tone."""
        now = now or labels.now()
        system = self.system(row.destination)
        state = row.state
        if undo is not None and state in DONE:
            who = self.who(undo.approved_by, me)
            if undo.state in DONE:
                return self.tr("Undone by %1").replace("%1", who), "neutral"
            inner, tone = self.state(undo, running=running, me=me, now=now)
            text = self.tr("Being undone by %1 — %2").replace("%1", who).replace("%2", inner)
            return text, tone
        if state is ExecutionState.PENDING:
            due = moment(row.next_attempt_at) or now
            if breaker is not None and breaker.state != "closed":
                if due > now:
                    text = self.tr("Waiting: %1 down, retry at %2")
                    return text.replace("%1", system).replace("%2", self.when(due, now)), "warning"
                text = self.tr("Waiting: %1 down; sent when it is back")
                return text.replace("%1", system), "warning"
            if row.attempts and due > now:
                text = self.tr("Waiting: attempt %1 failed, retry at %2")
                return (
                    text.replace("%1", str(row.attempts)).replace("%2", self.when(due, now)),
                    "warning",
                )
            if not running:
                text = self.tr("Queued for %1 — write-back is not running")
                return text.replace("%1", system), "warning"
            return self.tr("Queued for %1").replace("%1", system), "neutral"
        if state is ExecutionState.SENDING:
            return self.tr("Sending… (attempt %1)").replace("%1", str(max(1, row.attempts))), (
                "neutral"
            )
        if state is ExecutionState.DELIVERED:
            if row.remote_ref:
                return self.tr("Done — %1").replace("%1", row.remote_ref), "ok"
            return self.tr("Done"), "ok"
        if state is ExecutionState.RECONCILED:
            if row.remote_ref:
                return self.tr("Done (confirmed) — %1").replace("%1", row.remote_ref), "ok"
            return self.tr("Done (confirmed)"), "ok"
        if state is ExecutionState.REJECTED:
            error = row.last_error or self.tr("no reason given")
            text = self.tr("Refused by %1: %2").replace("%1", system).replace("%2", error)
            return text, "danger"
        if state is ExecutionState.UNKNOWN_OUTCOME:
            return self.tr("Outcome unknown — check %1").replace("%1", system), "warning"
        return self.tr("Cancelled"), "neutral"

    def details(self, row: OutboxRow) -> str:
        """The tooltip: attempts, the last error, the reference and the idempotency key."""
        lines = [
            self.tr("%1 in %2 · attempts: %3")
            .replace("%1", self.action(row))
            .replace("%2", self.system(row.destination))
            .replace("%3", str(row.attempts))
        ]
        if row.last_error:
            lines.append(self.tr("Last: %1").replace("%1", row.last_error))
        if row.remote_ref:
            lines.append(self.tr("Reference: %1").replace("%1", row.remote_ref))
        updated = moment(row.updated_at)
        if updated is not None:
            lines.append(self.tr("Updated %1").replace("%1", labels.exact(updated)))
        lines.append(self.tr("Idempotency key: %1").replace("%1", row.idempotency_key))
        return "\n".join(lines)

    # --- one destination --------------------------------------------------------------------
    def breaker(self, view: BreakerView, now: datetime | None = None) -> tuple[str, str]:
        """ "Refunds down since 10:42 — 37 queued", "Orders up — 0 queued", "Tickets: probing"."""
        title = self.destination(view.destination)
        queued = self.tr("%1 queued").replace("%1", str(view.queued))
        if view.state == "open":
            if view.opened_at is not None:
                text = self.tr("%1 down since %2 — %3").replace(
                    "%2", self.when(view.opened_at, now)
                )
            else:
                text = self.tr("%1 down — %3")
            return text.replace("%1", title).replace("%3", queued), "danger"
        if view.state == "half_open":
            text = self.tr("%1: probing — %2").replace("%1", title).replace("%2", queued)
            return text, "warning"
        text = self.tr("%1 up — %2").replace("%1", title).replace("%2", queued)
        return text, "warning" if view.failures else "ok"

    def breaker_details(self, view: BreakerView) -> str:
        lines = []
        if view.failures:
            lines.append(self.tr("%1 failures in a row").replace("%1", str(view.failures)))
        else:
            lines.append(self.tr("No failures"))
        if view.opened_at is not None:
            lines.append(self.tr("Down since %1").replace("%1", labels.exact(view.opened_at)))
        lines.append(self.tr("Actions waiting to be sent: %1").replace("%1", str(view.queued)))
        return "\n".join(lines)

    # --- outcomes of people's actions -------------------------------------------------------
    def acted(self, name: str, row: OutboxRow, changed: bool) -> tuple[str, str]:
        what = self.action(row)
        if not changed:
            return (
                self.tr("Nothing changed: %1 is no longer waiting for that.").replace("%1", what),
                "warning",
            )
        text = {
            "retry": self.tr("Sent again: %1, with its original key."),
            "send_again": self.tr("Sent again: %1, with its original key."),
            "cancel": self.tr("Cancelled: %1 will not be sent."),
            "mark_done": self.tr("Marked done: %1."),
            "mark_not_done": self.tr("Marked not done: %1 is cancelled."),
        }.get(name, "%1")
        return text.replace("%1", what), "ok"

    def undone(self, row: OutboxRow, waiting: bool) -> tuple[str, str]:
        if waiting:
            return (
                self.tr("Undo of %1 sent to a supervisor.").replace("%1", self.action(row)),
                "warning",
            )
        return self.tr("Undo of %1 approved: it is sent next.").replace(
            "%1", self.action(row)
        ), "ok"

    def refused(self, error: Exception) -> str:
        return self.tr("Not done: %1").replace("%1", refusal(error))

    def failed(self, error: Exception) -> str:
        return self.tr("Something went wrong: %1").replace("%1", str(error) or type(error).__name__)


class StepExecutions(QObject):
    """Keeps each step card showing its execution (matched by proposal and step) and runs
    the card's buttons; refreshes on ``ExecutionsChanged`` for the shown case."""

    refreshed = Signal()  # the cards show the loaded executions
    acted = Signal(str)  # a card's action finished (its name), whether or not it was refused

    def __init__(self, controls: DecisionControls) -> None:
        super().__init__(controls)
        self.controls = controls
        self.panel = controls.panel
        self.services = controls.services
        self.text = ExecutionText(self)
        self.rows: dict[tuple[str, str], OutboxRow] = {}  # (proposal id, step id) → row
        self.undos: dict[str, OutboxRow] = {}  # execution id → the row that undoes it
        self.breakers: dict[str, BreakerView] = {}
        self._unsubscribe = [self.services.bus.subscribe(ExecutionsChanged, self._changed)]

    def shutdown(self) -> None:
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe.clear()
        for slot in (SLOT_LOAD, SLOT_ACT):
            self.panel.slots.cancel(slot)

    def _changed(self, event: ExecutionsChanged) -> None:
        if self.panel.case_id is not None and self.panel.case_id in event.case_ids:
            self.reload()

    def clear(self) -> None:
        self.rows.clear()
        self.undos.clear()
        self.panel.slots.cancel(SLOT_LOAD)

    def reload(self) -> None:
        proposal = self.controls.proposal()
        if proposal is None:
            self.clear()
            return
        self.panel.slots.start(SLOT_LOAD, self._load(proposal))

    async def _load(self, proposal: Any) -> None:
        writeback = self.services.writeback
        rows = await writeback.executions(proposal.case_id)
        breakers = await writeback.destinations() if rows else []
        if self.panel.proposal is not proposal:
            return
        self.rows = {(r.proposal_id, r.step_id): r for r in rows}
        self.undos = {r.compensates: r for r in rows if r.compensates}
        self.breakers = {b.destination: b for b in breakers}
        self.render()
        self.refreshed.emit()

    def row(self, card: StepCard) -> OutboxRow | None:
        proposal = self.panel.proposal
        if proposal is None:
            return None
        return self.rows.get((proposal.id, card.step.step_id))

    def started(self, card: StepCard) -> bool:
        """The card's write-back has begun (it no longer merely waits to be sent)."""
        row = self.row(card)
        return row is not None and (row.state is not ExecutionState.PENDING or row.attempts > 0)

    def render(self) -> None:
        running = self.services.writeback.running
        me = self.services.principal().user_id
        busy = self.panel.slots.running(SLOT_ACT)
        for card in self.panel.cards:
            if not card.property("executionWired"):
                card.setProperty("executionWired", True)
                card.execution_requested.connect(partial(self.act, card))
            row = self.row(card)
            if row is None:
                card.set_execution("", "neutral", ())
                continue
            undo = self.undos.get(row.id)
            text, tone = self.text.state(
                row,
                breaker=self.breakers.get(row.destination),
                undo=undo,
                running=running,
                me=me,
            )
            card.set_execution(
                text, tone, actions_for(row, undo), self.text.details(row), enabled=not busy
            )
            if self.started(card) and self.controls.state(card) is StepState.APPROVED:
                card.set_decision(self.controls.text.approved_and_sent(), "ok")

    # --- the cards' buttons -----------------------------------------------------------------
    def act(self, card: StepCard, name: str) -> None:
        row = self.row(card)
        if row is None or self.panel.slots.running(SLOT_ACT):
            return
        writeback, by = self.services.writeback, self.services.principal()
        calls: dict[str, Any] = {
            "retry": lambda: writeback.retry(row.id, by),
            "send_again": lambda: writeback.retry(row.id, by),
            "cancel": lambda: writeback.cancel(row.id, by),
            "mark_done": lambda: writeback.settle(row.id, by, done=True),
            "mark_not_done": lambda: writeback.settle(row.id, by, done=False),
            "undo": lambda: self.services.decisions.undo(row.id, by),
        }
        if name not in calls:
            return
        self.panel.slots.start(SLOT_ACT, self._act(name, row, calls[name](), self.panel.case_id))
        self.render()

    async def _act(
        self, name: str, row: OutboxRow, call: Coroutine[Any, Any, Any], case_id: str | None
    ) -> None:
        try:
            result = await call
        except TandemError as error:  # NotPermitted, InvalidInput, ConflictError, NotFound
            text, tone = self.text.refused(error), "danger"
        except Exception as error:  # never a crash, never silent
            log.exception("an execution action (%s) failed", name)
            text, tone = self.text.failed(error), "danger"
        else:
            if name == "undo":
                text, tone = self.text.undone(row, bool(result.awaiting_supervisor))
            else:
                text, tone = self.text.acted(name, row, bool(result))
        if case_id == self.panel.case_id:
            self.controls.say(text, tone)
        self.panel.slots.start(SLOT_LOAD, self._after(case_id))
        self.acted.emit(name)

    async def _after(self, case_id: str | None) -> None:
        proposal = self.controls.proposal()
        if proposal is not None and proposal.case_id == case_id:
            await self._load(proposal)
        else:
            self.render()
