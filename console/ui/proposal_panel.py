"""The proposal area. This milestone shows an honest empty state; plans come next."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from console.services.cases import CaseDetail


class ProposalPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAccessibleName(self.tr("AI proposal"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.title = QLabel(self.tr("No plan yet"), objectName="emptyTitle")
        self.message = QLabel("", objectName="emptyState")
        self.planner = QLabel("", objectName="emptyState")
        for label in (self.message, self.planner):
            label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 14)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        layout.addWidget(self.planner)
        self.show_detail(None)

    def show_detail(self, detail: CaseDetail | None) -> None:
        if detail is None:
            self.message.setText(self.tr("Open a case to see the AI's plan for it."))
            self.planner.clear()
            return
        if not detail.customer.consent.ai_processing:
            self.message.setText(
                self.tr(
                    "The customer has not consented to AI processing, so the AI will not "
                    "plan this case. Work it by hand."
                )
            )
            self.planner.clear()
            return
        self.message.setText(self.tr("The AI has not proposed a plan for this case yet."))
        self.planner.setText(
            self.tr(
                "Planner: the built-in playbook planner (offline, rule-based). Its plan, "
                "reasoning and the authority each step needs will appear here."
            )
        )
