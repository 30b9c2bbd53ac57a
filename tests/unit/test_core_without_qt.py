"""The core runs with Qt missing: every behaviour is reachable through services alone."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

SCRIPT = textwrap.dedent(
    """
    import asyncio, sys
    for name in ("PySide6", "shiboken6", "qasync"):
        sys.modules[name] = None  # any import of Qt now fails loudly
    from pathlib import Path
    from console.app import open_services
    from console.services.cases import QueueQuery

    services = open_services(Path(sys.argv[1]))
    try:
        created = asyncio.run(services.demo.seed(5, seed=3))
        rows = services.cases.queue_now()
        detail = asyncio.run(services.cases.detail(rows[0].case_id))
        page = services.cases.timeline_page(rows[0].case_id, 1, 5)
        exported = asyncio.run(services.casefiles.export(rows[0].case_id))
        print(created, len(rows), detail.case.id == rows[0].case_id, len(page),
              len(exported.events) == detail.event_count)
    finally:
        services.close()
    """
)


def test_core_flows_run_without_qt_installed(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path / "data")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    created, rows, same, page, complete = done.stdout.split()
    assert (created, same, page, complete) == ("5", "True", "5", "True")
    assert int(rows) >= 1
