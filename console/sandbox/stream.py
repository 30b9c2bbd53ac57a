"""The event feed: server-sent events, and cursor-based polling of the same log.

Stream: ``GET /events/v1/stream`` sends ``id: <cursor>``, ``event: <type>``, ``data: <the
envelope's JSON>`` for every event after ``Last-Event-ID`` (or ``?after=``; else from the
start), then each new event as it is appended; when idle, a comment line (``: heartbeat``)
every 15 s keeps the connection alive.
"""

from __future__ import annotations

import asyncio
import json
import os
from collections.abc import AsyncIterator, Coroutine
from typing import Any

import anyio
from sse_starlette import EventSourceResponse
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from .errors import ApiError, error_response
from .events import StoredEvent
from .runtime import Sandbox, json_response

BATCH = 1000
HEARTBEAT_S = float(os.environ.get("TANDEM_SANDBOX_HEARTBEAT_S", "15"))  # tests shorten it
# A comment line alone, without the blank line that would end an (empty) event: some
# clients (httpx-sse among them) report a comment + blank line as an event with no data.
HEARTBEAT = b": heartbeat\n"


def frame(event: StoredEvent) -> bytes:
    lines = event.body.splitlines() or [""]
    data = "".join(f"data: {line}\n" for line in lines)
    return f"id: {event.cursor}\nevent: {event.type}\n{data}\n".encode()


def _cursor(value: str | None, name: str) -> int:
    if value is None or value == "":
        return 0
    try:
        cursor = int(value)
    except ValueError:
        cursor = -1
    if cursor < 0:
        raise ApiError(
            400,
            "parameter_invalid_integer",
            f"{name} must be a cursor (an integer ≥ 0)",
            param=name,
        )
    return cursor


def _decode(body: str) -> Any:
    try:
        return json.loads(body)
    except ValueError:
        return body  # a deliberately malformed event: served as the JSON string it is


async def _events(sandbox: Sandbox, cursor: int, shutdown: anyio.Event) -> AsyncIterator[bytes]:
    """Frames of the events after ``cursor``, batch by batch, until the server shuts down."""
    log, faults = sandbox.events, sandbox.faults
    while not shutdown.is_set():
        batch = log.read(cursor, BATCH)
        if not batch:
            if not await _wait(log.wait_beyond(cursor), shutdown):
                yield HEARTBEAT
            continue
        cursor = batch[-1].cursor
        if faults.stream_active():
            batch = list(faults.disturb(batch))
        yield b"".join(frame(event) for event in batch)


async def _wait(news: Coroutine[Any, Any, None], shutdown: anyio.Event) -> bool:
    """Wait for ``news`` or shutdown; False if neither came within a heartbeat."""
    waiters = [asyncio.ensure_future(news), asyncio.ensure_future(shutdown.wait())]
    try:
        done, _ = await asyncio.wait(
            waiters, timeout=HEARTBEAT_S, return_when=asyncio.FIRST_COMPLETED
        )
    finally:
        for waiter in waiters:
            waiter.cancel()
    return bool(done)


def routes(sandbox: Sandbox) -> list[Route]:
    async def stream(request: Request) -> Response:
        try:
            header = request.headers.get("last-event-id")
            if header:
                start = _cursor(header.strip(), "Last-Event-ID")
            else:
                start = _cursor(request.query_params.get("after"), "after")
        except ApiError as error:
            return error_response("events", error)
        shutdown = anyio.Event()  # set by sse-starlette when the server shuts down
        return EventSourceResponse(
            _events(sandbox, start, shutdown),
            shutdown_event=shutdown,
            shutdown_grace_period=1,
            ping=0,  # heartbeats come from _events, as comment lines of their own
            headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
        )

    async def poll(request: Request) -> Response:
        try:
            after = _cursor(request.query_params.get("after"), "after")
            limit = _cursor(request.query_params.get("limit", "100"), "limit")
            if not 1 <= limit <= 1000:
                raise ApiError(
                    400, "parameter_invalid_integer", "limit must be 1..1000", param="limit"
                )
        except ApiError as error:
            return error_response("events", error)
        rows = sandbox.events.read(after, limit + 1)
        page = rows[:limit]
        return json_response(
            {
                "events": [_decode(row.body) for row in page],
                "next_cursor": page[-1].cursor if page else after,
                "has_more": len(rows) > limit,
            }
        )

    return [
        Route("/events/v1/stream", stream, methods=["GET"]),
        Route("/events/v1/events", poll, methods=["GET"]),
    ]
