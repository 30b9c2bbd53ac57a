"""How a new timeline event changes its case: status, priority and last activity.

Pure rules, applied by live ingest in the same transaction as the event:

* A customer writing on a case that waits for them, or that was resolved or closed,
  reopens it (``open``); on a resolved or closed case it also raises the priority one step
  (a reopened case is an unhappy customer).
* An event from the system a case waits on hands the case back (``open``).
* Events that hurt the customer (a failed refund or payment, a lost or undeliverable
  shipment, a duplicate charge) raise the priority one step, up to urgent.
* ``updated_at`` follows the newest event.
"""

from __future__ import annotations

from console.domain.case import Case, CaseStatus, OwnerKind, Priority
from console.domain.events import TimelineEvent

ESCALATING_EVENTS = frozenset(
    {
        "refund.failed",
        "payment.failed",
        "payment.duplicate_detected",
        "shipment.lost",
        "delivery.failed",
        "service.outage_started",
        "ticket.reopened",
    }
)
_REOPENS = (CaseStatus.WAITING_CUSTOMER, CaseStatus.RESOLVED, CaseStatus.CLOSED)


def _raise(priority: Priority) -> Priority:
    return Priority(min(priority + 1, Priority.URGENT))


def apply_event(case: Case, event: TimelineEvent) -> Case:
    """``case`` as it stands after ``event``; the same object when nothing changes."""
    changes: dict[str, object] = {}
    payload = event.payload
    priority = case.priority
    if payload.kind == "customer_message" and case.status in _REOPENS:
        changes["status"] = CaseStatus.OPEN
        if case.status is not CaseStatus.WAITING_CUSTOMER:
            priority = _raise(priority)
    if payload.kind == "system_event":
        waiting_on = case.owner.id if case.owner.kind is OwnerKind.SYSTEM else None
        if case.status is CaseStatus.WAITING_SYSTEM and waiting_on == event.source.value:
            changes["status"] = CaseStatus.OPEN
        if payload.name in ESCALATING_EVENTS:
            priority = _raise(priority)
    if priority != case.priority:
        changes["priority"] = priority
    if event.occurred_at > case.updated_at:
        changes["updated_at"] = event.occurred_at
    return case.model_copy(update=changes) if changes else case
