"""Baseline for bench/startup.py: a bare PySide6 QMainWindow, started like the console.

Prints ``first-paint <time.time()>`` at the window's first paint event and quits, the same
line the console prints with TANDEM_FIRST_PAINT_PROBE=1.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class _FirstPaint(QObject):
    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self._app = app
        self._seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._seen:
            self._seen = True
            print(f"first-paint {time.time():.6f}", flush=True)
            # Quit once this paint has been flushed: quitting inside the paint event
            # closes the window while Qt still flushes its backing store.
            QTimer.singleShot(0, self._app.quit)
        return False


def main() -> int:
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.resize(1440, 900)
    probe = _FirstPaint(app)
    window.installEventFilter(probe)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
