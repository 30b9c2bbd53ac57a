"""Start the sandbox as a child process (``python -m console sandbox``), stop or kill it.

Used by the composition root in demo mode and by the integration tests, which kill and
restart it on the same data folder and port.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from pathlib import Path
from types import TracebackType

START_TIMEOUT_S = 15.0
STOP_TIMEOUT_S = 5.0


class SandboxError(RuntimeError):
    pass


class SandboxProcess:
    """A running sandbox: its ``base_url`` and ``pid``; ``stop()``/``kill()`` end it."""

    def __init__(self, popen: subprocess.Popen[bytes], host: str, port: int, folder: Path):
        self._popen = popen
        self.pid = popen.pid
        self.host, self.port, self.folder = host, port, folder
        self.base_url = f"http://{host}:{port}"

    @property
    def running(self) -> bool:
        return self._popen.poll() is None

    def stop(self, timeout: float = STOP_TIMEOUT_S) -> int:
        """SIGTERM, then SIGKILL if it has not ended within ``timeout``; the exit code."""
        if self._popen.poll() is None:
            self._popen.send_signal(signal.SIGTERM)
            try:
                self._popen.wait(timeout)
            except subprocess.TimeoutExpired:
                self._popen.kill()
                self._popen.wait()
        return self._popen.returncode

    def kill(self) -> int:
        """SIGKILL at once, as a crash would end it."""
        if self._popen.poll() is None:
            self._popen.kill()
        return self._popen.wait()

    def __enter__(self) -> SandboxProcess:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


def start(
    data_dir: Path,
    *,
    port: int = 0,
    host: str = "127.0.0.1",
    demo_cases: int = 120,
    seed: int = 1,
    key_lifetime_s: float | None = None,
    env: Mapping[str, str] | None = None,
    timeout: float = START_TIMEOUT_S,
) -> SandboxProcess:
    """Launch the sandbox on ``data_dir`` and wait until it answers its health check."""
    folder = data_dir / "sandbox"
    folder.mkdir(parents=True, exist_ok=True)
    port_file = folder / f"port.{os.getpid()}.{time.monotonic_ns()}"
    command = [
        *_tandem_command(),
        "--data-dir",
        str(data_dir),
        "sandbox",
        "--host",
        host,
        "--port",
        str(port),
        "--demo-cases",
        str(demo_cases),
        "--seed",
        str(seed),
        "--port-file",
        str(port_file),
        "--exit-with-parent",
        str(os.getpid()),
    ]
    if key_lifetime_s is not None:
        command += ["--key-lifetime", str(key_lifetime_s)]
    full_env = {**os.environ, **(env or {})}
    stderr = (folder / "sandbox.stderr").open("ab")
    try:
        popen = subprocess.Popen(
            command,
            env=full_env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
    finally:
        stderr.close()
    try:
        bound = _wait_ready(popen, port_file, host, timeout)
    except BaseException:
        popen.kill()
        popen.wait()
        raise
    finally:
        port_file.unlink(missing_ok=True)
    return SandboxProcess(popen, host, bound, data_dir)


def _tandem_command() -> list[str]:
    """How to run ``tandem`` again: the bundle's own executable when frozen."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "console"]


def _wait_ready(popen: subprocess.Popen[bytes], port_file: Path, host: str, timeout: float) -> int:
    deadline = time.monotonic() + timeout
    pause = 0.01
    bound: int | None = None
    while time.monotonic() < deadline:
        if popen.poll() is not None:
            raise SandboxError(f"the sandbox exited with code {popen.returncode} while starting")
        if bound is None and port_file.exists():
            text = port_file.read_text(encoding="utf-8").strip()
            bound = int(text) if text.isdigit() else None
        if bound is not None and _healthy(host, bound):
            return bound
        time.sleep(pause)  # bounded back-off while the child starts
        pause = min(pause * 1.5, 0.2)
    raise SandboxError(f"the sandbox did not become ready within {timeout:.0f} s")


_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback: no proxy


def _healthy(host: str, port: int) -> bool:
    try:
        with _DIRECT.open(f"http://{host}:{port}/_sandbox/health", timeout=2) as reply:
            return bool(reply.status == 200)
    except (OSError, urllib.error.URLError):
        return False
