"""Signed checkpoints of the audit trail, made every N records and sent to an audit sink
outside the seat, by the write-back dispatcher's thread.

A checkpoint the sink already holds in another form (409) means this seat's trail was
rewritten after it was sent: that is reported loudly and never "fixed" here.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

import httpx

from console.domain.base import utc_now
from console.store import Store
from console.store import audit as audit_log
from console.store.queries import iso

__all__ = ["CheckpointConflict", "CheckpointShipper"]

log = logging.getLogger(__name__)
SINK_PATH = "/v1/checkpoints"  # under the audit sink's base URL


class CheckpointConflict(Exception):
    """The sink holds a different checkpoint for a record: the trail was rewritten."""


class CheckpointShipper:
    def __init__(
        self,
        store: Store,
        signer: Callable[[], audit_log.Signer],
        *,
        every: int = audit_log.CHECKPOINT_EVERY,
        client: httpx.AsyncClient | None = None,
        sink_url: str | None = None,
        source: str = "tandem",
        warn: Callable[[str], None] | None = None,
    ) -> None:
        self._store = store
        self._signer_factory = signer
        self._signer: audit_log.Signer | None = None
        self.every = every
        self._client = client
        self._sink_url = sink_url
        self.source = source
        self._warn = warn or (lambda text: None)
        self.sent = 0
        self.halted = False  # after a conflict: nothing more is sent until a person looks

    async def run_once(self) -> int:
        """Make a checkpoint if one is due and send what the sink lacks; how many were sent."""
        if self.halted:
            return 0
        if self._signer is None:
            self._signer = await asyncio.to_thread(self._signer_factory)
        signer = self._signer
        now = iso(utc_now())
        await self._store.write(
            lambda db: audit_log.maybe_checkpoint(db.conn, signer, self.every, created_at=now)
        )
        if self._client is None or self._sink_url is None:
            return 0
        unsent = await self._store.read(lambda conn: audit_log.unsent_checkpoints(conn, 50))
        delivered: list[int] = []
        try:
            for checkpoint in unsent:
                body: dict[str, Any] = {"source": self.source, **checkpoint.to_json()}
                try:
                    reply = await self._client.post(self._sink_url, json=body)
                except httpx.HTTPError as exc:
                    log.info("audit sink unreachable (%s); checkpoints wait", exc)
                    break
                if reply.status_code in (200, 201):
                    delivered.append(checkpoint.seq)
                elif reply.status_code == 409:
                    text = (
                        f"The audit sink already holds a different checkpoint for record "
                        f"{checkpoint.seq}: this seat's audit trail was changed after it was "
                        f"sent. Run 'tandem audit verify' and tell your security team."
                    )
                    log.error(text)
                    self._warn(text)
                    self.halted = True
                    raise CheckpointConflict(text)
                else:
                    log.info("audit sink answered %s; checkpoints wait", reply.status_code)
                    break
        finally:
            if delivered:
                sent_at = iso(utc_now())
                await self._store.write(lambda db: audit_log.mark_sent(db.conn, delivered, sent_at))
                self.sent += len(delivered)
        return len(delivered)
