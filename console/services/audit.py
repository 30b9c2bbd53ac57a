"""The audit trail as a use case: verify it, export it for an auditor, sign checkpoints.

The checkpoint signing key (Ed25519) is kept in the OS keyring when there is one. Without
a keyring service it is kept in ``<data folder>/audit-signing.key``, a file only this user
may read (mode 0600): a key file that others can read, or that another user owns, is
refused with the reason and the fix — whoever can read it can forge checkpoints. Only the
public key goes into the store (``audit_keys``), under its fingerprint.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import sqlite3
import stat
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO, TypeVar

from console.connectors.secrets import Secrets, SecretStoreError
from console.domain.errors import TandemError
from console.store import Store
from console.store import audit as audit_log
from console.store.audit import AuditCheck, Checkpoint, Ed25519Signer, ExportFormat, Signer

__all__ = ["KEY_FILE", "KEY_NAME", "AuditKeyError", "AuditService", "load_key_file"]

log = logging.getLogger(__name__)

T = TypeVar("T")

KEY_NAME = "audit-signing-key"  # the private key's name in the OS keyring
KEY_FILE = "audit-signing.key"  # ... or this file in the data folder, without a keyring


class AuditKeyError(TandemError):
    """The checkpoint signing key cannot be used; the message says why and what to do."""


def _check_private(path: Path) -> None:
    """Refuse a key file that anyone but this user could read or replace."""
    if os.name == "nt":  # NTFS ACLs: the per-user data folder is private by default
        return
    info = path.stat()
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        raise AuditKeyError(
            f"The audit signing key {path} belongs to another user (uid {info.st_uid}); "
            "Tandem will not sign with it. Remove it, or point --data-dir at your own folder."
        )
    mode = stat.S_IMODE(info.st_mode)
    if mode & 0o077:
        raise AuditKeyError(
            f"The audit signing key {path} can be read or changed by other users "
            f"(mode {mode:04o}); whoever reads it can forge audit checkpoints, so Tandem "
            f"will not use it. Make it private (chmod 600 '{path}') and try again."
        )


def load_key_file(path: Path) -> Ed25519Signer | None:
    """The key in ``path`` (None when there is no such file), after checking it is private."""
    try:
        _check_private(path)
        text = path.read_text(encoding="ascii")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise AuditKeyError(f"The audit signing key {path} cannot be read ({exc}).") from None
    try:
        return Ed25519Signer.from_secret(text, kept_in="file")
    except ValueError as exc:
        raise AuditKeyError(f"{path}: {exc}.") from None


def _write_key_file(path: Path, signer: Ed25519Signer) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, (signer.secret() + "\n").encode("ascii"))
        os.fsync(fd)
    finally:
        os.close(fd)
    if os.name != "nt":
        os.chmod(path, 0o600)  # whatever the umask


class AuditService:
    """The audit trail of one data folder's store."""

    def __init__(
        self,
        store: Store,
        data_dir: Path,
        secrets: Secrets,
        *,
        every: int = audit_log.CHECKPOINT_EVERY,
    ) -> None:
        self._store = store
        self._secrets = secrets
        self.key_file = data_dir / KEY_FILE
        self.every = every
        self._signer: Ed25519Signer | None = None
        self._lock = threading.Lock()

    # -- the signing key -------------------------------------------------------------------

    @property
    def _keyring(self) -> bool:
        return bool(self._secrets.available and self._secrets.persistent)

    def signer(self) -> Signer:
        """The checkpoint signing key: loaded from the keyring or the key file, created on
        first use. Blocking (the keyring may be slow): off the event loop, please.

        Raises :class:`AuditKeyError` when the key cannot be read or the file is not private.
        """
        with self._lock:
            if self._signer is None:
                self._signer = self._load_or_create()
            return self._signer

    def _load_or_create(self) -> Ed25519Signer:
        if self._keyring:
            try:
                text = self._secrets.get(KEY_NAME)
            except SecretStoreError as exc:
                raise AuditKeyError(
                    f"The audit signing key could not be read from the keyring: {exc}."
                ) from None
            if text:
                try:
                    return Ed25519Signer.from_secret(text, kept_in="keyring")
                except ValueError as exc:
                    raise AuditKeyError(f"The keyring's {KEY_NAME!r}: {exc}.") from None
        from_file = load_key_file(self.key_file)
        if from_file is not None:
            return from_file
        if self._keyring:
            signer = Ed25519Signer.generate(kept_in="keyring")
            try:
                self._secrets.set(KEY_NAME, signer.secret())
            except SecretStoreError as exc:
                raise AuditKeyError(
                    f"The new audit signing key could not be stored in the keyring: {exc}."
                ) from None
            log.info("new audit signing key %s in the OS keyring", signer.fingerprint[:16])
            return signer
        signer = Ed25519Signer.generate(kept_in="file")
        try:
            _write_key_file(self.key_file, signer)
        except FileExistsError:  # another process made one first: use that
            existing = load_key_file(self.key_file)
            if existing is None:
                raise AuditKeyError(f"The audit signing key {self.key_file} vanished.") from None
            return existing
        except OSError as exc:
            raise AuditKeyError(
                f"The audit signing key could not be written to {self.key_file} ({exc})."
            ) from None
        log.info(
            "no keyring service: new audit signing key %s in %s (mode 0600)",
            signer.fingerprint[:16],
            self.key_file,
        )
        return signer

    # -- use cases ---------------------------------------------------------------------------

    async def verify(self) -> AuditCheck:
        """Check every record's link and hash and every checkpoint's hash and signature."""
        return await self._store.read(_in_snapshot(audit_log.verify))

    async def checkpoint(self) -> Checkpoint | None:
        """Sign a checkpoint of the log as it is now (None while the log is empty)."""
        signer = await asyncio.to_thread(self.signer)
        return await self._store.write(lambda db: audit_log.checkpoint(db.conn, signer))

    async def export(
        self,
        out: TextIO | Path,
        format: ExportFormat = "jsonl",
        since: datetime | None = None,
    ) -> int:
        """Write the records (recorded at or after ``since``) to ``out``; how many."""

        def write(conn: sqlite3.Connection) -> int:
            with contextlib.ExitStack() as stack:
                target: TextIO
                if isinstance(out, Path):
                    target = stack.enter_context(
                        out.open("w", encoding="utf-8", newline="" if format == "csv" else None)
                    )
                else:
                    target = out
                return _in_snapshot(
                    lambda c: audit_log.export(c, target, format=format, since=since)
                )(conn)

        return await self._store.read(write)

    async def unsent_checkpoints(self, limit: int = 100) -> list[Checkpoint]:
        """Checkpoints the outbox has not yet delivered to the external audit sink."""
        return await self._store.read(lambda conn: audit_log.unsent_checkpoints(conn, limit))

    async def mark_sent(self, seqs: list[int], sent_at: datetime | None = None) -> int:
        at = (sent_at or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="microseconds")
        return await self._store.write(lambda db: audit_log.mark_sent(db.conn, seqs, at))


def _in_snapshot(fn: Callable[[sqlite3.Connection], T]) -> Callable[[sqlite3.Connection], T]:
    """``fn`` inside one read transaction, so that everything it reads is one moment's view."""

    def run(conn: sqlite3.Connection) -> T:
        if conn.in_transaction:
            return fn(conn)
        conn.execute("BEGIN")
        try:
            return fn(conn)
        finally:
            conn.execute("COMMIT")

    return run
