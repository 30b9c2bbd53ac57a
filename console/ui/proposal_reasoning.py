"""Why the AI proposes its plan: claims with their policy clauses and citation chips, the
alternatives it considered and why not, and the questions to ask the customer.

A citation chip names a timeline event; activating it emits ``cited`` with the event id
(the window reveals it). A chip for an event this store does not hold is disabled and says
so. Model text is plain text throughout.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from console.ui.proposal_steps import plain

if TYPE_CHECKING:
    from console.domain.proposal import Proposal

CHIPS_PER_ROW = 4

Locate = Callable[[str], "int | None"]  # event id -> its seq in the open case, or None


class ReasoningView(QWidget):
    cited = Signal(str)  # an event id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chips: list[QPushButton] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)

    def show_proposal(self, proposal: Proposal, locate: Locate) -> None:
        self._clear()
        if proposal.reasoning:
            self._section(self.tr("Why"))
            for step in proposal.reasoning:
                self._claim(step.claim, step.policy_clause, step.evidence_event_ids, locate)
        if proposal.alternatives:
            self._section(self.tr("Alternatives considered"))
            for alternative in proposal.alternatives:
                self._layout.addWidget(plain(alternative.description, "alternative", self))
                why_not = plain(
                    self.tr("Why not: %1").replace("%1", alternative.why_not), "whyNot", self
                )
                self._layout.addWidget(why_not)
        if proposal.questions:
            self._section(self.tr("Ask the customer"))
            for question in proposal.questions:
                self._layout.addWidget(plain(f"• {question}", "question", self))

    def _clear(self) -> None:
        self.chips.clear()
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()
            elif item.layout() is not None:
                _delete_layout(item.layout())

    def _section(self, title: str) -> None:
        self._layout.addSpacing(6)
        self._layout.addWidget(plain(title, "sectionTitle", self, wrap=False))

    def _claim(self, claim: str, clause: str | None, event_ids: list[str], locate: Locate) -> None:
        self._layout.addWidget(plain(claim, "claim", self))
        if clause:
            self._layout.addWidget(
                plain(self.tr("Policy: %1").replace("%1", clause), "policyClause", self)
            )
        row: QHBoxLayout | None = None
        for n, event_id in enumerate(event_ids):
            if n % CHIPS_PER_ROW == 0:
                row = QHBoxLayout()
                row.setSpacing(4)
                row.setContentsMargins(0, 0, 0, 2)
                self._layout.addLayout(row)
            assert row is not None
            row.addWidget(self._chip(event_id, locate(event_id)))
            if n % CHIPS_PER_ROW == CHIPS_PER_ROW - 1 or n == len(event_ids) - 1:
                row.addStretch(1)

    def _chip(self, event_id: str, seq: int | None) -> QPushButton:
        chip = QPushButton(self, objectName="citation")
        chip.setCursor(Qt.CursorShape.PointingHandCursor)
        chip.setProperty("event_id", event_id)
        if seq is None:
            chip.setText(event_id)
            chip.setEnabled(False)
            tip = self.tr("Event %1 is not in this case's timeline.").replace("%1", event_id)
        else:
            chip.setText(self.tr("event #%1").replace("%1", str(seq)))
            tip = self.tr("Show event %1 in the timeline").replace("%1", event_id)
            chip.clicked.connect(lambda _checked=False, e=event_id: self.cited.emit(e))
        chip.setToolTip(tip)
        chip.setAccessibleName(tip)
        self.chips.append(chip)
        return chip


def _delete_layout(layout: object) -> None:
    from PySide6.QtWidgets import QLayout

    if not isinstance(layout, QLayout):
        return
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.deleteLater()
        elif item.layout() is not None:
            _delete_layout(item.layout())
    layout.deleteLater()
