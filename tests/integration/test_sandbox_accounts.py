"""The sandbox's accounts system over real HTTP: credits on a demo customer's account, once
per idempotency key, listed with the key they were made under, and refused clearly when
they cannot be given."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

import httpx
import pytest

from console.services.demo import generate_cases

from .conftest import DEMO_CASES


@pytest.fixture(scope="module")
def customer() -> tuple[str, str]:
    """A demo customer's id and the currency their account is held in."""
    person = next(iter(generate_cases(DEMO_CASES, 1))).customer
    return person.id, person.lifetime_value.currency


def credits_url(customer_id: str) -> str:
    return f"/accounts/v1/customers/{customer_id}/credits"


def balance(client: httpx.Client, customer_id: str) -> Decimal:
    reply = client.get(f"/accounts/v1/customers/{customer_id}")
    assert reply.status_code == 200, reply.text
    return Decimal(reply.json()["balance"]["amount"])


def credits(client: httpx.Client, customer_id: str, **query: Any) -> list[dict[str, Any]]:
    reply = client.get(credits_url(customer_id), params={"limit": 100, **query})
    assert reply.status_code == 200, reply.text
    data: list[dict[str, Any]] = reply.json()["data"]
    return data


def test_every_demo_customer_has_an_account_in_the_currency_they_pay_in(
    client: httpx.Client,
) -> None:
    for case_file in generate_cases(DEMO_CASES, 1):
        person = case_file.customer
        assert case_file.case.customer_id == person.id
        account = client.get(f"/accounts/v1/customers/{person.id}").json()
        assert (account["id"], account["currency"]) == (person.id, person.lifetime_value.currency)
    missing = client.get("/accounts/v1/customers/K99-99999")
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "resource_missing"


def test_a_credit_is_made_listed_and_added_to_the_balance(
    client: httpx.Client, customer: tuple[str, str]
) -> None:
    customer_id, currency = customer
    before = balance(client, customer_id)
    body = {
        "amount": "12.50",
        "currency": currency.lower(),
        "reason": "Goodwill for a late parcel",
        "metadata": {"case": "CASE-1"},
    }
    reply = client.post(credits_url(customer_id), json=body, headers={"Idempotency-Key": "cr-1"})
    assert reply.status_code == 201, reply.text
    made = reply.json()
    assert made["id"].startswith("CRD-")
    assert made["object"] == "account_credit"
    assert made["customer_id"] == customer_id
    assert made["amount"] == {"amount": "12.50", "currency": currency}
    assert made["reason"] == "Goodwill for a late parcel"
    assert made["metadata"] == {"case": "CASE-1"}
    assert made["idempotency_key"] == "cr-1"
    assert Decimal(made["balance_after"]["amount"]) == before + Decimal("12.50")
    assert balance(client, customer_id) == before + Decimal("12.50")
    assert credits(client, customer_id)[0] == made  # newest first, as it was answered
    assert credits(client, customer_id, idempotency_key="cr-1") == [made]
    assert credits(client, customer_id, idempotency_key="cr-never") == []


def test_the_same_key_replays_the_same_credit_and_gives_it_once(
    client: httpx.Client, customer: tuple[str, str]
) -> None:
    customer_id, currency = customer
    before = balance(client, customer_id)
    count = len(credits(client, customer_id))
    body = {"amount": "3.00", "currency": currency, "reason": "Sorry for the wait"}
    headers = {"Idempotency-Key": "cr-twice"}
    first = client.post(credits_url(customer_id), json=body, headers=headers)
    again = client.post(credits_url(customer_id), json=body, headers=headers)
    assert first.status_code == again.status_code == 201
    assert again.content == first.content
    assert again.headers["Idempotent-Replayed"] == "true"
    other = client.post(credits_url(customer_id), json={**body, "amount": "4.00"}, headers=headers)
    assert other.status_code == 422
    assert other.json()["error"]["code"] == "idempotency_key_reused"
    assert len(credits(client, customer_id)) == count + 1
    assert balance(client, customer_id) == before + Decimal("3.00")


def test_a_credit_whose_key_was_forgotten_is_still_found_by_its_key(
    client: httpx.Client, customer: tuple[str, str]
) -> None:
    customer_id, currency = customer
    body = {"amount": "1.00", "currency": currency, "reason": "Kept"}
    made = client.post(credits_url(customer_id), json=body, headers={"Idempotency-Key": "cr-old"})
    assert made.status_code == 201
    assert client.post("/_sandbox/idempotency/forget").json()["forgotten"] >= 1
    found = credits(client, customer_id, idempotency_key="cr-old")
    assert [c["id"] for c in found] == [made.json()["id"]]


@pytest.mark.parametrize(
    ("change", "status", "code", "param"),
    [
        ({"amount": None}, 400, "parameter_missing", "amount"),
        ({"amount": 12.5}, 400, "parameter_invalid", "amount"),
        ({"amount": "twelve"}, 400, "parameter_invalid", "amount"),
        ({"amount": "1.005"}, 400, "parameter_invalid", "amount"),
        ({"currency": None}, 400, "parameter_missing", "currency"),
        ({"currency": "US"}, 400, "parameter_invalid", "currency"),
        ({"reason": None}, 400, "parameter_missing", "reason"),
        ({"reason": "x" * 501}, 400, "parameter_too_long", "reason"),
        ({"metadata": ["a"]}, 400, "parameter_invalid", "metadata"),
        ({"note": "extra"}, 400, "parameter_unknown", "note"),
        ({"amount": "0"}, 422, "amount_invalid", "amount"),
        ({"amount": "-5.00"}, 422, "amount_invalid", "amount"),
        ({"amount": "10000.01"}, 422, "amount_too_large", "amount"),
    ],
)
def test_a_credit_that_cannot_be_given_is_refused_with_the_reason(
    client: httpx.Client,
    customer: tuple[str, str],
    change: dict[str, Any],
    status: int,
    code: str,
    param: str,
) -> None:
    customer_id, currency = customer
    body: dict[str, Any] = {"amount": "2.00", "currency": currency, "reason": "Goodwill"}
    body.update(change)
    body = {k: v for k, v in body.items() if v is not None}
    before = len(credits(client, customer_id))
    key = {"Idempotency-Key": f"bad-{uuid.uuid4()}"}
    reply = client.post(credits_url(customer_id), json=body, headers=key)
    assert reply.status_code == status, reply.text
    error = reply.json()["error"]
    assert (error["code"], error["param"]) == (code, param)
    assert error["message"]
    assert len(credits(client, customer_id)) == before
    # Nothing was stored under the key: corrected, the same key goes through.
    fixed = {"amount": "2.00", "currency": currency, "reason": "Goodwill"}
    retry = client.post(credits_url(customer_id), json=fixed, headers=key)
    assert retry.status_code == 201, retry.text


def test_a_credit_in_another_currency_or_for_an_unknown_customer_is_refused(
    client: httpx.Client, customer: tuple[str, str]
) -> None:
    customer_id, currency = customer
    other = "EUR" if currency != "EUR" else "USD"
    body = {"amount": "2.00", "currency": other, "reason": "Goodwill"}
    mismatch = client.post(credits_url(customer_id), json=body)
    assert mismatch.status_code == 422
    assert mismatch.json()["error"]["code"] == "currency_mismatch"
    assert currency in mismatch.json()["error"]["message"]
    unknown = client.post(credits_url("K99-99999"), json={**body, "currency": currency})
    assert unknown.status_code == 404
    assert unknown.json()["error"]["message"] == "No such customer: 'K99-99999'"
    assert client.get(credits_url("K99-99999")).status_code == 404
    not_json = client.post(
        credits_url(customer_id), content=b"amount=2", headers={"Content-Type": "application/json"}
    )
    assert not_json.status_code == 400


def test_credits_are_listed_newest_first_a_page_at_a_time(
    client: httpx.Client, customer: tuple[str, str]
) -> None:
    customer_id, currency = customer
    made = [
        client.post(
            credits_url(customer_id),
            json={"amount": f"0.{n + 1}0", "currency": currency, "reason": f"page {n}"},
        ).json()["id"]
        for n in range(5)
    ]
    newest = list(reversed(made))
    first = client.get(credits_url(customer_id), params={"limit": 2}).json()
    assert [c["id"] for c in first["data"]] == newest[:2]
    assert first["has_more"] is True
    second = client.get(
        credits_url(customer_id), params={"limit": 2, "starting_after": newest[1]}
    ).json()
    assert [c["id"] for c in second["data"]] == newest[2:4]
    back = client.get(
        credits_url(customer_id), params={"limit": 2, "ending_before": newest[2]}
    ).json()
    assert [c["id"] for c in back["data"]] == newest[:2]
    assert client.get(credits_url(customer_id), params={"limit": 0}).status_code == 400
    assert client.get(credits_url(customer_id), params={"limit": 101}).status_code == 400
    both = {"starting_after": newest[0], "ending_before": newest[1]}
    assert client.get(credits_url(customer_id), params=both).status_code == 400
    unknown = client.get(credits_url(customer_id), params={"starting_after": "CRD-0"})
    assert unknown.status_code == 400
    assert unknown.json()["error"]["message"] == "No such credit: 'CRD-0'"


def test_accounts_take_faults_like_every_other_system(
    client: httpx.Client, customer: tuple[str, str]
) -> None:
    customer_id, currency = customer
    down = client.post("/_sandbox/faults", json={"accounts": {"outage_until": 60}})
    assert down.status_code == 200, down.text
    reply = client.post(
        credits_url(customer_id), json={"amount": "1.00", "currency": currency, "reason": "x"}
    )
    assert reply.status_code == 503
    assert "accounts is down" in reply.json()["error"]["message"]
    assert "accounts" in client.get("/_sandbox/health").json()["systems"]


def give(client: httpx.Client, customer_id: str, body: dict[str, Any], key: str) -> httpx.Response:
    return client.post(credits_url(customer_id), json=body, headers={"Idempotency-Key": key})


def test_a_reversal_takes_a_credit_back_exactly_once(
    client: httpx.Client, customer: tuple[str, str]
) -> None:
    customer_id, currency = customer
    start = balance(client, customer_id)
    given = give(
        client, customer_id, {"amount": "7.25", "currency": currency, "reason": "Goodwill"}, "rv-1"
    ).json()
    assert given["reverses"] is None
    body = {
        "amount": "-7.25",
        "currency": currency,
        "reason": "Undo of exe-1",
        "reverses": given["id"],
    }
    reply = give(client, customer_id, body, "rv-2")
    assert reply.status_code == 201, reply.text
    taken = reply.json()
    assert taken["id"].startswith("CRD-")
    assert taken["id"] != given["id"]
    assert taken["amount"] == {"amount": "-7.25", "currency": currency}
    assert taken["reverses"] == given["id"]
    assert taken["idempotency_key"] == "rv-2"
    assert Decimal(taken["balance_after"]["amount"]) == start
    assert balance(client, customer_id) == start
    # The same request again is answered as before, and changes nothing.
    again = give(client, customer_id, body, "rv-2")
    assert (again.status_code, again.content) == (201, reply.content)
    assert again.headers["Idempotent-Replayed"] == "true"
    assert credits(client, customer_id, idempotency_key="rv-2") == [taken]
    # Under another key it is refused: the credit was taken back already.
    twice = give(client, customer_id, body, "rv-3")
    assert twice.status_code == 422
    error = twice.json()["error"]
    assert (error["code"], error["param"]) == ("credit_already_reversed", "reverses")
    assert error["message"] == f"{given['id']} was already taken back by {taken['id']}"
    assert balance(client, customer_id) == start


@pytest.mark.parametrize(
    ("change", "code", "param", "says"),
    [
        ({"reverses": None}, "amount_invalid", "amount", "name it in reverses"),
        ({"amount": "7.25"}, "amount_invalid", "amount", "negated"),
        ({"amount": "-7.24"}, "reversal_amount_mismatch", "amount", "takes back exactly that"),
        ({"amount": "-7.26"}, "reversal_amount_mismatch", "amount", "-7.25"),
        ({"reverses": "CRD-99999999"}, "credit_not_found", "reverses", "has no credit"),
        ({"currency": "XXX"}, "currency_mismatch", "currency", "is held in"),
        ({"amount": "-10000.01"}, "amount_too_large", "amount", "at most 10000.00"),
    ],
)
def test_a_reversal_that_does_not_match_its_credit_is_refused(
    client: httpx.Client,
    customer: tuple[str, str],
    change: dict[str, Any],
    code: str,
    param: str,
    says: str,
) -> None:
    customer_id, currency = customer
    given = give(
        client,
        customer_id,
        {"amount": "7.25", "currency": currency, "reason": "Goodwill"},
        f"rv-{uuid.uuid4()}",
    ).json()
    start = balance(client, customer_id)
    body = {"amount": "-7.25", "currency": currency, "reason": "Undo", "reverses": given["id"]}
    body = {k: v for k, v in {**body, **change}.items() if v is not None}
    reply = give(client, customer_id, body, f"rv-{uuid.uuid4()}")
    assert reply.status_code == 422, reply.text
    error = reply.json()["error"]
    assert (error["code"], error["param"]) == (code, param)
    assert says in error["message"]
    assert balance(client, customer_id) == start


def test_only_a_credit_of_the_same_account_that_is_not_a_reversal_is_taken_back(
    client: httpx.Client, customer: tuple[str, str]
) -> None:
    customer_id, currency = customer
    others = [
        f.customer
        for f in generate_cases(DEMO_CASES, 1)
        if f.customer.id != customer_id and f.customer.lifetime_value.currency == currency
    ]
    assert others, "the demo cases have another customer paying in the same currency"
    body = {"amount": "3.00", "currency": currency, "reason": "Goodwill"}
    theirs = give(client, others[0].id, body, f"rv-{uuid.uuid4()}").json()
    undo = {"amount": "-3.00", "currency": currency, "reason": "Undo", "reverses": theirs["id"]}
    refused = give(client, customer_id, undo, f"rv-{uuid.uuid4()}")
    assert refused.status_code == 422
    assert refused.json()["error"]["code"] == "credit_not_found"
    # Taken back from its own account it goes through; the reversal itself is not reversed.
    taken = give(client, others[0].id, undo, f"rv-{uuid.uuid4()}")
    assert taken.status_code == 201, taken.text
    back = {**body, "amount": "3.00", "reverses": taken.json()["id"]}
    assert give(client, others[0].id, back, f"rv-{uuid.uuid4()}").status_code == 422
    undo_undo = {**undo, "reverses": taken.json()["id"]}
    refused = give(client, others[0].id, undo_undo, f"rv-{uuid.uuid4()}")
    assert refused.status_code == 422
    assert refused.json()["error"]["code"] == "credit_is_a_reversal"
