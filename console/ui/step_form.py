"""Edit one plan step in a form generated from its pydantic parameter model.

:class:`StepEditDialog` is what callers open: the form with the changes it makes, field
by field ("field · proposed → edited", :class:`StepDiffView`), and OK only for a valid,
changed step. The caller re-checks authority (``StepEditDialog(recheck=...)``) and the
form shows the answer. The parts live beside this module:

- :mod:`console.ui.step_fields`: reading a pydantic field, what changed, pydantic's errors
  in plain words (no widgets);
- :mod:`console.ui.step_editors`: one input widget per field, nested models and lists;
- :mod:`console.ui.step_edit_form`: :class:`StepEditForm`, the form that builds them,
  validates through the step class and shows the problems and the verdict.

Their public names are importable from here too, as before the split.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.domain.actions import PlanStep
from console.domain.kinds import ActionKind
from console.ui import labels
from console.ui.proposal_steps import plain
from console.ui.step_edit_form import TONES, StepEditForm
from console.ui.step_fields import (
    COMMON_CURRENCIES,
    CURRENCY_PATTERN,
    FIXED_PARAMS,
    LONG_TEXT,
    LONG_TEXT_NAMES,
    FieldError,
)

__all__ = [
    "COMMON_CURRENCIES",
    "CURRENCY_PATTERN",
    "FIXED_PARAMS",
    "LONG_TEXT",
    "LONG_TEXT_NAMES",
    "MAX_DIFF_ROWS",
    "TONES",
    "FieldError",
    "Recheck",
    "StepDiffView",
    "StepEditDialog",
    "StepEditForm",
]

log = logging.getLogger(__name__)

MAX_DIFF_ROWS = 6  # the diff view grows to this many rows, then scrolls


class StepDiffView(QTableWidget):
    """Read-only rows "field · proposed → edited"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setObjectName("stepDiff")
        self.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Proposed"), self.tr("Edited")])
        self.setAccessibleName(self.tr("Changes to the proposed step"))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.setWordWrap(False)

    def set_rows(self, rows: list[tuple[str, str, str]]) -> None:
        self.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.setItem(r, c, item)
        shown = min(max(len(rows), 1), MAX_DIFF_ROWS)
        row_height = self.verticalHeader().defaultSectionSize()
        self.setFixedHeight(
            self.horizontalHeader().sizeHint().height() + row_height * shown + 2 * self.frameWidth()
        )

    def rows(self) -> list[tuple[str, str, str]]:
        """The rows as shown."""

        def text(row: int, column: int) -> str:
            item = self.item(row, column)
            return item.text() if item is not None else ""

        return [(text(r, 0), text(r, 1), text(r, 2)) for r in range(self.rowCount())]


Recheck = Callable[[PlanStep], tuple[str, str]]


class StepEditDialog(QDialog):
    """The form with OK/Cancel; OK only for a valid, changed step. ``recheck`` (if given)
    returns (verdict text, tone) for each valid edited step."""

    def __init__(
        self, step: PlanStep, recheck: Recheck | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("stepEditDialog")
        self.setWindowTitle(
            self.tr("Edit step: %1").replace("%1", labels.action_kind(ActionKind(step.action)))
        )
        self.setMinimumWidth(560)
        self._recheck = recheck
        self._rechecked: PlanStep | None = None
        self._edited: PlanStep | None = None
        self.form = StepEditForm(step, self)
        self.diff_title = plain(self.tr("No changes yet"), "sectionTitle", self, wrap=False)
        self.diff_view = StepDiffView(self)
        self.diff_view.setVisible(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Use edited step"))
        self.ok.setAccessibleName(self.tr("Use the edited step"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.diff_title)
        layout.addWidget(self.diff_view)
        layout.addWidget(self.buttons)
        self.form.changed.connect(self._refresh)
        self._refresh()

    def _refresh(self) -> None:
        step = self.form.value()
        rows = self.form.diff_rows() if step is not None else []
        self.ok.setEnabled(step is not None and bool(rows))
        self.diff_view.set_rows(rows)
        self.diff_view.setVisible(bool(rows))
        if step is None:
            self.diff_title.setText(self.tr("Fix the marked fields to see the changes"))
        else:
            self.diff_title.setText(self.tr("Changes") if rows else self.tr("No changes yet"))
        if step is None:
            self._rechecked = None
            if self._recheck is not None:
                self.form.set_verdict_text(
                    self.tr("Fix the marked fields to re-check who may approve this step."),
                    "neutral",
                )
        elif self._recheck is not None and step != self._rechecked:
            self._rechecked = step
            try:
                text, tone = self._recheck(step)
            except Exception:  # the caller's check failing must not close the editor
                log.exception("re-checking authority of an edited step failed")
                text, tone = self.tr("Could not re-check who may approve this step."), "warning"
            self.form.set_verdict_text(text, tone)

    def accept(self) -> None:
        step = self.form.value()
        if step is None or not self.form.diff():
            return
        self._edited = step
        super().accept()

    def edited_step(self) -> PlanStep | None:
        """The edited step once accepted; ``None`` before or after Cancel."""
        return self._edited if self.result() == QDialog.DialogCode.Accepted else None
