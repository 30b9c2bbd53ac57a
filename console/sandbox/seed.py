"""Seed the systems from the demo cases, so that every id the console shows exists here.

Orders, charges and refunds, shipments with their tracking, stock, tickets with their
conversation and the customers' accounts are read from each case's customer, external
references and system events. Everything is inserted with ``INSERT OR IGNORE``: seeding
again with the same numbers changes nothing. Seeding appends no event to the log.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from console.domain.casefile import CaseFile
from console.domain.events import (
    MessagePayload,
    NotePayload,
    SystemEventPayload,
    TimelineEvent,
)
from console.services.demo import generate_cases

from .common import to_minor
from .events import iso
from .runtime import Sandbox

SCHEMA = """
CREATE TABLE IF NOT EXISTS seeded (count INTEGER, seed INTEGER, PRIMARY KEY (count, seed));
CREATE TABLE IF NOT EXISTS demo_refs (
    case_id TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL,
    customer_name TEXT NOT NULL,
    language TEXT NOT NULL,
    order_id TEXT,
    shipment_id TEXT,
    payment_id TEXT,
    ticket_id TEXT,
    carrier TEXT,
    tracking_number TEXT,
    sku TEXT,
    currency TEXT
);
"""

WAREHOUSES = ("DE-BER", "GB-MAN", "US-NJ1", "CN-SHA", "ES-MAD")
_PRIORITY = {1: "low", 2: "normal", 3: "high", 4: "urgent"}
_TICKET_STATUS = {
    "ticket.created": "open",
    "ticket.escalated": "open",
    "ticket.reopened": "open",
    "ticket.resolved": "solved",
    "ticket.closed": "closed",
}
_SHIPMENT_STATUS = {
    "shipment.delayed": "delayed",
    "shipment.delivered": "delivered",
    "shipment.lost": "lost",
    "delivery.failed": "delivery_failed",
}
_REFUND_STATUS = {"refund.requested": "pending", "refund.succeeded": "succeeded"}


@dataclass
class _Rows:
    orders: dict[str, list[Any]] = field(default_factory=dict)
    charges: dict[str, list[Any]] = field(default_factory=dict)
    refunds: dict[str, list[Any]] = field(default_factory=dict)
    shipments: dict[str, list[Any]] = field(default_factory=dict)
    tracking: list[tuple[Any, ...]] = field(default_factory=list)
    items: dict[str, str] = field(default_factory=dict)
    stock: dict[tuple[str, str], int] = field(default_factory=dict)
    tickets: dict[int, list[Any]] = field(default_factory=dict)
    comments: list[tuple[Any, ...]] = field(default_factory=list)
    refs: list[tuple[Any, ...]] = field(default_factory=list)
    customers: dict[str, list[Any]] = field(default_factory=dict)


def seed(sandbox: Sandbox, count: int, seed_value: int, anchor: datetime | None = None) -> bool:
    """Seed ``count`` demo cases of ``seed_value``; False if they were seeded before.

    A folder seeded before the sandbox had accounts gets its customers' accounts now.
    """
    meta = sandbox.dbs["demo"]
    seeded = meta.one("SELECT 1 FROM seeded WHERE count = ? AND seed = ?", (count, seed_value))
    has_accounts = sandbox.dbs["accounts"].one("SELECT 1 FROM customers LIMIT 1") is not None
    if seeded and has_accounts:
        return False
    rows = _Rows()
    for case_file in generate_cases(count, seed_value, anchor=anchor):
        _collect(case_file, rows)
    if seeded:
        _write_accounts(sandbox, rows)
        return True
    _write(sandbox, rows)
    with meta.transaction() as conn:
        conn.executemany(
            "INSERT OR IGNORE INTO demo_refs VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", rows.refs
        )
        conn.execute("INSERT OR IGNORE INTO seeded VALUES (?, ?)", (count, seed_value))
    return True


def _product_name(summary: str, sku: str) -> str:
    inner = re.search(r"\((.*)\)\s*$", summary)
    if inner:
        name = inner.group(1).rpartition(", ")[0].strip()
        if name:
            return name
    return sku


def _requester_id(customer_id: str) -> int:
    digits = "".join(ch for ch in customer_id if ch.isdigit())
    return int(digits or 0) + 1_000_000


def _collect(case_file: CaseFile, rows: _Rows) -> None:
    case, customer = case_file.case, case_file.customer
    refs = case.external_refs
    since = f"{customer.customer_since}T00:00:00.000000Z" if customer.customer_since else None
    rows.customers.setdefault(
        customer.id,
        [
            customer.id,
            customer.name,
            customer.tier.value,
            customer.lifetime_value.currency,  # the currency they pay in
            since or iso(case.opened_at),
        ],
    )
    first_order = refs.order_ids[0] if refs.order_ids else None
    ticket_num: int | None = None
    info: dict[str, Any] = {}
    before_ticket: list[Any] = []  # messages of the chat that opened the ticket
    for event in case_file.events:
        when = iso(event.occurred_at)
        payload = event.payload
        if isinstance(payload, MessagePayload | NotePayload):
            if ticket_num is not None:
                _comment(rows, ticket_num, event, when)
            else:
                before_ticket.append(event)
                if isinstance(payload, MessagePayload) and payload.kind == "customer_message":
                    info.setdefault("description", payload.text)
            continue
        if not isinstance(payload, SystemEventPayload):
            continue
        name, subject, attrs = payload.name, payload.subject_id, payload.attributes
        if name == "order.created" and subject:
            sku = str(attrs.get("sku") or "SKU-UNKNOWN")
            price = to_minor(str(attrs.get("amount") or "0"))
            product = _product_name(event.summary, sku)
            items = [{"sku": sku, "name": product, "quantity": 1, "unit_price": price}]
            rows.orders[subject] = [
                subject,
                customer.id,
                "paid",
                str(attrs.get("currency", "USD")),
                json.dumps(items),
                [],
                when,
                when,
            ]
            rows.items.setdefault(sku, product)
            info.update(sku=sku, currency=attrs.get("currency"))
            rng = random.Random(f"stock:{sku}")
            for warehouse in rng.sample(WAREHOUSES, 2):
                rows.stock.setdefault((sku, warehouse), rng.randint(12, 240))
        elif name == "order.shipped" and subject in rows.orders:
            shipment = str(attrs.get("shipment_id"))
            order = rows.orders[subject]
            order[2], order[5], order[7] = "shipped", [*order[5], shipment], when
            carrier, tracking = str(attrs.get("carrier")), str(attrs.get("tracking_number"))
            rows.shipments[shipment] = [
                shipment,
                subject,
                customer.id,
                carrier,
                tracking,
                "label_created",
                when,
                when,
            ]
            info.update(carrier=carrier, tracking=tracking)
        elif name == "payment.captured" and subject:
            rows.charges.setdefault(
                subject,
                [
                    subject,
                    to_minor(str(attrs.get("amount"))),
                    str(attrs.get("currency", "USD")).lower(),
                    customer.id,
                    first_order,
                    f"pi_{subject}",
                    str(attrs.get("method", "card")),
                    event.summary,
                    int(event.occurred_at.timestamp()),
                ],
            )
        elif name.startswith("refund.") and subject in rows.charges:
            refund_id = str(attrs.get("refund_id"))
            status = _REFUND_STATUS.get(name, "failed")
            reason = "duplicate" if attrs.get("reason") == "duplicate" else "requested_by_customer"
            failure = str(attrs.get("error")) if name == "refund.failed" else None
            metadata = json.dumps({"reason_detail": str(attrs.get("reason", ""))})
            existing = rows.refunds.get(refund_id)
            if existing:
                existing[5], existing[6] = status, failure
            else:
                rows.refunds[refund_id] = [
                    refund_id,
                    subject,
                    to_minor(str(attrs.get("amount"))),
                    rows.charges[subject][2],
                    reason,
                    status,
                    failure,
                    metadata,
                    int(event.occurred_at.timestamp()),
                ]
        elif subject in rows.shipments and event.source.value == "logistics":
            shipment_row = rows.shipments[subject]
            status = str(attrs.get("status") or _SHIPMENT_STATUS.get(name, shipment_row[5]))
            shipment_row[5], shipment_row[7] = status, when
            seq = sum(1 for t in rows.tracking if t[0] == subject) + 1
            rows.tracking.append((subject, seq, when, status, attrs.get("location"), event.summary))
            if status == "delivered" and shipment_row[1] in rows.orders:
                rows.orders[shipment_row[1]][2] = "delivered"
        elif name == "inventory.low_stock":
            key = (str(attrs.get("sku")), str(attrs.get("warehouse")))
            rows.items.setdefault(key[0], key[0])
            rows.stock[key] = int(str(attrs.get("on_hand", 0)))
        elif name == "inventory.backordered":
            sku = str(attrs.get("sku"))
            rows.items.setdefault(sku, sku)
            for warehouse in WAREHOUSES[:2]:
                rows.stock[(sku, warehouse)] = 0
        elif name in _TICKET_STATUS and subject:
            digits = "".join(ch for ch in subject if ch.isdigit())
            if name == "ticket.created" and digits:
                ticket_num = int(digits)
                rows.tickets[ticket_num] = [
                    ticket_num,
                    subject,
                    case.subject,
                    info.get("description", case.subject),
                    "open",
                    _PRIORITY.get(int(case.priority), "normal"),
                    _requester_id(customer.id),
                    customer.id,
                    customer.name,
                    first_order,
                    customer.language,
                    str(attrs.get("channel", "web")),
                    when,
                    when,
                ]
                for earlier in before_ticket:
                    _comment(rows, ticket_num, earlier, iso(earlier.occurred_at))
            elif ticket_num is not None:
                rows.tickets[ticket_num][4] = _TICKET_STATUS[name]
                rows.tickets[ticket_num][13] = when
    rows.refs.append(
        (
            case.id,
            customer.id,
            customer.name,
            customer.language,
            first_order,
            refs.shipment_ids[0] if refs.shipment_ids else None,
            refs.payment_ids[0] if refs.payment_ids else None,
            refs.ticket_id,
            info.get("carrier"),
            info.get("tracking"),
            info.get("sku"),
            info.get("currency"),
        )
    )


def _comment(rows: _Rows, ticket: int, event: TimelineEvent, when: str) -> None:
    payload = event.payload
    if not isinstance(payload, MessagePayload | NotePayload):
        return
    if isinstance(payload, NotePayload):
        kind, public, language = "agent", 0, "en"
    else:
        kind, public = payload.kind.removesuffix("_message"), 1
        language = payload.language
    author_id = {"customer": rows.tickets[ticket][6], "bot": 900002}.get(kind, 900001)
    source = event.source.value
    channel = source if source in ("chat", "email", "sms", "voice") else "api"
    rows.comments.append(
        (
            ticket,
            event.id,
            author_id,
            kind,
            event.actor.name,
            payload.text,
            public,
            channel,
            language,
            when,
        )
    )


def _many(conn: Any, table: str, values: Iterable[Iterable[Any]]) -> None:
    batch = [tuple(json.dumps(v) if isinstance(v, list) else v for v in row) for row in values]
    if batch:
        marks = ",".join("?" * len(batch[0]))
        conn.executemany(f"INSERT OR IGNORE INTO {table} VALUES ({marks})", batch)


def _write(sandbox: Sandbox, rows: _Rows) -> None:
    dbs = sandbox.dbs
    with dbs["orders"].transaction() as conn:
        _many(
            conn,
            "orders (id, customer_id, status, currency, items, shipment_ids, created_at,"
            " updated_at)",
            rows.orders.values(),
        )
    with dbs["payments"].transaction() as conn:
        _many(
            conn,
            "charges (id, amount, currency, customer_id, order_id, payment_intent, method,"
            " description, created)",
            rows.charges.values(),
        )
        _many(
            conn,
            "refunds (id, charge_id, amount, currency, reason, status, failure_reason,"
            " metadata, created)",
            rows.refunds.values(),
        )
    with dbs["logistics"].transaction() as conn:
        _many(conn, "shipments", rows.shipments.values())
        _many(conn, "tracking_events", rows.tracking)
    with dbs["inventory"].transaction() as conn:
        _many(conn, "items", rows.items.items())
        _many(conn, "stock", [(sku, wh, n) for (sku, wh), n in rows.stock.items()])
    with dbs["tickets"].transaction() as conn:
        _many(conn, "tickets", rows.tickets.values())
        _many(
            conn,
            "comments (ticket_id, external_id, author_id, author_kind, author_name, body,"
            " public, channel, language, created_at)",
            rows.comments,
        )
    _write_accounts(sandbox, rows)


def _write_accounts(sandbox: Sandbox, rows: _Rows) -> None:
    with sandbox.dbs["accounts"].transaction() as conn:
        _many(conn, "customers", rows.customers.values())
