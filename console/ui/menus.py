"""The main window's actions and menus: File, View, Go, Supervise, Training, Help."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from console.services.bus import Level, UserMessage
from console.services.roles import Capability
from console.ui.profiles import may

if TYPE_CHECKING:
    from console.ui.main_window import MainWindow


_ACCELERATOR = re.compile(r"\(&\w\)")  # "文件(&F)": the key hint of a translated menu text


class Menus(QObject):
    """Builds the menu bar; every action also lists itself in Help → Keyboard shortcuts."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        bar = window.menuBar()
        bar.setAccessibleName(self.tr("Menu bar"))

        self.file_menu = bar.addMenu(self.tr("&File"))
        self.import_files = self._action(self.tr("&Import case files…"), "Ctrl+O", self._import)
        # Ctrl+E edits a proposal's step (the proposal panel's decision controls).
        self.export_case = self._action(self.tr("&Export case…"), "Ctrl+Shift+E", self._export)
        self.quit = self._action(self.tr("&Quit"), "Ctrl+Q", window.close)
        self.file_menu.addActions([self.import_files, self.export_case])
        self.file_menu.addSeparator()
        profiles = window.profiles
        profiles.choose.setShortcut(QKeySequence("Ctrl+Alt+U"))
        self._window.addAction(profiles.choose)
        self.switch_profile = profiles.choose
        self.file_menu.addMenu(profiles.menu)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit)

        self.view_menu = bar.addMenu(self.tr("&View"))
        theme_menu = self.view_menu.addMenu(self.tr("&Theme"))
        self.themes = QActionGroup(self)
        current = window.themes.choice if window.themes else "system"
        for key, text in (
            ("light", self.tr("&Light")),
            ("dark", self.tr("&Dark")),
            ("system", self.tr("Follow the &system")),
        ):
            action = self._action(text, None, lambda _checked=False, key=key: self._set_theme(key))
            action.setCheckable(True)
            action.setChecked(key == current)
            self.themes.addAction(action)
            theme_menu.addAction(action)
        language_menu = self.view_menu.addMenu(self.tr("&Language"))
        self.languages = QActionGroup(self)
        chosen = window.services.settings.settings.language
        for key, text in (
            ("en", "English"),
            ("zh_CN", "简体中文"),
            ("system", self.tr("Follow the system")),
        ):
            action = self._action(
                text, None, lambda _checked=False, key=key: self._set_language(key)
            )
            action.setCheckable(True)
            action.setChecked(key == chosen)
            self.languages.addAction(action)
            language_menu.addAction(action)

        self.view_menu.addSeparator()
        self.filter_timeline = self._action(
            self.tr("&Filter the timeline…"), "Ctrl+Shift+L", window.timeline.filter.showMenu
        )
        self.show_everything = self._action(
            self.tr("Show &every event"), None, window.timeline.clear_filter
        )
        self.view_menu.addActions([self.filter_timeline, self.show_everything])
        self.view_menu.addSeparator()
        self.diagnostics = self._action(
            self.tr("&Diagnostics"), "Ctrl+Shift+D", window.show_diagnostics
        )
        self.view_menu.addAction(self.diagnostics)
        self.view_menu.addSeparator()
        self.approvals_queue = self._action(
            self.tr("&Approvals queue"), "Alt+5", window.approvals.focus_queue
        )
        self.authority_map = self._action(
            self.tr("Authority &map…"), "Ctrl+Alt+M", window.show_policy
        )
        self.command_palette = self._action(
            self.tr("&Command palette…"), "Ctrl+Shift+P", window.show_palette
        )
        self.view_menu.addActions(
            [self.approvals_queue, window.outbox_action, self.authority_map, self.command_palette]
        )

        self.go_menu = bar.addMenu(self.tr("&Go"))
        self.next_case = self._action(
            self.tr("&Next case"), "Ctrl+Down", lambda: window.queue.step(1)
        )
        self.previous_case = self._action(
            self.tr("&Previous case"), "Ctrl+Up", lambda: window.queue.step(-1)
        )
        self.search_all = self._action(self.tr("Search &all cases…"), "Ctrl+K", window.show_search)
        self.focus_search = self._action(
            self.tr("&Search the queue"), QKeySequence.StandardKey.Find, window.queue.focus_search
        )
        self.focus_queue = self._action(self.tr("Go to the &queue"), "Alt+1", window.focus_queue)
        self.focus_timeline = self._action(
            self.tr("Go to the &timeline"), "Alt+2", window.focus_timeline
        )
        self.focus_panel = self._action(
            self.tr("Go to the &customer and proposal"), "Alt+3", window.focus_panel
        )
        self.focus_proposal = self._action(
            self.tr("Go to the &proposal"), "Alt+4", window.focus_proposal
        )
        self.replan = self._action(self.tr("&Re-plan this case"), "Ctrl+R", window.replan)
        self.find_in_case = self._action(
            self.tr("F&ind in this case"), "Ctrl+Shift+F", window.timeline.focus_find
        )
        self.next_match = self._action(
            self.tr("Ne&xt match"),
            QKeySequence.StandardKey.FindNext,
            lambda: window.timeline.step_match(1),
        )
        self.previous_match = self._action(
            self.tr("Pre&vious match"),
            QKeySequence.StandardKey.FindPrevious,
            lambda: window.timeline.step_match(-1),
        )
        self.go_menu.addActions([self.next_case, self.previous_case])
        self.go_menu.addSeparator()
        self.go_menu.addAction(self.search_all)
        self.go_menu.addSeparator()
        self.go_menu.addAction(self.replan)
        self.go_menu.addSeparator()
        self.go_menu.addActions([self.find_in_case, self.next_match, self.previous_match])
        self.go_menu.addSeparator()
        self.go_menu.addActions(
            [
                self.focus_search,
                self.focus_queue,
                self.focus_timeline,
                self.focus_panel,
                self.focus_proposal,
            ]
        )

        # Those who may pause the AI (the stop button's menu).
        bar.addMenu(window.stop.menu)

        # Shown to those who may play scenarios: trainers, in the sandbox.
        self.training_menu = bar.addMenu(self.tr("&Training"))
        self.play_scenario = self._action(
            self.tr("&Play scenario file…"), "Ctrl+Alt+P", self._play_scenario
        )
        self.pause_scenario = self._action(
            self.tr("P&ause the scenario"), None, lambda: self._scenario("pause")
        )
        self.resume_scenario = self._action(
            self.tr("&Resume the scenario"), None, lambda: self._scenario("resume")
        )
        self.stop_scenario = self._action(
            self.tr("&Stop the scenario"), None, lambda: self._scenario("stop")
        )
        self.training_menu.addAction(self.play_scenario)
        self.training_menu.addSeparator()
        self.training_menu.addActions(
            [self.pause_scenario, self.resume_scenario, self.stop_scenario]
        )
        self.scenario_state(playing=False, paused=False)

        self.help_menu = bar.addMenu(self.tr("&Help"))
        self.shortcuts = self._action(self.tr("&Keyboard shortcuts"), "F1", self._show_shortcuts)
        self.about = self._action(self.tr("&About Tandem"), None, self._show_about)
        self.help_menu.addActions([self.shortcuts, self.diagnostics, self.about])
        self.apply_role()

    def apply_role(self) -> None:
        """Show the Training menu to those who may play scenarios."""
        # Play stays enabled (a hidden QAction is disabled too): its handler refuses others.
        playing = may(self._window.services, Capability.PLAY_SCENARIOS)
        self.training_menu.menuAction().setVisible(playing)

    def _action(
        self, text: str, shortcut: str | QKeySequence.StandardKey | None, slot: object
    ) -> QAction:
        action = QAction(text, self._window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self._window.addAction(action)  # shortcuts work even while the menu bar is hidden
        return action

    def shortcut_list(self) -> list[tuple[str, str]]:
        """(action, key) pairs for the shortcuts dialog: the menus' in menu order, then the
        proposal panel's decision controls."""
        controls = getattr(self._window.proposal, "control_actions", lambda: [])
        pairs = []
        seen: set[int] = set()
        for action in [*self._window.actions(), *controls()]:
            if id(action) in seen or not action.isVisible():
                continue
            seen.add(id(action))
            if not action.shortcut().isEmpty():
                name = _ACCELERATOR.sub("", action.text()).replace("&", "").rstrip("…")
                keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                pairs.append((name, keys))
        return pairs

    # --- handlers -------------------------------------------------------------------------
    def _import(self) -> None:
        from console.ui.import_export import choose_and_import

        choose_and_import(self._window)

    def _export(self) -> None:
        from console.ui.import_export import choose_and_export

        choose_and_export(self._window)

    def _play_scenario(self) -> None:
        if not may(self._window.services, Capability.PLAY_SCENARIOS):
            text = self.tr("Only trainers, in the sandbox, may play scenarios.")
            self._window.status.on_message(UserMessage(Level.WARNING, text))
            return
        from console.ui import scenario_player

        scenario_player.choose_and_play(self._window)

    def _scenario(self, command: str) -> None:
        from console.ui import scenario_player

        getattr(scenario_player, command)(self._window)

    def scenario_state(self, *, playing: bool, paused: bool) -> None:
        """Enable the Training actions that make sense now."""
        self.play_scenario.setEnabled(not playing)
        self.pause_scenario.setEnabled(playing and not paused)
        self.resume_scenario.setEnabled(playing and paused)
        self.stop_scenario.setEnabled(playing)

    def _set_theme(self, key: str) -> None:
        self._window.services.settings.update(theme=key)
        if self._window.themes is not None:
            self._window.themes.apply(key)  # type: ignore[arg-type]
        self._window.queue.view.viewport().update()
        self._window.timeline.view.viewport().update()

    def _set_language(self, key: str) -> None:
        self._window.services.settings.update(language=key)
        self._window.language_chosen.emit(key)

    def _show_shortcuts(self) -> None:
        from console.ui.help_dialogs import ShortcutsDialog

        ShortcutsDialog(self.shortcut_list(), self._window).open()

    def _show_about(self) -> None:
        from console.ui.help_dialogs import show_about

        show_about(self._window)
