"""Themes from tokens: base.qss with {token} placeholders, rendered from a token set.

``apply_theme(app, "system")`` follows the platform's colour scheme and keeps following it
when it changes. The current tokens are readable by delegates that paint by hand.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Literal

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from console.resources import resource_path

ThemeChoice = Literal["system", "light", "dark"]
ThemeName = Literal["light", "dark"]

_PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*)\}")


@cache
def tokens(name: ThemeName) -> dict[str, str]:
    data: dict[str, str] = json.loads(resource_path("styles", f"{name}.json").read_text("utf-8"))
    return data


def render_stylesheet(name: ThemeName) -> str:
    """base.qss with every {token} replaced; an unknown token is an error, not a blank."""
    values = tokens(name)
    template = resource_path("styles", "base.qss").read_text("utf-8")

    def fill(match: re.Match[str]) -> str:
        key = match.group(1)
        if key not in values:
            raise KeyError(f"base.qss uses the token {{{key}}}, which {name}.json lacks")
        return values[key]

    return _PLACEHOLDER.sub(fill, template)


def palette(name: ThemeName) -> QPalette:
    t = tokens(name)
    pal = QPalette()
    roles = {
        QPalette.ColorRole.Window: t["window"],
        QPalette.ColorRole.WindowText: t["text"],
        QPalette.ColorRole.Base: t["surface"],
        QPalette.ColorRole.AlternateBase: t["alternate"],
        QPalette.ColorRole.Text: t["text"],
        QPalette.ColorRole.Button: t["surface"],
        QPalette.ColorRole.ButtonText: t["text"],
        QPalette.ColorRole.Highlight: t["selection"],
        QPalette.ColorRole.HighlightedText: t["selection_text"],
        QPalette.ColorRole.ToolTipBase: t["surface"],
        QPalette.ColorRole.ToolTipText: t["text"],
        QPalette.ColorRole.PlaceholderText: t["text_muted"],
        QPalette.ColorRole.Link: t["accent"],
        QPalette.ColorRole.Mid: t["border"],
        QPalette.ColorRole.Midlight: t["border"],
        QPalette.ColorRole.Dark: t["border_strong"],
    }
    for role, color in roles.items():
        pal.setColor(role, QColor(color))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor(t["text_disabled"]))
    return pal


class ThemeManager:
    """Applies a theme app-wide; with "system" it follows the platform's colour scheme."""

    def __init__(self, app: QApplication) -> None:
        self._app = app
        self._choice: ThemeChoice = "system"
        self._current: ThemeName | None = None
        app.styleHints().colorSchemeChanged.connect(self._scheme_changed)

    @property
    def choice(self) -> ThemeChoice:
        return self._choice

    @property
    def current(self) -> ThemeName:
        return self._current or "light"

    def apply(self, choice: ThemeChoice) -> None:
        self._choice = choice
        self._render(self._resolve(choice))

    def _resolve(self, choice: ThemeChoice) -> ThemeName:
        if choice != "system":
            return choice
        scheme = self._app.styleHints().colorScheme()
        return "dark" if scheme == Qt.ColorScheme.Dark else "light"

    def _render(self, name: ThemeName) -> None:
        if name == self._current:
            return
        self._current = name
        _state["current"] = name
        self._app.setPalette(palette(name))
        self._app.setStyleSheet(render_stylesheet(name))

    def _scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self._choice == "system":
            self._render(self._resolve("system"))


_state: dict[str, ThemeName] = {"current": "light"}


def color(token: str) -> QColor:
    """A colour of the theme in use, for delegates that paint by hand."""
    return QColor(tokens(_state["current"])[token])
