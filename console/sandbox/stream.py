"""The event feed: server-sent events, and cursor-based polling of the same log.

Stream: ``GET /events/v1/stream`` sends ``id: <cursor>``, ``event: <type>``, ``data: <the
envelope's JSON>`` for every event after ``Last-Event-ID`` (or ``?after=``; else from the
start), then each new event as it is appended; a comment every 15 s keeps the line alive.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

from sse_starlette import EventSourceResponse
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from .errors import ApiError, error_response
from .events import StoredEvent
from .runtime import Sandbox, json_response

BATCH = 1000
HEARTBEAT_S = 15


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


async def _events(sandbox: Sandbox, cursor: int) -> AsyncIterator[bytes]:
    log, faults = sandbox.events, sandbox.faults
    while True:
        batch = log.read(cursor, BATCH)
        if not batch:
            await log.wait_beyond(cursor)
            continue
        cursor = batch[-1].cursor
        if faults.stream_active():
            batch = list(faults.disturb(batch))
        yield b"".join(frame(event) for event in batch)


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
        return EventSourceResponse(
            _events(sandbox, start),
            ping=HEARTBEAT_S,
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
