"""Audit records: append-only, hash-chained, verifiable.

Each record stores the canonical JSON of what it records and
``hash = SHA-256(prev_hash || header || canonical bytes)``, the header being the record's
time, actor, kind and subjects (:func:`record_header`); changing any record breaks every
later hash.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC
from typing import Any

from pydantic import Field

from .base import DomainModel, Identifier, ShortText, UtcDateTime

GENESIS_HASH = "0" * 64


def canonical_json(data: Any) -> bytes:
    """Canonical bytes of JSON-compatible ``data``: sorted keys, no spaces, UTF-8."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def record_header(recorded_at: str, actor_id: str, kind: str, subject_ids: str) -> bytes:
    """The header bytes a record's hash covers: its columns as stored, separated by the
    ASCII unit separator and ended by the record separator."""
    return f"{recorded_at}\x1f{actor_id}\x1f{kind}\x1f{subject_ids}\x1e".encode()


def subjects_text(subject_ids: list[str]) -> str:
    return json.dumps(subject_ids, ensure_ascii=False, separators=(",", ":"))


def chain_hash(prev_hash: str, canonical: bytes, header: bytes = b"") -> str:
    return hashlib.sha256(prev_hash.encode("ascii") + header + canonical).hexdigest()


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
        at = self.recorded_at.astimezone(UTC).isoformat(timespec="microseconds")
        head = record_header(at, self.actor_id, self.kind, subjects_text(self.subject_ids))
        return chain_hash(self.prev_hash, self.payload.encode(), head) == self.hash
