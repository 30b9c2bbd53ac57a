"""Refunds through a Stripe-style payments API (Stripe itself, or the bundled sandbox).

``POST {base_url}/v1/refunds``, form-encoded exactly as Stripe documents it: ``charge`` (or
``payment_intent`` for ``pi_…`` ids), ``amount`` as an integer in the currency's minor
units, ``currency`` in lower case, ``reason`` from Stripe's three, and ``metadata[…]``
carrying the idempotency key (``metadata[tandem_key]``), the order or subscription and
Tandem's own reason. The ``Idempotency-Key`` header makes a re-send safe for 24 hours;
the metadata makes the refund findable after that: :meth:`StripeRefunds.lookup` lists the
payment's refunds and matches the key.

The same code talks to Stripe (``https://api.stripe.com``) and to the sandbox
(``http://127.0.0.1:port/payments``): only the base URL differs.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

import httpx

from console.domain.kinds import ActionKind

from .delivery import Delivery, Outcome, rejected
from .http import Auth, CredentialError, credential_failure, exchange
from .rest import TemplateError, form_pairs, join_url, jsonable, to_minor
from .secrets import Secrets

__all__ = ["API_VERSION", "METADATA_KEY", "StripeRefunds", "refund_form"]

API_VERSION = "2023-08-16"  # the version of the vendored spec the requests are checked against
METADATA_KEY = "tandem_key"
LIST_PAGE = 100
LIST_PAGES = 10  # a payment with more than 1,000 refunds is not looked through
STRIPE_REASONS = ("duplicate", "fraudulent", "requested_by_customer")
_FAILED = frozenset({"failed", "canceled"})


def stripe_reason(text: str) -> str:
    """Stripe's reason for Tandem's free-text one (kept in full in the metadata)."""
    lowered = text.strip().lower()
    if lowered in STRIPE_REASONS:
        return lowered
    if "duplicate" in lowered or "double" in lowered or "charged twice" in lowered:
        return "duplicate"
    if "fraud" in lowered:
        return "fraudulent"
    return "requested_by_customer"


def payment_field(payment_id: str) -> str:
    """Stripe names a PaymentIntent ``pi_…``; anything else is a charge."""
    return "payment_intent" if payment_id.startswith("pi_") else "charge"


def refund_form(params: Mapping[str, Any], key: str) -> dict[str, Any]:
    """The refund's form fields (nested ``metadata``) for Tandem's refund parameters."""
    values = jsonable(params)
    try:
        payment_id = str(values["payment_id"])
        money = values["amount"]
        reason = str(values["reason"])
    except KeyError as exc:
        raise TemplateError(f"a refund needs {exc.args[0]}") from None
    metadata = {METADATA_KEY: key, "tandem_reason": reason[:500]}
    for ref in ("order_id", "subscription_id"):
        if values.get(ref):
            metadata[ref] = str(values[ref])
    return {
        payment_field(payment_id): payment_id,
        "amount": str(to_minor(money)),
        "currency": str(money["currency"]).lower(),
        "reason": stripe_reason(reason),
        "metadata": metadata,
    }


class StripeRefunds:
    """The ``payments`` destination: refunds, Stripe-style."""

    lookup_supported = True
    actions = frozenset({ActionKind.REFUND})

    def __init__(
        self,
        *,
        base_url: str,
        client: httpx.AsyncClient,
        secrets: Secrets | None = None,
        auth: Auth | None = None,
        name: str = "payments",
        api_version: str | None = API_VERSION,
    ) -> None:
        self.name = name
        self.base_url = base_url
        self._client = client
        self._secrets = secrets
        self._auth = auth
        self._api_version = api_version

    def __repr__(self) -> str:
        return f"StripeRefunds({self.name!r}, {self.base_url!r})"

    def _headers(self) -> dict[str, str]:
        headers = {"Accept": "application/json"}
        if self._api_version:
            headers["Stripe-Version"] = self._api_version
        if self._auth is not None:
            headers.update(self._auth.headers(self._secrets))
        return headers

    def build_request(
        self, action: ActionKind, params: Mapping[str, Any], key: str
    ) -> httpx.Request:
        if ActionKind(action) is not ActionKind.REFUND:
            raise TemplateError(f"{self.name} makes refunds only, not {action}")
        form = refund_form(params, key)
        headers = {
            **self._headers(),
            "Idempotency-Key": key,
            "Content-Type": "application/x-www-form-urlencoded",
        }
        return self._client.build_request(
            "POST",
            join_url(self.base_url, "/v1/refunds"),
            headers=headers,
            content=urlencode(form_pairs(form)).encode(),
        )

    async def send(self, action: ActionKind, params: Mapping[str, Any], key: str) -> Delivery:
        try:
            request = self.build_request(action, params, key)
        except TemplateError as exc:
            return rejected(str(exc))
        except CredentialError as exc:
            return credential_failure(exc)
        delivery, _ = await exchange(self._client, request)
        if delivery.outcome is not Outcome.DELIVERED:
            return delivery
        return _refund_delivery(delivery.body, delivery.status)

    def list_request(
        self, params: Mapping[str, Any], starting_after: str | None = None
    ) -> httpx.Request:
        payment_id = str(jsonable(params).get("payment_id") or "")
        if not payment_id:
            raise TemplateError("a refund needs payment_id")
        query: dict[str, str | int] = {payment_field(payment_id): payment_id, "limit": LIST_PAGE}
        if starting_after:
            query["starting_after"] = starting_after
        return self._client.build_request(
            "GET", join_url(self.base_url, "/v1/refunds"), params=query, headers=self._headers()
        )

    async def lookup(
        self, action: ActionKind, params: Mapping[str, Any], key: str
    ) -> Delivery | None:
        """The refund made under ``key``, from the payment's refunds (newest first)."""
        after: str | None = None
        for _ in range(LIST_PAGES):
            try:
                request = self.list_request(params, after)
            except TemplateError as exc:
                return rejected(str(exc))
            except CredentialError as exc:
                return credential_failure(exc)
            delivery, _ = await exchange(self._client, request)
            if delivery.outcome is not Outcome.DELIVERED:
                return delivery
            page = delivery.body or {}
            refunds = [r for r in page.get("data", []) if isinstance(r, dict)]
            for refund in refunds:
                metadata = refund.get("metadata")
                if isinstance(metadata, dict) and metadata.get(METADATA_KEY) == key:
                    return _refund_delivery(refund, delivery.status)
            if not page.get("has_more") or not refunds:
                return None
            after = str(refunds[-1].get("id"))
        return Delivery(
            Outcome.UNKNOWN,
            error=f"more than {LIST_PAGES * LIST_PAGE} refunds on the payment; not looked through",
        )


def _refund_delivery(refund: dict[str, Any] | None, status: int | None) -> Delivery:
    if refund is None or not isinstance(refund.get("id"), str):
        return Delivery(
            Outcome.UNKNOWN, status=status, error="the answer names no refund", body=refund
        )
    if refund.get("status") in _FAILED:
        why = refund.get("failure_reason") or refund.get("status")
        return Delivery(
            Outcome.REJECTED,
            status=status,
            remote_ref=refund["id"],
            error=f"the refund {refund['id']} {refund.get('status')} ({why})",
            body=refund,
        )
    return Delivery(Outcome.DELIVERED, status=status, remote_ref=refund["id"], body=refund)
