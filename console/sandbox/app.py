"""The ASGI application: every system's routes, the event feed, the admin endpoints, and the
fault middleware in front of them."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from . import (
    accounts,
    admin,
    auditsink,
    inventory,
    logistics,
    orders,
    payments,
    seed,
    stream,
    tickets,
)
from .errors import ApiError, error_body
from .events import dumps
from .faults import FAULT_SYSTEMS
from .runtime import DECISION_KEY, Sandbox

log = logging.getLogger("console.sandbox")

SCHEMAS = {
    "orders": orders.SCHEMA,
    "payments": payments.SCHEMA,
    "tickets": tickets.SCHEMA,
    "logistics": logistics.SCHEMA,
    "inventory": inventory.SCHEMA,
    "accounts": accounts.SCHEMA,
    "audit": auditsink.SCHEMA,
    "demo": seed.SCHEMA,
}
_WRITES = frozenset({"POST", "PUT", "PATCH", "DELETE"})
STREAM_PATH = "/events/v1/stream"


class FaultMiddleware:
    """Outages, latency, errors and dropped responses, decided per request as it arrives.

    Writes get their latency and error inside ``Sandbox.write``, after their idempotency
    key is claimed, so that a slow first request makes a second one with the key see 409.
    """

    def __init__(self, app: ASGIApp, sandbox: Sandbox) -> None:
        self.app, self.sandbox = app, sandbox

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        system = scope["path"].split("/", 2)[1] if scope["path"].count("/") >= 2 else ""
        if system not in FAULT_SYSTEMS:
            await self.app(scope, receive, send)
            return
        faults = self.sandbox.faults
        retry_after = faults.outage(system)
        if retry_after is not None:
            error = ApiError(
                503,
                "service_unavailable",
                f"{system} is down for maintenance",
                type_="api_error",
                headers={"Retry-After": str(retry_after)},
            )
            await _respond(send, system, error)
            return
        decision = faults.decide(system, droppable=scope["path"] != STREAM_PATH)
        scope[DECISION_KEY] = decision
        if scope["method"] not in _WRITES:
            if decision.latency_s:
                await asyncio.sleep(decision.latency_s)
            if decision.error:
                error = ApiError(500, "sandbox_fault", "Injected server error", type_="api_error")
                await _respond(send, system, error)
                return
        if decision.drop:
            send = _dropping(send)
        await self.app(scope, receive, send)


async def _respond(send: Send, system: str, error: ApiError) -> None:
    body = dumps(error_body(system, error)).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    headers += [(k.lower().encode(), v.encode()) for k, v in error.headers.items()]
    await send({"type": "http.response.start", "status": error.status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def _dropping(send: Send) -> Send:
    """A ``send`` that, instead of the response, closes the connection: an unknown outcome."""

    async def drop(message: Message) -> None:
        if message["type"] != "http.response.start":
            return
        transport = getattr(getattr(send, "__self__", None), "transport", None)
        if transport is None:  # not served by uvicorn: fail loudly rather than answer
            raise RuntimeError("cannot drop the connection: no transport")
        log.info("fault: dropping the response (status %s)", message.get("status"))
        transport.abort()
        await asyncio.sleep(0)

    return drop


def create_app(
    folder: Path,
    *,
    demo_cases: int = 120,
    seed_value: int = 1,
    key_lifetime_s: float | None = None,
) -> FaultMiddleware:
    """The sandbox's application on ``folder``, its files opened and seeded.

    The fault middleware wraps the whole application (outside Starlette's own middleware)
    so that it holds the server's own ``send`` and can drop a connection.
    """
    holder: dict[str, Any] = {}

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        sandbox: Sandbox | None = holder.get("sandbox")
        if sandbox is not None:
            sandbox.close()

    sandbox = Sandbox(folder, SCHEMAS, key_lifetime_s=key_lifetime_s)
    holder["sandbox"] = sandbox
    accounts.upgrade(sandbox.dbs["accounts"])
    if demo_cases > 0 and seed.seed(sandbox, demo_cases, seed_value):
        log.info("seeded %d demo case(s) of seed %d", demo_cases, seed_value)
    routes = [
        *orders.routes(sandbox),
        *payments.routes(sandbox),
        *tickets.routes(sandbox),
        *logistics.routes(sandbox),
        *inventory.routes(sandbox),
        *accounts.routes(sandbox),
        *auditsink.routes(sandbox),
        *stream.routes(sandbox),
        *admin.routes(sandbox),
    ]
    return FaultMiddleware(Starlette(routes=routes, lifespan=lifespan), sandbox)
