"""Read first, then approve: Approve works only once each step's authority badge has been on
screen and the reasoning is (all of it, or its first :data:`READ_MIN_PX` pixels).

The check runs again whenever the plan scrolls, resizes or is laid out anew. A shortcut
pressed too early scrolls to what is still unread and says so instead of approving.
:class:`~console.ui.decision_controls.DecisionControls` mixes this in; it resets ``seen``
and ``read`` when another proposal is shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from console.domain.proposal import Proposal
    from console.services import Services
    from console.ui.decision_text import DecisionText
    from console.ui.proposal_panel import ProposalPanel
    from console.ui.proposal_steps import StepCard

READ_MIN_PX = 48  # this much of the reasoning (or all of it, if shorter) must be on screen


def visible_height(widget: QWidget) -> int:
    """How many pixels of ``widget`` are on screen now (0 when hidden or scrolled away)."""
    if not widget.isVisible():
        return 0
    region = widget.visibleRegion()
    return 0 if region.isEmpty() else region.boundingRect().height()


class ReadingGuard:
    """Whether the person has read the plan, for the controls (see DecisionControls)."""

    panel: ProposalPanel
    services: Services
    text: DecisionText
    seen: set[str]  # step ids whose authority badge has been on screen
    read: bool  # the reasoning is on screen and every badge has been
    _check_timer: QTimer

    if TYPE_CHECKING:

        def proposal(self) -> Proposal | None: ...
        def say(self, text: str, tone: str = "neutral") -> None: ...
        def update_state(self) -> None: ...

    def _watch_reading(self, panel: ProposalPanel) -> None:
        """Check again whenever ``panel``'s plan scrolls, resizes or is laid out anew."""
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(0)
        self._check_timer.timeout.connect(self.check_reading)
        scroll = panel.scroll
        scroll.verticalScrollBar().valueChanged.connect(self.schedule_check)
        scroll.verticalScrollBar().rangeChanged.connect(self.schedule_check)
        for watched in (panel, scroll.viewport(), scroll.widget()):
            watched.installEventFilter(self)

    def schedule_check(self, *_args: object) -> None:
        self._check_timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Show, QEvent.Type.Resize, QEvent.Type.LayoutRequest):
            self.schedule_check()
        return False

    def check_reading(self) -> None:
        """Enable Approve once each step's badge has been on screen and the reasoning is."""
        proposal = self.proposal()
        if proposal is None or not self.panel.scroll.isVisible():
            self._set_read(False)
            return
        self.services.decisions.presented(proposal.id)
        for card in self.panel.cards:
            badge = card.verdict
            if badge.height() and visible_height(badge) >= badge.height():
                self.seen.add(card.step.step_id)
        self._set_read(self.reasoning_on_screen() and not self.unseen())

    def reasoning_on_screen(self) -> bool:
        reasoning = self.panel.reasoning
        if not reasoning.isVisible() or reasoning.height() == 0:
            return True  # nothing to read
        return visible_height(reasoning) >= min(reasoning.height(), READ_MIN_PX)

    def unseen(self) -> list[StepCard]:
        return [c for c in self.panel.cards if c.step.step_id not in self.seen]

    def _set_read(self, read: bool) -> None:
        if read != self.read:
            self.read = read
            self.update_state()

    def _show_unread(self) -> None:
        """Scroll to what is unread and say so (the shortcut pressed too early)."""
        unseen = self.unseen()
        scroll = self.panel.scroll
        if unseen:
            scroll.ensureWidgetVisible(unseen[0].verdict, 10, 40)
            self.say(self.text.look_at_steps(), "warning")
        else:
            scroll.ensureWidgetVisible(self.panel.reasoning, 0, 10)
            self.say(self.text.read_first(), "warning")
        self.schedule_check()
