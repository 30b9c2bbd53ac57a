"""The audit trail: hash chain, signed checkpoints, tamper detection, export, signing key."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import shutil
import sqlite3
import stat
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from console.connectors.secrets import SecretStoreError, SessionSecrets
from console.domain.audit import GENESIS_HASH, canonical_json
from console.services.audit import KEY_FILE, KEY_NAME, AuditKeyError, AuditService
from console.store import Store, audit
from tests.aio import run

RECORDS = 10_000
EVERY = 1_000
START = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def at(i: int) -> str:
    return (START + timedelta(minutes=i)).isoformat(timespec="microseconds")


def add_records(
    conn: sqlite3.Connection, first: int, last: int, signer: audit.Signer | None = None
) -> None:
    for i in range(first, last + 1):
        seq = audit.append(
            conn,
            kind="decision" if i % 2 else "proposal",
            actor_id=f"agent-{i % 3}",
            subject_ids=[f"case-{i % 17}", f"ref-{i:06d}"],
            payload={"ref": f"r-{i:06d}", "amount": f"{i % 100}.50", "note": "退款 approved"},
            recorded_at=at(i),
        )
        assert seq == i
        if signer is not None:
            audit.maybe_checkpoint(conn, signer, EVERY, seq=seq, created_at=at(i))


@pytest.fixture(scope="module")
def signed_log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A closed store holding 10,000 records with a signed checkpoint every 1,000."""
    path = tmp_path_factory.mktemp("audit") / "tandem.sqlite3"
    store = Store.open(path)
    signer = audit.Ed25519Signer.generate()
    store.write_sync(lambda db: add_records(db.conn, 1, RECORDS, signer))
    store.close()
    return path


@pytest.fixture
def log(signed_log: Path, tmp_path: Path) -> Iterator[sqlite3.Connection]:
    """A copy of the signed log, opened as an attacker with the file would: no triggers."""
    path = tmp_path / "copy.sqlite3"
    shutil.copy(signed_log, path)
    conn = sqlite3.connect(path, isolation_level=None)
    for (name,) in conn.execute(
        "SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name LIKE 'audit%'"
    ).fetchall():
        conn.execute(f"DROP TRIGGER {name}")
    yield conn
    conn.close()


def record(conn: sqlite3.Connection, seq: int) -> tuple[Any, ...]:
    row = conn.execute(
        "SELECT recorded_at, actor_id, kind, subject_ids, payload, prev_hash, hash"
        " FROM audit WHERE seq = ?",
        (seq,),
    ).fetchone()
    assert row is not None
    return tuple(row)


def put(conn: sqlite3.Connection, seq: int, row: tuple[Any, ...]) -> None:
    """Store ``row`` (as :func:`record` reads it) at ``seq``: its payload and hashes — the
    other columns are generated from the payload's header."""
    conn.execute(
        "INSERT OR REPLACE INTO audit (seq, payload, prev_hash, hash) VALUES (?, ?, ?, ?)",
        (seq, *row[4:]),
    )


def with_header(row: list[Any], **changes: str) -> None:
    """Rewrite the header in ``row``'s payload (the only place time and actor live)."""
    head = dict(zip(("recorded_at", "actor_id", "kind", "subject_ids"), row[:4], strict=True))
    head.update(changes)
    row[4] = audit.header(*head.values()) + audit.json_part(row[4])


def flip(text: str, at: int = 10) -> str:
    return text[:at] + ("1" if text[at] != "1" else "2") + text[at + 1 :]


def shift_up(conn: sqlite3.Connection, from_seq: int) -> None:
    """Make room at ``from_seq``: every later record moves up by one."""
    conn.execute("UPDATE audit SET seq = -(seq + 1) WHERE seq >= ?", (from_seq,))
    conn.execute("UPDATE audit SET seq = -seq WHERE seq < 0")


def shift_down(conn: sqlite3.Connection, after_seq: int) -> None:
    conn.execute("UPDATE audit SET seq = -(seq - 1) WHERE seq > ?", (after_seq,))
    conn.execute("UPDATE audit SET seq = -seq WHERE seq < 0")


# -- the chain ---------------------------------------------------------------------------


def test_append_chains_each_record_to_the_one_before(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "t.sqlite3")
    try:
        store.write_sync(lambda db: add_records(db.conn, 1, 3))
        conn = store.reader()
        rows = conn.execute(
            "SELECT seq, payload, prev_hash, hash, recorded_at, actor_id, kind, subject_ids"
            " FROM audit ORDER BY seq"
        ).fetchall()
        assert [r[0] for r in rows] == [1, 2, 3]
        assert rows[0][2] == GENESIS_HASH
        for row, before in zip(rows, [None, *rows], strict=False):
            _, payload, prev_hash, digest, *head = row
            assert prev_hash == (GENESIS_HASH if before is None else before[3])
            # The payload column holds the hashed bytes: the header, then the JSON.
            assert payload == audit.header(*head) + audit.json_part(payload)
            assert digest == _digest(prev_hash, *head, audit.json_part(payload))
        assert json.loads(audit.json_part(rows[0][1])) == {
            "amount": "1.50",
            "note": "退款 approved",
            "ref": "r-000001",
        }
        assert audit.verify(conn) == audit.AuditCheck(3)
        assert audit.verify(conn).ok
    finally:
        store.close()


def test_the_store_refuses_changing_or_deleting_records_and_checkpoints(signed_log: Path) -> None:
    conn = sqlite3.connect(signed_log, isolation_level=None)
    try:
        for sql in (
            "UPDATE audit SET payload = x'00' WHERE seq = 5",
            "DELETE FROM audit WHERE seq = 5",
            "UPDATE audit_checkpoints SET hash = 'x' WHERE seq = 1000",
            "DELETE FROM audit_checkpoints WHERE seq = 1000",
            "DELETE FROM audit_keys",
        ):
            with pytest.raises(sqlite3.IntegrityError, match="append-only"):
                conn.execute(sql)
    finally:
        conn.close()


def test_an_empty_log_verifies() -> None:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    from console.store.schema import MIGRATIONS

    for migration in MIGRATIONS:
        migration(conn)
    assert audit.verify(conn) == audit.AuditCheck(0)
    assert audit.checkpoint(conn, audit.Ed25519Signer.generate()) is None


def test_the_other_columns_are_read_from_the_hashed_bytes(signed_log: Path) -> None:
    conn = sqlite3.connect(signed_log, isolation_level=None)
    try:
        row = record(conn, 4321)
        assert row[:4] == (at(4321), "agent-1", "decision", '["case-3","ref-004321"]')
        assert row[4] == audit.header(*row[:4]) + audit.json_part(row[4])
        with pytest.raises(sqlite3.OperationalError, match="generated column"):
            conn.execute("UPDATE audit SET actor_id = 'mallory' WHERE seq = 5")
    finally:
        conn.close()


def test_a_schema_11_log_moves_to_generated_columns_and_still_verifies(tmp_path: Path) -> None:
    """Schema 12 rebuilt the audit table: the records keep their bytes and hashes."""
    from console.store.schema import APPLICATION_ID, MIGRATIONS

    path = tmp_path / "tandem.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    for migration in MIGRATIONS[:11]:
        migration(conn)
    prev = GENESIS_HASH
    for i in range(1, 6):  # as schema 11 appended: every column stored
        head = (at(i), f"agent-{i}", "decision", f'["case-{i}"]')
        data = audit.header(*head) + canonical_json({"ref": f"r-{i}"})
        digest = hashlib.sha256(prev.encode() + data).hexdigest()
        conn.execute(
            "INSERT INTO audit (recorded_at, actor_id, kind, subject_ids, payload, prev_hash,"
            " hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (*head, data, prev, digest),
        )
        prev = digest
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 11")
    conn.execute("COMMIT")
    conn.close()

    store = Store.open(path)
    try:
        reader = store.reader()
        assert audit.verify(reader) == audit.AuditCheck(5)
        assert record(reader, 3)[:4] == (at(3), "agent-3", "decision", '["case-3"]')
        store.write_sync(lambda db: add_records(db.conn, 6, 6))
        assert audit.verify(store.reader()) == audit.AuditCheck(6)
    finally:
        store.close()
    raw = sqlite3.connect(path, isolation_level=None)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            raw.execute("DELETE FROM audit WHERE seq = 1")
        tables = {name for (name,) in raw.execute("SELECT name FROM sqlite_schema")}
        assert "audit_v11" not in tables
    finally:
        raw.close()


# -- checkpoints -------------------------------------------------------------------------


def test_a_checkpoint_every_thousand_records(log: sqlite3.Connection) -> None:
    rows = log.execute("SELECT seq, hash, key_fingerprint FROM audit_checkpoints").fetchall()
    assert [r[0] for r in rows] == list(range(EVERY, RECORDS + 1, EVERY))
    for seq, digest, _ in rows:
        assert digest == record(log, seq)[6]
    (fingerprint, public) = log.execute("SELECT fingerprint, public_key FROM audit_keys").fetchone()
    assert {r[2] for r in rows} == {fingerprint}
    assert fingerprint == hashlib.sha256(public).hexdigest()


def test_maybe_checkpoint_waits_for_every_records(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "t.sqlite3")
    signer = audit.Ed25519Signer.generate()
    try:

        def write(db: Any) -> list[int | None]:
            made = []
            for i in range(1, 8):
                add_records(db.conn, i, i)
                cp = audit.maybe_checkpoint(db.conn, signer, 3)
                made.append(cp.seq if cp else None)
            return made

        assert store.write_sync(write) == [None, None, 3, None, None, 6, None]
        on_demand = store.write_sync(lambda db: audit.checkpoint(db.conn, signer))
        assert on_demand is not None
        assert on_demand.seq == 7
        again = store.write_sync(lambda db: audit.checkpoint(db.conn, signer))
        assert again == on_demand  # the last record already has one
        check = audit.verify(store.reader())
        assert (check.ok, check.records, check.checkpoints) == (True, 7, 3)
    finally:
        store.close()


def test_unsent_checkpoints_and_marking_them_sent(tmp_path: Path) -> None:
    path = tmp_path / "t.sqlite3"
    store = Store.open(path)
    signer = audit.Ed25519Signer.generate()
    try:
        store.write_sync(lambda db: add_records(db.conn, 1, 2500, signer))
        unsent = audit.unsent_checkpoints(store.reader())
        assert [c.seq for c in unsent] == [1000, 2000]
        assert unsent[0].to_json()["key_fingerprint"] == signer.fingerprint
        assert store.write_sync(lambda db: audit.mark_sent(db.conn, [1000], at(9))) == 1
        assert store.write_sync(lambda db: audit.mark_sent(db.conn, [1000], at(10))) == 0
        assert [c.seq for c in audit.unsent_checkpoints(store.reader())] == [2000]
        assert audit.verify(store.reader()).ok
    finally:
        store.close()
    conn = sqlite3.connect(path, isolation_level=None)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("UPDATE audit_checkpoints SET sent_at = NULL WHERE seq = 1000")
    conn.close()


# -- tampering ---------------------------------------------------------------------------


def test_a_clean_log_passes(log: sqlite3.Connection) -> None:
    check = audit.verify(log)
    assert check == audit.AuditCheck(RECORDS, checkpoints=RECORDS // EVERY)
    assert check.ok


def _flip_payload(conn: sqlite3.Connection) -> None:
    row = list(record(conn, 4321))
    row[4] = row[4].replace(b"r-004321", b"r-004329")
    put(conn, 4321, tuple(row))


def _change_actor(conn: sqlite3.Connection) -> None:
    row = list(record(conn, 4321))
    with_header(row, actor_id="supervisor-9")  # who did it, not what
    put(conn, 4321, tuple(row))


def _change_time(conn: sqlite3.Connection) -> None:
    row = list(record(conn, 4321))
    with_header(row, recorded_at=at(4000))
    put(conn, 4321, tuple(row))


def _redefine_a_column(conn: sqlite3.Connection) -> None:
    """Make the actor column say something the hashed header does not (the file edited)."""
    (sql,) = conn.execute("SELECT sql FROM sqlite_schema WHERE name = 'audit'").fetchone()
    start = sql.index("actor_id    TEXT GENERATED ALWAYS AS (")
    end = sql.index(") VIRTUAL", start)
    forged = sql[:start] + "actor_id    TEXT GENERATED ALWAYS AS ('supervisor-9'" + sql[end:]
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_schema SET sql = ? WHERE name = 'audit'", (forged,))
    conn.execute("PRAGMA writable_schema = OFF")


def _flip_hash(conn: sqlite3.Connection) -> None:
    row = list(record(conn, 4321))
    row[6] = flip(row[6])
    put(conn, 4321, tuple(row))


def _flip_prev_hash(conn: sqlite3.Connection) -> None:
    row = list(record(conn, 4321))
    row[5] = flip(row[5])
    put(conn, 4321, tuple(row))


def _delete(conn: sqlite3.Connection) -> None:
    conn.execute("DELETE FROM audit WHERE seq = 4321")


def _delete_and_renumber(conn: sqlite3.Connection) -> None:
    conn.execute("DELETE FROM audit WHERE seq = 4321")
    shift_down(conn, 4321)


def _swap(conn: sqlite3.Connection) -> None:
    first, second = record(conn, 4321), record(conn, 4322)
    put(conn, 4321, second)
    put(conn, 4322, first)


def _insert_naively(conn: sqlite3.Connection) -> None:
    shift_up(conn, 4321)
    row = list(record(conn, 4320))
    row[4] = canonical_json({"ref": "forged", "amount": "9999.00"})
    row[5] = row[6]  # linked to record 4320, but its hash is copied: wrong for this payload
    put(conn, 4321, tuple(row))


def _rechain_from(conn: sqlite3.Connection, seq: int) -> None:
    """Recompute every link and hash from ``seq`` on, as an attacker covering tracks."""
    prev = record(conn, seq - 1)[6]
    last = conn.execute("SELECT MAX(seq) FROM audit").fetchone()[0]
    for s in range(seq, last + 1):
        row = list(record(conn, s))
        row[5] = prev
        row[6] = prev = _digest(prev, row[0], row[1], row[2], row[3], audit.json_part(row[4]))
        put(conn, s, tuple(row))


def _duplicate(conn: sqlite3.Connection) -> None:
    put(conn, 4322, record(conn, 4321))  # record 4321 again, in place of 4322


def _insert_carefully(conn: sqlite3.Connection) -> None:
    shift_up(conn, 4321)
    prev = record(conn, 4320)[6]
    data = canonical_json({"ref": "forged", "amount": "9999.00"})
    head = (at(4321), "agent-1", "decision", '["case-1"]')
    digest = _digest(prev, *head, data)
    put(conn, 4321, (*head, audit.header(*head) + data, prev, digest))


def _rewrite_and_rechain(conn: sqlite3.Connection) -> None:
    _flip_payload(conn)
    _rechain_from(conn, 4321)


def _truncate_the_end(conn: sqlite3.Connection) -> None:
    conn.execute("DELETE FROM audit WHERE seq > 9500")


def _checkpoint_signature(conn: sqlite3.Connection) -> None:
    (signature,) = conn.execute(
        "SELECT signature FROM audit_checkpoints WHERE seq = 5000"
    ).fetchone()
    forged = bytes([signature[0] ^ 0x01]) + signature[1:]
    conn.execute("UPDATE audit_checkpoints SET signature = ? WHERE seq = 5000", (forged,))


def _checkpoint_hash(conn: sqlite3.Connection) -> None:
    conn.execute("UPDATE audit_checkpoints SET hash = ? WHERE seq = 5000", (record(conn, 4999)[6],))


def _checkpoint_key_swapped(conn: sqlite3.Connection) -> None:
    other = audit.Ed25519Signer.generate()
    conn.execute(
        "UPDATE audit_keys SET public_key = ?", (other.public_key,)
    )  # the attacker's key under the old fingerprint


TAMPERING: list[tuple[str, Callable[[sqlite3.Connection], None], int, str]] = [
    ("payload byte flipped", _flip_payload, 4321, "record 4321 was changed"),
    ("hash byte flipped", _flip_hash, 4321, "record 4321 was changed"),
    ("actor changed", _change_actor, 4321, "record 4321 was changed"),
    ("time changed", _change_time, 4321, "record 4321 was changed"),
    ("a column redefined", _redefine_a_column, 1, "audit table's definition was changed"),
    ("prev_hash byte flipped", _flip_prev_hash, 4321, "record 4321 does not follow record 4320"),
    ("record deleted", _delete, 4321, "record 4321 is missing"),
    ("record deleted, later ones renumbered", _delete_and_renumber, 4321, "does not follow"),
    ("records swapped", _swap, 4321, "record 4321 does not follow record 4320"),
    ("record copied over the next", _duplicate, 4322, "record 4322 does not follow record 4321"),
    ("record inserted, copied hash", _insert_naively, 4321, "record 4321 was changed"),
    # A well-linked insertion is a valid record itself: the next one no longer follows.
    ("record inserted, linked", _insert_carefully, 4322, "record 4322 does not follow"),
    # Everything after the change re-hashed: only the signed checkpoint can tell.
    ("record changed, chain recomputed", _rewrite_and_rechain, 5000, "does not match record 5000"),
    ("records cut off the end", _truncate_the_end, 9501, "record 9501 is missing"),
    ("checkpoint signature altered", _checkpoint_signature, 5000, "signature that does not match"),
    ("checkpoint hash altered", _checkpoint_hash, 5000, "does not match record 5000's hash"),
    ("public key replaced", _checkpoint_key_swapped, 1000, "unknown key"),
]


@pytest.mark.parametrize(
    ("tamper", "first_bad", "reason"),
    [pytest.param(fn, seq, why, id=name) for name, fn, seq, why in TAMPERING],
)
def test_tampering_is_found_at_the_right_record(
    log: sqlite3.Connection,
    tamper: Callable[[sqlite3.Connection], None],
    first_bad: int,
    reason: str,
) -> None:
    tamper(log)
    check = audit.verify(log)
    assert not check.ok
    assert check.first_bad == first_bad, check.problem
    assert reason in (check.problem or "")
    assert check.records == first_bad - 1
    assert check.checkpoints == (first_bad - 1) // EVERY


def test_bytes_flipped_in_the_file_itself(signed_log: Path, tmp_path: Path) -> None:
    path = tmp_path / "edited.sqlite3"
    data = bytearray(signed_log.read_bytes())
    where = data.find(b'"ref":"r-007777"')
    assert where > 0
    assert data.find(b'"ref":"r-007777"', where + 1) == -1
    data[where + 14] ^= 0x01  # r-007777 -> r-007776 in the stored payload
    path.write_bytes(data)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        check = audit.verify(conn)
    finally:
        conn.close()
    assert (check.first_bad, check.problem) == (
        7777,
        "record 7777 was changed after it was written",
    )


def test_a_bad_checkpoint_before_a_bad_record_in_the_same_batch_comes_first(
    log: sqlite3.Connection,
) -> None:
    _checkpoint_signature(log)  # at 5000
    row = list(record(log, 5500))
    row[6] = flip(row[6])
    put(log, 5500, tuple(row))
    assert audit.verify(log).first_bad == 5000
    assert audit.verify(log, batch=7).first_bad == 5000


@pytest.mark.parametrize("batch", [1, 3, 999, 1000, 1001, 20_000])
def test_batch_size_changes_nothing(log: sqlite3.Connection, batch: int) -> None:
    assert audit.verify(log, batch=batch).ok
    _delete(log)
    assert audit.verify(log, batch=batch).first_bad == 4321


def test_a_text_payload_is_reported_not_crashed_on(log: sqlite3.Connection) -> None:
    row = list(record(log, 10))
    row[4] = row[4].decode() + " "
    put(log, 10, tuple(row))
    check = audit.verify(log)
    assert (check.first_bad, check.problem) == (10, "record 10 was changed after it was written")


# -- export ------------------------------------------------------------------------------


def test_export_jsonl_round_trip(log: sqlite3.Connection) -> None:
    out = io.StringIO()
    assert audit.export(log, out, "jsonl", batch=333) == RECORDS
    lines = out.getvalue().splitlines()
    assert len(lines) == RECORDS
    prev = GENESIS_HASH
    for n, line in enumerate(lines, start=1):
        item = json.loads(line)
        assert list(item) == list(audit.EXPORT_FIELDS)
        assert item["seq"] == n
        assert item["prev_hash"] == prev
        # an auditor recomputes each hash from the exported object alone
        subjects = json.dumps(item["subjects"], ensure_ascii=False, separators=(",", ":"))
        head = (item["recorded_at"], item["actor"], item["kind"], subjects)
        assert item["hash"] == _digest(prev, *head, canonical_json(item["payload"]))
        prev = item["hash"]
    first = json.loads(lines[0])
    assert first["payload"] == {"amount": "1.50", "note": "退款 approved", "ref": "r-000001"}
    assert first["subjects"] == ["case-1", "ref-000001"]
    assert (first["actor"], first["kind"], first["recorded_at"]) == ("agent-1", "decision", at(1))


def test_export_csv_round_trip(log: sqlite3.Connection, tmp_path: Path) -> None:
    target = tmp_path / "audit.csv"
    with target.open("w", encoding="utf-8", newline="") as fh:
        assert audit.export(log, fh, "csv") == RECORDS
    with target.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == RECORDS
    assert list(rows[0]) == list(audit.EXPORT_FIELDS)
    for row in (rows[0], rows[4320], rows[-1]):
        seq = int(row["seq"])
        stored = record(log, seq)
        assert row["payload"].encode() == audit.json_part(stored[4])  # the hashed JSON
        assert json.loads(row["subjects"]) == json.loads(stored[3])
        head = (row["recorded_at"], row["actor"], row["kind"], row["subjects"])
        assert row["hash"] == _digest(row["prev_hash"], *head, row["payload"].encode())


def test_export_since(log: sqlite3.Connection) -> None:
    since = START + timedelta(minutes=9_990)  # records 9990..10000
    out = io.StringIO()
    assert audit.export(log, out, "jsonl", since) == 11
    assert [json.loads(x)["seq"] for x in out.getvalue().splitlines()] == list(range(9990, 10001))
    other_zone = since.astimezone(datetime.now().astimezone().tzinfo)
    assert audit.export(log, io.StringIO(), "csv", other_zone) == 11
    assert audit.export(log, io.StringIO(), "jsonl", START + timedelta(days=30)) == 0
    with pytest.raises(ValueError, match="time zone"):
        audit.export(log, io.StringIO(), "jsonl", datetime(2026, 3, 1))
    with pytest.raises(ValueError, match="format"):
        audit.export(log, io.StringIO(), "xml")  # type: ignore[arg-type]


def test_export_keeps_a_damaged_record(log: sqlite3.Connection) -> None:
    row = list(record(log, 2))
    row[4] = b"{not json"
    put(log, 2, tuple(row))
    out = io.StringIO()
    audit.export(log, out, "jsonl")
    assert json.loads(out.getvalue().splitlines()[1])["payload"] == "{not json"


# -- the service and its signing key -----------------------------------------------------


class Keyring:
    """A persistent secret store stand-in (the OS keyring)."""

    available = True
    persistent = True
    description = "a test keyring"

    def __init__(self, broken: bool = False) -> None:
        self.values: dict[str, str] = {}
        self.broken = broken

    def get(self, name: str) -> str | None:
        if self.broken:
            raise SecretStoreError("the keyring could not read it (KeyringLocked)")
        return self.values.get(name)

    def set(self, name: str, value: str) -> None:
        self.values[name] = value

    def delete(self, name: str) -> bool:
        return self.values.pop(name, None) is not None


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    store = Store.open(tmp_path / "data" / "tandem.sqlite3")
    yield store
    store.close()


def test_service_keeps_the_key_in_the_keyring(store: Store, tmp_path: Path) -> None:
    keyring = Keyring()
    service = AuditService(store, tmp_path / "data", keyring)
    assert run(service.checkpoint()) is None  # nothing to sign yet
    store.write_sync(lambda db: add_records(db.conn, 1, 5))
    cp = run(service.checkpoint())
    assert cp is not None
    assert cp.seq == 5
    assert KEY_NAME in keyring.values
    assert not (tmp_path / "data" / KEY_FILE).exists()
    # a later session signs with the same key
    again = AuditService(store, tmp_path / "data", keyring)
    store.write_sync(lambda db: add_records(db.conn, 6, 6))
    assert run(again.checkpoint()).key_fingerprint == cp.key_fingerprint
    row = store.reader().execute("SELECT kept_in FROM audit_keys").fetchall()
    assert row == [("keyring",)]
    check = run(service.verify())
    assert (check.ok, check.records, check.checkpoints) == (True, 6, 2)
    assert [c.seq for c in run(service.unsent_checkpoints())] == [5, 6]
    assert run(service.mark_sent([5])) == 1


def test_a_keyring_that_fails_is_reported(store: Store, tmp_path: Path) -> None:
    store.write_sync(lambda db: add_records(db.conn, 1, 1))
    service = AuditService(store, tmp_path / "data", Keyring(broken=True))
    with pytest.raises(AuditKeyError, match="keyring"):
        run(service.checkpoint())


@pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")
def test_without_a_keyring_the_key_is_a_private_file(store: Store, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    store.write_sync(lambda db: add_records(db.conn, 1, 3))
    service = AuditService(store, data_dir, SessionSecrets())
    cp = run(service.checkpoint())
    key_file = data_dir / KEY_FILE
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert cp is not None
    assert (
        AuditService(store, data_dir, SessionSecrets()).signer().fingerprint == cp.key_fingerprint
    )
    assert store.reader().execute("SELECT kept_in FROM audit_keys").fetchall() == [("file",)]


@pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")
@pytest.mark.parametrize("mode", [0o644, 0o640, 0o604, 0o660])
def test_a_key_file_others_can_read_is_refused(store: Store, tmp_path: Path, mode: int) -> None:
    data_dir = tmp_path / "data"
    AuditService(store, data_dir, SessionSecrets()).signer()
    key_file = data_dir / KEY_FILE
    key_file.chmod(mode)
    store.write_sync(lambda db: add_records(db.conn, 1, 1))
    service = AuditService(store, data_dir, SessionSecrets())
    with pytest.raises(AuditKeyError) as refused:
        run(service.checkpoint())
    message = str(refused.value)
    assert f"mode {mode:04o}" in message
    assert "chmod 600" in message
    assert str(key_file) in message
    assert store.reader().execute("SELECT COUNT(*) FROM audit_checkpoints").fetchone() == (0,)
    key_file.chmod(0o600)
    assert run(service.checkpoint()) is not None


def test_a_key_file_that_is_not_a_key_is_refused(store: Store, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    key_file = data_dir / KEY_FILE
    key_file.write_text("not a key\n")
    key_file.chmod(0o600)
    with pytest.raises(AuditKeyError, match="not a base64 Ed25519 private key"):
        AuditService(store, data_dir, SessionSecrets()).signer()


def test_the_signer_never_shows_its_key() -> None:
    signer = audit.Ed25519Signer.generate()
    assert signer.secret() not in repr(signer)
    assert (
        audit.Ed25519Signer.from_secret(signer.secret(), "file").fingerprint == signer.fingerprint
    )


def test_service_export_to_a_file(store: Store, tmp_path: Path) -> None:
    store.write_sync(lambda db: add_records(db.conn, 1, 20))
    service = AuditService(store, tmp_path / "data", SessionSecrets())
    target = tmp_path / "out.csv"
    assert run(service.export(target, "csv", START + timedelta(minutes=15))) == 6
    with target.open(encoding="utf-8", newline="") as fh:
        assert [int(r["seq"]) for r in csv.DictReader(fh)] == [15, 16, 17, 18, 19, 20]


def _digest(prev: str, at: str, actor: str, kind: str, subjects: str, payload: bytes) -> str:
    """A record's hash as an auditor recomputes it: SHA-256(prev || header || payload)."""
    return hashlib.sha256(
        prev.encode() + audit.header(at, actor, kind, subjects) + payload
    ).hexdigest()
