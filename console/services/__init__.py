"""Use cases, without Qt. The UI, the CLI and the tests drive Tandem through these."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from console.store import Store

from .bus import EventBus
from .casefiles import CaseFileService
from .cases import CaseService
from .seeding import DemoService
from .settings import SettingsService


@dataclass
class Services:
    """Every service of one open data folder, wired to one store and one event bus."""

    data_dir: Path
    store: Store
    bus: EventBus
    cases: CaseService
    casefiles: CaseFileService
    demo: DemoService
    settings: SettingsService

    @classmethod
    def create(cls, data_dir: Path, store: Store, bus: EventBus) -> Services:
        return cls(
            data_dir=data_dir,
            store=store,
            bus=bus,
            cases=CaseService(store, bus),
            casefiles=CaseFileService(store, bus),
            demo=DemoService(store, bus),
            settings=SettingsService(data_dir / "settings.json", bus),
        )

    def close(self) -> None:
        self.store.close()
