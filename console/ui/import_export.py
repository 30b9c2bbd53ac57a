"""File → Import case files and File → Export case, without blocking the window.

Dialogs open with ``open()`` (never ``exec()``: no nested event loop inside a coroutine);
the awaiting parts are thin: disable the action, await the service, show the result,
restore the action in ``finally``.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from console.domain.errors import InvalidInput, TandemError

if TYPE_CHECKING:
    from console.ui.main_window import MainWindow


def _file_dialog(window: MainWindow, caption: str, save: bool) -> QFileDialog:
    dialog = QFileDialog(window, caption)
    dialog.setNameFilters(
        [
            QCoreApplication.translate("ImportExport", "Case files (*.json)"),
            QCoreApplication.translate("ImportExport", "All files (*)"),
        ]
    )
    dialog.setAcceptMode(
        QFileDialog.AcceptMode.AcceptSave if save else QFileDialog.AcceptMode.AcceptOpen
    )
    dialog.setFileMode(QFileDialog.FileMode.AnyFile if save else QFileDialog.FileMode.ExistingFiles)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return dialog


def show_message(
    parent: QWidget, icon: QMessageBox.Icon, title: str, text: str, details: str = ""
) -> QMessageBox:
    """A message box opened with ``open()`` (window-modal, no nested loop)."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    if details:
        box.setDetailedText(details)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def choose_and_import(window: MainWindow) -> None:
    dialog = _file_dialog(
        window, QCoreApplication.translate("ImportExport", "Import case files"), save=False
    )
    dialog.filesSelected.connect(
        lambda files: window.slots.start("import", import_files(window, [Path(f) for f in files]))
    )
    dialog.open()


async def import_files(window: MainWindow, paths: list[Path]) -> None:
    action = window.menus.import_files
    action.setEnabled(False)
    try:
        report = await window.services.casefiles.import_files(paths)
    except InvalidInput as error:
        show_message(
            window,
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("ImportExport", "Nothing was imported"),
            QCoreApplication.translate(
                "ImportExport", "Problems were found in the files (%1). Fix them and import again."
            ).replace("%1", str(len(error.issues)))
            if error.issues
            else error.summary,
            "\n".join(str(issue) for issue in error.issues),
        )
        return
    except TandemError as error:
        show_message(
            window,
            QMessageBox.Icon.Critical,
            QCoreApplication.translate("ImportExport", "Import failed"),
            str(error),
        )
        return
    finally:
        action.setEnabled(True)
    window.status.showMessage(
        QCoreApplication.translate(
            "ImportExport",
            "Imported %1 file(s): %2 new case(s), %3 new event(s), %4 already present.",
        )
        .replace("%1", str(report.files))
        .replace("%2", str(report.new_cases))
        .replace("%3", str(report.new_events))
        .replace("%4", str(report.duplicate_events)),
        10_000,
    )


def choose_and_export(window: MainWindow) -> None:
    case_id = window.case_id
    if case_id is None:
        window.status.showMessage(
            QCoreApplication.translate("ImportExport", "Open a case first, then export it."), 6000
        )
        return
    dialog = _file_dialog(
        window, QCoreApplication.translate("ImportExport", "Export case"), save=True
    )
    dialog.setDefaultSuffix("json")
    dialog.selectFile(f"{case_id}.json")
    dialog.fileSelected.connect(
        lambda file: window.slots.start("export", export_case(window, case_id, Path(file)))
    )
    dialog.open()


async def export_case(window: MainWindow, case_id: str, path: Path) -> None:
    action = window.menus.export_case
    action.setEnabled(False)
    try:
        case_file = await window.services.casefiles.export(case_id)
        text = case_file.model_dump_json(indent=2) + "\n"
        await asyncio.to_thread(path.write_text, text, "utf-8")
    except (TandemError, OSError) as error:
        show_message(
            window,
            QMessageBox.Icon.Critical,
            QCoreApplication.translate("ImportExport", "Export failed"),
            str(error),
        )
        return
    finally:
        action.setEnabled(True)
    window.status.showMessage(
        QCoreApplication.translate("ImportExport", "Exported the case to %1").replace(
            "%1", str(path)
        ),
        10_000,
    )
