"""``tandem audit verify`` and ``tandem audit export``, driven as from a shell."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from console.cli import main
from console.store import Store, audit

START = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def tandem(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def seed(data_dir: Path, records: int = 2_500) -> Path:
    path = data_dir / "tandem.sqlite3"
    store = Store.open(path)
    signer = audit.Ed25519Signer.generate()

    def write(db: object) -> None:
        conn = db.conn  # type: ignore[attr-defined]
        for i in range(1, records + 1):
            when = (START + timedelta(minutes=i)).isoformat(timespec="microseconds")
            seq = audit.append(
                conn,
                kind="decision",
                actor_id="agent-1",
                subject_ids=[f"case-{i % 7}"],
                payload={"n": i, "reason": "parcel lost, 包裹丢失"},
                recorded_at=when,
            )
            audit.maybe_checkpoint(conn, signer, seq=seq, created_at=when)

    store.write_sync(write)
    store.close()
    return path


def test_audit_commands_explain_themselves(capsys: pytest.CaptureFixture[str]) -> None:
    for args in (["audit", "--help"], ["audit", "verify", "--help"], ["audit", "export", "--help"]):
        with pytest.raises(SystemExit) as exit_info:
            main(args)
        assert exit_info.value.code == 0
        assert "usage: tandem audit" in capsys.readouterr().out


def test_verify_a_clean_trail(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    seed(data_dir)
    code, out, _ = tandem(capsys, "--data-dir", str(data_dir), "audit", "verify")
    assert code == 0
    assert "records checked:     2500" in out
    assert "checkpoints checked: 2" in out
    assert "first bad record" not in out
    # the data folder may also follow the action
    assert tandem(capsys, "audit", "verify", "--data-dir", str(data_dir))[0] == 0


def test_verify_an_empty_trail(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    code, out, _ = tandem(capsys, "--data-dir", str(data_dir), "audit", "verify")
    assert code == 0
    assert "records checked:     0" in out


def test_verify_names_the_first_bad_record(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    path = seed(data_dir)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("DROP TRIGGER audit_append_only_update")
    conn.execute("UPDATE audit SET payload = CAST('{\"n\":1234}' AS BLOB) WHERE seq = 1234")
    conn.close()
    code, out, _ = tandem(capsys, "--data-dir", str(data_dir), "audit", "verify")
    assert code == 1
    assert "records checked:     1233" in out
    assert "checkpoints checked: 1" in out
    assert "first bad record:    1234" in out
    assert "reason:              record 1234 was changed after it was written" in out


def test_verify_a_forged_checkpoint(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    path = seed(data_dir)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("DROP TRIGGER audit_checkpoints_only_sent")
    conn.execute("UPDATE audit_checkpoints SET signature = zeroblob(64) WHERE seq = 2000")
    conn.close()
    code, out, _ = tandem(capsys, "--data-dir", str(data_dir), "audit", "verify")
    assert code == 1
    assert "first bad record:    2000" in out
    assert "signature that does not match" in out


def test_export_jsonl_to_stdout(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    seed(data_dir, 30)
    code, out, _ = tandem(capsys, "--data-dir", str(data_dir), "audit", "export")
    assert code == 0
    items = [json.loads(line) for line in out.splitlines()]
    assert [item["seq"] for item in items] == list(range(1, 31))
    assert items[0]["payload"] == {"n": 1, "reason": "parcel lost, 包裹丢失"}
    assert items[0]["subjects"] == ["case-1"]


def test_export_csv_since_to_a_file(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    seed(data_dir, 30)
    target = tmp_path / "audit.csv"
    code, _, err = tandem(
        capsys,
        "--data-dir",
        str(data_dir),
        "audit",
        "export",
        "--format",
        "csv",
        "--since",
        "2026-03-01T09:25:00Z",
        "--output",
        str(target),
    )
    assert code == 0
    assert "Exported 6 audit record(s)" in err
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert [int(row["seq"]) for row in rows] == [25, 26, 27, 28, 29, 30]
    assert json.loads(rows[0]["payload"]) == {"n": 25, "reason": "parcel lost, 包裹丢失"}


@pytest.mark.parametrize("since", ["yesterday", "2026-03-01T09:25:00"])
def test_export_refuses_a_bad_since(
    capsys: pytest.CaptureFixture[str], data_dir: Path, since: str
) -> None:
    code, _, err = tandem(capsys, "--data-dir", str(data_dir), "audit", "export", "--since", since)
    assert code == 2
    assert "--since" in err


def test_an_unusable_data_folder(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "tandem.sqlite3").write_text("not a database")
    code, _, err = tandem(capsys, "--data-dir", str(data_dir), "audit", "verify")
    assert code == 2
    assert "not a SQLite database" in err
