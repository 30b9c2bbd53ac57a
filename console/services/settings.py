"""User settings: a typed, versioned record stored as JSON in the data folder.

Settings are read before the first frame is painted (theme, language, who is signed in), so
they are a plain dataclass validated by hand rather than a pydantic model: importing
pydantic and building one model costs about 0.2 s, twice a bare window's whole start-up
(docs/decisions/0004-fast-first-paint.md).

Versioning: a field added later is optional and has a default, so a file written before it
existed still loads and ``schema_version`` stays 1. The version changes only when an old
file would need a migration (a field renamed, removed or given a new meaning).

Secrets never live here: the language model's API key is kept in the OS keyring
(:mod:`console.connectors.secrets`), and a base URL carrying credentials is refused.
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
from urllib.parse import urlsplit

from console.domain.kinds import Role

from .bus import EventBus, Level

log = logging.getLogger(__name__)

SETTINGS_VERSION = 1
Theme = Literal["system", "light", "dark"]
Language = Literal["system", "en", "zh_CN"]
PlannerKind = Literal["playbook", "llm"]
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
    # Added after version 1 was first written; optional, so older files still load.
    planner: PlannerKind = "playbook"
    llm_base_url: str | None = None  # an OpenAI-compatible base URL, e.g. http://host:11434/v1
    llm_model: str | None = None

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
        planner = data.get("planner", "playbook")
        if planner not in get_args(PlannerKind):
            problems.append(
                f"planner: {planner!r} is not one of {', '.join(get_args(PlannerKind))}"
            )
        url = data.get("llm_base_url")
        url_problem = None if url is None else _url_problem(url)
        if url_problem:
            problems.append(f"llm_base_url: {url_problem}")
        model = data.get("llm_model")
        if model is not None and (not isinstance(model, str) or not 1 <= len(model.strip()) <= 200):
            problems.append("llm_model: must be 1 to 200 characters")
        if planner == "llm":
            if url is None:
                problems.append("planner: 'llm' needs llm_base_url")
            if model is None:
                problems.append("planner: 'llm' needs llm_model")
        if problems:
            raise SettingsError("; ".join(problems))
        return cls(
            schema_version=SETTINGS_VERSION,
            theme=cast(Theme, theme),
            language=cast(Language, language),
            user_id=user_id,
            user_name=user_name.strip(),
            role=Role(role),
            planner=cast(PlannerKind, planner),
            llm_base_url=None if url is None else url.strip(),
            llm_model=None if model is None else model.strip(),
        )

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["role"] = self.role.value
        return data


def write_json(path: Path, data: Any) -> None:
    """Write ``data`` to ``path`` as JSON atomically: a synced temporary file renamed over
    it, so a crash leaves the old file or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".json")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, indent=2, ensure_ascii=False)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def set_aside(path: Path) -> str:
    """Move a file that cannot be read out of the way (``NAME.invalid-STAMP``), so that
    nothing in it is lost; the sentence telling where it went ("" if it could not)."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    aside = path.with_name(f"{path.name}.invalid-{stamp}")
    try:
        path.replace(aside)
    except OSError:
        return ""
    return f" It was kept as {aside.name}."


def _url_problem(url: Any) -> str | None:
    """Why ``url`` cannot be a chat-completions base URL, or None when it can."""
    if not isinstance(url, str) or not url.strip():
        return "must be an http:// or https:// URL"
    text = url.strip()
    if len(text) > 2000:
        return "is longer than 2000 characters"
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 - raises ValueError for a port out of range
    except ValueError:
        return f"{text!r} is not a valid URL"
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return f"{text!r} is not an http:// or https:// URL"
    if parts.username or parts.password:
        # Never echo it: the URL carries a credential.
        return "must not carry credentials; store the API key with 'tandem llm set-key'"
    if parts.query or parts.fragment:
        return f"{text!r} must not have a query or fragment"
    return None


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
            kept = set_aside(self.path)
            log.warning("settings file %s is invalid: %s", self.path, exc)
            self._bus.tell(
                Level.WARNING,
                f"Your settings could not be read ({exc}); defaults are used.{kept}",
            )
            return Settings()

    def update(self, **changes: Any) -> Settings:
        """Change settings; raises :class:`SettingsError` listing invalid values."""
        new = Settings.from_dict({**self._settings.to_dict(), **changes})
        write_json(self.path, new.to_dict())
        self._settings = new
        return new
