"""Use cases, without Qt. The UI, the CLI and the tests drive Tandem through these.

:class:`Services` builds each service on first use, so that opening the console imports
only what its first frame needs (see docs/decisions/0004-fast-first-paint.md).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from console.store import Store

from .bus import EventBus
from .cases import CaseService
from .diagnostics import DiagnosticsService
from .settings import SettingsService

if TYPE_CHECKING:
    from console.ai.planner import Planner

    from .casefiles import CaseFileService
    from .controls import ControlService
    from .decisions import DecisionService
    from .digest import DigestService
    from .ingest import IngestService
    from .live import FeedSource, LiveService
    from .planning import PlanningService
    from .policies import PolicyService
    from .profiles import ProfileService
    from .roles import Principal
    from .scenario import ScenarioPlayer
    from .seeding import DemoService
    from .writeback import WritebackService


class Services:
    """Every service of one open data folder, wired to one store and one event bus."""

    def __init__(
        self,
        data_dir: Path,
        store: Store,
        bus: EventBus,
        feed_source: FeedSource | None = None,
        planner: Planner | None = None,
        planner_factory: Callable[[], Planner] | None = None,
        *,
        sandbox: bool = False,
    ) -> None:
        self.data_dir = data_dir
        # Working against the bundled sandbox (demo and training): trainers may act there.
        self.sandbox = sandbox
        # The planner, or how to build it on first use (the composition root's factory reads
        # the settings and the keyring then); neither: the built-in playbook planner.
        self._planner = planner
        self._planner_factory = planner_factory
        self.store = store
        self.bus = bus
        self.feed_source = feed_source  # where live events come from; None: no live feeds
        self.cases = CaseService(store, bus)
        self.diagnostics = DiagnosticsService(store)
        self.settings = SettingsService(data_dir / "settings.json", bus)

    @cached_property
    def casefiles(self) -> CaseFileService:
        from .casefiles import CaseFileService

        return CaseFileService(self.store, self.bus)

    @cached_property
    def demo(self) -> DemoService:
        from .seeding import DemoService

        return DemoService(self.store, self.bus)

    @cached_property
    def digest(self) -> DigestService:
        from .digest import DigestService

        return DigestService(self.store)

    @cached_property
    def ingest(self) -> IngestService:
        from .ingest import IngestService

        return IngestService(self.store, self.bus)

    @cached_property
    def scenarios(self) -> ScenarioPlayer:
        from .scenario import ScenarioPlayer

        return ScenarioPlayer(self.store, self.ingest, self.bus, sandbox=self.sandbox)

    @cached_property
    def planning(self) -> PlanningService:
        from .planning import PlanningService

        planner = self._planner
        if planner is None and self._planner_factory is not None:
            planner = self._planner_factory()
        if planner is None:
            from console.ai.playbooks import PlaybookPlanner

            planner = PlaybookPlanner()
        return PlanningService(
            self.store, self.bus, planner, policies=self.policies, controls=self.controls
        )

    @cached_property
    def policies(self) -> PolicyService:
        from .policies import PolicyService

        return PolicyService(self.store, self.bus, sandbox=self.sandbox)

    @cached_property
    def controls(self) -> ControlService:
        from .controls import ControlService

        return ControlService(self.store, self.bus, sandbox=self.sandbox)

    @cached_property
    def decisions(self) -> DecisionService:
        from .decisions import DecisionService

        return DecisionService(
            self.store,
            self.bus,
            self.policies,
            self.controls,
            sandbox=self.sandbox,
            replan=lambda case_id: self.planning.replan(case_id),
            enqueued=lambda: self.writeback.wake() if "writeback" in vars(self) else None,
        )

    @cached_property
    def writeback(self) -> WritebackService:
        from .writeback import WritebackService

        return WritebackService(
            self.store,
            self.bus,
            self.data_dir,
            controls=self.controls,
            policies=self.policies,
            sandbox=self.sandbox,
        )

    @cached_property
    def profiles(self) -> ProfileService:
        from .profiles import PROFILES_FILE, ProfileService

        return ProfileService(self.data_dir / PROFILES_FILE, self.settings, self.store, self.bus)

    def principal(self) -> Principal:
        """The person at the keyboard: the signed-in local profile."""
        from .roles import Principal

        settings = self.settings.settings
        return Principal(settings.user_id, settings.user_name, settings.role)

    @cached_property
    def live(self) -> LiveService:
        from .live import LiveService

        return LiveService(self.ingest, self.bus, self.feed_source)

    def close(self) -> None:
        if "writeback" in vars(self):
            self.writeback.stop()
        self.store.close()
