"""Composition root: where files live, logging, and wiring the services together."""

from __future__ import annotations

import asyncio
import logging
import logging.handlers
import os
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from console.background import idle_class, lower_priority
from console.services import Services
from console.services.bus import EventBus, FeedStatus, Level
from console.store import Store

if TYPE_CHECKING:
    from console.ai.planner import Planner
    from console.connectors.secrets import Secrets
    from console.services.ingest import EventFeed
    from console.services.live import FeedSource
    from console.services.settings import Settings, SettingsService

APP_NAME = "tandem"
DATA_DIR_ENV = "TANDEM_DATA_DIR"
DB_NAME = "tandem.sqlite3"
SETTINGS_NAME = "settings.json"
LLM_KEY_NAME = "llm-api-key"  # the language model's API key, in the OS keyring
LLM_KEY_ENV = "TANDEM_LLM_API_KEY"  # a key for this session only; wins over the keyring

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Paths:
    """Every file Tandem writes lives under one of these folders."""

    data_dir: Path
    log_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / DB_NAME

    @property
    def log_file(self) -> Path:
        return self.log_dir / "tandem.log"

    @classmethod
    def resolve(cls, data_dir: Path | str | None = None) -> Paths:
        """``data_dir`` if given, else ``$TANDEM_DATA_DIR``, else the platform's folders.

        With an explicit folder (the switch or the variable) everything, logs included,
        goes under it; tests and demos rely on that.
        """
        chosen = data_dir or os.environ.get(DATA_DIR_ENV)
        if chosen:
            root = Path(chosen).expanduser().resolve()
            return cls(root, root / "logs")
        import platformdirs

        return cls(
            platformdirs.user_data_path(APP_NAME, appauthor=False),
            platformdirs.user_log_path(APP_NAME, appauthor=False),
        )


_configured_log_file: Path | None = None


def configure_logging(paths: Paths, level: int = logging.INFO) -> None:
    """A rotating log file in the log folder (once per process and file)."""
    global _configured_log_file
    if _configured_log_file == paths.log_file:
        return
    paths.log_dir.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        paths.log_file, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)-7s %(name)s: %(message)s"))
    root = logging.getLogger()
    if _configured_log_file is not None:
        for old in [h for h in root.handlers if getattr(h, "_tandem", False)]:
            root.removeHandler(old)
            old.close()
    handler._tandem = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    logging.getLogger("httpx").setLevel(logging.WARNING)  # not a line per request
    _configured_log_file = paths.log_file


def open_services(
    data_dir: Path | str | None = None, *, sandbox: bool = False, background: bool = False
) -> Services:
    """Open the data folder's store and wire every service to it.

    With ``sandbox``, live events come from the sandbox remote systems, which the console
    starts on loopback once its window is up. ``background`` is for the write-back process:
    its writes wait for the console's (see :class:`console.store.db.WriterPriority`).

    Raises :class:`console.domain.errors.StoreError` (with a message for the user) when the
    store cannot be used; the file is then left untouched.
    """
    paths = Paths.resolve(data_dir)
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    configure_logging(paths)
    store = Store.open(paths.database, background=background)
    log.info("opened %s", paths.database)
    bus = EventBus()
    services: Services

    async def sandbox_up(base_url: str) -> None:
        # The bundled sandbox stands in for every remote system: approved actions go there.
        from console.connectors.registry import sandbox_base_urls
        from console.services.dispatcher import DispatcherBusy

        try:
            urls = {**sandbox_base_urls(base_url), "audit": f"{base_url}/audit"}
            await services.writeback.start(urls, secrets=secret_store())
        except (DispatcherBusy, RuntimeError) as exc:
            bus.tell(Level.WARNING, str(exc))

    def sandbox_down() -> None:
        if "writeback" in vars(services):
            services.writeback.stop()

    source = (
        sandbox_source(paths.data_dir, bus, on_started=sandbox_up, on_stopping=sandbox_down)
        if sandbox
        else None
    )

    def planner_factory() -> Planner:
        # Runs when planning is first used, long after the first frame: the settings of
        # that moment, the keyring, and console.ai are read only then.
        return build_planner(services.settings.settings)

    services = Services(
        paths.data_dir, store, bus, source, planner_factory=planner_factory, sandbox=sandbox
    )
    return services


def open_settings(data_dir: Path | str | None = None) -> SettingsService:
    """The data folder's settings alone, without opening the store (for the CLI)."""
    from console.services.settings import SettingsService

    paths = Paths.resolve(data_dir)
    return SettingsService(paths.data_dir / SETTINGS_NAME, EventBus())


_session_secrets: Secrets | None = None


def secret_store() -> Secrets:
    """The OS keyring, or (with no keyring service) one in-memory store for this process."""
    global _session_secrets
    from console.connectors.secrets import SecretStore, SessionSecrets

    store = SecretStore()
    if store.available:
        return store
    if _session_secrets is None:
        _session_secrets = SessionSecrets()
    return _session_secrets


def llm_api_key(secrets: Secrets | None = None) -> str | None:
    """$TANDEM_LLM_API_KEY if set (this session only), else the key in the keyring.

    A keyring that fails is logged (never the key) and treated as holding no key.
    """
    from_env = os.environ.get(LLM_KEY_ENV, "").strip()
    if from_env:
        return from_env
    from console.connectors.secrets import SecretStoreError

    try:
        return (secrets or secret_store()).get(LLM_KEY_NAME)
    except SecretStoreError as exc:
        log.warning("language-model API key not read: %s", exc)
        return None


def build_planner(
    settings: Settings,
    *,
    secrets: Secrets | None = None,
    base_url: str | None = None,
    model: str | None = None,
    kind: str | None = None,
) -> Planner:
    """The planner the settings ask for; ``base_url``/``model``/``kind`` override them.

    "playbook": the built-in playbooks. "llm": a chat-completions model with the API key
    from $TANDEM_LLM_API_KEY or the keyring, and the playbooks as its visible fallback.
    Raises ``ValueError`` when "llm" has no URL or model.
    """
    from console.ai.playbooks import PlaybookPlanner

    kind = kind or settings.planner
    if kind == "playbook":
        return PlaybookPlanner()
    if kind != "llm":
        raise ValueError(f"unknown planner {kind!r}")
    url = base_url or settings.llm_base_url
    name = model or settings.llm_model
    if not url or not name:
        raise ValueError(
            "the language-model planner needs a URL and a model: "
            "run 'tandem llm configure --url URL --model M'"
        )
    from console.ai.llm import LlmPlanner

    key = llm_api_key(secrets)
    log.info("planner: language model %s at %s (API key %s)", name, url,
             "set" if key else "not set")  # fmt: skip
    return LlmPlanner(url, name, api_key=key, fallback=PlaybookPlanner())


SANDBOX_FEED = "sandbox"


def sandbox_source(
    data_dir: Path,
    bus: EventBus,
    *,
    demo_cases: int = 120,
    seed: int = 1,
    on_started: Callable[[str], Awaitable[None]] | None = None,
    on_stopping: Callable[[], None] | None = None,
) -> FeedSource:
    """Live events from the sandbox remote systems, started on loopback when opened.

    The sandbox is seeded with the same demo cases as ``tandem demo`` (same count and seed),
    so the orders, payments and tickets its events name exist in the console's store.
    """
    running: dict[str, Any] = {}

    async def open_feeds() -> list[EventFeed]:
        import httpx

        from console.connectors.feeds import SseFeed
        from console.sandbox import process

        sandbox = await asyncio.to_thread(process.start, data_dir, demo_cases=demo_cases, seed=seed)
        # trust_env=False: loopback must never go through a proxy from the environment.
        client = httpx.AsyncClient(base_url=sandbox.base_url, timeout=10.0, trust_env=False)
        running.update(sandbox=sandbox, client=client)
        log.info("sandbox running at %s (pid %d)", sandbox.base_url, sandbox.pid)
        if on_started is not None:
            await on_started(sandbox.base_url)

        def status(state: str, detail: str) -> None:
            bus.publish(FeedStatus(SANDBOX_FEED, state, detail))

        return [
            SseFeed(
                SANDBOX_FEED,
                client,
                stream_url="/events/v1/stream",
                poll_url="/events/v1/events",
                on_status=status,
            )
        ]

    async def close_feeds() -> None:
        if on_stopping is not None:
            await asyncio.to_thread(on_stopping)  # joins the dispatcher thread
        client = running.pop("client", None)
        if client is not None:
            await client.aclose()
        sandbox = running.pop("sandbox", None)
        if sandbox is not None:
            await asyncio.to_thread(sandbox.stop)

    from console.services.live import FeedSource

    return FeedSource(open_feeds, close_feeds)


DISPATCHER_NICENESS = 10


def run_dispatcher(data_dir: Path | str | None) -> int:
    """``tandem dispatch``: send this data folder's approved actions until standard input
    ends (the console's handle on it; see console/services/dispatch_process.py)."""
    import json
    import sys
    import threading

    from filelock import FileLock, Timeout

    from console.services.dispatcher import DispatchSettings
    from console.services.writeback import LOCK_NAME, build_dispatcher

    config = json.loads(sys.stdin.readline() or "{}")
    # Background work: when the machine is busy, the console the agent is typing in gets
    # the processor first (console/background.py).
    lower_priority(DISPATCHER_NICENESS)
    paths = Paths.resolve(data_dir)
    lock = FileLock(str(paths.data_dir / LOCK_NAME))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        print(
            "busy Another Tandem is already sending this data folder's actions; this one "
            "will not send them too.",
            flush=True,
        )
        return 3
    try:
        services = open_services(
            paths.data_dir, sandbox=bool(config.get("sandbox")), background=True
        )
        services.sandbox = bool(config.get("sandbox"))
        secrets = secret_store()
        for name, value in (config.get("secrets") or {}).items():
            if value:
                secrets.set(name, value)
        folder = config.get("config_dir")

        async def main() -> int:
            from console.connectors.rest_config import ConnectorConfigError
            from console.domain.errors import TandemError

            loop = asyncio.get_running_loop()
            stop = asyncio.Event()
            try:
                dispatcher, close = build_dispatcher(
                    services.store,
                    paths.data_dir,
                    config.get("base_urls") or {},
                    Path(folder) if folder else None,
                    secrets,
                    policies=services.policies,
                    controls=services.controls,
                    sandbox=services.sandbox,
                    settings=DispatchSettings(),
                    warn=lambda text: print(f"warn {text}", flush=True),
                )
            except (ConnectorConfigError, TandemError, OSError) as exc:
                print("fail " + " ".join(str(exc).split()), flush=True)  # one line
                return 2

            def listen() -> None:  # "wake" lines; the end of input means: stop
                for line in sys.stdin:
                    if line.strip() == "wake":
                        loop.call_soon_threadsafe(dispatcher.wake)
                loop.call_soon_threadsafe(stop.set)

            threading.Thread(target=listen, name="dispatch-input", daemon=True).start()
            # The store's writer holds the database's write lock, which the console waits
            # for: it keeps the lowered niceness. The sending loop (and the threads it
            # starts from now on) yields the processor to the console at once.
            services.store.start()
            idle_class()
            print("ready", flush=True)
            try:
                await dispatcher.run(stop)
            finally:
                await close()
            return 0

        code = asyncio.run(main())
        services.close()
        return code
    finally:
        lock.release()
