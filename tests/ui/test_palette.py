"""The command palette: every window action by typing; Enter runs, Esc closes."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication

from console.ui.help_dialogs import ShortcutsDialog
from console.ui.palette import CommandPalette, plain_text


def open_palette(window: Any, qtbot: Any) -> CommandPalette:
    qtbot.keyClick(
        window,
        Qt.Key.Key_P,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: window.palette is not None and window.palette.isVisible(), timeout=2000)
    palette: CommandPalette = window.palette
    qtbot.waitUntil(lambda: QApplication.focusWidget() is palette.field, timeout=2000)
    return palette


def test_typing_filters_by_words_and_enter_runs_the_action(window: Any, qtbot: Any) -> None:
    palette = open_palette(window, qtbot)
    everything = palette.shown_names()
    assert {"Search all cases", "Go to the timeline", "Keyboard shortcuts"} <= set(everything)
    assert "Command palette" in everything

    qtbot.keyClicks(palette.field, "QUEUE go")  # any order, any case
    assert palette.shown_names() == ["Go to the queue"]
    keys = palette.proxy.index(0, 1).data()
    assert keys == QKeySequence("Alt+1").toString(QKeySequence.SequenceFormat.NativeText)
    qtbot.keyClick(palette.field, Qt.Key.Key_Return)
    assert not palette.isVisible()
    assert window.focusWidget() is window.queue.view  # the window's focus, once active again


def test_no_match_says_so_and_esc_closes(window: Any, qtbot: Any) -> None:
    palette = open_palette(window, qtbot)
    qtbot.keyClicks(palette.field, "zzz nothing")
    assert palette.shown_names() == []
    assert palette.empty.isVisibleTo(palette)
    qtbot.keyClick(palette.field, Qt.Key.Key_Escape)
    assert not palette.isVisible()


def test_a_disabled_action_is_dimmed_and_not_run(window: Any, qtbot: Any) -> None:
    ran: list[bool] = []
    window.menus.resume_scenario.triggered.connect(lambda: ran.append(True))
    assert not window.menus.resume_scenario.isEnabled()  # no scenario is playing
    palette = open_palette(window, qtbot)
    qtbot.keyClicks(palette.field, "resume the scenario")
    assert palette.shown_names() == ["Resume the scenario"]
    index = palette.proxy.index(0, 0)
    assert not index.flags() & Qt.ItemFlag.ItemIsEnabled
    qtbot.keyClick(palette.field, Qt.Key.Key_Return)
    assert ran == []
    assert palette.isVisible()
    palette.close()


def test_the_proposal_panels_controls_are_listed_with_their_shortcuts(
    window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    approve = QAction("&Approve the plan", window.proposal)
    approve.setShortcut(QKeySequence("Ctrl+Return"))
    ran: list[bool] = []
    approve.triggered.connect(lambda: ran.append(True))
    monkeypatch.setattr(window.proposal, "control_actions", lambda: [approve], raising=False)

    palette = open_palette(window, qtbot)
    qtbot.keyClicks(palette.field, "approve plan")
    assert palette.shown_names() == ["Approve the plan"]
    qtbot.keyClick(palette.field, Qt.Key.Key_Return)
    assert ran == [True]

    pairs = dict(window.menus.shortcut_list())
    assert pairs["Approve the plan"] == approve.shortcut().toString(
        QKeySequence.SequenceFormat.NativeText
    )
    dialog = ShortcutsDialog(window.menus.shortcut_list(), window)
    qtbot.addWidget(dialog)
    names = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert "Approve the plan" in names
    assert "Command palette" in names


def test_an_agent_is_not_offered_the_stop_controls(window: Any, qtbot: Any) -> None:
    palette = open_palette(window, qtbot)
    qtbot.keyClicks(palette.field, "pause")
    assert palette.shown_names() == ["Pause the scenario"]
    palette.close()


def test_play_scenario_moved_to_ctrl_alt_p(window: Any) -> None:
    pairs = dict(window.menus.shortcut_list())
    assert pairs["Command palette"] == "Ctrl+Shift+P"
    assert window.menus.play_scenario.shortcut() == QKeySequence("Ctrl+Alt+P")


def test_the_palette_has_accessible_names(window: Any, qtbot: Any) -> None:
    palette = open_palette(window, qtbot)
    assert palette.field.accessibleName() == "Find a command"
    assert palette.list.accessibleName() == "Commands"
    palette.close()


def test_every_shortcut_is_used_once_with_the_panels_controls(window: Any) -> None:
    """An ambiguous shortcut fires neither action: menus and decision controls must differ."""
    controls = getattr(window.proposal, "control_actions", lambda: [])()
    actions = [*window.actions(), *controls]
    keys = [
        a.shortcut().toString()
        for a in {id(a): a for a in actions}.values()
        if not a.shortcut().isEmpty()
    ]
    assert len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)
    listed = dict(window.menus.shortcut_list())
    for action in controls:
        if not action.shortcut().isEmpty() and action.isVisible():
            assert plain_text(action) in listed
