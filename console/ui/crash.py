"""A crash dialog for unhandled exceptions: logged, shown without blocking, never lost.

Set TANDEM_NO_CRASH_DIALOG=1 (the UI tests do) to log and pass the error on without a
dialog, so that the test runner reports it as a failure instead.
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

log = logging.getLogger(__name__)

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]
_open_boxes: list[QMessageBox] = []


def log_file() -> str | None:
    """Where the log file is, from the handlers logging was configured with."""
    for handler in logging.getLogger().handlers:
        name = getattr(handler, "baseFilename", None)
        if name:
            return str(name)
    return None


def show_crash(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    from PySide6.QtWidgets import QMessageBox  # not needed before something goes wrong

    box = QMessageBox(
        QMessageBox.Icon.Critical, QCoreApplication.translate("Crash", "Something went wrong"), ""
    )
    where = log_file()
    problem = f"{kind.__name__}: {error}"
    text = QCoreApplication.translate("Crash", "Tandem hit an unexpected error: %1").replace(
        "%1", problem
    )
    if where:
        text += "\n\n" + QCoreApplication.translate(
            "Crash", "The details are in the log file:\n%1"
        ).replace("%1", where)
    text += "\n\n" + QCoreApplication.translate(
        "Crash", "Your work is saved. If this keeps happening, restart Tandem."
    )
    box.setText(text)
    box.setDetailedText("".join(traceback.format_exception(kind, error, tb)))
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _open_boxes.append(box)
    box.finished.connect(lambda _result: _open_boxes.remove(box))
    box.show()


def install() -> Callable[[], None]:
    """Install the hook; returns a function that puts the previous hook back."""
    previous: ExceptHook = sys.excepthook
    quiet = os.environ.get("TANDEM_NO_CRASH_DIALOG") == "1"

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        log.critical("unhandled exception", exc_info=(kind, error, tb))
        previous(kind, error, tb)  # the traceback on stderr, or the test runner's capture
        if quiet or QApplication.instance() is None:
            return
        try:
            show_crash(kind, error, tb)
        except Exception:  # the dialog itself must never take the app down
            log.exception("could not show the crash dialog")

    sys.excepthook = hook

    def restore() -> None:
        if sys.excepthook is hook:
            sys.excepthook = previous

    return restore
