"""A load generator: realistic events about the demo cases, appended at a steady rate.

Events are appended in batches (one transaction and one notification per tick), so the
stream's readers wake once per batch rather than once per event.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import random
import secrets
from dataclasses import dataclass
from typing import Any

from .db import Database
from .events import EventLog, now_iso

log = logging.getLogger("console.sandbox")

TICK_S = 0.02
_COUNTER = itertools.count(1)
_LINES = (
    "Any news on my order? It still shows the same status.",
    "I have been waiting for days now, please call me back.",
    "Thanks, I'll wait for your update.",
    "Can you confirm the refund went through?",
    "The tracking page has not changed since yesterday.",
)
_LOCATIONS = ("sorting hub", "regional depot", "airport hub", "delivery van")


@dataclass(frozen=True, slots=True)
class Ref:
    customer_id: str
    customer_name: str
    language: str
    order_id: str | None
    shipment_id: str | None
    payment_id: str | None
    ticket_id: str | None
    carrier: str
    tracking_number: str
    sku: str


def demo_refs(meta: Database) -> list[Ref]:
    rows = meta.all("SELECT * FROM demo_refs ORDER BY case_id")
    refs = [
        Ref(
            row["customer_id"],
            row["customer_name"],
            row["language"],
            row["order_id"],
            row["shipment_id"],
            row["payment_id"],
            row["ticket_id"],
            row["carrier"] or "DHL",
            row["tracking_number"] or "JD0000000000",
            row["sku"] or "SKU-0",
        )
        for row in rows
    ]
    if not refs:  # no demo cases seeded: invent a few
        refs = [
            Ref(
                f"K99-{n:05d}",
                f"Customer {n}",
                "en",
                f"ORD-9{n:07d}",
                f"SHP-9{n:07d}",
                f"PAY-9{n:07d}-1",
                f"TCK-9{n:06d}",
                "DHL",
                f"JD01460000{n:04d}",
                "SKU-0",
            )
            for n in range(1, 21)
        ]
    return refs


class Generator:
    def __init__(self, events: EventLog, refs: list[Ref], rate: float, seconds: float, seed: int):
        self.id = f"gen_{next(_COUNTER)}"
        self.events, self.refs = events, refs
        self.rate, self.seconds = rate, seconds
        self.total = int(rate * seconds)
        self.emitted = 0
        self.first_cursor: int | None = None
        self.last_cursor: int | None = None
        self._rng = random.Random(seed)
        self._prefix = f"evt_g{secrets.token_hex(4)}_"
        self._seq = 0

    def describe(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "rate": self.rate,
            "seconds": self.seconds,
            "total": self.total,
            "emitted": self.emitted,
            "first_cursor": self.first_cursor,
            "last_cursor": self.last_cursor,
        }

    async def run(self) -> None:
        loop = asyncio.get_running_loop()
        start = loop.time()
        try:
            while self.emitted < self.total:
                due = min(self.total, int((loop.time() - start) * self.rate) + 1)
                if due > self.emitted:
                    batch = [self._event() for _ in range(due - self.emitted)]
                    cursors = self.events.append(batch)
                    self.first_cursor = self.first_cursor or cursors[0]
                    self.last_cursor = cursors[-1]
                    self.emitted = due
                await asyncio.sleep(TICK_S)
        except Exception:
            log.exception("generator %s failed", self.id)
            raise
        log.info("generator %s done: %d events", self.id, self.emitted)

    def _event(self) -> dict[str, Any]:
        rng = self._rng
        ref = self.refs[rng.randrange(len(self.refs))]
        roll = rng.random()
        refs = {
            "order_id": ref.order_id,
            "shipment_id": ref.shipment_id,
            "payment_id": None,
            "ticket_id": ref.ticket_id,
            "customer_id": ref.customer_id,
        }
        message = None
        if roll < 0.5 and ref.shipment_id:
            type_, system = "carrier.scan", "logistics"
            location = _LOCATIONS[rng.randrange(len(_LOCATIONS))]
            summary = f"{ref.carrier} scan: in transit ({location})"
            data: dict[str, Any] = {
                "carrier": ref.carrier,
                "tracking_number": ref.tracking_number,
                "status": "in_transit",
                "location": location,
            }
        elif roll < 0.65 and ref.shipment_id:
            type_, system = "shipment.delayed", "logistics"
            days = rng.randint(1, 5)
            summary = f"{ref.carrier} reports a {days}-day delay for {ref.shipment_id}"
            data = {"carrier": ref.carrier, "delay_days": days}
        elif roll < 0.9 and ref.ticket_id:
            type_, system = "ticket.comment_added", "tickets"
            text = _LINES[rng.randrange(len(_LINES))]
            summary = f"Customer comment on {ref.ticket_id}"
            data = {"public": True}
            message = {
                "author": "customer",
                "author_name": ref.customer_name,
                "channel": "chat",
                "text": text,
                "language": "en",
                "subject": None,
            }
        else:
            type_, system = "inventory.low_stock", "inventory"
            left = rng.randint(0, 5)
            refs = dict.fromkeys(refs)
            summary = f"{ref.sku} is low: {left} left"
            data = {"sku": ref.sku, "warehouse": "DE-BER", "on_hand": left}
        self._seq += 1
        return {
            "id": f"{self._prefix}{self._seq}",
            "cursor": None,
            "type": type_,
            "system": system,
            "occurred_at": now_iso(),
            "refs": refs,
            "summary": summary,
            "data": data,
            "message": message,
        }
