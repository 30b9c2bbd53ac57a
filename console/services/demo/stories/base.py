"""What a journey adds to the arc every demo escalation follows (see :mod:`..arc`)."""

from __future__ import annotations

from abc import ABC, abstractmethod

from ..builder import CaseBuilder


class Story(ABC):
    """The journey-specific parts of a case's story; one instance serves every case."""

    parcel = False  # a parcel was sent: a goodwill refund may come before the agent's reply

    @abstractmethod
    def before_contact(self, b: CaseBuilder) -> None:
        """What happened before the customer got in touch; sets ``b.contact_gap``."""

    def contradiction(self, b: CaseBuilder) -> tuple[str, str | None]:
        """What the customer adds to their first message when the systems contradict them,
        and what the bot answers instead of its usual status (None: the usual status)."""
        return "", None

    def evidence(self, b: CaseBuilder) -> tuple[str, ...]:
        """Files the customer attaches when telling the story again by e-mail."""
        return ()

    @abstractmethod
    def middle(self, b: CaseBuilder) -> None:
        """What the systems do while the desk works on the case (never for new cases)."""

    @abstractmethod
    def wait_on_system(self, b: CaseBuilder) -> str:
        """The request a case waiting on a system waits for; returns that system's id."""

    @abstractmethod
    def resolve(self, b: CaseBuilder, gap: int) -> None:
        """How the problem is put right, starting ``gap`` seconds after the last step."""
