"""The one HTTP client factory of the write-back connectors.

TLS is always verified, against the operating system's trust store (``truststore``: the
macOS Keychain, Windows' certificate store, or the system CA files on Linux), so that a
company's own root CA installed on the machine is trusted without copying files around.
``extra_ca`` adds a PEM bundle (tests, an integrator's private CA) to that store; it never
replaces it, and there is deliberately no switch that turns verification off.
"""

from __future__ import annotations

import base64
import ssl
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import httpx
import truststore

import console

from .delivery import Delivery, Outcome, classify
from .secrets import Secrets, SecretStoreError

__all__ = [
    "USER_AGENT",
    "Auth",
    "CredentialError",
    "credential_failure",
    "dotted",
    "exchange",
    "make_client",
    "tls_context",
]

USER_AGENT = f"Tandem/{console.__version__} (+write-back connectors)"
CONNECT_TIMEOUT_S = 5.0
READ_TIMEOUT_S = 20.0
MAX_CONNECTIONS = 20
MAX_KEEPALIVE = 10


def tls_context(extra_ca: Path | str | None = None) -> ssl.SSLContext:
    """A client context that verifies certificates and host names with the OS trust store,
    plus the PEM certificates in ``extra_ca`` if given."""
    context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    if extra_ca is not None:
        path = Path(extra_ca)
        if not path.is_file():
            raise FileNotFoundError(f"the CA bundle {path} does not exist")
        context.load_verify_locations(cafile=str(path))
    # truststore's context is an ssl.SSLContext in every way httpx uses.
    return context


def make_client(
    *,
    extra_ca: Path | str | None = None,
    timeout_s: float = READ_TIMEOUT_S,
    connect_timeout_s: float = CONNECT_TIMEOUT_S,
    max_connections: int = MAX_CONNECTIONS,
    proxy: str | None = None,
) -> httpx.AsyncClient:
    """An ``httpx.AsyncClient`` for the connectors: verified TLS, bounded time and
    connections, Tandem's User-Agent, no redirects followed, and no proxy or CA settings
    taken from the environment: a write goes where it is configured to go (``proxy``)."""
    context = tls_context(extra_ca)
    transport = None
    if proxy is None:  # aiohttp underneath: a fraction of httpx's CPU per request
        from .aio import AiohttpTransport

        transport = AiohttpTransport(
            context,
            max_connections=max_connections,
            connect_timeout_s=connect_timeout_s,
            read_timeout_s=timeout_s,
        )
    return httpx.AsyncClient(
        verify=context,
        transport=transport,
        timeout=httpx.Timeout(timeout_s, connect=connect_timeout_s),
        limits=httpx.Limits(
            max_connections=max_connections,
            max_keepalive_connections=min(MAX_KEEPALIVE, max_connections),
        ),
        headers={"User-Agent": USER_AGENT},
        follow_redirects=False,
        trust_env=False,
        proxy=proxy,
    )


class CredentialError(Exception):
    """A credential could not be had; ``str()`` names the secret, never its value."""

    def __init__(self, message: str, *, transient: bool) -> None:
        super().__init__(message)
        self.transient = transient


@dataclass(frozen=True, slots=True)
class Auth:
    """How a destination authenticates: the secret's *name* in the keyring, never its value.

    ``bearer``: ``Authorization: Bearer <secret>``; ``basic``: ``username`` and the secret
    as password; ``header``: the secret as the value of the header ``header``.
    """

    type: Literal["bearer", "basic", "header"]
    secret: str
    username: str | None = None
    header: str | None = None

    def headers(self, secrets: Secrets | None) -> dict[str, str]:
        if secrets is None:
            raise CredentialError(f"no secret store to read {self.secret!r} from", transient=False)
        try:
            value = secrets.get(self.secret)
        except SecretStoreError as exc:
            raise CredentialError(str(exc), transient=True) from None
        if not value:
            raise CredentialError(
                f"the secret {self.secret!r} is not in the keyring; store it first",
                transient=False,
            )
        if self.type == "bearer":
            return {"Authorization": f"Bearer {value}"}
        if self.type == "basic":
            pair = f"{self.username or ''}:{value}".encode()
            return {"Authorization": "Basic " + base64.b64encode(pair).decode("ascii")}
        return {self.header or "Authorization": value}


def credential_failure(error: CredentialError) -> Delivery:
    """Nothing was sent: retry later if the keyring was unavailable, else refuse."""
    outcome = Outcome.RETRY if error.transient else Outcome.REJECTED
    return Delivery(outcome, error=str(error))


async def exchange(
    client: httpx.AsyncClient, request: httpx.Request
) -> tuple[Delivery, httpx.Response | None]:
    """Send ``request`` once; its classified outcome and the response, if one came."""
    try:
        response = await client.send(request)
    except (httpx.HTTPError, ssl.SSLError, OSError) as exc:
        return classify(exc), None
    return classify(response), response


def dotted(value: Any, path: str) -> Any:
    """``dotted({"a": {"b": [1, 2]}}, "a.b.1")`` → 2; None where the path leads nowhere."""
    node = value
    for part in path.split("."):
        if isinstance(node, Mapping):
            node = node.get(part)
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return None
    return node
