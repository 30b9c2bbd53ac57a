"""Finds Tandem's bundled resources (stylesheets, icons, translations, playbooks).

One resolver for the three ways Tandem runs:

* from a source checkout: ``<checkout>/resources``;
* from an installed wheel: ``console/_resources`` (the wheel build copies ``resources/`` there);
* from a frozen PyInstaller bundle: ``<bundle>/resources``.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache
def resources_root() -> Path:
    candidates: list[Path] = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        candidates.append(Path(frozen_root) / "resources")
    here = Path(__file__).resolve().parent
    candidates += [here / "_resources", here.parent / "resources"]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    searched = ", ".join(str(c) for c in candidates)
    raise FileNotFoundError(f"Tandem's resources folder is missing (looked in: {searched})")


def resource_path(*parts: str) -> Path:
    """Path of a bundled resource, for example ``resource_path("styles", "base.qss")``."""
    return resources_root().joinpath(*parts)
