"""Switchable faults: errors, latency, dropped responses, outages and a misbehaving stream.

Configured with ``POST /_sandbox/faults`` as ``{"seed": 1, "<system>" | "*": {...}}``; the
stream's faults belong to the ``events`` system (or ``*``). Every random choice comes from
one generator seeded by ``seed``, so the same requests in the same order meet the same
faults.
"""

from __future__ import annotations

import json
import math
import random
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .events import API_SYSTEMS, StoredEvent

FAULT_SYSTEMS = (*API_SYSTEMS, "events", "audit")
Rate = float


class SystemFaults(BaseModel):
    model_config = ConfigDict(extra="forbid")

    error_rate: float = Field(0.0, ge=0, le=1)
    latency_ms: int = Field(0, ge=0, le=120_000)
    drop_response_rate: float = Field(0.0, ge=0, le=1)
    outage_until: datetime | float | None = None  # an ISO time, or seconds from now
    retry_after_s: int | None = Field(None, ge=0)
    stream_duplicate_rate: float = Field(0.0, ge=0, le=1)
    stream_reorder_rate: float = Field(0.0, ge=0, le=1)
    malformed_rate: float = Field(0.0, ge=0, le=1)


@dataclass(frozen=True, slots=True)
class Decision:
    """What happens to one request, decided when it arrives."""

    latency_s: float = 0.0
    error: bool = False
    drop: bool = False


class FaultError(ValueError):
    pass


class Faults:
    def __init__(self) -> None:
        self._config: dict[str, SystemFaults] = {}
        self._outage_until: dict[str, float] = {}  # epoch seconds, per configured key
        self.seed = 0
        self._rng = random.Random(0)
        self._stream_rng = random.Random(0)

    # --- configuration -----------------------------------------------------------------

    def configure(self, payload: Mapping[str, Any]) -> dict[str, Any]:
        seed = payload.get("seed", 0)
        if not isinstance(seed, int) or isinstance(seed, bool):
            raise FaultError("seed must be an integer")
        config: dict[str, SystemFaults] = {}
        for name, spec in payload.items():
            if name == "seed":
                continue
            if name != "*" and name not in FAULT_SYSTEMS:
                raise FaultError(f"unknown system {name!r}; use one of {FAULT_SYSTEMS} or '*'")
            try:
                config[name] = SystemFaults.model_validate(spec)
            except ValidationError as exc:
                raise FaultError(f"{name}: {exc}") from exc
        now = time.time()
        self._config, self.seed = config, seed
        self._outage_until = {}
        for name, spec in config.items():
            until = spec.outage_until
            if isinstance(until, datetime):
                if until.tzinfo is None:
                    raise FaultError(f"{name}: outage_until needs a time zone")
                self._outage_until[name] = until.timestamp()
            elif until is not None:
                self._outage_until[name] = now + float(until)
        self._rng = random.Random(seed)
        self._stream_rng = random.Random(seed + 1)
        return self.describe()

    def clear(self) -> None:
        self.configure({})

    def describe(self) -> dict[str, Any]:
        return {
            "seed": self.seed,
            "systems": {
                name: spec.model_dump(mode="json", exclude_defaults=True)
                for name, spec in self._config.items()
            },
        }

    def _get(self, system: str, field: str) -> Any:
        for name in (system, "*"):
            spec = self._config.get(name)
            if spec is not None and field in spec.model_fields_set:
                return getattr(spec, field)
        return SystemFaults.model_fields[field].default

    def _rate(self, system: str, field: str) -> bool:
        rate: float = self._get(system, field)
        return rate > 0 and self._rng.random() < rate

    # --- requests ----------------------------------------------------------------------

    def outage(self, system: str) -> int | None:
        """Seconds to advertise in ``Retry-After`` if ``system`` is down now, else None."""
        until = self._outage_until.get(system, self._outage_until.get("*"))
        if until is None:
            return None
        left = until - time.time()
        if left <= 0:
            return None
        given: int | None = self._get(system, "retry_after_s")
        return given if given is not None else max(1, math.ceil(left))

    def decide(self, system: str, *, droppable: bool) -> Decision:
        if not self._config:
            return Decision()
        latency_ms: int = self._get(system, "latency_ms")
        error = self._rate(system, "error_rate")
        drop = droppable and not error and self._rate(system, "drop_response_rate")
        return Decision(latency_s=latency_ms / 1000, error=error, drop=drop)

    # --- the stream --------------------------------------------------------------------

    def stream_active(self) -> bool:
        return any(
            self._get("events", field) > 0
            for field in ("stream_duplicate_rate", "stream_reorder_rate", "malformed_rate")
        )

    def disturb(self, batch: list[StoredEvent]) -> Iterator[StoredEvent]:
        """The batch as a faulty stream would send it: some events twice, swapped, broken."""
        rng = self._stream_rng
        dup: float = self._get("events", "stream_duplicate_rate")
        swap: float = self._get("events", "stream_reorder_rate")
        bad: float = self._get("events", "malformed_rate")
        out = list(batch)
        i = 0
        while i + 1 < len(out):
            if swap > 0 and rng.random() < swap:
                out[i], out[i + 1] = out[i + 1], out[i]
                i += 2
            else:
                i += 1
        for event in out:
            if bad > 0 and rng.random() < bad:
                yield StoredEvent(event.cursor, event.type, _malformed(event.body, rng))
            else:
                yield event
            if dup > 0 and rng.random() < dup:
                yield event


def _malformed(body: str, rng: random.Random) -> str:
    """Break an envelope: cut its JSON short, drop required fields, or give wrong types."""
    choice = rng.randrange(3)
    if choice == 0:
        return body[: max(1, len(body) // 2)]
    try:
        event = json.loads(body)
    except ValueError:
        return body
    if not isinstance(event, dict):
        return body
    if choice == 1:
        for key in ("type", "refs", "occurred_at"):
            event.pop(key, None)
    else:
        event["cursor"] = str(event.get("cursor"))
        event["refs"] = ["not", "an", "object"]
        event["data"] = "not an object"
    return json.dumps(event, ensure_ascii=False, separators=(",", ":"))
