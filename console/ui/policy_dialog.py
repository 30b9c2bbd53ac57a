"""View → Authority map: the decision-authority map in force, its versions, and (for
supervisors) a new version.

Everyone reads the rules in force (id, action, conditions in words, level, the clause a
proposal cites) and every published version. Those who may edit the map get its YAML,
prefilled from the latest version with the version number bumped: Check lists every
problem with its field; Publish publishes it (a version someone else published meanwhile
is a conflict: reload and edit again). The service checks the role again on publish.

The map in words (levels, conditions, the next version's YAML) is
:mod:`console.ui.policy_text` and its tables :mod:`console.ui.policy_tables`; the public
names of the first are importable from here too, as before the split.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QFontDatabase, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.domain.errors import ConflictError, InvalidInput, TandemError
from console.services.bus import Level, UserMessage
from console.services.roles import Capability
from console.ui import labels
from console.ui.policy_tables import fill, fit_rows, make_table
from console.ui.policy_text import action_text, conditions_text, level_label, next_version_source
from console.ui.profiles import may
from console.ui.refusal_text import refusal

if TYPE_CHECKING:
    from console.domain.authority import AuthorityPolicy
    from console.services.policies import PolicyChanged, PolicyVersion
    from console.ui.main_window import MainWindow

__all__ = [
    "SLOT",
    "PolicyDialog",
    "action_text",
    "conditions_text",
    "level_label",
    "next_version_source",
    "present",
]

SLOT = "policy.publish"


class PolicyDialog(QDialog):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.setWindowTitle(self.tr("Authority map"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setAccessibleName(self.tr("Decision-authority map"))
        self.tabs = QTabWidget(self)

        # The map in force.
        current = QWidget(self)
        self.summary = QLabel("", current, objectName="policySummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rules = make_table(
            current,
            [
                self.tr("Rule"),
                self.tr("Action"),
                self.tr("When"),
                self.tr("Level"),
                self.tr("Clause"),
            ],
            self.tr("Rules in force"),
        )
        header = self.rules.horizontalHeader()
        for column, width in ((0, 160), (1, 110), (2, 270), (3, 140)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        layout = QVBoxLayout(current)
        layout.addWidget(self.summary)
        layout.addWidget(self.rules, 1)
        self.tabs.addTab(current, self.tr("In force"))

        # Every version.
        self.history = make_table(
            self,
            [self.tr("Version"), self.tr("Published by"), self.tr("Published at"), self.tr("Note")],
            self.tr("Published versions"),
        )
        header = self.history.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for column, width in ((1, 150), (2, 170)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        self.tabs.addTab(self.history, self.tr("History"))

        # A new version.
        edit = QWidget(self)
        self.edit_note = QLabel("", edit, objectName="dialogNote")
        self.edit_note.setWordWrap(True)
        self.editor = QPlainTextEdit(edit, objectName="policyEditor")
        self.editor.setAccessibleName(self.tr("The new version's YAML"))
        self.editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.editor.textChanged.connect(self._edited)
        self.problems = QListWidget(edit)
        self.problems.setObjectName("policyProblems")
        self.problems.setAccessibleName(self.tr("Problems found"))
        self.problems.setWordWrap(True)
        self.problems.hide()
        self.outcome = QLabel("", edit, objectName="policyOutcome")
        self.outcome.setWordWrap(True)
        self.outcome.setAccessibleName(self.tr("Check result"))
        self.check = QPushButton(self.tr("&Check"), edit)
        self.check.setAccessibleName(self.tr("Check the new version"))
        self.check.clicked.connect(self.run_check)
        self.publish = QPushButton(self.tr("&Publish"), edit, objectName="publishPolicy")
        self.publish.setAccessibleName(self.tr("Publish the new version"))
        self.publish.clicked.connect(self.run_publish)
        self.reload = QPushButton(self.tr("Start again from the &latest"), edit)
        self.reload.setAccessibleName(self.tr("Start again from the latest version"))
        self.reload.clicked.connect(self.load)
        row = QHBoxLayout()
        row.addWidget(self.reload)
        row.addStretch(1)
        row.addWidget(self.check)
        row.addWidget(self.publish)
        layout = QVBoxLayout(edit)
        layout.addWidget(self.edit_note)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.outcome)
        layout.addWidget(self.problems)
        layout.addLayout(row)
        self.tabs.addTab(edit, self.tr("New version"))
        self.tabs.currentChanged.connect(lambda _index: self._fit_rows())

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        main = QVBoxLayout(self)
        main.addWidget(self.tabs, 1)
        main.addWidget(buttons)
        self.resize(1000, 640)

        from console.services.policies import PolicyChanged

        self._unsubscribe: Callable[[], None] | None = window.services.bus.subscribe(
            PolicyChanged, self._published
        )
        self.finished.connect(lambda _result: self._stop())
        self.load()

    # --- showing ----------------------------------------------------------------------------
    @property
    def may_edit(self) -> bool:
        return may(self._window.services, Capability.EDIT_POLICY)

    def load(self) -> None:
        """Show the map in force and every version; the editor starts from the latest."""
        policies = self._window.services.policies
        active = policies.active()
        versions = policies.history()
        self._show_active(active)
        self._show_versions(versions)
        self._latest_source = versions[0].source
        self.next_version = versions[0].version + 1
        self._prefill()
        self._say("", [])
        self.apply_role()

    def _prefill(self) -> None:
        author = self._window.services.principal().user_id
        self._prefilled = next_version_source(self._latest_source, self.next_version, author)
        self.editor.blockSignals(True)
        self.editor.setPlainText(self._prefilled)
        self.editor.blockSignals(False)

    def _show_active(self, policy: AuthorityPolicy) -> None:
        text = (
            self.tr("Version %1, in force since %2, by %3.")
            .replace("%1", str(policy.version))
            .replace("%2", labels.exact(policy.effective_from))
            .replace("%3", policy.author)
        )
        if policy.note:
            text += " " + policy.note
        text += " " + self.tr("Rules are tried in order; the first that matches decides.")
        self.summary.setText(text)
        fill(
            self.rules,
            [
                [r.id, action_text(r), conditions_text(r.when), level_label(r.level), r.clause]
                for r in policy.rules
            ],
        )

    def _show_versions(self, versions: list[PolicyVersion]) -> None:
        name_of = self._window.profiles.name_of
        rows = [
            [
                str(v.version),
                name_of(v.published_by),
                labels.exact(v.published_at),
                v.policy.note or "",
            ]
            for v in versions
        ]
        fill(self.history, rows)

    def apply_role(self) -> None:
        editing = self.may_edit
        if self.editor.toPlainText() == self._prefilled:  # untouched: by the new profile
            self._prefill()
        self.editor.setReadOnly(not editing)
        self.publish.setEnabled(editing and not self._window.slots.running(SLOT))
        if editing:
            note = self.tr(
                "Version %1, from the latest. Check it, then publish: it applies to every "
                "decision from then on, and the publication is on the audit trail."
            ).replace("%1", str(self.next_version))
        else:
            note = self.tr("Only supervisors may publish a new version; you may read and check it.")
        self.edit_note.setText(note)

    def _say(self, text: str, problems: list[str], *, tone: str = "") -> None:
        self.outcome.setText(text)
        self.outcome.setVisible(bool(text))
        self.outcome.setProperty("tone", tone)
        self.outcome.style().unpolish(self.outcome)
        self.outcome.style().polish(self.outcome)
        self.problems.clear()
        self.problems.addItems(problems)
        self.problems.setVisible(bool(problems))
        if problems:  # as tall as its lines, up to six; it scrolls beyond
            shown = range(min(len(problems), 6))
            rows = sum(self.problems.sizeHintForRow(r) for r in shown)
            self.problems.setFixedHeight(rows + 2 * self.problems.frameWidth() + 6)

    def _edited(self) -> None:
        if self.outcome.isVisible() or self.problems.isVisible():
            self._say("", [])

    # --- checking and publishing -------------------------------------------------------------
    def run_check(self) -> bool:
        """Check the editor's map; shows every problem. True when it can be published."""
        try:
            policy = self._window.services.policies.check(self.editor.toPlainText())
        except InvalidInput as error:
            self._show_invalid(error)
            return False
        if policy.version != self.next_version:
            text = (
                self.tr("This map is version %1; the next version is %2.")
                .replace("%1", str(policy.version))
                .replace("%2", str(self.next_version))
            )
            self._say(text, [], tone="danger")
            return False
        text = (
            self.tr("No problems: version %1 with %2 rules.")
            .replace("%1", str(policy.version))
            .replace("%2", str(len(policy.rules)))
        )
        self._say(text, [], tone="ok")
        return True

    def _show_invalid(self, error: InvalidInput) -> None:
        lines = [
            f"{issue.location}: {issue.message}" if issue.location else issue.message
            for issue in error.issues
        ] or [error.summary]
        count = len(lines)
        text = (
            self.tr("1 problem: fix it and check again.")
            if count == 1
            else self.tr("%1 problems: fix them and check again.").replace("%1", str(count))
        )
        self._say(text, lines, tone="danger")

    def run_publish(self) -> None:
        self.publish.setEnabled(False)
        self._window.slots.start(SLOT, self._publish(self.editor.toPlainText()))

    async def _publish(self, source: str) -> None:
        services = self._window.services
        try:
            policy = await services.policies.publish(source, services.principal())
        except InvalidInput as error:
            self._show_invalid(error)
        except ConflictError as error:
            self._say(
                refusal(error) + " " + self.tr("Use “Start again from the latest”."),
                [],
                tone="danger",
            )
        except TandemError as error:
            self._say(refusal(error), [], tone="danger")
        else:
            text = self.tr("Published version %1.").replace("%1", str(policy.version))
            services.bus.publish(UserMessage(Level.INFO, text))
            self.load()
            self._say(text, [], tone="ok")
            self.tabs.setCurrentIndex(0)
        finally:
            self.publish.setEnabled(self.may_edit)

    def _published(self, _event: PolicyChanged) -> None:
        """Someone published: the map in force and the history change; the editor keeps
        what is being written (publishing it will say it conflicts)."""
        policies = self._window.services.policies
        self._show_active(policies.active())
        self._show_versions(policies.history())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_rows()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_rows()

    def _fit_rows(self) -> None:
        """Row heights for the columns' real widths (wrapped clauses need them)."""
        for table in (self.rules, self.history):
            fit_rows(table)

    def _stop(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    def closeEvent(self, event: QCloseEvent) -> None:
        self._stop()
        super().closeEvent(event)


def present(window: MainWindow) -> PolicyDialog:
    dialog = PolicyDialog(window)
    dialog.open()
    return dialog
