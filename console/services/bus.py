"""A plain-Python event bus: services publish, the UI (or a CLI, or a test) subscribes.

Callbacks run synchronously in the thread that publishes; services publish from the
asyncio loop's thread only, so UI subscribers may touch widgets directly.
This is also the message bridge: any layer can tell the user something without widgets.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar

log = logging.getLogger(__name__)

E = TypeVar("E")


class Level(StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class UserMessage:
    """Something the user should read (shown in the status bar or a dialog)."""

    level: Level
    text: str


@dataclass(frozen=True, slots=True)
class CasesChanged:
    """Cases were added or changed; the queue should refresh these ids."""

    case_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class EventsAppended:
    """New events were appended to a case's timeline, up to ``last_seq``."""

    case_id: str
    last_seq: int


@dataclass(frozen=True, slots=True)
class Progress:
    """A long operation moved on. ``total`` is 0 while unknown."""

    task: str
    done: int
    total: int

    @property
    def finished(self) -> bool:
        return self.total > 0 and self.done >= self.total


class EventBus:
    def __init__(self) -> None:
        self._subscribers: dict[type[Any], list[Callable[[Any], None]]] = defaultdict(list)

    def subscribe(self, event_type: type[E], callback: Callable[[E], None]) -> Callable[[], None]:
        """Call ``callback`` for every published ``event_type``; returns the unsubscribe."""
        self._subscribers[event_type].append(callback)

        def unsubscribe() -> None:
            subscribers = self._subscribers[event_type]
            if callback in subscribers:
                subscribers.remove(callback)

        return unsubscribe

    def publish(self, event: object) -> None:
        for callback in list(self._subscribers.get(type(event), ())):
            try:
                callback(event)
            except Exception:  # a broken subscriber must not break the publisher
                log.exception("subscriber %r failed on %r", callback, event)

    def tell(self, level: Level, text: str) -> None:
        self.publish(UserMessage(level, text))


@dataclass(frozen=True, slots=True)
class CustomerMessage:
    """A customer wrote to us on a case (published by live ingest, once per message)."""

    case_id: str
    summary: str
    owner_kind: str  # "ai", "agent" or "system"
    owner_id: str | None


@dataclass(frozen=True, slots=True)
class Quarantined:
    """An inbound event could not be used; it was kept in the quarantine with its reason."""

    feed: str
    reason: str


@dataclass(frozen=True, slots=True)
class FeedStatus:
    """A live feed connected, fell behind, or lost its connection (and will retry)."""

    feed: str
    state: str  # "connecting", "live", "retrying", "stopped"
    detail: str = ""


@dataclass(frozen=True, slots=True)
class ProposalReady:
    """A new proposal for a case is stored (and on its timeline)."""

    case_id: str
    proposal_id: str


@dataclass(frozen=True, slots=True)
class PlanningText:
    """A piece of text a language model is streaming while it plans a case."""

    case_id: str
    text: str


# -- decisions, the stop button, the authority map, write-back --------------------------------
# Defined here, with no dependency beyond the standard library, so that the window can
# subscribe to them without importing the services (and pydantic) before its first frame.


@dataclass(frozen=True, slots=True)
class DecisionsChanged:
    """A decision was recorded on a case."""

    case_id: str
    proposal_id: str | None


@dataclass(frozen=True, slots=True)
class ApprovalsChanged:
    """The supervisors' queue changed."""


@dataclass(frozen=True, slots=True)
class PauseChanged:
    """The AI (scope ``"*"``) or one action type was paused or resumed."""

    scope: str
    paused: bool


@dataclass(frozen=True, slots=True)
class PolicyChanged:
    """A new version of the authority map was published."""

    version: int


@dataclass(frozen=True, slots=True)
class ExecutionsChanged:
    """Outbox rows of these cases changed state."""

    case_ids: tuple[str, ...]
