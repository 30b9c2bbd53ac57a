"""The declarative REST connector: its YAML is checked (every error names file and field),
a literal secret is refused, templates fill in the action's parameters safely, and the
requests it sends and the lookups it makes do what the file says."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import Any

import httpx
import pytest

from console.connectors.delivery import Outcome
from console.connectors.registry import connectors_for, routes, sandbox_base_urls
from console.connectors.rest import RestConnector, TemplateError, form_pairs, render, render_text
from console.connectors.rest_config import ConnectorConfigError, load_config
from console.connectors.secrets import SessionSecrets
from console.domain.base import Money
from console.domain.kinds import ActionKind
from tests.aio import run

ORDERS = """
version: 1
destination: orders
base_url: https://orders.example.com/api
auth: {type: bearer, secret: orders-api-token}
headers: {X-Client: tandem}
actions:
  reship:
    method: POST
    path: /v1/orders/{params.order_id}/reships
    body:
      format: json
      template:
        items: "{params.items}"
        speed: "{params.speed|upper}"
        note: "Reship for {params.order_id} ({{tandem}})"
    success: {status: [201], remote_ref: id}
    lookup:
      path: /v1/orders/{params.order_id}/reships
      query: {limit: "50"}
      items: data
      match: {metadata.tandem_key: "{key}"}
      remote_ref: id
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def problems(path: Path) -> list[str]:
    with pytest.raises(ConnectorConfigError) as caught:
        load_config(path)
    return caught.value.problems


# --- the file ------------------------------------------------------------------------------


def test_a_valid_file_loads(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, "orders.yaml", ORDERS))
    assert config.destination == "orders"
    reship = config.actions[ActionKind.RESHIP]
    assert (reship.method, reship.success.status, reship.success.remote_ref) == (
        "POST",
        [201],
        "id",
    )
    assert config.auth is not None
    assert config.auth.secret == "orders-api-token"


def test_the_shipped_files_load_and_route_every_remote_action() -> None:
    connectors = connectors_for(None, sandbox_base_urls("http://127.0.0.1:1"), None)
    try:
        assert sorted(connectors) == [
            "accounts",
            "inventory",
            "logistics",
            "orders",
            "payments",
            "tickets",
        ]
        assert set(routes(connectors)) == {
            ActionKind.REFUND,
            ActionKind.ACCOUNT_CREDIT,
            ActionKind.RESHIP,
            ActionKind.REPLY_TO_CUSTOMER,
            ActionKind.ESCALATE,
            ActionKind.NOTIFY_LOGISTICS,
            ActionKind.ADJUST_INVENTORY,
        }
    finally:
        run(connectors.aclose())


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (("method: POST", "method: FETCH"), "actions.reship.method"),
        (("  reship:", "  reshipp:"), "actions.reshipp"),
        (("version: 1", "version: 2"), "version"),
        (("success: {status: [201]", "success: {status: [302]"), "actions.reship.success.status.0"),
        (("    method: POST", "    method: POST\n    retries: 3"), "actions.reship.retries"),
        (
            ("path: /v1/orders/{params.order_id}/reships\n    body", "path: v1\n    body"),
            "actions.reship.path",
        ),
        (("type: bearer, secret", "type: basic, secret"), "auth"),
        (("https://orders.example.com/api", "ftp://orders"), "base_url"),
    ],
)
def test_every_error_names_the_file_and_the_field(
    tmp_path: Path, change: tuple[str, str], field: str
) -> None:
    old, new = change
    assert old in ORDERS
    path = write(tmp_path, "orders.yaml", ORDERS.replace(old, new, 1))
    found = problems(path)
    assert found
    assert all(problem.startswith(f"{path}: ") for problem in found)
    assert any(f": {field}" in problem for problem in found), found


def test_all_problems_are_listed_at_once(tmp_path: Path) -> None:
    path = write(
        tmp_path, "x.yaml", ORDERS.replace("version: 1", "version: 9").replace("POST", "GETT")
    )
    found = problems(path)
    assert any(": version:" in p for p in found)
    assert any(": actions.reship.method:" in p for p in found)


def test_not_yaml_and_not_a_mapping_are_refused(tmp_path: Path) -> None:
    assert problems(write(tmp_path, "a.yaml", "version: [1\n"))[0].startswith(
        f"{tmp_path / 'a.yaml'}: not valid YAML (line"
    )
    assert "expected a mapping" in problems(write(tmp_path, "b.yaml", "- 1\n"))[0]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (
            ("headers: {X-Client: tandem}", "headers: {Authorization: Bearer abcdefgh12345}"),
            "headers.Authorization",
        ),
        (("headers: {X-Client: tandem}", "headers: {X-Api-Key: 0f3e9a}"), "headers.X-Api-Key"),
        (("secret: orders-api-token", "secret: sk_live_51Habcdefghij"), "auth.secret"),
        (("secret: orders-api-token", "secret: a8F3k2Lq9ZxP0wRt5YvB7nMc"), "auth.secret"),
        (("secret: orders-api-token}", "secret: x, password: hunter22}"), "auth.password"),
        (("https://orders.example.com/api", "https://svc:pa55word@orders.example.com"), "base_url"),
        (('speed: "{params.speed|upper}"', "api_key: k-123"), "template.api_key"),
    ],
)
def test_a_literal_secret_is_refused(tmp_path: Path, change: tuple[str, str], field: str) -> None:
    old, new = change
    assert old in ORDERS
    path = write(tmp_path, "orders.yaml", ORDERS.replace(old, new, 1))
    found = problems(path)
    assert any(field in p and "secret" in p for p in found), found
    assert not any("hunter22" in p or "pa55word" in p or "sk_live_51" in p for p in found)


def test_a_credential_header_may_name_a_parameter_but_not_hold_a_value(tmp_path: Path) -> None:
    text = ORDERS.replace("headers: {X-Client: tandem}", 'headers: {X-Request-Token: "{key}"}')
    assert load_config(write(tmp_path, "orders.yaml", text)).headers == {"X-Request-Token": "{key}"}


def test_registry_errors_name_the_file(tmp_path: Path) -> None:
    write(tmp_path, "orders.yaml", ORDERS.replace("base_url: https://orders.example.com/api", ""))
    write(tmp_path, "more.yaml", ORDERS.replace("destination: orders", "destination: more"))
    write(tmp_path, "pay.yaml", "version: 1\nkind: stripe\ndestination: pay\noptions: {x: 1}\n")
    with pytest.raises(ConnectorConfigError) as caught:
        connectors_for(tmp_path, {}, None)
    text = str(caught.value)
    assert f"{tmp_path / 'orders.yaml'}: base_url: no base URL for 'orders'" in text
    assert f"{tmp_path / 'orders.yaml'}: actions.reship: already carried by more.yaml" in text
    assert f"{tmp_path / 'pay.yaml'}: options.x: unknown option" in text


# --- templates -----------------------------------------------------------------------------

CONTEXT = {
    "params": {
        "order_id": "ORD-1",
        "items": [{"sku": "SKU-1", "quantity": 2}],
        "amount": {"amount": "12.50", "currency": "EUR"},
        "speed": "express",
        "urgent": True,
    },
    "key": "k-1",
}


def test_a_whole_placeholder_keeps_its_type_and_text_is_filled_in() -> None:
    template = {
        "items": "{params.items}",
        "first": "{params.items.0.sku}",
        "cents": "{params.amount|minor}",
        "currency": "{params.amount.currency|lower}",
        "urgent": "{params.urgent}",
        "text": "Order {params.order_id}, key {key}, {{literal}}",
        "fixed": 3,
    }
    assert render(template, CONTEXT, "t") == {
        "items": [{"sku": "SKU-1", "quantity": 2}],
        "first": "SKU-1",
        "cents": 1250,
        "currency": "eur",
        "urgent": True,
        "text": "Order ORD-1, key k-1, {literal}",
        "fixed": 3,
    }


def test_an_optional_field_without_a_value_is_left_out() -> None:
    template = {
        "order": "{params.order_id|optional}",
        "nothing": "{params.reverses|optional}",
        "missing": "{params.reverses_too|optional}",
        "deep": {"gone": "{params.amount.nope|optional}", "kept": "{params.urgent|optional}"},
        "list": ["{params.nope|optional}", "{params.speed}"],
    }
    context = {"params": {**CONTEXT["params"], "reverses": None}}
    assert render(template, context, "t") == {
        "order": "ORD-1",
        "deep": {"kept": True},
        "list": ["express"],
    }
    assert render("{params.reverses|optional}", context, "t") is None
    with pytest.raises(TemplateError, match="optional is for a body field that is one"):
        render({"text": "credit {params.reverses|optional}"}, context, "t")
    with pytest.raises(TemplateError, match="optional is for a body field that is one"):
        render_text("/v1/{params.order_id|optional}", context, "path", segment=True)


def test_a_path_value_is_one_segment() -> None:
    context = {"params": {"order_id": "../admin?x=1#"}}
    path = render_text("/v1/orders/{params.order_id}", context, "path", segment=True)
    assert path == "/v1/orders/..%2Fadmin%3Fx%3D1%23"


@pytest.mark.parametrize(
    ("template", "says"),
    [
        ("{params.missing}", "{params.missing} is not in the action's parameters"),
        ("{secrets.x}", "{secrets.x} is not in"),
        ("{params.speed|shout}", "unknown filter 'shout'"),
        ("x {params.items}", "a list or object cannot be put into text"),
        ("{params.speed|minor}", "minor needs a money value"),
    ],
)
def test_a_template_that_cannot_be_filled_says_where(template: str, says: str) -> None:
    with pytest.raises(TemplateError) as caught:
        render({"field": template}, CONTEXT, "orders.yaml: actions.reship.body")
    assert says in str(caught.value)


def test_money_with_more_decimals_than_its_currency_is_refused() -> None:
    with pytest.raises(TemplateError, match="more decimals"):
        render("{params.m|minor}", {"params": {"m": {"amount": "1.5", "currency": "JPY"}}}, "t")


def test_form_fields_are_nested_with_brackets() -> None:
    body = {"a": "1", "metadata": {"k": "v"}, "items": [{"sku": "S", "n": 2}], "none": None}
    assert form_pairs(body) == [
        ("a", "1"),
        ("metadata[k]", "v"),
        ("items[0][sku]", "S"),
        ("items[0][n]", "2"),
    ]


# --- sending and looking up ----------------------------------------------------------------


def _connector(
    tmp_path: Path, handler: Any, secrets: SessionSecrets | None = None
) -> tuple[RestConnector, httpx.AsyncClient]:
    config = load_config(write(tmp_path, "orders.yaml", ORDERS))
    client = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    connector = RestConnector(
        config,
        base_url=config.base_url or "",
        client=client,
        secrets=secrets,
        source="orders.yaml",
    )
    return connector, client


RESHIP = {"order_id": "ORD 7/1", "items": [{"sku": "SKU-1", "quantity": 1}], "speed": "standard"}


def test_send_builds_the_configured_request_with_the_key_and_the_secret(tmp_path: Path) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(201, json={"id": "ORD-R1", "object": "order"})

    secrets = SessionSecrets()
    secrets.set("orders-api-token", "tok-123")
    connector, client = _connector(tmp_path, handler, secrets)

    async def go() -> Any:
        async with client:
            return await connector.send(ActionKind.RESHIP, RESHIP, "key-1")

    delivery = run(go())
    assert (delivery.outcome, delivery.remote_ref, delivery.status) == (
        Outcome.DELIVERED,
        "ORD-R1",
        201,
    )
    (request,) = seen
    assert request.method == "POST"
    assert str(request.url) == "https://orders.example.com/api/v1/orders/ORD%207%2F1/reships"
    assert request.headers["Idempotency-Key"] == "key-1"
    assert request.headers["Authorization"] == "Bearer tok-123"
    assert request.headers["X-Client"] == "tandem"
    assert json.loads(request.content) == {
        "items": [{"sku": "SKU-1", "quantity": 1}],
        "speed": "STANDARD",
        "note": "Reship for ORD 7/1 ({tandem})",
    }
    assert "tok-123" not in repr(connector)


def test_without_its_secret_nothing_is_sent(tmp_path: Path) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise AssertionError("nothing may be sent without the credential")

    connector, client = _connector(tmp_path, handler, SessionSecrets())

    async def go() -> Any:
        async with client:
            return await connector.send(ActionKind.RESHIP, RESHIP, "key-1")

    delivery = run(go())
    assert delivery.outcome is Outcome.REJECTED
    assert "'orders-api-token' is not in the keyring" in delivery.error


def test_a_parameter_the_template_needs_is_missing(tmp_path: Path) -> None:
    connector, client = _connector(tmp_path, lambda r: httpx.Response(201), SessionSecrets())
    delivery = run(connector.send(ActionKind.RESHIP, {"order_id": "O"}, "key-1"))
    run(client.aclose())
    assert delivery.outcome is Outcome.REJECTED
    assert "orders.yaml: actions.reship.body.template.items" in delivery.error


def test_an_unexpected_success_status_is_not_taken_as_done(tmp_path: Path) -> None:
    secrets = SessionSecrets()
    secrets.set("orders-api-token", "t")
    connector, client = _connector(tmp_path, lambda r: httpx.Response(200, json={}), secrets)
    delivery = run(connector.send(ActionKind.RESHIP, RESHIP, "key-1"))
    run(client.aclose())
    assert delivery.outcome is Outcome.UNKNOWN
    assert "expected 201" in delivery.error


def test_lookup_finds_the_item_carrying_the_key(tmp_path: Path) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        assert request.method == "GET"
        assert request.url.params["limit"] == "50"
        return httpx.Response(
            200,
            json={
                "data": [
                    {"id": "ORD-R1", "metadata": {"tandem_key": "other"}},
                    {"id": "ORD-R2", "metadata": {"tandem_key": "key-2"}},
                ]
            },
        )

    secrets = SessionSecrets()
    secrets.set("orders-api-token", "t")
    connector, client = _connector(tmp_path, handler, secrets)
    assert connector.lookup_supported

    async def go() -> tuple[Any, Any]:
        async with client:
            found = await connector.lookup(ActionKind.RESHIP, RESHIP, "key-2")
            missing = await connector.lookup(ActionKind.RESHIP, RESHIP, "key-3")
            return found, missing

    found, missing = run(go())
    assert (found.outcome, found.remote_ref) == (Outcome.DELIVERED, "ORD-R2")
    assert missing is None


def test_money_parameters_are_read_from_domain_models() -> None:
    rendered = render("{params.amount|minor}", {"params": {"amount": Money.of("9.99", "USD")}}, "t")
    assert rendered == 999
