"""Every HTTP status and transport failure becomes one outcome the dispatcher can act on."""

from __future__ import annotations

import ssl
from datetime import UTC, datetime

import httpx
import pytest

from console.connectors.delivery import Outcome, classify, parse_retry_after

NOW = datetime(2026, 11, 23, 10, 0, 0, tzinfo=UTC)
REQUEST = httpx.Request("POST", "https://payments.example/v1/refunds")


def _response(status: int, headers: dict[str, str] | None = None, **json: object) -> httpx.Response:
    return httpx.Response(status, headers=headers, json=json or None, request=REQUEST)


@pytest.mark.parametrize(
    ("status", "outcome"),
    [
        (200, Outcome.DELIVERED),
        (201, Outcome.DELIVERED),
        (202, Outcome.DELIVERED),
        (204, Outcome.DELIVERED),
        (400, Outcome.REJECTED),
        (401, Outcome.REJECTED),
        (403, Outcome.REJECTED),
        (404, Outcome.REJECTED),
        (422, Outcome.REJECTED),
        (405, Outcome.REJECTED),
        (301, Outcome.REJECTED),
        (409, Outcome.RETRY),
        (408, Outcome.RETRY),
        (425, Outcome.RETRY),
        (429, Outcome.RETRY),
        (500, Outcome.RETRY),
        (502, Outcome.RETRY),
        (503, Outcome.RETRY),
        (504, Outcome.RETRY),
    ],
)
def test_statuses(status: int, outcome: Outcome) -> None:
    delivery = classify(_response(status), now=NOW)
    assert delivery.outcome is outcome
    assert delivery.status == status
    assert (delivery.error is None) == (outcome is Outcome.DELIVERED)


@pytest.mark.parametrize("status", [408, 409, 425, 429, 500, 503])
def test_retries_carry_retry_after(status: int) -> None:
    delivery = classify(_response(status, {"Retry-After": "7"}), now=NOW)
    assert (delivery.outcome, delivery.retry_after) == (Outcome.RETRY, 7.0)


def test_a_rejection_says_what_the_remote_system_said() -> None:
    stripe = _response(
        400, error={"type": "invalid_request_error", "code": "amount_too_large", "message": "Big"}
    )
    delivery = classify(stripe)
    assert delivery.error is not None
    assert "400" in delivery.error
    assert "amount_too_large: Big" in delivery.error
    assert delivery.body == {"error": stripe.json()["error"]}
    zendesk = classify(_response(422, error="RecordInvalid", description="status is invalid"))
    assert zendesk.error is not None
    assert "RecordInvalid: status is invalid" in zendesk.error


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ("0", 0.0),
        ("120", 120.0),
        (" 5 ", 5.0),
        ("Mon, 23 Nov 2026 10:00:30 GMT", 30.0),
        ("Mon, 23 Nov 2026 09:00:00 GMT", 0.0),  # a date in the past: now
        ("Monday, 23-Nov-26 10:01:00 GMT", 60.0),  # the obsolete RFC 850 form, as RFC 9110 asks
        ("soon", None),
        ("-5", None),
        ("", None),
        (None, None),
    ],
)
def test_retry_after_in_seconds_or_as_a_date(value: str | None, seconds: float | None) -> None:
    assert parse_retry_after(value, NOW) == seconds


def _wrapped(exc: httpx.HTTPError, cause: BaseException) -> httpx.HTTPError:
    exc.__cause__ = cause
    return exc


@pytest.mark.parametrize(
    ("error", "outcome"),
    [
        (httpx.ConnectError("[Errno 111] Connection refused", request=REQUEST), Outcome.RETRY),
        (httpx.ConnectError("Name or service not known", request=REQUEST), Outcome.RETRY),
        (httpx.ConnectTimeout("timed out", request=REQUEST), Outcome.RETRY),
        (httpx.PoolTimeout("no connection free", request=REQUEST), Outcome.RETRY),
        (httpx.ReadTimeout("timed out", request=REQUEST), Outcome.UNKNOWN),
        (httpx.WriteTimeout("timed out", request=REQUEST), Outcome.UNKNOWN),
        (httpx.ReadError("connection reset", request=REQUEST), Outcome.UNKNOWN),
        (httpx.RemoteProtocolError("server disconnected", request=REQUEST), Outcome.UNKNOWN),
        (httpx.UnsupportedProtocol("ftp://", request=REQUEST), Outcome.REJECTED),
    ],
)
def test_transport_errors(error: httpx.HTTPError, outcome: Outcome) -> None:
    delivery = classify(error)
    assert delivery.outcome is outcome
    assert delivery.status is None
    assert delivery.error


def test_a_tls_failure_is_rejected_with_a_clear_message() -> None:
    cause = ssl.SSLCertVerificationError(1, "certificate verify failed")
    cause.verify_message = "certificate has expired"
    error = _wrapped(httpx.ConnectError("handshake", request=REQUEST), cause)
    delivery = classify(error)
    assert delivery.outcome is Outcome.REJECTED
    assert delivery.error is not None
    assert delivery.error.startswith("TLS:")
    assert "certificate has expired" in delivery.error
    other = _wrapped(httpx.ConnectError("x", request=REQUEST), ssl.SSLError(1, "wrong version"))
    assert classify(other).outcome is Outcome.REJECTED
