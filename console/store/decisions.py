"""Reads and writes of decisions, plan step states, instructions, authority map versions
and pauses. Writers run inside the store's write transaction (``db``: the writer's
sqlite_utils Database); readers take a plain connection.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from functools import cache

import sqlite_utils
from pydantic import TypeAdapter

from console.domain.actions import ACTION_TYPES, PlanStep, step_amount
from console.domain.authority import Verdict
from console.domain.kinds import StepState
from console.domain.proposal import Decision, Proposal

from .queries import iso, local_day

__all__ = [
    "PauseRow",
    "PolicyRow",
    "StepRow",
    "active_instructions",
    "add_instruction",
    "decisions_for_case",
    "get_proposal",
    "pauses",
    "policy_rows",
    "put_decision",
    "put_pause",
    "put_policy",
    "put_step",
    "remove_pause",
    "spent",
    "step_rows",
    "waiting_steps",
]


@dataclass(frozen=True)
class StepRow:
    proposal_id: str
    step_id: str
    case_id: str
    state: StepState
    step: PlanStep
    verdict: Verdict
    requested_by: str
    requested_at: str
    decided_by: str | None
    decided_at: str | None
    decision_id: str


@dataclass(frozen=True)
class PolicyRow:
    version: int
    effective_from: str
    author: str
    note: str | None
    source: str
    published_by: str
    published_at: str


@dataclass(frozen=True)
class PauseRow:
    scope: str  # "*" or an action type
    paused_by: str
    paused_at: str
    reason: str | None


# -- proposals and decisions ----------------------------------------------------------


def get_proposal(conn: sqlite3.Connection, proposal_id: str) -> Proposal | None:
    row = conn.execute("SELECT data FROM proposals WHERE id = ?", (proposal_id,)).fetchone()
    return Proposal.model_validate_json(row[0]) if row else None


def put_decision(db: sqlite_utils.Database, decision: Decision) -> None:
    db.execute(
        "INSERT INTO decisions (id, case_id, proposal_id, actor_id, role, kind, decided_at,"
        " time_to_decide_ms, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            decision.id,
            decision.case_id,
            decision.proposal_id,
            decision.actor.id,
            decision.role.value,
            decision.kind.value,
            iso(decision.decided_at),
            decision.time_to_decide_ms,
            decision.model_dump_json(),
        ),
    )


def decisions_for_case(conn: sqlite3.Connection, case_id: str) -> list[Decision]:
    rows = conn.execute(
        "SELECT data FROM decisions WHERE case_id = ? ORDER BY decided_at, rowid", (case_id,)
    ).fetchall()
    return [Decision.model_validate_json(row[0]) for row in rows]


# -- plan step states -------------------------------------------------------------------

_STEP_COLUMNS = (
    "proposal_id, step_id, case_id, state, step, verdict, requested_by, requested_at,"
    " decided_by, decided_at, decision_id"
)


@cache
def step_adapter() -> TypeAdapter[PlanStep]:
    """Validates a plan step (built once: building an adapter costs milliseconds)."""
    return TypeAdapter(PlanStep)


def _step_row(row: sqlite3.Row | tuple[object, ...]) -> StepRow:
    adapter = step_adapter()
    return StepRow(
        proposal_id=str(row[0]),
        step_id=str(row[1]),
        case_id=str(row[2]),
        state=StepState(str(row[3])),
        step=adapter.validate_json(str(row[4])),
        verdict=Verdict.model_validate_json(str(row[5])),
        requested_by=str(row[6]),
        requested_at=str(row[7]),
        decided_by=None if row[8] is None else str(row[8]),
        decided_at=None if row[9] is None else str(row[9]),
        decision_id=str(row[10]),
    )


def put_step(
    db: sqlite_utils.Database,
    *,
    proposal_id: str,
    case_id: str,
    step: PlanStep,
    verdict: Verdict,
    state: StepState,
    requested_by: str,
    requested_at: datetime,
    decided_by: str | None,
    decided_at: datetime | None,
    decision_id: str,
) -> None:
    """Insert or update one step's state (the first requester and time are kept), and
    the running totals of money on its case and its requester's day. Money taken back
    (a credit reversed) counts towards no cap: neither kept with the step nor summed."""
    money = step_amount(step) if ACTION_TYPES[step.action].moves_money else None
    if money is not None and money.amount < 0:
        money = None
    before = db.execute(
        "SELECT state, currency, amount, requested_by, requested_at FROM plan_steps"
        " WHERE proposal_id = ? AND step_id = ?",
        (proposal_id, step.step_id),
    ).fetchone()
    if before is not None and before[0] in COUNTED and before[2] is not None:
        _add_total(db, case_id, before[3], before[4], before[1], -_thousandths(before[2]))
    if state.value in COUNTED and money is not None:
        asked_by = before[3] if before is not None else requested_by
        asked_at = before[4] if before is not None else iso(requested_at)
        _add_total(db, case_id, asked_by, asked_at, money.currency, _thousandths(money.amount))
    db.execute(
        "INSERT INTO plan_steps (proposal_id, step_id, case_id, action, state, level, step,"
        " verdict, currency, amount, requested_by, requested_at, decided_by, decided_at,"
        " decision_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT(proposal_id, step_id) DO UPDATE SET state = excluded.state,"
        " level = excluded.level, step = excluded.step, verdict = excluded.verdict,"
        " currency = excluded.currency, amount = excluded.amount,"
        " decided_by = excluded.decided_by, decided_at = excluded.decided_at,"
        " decision_id = excluded.decision_id",
        (
            proposal_id,
            step.step_id,
            case_id,
            step.action.value,
            state.value,
            verdict.level.value,
            step.model_dump_json(),
            verdict.model_dump_json(),
            None if money is None else money.currency,
            None if money is None else str(money.amount),
            requested_by,
            iso(requested_at),
            decided_by,
            None if decided_at is None else iso(decided_at),
            decision_id,
        ),
    )


COUNTED = frozenset({StepState.APPROVED.value, StepState.AWAITING_SUPERVISOR.value})


def _thousandths(amount: Decimal | str) -> int:
    return int(Decimal(amount) * 1000)


def _add_total(
    db: sqlite_utils.Database,
    case_id: str,
    requested_by: str,
    requested_at: str,
    currency: str,
    thousandths: int,
) -> None:
    for scope, key, day in (
        ("case", case_id, ""),
        ("agent", requested_by, local_day(requested_at)),
    ):
        db.execute(
            "INSERT INTO spend_totals (scope, key, day, currency, thousandths)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT(scope, key, day, currency)"
            " DO UPDATE SET thousandths = thousandths + excluded.thousandths",
            (scope, key, day, currency, thousandths),
        )


def step_rows(conn: sqlite3.Connection, proposal_id: str) -> dict[str, StepRow]:
    rows = conn.execute(
        f"SELECT {_STEP_COLUMNS} FROM plan_steps WHERE proposal_id = ?", (proposal_id,)
    ).fetchall()
    return {row[1]: _step_row(row) for row in rows}


def waiting_steps(conn: sqlite3.Connection, limit: int = 500) -> list[StepRow]:
    """Steps awaiting a supervisor, oldest first."""
    # The state is written out (not a parameter) so that SQLite reads the partial index
    # plan_steps_waiting, which holds only the waiting steps, already in this order.
    rows = conn.execute(
        f"SELECT {_STEP_COLUMNS} FROM plan_steps WHERE state = 'awaiting_supervisor'"
        " ORDER BY requested_at, proposal_id, step_id LIMIT ?",
        (limit,),
    ).fetchall()
    return [_step_row(row) for row in rows]


def spent(
    conn: sqlite3.Connection,
    *,
    case_id: str | None = None,
    requested_by: str | None = None,
    since: datetime | None = None,
    except_steps: tuple[str, Sequence[str]] | None = None,
    before: str | None = None,
) -> dict[str, Decimal]:
    """Money of approved steps and steps awaiting a supervisor, per currency: on a case,
    or asked for by one person since a time (their day). ``except_steps``: (proposal id,
    step ids) left out — the steps being decided, which the engine adds itself.

    A case's total and a person's day (``since`` their local midnight) come from the
    running totals, so an approval costs the same on a busy day as on a quiet one; other
    questions (``before``) are summed from the steps themselves."""
    fast = _from_totals(conn, case_id, requested_by, since, except_steps, before)
    if fast is not None:
        return fast
    where = ["state IN (?, ?)", "amount IS NOT NULL"]
    args: list[object] = [StepState.APPROVED.value, StepState.AWAITING_SUPERVISOR.value]
    if case_id is not None:
        where.append("case_id = ?")
        args.append(case_id)
    if requested_by is not None:
        where.append("requested_by = ?")
        args.append(requested_by)
    if since is not None:
        where.append("requested_at >= ?")
        args.append(iso(since))
    if before is not None:  # only steps asked for earlier (an ISO time)
        where.append("requested_at < ?")
        args.append(before)
    if except_steps is not None:
        where.append("NOT (proposal_id = ? AND step_id IN (SELECT value FROM json_each(?)))")
        args += [except_steps[0], json.dumps(list(except_steps[1]))]
    # Summed by SQLite in thousandths, exactly: amounts have at most 3 decimal places and
    # at most 14 digits, so each is an integer well inside a double's exact range.
    totals: dict[str, Decimal] = {}
    for currency, thousandths in conn.execute(
        "SELECT currency, sum(CAST(round(CAST(amount AS REAL) * 1000) AS INTEGER))"
        f" FROM plan_steps WHERE {' AND '.join(where)} GROUP BY currency",
        args,
    ):
        totals[currency] = Decimal(int(thousandths)) / 1000
    return totals


def _from_totals(
    conn: sqlite3.Connection,
    case_id: str | None,
    requested_by: str | None,
    since: datetime | None,
    except_steps: tuple[str, Sequence[str]] | None,
    before: str | None,
) -> dict[str, Decimal] | None:
    if before is not None:
        return None
    if case_id is not None and requested_by is None and since is None:
        scope, key, day = "case", case_id, ""
    elif case_id is None and requested_by is not None and since is not None:
        local = since.astimezone()
        if local != local.replace(hour=0, minute=0, second=0, microsecond=0):
            return None  # not a day: sum the steps
        scope, key, day = "agent", requested_by, local.date().isoformat()
    else:
        return None
    totals = {
        currency: int(thousandths)
        for currency, thousandths in conn.execute(
            "SELECT currency, thousandths FROM spend_totals"
            " WHERE scope = ? AND key = ? AND day = ?",
            (scope, key, day),
        )
    }
    if except_steps is not None and except_steps[1]:
        for cur, amount, asked_by, asked_at, case in conn.execute(
            "SELECT currency, amount, requested_by, requested_at, case_id FROM plan_steps"
            " WHERE proposal_id = ? AND step_id IN (SELECT value FROM json_each(?))"
            " AND state IN (?, ?) AND amount IS NOT NULL",
            (except_steps[0], json.dumps(list(except_steps[1])), *sorted(COUNTED)),
        ):
            counted = (
                (case == key)
                if scope == "case"
                else (asked_by == key and local_day(asked_at) == day)
            )
            if counted:
                totals[cur] = totals.get(cur, 0) - _thousandths(amount)
    return {cur: Decimal(value) / 1000 for cur, value in totals.items() if value}


# -- instructions -----------------------------------------------------------------------


def add_instruction(
    db: sqlite_utils.Database, case_id: str, text: str, given_by: str, given_at: datetime
) -> None:
    db.execute(
        "INSERT INTO instructions (case_id, text, given_by, given_at) VALUES (?, ?, ?, ?)",
        (case_id, text, given_by, iso(given_at)),
    )


def active_instructions(conn: sqlite3.Connection, case_id: str) -> list[str]:
    rows = conn.execute(
        "SELECT text FROM instructions WHERE case_id = ? AND active = 1 ORDER BY id", (case_id,)
    ).fetchall()
    return [str(row[0]) for row in rows]


# -- authority map versions ---------------------------------------------------------------


def put_policy(db: sqlite_utils.Database, row: PolicyRow) -> None:
    db.execute(
        "INSERT INTO policies (version, effective_from, author, note, source, published_by,"
        " published_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            row.version,
            row.effective_from,
            row.author,
            row.note,
            row.source,
            row.published_by,
            row.published_at,
        ),
    )


def policy_rows(conn: sqlite3.Connection) -> list[PolicyRow]:
    rows = conn.execute(
        "SELECT version, effective_from, author, note, source, published_by, published_at"
        " FROM policies ORDER BY version"
    ).fetchall()
    return [PolicyRow(*row) for row in rows]


# -- pauses -------------------------------------------------------------------------------


def pauses(conn: sqlite3.Connection) -> list[PauseRow]:
    rows = conn.execute(
        "SELECT scope, paused_by, paused_at, reason FROM pauses ORDER BY scope"
    ).fetchall()
    return [PauseRow(*row) for row in rows]


def put_pause(db: sqlite_utils.Database, row: PauseRow) -> bool:
    cursor = db.execute(
        "INSERT OR IGNORE INTO pauses (scope, paused_by, paused_at, reason) VALUES (?, ?, ?, ?)",
        (row.scope, row.paused_by, row.paused_at, row.reason),
    )
    return bool(cursor.rowcount)


def remove_pause(db: sqlite_utils.Database, scope: str) -> bool:
    return bool(db.execute("DELETE FROM pauses WHERE scope = ?", (scope,)).rowcount)
