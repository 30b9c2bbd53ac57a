"""Settings: validated, versioned, written atomically; a broken file never blocks start-up."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from console.domain.kinds import Role
from console.services.bus import EventBus, UserMessage
from console.services.settings import Settings, SettingsError, SettingsService


def test_defaults_then_update_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    service = SettingsService(path, EventBus())
    assert service.settings == Settings()
    service.update(theme="dark", language="zh_CN", role="supervisor", user_name="  Li Na ")
    again = SettingsService(path, EventBus()).settings
    assert (again.theme, again.language, again.role, again.user_name) == (
        "dark",
        "zh_CN",
        Role.SUPERVISOR,
        "Li Na",
    )
    assert json.loads(path.read_text())["schema_version"] == 1


def test_invalid_update_lists_every_problem_and_changes_nothing(tmp_path: Path) -> None:
    service = SettingsService(tmp_path / "settings.json", EventBus())
    with pytest.raises(SettingsError) as info:
        service.update(theme="purple", role="boss", colour="red")
    for expected in ("theme: 'purple'", "role: 'boss'", "colour: unknown setting"):
        assert expected in str(info.value)
    assert service.settings == Settings()
    assert not (tmp_path / "settings.json").exists()


def test_unreadable_file_is_kept_aside_and_the_user_told(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"theme": "dark", "language": "klingon"}', encoding="utf-8")
    bus = EventBus()
    told: list[UserMessage] = []
    bus.subscribe(UserMessage, told.append)
    service = SettingsService(path, bus)
    assert service.settings == Settings()
    kept = list(tmp_path.glob("settings.json.invalid-*"))
    assert len(kept) == 1
    assert "klingon" in kept[0].read_text()
    assert "klingon" in told[0].text
