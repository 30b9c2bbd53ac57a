"""The sandbox's state while it serves: its files, the event log, faults and idempotency.

``Sandbox.write`` is the one path every POST and PUT of a remote system takes: idempotency
key, injected latency and errors, the work and the stored response in one transaction,
then the events the work produced.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

from starlette.requests import Request
from starlette.responses import Response

from .db import Database
from .errors import ApiError, error_response
from .events import EventLog, dumps
from .faults import Decision, Faults
from .idempotency import Idempotency, fingerprint

log = logging.getLogger("console.sandbox")

DECISION_KEY = "sandbox.decision"
_BRACKETS = re.compile(r"^([^\[\]]+)\[([^\[\]]*)\]$")


@dataclass(slots=True)
class Outcome:
    """What a write produced: the response body and the events to append."""

    body: dict[str, Any]
    status: int = 200
    events: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Payload:
    params: Mapping[str, str]  # path parameters
    body: dict[str, Any]  # the JSON object, or the form with ``a[b]=c`` as nested dicts
    key: str | None = None  # the request's Idempotency-Key, if it has one


WriteHandler = Callable[[sqlite3.Connection, Payload], Outcome]
ReadHandler = Callable[[Database, Request], dict[str, Any]]


def json_response(
    body: Any, status: int = 200, headers: Mapping[str, str] | None = None
) -> Response:
    return Response(dumps(body), status, headers=dict(headers or {}), media_type="application/json")


def parse_body(content_type: str, raw: bytes) -> dict[str, Any]:
    media = content_type.split(";", 1)[0].strip().lower()
    if not raw.strip():
        return {}
    try:
        text = raw.decode()
    except UnicodeDecodeError as exc:
        raise ApiError(400, "parameter_invalid_encoding", "The body is not UTF-8") from exc
    if media == "application/x-www-form-urlencoded":
        form: dict[str, Any] = {}
        for key, value in parse_qsl(text, keep_blank_values=True):
            nested = _BRACKETS.match(key)
            if nested:
                outer = form.setdefault(nested.group(1), {})
                if isinstance(outer, dict):
                    outer[nested.group(2)] = value
            else:
                form[key] = value
        return form
    try:
        value = json.loads(text)
    except ValueError as exc:
        raise ApiError(400, "invalid_json", f"The body is not valid JSON: {exc}") from exc
    if not isinstance(value, dict):
        raise ApiError(400, "invalid_json", "The body must be a JSON object")
    return value


class Sandbox:
    def __init__(
        self, folder: Path, schemas: Mapping[str, str], *, key_lifetime_s: float | None = None
    ) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self.dbs = {name: Database(folder / f"{name}.sqlite", ddl) for name, ddl in schemas.items()}
        self.events = EventLog(folder / "events.sqlite")
        self.faults = Faults()
        self.idempotency = Idempotency(key_lifetime_s)
        for db in self.dbs.values():
            self.idempotency.prune(db)

    def close(self) -> None:
        for db in self.dbs.values():
            db.close()
        self.events.close()

    async def read(self, request: Request, system: str, handler: ReadHandler) -> Response:
        try:
            return json_response(handler(self.dbs[system], request))
        except ApiError as error:
            return error_response(system, error)

    async def write(self, request: Request, system: str, handler: WriteHandler) -> Response:
        db = self.dbs[system]
        raw = await request.body()
        content_type = request.headers.get("content-type", "")
        key = request.headers.get("idempotency-key")
        headers = {"Idempotency-Key": key} if key else {}
        digest = fingerprint(request.method, request.url.path, content_type, raw)
        if key is not None:
            if not key or len(key) > 255:
                error = ApiError(400, "idempotency_key_invalid", "Idempotency-Key: 1-255 chars")
                return error_response(system, error)
            stored = self.idempotency.lookup(db, key)
            if stored is not None:
                if stored.fingerprint != digest:
                    return error_response(system, _key_reused(key))
                replay = {**headers, "Idempotent-Replayed": "true"}
                return Response(stored.body, stored.status, replay, "application/json")
            if not self.idempotency.claim(system, key):
                return error_response(system, _key_in_use(key))
        try:
            decision: Decision = request.scope.get(DECISION_KEY) or Decision()
            if decision.latency_s:
                await asyncio.sleep(decision.latency_s)
            if decision.error:
                raise ApiError(500, "sandbox_fault", "Injected server error", type_="api_error")
            payload = Payload(request.path_params, parse_body(content_type, raw), key)
            with db.transaction() as conn:
                outcome = handler(conn, payload)
                text = dumps(outcome.body)
                if key:
                    self.idempotency.store(conn, key, digest, outcome.status, text)
            self.events.append(outcome.events)
            return Response(text, outcome.status, headers, "application/json")
        except ApiError as error:
            return error_response(system, error)
        finally:
            if key:
                self.idempotency.release(system, key)


def _key_reused(key: str) -> ApiError:
    return ApiError(
        422,
        "idempotency_key_reused",
        f"Keys for idempotent requests can only be used with the same parameters they were "
        f"first used with. Try using a key other than '{key}' if you meant to execute a "
        f"different request.",
        type_="idempotency_error",
    )


def _key_in_use(key: str) -> ApiError:
    return ApiError(
        409,
        "idempotency_key_in_use",
        f"There is currently another in-progress request using the Idempotency-Key '{key}'. "
        "Try again later.",
        type_="idempotency_error",
        headers={"Retry-After": "1"},
    )
