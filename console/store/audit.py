"""The audit trail: append-only, hash-chained records, written in the transaction of what
they record, with signed checkpoints.

Each record keeps the exact bytes its hash covers (``payload``): a header — the record's
time, actor, kind and subjects (``recorded_at US actor_id US kind US subject_ids RS``,
US/RS the ASCII unit and record separators) — then the canonical JSON of what it records;
``hash = SHA-256(prev_hash || payload)``, the first record's ``prev_hash`` 64 zeros. The
other columns (``recorded_at``, ``actor_id``, ``kind``, ``subject_ids``) are *virtual
generated columns*: SQLite reads them out of the stored header each time, so they cannot
say anything but what was hashed. Verifying checks that the table is still defined so
(:data:`AUDIT_TABLE`), which costs one query instead of one comparison a record.
Verifying reads only those bytes and hashes, in order — no re-serialising — which is what
makes a million records verifiable in about a second (see PERF_NOTES). Changing, deleting,
swapping or inserting any record breaks the chain at that record.

A chain alone cannot show that records were cut off its end, or that someone holding the
file rewrote it from some record on and re-hashed everything after. **Checkpoints** can:
every ``every`` records (and on demand) the last record's sequence number and hash are
signed with an Ed25519 key that is kept outside the store (the OS keyring, else a private
file; see ``console/services/audit.py``). Only the public key is stored (``audit_keys``),
under its fingerprint. The outbox later sends checkpoints to an external audit sink
(:func:`unsent_checkpoints`, :func:`mark_sent`), which makes even a re-signed rewrite
visible there.

Emitting a checkpoint is cheap (one signature, ~50 µs) and is meant to run in the same
write transaction as the append::

    seq = append(db.conn, kind=..., actor_id=..., subject_ids=..., payload=..., recorded_at=now)
    maybe_checkpoint(db.conn, signer, seq=seq, created_at=now)

``cryptography`` is imported on first use only (docs/decisions/0004-fast-first-paint.md).
"""

from __future__ import annotations

import base64
import csv
import hashlib
import json
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Literal, Protocol, TextIO

from console.domain.audit import GENESIS_HASH, canonical_json, record_header, subjects_text

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

__all__ = [
    "AUDIT_TABLE",
    "AUDIT_TRIGGERS",
    "CHECKPOINT_EVERY",
    "EXPORT_FIELDS",
    "AuditCheck",
    "Checkpoint",
    "Ed25519Signer",
    "Signer",
    "append",
    "checkpoint",
    "checkpoint_message",
    "export",
    "fingerprint",
    "last_hash",
    "mark_sent",
    "maybe_checkpoint",
    "register_key",
    "unsent_checkpoints",
    "verify",
]

CHECKPOINT_EVERY = 1_000
ALGORITHM = "ed25519"
_CHECKPOINT_CONTEXT = b"tandem-audit-checkpoint/v1\n"

ExportFormat = Literal["jsonl", "csv"]
EXPORT_FIELDS = (
    "seq",
    "recorded_at",
    "actor",
    "kind",
    "subjects",
    "payload",
    "prev_hash",
    "hash",
)


# -- the table ---------------------------------------------------------------------------

# Byte offsets into the header: where the actor, the kind and the subjects start.
_ACTOR_AT = "instr(payload, x'1f') + 1"
_KIND_AT = "length(CAST(recorded_at AS BLOB)) + length(CAST(actor_id AS BLOB)) + 3"
_SUBJECTS_AT = (
    "length(CAST(recorded_at AS BLOB)) + length(CAST(actor_id AS BLOB))"
    " + length(CAST(kind AS BLOB)) + 4"
)


def _field(start: str) -> str:
    """The header field that starts at byte ``start`` and ends before the next US."""
    return f"CAST(substr(payload, {start}, instr(substr(payload, {start}), x'1f') - 1) AS TEXT)"


# The audit table as Tandem defines it (schema 12 on). Only ``payload`` and the hashes are
# stored; the other columns are generated from the hashed header on every read, so no
# edit of the file can make them disagree with it — short of changing this definition,
# which :func:`verify` checks first.
AUDIT_TABLE = f"""CREATE TABLE audit (
    seq         INTEGER PRIMARY KEY,
    payload     BLOB NOT NULL,  -- header, then canonical JSON: the bytes hashed
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL,
    recorded_at TEXT GENERATED ALWAYS AS
        (CAST(substr(payload, 1, instr(payload, x'1f') - 1) AS TEXT)) VIRTUAL,
    actor_id    TEXT GENERATED ALWAYS AS ({_field(_ACTOR_AT)}) VIRTUAL,
    kind        TEXT GENERATED ALWAYS AS ({_field(_KIND_AT)}) VIRTUAL,
    subject_ids TEXT GENERATED ALWAYS AS
        (CAST(substr(payload, {_SUBJECTS_AT},
                     instr(payload, x'1e') - ({_SUBJECTS_AT})) AS TEXT)) VIRTUAL
)"""

AUDIT_TRIGGERS = """
CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
"""


def _definition_problem(conn: sqlite3.Connection) -> str | None:
    """What is wrong with the audit table's definition (None: it is Tandem's)."""
    row = conn.execute(
        "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'audit'"
    ).fetchone()
    if row is None:
        return "there is no audit table"
    if row[0] != AUDIT_TABLE:
        return (
            "the audit table's definition was changed: its columns may no longer say what "
            "each record's hash covers"
        )
    return None


# -- records -----------------------------------------------------------------------------


def last_hash(conn: sqlite3.Connection) -> str:
    row = conn.execute("SELECT hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    return GENESIS_HASH if row is None else str(row[0])


def append(
    conn: sqlite3.Connection,
    *,
    kind: str,
    actor_id: str,
    subject_ids: Iterable[str],
    payload: Mapping[str, Any],
    recorded_at: str,
) -> int:
    """Append one record (inside the caller's write transaction); its sequence number."""
    subjects = subjects_text(list(subject_ids))
    # The payload column holds exactly the bytes hashed after the previous hash: the
    # header (the record's other columns, which SQLite reads back out of it) and the
    # canonical JSON. Verifying then hashes one stored value a record.
    data = header(recorded_at, actor_id, kind, subjects) + canonical_json(dict(payload))
    prev = last_hash(conn)
    digest = hashlib.sha256(prev.encode("ascii") + data).hexdigest()
    cursor = conn.execute(
        "INSERT INTO audit (payload, prev_hash, hash) VALUES (?, ?, ?)", (data, prev, digest)
    )
    return int(cursor.lastrowid or 0)


header = record_header  # the bytes of a record's other columns its hash covers


# -- keys and signatures -----------------------------------------------------------------


def fingerprint(public_key: bytes) -> str:
    """A public key's fingerprint: SHA-256 of its raw bytes, hex."""
    return hashlib.sha256(public_key).hexdigest()


class Signer(Protocol):
    """Signs checkpoints; the private key stays with it (never in the store)."""

    @property
    def public_key(self) -> bytes: ...  # raw Ed25519 public key, 32 bytes

    @property
    def fingerprint(self) -> str: ...

    @property
    def kept_in(self) -> str: ...  # where the private key lives: keyring, file, memory

    def sign(self, message: bytes) -> bytes: ...


class Ed25519Signer:
    """An Ed25519 private key held in memory; ``kept_in`` says where it is stored."""

    def __init__(self, private_key: Ed25519PrivateKey, kept_in: str = "memory") -> None:
        from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

        self._key = private_key
        self.kept_in = kept_in
        self.public_key = private_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        self.fingerprint = fingerprint(self.public_key)

    def __repr__(self) -> str:  # never shows the private key
        return f"Ed25519Signer(fingerprint={self.fingerprint[:16]}…, kept_in={self.kept_in!r})"

    @classmethod
    def generate(cls, kept_in: str = "memory") -> Ed25519Signer:
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        return cls(Ed25519PrivateKey.generate(), kept_in)

    @classmethod
    def from_secret(cls, text: str, kept_in: str) -> Ed25519Signer:
        """From :meth:`secret` text (base64 of the raw 32-byte private key)."""
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        try:
            raw = base64.b64decode(text.strip(), validate=True)
            return cls(Ed25519PrivateKey.from_private_bytes(raw), kept_in)
        except ValueError:  # binascii.Error is a ValueError
            raise ValueError("the audit signing key is not a base64 Ed25519 private key") from None

    def secret(self) -> str:
        """The private key as text to keep in the keyring or the key file."""
        from cryptography.hazmat.primitives.serialization import (
            Encoding,
            NoEncryption,
            PrivateFormat,
        )

        raw = self._key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        return base64.b64encode(raw).decode("ascii")

    def sign(self, message: bytes) -> bytes:
        return self._key.sign(message)


def register_key(conn: sqlite3.Connection, signer: Signer, created_at: str) -> None:
    """Keep ``signer``'s public key beside the store (once; later calls change nothing)."""
    conn.execute(
        "INSERT OR IGNORE INTO audit_keys (fingerprint, algorithm, public_key, created_at,"
        " kept_in) VALUES (?, ?, ?, ?, ?)",
        (signer.fingerprint, ALGORITHM, signer.public_key, created_at, signer.kept_in),
    )


# -- checkpoints -------------------------------------------------------------------------


@dataclass(frozen=True)
class Checkpoint:
    seq: int
    hash: str
    created_at: str
    key_fingerprint: str
    signature: bytes
    sent_at: str | None = None

    def to_json(self) -> dict[str, Any]:
        """What the outbox sends to the audit sink."""
        return {
            "seq": self.seq,
            "hash": self.hash,
            "created_at": self.created_at,
            "algorithm": ALGORITHM,
            "key_fingerprint": self.key_fingerprint,
            "signature": base64.b64encode(self.signature).decode("ascii"),
        }


def checkpoint_message(seq: int, digest: str, created_at: str) -> bytes:
    """The bytes a checkpoint's signature covers."""
    return _CHECKPOINT_CONTEXT + f"{seq}\n{digest}\n{created_at}".encode()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _last_checkpoint_seq(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT MAX(seq) FROM audit_checkpoints").fetchone()
    return int(row[0] or 0)


def checkpoint(
    conn: sqlite3.Connection, signer: Signer, *, created_at: str | None = None
) -> Checkpoint | None:
    """Sign and store a checkpoint of the last record (inside the caller's transaction).

    None when the log is empty; the existing checkpoint when the last record has one.
    """
    row = conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    if row is None:
        return None
    seq, digest = int(row[0]), str(row[1])
    existing = conn.execute(
        "SELECT seq, hash, created_at, key_fingerprint, signature, sent_at"
        " FROM audit_checkpoints WHERE seq = ?",
        (seq,),
    ).fetchone()
    if existing is not None:
        return Checkpoint(*existing)
    at = created_at or _now()
    register_key(conn, signer, at)
    signature = signer.sign(checkpoint_message(seq, digest, at))
    conn.execute(
        "INSERT INTO audit_checkpoints (seq, hash, created_at, key_fingerprint, signature)"
        " VALUES (?, ?, ?, ?, ?)",
        (seq, digest, at, signer.fingerprint, signature),
    )
    return Checkpoint(seq, digest, at, signer.fingerprint, signature)


def maybe_checkpoint(
    conn: sqlite3.Connection,
    signer: Signer,
    every: int = CHECKPOINT_EVERY,
    *,
    seq: int | None = None,
    created_at: str | None = None,
) -> Checkpoint | None:
    """A checkpoint when ``every`` records or more have been appended since the last one.

    Call it after :func:`append` in the same transaction, passing the ``seq`` that append
    returned (saves a query). Costs one indexed lookup when no checkpoint is due.
    """
    if every < 1:
        raise ValueError("checkpoints need every >= 1")
    if seq is None:
        row = conn.execute("SELECT MAX(seq) FROM audit").fetchone()
        seq = int(row[0] or 0)
    if seq - _last_checkpoint_seq(conn) < every:
        return None
    return checkpoint(conn, signer, created_at=created_at)


def unsent_checkpoints(conn: sqlite3.Connection, limit: int = 100) -> list[Checkpoint]:
    """Checkpoints not yet delivered to the external audit sink, oldest first."""
    rows = conn.execute(
        "SELECT seq, hash, created_at, key_fingerprint, signature, sent_at"
        " FROM audit_checkpoints WHERE sent_at IS NULL ORDER BY seq LIMIT ?",
        (limit,),
    ).fetchall()
    return [Checkpoint(*row) for row in rows]


def mark_sent(conn: sqlite3.Connection, seqs: Iterable[int], sent_at: str) -> int:
    """Record that the sink has these checkpoints; how many were newly marked."""
    cursor = conn.executemany(
        "UPDATE audit_checkpoints SET sent_at = ? WHERE seq = ? AND sent_at IS NULL",
        [(sent_at, seq) for seq in seqs],
    )
    return max(cursor.rowcount, 0)


# -- verification ------------------------------------------------------------------------


@dataclass(frozen=True)
class AuditCheck:
    """The result of verifying the chain: ``first_bad`` is None when every record holds.

    ``records`` counts the records verified before the first bad one (all of them on a
    clean log); ``checkpoints`` the signed checkpoints verified.
    """

    records: int
    first_bad: int | None = None
    problem: str | None = None
    checkpoints: int = 0

    @property
    def ok(self) -> bool:
        return self.first_bad is None


def _load_checkpoints(
    conn: sqlite3.Connection,
) -> tuple[dict[int, tuple[str, str, str, bytes]], dict[str, bytes]]:
    checkpoints = {
        int(seq): (str(digest), str(at), str(key), bytes(sig))
        for seq, digest, at, key, sig in conn.execute(
            "SELECT seq, hash, created_at, key_fingerprint, signature FROM audit_checkpoints"
        )
    }
    keys = {
        str(fp): bytes(pub)
        for fp, algorithm, pub in conn.execute(
            "SELECT fingerprint, algorithm, public_key FROM audit_keys"
        )
        if algorithm == ALGORITHM
    }
    return checkpoints, keys


class _Signatures:
    """Checks checkpoints against the stored public keys (key objects built once)."""

    def __init__(self, keys: dict[str, bytes]) -> None:
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

        self._keys: dict[str, Ed25519PublicKey | None] = {}
        for fp, public in keys.items():
            try:
                key = Ed25519PublicKey.from_public_bytes(public)
            except ValueError:
                key = None
            self._keys[fp] = key if fingerprint(public) == fp else None

    def problem(self, seq: int, record_hash: str, cp: tuple[str, str, str, bytes]) -> str | None:
        from cryptography.exceptions import InvalidSignature

        digest, created_at, key_fp, signature = cp
        if digest != record_hash:
            return f"the checkpoint at record {seq} does not match record {seq}'s hash"
        key = self._keys.get(key_fp)
        if key is None:
            return f"the checkpoint at record {seq} is signed by an unknown key ({key_fp[:16]}…)"
        try:
            key.verify(signature, checkpoint_message(seq, digest, created_at))
        except InvalidSignature:
            return f"the checkpoint at record {seq} has a signature that does not match"
        return None


def _link_problem(seq: int) -> str:
    return (
        f"record {seq} does not follow record {seq - 1} (its link to the record before is "
        "wrong: a record was changed, removed, inserted or moved)"
    )


def json_part(payload: bytes) -> bytes:
    """The canonical JSON of a stored payload (after its header)."""
    _, sep, rest = payload.partition(b"\x1e")
    return rest if sep else payload


def _walk(rows: list[Any], prev: str) -> tuple[str, int | None, str | None]:
    """Check the links and hashes of ``rows`` — (payload, prev_hash, hash) of contiguous
    records — after ``prev``: the last good hash, and the index of the first bad row with
    what is wrong with it ("link" or "hash"; None, None when all hold)."""
    sha256 = hashlib.sha256
    start = prev
    try:  # the hot loop, about a microsecond a record: does every record hold?
        for payload, prev_hash, digest in rows:
            if prev_hash != prev or sha256(prev_hash.encode() + payload).hexdigest() != digest:
                break
            prev = digest
        else:
            return prev, None, None
    except (TypeError, AttributeError, UnicodeEncodeError):  # a column of the wrong type
        pass
    prev = start  # one does not: walk again, carefully, to find which
    for index, (payload, prev_hash, digest) in enumerate(rows):
        if not isinstance(prev_hash, str) or prev_hash != prev:
            return prev, index, "link"
        data = payload if isinstance(payload, bytes) else str(payload).encode()
        if sha256(prev.encode("ascii") + data).hexdigest() != digest:
            return prev, index, "hash"
        prev = digest
    return prev, None, None


_RANGE = "FROM audit WHERE seq >= ? AND seq < ? ORDER BY seq"


def verify(conn: sqlite3.Connection, *, batch: int = 10_000) -> AuditCheck:
    """Walk the chain in order; report the first record whose link, hash or checkpoint is
    wrong. Run it in one read transaction (a reader connection) for a consistent view.

    First the table's definition is checked: its time, actor, kind and subject columns are
    generated from the hashed bytes only while it is :data:`AUDIT_TABLE`. Records are then
    read in ranges of ``batch`` sequence numbers; a range that holds as many records as
    numbers has no gap (seq is the primary key), so finding deleted records costs nothing
    per record — not even reading seq.
    """
    definition = _definition_problem(conn)
    if definition is not None:
        return AuditCheck(0, 1, definition, 0)
    checkpoints, keys = _load_checkpoints(conn)
    signatures = _Signatures(keys)
    pending = sorted(checkpoints)  # checkpoint seqs not yet reached
    next_cp = 0
    lowest, highest = conn.execute(  # one aggregate a query: each is then a b-tree lookup
        "SELECT (SELECT MIN(seq) FROM audit), (SELECT MAX(seq) FROM audit)"
    ).fetchone()
    if lowest is not None and lowest < 1:
        return AuditCheck(
            0, int(lowest), f"record {lowest} was inserted before the first record", 0
        )
    last = int(highest or 0)
    prev = GENESIS_HASH
    expected = 1  # the seq of the next record
    checked = 0
    while expected <= last:
        end = min(expected + batch, last + 1)
        rows = conn.execute(f"SELECT payload, prev_hash, hash {_RANGE}", (expected, end)).fetchall()
        bad: int | None = None
        problem: str | None = None
        if len(rows) != end - expected:  # a gap: find where
            seqs = [s for (s,) in conn.execute(f"SELECT seq {_RANGE}", (expected, end))]
            gap = next(i for i, seq in enumerate([*seqs, None]) if seq != expected + i)
            bad, problem = expected + gap, f"record {expected + gap} is missing"
            rows = rows[:gap]
        prev, index, what = _walk(rows, prev)
        if index is not None:
            bad = expected + index
            if what == "link":
                problem = _link_problem(bad)
            else:
                problem = f"record {bad} was changed after it was written"
        good_until = end - 1 if bad is None else bad - 1
        while next_cp < len(pending) and pending[next_cp] <= good_until:
            seq = pending[next_cp]
            cp_problem = signatures.problem(seq, rows[seq - expected][2], checkpoints[seq])
            if cp_problem is not None:
                return AuditCheck(seq - 1, seq, cp_problem, checked)
            checked += 1
            next_cp += 1
        if bad is not None:
            return AuditCheck(bad - 1, bad, problem, checked)
        expected = end
    if next_cp < len(pending):
        return AuditCheck(
            last,
            last + 1,
            f"record {last + 1} is missing: a checkpoint covers the log up to record "
            f"{pending[-1]}, so records were removed from its end",
            checked,
        )
    return AuditCheck(last, checkpoints=checked)


# -- export ------------------------------------------------------------------------------


def _since_text(since: datetime) -> str:
    if since.tzinfo is None:
        raise ValueError("--since needs a time zone, for example 2026-03-01T09:00:00Z")
    return since.astimezone(UTC).isoformat(timespec="microseconds")


def export(
    conn: sqlite3.Connection,
    out: TextIO,
    format: ExportFormat = "jsonl",
    since: datetime | None = None,
    *,
    batch: int = 5_000,
) -> int:
    """Write the records (those recorded at or after ``since``) for an auditor; how many.

    ``jsonl``: one JSON object a line with :data:`EXPORT_FIELDS`; ``payload`` is the JSON
    object whose canonical bytes were hashed (written as those very bytes), ``subjects`` a
    list. ``csv``: a header row, then one row a record; ``payload`` and ``subjects`` are JSON
    text. Streams in batches: memory does not grow with the log.

    An auditor recomputes each hash as SHA-256 of ``prev_hash``, then
    ``recorded_at␟actor␟kind␟subjects␞`` (␟ = U+001F, ␞ = U+001E; ``subjects`` as compact
    JSON, ``json.dumps(list, ensure_ascii=False, separators=(",", ":"))``), then the
    canonical payload bytes.
    """
    if format not in ("jsonl", "csv"):
        raise ValueError(f"unknown export format {format!r}: use jsonl or csv")
    sql = (
        "SELECT seq, recorded_at, actor_id, kind, subject_ids, payload, prev_hash, hash FROM audit"
    )
    params: tuple[str, ...] = ()
    if since is not None:
        sql += " WHERE recorded_at >= ?"
        params = (_since_text(since),)
    cursor = conn.execute(sql + " ORDER BY seq", params)
    written = 0
    if format == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(EXPORT_FIELDS)
        while rows := cursor.fetchmany(batch):
            writer.writerows(
                (seq, at, actor, kind, subjects, _text(_json_of(payload)), prev, digest)
                for seq, at, actor, kind, subjects, payload, prev, digest in rows
            )
            written += len(rows)
        return written
    dumps = json.dumps
    while rows := cursor.fetchmany(batch):
        out.writelines(
            f'{{"seq":{seq},"recorded_at":{dumps(at)},"actor":{dumps(actor)},'
            f'"kind":{dumps(kind)},"subjects":{_json_or_string(subjects)},'
            f'"payload":{_json_or_string(_text(_json_of(payload)))},'
            f'"prev_hash":{dumps(prev)},"hash":{dumps(digest)}}}\n'
            for seq, at, actor, kind, subjects, payload, prev, digest in rows
        )
        written += len(rows)
    return written


def _json_of(payload: bytes | str) -> bytes | str:
    return json_part(payload) if isinstance(payload, bytes) else payload


def _text(payload: bytes | str) -> str:
    return payload.decode("utf-8", "replace") if isinstance(payload, bytes) else str(payload)


def _json_or_string(text: str) -> str:
    """``text`` verbatim when it is one JSON value (so the hashed bytes are kept exactly),
    else as a JSON string: a damaged record is still exported, never dropped."""
    try:
        json.loads(text)
    except ValueError:
        return json.dumps(text, ensure_ascii=False)
    if "\n" in text or "\r" in text:  # keep one record a line
        return json.dumps(json.loads(text), ensure_ascii=False, separators=(",", ":"))
    return text
