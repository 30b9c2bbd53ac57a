"""Training → Play scenario file: the case opens and fills live; pause, resume, stop."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox

from console.services.bus import Progress
from console.ui import scenario_player
from tests.factories import case_file

EVENTS = 5


def write(folder: Path, case_id: str, events: int = EVENTS) -> Path:
    path = folder / f"{case_id}.json"
    path.write_text(case_file(case_id, events).model_dump_json(), encoding="utf-8")
    return path


def visible(window: Any, kind: type) -> list[Any]:
    return [w for w in window.findChildren(kind) if w.isVisible()]


def pause_after(window: Any, services: Any, done: int) -> None:
    """Pause the player right after its ``done``-th event (deterministic, no timing)."""

    def progressed(event: Progress) -> None:
        if event.task == "scenario" and event.done == done:
            scenario_player.pause(window)

    services.bus.subscribe(Progress, progressed)


@pytest.fixture
def as_trainer(window: Any) -> None:
    """Scenarios are played by a trainer, in the sandbox (the services check it)."""
    services = window.services
    services.sandbox = True
    services.__dict__.pop("scenarios", None)
    services.settings.update(role="trainer")


@pytest.mark.usefixtures("no_auto_plan", "as_trainer")
def test_a_scenario_plays_at_full_speed_into_the_opened_timeline(
    window: Any, qtbot: Any, tmp_path: Path
) -> None:
    scenario_player.prepare(window, write(tmp_path, "T-PLAY-1"))
    qtbot.waitUntil(lambda: bool(visible(window, QInputDialog)), timeout=5000)
    (dialog,) = visible(window, QInputDialog)
    assert "T-PLAY-1" in dialog.labelText()
    assert dialog.comboBoxItems()[-1] == "As fast as possible"
    dialog.setTextValue("As fast as possible")
    with qtbot.waitSignal(window.case_opened, timeout=5000) as opened:
        dialog.accept()
    assert opened.args == ["T-PLAY-1"]
    qtbot.waitUntil(lambda: window.timeline.model.rowCount() == EVENTS, timeout=5000)
    qtbot.waitUntil(lambda: not window.slots.running("scenario"), timeout=5000)
    assert window.status.currentMessage() == f"Played {EVENTS} events; 0 already there"
    assert not window.status.progress.isVisible()
    assert window.menus.play_scenario.isEnabled()
    assert not window.menus.stop_scenario.isEnabled()


@pytest.mark.usefixtures("no_auto_plan", "as_trainer")
def test_pause_holds_the_next_event_and_resume_plays_the_rest(
    window: Any, qtbot: Any, services: Any
) -> None:
    pause_after(window, services, 2)
    scenario_player.play(window, case_file("T-PAUSE-1", EVENTS), speed=0)
    qtbot.waitUntil(lambda: services.scenarios.paused, timeout=5000)
    qtbot.waitUntil(lambda: window.timeline.model.rowCount() == 2, timeout=5000)
    assert window.case_id == "T-PAUSE-1"
    assert window.slots.running("scenario")
    assert window.menus.resume_scenario.isEnabled()
    assert not window.menus.pause_scenario.isEnabled()
    assert window.status.progress.isVisible()
    assert window.status.progress.format().startswith("Playing the scenario")

    window.menus.resume_scenario.trigger()
    qtbot.waitUntil(lambda: not window.slots.running("scenario"), timeout=5000)
    qtbot.waitUntil(lambda: window.timeline.model.rowCount() == EVENTS, timeout=5000)
    assert window.status.currentMessage() == f"Played {EVENTS} events; 0 already there"


@pytest.mark.usefixtures("as_trainer")
def test_stop_ends_a_paused_playback_and_says_how_far_it_got(
    window: Any, qtbot: Any, services: Any
) -> None:
    pause_after(window, services, 3)
    scenario_player.play(window, case_file("T-STOP-1", EVENTS), speed=0)
    qtbot.waitUntil(lambda: services.scenarios.paused, timeout=5000)
    window.menus.stop_scenario.trigger()
    qtbot.waitUntil(lambda: window.menus.play_scenario.isEnabled(), timeout=5000)
    assert window.status.currentMessage() == f"Scenario stopped after 3 of {EVENTS} events"
    assert not services.scenarios.paused
    assert not window.status.progress.isVisible()


def test_an_invalid_scenario_file_lists_its_problems(
    window: Any, qtbot: Any, tmp_path: Path
) -> None:
    bad = tmp_path / "broken.json"
    bad.write_text('{"format": "tandem.case-file", "format_version": 1}', encoding="utf-8")
    scenario_player.prepare(window, bad)
    qtbot.waitUntil(lambda: bool(visible(window, QMessageBox)), timeout=5000)
    (box,) = visible(window, QMessageBox)
    assert "broken.json cannot be played" in box.text()
    assert "•" in box.text()
    assert "broken.json" in box.detailedText()
    assert not window.slots.running("scenario")
    box.close()


def test_the_training_menu_is_there_for_every_role(window: Any) -> None:
    titles = [a.text() for a in window.menuBar().actions()]
    assert "&Training" in titles
    assert dict(window.menus.shortcut_list())["Play scenario file"] == "Ctrl+Alt+P"


def test_an_agent_cannot_play_a_scenario_even_by_the_menu_action(
    window: Any, qtbot: Any, tmp_path: Path
) -> None:
    from console.services.roles import NotPermitted
    from tests.aio import run

    with pytest.raises(NotPermitted, match="trainers"):
        run(
            window.services.scenarios.play(
                case_file("T-AGENT-1", 2), speed=0, by=window.services.principal()
            )
        )
