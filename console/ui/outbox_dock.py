"""The outbox's dock: where the outbox panel sits in the main window, and its toggle.

:func:`install` puts an :class:`~console.ui.outbox_panel.OutboxPanel` in a dock on the
right of the window, hidden until asked for, and returns the window-wide action that shows
or hides it (View → Outbox, Alt+6). The dock's title counts the actions waiting for a
person; the first time it opens it is made wide enough for the tables.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget

SHORTCUT = "Alt+6"
DOCK_WIDTH = 560  # the tables' columns fit, the last error has room


def install(window: Any) -> QAction:
    """Put the outbox in a dock on the right of ``window`` (hidden at first) and return its
    toggle action ("Outbox", Alt+6, window-wide) for the View menu. A row's case opens
    through ``window.open_case`` when the window has one."""
    # Imported here: outbox_panel offers install too, so it imports this module.
    from console.ui.outbox_panel import OutboxPanel

    panel = OutboxPanel(window.services, window)
    outbox = QCoreApplication.translate("OutboxPanel", "Outbox")
    dock = QDockWidget(outbox, window)
    dock.setObjectName("outboxDock")
    dock.setAccessibleName(outbox)
    dock.setFeatures(
        QDockWidget.DockWidgetFeature.DockWidgetClosable
        | QDockWidget.DockWidgetFeature.DockWidgetMovable
    )
    dock.setWidget(panel)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.restoreDockWidget(dock)  # where a saved layout had it (restored before it existed)
    dock.hide()  # hidden until asked for

    def title(count: int) -> None:
        name = QCoreApplication.translate("OutboxPanel", "Outbox")
        dock.setWindowTitle(f"{name} ({count})" if count else name)

    panel.counted.connect(title)
    action = dock.toggleViewAction()
    action.setChecked(False)  # before the window is shown, Qt does not update it
    action.setObjectName("outboxAction")
    action.setText(QCoreApplication.translate("OutboxPanel", "Outbox"))
    action.setShortcut(QKeySequence(SHORTCUT))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    what = QCoreApplication.translate("OutboxPanel", "Show or hide what write-back is doing")
    action.setToolTip(f"{what} ({SHORTCUT})")
    action.setStatusTip(what)
    window.addAction(action)  # the shortcut works before the View menu lists it

    sized: list[bool] = []

    def shown(on: bool) -> None:
        if on:
            if not sized and not dock.isFloating():  # the first time: room for the tables
                sized.append(True)
                window.resizeDocks([dock], [DOCK_WIDTH], Qt.Orientation.Horizontal)
            dock.raise_()
            panel.unknown.setFocus(Qt.FocusReason.ShortcutFocusReason)

    action.toggled.connect(shown)
    opener = getattr(window, "open_case", None)
    if callable(opener):
        panel.open_case.connect(opener)
    closed = getattr(window, "closed", None)
    if closed is not None:
        closed.connect(panel.shutdown)
    window.outbox = dock  # for tests and the window's own use
    return action
