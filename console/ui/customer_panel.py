"""The customer panel: who the customer is and how to reach them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from console.ui import labels

if TYPE_CHECKING:
    from console.domain.customer import Customer
    from console.services.cases import CaseDetail


class ElidedLabel(QLabel):
    """Lines shortened with "…" when the pane is narrow; the full text is the tooltip."""

    def __init__(self) -> None:
        super().__init__("")
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        metrics, width = self.fontMetrics(), max(self.width(), 40)
        lines = self._full.split("\n")
        self.setText(
            "\n".join(
                metrics.elidedText(line, Qt.TextElideMode.ElideMiddle, width) for line in lines
            )
        )


def _restyle(widget: QWidget) -> None:
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class CustomerPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAccessibleName(self.tr("Customer"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.name = QLabel("", objectName="customerName")
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tier = QLabel("", objectName="tierBadge")
        self.tier.setAccessibleName(self.tr("Tier"))
        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(self.name)
        top.addWidget(self.tier)
        top.addStretch(1)
        self.contact_count = QLabel("", objectName="contactCount")

        self.language = self._field()
        self.contacts = ElidedLabel()
        self.value = self._field()
        self.since = self._field()
        self.consent = self._field()
        form = QFormLayout()
        form.setHorizontalSpacing(14)
        form.setVerticalSpacing(6)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        for caption, field in (
            (self.tr("Language"), self.language),
            (self.tr("Contact"), self.contacts),
            (self.tr("Lifetime value"), self.value),
            (self.tr("Customer since"), self.since),
            (self.tr("Consent"), self.consent),
        ):
            form.addRow(QLabel(caption, objectName="fieldLabel"), field)
            field.setAccessibleName(caption)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.contact_count)
        layout.addLayout(form)
        self.show_detail(None)

    @staticmethod
    def _field() -> QLabel:
        # No word wrap: a form layout in a splitter pane under-sizes wrapped labels and
        # clips them; unwrapped, the pane keeps the width its longest line needs.
        label = QLabel("")
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def show_detail(self, detail: CaseDetail | None) -> None:
        if detail is None:
            self.name.setText(self.tr("No customer"))
            self.tier.hide()
            for field in (self.language, self.value, self.since, self.consent):
                field.setText("—")
            self.contacts.set_full_text("—")
            self.contact_count.clear()
            return
        customer = detail.customer
        self.name.setText(customer.name)
        self.tier.setText(labels.tier(customer.tier))
        self.tier.setProperty("tier", customer.tier.value)
        self.tier.show()
        _restyle(self.tier)
        self.language.setText(customer.language)
        self.contacts.set_full_text(self._contacts(customer))
        if any(point.preferred for point in customer.contact_points):
            self.contacts.setToolTip(self.contacts.toolTip() + "\n★ " + self.tr("preferred"))
        self.value.setText(labels.money(customer.lifetime_value))
        self.since.setText(customer.customer_since or "—")
        self.consent.setText(self._consent(customer))
        count = detail.case.contact_count
        if count == 1:
            self.contact_count.setText(self.tr("Has contacted us once about this case"))
        else:
            text = self.tr("Has contacted us %1 times about this case")
            self.contact_count.setText(text.replace("%1", str(count)))

    def _contacts(self, customer: Customer) -> str:
        if not customer.contact_points:
            return "—"
        lines = []
        for point in customer.contact_points:
            line = (
                self.tr("%1: %2")
                .replace("%1", labels.contact_kind(point.kind))
                .replace("%2", point.value)
            )
            if point.preferred:
                line += " ★"
            lines.append(line)
        return "\n".join(lines)

    def _consent(self, customer: Customer) -> str:
        consent = customer.consent
        flags = (
            (self.tr("AI processing"), consent.ai_processing),
            (self.tr("Call recording"), consent.call_recording),
            (self.tr("Marketing"), consent.marketing),
        )
        line = self.tr("%1: %2")
        return "\n".join(
            f"{'✓' if on else '✗'} " + line.replace("%1", name).replace("%2", labels.yes_no(on))
            for name, on in flags
        )
