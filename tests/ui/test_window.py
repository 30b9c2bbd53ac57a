"""The main window: opening cases, keyboard navigation, status bar, state, import/export."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from console.services.bus import Level, Progress, UserMessage
from console.ui import import_export
from console.ui.queue_model import OBJECT_ROLE
from tests.ui.conftest import run_coro


def open_row(window: Any, qtbot: Any, row: int) -> str:
    index = window.queue.proxy.index(row, 1)
    case_id: str = index.data(OBJECT_ROLE).case_id
    with qtbot.waitSignal(window.case_opened, timeout=5000) as opened:
        rect = window.queue.view.visualRect(index)
        qtbot.mouseClick(window.queue.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [case_id]
    return case_id


def test_clicking_a_case_opens_it_everywhere(window: Any, qtbot: Any, services: Any) -> None:
    case_id = open_row(window, qtbot, 2)
    detail = run_coro(qtbot, services.cases.detail(case_id))
    assert window.case_id == case_id
    assert window.header.title.text() == detail.customer.name
    assert case_id in window.header.subject.text()
    assert window.header.sla.text().startswith(("in ", "overdue "))
    assert window.customer.name.text() == detail.customer.name
    assert window.customer.tier.isVisibleTo(window)
    assert "contacted us" in window.customer.contact_count.text()
    assert window.timeline.model.case_id == case_id
    assert window.timeline.model.rowCount() == detail.event_count
    assert window.proposal.case_id == case_id
    assert detail.customer.name in window.windowTitle()


def test_timeline_opens_at_the_newest_event(window: Any, qtbot: Any) -> None:
    open_row(window, qtbot, 0)
    view = window.timeline.view
    last = window.timeline.model.rowCount() - 1
    assert view.currentIndex().row() == last
    qtbot.waitUntil(lambda: view.rowAt(view.viewport().height() - 2) in (-1, last))


def test_keyboard_moves_between_cases_and_panes(window: Any, qtbot: Any) -> None:
    first = open_row(window, qtbot, 0)
    second = window.queue.proxy.index(1, 0).data(OBJECT_ROLE).case_id
    window.focus_queue()
    with qtbot.waitSignal(window.case_opened, timeout=5000):
        qtbot.keyClick(window.queue.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert window.case_id == second
    with qtbot.waitSignal(window.case_opened, timeout=5000):
        qtbot.keyClick(window.queue.view, Qt.Key.Key_K)
    assert window.case_id == first
    with qtbot.waitSignal(window.case_opened, timeout=5000):
        qtbot.keyClick(window.queue.view, Qt.Key.Key_J)
    assert window.case_id == second

    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is window.timeline.view
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is window.customer
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.queue.search
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is window.queue.view


def test_enter_on_an_event_shows_it_in_full(window: Any, qtbot: Any) -> None:
    open_row(window, qtbot, 0)
    window.focus_timeline()
    row = window.timeline.view.currentIndex().row()
    summary = window.timeline.model.row_at(row).summary
    qtbot.keyClick(window.timeline.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: summary in window.timeline.detail.toPlainText(), timeout=5000)
    assert f"#{row + 1}" in window.timeline.detail.toPlainText()


def test_status_bar_shows_user_messages_and_progress(window: Any, services: Any) -> None:
    settings = services.settings.settings
    assert settings.user_name in window.status.user.text()
    bar = window.status.progress
    services.bus.publish(Progress("import", 1, 4))
    assert bar.isVisibleTo(window)
    assert bar.maximum() == 4
    assert bar.value() == 1
    services.bus.publish(Progress("import", 4, 4))
    assert not bar.isVisibleTo(window)
    services.bus.publish(UserMessage(Level.INFO, "Hello from a service"))
    assert window.status.currentMessage() == "Hello from a service"


def test_window_state_is_kept_in_the_data_folder(window: Any, services: Any) -> None:
    window.splitter.setSizes([300, 700, 440])
    window.close()
    stored = QSettings(str(services.data_dir / "window.ini"), QSettings.Format.IniFormat)
    assert stored.value("mainSplitter") is not None
    assert stored.value("geometry") is not None


def test_importing_an_invalid_file_lists_its_problems(
    window: Any, qtbot: Any, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "tandem.case-file", "format_version": 1}', encoding="utf-8")
    run_coro(qtbot, import_export.import_files(window, [bad]))
    boxes = [w for w in window.findChildren(QMessageBox) if w.isVisible()]
    assert len(boxes) == 1
    assert "bad.json" in boxes[0].detailedText()
    assert window.menus.import_files.isEnabled()
    boxes[0].close()


def test_import_and_export_round_trip(
    window: Any, qtbot: Any, services: Any, tmp_path: Path
) -> None:
    from tests.ui.casefiles import write_case_file

    path = write_case_file(services, qtbot, tmp_path, events=5, case_id="C-ROUND-1")
    run_coro(qtbot, import_export.import_files(window, [path]))
    assert "1 new case" in window.status.currentMessage()
    window.open_case("C-ROUND-1")
    qtbot.waitUntil(lambda: window.case_id == "C-ROUND-1", timeout=5000)
    out = tmp_path / "out.json"
    run_coro(qtbot, import_export.export_case(window, "C-ROUND-1", out))
    assert '"C-ROUND-1"' in out.read_text(encoding="utf-8")


def test_shortcuts_dialog_lists_the_menu_shortcuts(window: Any, qtbot: Any) -> None:
    from console.ui.help_dialogs import ShortcutsDialog

    dialog = ShortcutsDialog(window.menus.shortcut_list(), window)
    qtbot.addWidget(dialog)
    keys = {dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())}
    assert {"Ctrl+F", "Alt+1", "Alt+2", "Alt+3", "J / K"} <= keys


def test_every_control_has_an_accessible_name(window: Any) -> None:
    from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLineEdit, QTextBrowser, QWidget

    kinds = (QLineEdit, QComboBox, QAbstractItemView, QTextBrowser)
    controls = [w for w in window.findChildren(QWidget) if isinstance(w, kinds)]
    assert len(controls) >= 7
    unnamed = [c for c in controls if c.isVisibleTo(window) and not c.accessibleName()]
    assert not [type(c).__name__ for c in unnamed if not isinstance(c.parent(), QComboBox)]


def test_theme_menu_saves_the_choice(window: Any, services: Any) -> None:
    dark = next(a for a in window.menus.themes.actions() if "Dark" in a.text())
    dark.trigger()
    assert services.settings.settings.theme == "dark"
    assert dark.isChecked()


@pytest.mark.usefixtures("no_auto_plan")
def test_new_events_for_the_open_case_extend_its_timeline(
    window: Any, qtbot: Any, services: Any, tmp_path: Path
) -> None:
    from tests.ui.casefiles import write_case_file

    first = write_case_file(services, qtbot, tmp_path, events=5, case_id="C-GROW-1")
    run_coro(qtbot, import_export.import_files(window, [first]))
    window.open_case("C-GROW-1")
    qtbot.waitUntil(lambda: window.timeline.model.rowCount() == 5, timeout=5000)
    resets: list[bool] = []
    window.timeline.model.modelReset.connect(lambda: resets.append(True))
    more = write_case_file(services, qtbot, tmp_path, events=8, case_id="C-GROW-1")
    run_coro(qtbot, import_export.import_files(window, [more]))
    qtbot.waitUntil(lambda: window.timeline.model.rowCount() == 8, timeout=5000)
    assert window.timeline.count.text() == "8 events"
    assert not resets
