"""The stop button: a supervisor pauses the AI entirely, or one action type.

A pause is stored (``pauses``), put on the audit trail and published on the bus at once, so
it takes effect before the call returns: planning holds the cases it would have planned
(nothing is lost; resuming plans them) and no step of a paused action type can be approved
or sent. Another process (the dispatcher) sees it by calling :meth:`refresh`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from console.domain.base import utc_now
from console.domain.kinds import ActionKind
from console.store import Store
from console.store import audit as audit_log
from console.store import decisions as rows
from console.store.queries import iso

from .bus import EventBus, PauseChanged
from .roles import Capability, Principal, require

__all__ = ["ALL", "ControlService", "Pause", "PauseChanged"]

ALL = "*"  # the scope of a pause of the whole AI


@dataclass(frozen=True, slots=True)
class Pause:
    scope: str  # ALL or an action type's value
    paused_by: str
    paused_at: datetime
    reason: str | None


def _scope(scope: ActionKind | str) -> str:
    if scope == ALL:
        return ALL
    return ActionKind(scope).value  # ValueError names an unknown action type


class ControlService:
    def __init__(self, store: Store, bus: EventBus, *, sandbox: bool = False) -> None:
        self._store = store
        self._bus = bus
        self._sandbox = sandbox
        self._pauses: dict[str, Pause] = {}
        self.refresh()

    def refresh(self) -> None:
        """Re-read the pauses from the store (another process may have changed them)."""
        self._pauses = {
            row.scope: Pause(
                row.scope, row.paused_by, datetime.fromisoformat(row.paused_at), row.reason
            )
            for row in rows.pauses(self._store.reader())
        }

    @property
    def pauses(self) -> dict[str, Pause]:
        return dict(self._pauses)

    @property
    def ai_paused(self) -> bool:
        return ALL in self._pauses

    def paused_for(self, action: ActionKind | str) -> Pause | None:
        """The pause of ``action``'s type, if any. (Pausing the whole AI stops planning and
        anything the AI would do alone; people may still decide on plans already shown.)"""
        return self._pauses.get(ActionKind(action).value)

    async def pause(
        self, by: Principal, scope: ActionKind | str = ALL, reason: str | None = None
    ) -> Pause:
        require(by, Capability.PAUSE_AI, sandbox=self._sandbox)
        key = _scope(scope)
        if key in self._pauses:
            return self._pauses[key]
        pause = Pause(key, by.user_id, utc_now(), (reason or "").strip() or None)
        self._pauses[key] = pause  # in force now, before the write lands
        try:
            await self._store.write(lambda db: _put(db, pause))
        except BaseException:
            self._pauses.pop(key, None)
            raise
        self._bus.publish(PauseChanged(key, True))
        return pause

    async def resume(self, by: Principal, scope: ActionKind | str = ALL) -> None:
        require(by, Capability.PAUSE_AI, sandbox=self._sandbox)
        key = _scope(scope)
        if key not in self._pauses:
            return
        await self._store.write(lambda db: _remove(db, key, by.user_id))
        self._pauses.pop(key, None)
        self._bus.publish(PauseChanged(key, False))


def _put(db: Any, pause: Pause) -> None:
    at = iso(pause.paused_at)
    if rows.put_pause(db, rows.PauseRow(pause.scope, pause.paused_by, at, pause.reason)):
        audit_log.append(
            db.conn,
            kind="pause",
            actor_id=pause.paused_by,
            subject_ids=[f"scope:{pause.scope}"],
            payload={"scope": pause.scope, "paused": True, "reason": pause.reason},
            recorded_at=at,
        )


def _remove(db: Any, scope: str, by: str) -> None:
    if rows.remove_pause(db, scope):
        audit_log.append(
            db.conn,
            kind="pause",
            actor_id=by,
            subject_ids=[f"scope:{scope}"],
            payload={"scope": scope, "paused": False},
            recorded_at=iso(utc_now()),
        )
