"""User settings: a typed, versioned model stored as JSON in the data folder."""

from __future__ import annotations

import json
import logging
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from console.domain.authority import Role
from console.domain.base import Identifier

from .bus import EventBus, Level

log = logging.getLogger(__name__)

SETTINGS_VERSION: Literal[1] = 1


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    schema_version: Literal[1] = SETTINGS_VERSION
    theme: Literal["system", "light", "dark"] = "system"
    language: Literal["system", "en", "zh_CN"] = "system"
    user_id: Identifier = "agent-1"
    user_name: str = Field(default="Demo Agent", min_length=1, max_length=100)
    role: Role = Role.AGENT


class SettingsService:
    """Loads settings once; ``update`` validates and writes them atomically."""

    def __init__(self, path: Path, bus: EventBus) -> None:
        self.path = path
        self._bus = bus
        self._settings = self._load()

    @property
    def settings(self) -> Settings:
        return self._settings

    def _load(self) -> Settings:
        if not self.path.exists():
            return Settings()
        try:
            return Settings.model_validate_json(self.path.read_bytes())
        except (OSError, ValidationError, ValueError) as exc:
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
            aside = self.path.with_name(f"{self.path.name}.invalid-{stamp}")
            try:
                self.path.replace(aside)
                kept = f" It was kept as {aside.name}."
            except OSError:
                kept = ""
            log.warning("settings file %s is invalid: %s", self.path, exc)
            self._bus.tell(
                Level.WARNING, f"Your settings file could not be read; defaults are used.{kept}"
            )
            return Settings()

    def update(self, **changes: Any) -> Settings:
        """Change settings; raises pydantic's ValidationError for invalid values."""
        new = Settings.model_validate({**self._settings.model_dump(), **changes})
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".settings-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(json.dumps(new.model_dump(mode="json"), indent=2))
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        self._settings = new
        return new
