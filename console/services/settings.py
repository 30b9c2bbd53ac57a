"""User settings: a typed, versioned record stored as JSON in the data folder.

Settings are read before the first frame is painted (theme, language, who is signed in), so
they are a plain dataclass validated by hand rather than a pydantic model: importing
pydantic and building one model costs about 0.2 s, twice a bare window's whole start-up
(docs/decisions/0004-fast-first-paint.md).
"""

from __future__ import annotations

import json
import logging
import os
import re
import tempfile
from dataclasses import asdict, dataclass, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal, cast, get_args

from console.domain.kinds import Role

from .bus import EventBus, Level

log = logging.getLogger(__name__)

SETTINGS_VERSION = 1
Theme = Literal["system", "light", "dark"]
Language = Literal["system", "en", "zh_CN"]
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:\-]{0,79}$")


class SettingsError(ValueError):
    """Settings that cannot be used; the message lists every problem."""


@dataclass(frozen=True, slots=True)
class Settings:
    schema_version: int = SETTINGS_VERSION
    theme: Theme = "system"
    language: Language = "system"
    user_id: str = "agent-1"
    user_name: str = "Demo Agent"
    role: Role = Role.AGENT

    @classmethod
    def from_dict(cls, data: Any) -> Settings:
        if not isinstance(data, dict):
            raise SettingsError("settings must be a JSON object")
        problems: list[str] = []
        known = {f.name for f in fields(cls)}
        problems += [f"{key}: unknown setting" for key in sorted(set(data) - known)]
        version = data.get("schema_version", SETTINGS_VERSION)
        if version != SETTINGS_VERSION:
            problems.append(f"schema_version: {version!r} is not {SETTINGS_VERSION}")
        theme = data.get("theme", "system")
        if theme not in get_args(Theme):
            problems.append(f"theme: {theme!r} is not one of {', '.join(get_args(Theme))}")
        language = data.get("language", "system")
        if language not in get_args(Language):
            problems.append(f"language: {language!r} is not one of {', '.join(get_args(Language))}")
        user_id = data.get("user_id", "agent-1")
        if not isinstance(user_id, str) or not _ID.match(user_id):
            problems.append(f"user_id: {user_id!r} is not a valid id")
        user_name = data.get("user_name", "Demo Agent")
        if not isinstance(user_name, str) or not 1 <= len(user_name.strip()) <= 100:
            problems.append("user_name: must be 1 to 100 characters")
        role = data.get("role", Role.AGENT.value)
        if role not in {r.value for r in Role}:
            problems.append(f"role: {role!r} is not one of {', '.join(r.value for r in Role)}")
        if problems:
            raise SettingsError("; ".join(problems))
        return cls(
            SETTINGS_VERSION,
            cast(Theme, theme),
            cast(Language, language),
            user_id,
            user_name.strip(),
            Role(role),
        )

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["role"] = self.role.value
        return data


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
            return Settings.from_dict(json.loads(self.path.read_bytes()))
        except (OSError, ValueError) as exc:  # SettingsError and JSON errors are ValueErrors
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
            aside = self.path.with_name(f"{self.path.name}.invalid-{stamp}")
            try:
                self.path.replace(aside)
                kept = f" It was kept as {aside.name}."
            except OSError:
                kept = ""
            log.warning("settings file %s is invalid: %s", self.path, exc)
            self._bus.tell(
                Level.WARNING,
                f"Your settings could not be read ({exc}); defaults are used.{kept}",
            )
            return Settings()

    def update(self, **changes: Any) -> Settings:
        """Change settings; raises :class:`SettingsError` listing invalid values."""
        new = Settings.from_dict({**self._settings.to_dict(), **changes})
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".settings-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(new.to_dict(), fh, indent=2)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        self._settings = new
        return new
