"""A service outage: the customer's broadband down, and a credit for the time without it."""

from __future__ import annotations

from console.domain.events import EventSource

from ..builder import CaseBuilder
from .base import Story


class Outage(Story):
    def before_contact(self, b: CaseBuilder) -> None:
        b.subscription_id = f"SVC-{b.serial(6, 8)}"
        incident = _incident(b)
        b.system(
            0,
            EventSource.TICKETS,
            "service.outage_started",
            incident,
            "Network outage started in {area}",
            tag="outage",
            area=b.fields["area"],
            service="fibre",
            affected_lines=b.rng.randint(40, 4000),
        )
        b.system(
            b.gap(0.05, 0.5),
            EventSource.TICKETS,
            "service.line_down",
            b.subscription_id,
            "Customer's line reported down by network monitoring",
            incident_id=incident,
        )
        if b.contradiction:
            b.system(
                b.gap(6, 30),
                EventSource.TICKETS,
                "service.outage_resolved",
                incident,
                "Outage in {area} marked resolved",
                area=b.fields["area"],
            )
        b.contact_gap = b.gap(2, 30)

    def contradiction(self, b: CaseBuilder) -> tuple[str, str | None]:
        return (b.text.contra_outage if b.contradiction else ""), None

    def middle(self, b: CaseBuilder) -> None:
        if not b.contradiction and b.rng.random() < 0.6:
            b.system(
                b.gap(4, 40),
                EventSource.TICKETS,
                "service.outage_resolved",
                _incident(b),
                "Outage in {area} resolved",
                area=b.fields["area"],
            )

    def wait_on_system(self, b: CaseBuilder) -> str:
        b.system(
            b.gap(1, 20),
            EventSource.TICKETS,
            "ticket.escalated",
            b.facts.ticket_id,
            "Ticket {ticket} escalated to network operations",
            team="network-operations",
        )
        return "network-operations"

    def resolve(self, b: CaseBuilder, gap: int) -> None:
        b.system(
            gap,
            EventSource.PAYMENTS,
            "subscription.credit_applied",
            b.subscription_id,
            "Service credit of {credit} applied",
            amount=str(b.facts.credit),
            currency=b.currency,
        )


def _incident(b: CaseBuilder) -> str:
    return f"INC-{b.serial(7, 6)}"
