"""Write-back as people see it: each approved step's execution, the destinations' breakers
and queues, the unknown-outcome queue, and retry / cancel / settle — plus starting and
stopping the dispatcher thread for this data folder.

The dispatcher runs in a process of its own (:mod:`.dispatch_process`); what it does
reaches the bus through the store (:class:`~.dispatch_process.OutboxWatch`).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from console.domain.kinds import ExecutionState
from console.store import Store, outbox

from .bus import EventBus
from .dispatcher import (
    BreakerView,
    Dispatcher,
    DispatchSettings,
    ExecutionsChanged,
    cancel_execution,
    retry_execution,
    settle_unknown,
)
from .roles import Principal

__all__ = ["WritebackService", "WritebackStatus"]

log = logging.getLogger(__name__)
LOCK_NAME = "dispatcher.lock"


@dataclass(frozen=True)
class WritebackStatus:
    running: bool
    detail: str  # why not, when not running


def build_dispatcher(
    store: Store,
    data_dir: Path,
    base_urls: Mapping[str, str],
    config_dir: Path | None,
    secrets: Any,
    *,
    policies: Any,
    controls: Any,
    sandbox: bool,
    settings: DispatchSettings,
    warn: Callable[[str], None] | None = None,
) -> tuple[Dispatcher, Callable[[], Awaitable[None]]]:
    """A dispatcher for ``data_dir`` with its connectors and the audit checkpoints' shipper
    (on the loop that will run it), and how to close what it opened."""
    from console.connectors.http import make_client
    from console.connectors.registry import connectors_for, routes
    from console.connectors.secrets import SessionSecrets

    from .audit import AuditService
    from .checkpoints import SINK_PATH, CheckpointShipper

    connectors = connectors_for(config_dir, base_urls, secrets)
    sink = base_urls.get("audit")
    sink_client = make_client() if sink else None
    auditing = AuditService(store, data_dir, secrets or SessionSecrets())
    shipper = CheckpointShipper(
        store,
        auditing.signer,
        every=auditing.every,
        client=sink_client,
        sink_url=f"{sink.rstrip('/')}{SINK_PATH}" if sink else None,
        source=data_dir.name,
        warn=warn,
    )
    dispatcher = Dispatcher(
        store,
        routes(connectors),
        policies=policies,
        controls=controls,
        settings=settings,
        sandbox=sandbox,
        housekeeping=shipper.run_once,
    )

    async def close() -> None:
        await connectors.aclose()
        if sink_client is not None:
            await sink_client.aclose()

    return dispatcher, close


CONNECTORS_DIR = "connectors"


def connector_dir(data_dir: Path) -> Path | None:
    """The data folder's own connector files, if it has them (else: the shipped ones)."""
    folder = data_dir / CONNECTORS_DIR
    return folder if folder.is_dir() else None


class WritebackService:
    def __init__(
        self,
        store: Store,
        bus: EventBus,
        data_dir: Path,
        *,
        controls: Any = None,
        policies: Any = None,
        sandbox: bool = False,
    ) -> None:
        self._store = store
        self._bus = bus
        self._data_dir = data_dir
        self._controls = controls
        self._policies = policies
        self._sandbox = sandbox
        self._process: Any = None  # a DispatcherProcess
        self._watch: Any = None  # an OutboxWatch following the process's work
        self._secrets: Any = None  # the keyring, or this session's memory
        self.status = WritebackStatus(False, "Write-back has not started.")
        self.settings = DispatchSettings()

    # -- the dispatcher thread ----------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._process is not None

    @property
    def pid(self) -> int | None:
        """The write-back process's id while it runs."""
        return None if self._process is None else int(self._process.pid)

    async def start(
        self, base_urls: Mapping[str, str], config_dir: Path | None = None, *, secrets: Any = None
    ) -> None:
        """Start sending this data folder's approved actions, from a process of its own
        (idempotent). Raises :class:`~console.services.dispatcher.DispatcherBusy` when
        another Tandem sends them, RuntimeError when it cannot start."""
        if self.running:
            return
        from .dispatch_process import DispatcherProcess, OutboxWatch, warn_on

        config: dict[str, Any] = {
            "base_urls": dict(base_urls),
            "config_dir": None if config_dir is None else str(config_dir),
            "sandbox": self._sandbox,
        }
        if secrets is not None and not getattr(secrets, "persistent", True):
            # No keyring service: the session's secrets go to the child through its
            # standard input, never on disk, the command line or the environment.
            config["secrets"] = {name: secrets.get(name) for name in secrets.names()}
        try:
            process = await DispatcherProcess.start(
                self._data_dir, config, on_warning=warn_on(self._bus, asyncio.get_running_loop())
            )
        except Exception as exc:
            self.status = WritebackStatus(False, f"Write-back could not start: {exc}")
            raise
        self._process = process
        self._watch = OutboxWatch(self._store, self._bus)
        self._watch.start()
        self.status = WritebackStatus(True, "")
        log.info("write-back started (process %d)", process.pid)

    async def start_own(self, ask: Callable[[str, str], Awaitable[str | None]]) -> str | None:
        """Send approved actions to the systems configured in ``<data folder>/connectors/``
        (outside the sandbox). A credential missing from the OS keyring is asked for with
        ``ask(name, why)`` when there is no keyring service — kept in memory for this
        session only, never written anywhere. Returns why write-back did not start, or None.
        """
        from console.connectors.registry import needed_secrets
        from console.connectors.rest_config import ConnectorConfigError
        from console.connectors.secrets import open_secrets

        from .dispatcher import DispatcherBusy

        folder = connector_dir(self._data_dir)
        if folder is None or self.running:
            return None
        try:
            needed = needed_secrets(folder)
        except ConnectorConfigError as exc:
            return f"The connector files cannot be used: {exc}"
        if self._secrets is None:
            self._secrets = await asyncio.to_thread(open_secrets)
        secrets = self._secrets
        for name, destinations in sorted(needed.items()):
            if await asyncio.to_thread(secrets.get, name):
                continue
            if secrets.persistent:
                return (
                    f"{name} (for {', '.join(destinations)}) is not in the OS keyring: store "
                    f"it with 'tandem secret set {name}'. Approved actions wait until then."
                )
            why = (
                f"{', '.join(destinations)} needs {name}. This machine has no keyring "
                "service, so Tandem keeps it in memory for this session only and never "
                "writes it to disk."
            )
            value = await ask(name, why)
            if not value:
                return f"No {name} given: approved actions for {', '.join(destinations)} wait."
            secrets.set(name, value)
        try:
            await self.start({}, folder, secrets=secrets)
        except (DispatcherBusy, ConnectorConfigError, RuntimeError) as exc:
            return str(exc)
        return None

    def wake(self) -> None:
        """New approved actions: send them now."""
        if self._process is not None:
            self._process.wake()

    def stop(self) -> None:
        """Stop sending (blocks until the dispatcher has finished its batch in hand)."""
        process, self._process = self._process, None
        watch, self._watch = self._watch, None
        if watch is not None:
            # stop() may be called from any thread: the console stops write-back from a
            # worker thread, as joining the process blocks.
            watch.cancel_soon()
        if process is not None:
            process.stop()
            self.status = WritebackStatus(False, "Write-back stopped.")

    # -- what people see -----------------------------------------------------------------------

    async def executions(self, case_id: str) -> list[outbox.OutboxRow]:
        return await self._store.read(lambda conn: outbox.rows_for_case(conn, case_id))

    async def unknown_outcomes(self) -> list[outbox.OutboxRow]:
        return await self._store.read(
            lambda conn: outbox.rows_in_state(conn, [ExecutionState.UNKNOWN_OUTCOME])
        )

    async def failed(self) -> list[outbox.OutboxRow]:
        return await self._store.read(
            lambda conn: outbox.rows_in_state(conn, [ExecutionState.REJECTED])
        )

    async def destinations(self) -> list[BreakerView]:
        """Every destination with something queued or a breaker, with its state."""

        def load(conn: Any) -> list[BreakerView]:
            counts = outbox.queue_counts(conn)
            breakers = outbox.breakers(conn)
            out = []
            for destination in sorted(set(counts) | set(breakers)):
                if destination == "tandem":
                    continue
                breaker = breakers.get(destination)
                queued = counts.get(destination, {})
                out.append(
                    BreakerView(
                        destination,
                        breaker.state if breaker else "closed",
                        breaker.failures if breaker else 0,
                        datetime.fromisoformat(breaker.opened_at)
                        if breaker and breaker.opened_at
                        else None,
                        queued.get("pending", 0) + queued.get("sending", 0),
                    )
                )
            return out

        return await self._store.read(load)

    # -- what people do ---------------------------------------------------------------------------

    async def retry(self, execution_id: str, by: Principal) -> bool:
        done = await retry_execution(self._store, execution_id, by, sandbox=self._sandbox)
        self._changed(execution_id)
        self.wake()
        return done

    async def cancel(self, execution_id: str, by: Principal) -> bool:
        done = await cancel_execution(self._store, execution_id, by, sandbox=self._sandbox)
        self._changed(execution_id)
        return done

    async def settle(self, execution_id: str, by: Principal, *, done: bool) -> bool:
        changed = await settle_unknown(
            self._store, execution_id, by, done=done, sandbox=self._sandbox
        )
        self._changed(execution_id)
        return changed

    def _changed(self, execution_id: str) -> None:
        row = outbox.get(self._store.reader(), execution_id)
        if row is not None:
            self._bus.publish(ExecutionsChanged((row.case_id,)))
