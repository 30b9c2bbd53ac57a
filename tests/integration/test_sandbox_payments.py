"""The payments system speaks a Stripe-compatible subset: checked against Stripe's own spec."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import jsonschema
import pytest

from .conftest import DemoIds

# Stripe's published spec, vendored in tests/specs.
SPEC = Path(__file__).resolve().parents[1] / "specs" / "stripe" / "refunds-slice.json"
REFUNDS = "/payments/v1/refunds"


def _schema(name: str) -> dict[str, Any]:
    """A component of Stripe's spec as JSON Schema (OpenAPI's ``nullable`` made explicit)."""
    spec = json.loads(SPEC.read_text(encoding="utf-8"))

    def convert(node: Any) -> Any:
        if isinstance(node, list):
            return [convert(item) for item in node]
        if not isinstance(node, dict):
            return node
        out = {key: convert(value) for key, value in node.items() if key != "nullable"}
        if "$ref" in out:
            out["$ref"] = out["$ref"].replace("#/components/schemas/", "#/$defs/")
        if node.get("nullable"):
            if "type" in out:
                out["type"] = [out["type"], "null"]
            if "enum" in out:
                out["enum"] = [*out["enum"], None]
            if "anyOf" in out:
                out["anyOf"] = [*out["anyOf"], {"type": "null"}]
        return out

    defs = convert(spec["components"]["schemas"])
    return {**defs[name], "$defs": defs}


def test_a_form_encoded_refund_is_created_like_stripe(client: httpx.Client, demo: DemoIds) -> None:
    charge_before = client.get(f"/payments/v1/charges/{demo.charge_id}").json()
    reply = client.post(
        REFUNDS,
        data={
            "charge": demo.charge_id,
            "amount": "200",
            "reason": "requested_by_customer",
            "metadata[case_id]": "C01-00001",
            "metadata[step]": "2",
        },
    )
    assert reply.status_code == 200, reply.text
    refund = reply.json()
    assert refund["object"] == "refund"
    assert refund["id"].startswith("re_")
    assert (refund["amount"], refund["charge"], refund["status"]) == (
        200,
        demo.charge_id,
        "succeeded",
    )
    assert refund["metadata"] == {"case_id": "C01-00001", "step": "2"}
    assert refund["currency"] == charge_before["currency"]
    assert client.get(f"{REFUNDS}/{refund['id']}").json() == refund
    charge = client.get(f"/payments/v1/charges/{demo.charge_id}").json()
    assert charge["amount_refunded"] == charge_before["amount_refunded"] + 200
    assert charge["refunds"]["data"][0]["id"] == refund["id"]


def test_refunds_are_listed_by_charge_newest_first_with_pagination(
    client: httpx.Client, demo: DemoIds
) -> None:
    made = [
        client.post(REFUNDS, data={"charge": demo.charge_id, "amount": str(n)}).json()["id"]
        for n in (11, 12, 13)
    ]
    first = client.get(REFUNDS, params={"charge": demo.charge_id, "limit": 2}).json()
    assert first["object"] == "list"
    assert first["url"] == "/v1/refunds"
    assert [r["id"] for r in first["data"]] == made[::-1][:2]
    assert first["has_more"] is True
    rest = client.get(
        REFUNDS,
        params={"charge": demo.charge_id, "limit": 1, "starting_after": first["data"][-1]["id"]},
    ).json()
    assert [r["id"] for r in rest["data"]] == [made[0]]
    other = client.get(REFUNDS, params={"charge": "PAY-does-not-exist"}).json()
    assert other["data"] == []
    assert other["has_more"] is False


def test_a_refund_beyond_what_remains_is_refused_in_stripes_error_shape(
    client: httpx.Client, demo: DemoIds
) -> None:
    charge = client.get(f"/payments/v1/charges/{demo.charge_id}").json()
    remaining = charge["amount"] - charge["amount_refunded"]
    reply = client.post(REFUNDS, data={"charge": demo.charge_id, "amount": str(remaining + 1)})
    assert reply.status_code == 400
    error = reply.json()["error"]
    assert error["type"] == "invalid_request_error"
    assert error["code"] == "amount_too_large"
    assert error["param"] == "amount"
    after = client.get(f"/payments/v1/charges/{demo.charge_id}").json()
    assert after["amount_refunded"] == charge["amount_refunded"]


def test_missing_and_unknown_things_are_reported_like_stripe(client: httpx.Client) -> None:
    missing = client.get(f"{REFUNDS}/re_nothing")
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "resource_missing"
    no_charge = client.post(REFUNDS, data={"amount": "100"})
    assert no_charge.status_code == 400
    assert no_charge.json()["error"]["code"] == "parameter_missing"
    unknown = client.post(REFUNDS, data={"charge": "PAY-x", "colour": "red"})
    assert unknown.json()["error"] == {
        "type": "invalid_request_error",
        "code": "parameter_unknown",
        "message": "Received unknown parameter: colour",
        "param": "colour",
    }


def test_responses_validate_against_stripes_schemas(client: httpx.Client, demo: DemoIds) -> None:
    refund = client.post(
        REFUNDS, data={"payment_intent": f"pi_{demo.charge_id}", "amount": "5"}
    ).json()
    jsonschema.validate(refund, _schema("refund"))
    jsonschema.validate(
        client.get(f"/payments/v1/charges/{demo.charge_id}").json(), _schema("charge")
    )
    error = client.post(REFUNDS, data={"charge": demo.charge_id, "amount": "999999999"}).json()
    jsonschema.validate(error, _schema("error"))
    with pytest.raises(jsonschema.ValidationError):  # the check itself can fail
        jsonschema.validate({**refund, "amount": "5"}, _schema("refund"))
