"""Audit records: append-only, hash-chained, verifiable.

Each record stores the canonical JSON of what it records and
``hash = SHA-256(prev_hash || canonical bytes)``; changing any record breaks every later hash.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from pydantic import Field

from .base import DomainModel, Identifier, ShortText, UtcDateTime

GENESIS_HASH = "0" * 64


def canonical_json(data: Any) -> bytes:
    """Canonical bytes of JSON-compatible ``data``: sorted keys, no spaces, UTF-8."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def chain_hash(prev_hash: str, canonical: bytes) -> str:
    return hashlib.sha256(prev_hash.encode("ascii") + canonical).hexdigest()


class AuditRecord(DomainModel):
    seq: int = Field(ge=1)
    recorded_at: UtcDateTime
    actor_id: Identifier
    kind: ShortText  # proposal, verdict, decision, execution, policy_change, pause ...
    subject_ids: list[Identifier] = Field(default_factory=list)
    payload: str  # canonical JSON
    prev_hash: str = Field(pattern=r"^[0-9a-f]{64}$")
    hash: str = Field(pattern=r"^[0-9a-f]{64}$")

    def verify(self) -> bool:
        return chain_hash(self.prev_hash, self.payload.encode()) == self.hash
