"""Installs Tandem's translation (and Qt's own) for the chosen language."""

from __future__ import annotations

import logging
from typing import Literal

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from console.resources import resource_path

log = logging.getLogger(__name__)

Language = Literal["en", "zh_CN"]
LANGUAGES: tuple[Language, ...] = ("en", "zh_CN")


def resolve_language(requested: str | None, setting: str) -> Language:
    """The explicit choice, else the setting, else the system locale."""
    for choice in (requested, setting):
        if choice in LANGUAGES:
            return choice  # type: ignore[return-value]
    return "zh_CN" if QLocale.system().name().startswith("zh") else "en"


class Translations:
    """Keeps the installed translators alive (Qt does not own them)."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self.language: Language = "en"

    def install(self, app: QCoreApplication, language: Language) -> None:
        self.remove(app)
        self.language = language
        QLocale.setDefault(QLocale("zh_CN" if language == "zh_CN" else "en_US"))
        if language == "en":
            return
        ours = QTranslator(app)
        qm = resource_path("translations", f"tandem_{language}.qm")
        if ours.load(str(qm)):
            app.installTranslator(ours)
            self._installed.append(ours)
        else:
            log.warning("translation %s is missing; run `make translations`", qm)
        qt = QTranslator(app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load(QLocale(language), "qtbase", "_", qt_dir):
            app.installTranslator(qt)
            self._installed.append(qt)

    def remove(self, app: QCoreApplication) -> None:
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed.clear()
