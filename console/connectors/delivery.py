"""The write-back interface: a connector delivers one approved action to a remote system.

A dispatcher hands a :class:`Connector` an action, its parameters and the outbox row's
persisted idempotency key, and gets a :class:`Delivery` back — never an exception for
anything the network or the remote system does. What the outcome means for the outbox:

========================  ===========================================================
:attr:`Outcome.DELIVERED`  the remote system did it (2xx); ``remote_ref`` names the result
:attr:`Outcome.REJECTED`   it refused, or cannot be reached safely (TLS); never retried
:attr:`Outcome.RETRY`      nothing was done; send again (after ``retry_after`` if given)
:attr:`Outcome.UNKNOWN`    the request left but no answer came back; reconcile with
                           ``lookup`` (or re-send with the same key) before anything else
========================  ===========================================================

:func:`classify` is the one place where HTTP statuses and transport errors become outcomes.
"""

from __future__ import annotations

import ssl
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from enum import StrEnum
from typing import Any, Protocol

import httpx

from console.domain.kinds import ActionKind

__all__ = [
    "Connector",
    "Delivery",
    "Outcome",
    "classify",
    "parse_retry_after",
    "rejected",
]

REJECTED_STATUSES = frozenset({400, 401, 403, 404, 422})
RETRY_STATUSES = frozenset({408, 409, 425, 429})
_MESSAGE_LIMIT = 300


class Outcome(StrEnum):
    DELIVERED = "delivered"
    REJECTED = "rejected"
    RETRY = "retry"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Delivery:
    """What became of one attempt. ``error`` is plain words for people, never a secret."""

    outcome: Outcome
    status: int | None = None
    remote_ref: str | None = None
    retry_after: float | None = None  # seconds, from the Retry-After header
    error: str | None = None
    body: dict[str, Any] | None = None


class Connector(Protocol):
    """Delivers actions to one destination (``name``, e.g. ``"payments"``)."""

    @property
    def name(self) -> str: ...

    @property
    def lookup_supported(self) -> bool: ...

    @property
    def actions(self) -> frozenset[ActionKind]:
        """The action kinds this connector carries."""
        ...

    async def send(self, action: ActionKind, params: Mapping[str, Any], key: str) -> Delivery:
        """Deliver ``action`` once, under the idempotency ``key``."""
        ...

    async def lookup(
        self, action: ActionKind, params: Mapping[str, Any], key: str
    ) -> Delivery | None:
        """Reconcile: DELIVERED if the remote system has the action sent under ``key``,
        None if it does not, RETRY/REJECTED if the question could not be answered."""
        ...


def rejected(error: str, status: int | None = None) -> Delivery:
    return Delivery(Outcome.REJECTED, status=status, error=error)


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` value: delta-seconds or an HTTP-date.

    A date in the past gives 0; anything unreadable gives None (the caller backs off).
    """
    if value is None:
        return None
    text = value.strip()
    if not text:
        return None
    if text.isdigit():
        return float(int(text))
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:  # RFC 9110 dates are GMT
        when = when.replace(tzinfo=UTC)
    moment = now if now is not None else datetime.now(UTC)
    return max(0.0, (when - moment).total_seconds())


def _json_object(response: httpx.Response) -> dict[str, Any] | None:
    try:
        value = response.json()
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _remote_message(body: dict[str, Any] | None) -> str | None:
    """The remote system's own words, in Stripe's, Zendesk's or a plain shape."""
    if body is None:
        return None
    error = body.get("error")
    parts: list[str] = []
    if isinstance(error, dict):
        for field in ("code", "message"):
            if isinstance(error.get(field), str):
                parts.append(error[field])
    else:
        if isinstance(error, str):
            parts.append(error)
        for field in ("description", "message", "detail"):
            if isinstance(body.get(field), str):
                parts.append(body[field])
    text = ": ".join(parts)
    return text[:_MESSAGE_LIMIT] or None


def _status_delivery(response: httpx.Response, now: datetime | None) -> Delivery:
    status = response.status_code
    body = _json_object(response)
    said = _remote_message(body)
    detail = f" ({said})" if said else ""
    if 200 <= status < 300:
        return Delivery(Outcome.DELIVERED, status=status, body=body)
    retry_after = parse_retry_after(response.headers.get("retry-after"), now)
    if status == 409:
        return Delivery(
            Outcome.RETRY,
            status=status,
            retry_after=retry_after,
            error=f"the same request is still being handled (409){detail}",
            body=body,
        )
    if status in RETRY_STATUSES or 500 <= status < 600:
        return Delivery(
            Outcome.RETRY,
            status=status,
            retry_after=retry_after,
            error=f"the remote system is busy or failing ({status}){detail}",
            body=body,
        )
    if 300 <= status < 400:
        where = response.headers.get("location", "elsewhere")
        error = f"the remote system redirected to {where} ({status}); configure the final URL"
        return Delivery(Outcome.REJECTED, status=status, error=error, body=body)
    why = "refused the request" if status in REJECTED_STATUSES else "cannot do this request"
    return Delivery(Outcome.REJECTED, status=status, error=f"{why} ({status}){detail}", body=body)


def _tls_error(exc: BaseException) -> ssl.SSLError | None:
    seen: set[int] = set()
    node: BaseException | None = exc
    while node is not None and id(node) not in seen:
        if isinstance(node, ssl.SSLError):
            return node
        seen.add(id(node))
        node = node.__cause__ or node.__context__
    return None


def _tls_message(error: ssl.SSLError) -> str:
    if isinstance(error, ssl.SSLCertVerificationError):
        why = (getattr(error, "verify_message", None) or "it is not trusted").rstrip(".")
        return (
            f"TLS: the server's certificate could not be verified ({why}); nothing was sent. "
            "Check the address, or the CA bundle configured for this connector."
        )
    reason = getattr(error, "reason", None) or str(error) or type(error).__name__
    return f"TLS: a secure connection could not be set up ({reason}); nothing was sent."


def _error_delivery(exc: BaseException) -> Delivery:
    tls = _tls_error(exc)
    if tls is not None:
        return rejected(_tls_message(tls))
    text = str(exc)[:_MESSAGE_LIMIT] or type(exc).__name__
    if isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout):
        return Delivery(Outcome.RETRY, error=f"could not connect, nothing was sent: {text}")
    if isinstance(exc, httpx.ProxyError):
        return Delivery(Outcome.RETRY, error=f"the proxy could not connect: {text}")
    if isinstance(exc, httpx.UnsupportedProtocol | httpx.LocalProtocolError | httpx.InvalidURL):
        return rejected(f"the request cannot be made: {text}")
    if isinstance(exc, httpx.TooManyRedirects):
        return rejected(f"too many redirects: {text}")
    # A timeout, a reset or a broken answer after the request left: it may have been done.
    return Delivery(
        Outcome.UNKNOWN,
        error=f"no answer after the request was sent ({type(exc).__name__}); "
        "the outcome is unknown until reconciled",
    )


def classify(result: httpx.Response | BaseException, *, now: datetime | None = None) -> Delivery:
    """The outcome of one HTTP attempt: its response, or the exception it raised.

    2xx delivered; 400/401/403/404/422 (and other 4xx) rejected; 409 retry (the same key
    is in flight); 408/425/429/5xx retry with ``Retry-After``; no connection (nothing
    sent) retry; a timeout or reset after sending unknown; TLS failures rejected.
    """
    if isinstance(result, httpx.Response):
        return _status_delivery(result, now)
    return _error_delivery(result)
