"""The requests the Stripe and Zendesk connectors build obey the vendors' own OpenAPI
descriptions (vendored in tests/specs), checked with jsonschema over each operation's
request schema; a deliberately wrong request is refused, so the check is known to bite."""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import httpx
import jsonschema
import pytest
import yaml

from console.connectors.stripe import StripeRefunds, refund_form
from console.connectors.zendesk import ZendeskTickets, marker
from console.domain.base import Money
from console.domain.kinds import ActionKind
from tests.aio import run

SPECS = Path(__file__).resolve().parents[1] / "specs"
KEY = "c-42/proposal-7/step-2"


def _json_schema(node: Any) -> Any:
    """OpenAPI 3.0 schema → JSON Schema: ``nullable`` made explicit, refs to ``$defs``."""
    if isinstance(node, list):
        return [_json_schema(item) for item in node]
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key == "nullable":
            continue
        if key in ("properties", "$defs") and isinstance(value, dict):
            # names of properties, not keywords: a property may be called "nullable"
            out[key] = {name: _json_schema(sub) for name, sub in value.items()}
        else:
            out[key] = _json_schema(value)
    if isinstance(out.get("$ref"), str):
        out["$ref"] = out["$ref"].replace("#/components/schemas/", "#/$defs/")
    if node.get("nullable") is True:
        if "type" in out:
            out["type"] = [out["type"], "null"]
        if "enum" in out:
            out["enum"] = [*out["enum"], None]
        if "anyOf" in out:
            out["anyOf"] = [*out["anyOf"], {"type": "null"}]
    return out


class _SpecLoader(yaml.SafeLoader):
    """Zendesk's file uses YAML 1.1's ``=`` (value) tag in an example; read it as text."""


_SpecLoader.add_constructor(
    "tag:yaml.org,2002:value", lambda loader, node: loader.construct_scalar(node)
)


@cache
def stripe_spec() -> dict[str, Any]:
    spec: dict[str, Any] = json.loads((SPECS / "stripe" / "refunds-slice.json").read_text())
    return spec


@cache
def zendesk_spec() -> dict[str, Any]:
    text = (SPECS / "zendesk" / "zendesk-support-oas.yaml").read_text(encoding="utf-8")
    spec: dict[str, Any] = yaml.load(text, Loader=_SpecLoader)  # a SafeLoader
    return spec


def _with_defs(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    defs = spec["components"]["schemas"]
    return {**_json_schema(schema), "$defs": {n: _json_schema(d) for n, d in defs.items()}}


_checked: set[int] = set()


def validate(instance: Any, schema: dict[str, Any]) -> None:
    """``jsonschema.validate``, checking each (large, cached) schema itself only once."""
    cls = jsonschema.validators.validator_for(schema)
    if id(schema) not in _checked:
        cls.check_schema(schema)
        _checked.add(id(schema))
    error = jsonschema.exceptions.best_match(cls(schema).iter_errors(instance))
    if error is not None:
        raise error


def _coerce(value: str, schema: dict[str, Any]) -> Any:
    """A form field's text as the type its schema names (as a server would read it)."""
    kind = schema.get("type")
    if kind == "integer" and value.lstrip("-").isdigit():
        return int(value)
    if kind == "boolean" and value in ("true", "false"):
        return value == "true"
    return value


def decode_form(body: bytes, schema: dict[str, Any]) -> dict[str, Any]:
    """An ``application/x-www-form-urlencoded`` body with deepObject fields (``a[b]=c``)."""
    out: dict[str, Any] = {}
    properties = schema.get("properties", {})
    for name, value in parse_qsl(body.decode(), keep_blank_values=True, strict_parsing=True):
        if "[" in name:
            outer, inner = name.rstrip("]").split("[", 1)
            out.setdefault(outer, {})[inner] = value
        else:
            out[name] = _coerce(value, properties.get(name, {}))
    return out


def _operation(spec: dict[str, Any], path: str, method: str) -> dict[str, Any]:
    operation: dict[str, Any] = spec["paths"][path][method]
    return operation


def _request(build: Any) -> httpx.Request:
    async def go() -> httpx.Request:
        async with httpx.AsyncClient() as client:
            request: httpx.Request = build(client)
            return request

    return run(go())


# --- Stripe: POST /v1/refunds, GET /v1/refunds ------------------------------------------


@cache
def stripe_refund_schema() -> dict[str, Any]:
    body = _operation(stripe_spec(), "/v1/refunds", "post")["requestBody"]
    schema = body["content"]["application/x-www-form-urlencoded"]["schema"]
    return _with_defs(stripe_spec(), schema)


def _refund_params(amount: str, currency: str, payment_id: str = "ch_3Nabc") -> dict[str, Any]:
    return {
        "order_id": "ORD-1001",
        "payment_id": payment_id,
        "amount": Money.of(amount, currency),
        "reason": "The parcel arrived a week late",
    }


def stripe_request(params: dict[str, Any]) -> httpx.Request:
    return _request(
        lambda client: StripeRefunds(
            base_url="https://api.stripe.com", client=client
        ).build_request(ActionKind.REFUND, params, KEY)
    )


@pytest.mark.parametrize(
    ("amount", "currency", "minor"),
    [("12.34", "EUR", 1234), ("1200", "JPY", 1200), ("1.234", "KWD", 1234), ("0.5", "USD", 50)],
)
def test_a_refund_request_is_stripes_form(amount: str, currency: str, minor: int) -> None:
    request = stripe_request(_refund_params(amount, currency))
    assert (request.method, str(request.url)) == ("POST", "https://api.stripe.com/v1/refunds")
    assert request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert request.headers["Idempotency-Key"] == KEY
    schema = stripe_refund_schema()
    form = decode_form(request.content, schema)
    validate(form, schema)
    assert form["charge"] == "ch_3Nabc"
    assert (form["amount"], form["currency"]) == (minor, currency.lower())
    assert form["reason"] == "requested_by_customer"
    assert form["metadata"] == {
        "tandem_key": KEY,
        "tandem_reason": "The parcel arrived a week late",
        "order_id": "ORD-1001",
    }


def test_a_payment_intent_is_named_as_one() -> None:
    request = stripe_request(_refund_params("5", "GBP", payment_id="pi_3Nxyz"))
    form = decode_form(request.content, stripe_refund_schema())
    validate(form, stripe_refund_schema())
    assert form["payment_intent"] == "pi_3Nxyz"
    assert "charge" not in form


def test_the_refunds_lookup_asks_what_stripe_lists() -> None:
    request = _request(
        lambda client: StripeRefunds(base_url="https://api.stripe.com", client=client).list_request(
            {"payment_id": "ch_3Nabc"}, starting_after="re_1"
        )
    )
    assert (request.method, request.url.path) == ("GET", "/v1/refunds")
    parameters = {
        p["name"]: p["schema"]
        for p in _operation(stripe_spec(), "/v1/refunds", "get")["parameters"]
    }
    for name, value in request.url.params.items():
        assert name in parameters
        validate(_coerce(value, parameters[name]), parameters[name])
    assert request.url.params["charge"] == "ch_3Nabc"


@pytest.mark.parametrize(
    "broken",
    [
        {"amount": "12.50"},  # not an integer of minor units
        {"reason": "late_delivery"},  # not one of Stripe's reasons
        {"colour": "red"},  # not a parameter
        {"metadata": ["a"]},
    ],
)
def test_the_stripe_check_refuses_a_wrong_request(broken: dict[str, Any]) -> None:
    schema = stripe_refund_schema()
    form = decode_form(stripe_request(_refund_params("1", "USD")).content, schema)
    form.update(
        {k: _coerce(v, {"type": "integer"}) if k == "amount" else v for k, v in broken.items()}
    )
    with pytest.raises(jsonschema.ValidationError):
        validate(form, schema)


def test_refund_form_keeps_free_text_reasons_and_stripes_own() -> None:
    form = refund_form(
        {
            "payment_id": "pi_1",
            "subscription_id": "SUB-1",
            "amount": {"amount": Decimal("1200"), "currency": "JPY"},
            "reason": "Charged twice for May",
        },
        "k",
    )
    assert (form["amount"], form["currency"], form["reason"]) == ("1200", "jpy", "duplicate")
    assert form["metadata"]["subscription_id"] == "SUB-1"


# --- Zendesk: PUT /api/v2/tickets/{ticket_id} ---------------------------------------------


@cache
def zendesk_update_schema() -> dict[str, Any]:
    body = _operation(zendesk_spec(), "/api/v2/tickets/{ticket_id}", "put")["requestBody"]
    return _with_defs(zendesk_spec(), body["content"]["application/json"]["schema"])


def zendesk_request(action: ActionKind, params: dict[str, Any]) -> httpx.Request:
    return _request(
        lambda client: ZendeskTickets(
            base_url="https://acme.zendesk.com", client=client
        ).build_request(action, params, KEY)
    )


def _zendesk_cases() -> Iterator[tuple[ActionKind, dict[str, Any], dict[str, Any]]]:
    yield (
        ActionKind.REPLY_TO_CUSTOMER,
        {"ticket_id": "TCK-4665515", "channel": "email", "language": "en", "body": "Sent again."},
        {"comment": {"body": f"Sent again.\n\n{marker(KEY)}", "public": True}, "status": "pending"},
    )
    yield (
        ActionKind.ESCALATE,
        {"ticket_id": 4665515, "team": "billing", "reason": "Over the cap", "urgent": True},
        {
            "comment": {
                "body": f"Escalated to billing: Over the cap\n\n{marker(KEY)}",
                "public": False,
            },
            "status": "open",
            "priority": "urgent",
        },
    )


@pytest.mark.parametrize(("action", "params", "ticket"), list(_zendesk_cases()))
def test_ticket_updates_are_zendesks_request(
    action: ActionKind, params: dict[str, Any], ticket: dict[str, Any]
) -> None:
    request = zendesk_request(action, params)
    assert (request.method, str(request.url)) == (
        "PUT",
        "https://acme.zendesk.com/api/v2/tickets/4665515",
    )
    ticket_param = zendesk_spec()["components"]["parameters"]["TicketId"]["schema"]
    validate(int(request.url.path.rsplit("/", 1)[1]), ticket_param)
    body = json.loads(request.content)
    validate(body, zendesk_update_schema())
    assert body == {"ticket": ticket}


@pytest.mark.parametrize(
    "broken",
    [
        {"status": "escalated"},
        {"priority": "asap"},
        {"comment": {"body": "x", "public": "yes"}},
        {"comment": "just text"},
    ],
)
def test_the_zendesk_check_refuses_a_wrong_request(broken: dict[str, Any]) -> None:
    request = zendesk_request(ActionKind.REPLY_TO_CUSTOMER, {"ticket_id": "1", "body": "Hi"})
    body = json.loads(request.content)
    body["ticket"].update(broken)
    with pytest.raises(jsonschema.ValidationError):
        validate(body, zendesk_update_schema())
