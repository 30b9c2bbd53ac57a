"""The SQLite case store: one file, one writer thread, a reader connection per thread.

* WAL, ``synchronous=FULL``, ``foreign_keys=ON``, a busy timeout.
* Every write runs on the writer thread inside ``BEGIN IMMEDIATE`` … ``COMMIT``; callers
  hand it a function and get its result back (``await store.write(fn)`` from the asyncio
  loop, ``store.write_sync(fn)`` elsewhere). The loop thread never waits on a commit.
* Readers get their own connection per thread (``store.reader()``); reads on the loop
  thread must be small, indexed and bounded (a page of a table); anything else goes
  through ``await store.read(fn)``, which runs in a worker thread.
* Interactive writes go first. SQLite's write lock is not fair, so a background process
  (the write-back dispatcher, opened with ``background=True``) waits before each
  transaction while an interactive one (the console) is writing or waiting to write; an
  approval then waits for at most the one background transaction already under way
  (:class:`WriterPriority`).
* Checkpoints (copying the WAL back into the database file) never run inside a commit:
  a checkpointer thread with its own connection does them every half second while there
  is something to copy, so a person's approval never pays for one.
* Opening checks the file before touching it: a newer schema or a file that is not a
  Tandem store raises, leaving the file untouched. An older schema is copied aside, then
  migrated in one transaction.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import queue
import sqlite3
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from console.domain.errors import StoreCorrupt, StoreError, StoreFull, StoreTooNew

from .schema import APPLICATION_ID, LATEST_VERSION, MIGRATIONS

if TYPE_CHECKING:  # imported by the writer thread when it starts: it is slow to import
    import sqlite_utils

log = logging.getLogger(__name__)

T = TypeVar("T")
WriteFn = Callable[["sqlite_utils.Database"], T]

BUSY_TIMEOUT_MS = 5_000
_SQLITE_HEADER = b"SQLite format 3\x00"


LOCK_POLL_S = 0.0002  # how often a writer looks again for a write lock another process holds
CHECKPOINT_EVERY_S = 0.5  # how often the checkpointer copies the WAL into the database


def _begin_immediate(conn: sqlite3.Connection) -> None:
    """``BEGIN IMMEDIATE``, waiting for another process's write lock in short steps.

    SQLite's own busy handler sleeps 1, 2, 5, 10… ms between tries: an approval meeting
    the write-back process's short transactions would wait far longer than they last. So
    the writer asks without waiting and looks again every 0.2 ms, up to the busy timeout.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    conn.execute("PRAGMA busy_timeout = 0")
    try:
        while True:
            try:
                conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                locked = "locked" in str(exc) or "busy" in str(exc)
                if not locked or time.monotonic() >= deadline:
                    raise
                time.sleep(LOCK_POLL_S)
    finally:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def _connect(path: Path, *, readonly: bool = False) -> sqlite3.Connection:
    if readonly:
        conn = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro",
            uri=True,
            isolation_level=None,
            check_same_thread=False,
        )
    else:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = FULL")
    return conn


def _translate(error: BaseException, path: Path) -> BaseException:
    """Turn SQLite's errors into ones the user can act on; others pass through."""
    if isinstance(error, sqlite3.OperationalError):
        text = str(error).lower()
        if "disk is full" in text or "database or disk is full" in text:
            return StoreFull(
                f"The disk holding {path} is full; the change was not saved. "
                "Free some space and try again."
            )
        if "readonly" in text or "read-only" in text:
            return StoreError(f"The case store {path} is read-only; the change was not saved.")
        if "locked" in text or "busy" in text:
            return StoreError(
                f"Another program kept writing to the case store {path} for more than "
                f"{BUSY_TIMEOUT_MS / 1000:g} s; the change was not saved. Try again."
            )
    if isinstance(error, sqlite3.DatabaseError) and "malformed" in str(error):
        return StoreCorrupt(f"The case store {path} is damaged ({error}).")
    return error


def inspect(path: Path) -> int:
    """Schema version of the store at ``path`` (0 for a new or empty file), read-only.

    Raises :class:`StoreCorrupt` if the file is not a Tandem store and
    :class:`StoreTooNew` if a newer Tandem wrote it. Never changes the file.
    """
    if not path.exists() or path.stat().st_size == 0:
        return 0
    with path.open("rb") as fh:
        header = fh.read(len(_SQLITE_HEADER))
    if header != _SQLITE_HEADER:
        raise StoreCorrupt(
            f"{path} is not a SQLite database, so it cannot be Tandem's case store. "
            "It was left untouched; move it away or point --data-dir elsewhere."
        )
    try:
        conn = _connect(path, readonly=True)
        try:
            (app_id,) = conn.execute("PRAGMA application_id").fetchone()
            (version,) = conn.execute("PRAGMA user_version").fetchone()
            conn.execute("SELECT COUNT(*) FROM sqlite_schema").fetchone()
            # A full check reads every page (seconds on a large store), so it runs only
            # before a migration rewrites the file; later damage surfaces as StoreCorrupt
            # from the read or write that meets it.
            check = "ok"
            if 0 < version < LATEST_VERSION:
                (check,) = conn.execute("PRAGMA quick_check(1)").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise StoreCorrupt(f"{path} cannot be read ({exc}). It was left untouched.") from exc
    if check != "ok":
        raise StoreCorrupt(f"{path} is damaged ({check}). It was left untouched.")
    if app_id not in (0, APPLICATION_ID) or (app_id == 0 and version != 0):
        raise StoreCorrupt(
            f"{path} is a SQLite database of another program, not a Tandem store. "
            "It was left untouched."
        )
    if version > LATEST_VERSION:
        raise StoreTooNew(
            f"{path} was written by a newer version of Tandem (store version {version}; "
            f"this version understands up to {LATEST_VERSION}). It was left untouched: "
            "update Tandem, or point --data-dir at another folder."
        )
    return int(version)


def backup(path: Path, version: int) -> Path:
    """Copy the store aside (consistently, with SQLite's backup API) before a migration."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.v{version}-{stamp}.bak")
    source = _connect(path, readonly=True)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    return target


def migrate(conn: sqlite3.Connection, from_version: int) -> None:
    """Apply every migration after ``from_version`` in one transaction."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        for version in range(from_version + 1, LATEST_VERSION + 1):
            MIGRATIONS[version - 1](conn)
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {LATEST_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


class WriterPriority:
    """Who writes first when the console and the write-back process both want to.

    SQLite's write lock is not fair: the dispatcher commits a few outcomes and begins again
    within microseconds, so a console writer that looks for the lock every
    :data:`LOCK_POLL_S` can miss every gap and wait through several of its transactions
    in a row. So each interactive write holds an exclusive POSIX lock on a byte of
    ``<store>-writers`` from before ``BEGIN IMMEDIATE`` until after ``COMMIT``, and a
    background writer waits until that byte is free before it begins. The interactive
    writer then waits for at most the transaction already under way.

    The lock is advisory, per process, and given up by the kernel when a process dies. A
    background writer never waits for it while holding SQLite's lock, so the two cannot
    deadlock. Where there is no ``fcntl`` (Windows) writers take turns as SQLite lets them.
    """

    def __init__(self, path: Path, *, background: bool) -> None:
        self.background = background
        self._fd: int | None = None
        try:
            import fcntl
        except ImportError:
            self._fcntl = None
            return
        self._fcntl = fcntl
        try:
            self._fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:  # a read-only folder: writing fails later with its own error
            log.warning("writer priority not available (%s): %s", path, exc)

    def claim(self) -> bool:
        """Interactive: ask background writers to wait (never blocks); whether held."""
        if self._fd is None or self._fcntl is None:
            return False
        try:
            self._fcntl.lockf(self._fd, self._fcntl.LOCK_EX | self._fcntl.LOCK_NB, 1, 0)
        except OSError:  # another interactive process holds it: take turns as SQLite lets us
            return False
        return True

    def release(self) -> None:
        if self._fd is not None and self._fcntl is not None:
            self._fcntl.lockf(self._fd, self._fcntl.LOCK_UN, 1, 0)

    def wait_turn(self) -> None:
        """Background: wait until no interactive writer is writing or waiting to."""
        if self._fd is None or self._fcntl is None:
            return
        self._fcntl.lockf(self._fd, self._fcntl.LOCK_SH, 1, 0)
        self._fcntl.lockf(self._fd, self._fcntl.LOCK_UN, 1, 0)

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


class _Job:
    __slots__ = ("fn", "future")

    def __init__(self, fn: WriteFn[object], future: Future[object]) -> None:
        self.fn = fn
        self.future = future


class Store:
    """An open case store. Use :meth:`open`; close with :meth:`close`."""

    def __init__(
        self, path: Path, writer_conn: sqlite3.Connection, *, background: bool = False
    ) -> None:
        self.path = path
        self._priority = WriterPriority(
            path.with_name(path.name + "-writers"), background=background
        )
        self._jobs: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._local = threading.local()
        self._readers: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._reads_done = threading.Condition(self._lock)
        self._reads_running = 0
        self._closed = False
        self._writer_conn = writer_conn
        # The writer thread starts with the first write, so that opening the console (which
        # only reads) does not pay for it; so does the checkpointer.
        self._writer: threading.Thread | None = None
        self._checkpointer: threading.Thread | None = None
        self._stop_checkpoints = threading.Event()
        self._written = threading.Event()  # set by each commit, cleared by a checkpoint

    @classmethod
    def open(cls, path: Path, *, background: bool = False) -> Store:
        """Open (creating or migrating as needed) the store at ``path``; ``background``
        for a process whose writes should wait for the console's (:class:`WriterPriority`)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        version = inspect(path)
        if 0 < version < LATEST_VERSION:
            copy = backup(path, version)
            log.info(
                "store %s is at version %d; copied to %s before migrating", path, version, copy
            )
        try:
            conn = _connect(path)
            conn.execute("PRAGMA journal_mode = WAL")
            # No checkpoint inside a commit (the checkpointer thread does them).
            conn.execute("PRAGMA wal_autocheckpoint = 0")
            if version < LATEST_VERSION:
                migrate(conn, version)
                log.info("store %s migrated from version %d to %d", path, version, LATEST_VERSION)
        except sqlite3.Error as exc:
            raise _translate(exc, path) from exc
        return cls(path, conn, background=background)

    # -- writing -----------------------------------------------------------------------

    def _write_loop(self, conn: sqlite3.Connection) -> None:
        import sqlite_utils

        db = sqlite_utils.Database(conn)
        try:
            while (job := self._jobs.get()) is not None:
                if not job.future.set_running_or_notify_cancel():
                    continue
                priority = self._priority
                claimed = False
                try:
                    if priority.background:
                        priority.wait_turn()
                    else:
                        claimed = priority.claim()
                    try:
                        _begin_immediate(conn)
                        try:
                            result = job.fn(db)
                            conn.execute("COMMIT")
                        except BaseException:
                            if conn.in_transaction:
                                conn.execute("ROLLBACK")
                            raise
                    finally:
                        if claimed:
                            priority.release()
                except BaseException as exc:
                    job.future.set_exception(_translate(exc, self.path))
                else:
                    self._written.set()
                    job.future.set_result(result)
        finally:
            conn.close()

    def _checkpoint_loop(self) -> None:
        """Copy committed pages from the WAL into the database file every half second
        while there are any, on a connection of its own: a PASSIVE checkpoint takes no
        write lock, so writers never wait for it (nor it for them)."""
        conn = _connect(self.path)
        try:
            while not self._stop_checkpoints.wait(CHECKPOINT_EVERY_S):
                if self._written.is_set():
                    self._written.clear()
                    self.checkpoint(conn)
            self.checkpoint(conn)
        finally:
            conn.close()

    def checkpoint(self, conn: sqlite3.Connection | None = None) -> tuple[int, int]:
        """Copy what the WAL holds into the database file now, without waiting for
        anyone; (frames in the WAL, frames copied). Errors are logged, never raised."""
        own = conn if conn is not None else _connect(self.path)
        try:
            row = own.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        except sqlite3.Error as exc:
            log.warning("checkpoint of %s failed: %s", self.path, exc)
            return (0, 0)
        finally:
            if conn is None:
                own.close()
        return (int(row[1]), int(row[2]))

    def submit(self, fn: WriteFn[T]) -> Future[T]:
        """Queue ``fn(db)`` to run in its own write transaction on the writer thread."""
        if self._closed:
            raise StoreError("the case store is closed")
        future: Future[T] = Future()
        self.start()
        self._jobs.put(_Job(fn, future))  # type: ignore[arg-type]
        return future

    def start(self) -> None:
        """Start the writer and checkpointer threads now rather than at the first write
        (idempotent). They inherit the scheduling of the thread that starts them."""
        with self._lock:
            if self._closed:
                raise StoreError("the case store is closed")
            if self._writer is not None:
                return
            self._writer = threading.Thread(
                target=self._write_loop,
                args=(self._writer_conn,),
                name="tandem-store-writer",
                daemon=True,
            )
            self._writer.start()
            self._checkpointer = threading.Thread(
                target=self._checkpoint_loop, name="tandem-store-checkpoints", daemon=True
            )
            self._checkpointer.start()

    async def write(self, fn: WriteFn[T]) -> T:
        return await asyncio.wrap_future(self.submit(fn))

    def write_sync(self, fn: WriteFn[T]) -> T:
        return self.submit(fn).result()

    # -- reading -----------------------------------------------------------------------

    def reader(self) -> sqlite3.Connection:
        """This thread's read connection."""
        if self._closed:
            raise StoreError("the case store is closed")
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = _connect(self.path, readonly=True)
            self._local.conn = conn
            with self._lock:
                self._readers.append(conn)
        return conn

    async def read(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        """Run ``fn(conn)`` on a worker thread with that thread's read connection.

        :meth:`close` waits for reads under way, so a connection is never closed under one.
        """
        return await asyncio.to_thread(self._tracked_read, fn)

    def _tracked_read(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        with self._lock:
            if self._closed:
                raise StoreError("the case store is closed")
            self._reads_running += 1
        try:
            return fn(self.reader())
        finally:
            with self._lock:
                self._reads_running -= 1
                self._reads_done.notify_all()

    # -- closing -----------------------------------------------------------------------

    def close(self) -> None:
        with self._lock:
            if self._closed:
                return
            self._closed = True
            # Reads already under way finish first: closing a connection a worker thread is
            # using would crash the process.
            self._reads_done.wait_for(lambda: self._reads_running == 0, timeout=30)
            writer = self._writer
        if writer is None:
            self._writer_conn.close()
        else:
            self._jobs.put(None)
            writer.join(timeout=30)
        if self._checkpointer is not None:
            self._stop_checkpoints.set()
            self._checkpointer.join(timeout=30)
        self._priority.close()
        with self._lock:
            for conn in self._readers:
                with contextlib.suppress(sqlite3.Error):
                    conn.close()
            self._readers.clear()
