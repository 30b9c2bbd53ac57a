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


# --- the planner settings -----------------------------------------------------------------


def test_a_file_written_before_the_planner_settings_still_loads(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    old = {"schema_version": 1, "theme": "dark", "language": "en", "user_id": "a-1",
           "user_name": "Ann", "role": "agent"}  # fmt: skip
    path.write_text(json.dumps(old), encoding="utf-8")
    loaded = SettingsService(path, EventBus()).settings
    assert loaded.theme == "dark"
    assert (loaded.planner, loaded.llm_base_url, loaded.llm_model) == ("playbook", None, None)
    assert path.exists()  # not set aside as invalid


def test_llm_planner_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    service = SettingsService(path, EventBus())
    service.update(planner="llm", llm_base_url="http://127.0.0.1:11434/v1", llm_model="m:8b")
    again = SettingsService(path, EventBus()).settings
    assert (again.planner, again.llm_base_url, again.llm_model) == (
        "llm",
        "http://127.0.0.1:11434/v1",
        "m:8b",
    )
    assert json.loads(path.read_text())["schema_version"] == 1


def test_llm_without_url_or_model_is_refused() -> None:
    with pytest.raises(SettingsError) as info:
        Settings.from_dict({"planner": "llm"})
    assert "needs llm_base_url" in str(info.value)
    assert "needs llm_model" in str(info.value)


@pytest.mark.parametrize(
    "url",
    ["ftp://host/v1", "127.0.0.1:11434/v1", "http://", "", 7, "http://h:99999/v1", "http://h/?a=1"],
)
def test_bad_url_is_refused(url: object) -> None:
    with pytest.raises(SettingsError, match="llm_base_url"):
        Settings.from_dict({"planner": "llm", "llm_base_url": url, "llm_model": "m"})


def test_url_with_credentials_is_refused_without_echoing_them() -> None:
    with pytest.raises(SettingsError) as info:
        Settings.from_dict({"llm_base_url": "https://me:s3cret@host/v1"})
    assert "s3cret" not in str(info.value)
    assert "set-key" in str(info.value)


def test_every_planner_problem_is_listed() -> None:
    with pytest.raises(SettingsError) as info:
        Settings.from_dict({"planner": "oracle", "llm_base_url": "gopher://x", "llm_model": ""})
    text = str(info.value)
    assert "planner: 'oracle'" in text
    assert "llm_base_url" in text
    assert "llm_model" in text


def test_no_api_key_setting() -> None:
    with pytest.raises(SettingsError, match="llm_api_key: unknown setting"):
        Settings.from_dict({"llm_api_key": "sk-1"})
