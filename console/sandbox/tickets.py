"""Tickets: a Zendesk-compatible subset under ``/tickets`` (show, update, list comments).

Zendesk ticket ids are integers: the console's ``TCK-4665515`` is ticket 4665515, with
``external_id`` "TCK-4665515". Paths accept either form, with or without ``.json``.
"""

from __future__ import annotations

import html
import sqlite3
from typing import Any

from starlette.requests import Request
from starlette.routing import Route

from .db import Database
from .errors import ApiError
from .events import envelope, now_iso
from .runtime import Outcome, Payload, Sandbox

SYSTEM = "tickets"
SCHEMA = """
CREATE TABLE IF NOT EXISTS tickets (
    id INTEGER PRIMARY KEY,
    external_id TEXT UNIQUE,
    subject TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    priority TEXT,
    requester_id INTEGER NOT NULL,
    customer_id TEXT,
    customer_name TEXT,
    order_id TEXT,
    language TEXT NOT NULL DEFAULT 'en',
    channel TEXT NOT NULL DEFAULT 'web',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS comments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    ticket_id INTEGER NOT NULL REFERENCES tickets(id),
    external_id TEXT UNIQUE,
    author_id INTEGER NOT NULL,
    author_kind TEXT NOT NULL,
    author_name TEXT NOT NULL,
    body TEXT NOT NULL,
    public INTEGER NOT NULL,
    channel TEXT NOT NULL,
    language TEXT NOT NULL DEFAULT 'en',
    created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS comments_by_ticket ON comments (ticket_id, id);
"""

STATUSES = ("new", "open", "pending", "hold", "solved", "closed")
PRIORITIES = ("low", "normal", "high", "urgent")
AGENT_ID, AGENT_NAME = 900001, "Support agent"
BOT_ID, BOT_NAME = 900002, "Nova assistant"
_VIA = {"chat": "chat", "email": "email", "sms": "sms", "voice": "voice", "api": "api"}


def zendesk_time(iso_text: str) -> str:
    """``2026-11-23T10:00:00.000000Z`` → Zendesk's ``2026-11-23T10:00:00Z``."""
    return iso_text[:19] + "Z"


def ticket_object(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "id": row["id"],
        "url": f"/tickets/api/v2/tickets/{row['id']}.json",
        "external_id": row["external_id"],
        "type": "problem",
        "subject": row["subject"],
        "raw_subject": row["subject"],
        "description": row["description"],
        "priority": row["priority"],
        "status": row["status"],
        "requester_id": row["requester_id"],
        "submitter_id": row["requester_id"],
        "assignee_id": None,
        "tags": ["escalation"],
        "custom_fields": [],
        "via": {"channel": row["channel"], "source": {"from": {}, "to": {}, "rel": None}},
        "created_at": zendesk_time(row["created_at"]),
        "updated_at": zendesk_time(row["updated_at"]),
        "metadata": {"customer_id": row["customer_id"], "order_id": row["order_id"]},
    }


def comment_object(row: sqlite3.Row) -> dict[str, Any]:
    body = row["body"]
    return {
        "id": row["id"],
        "type": "Comment",
        "author_id": row["author_id"],
        "body": body,
        "html_body": "<p>" + html.escape(body).replace("\n", "<br>") + "</p>",
        "plain_body": body,
        "public": bool(row["public"]),
        "attachments": [],
        "via": {"channel": _VIA.get(row["channel"], "api"), "source": {"rel": None}},
        "metadata": {"author_kind": row["author_kind"], "author_name": row["author_name"]},
        "created_at": zendesk_time(row["created_at"]),
    }


def _find(conn: sqlite3.Connection, raw_id: str) -> sqlite3.Row:
    ident = raw_id.removesuffix(".json")
    if ident.isdigit():
        row = conn.execute("SELECT * FROM tickets WHERE id = ?", (int(ident),)).fetchone()
    else:
        row = conn.execute("SELECT * FROM tickets WHERE external_id = ?", (ident,)).fetchone()
    if row is None:
        raise ApiError(404, "RecordNotFound", "Not found")
    result: sqlite3.Row = row
    return result


def _refs(ticket: sqlite3.Row) -> dict[str, str | None]:
    return {
        "ticket_id": ticket["external_id"] or str(ticket["id"]),
        "customer_id": ticket["customer_id"],
        "order_id": ticket["order_id"],
    }


def _comment(conn: sqlite3.Connection, ticket: sqlite3.Row, spec: Any, now: str) -> dict[str, Any]:
    """Add the comment ``spec`` to ``ticket``; return its ``ticket.comment_added`` event."""
    if not isinstance(spec, dict):
        raise ApiError(422, "RecordInvalid", "comment must be an object", param="comment")
    body = spec.get("body") or spec.get("html_body")
    if not isinstance(body, str) or not body.strip():
        raise ApiError(422, "RecordInvalid", "comment body can't be blank", param="comment")
    public = spec.get("public", True)
    if not isinstance(public, bool):
        raise ApiError(422, "RecordInvalid", "comment public must be a boolean", param="public")
    author_id = spec.get("author_id", AGENT_ID)
    if isinstance(author_id, bool) or not isinstance(author_id, int):
        raise ApiError(422, "RecordInvalid", "author_id must be an integer", param="author_id")
    if author_id == ticket["requester_id"]:
        kind, name, channel = "customer", ticket["customer_name"] or "Customer", "email"
    elif author_id == BOT_ID:
        kind, name, channel = "bot", BOT_NAME, "chat"
    else:
        kind, name, channel = "agent", AGENT_NAME, "email"
    cursor = conn.execute(
        "INSERT INTO comments (ticket_id, author_id, author_kind, author_name, body, public,"
        " channel, language, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (ticket["id"], author_id, kind, name, body, int(public), channel, ticket["language"], now),
    )
    what = "Internal note" if not public else f"{kind.capitalize()} comment"
    return envelope(
        "ticket.comment_added",
        SYSTEM,
        refs=_refs(ticket),
        summary=f"{what} on {ticket['external_id'] or ticket['id']}",
        data={"comment_id": cursor.lastrowid, "public": public, "author_id": author_id},
        message={
            "author": kind,
            "author_name": name,
            "channel": channel,
            "text": body,
            "language": ticket["language"],
            "subject": None,
        },
        occurred_at=now,
    )


def update_ticket(conn: sqlite3.Connection, payload: Payload) -> Outcome:
    ticket = _find(conn, payload.params["ticket_id"])
    spec = payload.body.get("ticket")
    if not isinstance(spec, dict):
        raise ApiError(400, "InvalidValue", "Expected a 'ticket' object", param="ticket")
    if ticket["status"] == "closed":
        raise ApiError(422, "RecordInvalid", "Closed tickets cannot be updated", param="status")
    changes: dict[str, str] = {}
    for field, allowed in (("status", STATUSES), ("priority", PRIORITIES)):
        if field in spec:
            value = spec[field]
            if value not in allowed:
                raise ApiError(
                    422, "RecordInvalid", f"{field} must be one of {allowed}", param=field
                )
            if value != ticket[field]:
                changes[field] = value
    now = now_iso()
    events: list[dict[str, Any]] = []
    audit: list[dict[str, Any]] = []
    if "comment" in spec:
        event = _comment(conn, ticket, spec["comment"], now)
        events.append(event)
        audit.append(
            {
                "id": event["data"]["comment_id"],
                "type": "Comment",
                "body": event["message"]["text"],
                "public": event["data"]["public"],
            }
        )
    if changes:
        sets = ", ".join(f"{field} = ?" for field in changes)
        conn.execute(f"UPDATE tickets SET {sets} WHERE id = ?", (*changes.values(), ticket["id"]))
        audit += [
            {"type": "Change", "field_name": f, "value": v, "previous_value": ticket[f]}
            for f, v in changes.items()
        ]
        described = ", ".join(f"{f} {ticket[f]} → {v}" for f, v in changes.items())
        events.append(
            envelope(
                "ticket.updated",
                SYSTEM,
                refs=_refs(ticket),
                summary=f"Ticket {ticket['external_id'] or ticket['id']} updated: {described}",
                data={
                    "status": changes.get("status", ticket["status"]),
                    "previous_status": ticket["status"],
                    "priority": changes.get("priority", ticket["priority"]),
                    "previous_priority": ticket["priority"],
                },
                occurred_at=now,
            )
        )
    if events:
        conn.execute("UPDATE tickets SET updated_at = ? WHERE id = ?", (now, ticket["id"]))
    row = _find(conn, str(ticket["id"]))
    body = {
        "ticket": ticket_object(row),
        "audit": {
            "ticket_id": row["id"],
            "author_id": AGENT_ID,
            "created_at": zendesk_time(now),
            "events": audit,
        },
    }
    return Outcome(body, 200, events)


def show_ticket(db: Database, request: Request) -> dict[str, Any]:
    return {"ticket": ticket_object(_find(db.conn, request.path_params["ticket_id"]))}


def list_comments(db: Database, request: Request) -> dict[str, Any]:
    ticket = _find(db.conn, request.path_params["ticket_id"])
    order = "DESC" if request.query_params.get("sort_order") == "desc" else "ASC"
    rows = db.all(
        f"SELECT * FROM comments WHERE ticket_id = ? ORDER BY id {order}", (ticket["id"],)
    )
    comments = [comment_object(row) for row in rows]
    return {"comments": comments, "next_page": None, "previous_page": None, "count": len(comments)}


def routes(sandbox: Sandbox) -> list[Route]:
    async def ticket(request: Request) -> Any:
        if request.method == "PUT":
            return await sandbox.write(request, SYSTEM, update_ticket)
        return await sandbox.read(request, SYSTEM, show_ticket)

    async def comments(request: Request) -> Any:
        return await sandbox.read(request, SYSTEM, list_comments)

    return [
        Route("/tickets/api/v2/tickets/{ticket_id}", ticket, methods=["GET", "PUT"]),
        Route("/tickets/api/v2/tickets/{ticket_id}/comments", comments, methods=["GET"]),
        Route("/tickets/api/v2/tickets/{ticket_id}/comments.json", comments, methods=["GET"]),
    ]
