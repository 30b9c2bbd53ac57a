"""An audit sink: keeps the signed checkpoints of Tandem's audit trail outside the seat.

``POST /audit/v1/checkpoints`` takes one checkpoint (``source``, ``seq``, ``hash``,
``created_at``, ``key_fingerprint``, ``signature``). The same checkpoint again is accepted
(200); a *different* checkpoint for a sequence number already received is refused (409):
the trail it came from was rewritten, which is what keeping checkpoints elsewhere is for.
``GET /audit/v1/checkpoints?source=…`` lists what was received.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from starlette.requests import Request
from starlette.routing import Route

from .common import text_param
from .db import Database
from .errors import ApiError
from .events import now_iso
from .runtime import Outcome, Payload, Sandbox

SYSTEM = "audit"
SCHEMA = """
CREATE TABLE IF NOT EXISTS checkpoints (
    source      TEXT NOT NULL,
    seq         INTEGER NOT NULL,
    body        TEXT NOT NULL,
    received_at TEXT NOT NULL,
    PRIMARY KEY (source, seq)
);
"""
FIELDS = ("hash", "created_at", "key_fingerprint", "signature")


def receive(conn: sqlite3.Connection, payload: Payload) -> Outcome:
    body = payload.body
    source = text_param(body, "source", max_len=200)
    seq = body.get("seq")
    if not isinstance(seq, int) or isinstance(seq, bool) or seq < 1:
        raise ApiError(400, "parameter_invalid", "seq must be a positive integer", param="seq")
    checkpoint = {"seq": seq, **{name: text_param(body, name, max_len=400) for name in FIELDS}}
    text = json.dumps(checkpoint, sort_keys=True)
    row = conn.execute(
        "SELECT body FROM checkpoints WHERE source = ? AND seq = ?", (source, seq)
    ).fetchone()
    if row is not None:
        if row["body"] != text:
            raise ApiError(
                409,
                "checkpoint_conflict",
                f"A different checkpoint for record {seq} of {source} was received before: "
                "that audit trail was rewritten.",
            )
        return Outcome({"source": source, **checkpoint, "replayed": True}, 200)
    conn.execute(
        "INSERT INTO checkpoints (source, seq, body, received_at) VALUES (?, ?, ?, ?)",
        (source, seq, text, now_iso()),
    )
    return Outcome({"source": source, **checkpoint}, 201)


def listing(db: Database, request: Request) -> dict[str, Any]:
    source = request.query_params.get("source")
    rows = db.all(
        "SELECT source, body FROM checkpoints WHERE (? IS NULL OR source = ?) ORDER BY seq",
        (source, source),
    )
    return {"data": [{"source": r["source"], **json.loads(r["body"])} for r in rows]}


def routes(sandbox: Sandbox) -> list[Route]:
    async def checkpoints(request: Request) -> Any:
        if request.method == "GET":
            return await sandbox.read(request, SYSTEM, listing)
        return await sandbox.write(request, SYSTEM, receive)

    return [Route("/audit/v1/checkpoints", checkpoints, methods=["GET", "POST"])]
