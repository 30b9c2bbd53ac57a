"""Start-up: screenshots in both themes and languages, the first-paint probe, translations."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from console.ui import crash
from console.ui.i18n import Translations
from console.ui.runner import run


def luminance_stats(path: Path) -> tuple[float, float, int]:
    """Mean and spread of luminance over a grid of pixels, and how many distinct colours."""
    image = QImage(str(path))
    assert not image.isNull()
    values, colours = [], set()
    for y in range(0, image.height(), 9):
        for x in range(0, image.width(), 9):
            colour = image.pixelColor(x, y)
            colours.add(colour.rgb())
            values.append(0.2126 * colour.red() + 0.7152 * colour.green() + 0.0722 * colour.blue())
    mean = sum(values) / len(values)
    spread = (sum((v - mean) ** 2 for v in values) / len(values)) ** 0.5
    return mean, spread, len(colours)


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_screenshot_is_a_real_picture_of_the_window(
    services: Any, tmp_path: Path, theme: Any, lang: Any, compiled_translations: None
) -> None:
    path = tmp_path / f"shot-{theme}-{lang}.png"
    assert run(services, screenshot=path, case_id=None, theme=theme, lang=lang) == 0
    image = QImage(str(path))
    assert (image.width(), image.height()) == (1440, 900)
    mean, spread, colours = luminance_stats(path)
    assert spread > 15, "the picture is close to blank"
    assert colours > 20, "the picture is close to blank"
    assert (mean > 170) if theme == "light" else (mean < 90)


def test_screenshot_of_a_missing_case_fails_with_a_message(
    services: Any, tmp_path: Path, capsys: Any
) -> None:
    path = tmp_path / "none.png"
    assert run(services, screenshot=path, case_id="NO-SUCH-CASE", theme="light", lang="en") != 0
    assert "NO-SUCH-CASE" in capsys.readouterr().err
    assert not path.exists()


def test_first_paint_probe_prints_and_quits(
    services: Any, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    monkeypatch.setenv("TANDEM_FIRST_PAINT_PROBE", "1")
    assert run(services, theme="light", lang="en") == 0
    line = capsys.readouterr().out.strip().splitlines()[-1]
    assert line.startswith("first-paint ")
    float(line.split()[1])


def test_chinese_ui_translates_menus_and_labels(
    services: Any, qtbot: Any, qapp: Any, compiled_translations: None
) -> None:
    from console.ui import labels
    from console.ui.main_window import MainWindow

    translations = Translations()
    translations.install(qapp, "zh_CN")
    try:
        window = MainWindow(services)
        qtbot.addWidget(window)
        assert window.menus.file_menu.title() == "文件(&F)"
        assert window.queue.search.placeholderText().startswith("搜索")
        assert labels.duration(80 * 60) == "1小时20分"
        window.shutdown()
    finally:
        translations.remove(qapp)
    assert labels.duration(80 * 60) == "1 h 20 min"


def test_crash_hook_logs_and_passes_the_error_on(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, error, tb: seen.append(error))
    restore = crash.install()
    try:
        error = RuntimeError("boom")
        sys.excepthook(RuntimeError, error, None)
    finally:
        restore()
    assert seen == [error]


class _Emitter(QObject):
    fired = Signal()


def test_signal_connect_disconnect_keeps_refcounts(qapp: Any) -> None:
    """PySide6 6.12.0 drops a reference on every disconnect; catch such an upgrade here."""
    emitter = _Emitter()

    def slot() -> None:
        pass

    before = sys.getrefcount(True), sys.getrefcount(None)
    for _ in range(500):
        emitter.fired.connect(slot)
        emitter.fired.disconnect(slot)
    after = sys.getrefcount(True), sys.getrefcount(None)
    assert abs(after[0] - before[0]) < 50
    assert abs(after[1] - before[1]) < 50


def test_theme_manager_renders_every_token_and_follows_the_system(qapp: Any) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QPalette

    from console.ui.theme import ThemeManager, render_stylesheet, tokens

    for name in ("light", "dark"):
        assert "{" not in render_stylesheet(name).replace("{ ", "").replace("{\n", "")
        assert set(tokens(name)) == set(tokens("light"))
    before = qapp.styleSheet(), qapp.palette()
    manager = ThemeManager(qapp)
    try:
        manager.apply("dark")
        assert qapp.palette().color(QPalette.ColorRole.Window).name() == tokens("dark")["window"]
        manager.apply("system")
        expected = "dark" if qapp.styleHints().colorScheme() == Qt.ColorScheme.Dark else "light"
        assert manager.current == expected
    finally:
        qapp.setStyleSheet(before[0])
        qapp.setPalette(before[1])


def test_run_can_reveal_an_event_at_start(
    services: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from console.ui.timeline_panel import TimelinePanel

    case_id = services.cases.queue_now()[3].case_id
    event = services.cases.timeline_page(case_id, 2, 2)[0]
    shown: list[tuple[str | None, int, bool]] = []
    original = TimelinePanel.reveal

    def reveal(panel: TimelinePanel, seq: int) -> bool:
        done = original(panel, seq)
        shown.append((panel.case_id, seq, done))
        return done

    monkeypatch.setattr(TimelinePanel, "reveal", reveal)
    path = tmp_path / "reveal.png"
    assert run(services, screenshot=path, reveal=event.event_id, theme="light", lang="en") == 0
    assert path.exists()
    assert shown == [(case_id, event.seq, True)]
