"""The case header: customer · journey · status · owner · SLA countdown · sentiment (why)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from console.domain.kinds import SentimentLabel
from console.services.cases import CaseDetail
from console.ui import labels
from console.ui.sentiment_reason import cue_text, reason_text

if TYPE_CHECKING:
    from console.policy.sentiment import Cue, SentimentReading

TICK_MS = 1000


def _restyle(widget: QWidget) -> None:
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class CaseHeader(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseHeader")
        self.setAccessibleName(self.tr("Case header"))
        self._detail: CaseDetail | None = None
        self._reading: tuple[str, SentimentReading] | None = None  # (case id, reading)

        self.title = QLabel(self.tr("No case open"), objectName="caseTitle")
        self.subject = QLabel(self.tr("Pick a case from the queue."), objectName="caseSubject")
        self.title.setAccessibleName(self.tr("Customer"))
        self.subject.setAccessibleName(self.tr("Subject"))
        names = QVBoxLayout()
        names.setSpacing(2)
        names.addWidget(self.title)
        names.addWidget(self.subject)

        self.journey = self._value()
        self.status = self._value()
        self.owner = self._value()
        self.priority = self._value()
        self.sla = self._value("slaValue")
        self.sentiment = self._value("sentimentChip")
        self.reason = QLabel("", objectName="sentimentReason")
        self.reason.setMaximumWidth(360)
        facts = QGridLayout()
        facts.setHorizontalSpacing(22)
        facts.setVerticalSpacing(1)
        pairs = (
            (self.tr("Journey"), self.journey),
            (self.tr("Status"), self.status),
            (self.tr("Owner"), self.owner),
            (self.tr("Priority"), self.priority),
            (self.tr("SLA"), self.sla),
            (self.tr("Sentiment"), self.sentiment),
        )
        for column, (caption, value) in enumerate(pairs):
            facts.addWidget(QLabel(caption, objectName="headerLabel"), 0, column)
            facts.addWidget(value, 1, column)
            value.setAccessibleName(caption)
        facts.addWidget(self.reason, 2, 0, 1, len(pairs))

        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.setSpacing(24)
        layout.addLayout(names, 1)
        layout.addLayout(facts)
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self._tick)
        self.show_detail(None)

    def _value(self, name: str = "headerValue") -> QLabel:
        return QLabel("—", objectName=name)

    @property
    def detail(self) -> CaseDetail | None:
        return self._detail

    def show_detail(self, detail: CaseDetail | None) -> None:
        if detail is None or self._reading is None or self._reading[0] != detail.case.id:
            self._reading = None
        self._detail = detail
        facts = (self.journey, self.status, self.owner, self.priority, self.sla, self.sentiment)
        if detail is None:
            self.title.setText(self.tr("No case open"))
            self.subject.setText(self.tr("Pick a case from the queue."))
            for label in facts:
                label.setText("—")
            self.reason.clear()
            self._ticker.stop()
            return
        case, customer = detail.case, detail.customer
        self.title.setText(customer.name)
        self.subject.setText(f"{case.subject}  ·  {case.id}")
        self.journey.setText(labels.journey(case.journey))
        self.status.setText(labels.status(case.status))
        self.owner.setText(labels.owner(case.owner.kind, case.owner.id))
        self.priority.setText(labels.priority(case.priority))
        if self._reading is not None:  # the same case again: keep the digest's reading
            self.show_reading(self._reading[1])
        elif case.sentiment is None:
            self.show_sentiment(None, "", ())
        else:
            # The stored reason is an English sentence: shown to English readers only, until
            # the digest's reading (with its cues, in any language) arrives.
            english = QLocale().language() in (QLocale.Language.English, QLocale.Language.C)
            reason = case.sentiment.reason if english else ""
            self.show_sentiment(case.sentiment.label, reason, ())
        self.sla.setToolTip(self.tr("Due %1").replace("%1", labels.exact(case.sla_due_at)))
        self._tick()
        self._ticker.start()

    def show_reading(self, reading: SentimentReading) -> None:
        """The digest's sentiment reading: label, reason (in the user's language), cues."""
        if self._detail is not None:
            self._reading = (self._detail.case.id, reading)
        self.show_sentiment(reading.label, reason_text(reading), reading.cues)

    def show_sentiment(
        self, label: SentimentLabel | None, reason: str, cues: Sequence[Cue]
    ) -> None:
        if label is None:
            self.sentiment.setText(self.tr("Not assessed"))
            self.sentiment.setProperty("tone", "none")
            self.reason.clear()
            self.sentiment.setToolTip("")
            self.reason.setToolTip("")
        else:
            self.sentiment.setText(labels.sentiment(label))
            self.sentiment.setProperty("tone", label.value)
            why = self.tr("Why: %1").replace("%1", reason) if reason else ""
            tip = why
            if cues:
                lines = [
                    f"• “{cue_text(cue)}” ({self._cue(cue.source)}, {cue.weight:+.2f})"
                    for cue in cues
                ]
                tip = "\n".join([why, self.tr("Cues:"), *lines]).strip()
            self.sentiment.setToolTip(tip)
            self.reason.setToolTip(tip)
            self.reason.setText(
                self.reason.fontMetrics().elidedText(why, Qt.TextElideMode.ElideRight, 360)
            )
        _restyle(self.sentiment)

    def _cue(self, source: str) -> str:
        return {
            "lexicon": self.tr("wording"),
            "negation": self.tr("negation"),
            "intensifier": self.tr("intensifier"),
            "repetition": self.tr("repetition"),
            "system_event": self.tr("system event"),
            "punctuation": self.tr("punctuation"),
        }.get(source, source)

    def _tick(self) -> None:
        if self._detail is None:
            return
        case = self._detail.case
        due = case.sla_due_at
        active = case.status.is_active  # a resolved or closed case has no SLA to meet
        overdue = active and labels.is_overdue(due)
        self.sla.setText(labels.sla(due, with_seconds=True) if active else "—")
        if self.sla.property("overdue") != overdue:
            self.sla.setProperty("overdue", overdue)
            _restyle(self.sla)
