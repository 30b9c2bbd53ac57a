"""Interactive writes go first: the console holds the writers' lock for each write, and a
background store (the write-back process) waits for it before each transaction.

POSIX locks never conflict inside one process, so every check of the lock is made from
another process, as the console and the dispatcher are."""

from __future__ import annotations

import select
import sqlite3
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

import console.store.db as db_module
from console.domain.errors import StoreError
from console.store import Store
from console.store.db import WriterPriority

pytestmark = pytest.mark.skipif(
    sys.platform == "win32", reason="writer priority needs POSIX locks (fcntl)"
)

PROBE = textwrap.dedent(
    """
    import fcntl, os, sys
    fd = os.open(sys.argv[1], os.O_RDWR)
    try:
        fcntl.lockf(fd, fcntl.LOCK_SH | fcntl.LOCK_NB, 1, 0)
    except OSError:
        print("held")
    else:
        print("free")
    """
)

BACKGROUND_WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from console.store import Store
    store = Store.open(Path(sys.argv[1]), background=True)
    print("begun", flush=True)
    store.write_sync(lambda db: db.execute("PRAGMA user_version").fetchone())
    print("written", flush=True)
    store.close()
    """
)


def held_by_another(lock_path: Path) -> bool:
    """Whether a process holds the writers' lock, as another process sees it."""
    out = subprocess.run(
        [sys.executable, "-c", PROBE, str(lock_path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout.strip()
    assert out in ("held", "free"), out
    return out == "held"


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "tandem.sqlite3"


@pytest.fixture
def lock_path(path: Path) -> Path:
    return path.with_name(path.name + "-writers")


def test_an_interactive_write_holds_the_lock_until_it_commits(path: Path, lock_path: Path) -> None:
    store = Store.open(path)
    try:
        during = store.write_sync(lambda db: held_by_another(lock_path))
        assert during is True
        assert held_by_another(lock_path) is False
    finally:
        store.close()


def test_the_lock_is_given_back_when_a_write_fails(path: Path, lock_path: Path) -> None:
    store = Store.open(path)
    try:

        def fails(db: object) -> None:
            raise ValueError("no such thing")

        with pytest.raises(ValueError, match="no such thing"):
            store.write_sync(fails)
        assert held_by_another(lock_path) is False
    finally:
        store.close()


def test_the_lock_is_given_back_when_the_write_lock_never_comes(
    path: Path, lock_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store.open(path)
    other = sqlite3.connect(path, isolation_level=None)
    try:
        monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 50)
        other.execute("BEGIN IMMEDIATE")  # someone else writes, and goes on writing
        with pytest.raises(StoreError, match="kept writing to the case store"):
            store.write_sync(lambda db: None)
        assert held_by_another(lock_path) is False
    finally:
        other.close()
        store.close()


def test_a_background_store_waits_while_the_console_is_writing(path: Path, lock_path: Path) -> None:
    Store.open(path).close()  # created and migrated
    console = WriterPriority(lock_path, background=False)
    assert console.claim()
    child = subprocess.Popen(
        [sys.executable, "-c", BACKGROUND_WRITER, str(path)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "begun"
        # Held by the console: the background write does not begin. (A bounded look for
        # something that must not happen; the write itself takes a few milliseconds.)
        ready, _, _ = select.select([child.stdout], [], [], 0.5)
        assert not ready, child.stdout.readline()
        console.release()
        assert child.stdout.readline().strip() == "written"
        assert child.wait(timeout=60) == 0
    finally:
        console.close()
        if child.poll() is None:
            child.kill()
            child.wait()


def test_two_interactive_writers_take_turns_as_sqlite_lets_them(lock_path: Path) -> None:
    first = WriterPriority(lock_path, background=False)
    try:
        assert first.claim()
        result: list[bool] = []
        # Another process's interactive writer does not wait for the lock: it goes on.
        code = (
            "import sys; from pathlib import Path; from console.store.db import WriterPriority;"
            "p = WriterPriority(Path(sys.argv[1]), background=False); print(p.claim())"
        )
        thread = threading.Thread(
            target=lambda: result.append(
                subprocess.run(
                    [sys.executable, "-c", code, str(lock_path)],
                    capture_output=True,
                    text=True,
                    timeout=60,
                ).stdout.strip()
                == "False"
            )
        )
        thread.start()
        thread.join(timeout=60)
        assert result == [True]
    finally:
        first.close()
