"""The running console's window, and switching its language without a restart.

A language change builds a fresh window under the new translator (every string is
looked up again) and hands over the geometry, the pane sizes and the open case.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from console.ui.i18n import Translations, resolve_language
from console.ui.main_window import MainWindow
from console.ui.theme import ThemeManager

if TYPE_CHECKING:
    from console.services import Services


class Session:
    def __init__(
        self,
        app: QApplication,
        services: Services,
        themes: ThemeManager,
        translations: Translations,
        on_closed: Callable[[], None],
    ) -> None:
        self._app = app
        self._services = services
        self._themes = themes
        self._translations = translations
        self._on_closed = on_closed
        self.window = self._new_window()

    def _new_window(self) -> MainWindow:
        window = MainWindow(self._services, self._themes)
        window.closed.connect(self._on_closed)
        window.language_chosen.connect(self.switch_language)
        return window

    def switch_language(self, choice: str) -> None:
        """Re-open the window in ``choice`` ("en", "zh_CN" or "system")."""
        language = resolve_language(None, choice)
        if language == self._translations.language:
            return
        old = self.window
        case_id = old.case_id
        old.save_state()  # the new window restores it
        old.closed.disconnect(self._on_closed)
        old.shutdown()
        self._translations.install(self._app, language)
        new = self._new_window()
        new.load_queue()
        self.window = new
        new.show()
        old.hide()
        old.deleteLater()
        if case_id is not None:
            new.open_case(case_id)
        new.queue.view.setFocus()
