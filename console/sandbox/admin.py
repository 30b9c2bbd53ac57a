"""The sandbox's own endpoints under ``/_sandbox/``: health, faults, emit and generate."""

from __future__ import annotations

import asyncio
import os
import re
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from .errors import ApiError, error_response
from .events import API_SYSTEMS, REF_KEYS, SYSTEMS, envelope, now_iso
from .faults import FaultError
from .generator import Generator, demo_refs
from .runtime import Sandbox, json_response, parse_body

_TYPE = re.compile(r"^[a-z_]+(\.[a-z_]+)+$")
_MESSAGE_KEYS = {"author", "author_name", "channel", "text", "language", "subject"}
MAX_RATE = 100_000  # beyond ~40,000/s one stream falls behind (2 cores)


def _bad(message: str, param: str | None = None) -> ApiError:
    return ApiError(400, "parameter_invalid", message, param=param)


def _scalar(value: Any) -> bool:
    return value is None or isinstance(value, str | int | bool)


def build_event(spec: dict[str, Any]) -> dict[str, Any]:
    """A full envelope from a full or partial one; what is missing gets a sensible default."""
    type_ = spec.get("type", "sandbox.test")
    if not isinstance(type_, str) or not _TYPE.match(type_):
        raise _bad("type must look like 'shipment.delayed'", "type")
    system = spec.get("system", type_.split(".")[0] if type_.split(".")[0] in SYSTEMS else "orders")
    if system not in SYSTEMS:
        raise _bad(f"system must be one of {SYSTEMS}", "system")
    refs = spec.get("refs", {})
    if (
        not isinstance(refs, dict)
        or set(refs) - set(REF_KEYS)
        or not all(v is None or isinstance(v, str) for v in refs.values())
    ):
        raise _bad(f"refs: an object with string values for {REF_KEYS}", "refs")
    data = spec.get("data", {})
    if not isinstance(data, dict) or not all(_scalar(v) for v in data.values()):
        raise _bad("data: an object of scalars (str, int, bool, null)", "data")
    message = spec.get("message")
    if message is not None and (
        not isinstance(message, dict)
        or not {"author", "author_name", "channel", "text"} <= set(message)
        or set(message) - _MESSAGE_KEYS
    ):
        raise _bad(f"message: an object with {sorted(_MESSAGE_KEYS)}", "message")
    if message is not None:
        message = {"language": "en", "subject": None, **message}
    summary = spec.get("summary", type_)
    occurred_at = spec.get("occurred_at", now_iso())
    if not isinstance(summary, str) or not summary or not isinstance(occurred_at, str):
        raise _bad("summary and occurred_at must be strings")
    event_id = spec.get("id")
    if event_id is not None and not isinstance(event_id, str):
        raise _bad("id must be a string", "id")
    return envelope(
        type_,
        system,
        refs=refs,
        summary=summary,
        data=data,
        message=message,
        occurred_at=occurred_at,
        event_id=event_id,
    )


def routes(sandbox: Sandbox) -> list[Route]:
    generators: dict[str, Generator] = {}
    tasks: set[asyncio.Task[None]] = set()

    async def health(request: Request) -> Response:
        return json_response(
            {
                "status": "ok",
                "pid": os.getpid(),
                "last_cursor": sandbox.events.last_cursor,
                "in_flight": sandbox.idempotency.in_flight,
                "key_lifetime_s": sandbox.idempotency.lifetime_s,
                "systems": list(API_SYSTEMS),
                "faults": sandbox.faults.describe(),
                "generators": [g.describe() for g in generators.values()],
            }
        )

    async def faults(request: Request) -> Response:
        try:
            if request.method == "DELETE":
                sandbox.faults.clear()
            elif request.method == "POST":
                body = parse_body("application/json", await request.body())
                sandbox.faults.configure(body)
        except FaultError as exc:
            return error_response(None, _bad(str(exc)))
        except ApiError as error:
            return error_response(None, error)
        return json_response(sandbox.faults.describe())

    async def emit(request: Request) -> Response:
        try:
            body = parse_body("application/json", await request.body())
            if "raw" in body:
                if not isinstance(body["raw"], str):
                    raise _bad("raw must be a string", "raw")
                cursor = sandbox.events.append_raw(body["raw"])
                return json_response({"cursor": cursor, "raw": body["raw"]}, 201)
            specs = body["events"] if isinstance(body.get("events"), list) else [body]
            built = [build_event(spec if isinstance(spec, dict) else {}) for spec in specs]
        except ApiError as error:
            return error_response(None, error)
        sandbox.events.append(built)
        return json_response(built[0] if "events" not in body else {"events": built}, 201)

    async def generate(request: Request) -> Response:
        try:
            body = parse_body("application/json", await request.body())
            rate, seconds = body.get("rate", 100), body.get("seconds", 10)
            if not isinstance(rate, int | float) or not 0 < rate <= MAX_RATE:
                raise _bad(f"rate: events per second, 0 < rate ≤ {MAX_RATE}", "rate")
            if not isinstance(seconds, int | float) or not 0 < seconds <= 3600:
                raise _bad("seconds: 0 < seconds ≤ 3600", "seconds")
            if body.get("refs_from", "demo") != "demo":
                raise _bad("refs_from: only 'demo' is known", "refs_from")
            seed = body.get("seed", 1)
            if not isinstance(seed, int):
                raise _bad("seed must be an integer", "seed")
        except ApiError as error:
            return error_response(None, error)
        generator = Generator(sandbox.events, demo_refs(sandbox.dbs["demo"]), rate, seconds, seed)
        generators[generator.id] = generator
        task = asyncio.create_task(generator.run(), name=generator.id)
        tasks.add(task)
        task.add_done_callback(tasks.discard)
        return json_response(
            {**generator.describe(), "starts_after_cursor": sandbox.events.last_cursor}, 202
        )

    async def forget_keys(request: Request) -> Response:
        # Every system forgets its idempotency keys at once, as if their lifetime had
        # passed: tests of key expiry need no waiting.
        forgotten = sum(sandbox.idempotency.forget_all(db) for db in sandbox.dbs.values())
        return json_response({"forgotten": forgotten})

    return [
        Route("/_sandbox/health", health, methods=["GET"]),
        Route("/_sandbox/idempotency/forget", forget_keys, methods=["POST"]),
        Route("/_sandbox/faults", faults, methods=["GET", "POST", "DELETE"]),
        Route("/_sandbox/emit", emit, methods=["POST"]),
        Route("/_sandbox/generate", generate, methods=["POST"]),
    ]
