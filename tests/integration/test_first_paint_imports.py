"""The first frame stays lean: opening the console paints before pydantic, sqlite-utils,
httpx or the services behind decisions and write-back are imported (they load on a worker
thread afterwards; docs/decisions/0004-fast-first-paint.md)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from console.app import open_services
from tests.aio import run

HEAVY = (
    "pydantic",
    "sqlite_utils",
    "httpx",
    "console.services.decisions",
    "console.services.controls",
    "console.services.dispatcher",
    "console.services.writeback",
    "console.store.outbox",
    "console.store.repositories",
)


def test_the_first_frame_needs_none_of_the_heavy_modules(tmp_path: Path) -> None:
    data = tmp_path / "data"
    services = open_services(data)
    try:
        run(services.demo.seed(20, seed=1))
    finally:
        services.close()
    listing = tmp_path / "modules.txt"
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        TANDEM_FIRST_PAINT_PROBE="1",
        TANDEM_FIRST_PAINT_MODULES=str(listing),
    )
    env.pop("TANDEM_DATA_DIR", None)
    done = subprocess.run(
        [sys.executable, "-m", "console", "--data-dir", str(data), "run", "--no-sandbox"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    loaded = set(listing.read_text(encoding="utf-8").split())
    assert "console.ui.main_window" in loaded  # the probe really ran at the first frame
    assert sorted(loaded & set(HEAVY)) == []
