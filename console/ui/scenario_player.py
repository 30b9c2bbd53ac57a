"""Training → Play scenario file: replay a case file onto a live timeline.

The trainer picks a case file and a speed; the file's case opens as soon as it is in the
store and its events arrive one by one through ingest (so the timeline, the queue and the
digest follow by themselves). Progress shows in the status bar; Training → Pause, Resume
and Stop control the playback; the status bar reports what was played when it ends.

Dialogs open with ``open()`` and a signal, never ``exec()``. Loaded on first use.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from console.domain.errors import InvalidInput, TandemError
from console.services.bus import Progress
from console.ui.import_export import show_message

if TYPE_CHECKING:
    from console.domain.casefile import CaseFile
    from console.ui.main_window import MainWindow

SLOT = "scenario"  # the window's task slot of the playback (named; Stop cancels it)
PROGRESS_TASK = "scenario"  # the player's Progress events
MAX_LISTED = 12  # problems listed in the message itself; all of them in its details


def speeds() -> list[tuple[str, float]]:
    """(label, speed) choices; speed 0 plays without waiting."""
    return [
        (QCoreApplication.translate("ScenarioPlayer", "Real time"), 1.0),
        (QCoreApplication.translate("ScenarioPlayer", "10× faster"), 10.0),
        (QCoreApplication.translate("ScenarioPlayer", "60× faster (an hour a minute)"), 60.0),
        (QCoreApplication.translate("ScenarioPlayer", "As fast as possible"), 0.0),
    ]


def choose_and_play(window: MainWindow) -> QFileDialog:
    dialog = QFileDialog(window, QCoreApplication.translate("ScenarioPlayer", "Play scenario file"))
    dialog.setNameFilters(
        [
            QCoreApplication.translate("ScenarioPlayer", "Case files (*.json)"),
            QCoreApplication.translate("ScenarioPlayer", "All files (*)"),
        ]
    )
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.fileSelected.connect(lambda file: prepare(window, Path(file)))
    dialog.open()
    return dialog


def prepare(window: MainWindow, path: Path) -> None:
    """Read ``path`` in the background; then ask the speed (or list the file's problems)."""
    window.slots.start(SLOT + ".parse", _parse_then_ask(window, path))


async def _parse_then_ask(window: MainWindow, path: Path) -> None:
    casefiles = window.services.casefiles
    try:
        case_file = await asyncio.to_thread(casefiles.parse, path)
    except InvalidInput as error:
        show_problems(window, path, error)
        return
    except (TandemError, OSError) as error:
        show_message(
            window,
            QMessageBox.Icon.Critical,
            QCoreApplication.translate("ScenarioPlayer", "Cannot play the scenario"),
            str(error),
        )
        return
    ask_speed(window, case_file)


def show_problems(window: MainWindow, path: Path, error: InvalidInput) -> QMessageBox:
    issues = [str(issue) for issue in error.issues] or [error.summary]
    listed = issues[:MAX_LISTED]
    if len(issues) > len(listed):
        more = QCoreApplication.translate(
            "ScenarioPlayer", "… and %1 more (see the details)"
        ).replace("%1", str(len(issues) - len(listed)))
        listed.append(more)
    text = (
        QCoreApplication.translate(
            "ScenarioPlayer", "%1 cannot be played: fix these problems and try again."
        ).replace("%1", path.name)
        + "\n\n"
        + "\n".join(f"• {line}" for line in listed)
    )
    box = show_message(
        window,
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("ScenarioPlayer", "Cannot play the scenario"),
        text,
        "\n".join(issues),
    )
    box.setTextFormat(Qt.TextFormat.PlainText)  # the file's own text is never rich text
    return box


def ask_speed(window: MainWindow, case_file: CaseFile) -> QInputDialog:
    choices = speeds()
    dialog = QInputDialog(window)
    dialog.setWindowTitle(QCoreApplication.translate("ScenarioPlayer", "Play scenario"))
    dialog.setLabelText(
        QCoreApplication.translate("ScenarioPlayer", "Play %1 (%2 events) at which speed?")
        .replace("%1", case_file.case.id)
        .replace("%2", str(len(case_file.events)))
    )
    dialog.setComboBoxItems([label for label, _ in choices])
    dialog.setComboBoxEditable(False)
    dialog.setTextValue(choices[-1][0])
    dialog.setOkButtonText(QCoreApplication.translate("ScenarioPlayer", "Play"))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    speed_of = dict(choices)
    dialog.textValueSelected.connect(lambda label: play(window, case_file, speed_of[label]))
    dialog.open()
    return dialog


def play(window: MainWindow, case_file: CaseFile, speed: float) -> None:
    """Play ``case_file`` in the window's named background task (Stop cancels it)."""
    window.services.scenarios.resume()  # a run stopped while paused must not hold this one
    window.menus.scenario_state(playing=True, paused=False)
    window.slots.start(SLOT, _play(window, case_file, speed))


async def _play(window: MainWindow, case_file: CaseFile, speed: float) -> None:
    from console.services.bus import CasesChanged

    services, menus, status = window.services, window.menus, window.status
    player = services.scenarios
    case_id = case_file.case.id
    played = [0]

    def progressed(event: Progress) -> None:
        if event.task == PROGRESS_TASK:
            played[0] = event.done

    def changed(event: CasesChanged) -> None:
        if case_id in event.case_ids and window.case_id != case_id:
            window.open_case(case_id)  # the case is in the store: show it as it fills up

    unsubscribe = [
        services.bus.subscribe(Progress, progressed),
        services.bus.subscribe(CasesChanged, changed),
    ]
    status.showMessage(
        QCoreApplication.translate("ScenarioPlayer", "Playing %1…").replace("%1", case_id), 4000
    )
    try:
        report = await player.play(case_file, speed=speed, by=services.principal())
    except asyncio.CancelledError:
        status.showMessage(
            QCoreApplication.translate("ScenarioPlayer", "Scenario stopped after %1 of %2 events")
            .replace("%1", str(played[0]))
            .replace("%2", str(len(case_file.events))),
            10_000,
        )
        raise
    except TandemError as error:
        status.showMessage(
            QCoreApplication.translate("ScenarioPlayer", "The scenario failed: %1").replace(
                "%1", str(error)
            ),
            0,
        )
        return
    finally:
        for stop in unsubscribe:
            stop()
        player.resume()
        status.progress.hide()
        menus.scenario_state(playing=False, paused=False)
    window.open_case(case_id)
    status.showMessage(
        QCoreApplication.translate("ScenarioPlayer", "Played %1 events; %2 already there")
        .replace("%1", str(report.played))
        .replace("%2", str(report.already_there)),
        15_000,
    )


def pause(window: MainWindow) -> None:
    if window.slots.running(SLOT):
        window.services.scenarios.pause()
        window.menus.scenario_state(playing=True, paused=True)
        window.status.showMessage(
            QCoreApplication.translate("ScenarioPlayer", "Scenario paused"), 0
        )


def resume(window: MainWindow) -> None:
    if window.slots.running(SLOT):
        window.services.scenarios.resume()
        window.menus.scenario_state(playing=True, paused=False)
        window.status.showMessage(
            QCoreApplication.translate("ScenarioPlayer", "Scenario resumed"), 4000
        )


def stop(window: MainWindow) -> None:
    window.slots.cancel(SLOT)
