"""The installed ``tandem`` command end to end, in separate processes, as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from jsonschema import Draft202012Validator


def tandem(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "console", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_seed_export_import_into_another_seat(tmp_path: Path) -> None:
    seat_a, seat_b = tmp_path / "a", tmp_path / "b"
    assert tandem(seat_a, "demo", "--cases", "10", "--seed", "4").returncode == 0
    conn_rows = json.loads(tandem(seat_a, "export", "C04-00007").stdout)
    exported = tmp_path / "case.json"
    exported.write_text(json.dumps(conn_rows), encoding="utf-8")

    first = tandem(seat_b, "import", str(exported))
    assert first.returncode == 0, first.stderr
    again = tandem(seat_b, "import", str(exported))
    assert "0 new event(s)" in again.stdout

    round_tripped = json.loads(tandem(seat_b, "export", "C04-00007").stdout)
    assert round_tripped == conn_rows  # same case, customer and events, in the same order


def test_published_schema_accepts_exports_and_rejects_broken_files(tmp_path: Path) -> None:
    schema = json.loads(tandem(tmp_path, "schema", "case-file").stdout)
    validator = Draft202012Validator(schema)
    tandem(tmp_path, "demo", "--cases", "4")
    languages = set()
    for n in range(1, 5):
        exported = json.loads(tandem(tmp_path, "export", f"C01-{n:05d}").stdout)
        assert list(validator.iter_errors(exported)) == []
        languages.add(exported["customer"]["language"].split("-")[0])
    assert {"en", "zh"} <= languages
    exported["events"][0]["source"] = "carrier pigeon"
    del exported["case"]["journey"]
    assert len(list(validator.iter_errors(exported))) == 2
