"""The ``tandem`` command, driven in-process as a user would from a shell."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from console.cli import main
from tests.factories import case_file


def tandem(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_every_subcommand_explains_itself(capsys) -> None:
    for command in ("run", "demo", "import", "export", "schema"):
        with pytest.raises(SystemExit) as exit_info:
            main([command, "--help"])
        assert exit_info.value.code == 0
        assert "usage: tandem" in capsys.readouterr().out


def test_python_dash_m_runs_the_cli() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "console", "schema", "case-file"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert json.loads(done.stdout)["title"] == "Tandem case file"


def test_import_then_export(capsys, tmp_path: Path, data_dir: Path) -> None:
    source = tmp_path / "case.json"
    source.write_text(case_file("case-9").model_dump_json(), encoding="utf-8")
    code, out, _ = tandem(capsys, "--data-dir", str(data_dir), "import", str(source))
    assert code == 0
    assert "1 new case(s)" in out
    assert "3 new event(s)" in out
    target = tmp_path / "out.json"
    code, _, _ = tandem(capsys, "--data-dir", str(data_dir), "export", "case-9", "-o", str(target))
    assert code == 0
    assert json.loads(target.read_text())["case"]["id"] == "case-9"


def test_invalid_import_lists_errors_and_writes_nothing(capsys, tmp_path, data_dir) -> None:
    data = json.loads(case_file().model_dump_json())
    data["case"]["status"] = "lost in space"
    data["events"][0]["source"] = "pigeon"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = tandem(capsys, "--data-dir", str(data_dir), "import", str(bad))
    assert code == 1
    for expected in ("case.status", "events[0].source", "nothing was imported"):
        assert expected in err
    conn = sqlite3.connect(data_dir / "tandem.sqlite3")
    assert conn.execute("SELECT COUNT(*) FROM cases").fetchone() == (0,)
    conn.close()


def test_unknown_case_is_a_clear_error(capsys, data_dir) -> None:
    code, _, err = tandem(capsys, "--data-dir", str(data_dir), "export", "nope")
    assert (code, err.strip()) == (1, "tandem: case nope does not exist")


def test_unusable_store_is_explained_and_left_alone(capsys, data_dir) -> None:
    data_dir.mkdir(parents=True)
    db = data_dir / "tandem.sqlite3"
    db.write_bytes(b"definitely not sqlite" * 50)
    code, _, err = tandem(capsys, "--data-dir", str(data_dir), "export", "x")
    assert code == 2
    assert "not a SQLite database" in err
    assert "Traceback" not in err
    assert db.read_bytes() == b"definitely not sqlite" * 50


def test_data_dir_environment_variable_is_honoured(capsys, data_dir) -> None:
    tandem(capsys, "export", "x")  # the fixture set TANDEM_DATA_DIR
    assert (data_dir / "tandem.sqlite3").exists()
    assert (data_dir / "logs" / "tandem.log").exists()


def test_demo_is_idempotent_and_deterministic(capsys, data_dir) -> None:
    code, out, _ = tandem(capsys, "--data-dir", str(data_dir), "demo", "--cases", "6")
    assert (code, "6 new case(s)" in out) == (0, True)
    code, out, _ = tandem(capsys, "--data-dir", str(data_dir), "demo", "--cases", "8")
    assert "2 new case(s) seeded (6 already there)" in out
    code, out, _ = tandem(capsys, "--data-dir", str(data_dir), "demo", "--if-empty")
    assert (code, out) == (0, "")  # the store already has cases: nothing to do
    conn = sqlite3.connect(data_dir / "tandem.sqlite3")
    assert conn.execute("SELECT COUNT(*) FROM cases").fetchone() == (8,)
    conn.close()


def test_export_to_a_closed_pipe_is_not_a_crash(data_dir, tmp_path) -> None:
    source = tmp_path / "case.json"
    source.write_text(case_file("case-9", n_events=200).model_dump_json(), encoding="utf-8")
    env = {**os.environ, "TANDEM_DATA_DIR": str(data_dir)}
    subprocess.run(
        [sys.executable, "-m", "console", "import", str(source)],
        env=env,
        check=True,
        capture_output=True,
        timeout=60,
    )
    done = subprocess.run(
        f"'{sys.executable}' -m console export case-9 | head -c 10",
        shell=True,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.stdout == '{\n  "forma'
    assert "Traceback" not in done.stderr
