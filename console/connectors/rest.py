"""A declarative REST connector: an integrator connects a system with a YAML file, no code.

Templates are the YAML's own structure with placeholders, not a template language:

- ``{params.order_id}``, ``{key}`` (the idempotency key), ``{action}``; a dotted path
  reaches into the parameters (``{params.amount.currency}``); ``{{``/``}}`` are braces;
- a filter may follow a bar: ``lower``, ``upper``, ``minor`` (a money value → an integer
  in the currency's minor units), ``str``;
- a string that is one placeholder keeps the value's type in a JSON body (a list of
  items stays a list); anything else is text;
- ``optional`` marks a body field whose parameter may have no value
  (``reverses: "{params.reverses|optional}"``): when it is missing or null the field is
  left out. Only a field that is one placeholder may be optional;
- in a path a value is percent-encoded as one segment (``/`` included), so a parameter
  can never move the request to another resource; a missing name is an error, never "".

Why not Jinja2 (even sandboxed, with StrictUndefined): it renders *text*, so a JSON body
would be text that has to be escaped right in every template or it breaks or injects,
and it brings an expression language into files that only need to name values. Here the
structure comes from YAML, values are substituted, nothing is evaluated.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import quote, urlencode

import httpx

from console.domain.base import minor_units
from console.domain.kinds import ActionKind

from .delivery import Delivery, Outcome, rejected
from .http import CredentialError, credential_failure, dotted, exchange
from .rest_config import ActionConfig, DestinationConfig, LookupConfig
from .secrets import Secrets

__all__ = ["RestConnector", "TemplateError", "jsonable", "render", "render_text"]

_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_.\-]*)(?:\|([a-z]+))?\}")
_ONLY = re.compile(r"^\{([A-Za-z_][A-Za-z0-9_.\-]*)(?:\|([a-z]+))?\}$")


class TemplateError(ValueError):
    """A template names something the action does not have, or cannot use its value."""


def jsonable(value: Any) -> Any:
    """Parameters as plain JSON values (pydantic models dumped, Decimals as text)."""
    dump = getattr(value, "model_dump", None)
    if callable(dump):
        return jsonable(dump(mode="json"))
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, Decimal):
        return str(value)
    if hasattr(value, "value") and isinstance(getattr(value, "value", None), str):
        return value.value  # an enum
    return value


def to_minor(money: Any) -> int:
    """A money value (``{"amount": "12.50", "currency": "EUR"}``) in minor units: 1250."""
    if not isinstance(money, Mapping):
        money = jsonable(money)
    if not isinstance(money, Mapping):
        raise TemplateError("minor needs a money value with amount and currency")
    try:
        amount = Decimal(str(money["amount"]))
        currency = str(money["currency"]).upper()
    except (KeyError, InvalidOperation) as exc:
        raise TemplateError("minor needs a money value with amount and currency") from exc
    scaled = amount.scaleb(minor_units(currency))
    if scaled != scaled.to_integral_value():
        raise TemplateError(f"{amount} {currency} has more decimals than {currency} allows")
    return int(scaled)


_ABSENT = object()  # an optional body field without a value: left out


def _filter(value: Any, name: str | None, where: str) -> Any:
    if name is None:
        return value
    if name == "minor":
        return to_minor(value)
    if name == "str":
        return _text(value, where)
    if name in ("lower", "upper"):
        text = _text(value, where)
        return text.lower() if name == "lower" else text.upper()
    raise TemplateError(f"unknown filter {name!r} in {where}")


def _lookup(context: Mapping[str, Any], name: str, where: str) -> Any:
    node: Any = context
    for part in name.split("."):
        if isinstance(node, Mapping) and part in node:
            node = node[part]
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            raise TemplateError(f"{where}: {{{name}}} is not in the action's parameters")
    if node is None:
        raise TemplateError(f"{where}: {{{name}}} has no value")
    return node


def _text(value: Any, where: str) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str | int | Decimal):
        return str(value)
    raise TemplateError(f"{where}: a list or object cannot be put into text")


def render_text(
    template: str, context: Mapping[str, Any], where: str, *, segment: bool = False
) -> str:
    """``template`` with each placeholder replaced by its value as text (percent-encoded
    as one path segment if ``segment``)."""

    def replace(match: re.Match[str]) -> str:
        if match.group(0) in ("{{", "}}"):
            return match.group(0)[0]
        if match.group(2) == "optional":
            raise TemplateError(f"{where}: optional is for a body field that is one placeholder")
        value = _filter(_lookup(context, match.group(1), where), match.group(2), where)
        text = _text(value, where)
        return quote(text, safe="") if segment else text

    return _PLACEHOLDER.sub(replace, template)


def render(template: Any, context: Mapping[str, Any], where: str) -> Any:
    """A body template (dicts, lists, strings, numbers) with its placeholders filled;
    optional fields without a value left out."""
    value = _render(template, context, where)
    return None if value is _ABSENT else value


def _render(template: Any, context: Mapping[str, Any], where: str) -> Any:
    if isinstance(template, Mapping):
        fields = ((str(k), _render(v, context, f"{where}.{k}")) for k, v in template.items())
        return {k: v for k, v in fields if v is not _ABSENT}
    if isinstance(template, list):
        items = (_render(v, context, f"{where}.{i}") for i, v in enumerate(template))
        return [v for v in items if v is not _ABSENT]
    if isinstance(template, str):
        only = _ONLY.match(template)
        if only and only.group(2) == "optional":
            return _optional(context, only.group(1), where)
        if only:
            return _filter(_lookup(context, only.group(1), where), only.group(2), where)
        return render_text(template, context, where)
    return template


def _optional(context: Mapping[str, Any], name: str, where: str) -> Any:
    """The value of ``name``, or _ABSENT when it is missing or null."""
    try:
        return _lookup(context, name, where)
    except TemplateError:
        return _ABSENT


def form_pairs(value: Any, prefix: str = "") -> list[tuple[str, str]]:
    """A nested body as form fields, Stripe-style: ``metadata[a]=1``, ``items[0][sku]=X``."""
    if isinstance(value, Mapping):
        pairs: list[tuple[str, str]] = []
        for key, item in value.items():
            pairs += form_pairs(item, f"{prefix}[{key}]" if prefix else str(key))
        return pairs
    if isinstance(value, list):
        pairs = []
        for index, item in enumerate(value):
            pairs += form_pairs(item, f"{prefix}[{index}]")
        return pairs
    if value is None:
        return []
    return [(prefix, _text(value, prefix))]


def join_url(base_url: str, path: str) -> str:
    return base_url.rstrip("/") + path


class RestConnector:
    """Delivers the actions a :class:`DestinationConfig` describes."""

    def __init__(
        self,
        config: DestinationConfig,
        *,
        base_url: str,
        client: httpx.AsyncClient,
        secrets: Secrets | None = None,
        source: str = "<config>",
    ) -> None:
        self.config = config
        self.name = config.destination
        self.base_url = base_url
        self.actions = frozenset(config.actions)
        self.lookup_supported = all(a.lookup is not None for a in config.actions.values())
        self._client = client
        self._secrets = secrets
        self._source = source

    def __repr__(self) -> str:
        return f"RestConnector({self.name!r}, {self.base_url!r}, from {self._source})"

    def _action(self, action: ActionKind) -> ActionConfig | None:
        return self.config.actions.get(ActionKind(action))

    def _headers(self, extra: Mapping[str, str], context: Mapping[str, Any]) -> dict[str, str]:
        headers = {"Accept": "application/json"}
        for name, template in {**self.config.headers, **extra}.items():
            headers[name] = render_text(template, context, f"headers.{name}")
        return headers

    def _credentials(self) -> dict[str, str]:
        """The auth header, read from the keyring at the last moment (never kept)."""
        if self.config.auth is None:
            return {}
        return self.config.auth.to_auth().headers(self._secrets)

    def _timeout(self) -> httpx.Timeout | None:
        if self.config.timeout_s is None:
            return None
        return httpx.Timeout(self.config.timeout_s, connect=min(5.0, self.config.timeout_s))

    def build_request(
        self, action: ActionKind, params: Mapping[str, Any], key: str
    ) -> httpx.Request:
        """The HTTP request for one action (raises TemplateError or CredentialError)."""
        spec = self._action(action)
        if spec is None:
            raise TemplateError(f"{self.name} has no request configured for {action}")
        where = f"{self._source}: actions.{ActionKind(action).value}"
        context = {"params": jsonable(params), "key": key, "action": ActionKind(action).value}
        path = render_text(spec.path, context, f"{where}.path", segment=True)
        query = {k: render_text(v, context, f"{where}.query.{k}") for k, v in spec.query.items()}
        headers = self._headers(spec.headers, context)
        if self.config.idempotency_header:
            headers[self.config.idempotency_header] = key
        content: bytes | None = None
        json_body: Any = None
        if spec.body is not None:
            body = render(spec.body.template, context, f"{where}.body.template")
            if spec.body.format == "form":
                content = urlencode(form_pairs(body)).encode()
                headers["Content-Type"] = "application/x-www-form-urlencoded"
            else:
                json_body = body
        headers.update(self._credentials())
        timeout = self._timeout()
        return self._client.build_request(
            spec.method,
            join_url(self.base_url, path),
            params=query or None,
            headers=headers,
            content=content,
            json=json_body,
            timeout=timeout if timeout is not None else httpx.USE_CLIENT_DEFAULT,
        )

    async def send(self, action: ActionKind, params: Mapping[str, Any], key: str) -> Delivery:
        spec = self._action(action)
        if spec is None:
            return rejected(f"{self.name} has no request configured for {action}")
        try:
            request = self.build_request(action, params, key)
        except TemplateError as exc:
            return rejected(str(exc))
        except CredentialError as exc:
            return credential_failure(exc)
        delivery, response = await exchange(self._client, request)
        if delivery.outcome is not Outcome.DELIVERED or response is None:
            return delivery
        if response.status_code not in spec.success.status:
            wanted = ", ".join(map(str, spec.success.status))
            return Delivery(
                Outcome.UNKNOWN,
                status=delivery.status,
                error=f"answered {response.status_code}, expected {wanted}",
                body=delivery.body,
            )
        ref = dotted(delivery.body, spec.success.remote_ref) if spec.success.remote_ref else None
        return Delivery(
            Outcome.DELIVERED,
            status=delivery.status,
            remote_ref=None if ref is None else str(ref),
            body=delivery.body,
        )

    async def lookup(
        self, action: ActionKind, params: Mapping[str, Any], key: str
    ) -> Delivery | None:
        spec = self._action(action)
        if spec is None or spec.lookup is None:
            raise NotImplementedError(f"{self.name} has no lookup configured for {action}")
        try:
            request = self._lookup_request(action, spec.lookup, params, key)
        except TemplateError as exc:
            return rejected(str(exc))
        except CredentialError as exc:
            return credential_failure(exc)
        delivery, _ = await exchange(self._client, request)
        if delivery.outcome is not Outcome.DELIVERED:
            return delivery
        found = self._match(spec.lookup, delivery.body, params, key, action)
        if found is None:
            return None
        ref = dotted(found, spec.lookup.remote_ref) if spec.lookup.remote_ref else None
        return Delivery(
            Outcome.DELIVERED,
            status=delivery.status,
            remote_ref=None if ref is None else str(ref),
            body=found,
        )

    def _lookup_request(
        self, action: ActionKind, spec: LookupConfig, params: Mapping[str, Any], key: str
    ) -> httpx.Request:
        where = f"{self._source}: actions.{ActionKind(action).value}.lookup"
        context = {"params": jsonable(params), "key": key, "action": ActionKind(action).value}
        path = render_text(spec.path, context, f"{where}.path", segment=True)
        query = {k: render_text(v, context, f"{where}.query.{k}") for k, v in spec.query.items()}
        return self._client.build_request(
            "GET",
            join_url(self.base_url, path),
            params=query or None,
            headers={**self._headers({}, context), **self._credentials()},
        )

    def _match(
        self,
        spec: LookupConfig,
        body: dict[str, Any] | None,
        params: Mapping[str, Any],
        key: str,
        action: ActionKind,
    ) -> dict[str, Any] | None:
        context = {"params": jsonable(params), "key": key, "action": ActionKind(action).value}
        wanted = {
            field: render_text(template, context, f"lookup.match.{field}")
            for field, template in spec.match.items()
        }
        items = dotted(body, spec.items) if spec.items else [body]
        if not isinstance(items, list):
            return None
        for item in items:
            if isinstance(item, dict) and all(
                (got := dotted(item, field)) is not None and _text_or(got) == value
                for field, value in wanted.items()
            ):
                return item
        return None


def _text_or(value: Any) -> str | None:
    try:
        return _text(value, "lookup")
    except TemplateError:
        return None
