"""Switching the language re-opens the window in that language, on the same case."""

from __future__ import annotations

from typing import Any

from console.ui.i18n import Translations
from console.ui.session import Session
from console.ui.theme import ThemeManager


def test_language_switch_keeps_the_open_case(
    services: Any, qtbot: Any, qapp: Any, compiled_translations: None
) -> None:
    closed: list[bool] = []
    translations = Translations()
    session = Session(qapp, services, ThemeManager(qapp), translations, lambda: closed.append(True))
    first = session.window  # not given to qtbot: the session deletes it on the switch
    first.load_queue()
    first.show()
    with qtbot.waitSignal(first.case_opened, timeout=5000):
        first.queue.select_first()
    case_id = first.case_id
    try:
        first.menus.languages.actions()[1].trigger()  # 简体中文
        second = session.window
        qtbot.addWidget(second)
        assert second is not first
        assert second.menus.file_menu.title() == "文件(&F)"
        assert services.settings.settings.language == "zh_CN"
        qtbot.waitUntil(lambda: second.case_id == case_id, timeout=5000)
        assert not closed, "switching must not end the session"
        second.close()
        assert closed == [True]
    finally:
        translations.remove(qapp)
