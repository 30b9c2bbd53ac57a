"""What the diagnostics view shows: the quarantine of inbound messages that could not be
used. Light on purpose (no pydantic): the status bar asks for the count at start-up."""

from __future__ import annotations

from console.store import QuarantineRow, Store, queries


class DiagnosticsService:
    def __init__(self, store: Store) -> None:
        self._store = store

    def quarantine_count(self) -> int:
        return queries.quarantine_count(self._store.reader())

    async def quarantine(self, limit: int = 200) -> list[QuarantineRow]:
        """The newest quarantined messages with their reasons, newest first."""
        return await self._store.read(lambda conn: queries.quarantine_rows(conn, limit))
