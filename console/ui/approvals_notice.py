"""The approvals queue's notice of a step waiting longer than the approval SLA.

:func:`announce_overdue` tells the supervisor once per step (the queue keeps track),
through the window's notifier: a tray message, else the status bar with a button that
opens the case. Its strings keep the queue's translation context (``ApprovalsDock``),
written in full as ``QCoreApplication.translate("ApprovalsDock", "…")``.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QSystemTrayIcon

from console.ui import labels
from console.ui.approvals_table import amount_text

if TYPE_CHECKING:
    from console.services.decisions import WaitingStep
    from console.ui.main_window import MainWindow

NOTIFY_MS = 10_000


def announce_overdue(window: MainWindow, step: WaitingStep, now: datetime) -> None:
    """Through the window's notifier: a tray message, else the status bar with a button
    that opens the case."""
    notifier = window.notifier
    title = QCoreApplication.translate("ApprovalsDock", "Approval overdue on %1").replace(
        "%1", step.case_id
    )
    text = (
        QCoreApplication.translate("ApprovalsDock", "%1 %2 for %3 has waited %4")
        .replace("%1", labels.action_kind(step.step.action))
        .replace("%2", amount_text(step) if amount_text(step) != "—" else "")
        .replace("%3", step.customer_name)
        .replace("%4", labels.duration(step.age(now).total_seconds()))
    ).replace("  ", " ")
    # The notifier opens ``last_case`` when its message is clicked.
    notifier.last_case = step.case_id
    notifier.shown += 1
    tray = notifier._ensure_tray()
    if tray is not None:
        tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Warning)
        return
    line = QCoreApplication.translate("ApprovalsDock", "%1: %2")  # the language's colon
    window.status.showMessage(line.replace("%1", title).replace("%2", text), NOTIFY_MS)
    notifier.open_button.setText(
        QCoreApplication.translate("ApprovalsDock", "Open %1").replace("%1", step.case_id)
    )
    notifier.open_button.show()
    notifier._hide.start()
