"""Fixtures shared by every suite: an isolated data folder and wired services."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Never touch the developer's real data or display, whatever the suite.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from console.app import DATA_DIR_ENV, open_services
from console.services import Services
from tests.aio import run

DEMO_CASES = 12


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv(DATA_DIR_ENV, str(folder))
    return folder


@pytest.fixture
def empty_services(data_dir: Path) -> Iterator[Services]:
    services = open_services(data_dir)
    yield services
    services.close()


@pytest.fixture
def services(empty_services: Services) -> Services:
    """Services on a fresh data folder holding 12 demo cases."""
    run(empty_services.demo.seed(DEMO_CASES, seed=1))
    return empty_services
