"""Replies and escalations on a Zendesk-style ticket (Zendesk itself, or the sandbox).

Both are one ``PUT {base_url}/api/v2/tickets/{id}`` with
``{"ticket": {"comment": {"body": …, "public": …}, "status": …}}``: a reply to the
customer is a public comment (status ``pending``: waiting on the customer); an escalation
is an internal note (status ``open``, priority ``urgent`` when it is urgent).

Zendesk has no idempotency key for updates, so a re-sent update would add the comment
twice. Two things make it safe:

- every comment ends with a short reference line derived from the key
  (``Ref: tdm-1a2b3c4d5e6f7a8b``; the key itself is not shown), the one place Zendesk keeps
  what the caller writes (comment metadata is read-only);
- before sending, the connector lists the ticket's newest comments and, if one carries the
  reference, reports it DELIVERED without sending again (``lookup_before_send``).

The ``Idempotency-Key`` header is sent as well: Zendesk ignores it, the sandbox honours it.
The ticket's id comes in ``params["ticket_id"]`` (the dispatcher adds the case's ticket):
``4665515``, or the console's ``TCK-4665515``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any
from urllib.parse import quote

import httpx

from console.domain.kinds import ActionKind

from .delivery import Delivery, Outcome, rejected
from .http import Auth, CredentialError, credential_failure, dotted, exchange
from .rest import TemplateError, join_url, jsonable
from .secrets import Secrets

__all__ = ["ZendeskTickets", "marker", "ticket_update"]

PAGES = 5
_TICKET = re.compile(r"^(?:[A-Za-z]+-)?(\d{1,19})$")
_STATUSES = ("new", "open", "pending", "hold", "solved")


def marker(key: str) -> str:
    """The reference line a comment carries: derived from ``key``, short, not secret."""
    return "Ref: tdm-" + hashlib.sha256(key.encode()).hexdigest()[:16]


def ticket_number(ticket_id: str) -> str:
    """Zendesk's numeric id for ``4665515`` or ``TCK-4665515``; other ids as they are."""
    found = _TICKET.match(ticket_id.strip())
    return found.group(1) if found else ticket_id.strip()


def ticket_update(
    action: ActionKind,
    params: Mapping[str, Any],
    key: str,
    *,
    reply_status: str = "pending",
    escalate_status: str = "open",
) -> dict[str, Any]:
    """The ``{"ticket": {...}}`` body for a reply or an escalation."""
    values = jsonable(params)
    kind = ActionKind(action)
    ticket: dict[str, Any]
    if kind is ActionKind.REPLY_TO_CUSTOMER:
        body = values.get("body")
        if not isinstance(body, str) or not body.strip():
            raise TemplateError("a reply needs a body")
        status = values.get("status", reply_status)
        ticket = {"comment": {"body": f"{body.rstrip()}\n\n{marker(key)}", "public": True}}
    elif kind is ActionKind.ESCALATE:
        team, reason = values.get("team"), values.get("reason")
        if not isinstance(team, str) or not isinstance(reason, str):
            raise TemplateError("an escalation needs a team and a reason")
        note = f"Escalated to {team}: {reason.rstrip()}\n\n{marker(key)}"
        ticket = {"comment": {"body": note, "public": False}}
        status = values.get("status", escalate_status)
        if values.get("urgent"):
            ticket["priority"] = "urgent"
    else:
        raise TemplateError(f"tickets take replies and escalations, not {action}")
    if status not in _STATUSES:
        raise TemplateError(f"status must be one of {', '.join(_STATUSES)}")
    ticket["status"] = status
    return {"ticket": ticket}


class ZendeskTickets:
    """The ``tickets`` destination: comments and status on a ticket, Zendesk-style."""

    lookup_supported = True
    actions = frozenset({ActionKind.REPLY_TO_CUSTOMER, ActionKind.ESCALATE})

    def __init__(
        self,
        *,
        base_url: str,
        client: httpx.AsyncClient,
        secrets: Secrets | None = None,
        auth: Auth | None = None,
        name: str = "tickets",
        lookup_before_send: bool = True,
        reply_status: str = "pending",
        escalate_status: str = "open",
    ) -> None:
        for status in (reply_status, escalate_status):
            if status not in _STATUSES:
                raise ValueError(f"status must be one of {', '.join(_STATUSES)}, not {status!r}")
        self.name = name
        self.reply_status = reply_status
        self.escalate_status = escalate_status
        self.base_url = base_url
        self.lookup_before_send = lookup_before_send
        self._client = client
        self._secrets = secrets
        self._auth = auth

    def __repr__(self) -> str:
        return f"ZendeskTickets({self.name!r}, {self.base_url!r})"

    def _headers(self) -> dict[str, str]:
        headers = {"Accept": "application/json"}
        if self._auth is not None:
            headers.update(self._auth.headers(self._secrets))
        return headers

    def _ticket_path(self, params: Mapping[str, Any]) -> str:
        ticket_id = jsonable(params).get("ticket_id")
        if not isinstance(ticket_id, str | int) or not str(ticket_id).strip():
            raise TemplateError("no ticket to write to: the action has no ticket_id")
        return "/api/v2/tickets/" + quote(ticket_number(str(ticket_id)), safe="")

    def build_request(
        self, action: ActionKind, params: Mapping[str, Any], key: str
    ) -> httpx.Request:
        body = ticket_update(
            action,
            params,
            key,
            reply_status=self.reply_status,
            escalate_status=self.escalate_status,
        )
        headers = {**self._headers(), "Idempotency-Key": key}
        url = join_url(self.base_url, self._ticket_path(params))
        return self._client.build_request("PUT", url, headers=headers, json=body)

    async def send(self, action: ActionKind, params: Mapping[str, Any], key: str) -> Delivery:
        try:
            request = self.build_request(action, params, key)
        except TemplateError as exc:
            return rejected(str(exc))
        except CredentialError as exc:
            return credential_failure(exc)
        if self.lookup_before_send:
            found = await self.lookup(action, params, key)
            if found is not None and found.outcome is Outcome.UNKNOWN:
                # Only a read went unanswered: nothing was written, so try again later.
                return replace(found, outcome=Outcome.RETRY)
            if found is not None:  # already there, or the ticket cannot be read now
                return found
        delivery, _ = await exchange(self._client, request)
        if delivery.outcome is not Outcome.DELIVERED:
            return delivery
        return Delivery(
            Outcome.DELIVERED,
            status=delivery.status,
            remote_ref=_comment_id(delivery.body),
            body=delivery.body,
        )

    async def lookup(
        self, action: ActionKind, params: Mapping[str, Any], key: str
    ) -> Delivery | None:
        """The comment carrying ``key``'s reference, from the ticket's newest comments."""
        wanted = marker(key)
        try:
            url: str | None = join_url(self.base_url, self._ticket_path(params) + "/comments")
            headers = self._headers()
        except TemplateError as exc:
            return rejected(str(exc))
        except CredentialError as exc:
            return credential_failure(exc)
        query: dict[str, str] | None = {"sort_order": "desc"}
        for _ in range(PAGES):
            if url is None:
                return None
            request = self._client.build_request("GET", url, params=query, headers=headers)
            delivery, _ = await exchange(self._client, request)
            if delivery.outcome is not Outcome.DELIVERED:
                return delivery
            page = delivery.body or {}
            for comment in page.get("comments") or []:
                if isinstance(comment, dict) and wanted in str(comment.get("body", "")):
                    ref = comment.get("id")
                    return Delivery(
                        Outcome.DELIVERED,
                        status=delivery.status,
                        remote_ref=None if ref is None else str(ref),
                        body=comment,
                    )
            url, query = self._next_page(page.get("next_page")), None
        return None

    def _next_page(self, link: Any) -> str | None:
        """The next page's URL, only on the configured host (the credentials go with it)."""
        if not isinstance(link, str):
            return None
        here, there = httpx.URL(self.base_url), httpx.URL(link)
        if (there.scheme, there.host, there.port) != (here.scheme, here.host, here.port):
            return None
        return link


def _comment_id(body: dict[str, Any] | None) -> str | None:
    events = dotted(body, "audit.events")
    if isinstance(events, list):
        for event in events:
            if isinstance(event, dict) and event.get("type") == "Comment" and "id" in event:
                return str(event["id"])
    ticket = dotted(body, "ticket.id")
    return None if ticket is None else str(ticket)
