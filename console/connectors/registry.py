"""Which connector delivers which action: built from the connector configuration files.

:func:`connectors_for` reads a folder of destination files (the shipped
``resources/connectors/`` when none is given), makes one connector per destination, all
sharing one verified HTTP client, and :func:`routes` maps each action kind to the
destination that carries it. For the bundled sandbox::

    base_urls = sandbox_base_urls("http://127.0.0.1:8765")
    connectors = connectors_for(None, base_urls, secrets)
    destination, connector = routes(connectors)[ActionKind.REFUND]   # "payments", …
    ...
    await connectors.aclose()
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import httpx

from console.domain.kinds import ActionKind
from console.resources import resource_path

from .delivery import Connector
from .http import make_client
from .rest import RestConnector
from .rest_config import ConnectorConfigError, DestinationConfig, load_configs
from .secrets import Secrets
from .stripe import API_VERSION, StripeRefunds
from .zendesk import ZendeskTickets

__all__ = [
    "SANDBOX_DESTINATIONS",
    "ConnectorSet",
    "connectors_for",
    "default_config_dir",
    "needed_secrets",
    "routes",
    "sandbox_base_urls",
]

SANDBOX_DESTINATIONS = ("orders", "payments", "tickets", "logistics", "inventory", "accounts")


def default_config_dir() -> Path:
    return resource_path("connectors")


def sandbox_base_urls(root: str) -> dict[str, str]:
    """Each destination's base URL on the bundled sandbox: ``root`` + ``/<destination>``."""
    return {name: f"{root.rstrip('/')}/{name}" for name in SANDBOX_DESTINATIONS}


class ConnectorSet(dict[str, Connector]):
    """Connectors by destination, with the HTTP client they share (closed by ``aclose``)."""

    def __init__(
        self, connectors: Mapping[str, Connector], client: httpx.AsyncClient, owned: bool
    ) -> None:
        super().__init__(connectors)
        self.client = client
        self._owned = owned

    async def aclose(self) -> None:
        if self._owned:
            await self.client.aclose()


_OPTIONS: dict[str, dict[str, type]] = {
    "rest": {},
    "stripe": {"api_version": str},
    "zendesk": {"lookup_before_send": bool, "reply_status": str, "escalate_status": str},
}
_TICKET_STATUSES = ("new", "open", "pending", "hold", "solved")


def _check(path: Path, config: DestinationConfig) -> list[str]:
    """What is wrong with a file's ``options`` (each kind knows its own)."""
    allowed = _OPTIONS[config.kind]
    problems = []
    for name, value in config.options.items():
        wanted = allowed.get(name)
        if wanted is None:
            known = ", ".join(sorted(allowed)) or "none"
            problems.append(f"{path}: options.{name}: unknown option (known: {known})")
        elif not isinstance(value, wanted) or (wanted is not bool and isinstance(value, bool)):
            problems.append(f"{path}: options.{name}: must be a {wanted.__name__}")
        elif name.endswith("_status") and value not in _TICKET_STATUSES:
            problems.append(f"{path}: options.{name}: one of {', '.join(_TICKET_STATUSES)}")
    return problems


def _claims(config: DestinationConfig) -> frozenset[ActionKind]:
    if config.kind == "stripe":
        return StripeRefunds.actions
    if config.kind == "zendesk":
        return ZendeskTickets.actions
    return frozenset(config.actions)


def _build(
    path: Path,
    config: DestinationConfig,
    base_url: str,
    client: httpx.AsyncClient,
    secrets: Secrets | None,
) -> Connector:
    auth = config.auth.to_auth() if config.auth is not None else None
    options = config.options
    if config.kind == "stripe":
        return StripeRefunds(
            base_url=base_url,
            client=client,
            secrets=secrets,
            auth=auth,
            name=config.destination,
            api_version=str(options.get("api_version", API_VERSION)),
        )
    if config.kind == "zendesk":
        return ZendeskTickets(
            base_url=base_url,
            client=client,
            secrets=secrets,
            auth=auth,
            name=config.destination,
            lookup_before_send=bool(options.get("lookup_before_send", True)),
            reply_status=str(options.get("reply_status", "pending")),
            escalate_status=str(options.get("escalate_status", "open")),
        )
    return RestConnector(
        config, base_url=base_url, client=client, secrets=secrets, source=str(path)
    )


def connectors_for(
    config_dir: Path | None,
    base_urls: Mapping[str, str],
    secrets: Secrets | None,
    *,
    client: httpx.AsyncClient | None = None,
    extra_ca: Path | None = None,
) -> ConnectorSet:
    """One connector per destination file in ``config_dir`` (None: the shipped ones).

    A destination's base URL is its file's ``base_url``, else ``base_urls[destination]``;
    one with neither is an error, as is any invalid file (all problems are listed, each
    with its file and field). ``client`` is shared and left open; without one, a client
    is made (``extra_ca`` adds a CA bundle to the OS trust store) and
    :meth:`ConnectorSet.aclose` closes it.
    """
    folder = config_dir if config_dir is not None else default_config_dir()
    configs = load_configs(folder)
    problems: list[str] = []
    claimed: dict[ActionKind, Path] = {}
    for path, config in configs:
        problems += _check(path, config)
        if config.base_url is None and config.destination not in base_urls:
            problems.append(f"{path}: base_url: no base URL for {config.destination!r}")
        for kind in sorted(_claims(config)):
            if kind in claimed:
                problems.append(f"{path}: actions.{kind}: already carried by {claimed[kind].name}")
            claimed.setdefault(kind, path)
    if problems:
        raise ConnectorConfigError(problems)
    owned = client is None
    http = client if client is not None else make_client(extra_ca=extra_ca)
    built = {
        config.destination: _build(
            path, config, config.base_url or base_urls[config.destination], http, secrets
        )
        for path, config in configs
    }
    return ConnectorSet(built, http, owned)


def needed_secrets(config_dir: Path | None) -> dict[str, list[str]]:
    """Each secret name the destination files in ``config_dir`` use → their destinations."""
    folder = config_dir if config_dir is not None else default_config_dir()
    needed: dict[str, list[str]] = {}
    for _, config in load_configs(folder):
        if config.auth is not None:
            needed.setdefault(config.auth.secret, []).append(config.destination)
    return needed


def routes(connectors: Mapping[str, Connector]) -> dict[ActionKind, tuple[str, Connector]]:
    """Each action kind a connector carries → (destination, connector)."""
    out: dict[ActionKind, tuple[str, Connector]] = {}
    problems = []
    for destination, connector in connectors.items():
        for kind in sorted(connector.actions):
            if kind in out:
                problems.append(f"{kind}: carried by both {out[kind][0]} and {destination}")
                continue
            out[kind] = (destination, connector)
    if problems:
        raise ConnectorConfigError(problems)
    return out
