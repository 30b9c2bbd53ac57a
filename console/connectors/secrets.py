"""Secrets (API keys) in the operating system's keyring, never in files.

:class:`SecretStore` keeps each secret under the service name ``tandem`` in whatever keyring
the platform offers (macOS Keychain, Windows Credential Locker, the Secret Service or
KWallet on Linux). Where there is none — a headless machine, a container — the keyring's
backend is the "fail" (or "null") keyring and :attr:`SecretStore.available` is False; the
caller then uses :class:`SessionSecrets`, which holds secrets in this process's memory
only and says so (``persistent`` is False). Nothing here ever writes a secret to disk, and
no message, log line or ``repr`` contains one.

``keyring`` is imported on first use: it probes the platform's backends, which costs time
the console's first frame cannot spare (docs/decisions/0004-fast-first-paint.md).
"""

from __future__ import annotations

import logging
from typing import Protocol

__all__ = [
    "SERVICE",
    "SecretStore",
    "SecretStoreError",
    "Secrets",
    "SessionSecrets",
    "open_secrets",
]

log = logging.getLogger(__name__)

SERVICE = "tandem"


class SecretStoreError(Exception):
    """The keyring could not be used; ``str()`` is fit for the user and holds no secret."""


class Secrets(Protocol):
    """Where secrets are kept: the OS keyring, or this process's memory."""

    @property
    def available(self) -> bool: ...

    @property
    def persistent(self) -> bool: ...

    @property
    def description(self) -> str: ...

    def get(self, name: str) -> str | None: ...

    def set(self, name: str, value: str) -> None: ...

    def delete(self, name: str) -> bool: ...


def _check(name: str, value: str | None = None) -> None:
    if not name or not isinstance(name, str):
        raise ValueError("a secret needs a name")
    if value is not None and (not isinstance(value, str) or not value):
        raise ValueError(f"the secret {name!r} cannot be empty")


class SecretStore:
    """Secrets in the OS keyring under ``service``; they outlive the process."""

    persistent = True

    def __init__(self, service: str = SERVICE) -> None:
        self.service = service

    def __repr__(self) -> str:
        return f"SecretStore(service={self.service!r})"

    @property
    def available(self) -> bool:
        """Whether a real keyring service is there (not the fail or null keyring)."""
        try:
            import keyring
            from keyring.backends import chainer, fail, null

            backend = keyring.get_keyring()
            if isinstance(backend, chainer.ChainerBackend):
                return any(not isinstance(b, fail.Keyring | null.Keyring) for b in backend.backends)
            return not isinstance(backend, fail.Keyring | null.Keyring)
        except Exception as exc:  # a broken backend must not break the console
            log.warning("the keyring could not be queried: %s", type(exc).__name__)
            return False

    @property
    def description(self) -> str:
        try:
            import keyring

            backend = keyring.get_keyring()
            return f"the OS keyring ({type(backend).__module__}.{type(backend).__name__})"
        except Exception:
            return "the OS keyring"

    def get(self, name: str) -> str | None:
        _check(name)
        import keyring
        from keyring.errors import KeyringError

        try:
            return keyring.get_password(self.service, name)
        except KeyringError as exc:
            raise SecretStoreError(_why("read", name, exc)) from None

    def set(self, name: str, value: str) -> None:
        _check(name, value)
        import keyring
        from keyring.errors import KeyringError

        try:
            keyring.set_password(self.service, name, value)
        except KeyringError as exc:
            raise SecretStoreError(_why("store", name, exc)) from None

    def delete(self, name: str) -> bool:
        """Remove the secret; False when none was stored."""
        _check(name)
        import keyring
        from keyring.errors import KeyringError, PasswordDeleteError

        try:
            if keyring.get_password(self.service, name) is None:
                return False
            keyring.delete_password(self.service, name)
        except PasswordDeleteError:
            return False
        except KeyringError as exc:
            raise SecretStoreError(_why("delete", name, exc)) from None
        return True


def _why(verb: str, name: str, exc: Exception) -> str:
    # The exception's text comes from the backend; only its type is shown, never values.
    return f"the keyring could not {verb} {name!r} ({type(exc).__name__})"


class SessionSecrets:
    """Secrets in this process's memory only, for machines without a keyring service.

    ``set`` keeps the secret until the process ends; it is never written anywhere.
    """

    available = True
    persistent = False
    description = "this session's memory only (no keyring service; nothing is saved)"

    def __init__(self) -> None:
        self._values: dict[str, str] = {}

    def __repr__(self) -> str:  # never shows the values
        return f"SessionSecrets(names={sorted(self._values)!r})"

    def get(self, name: str) -> str | None:
        _check(name)
        return self._values.get(name)

    def set(self, name: str, value: str) -> None:
        """Keep ``value`` for this process only; it is lost when Tandem exits."""
        _check(name, value)
        self._values[name] = value

    def delete(self, name: str) -> bool:
        _check(name)
        return self._values.pop(name, None) is not None

    def names(self) -> list[str]:
        """The names held (to hand this session's secrets to a child process)."""
        return sorted(self._values)


def open_secrets(service: str = SERVICE) -> Secrets:
    """The OS keyring when there is one, else an in-memory store for this session."""
    store = SecretStore(service)
    if store.available:
        return store
    log.info("no keyring service: secrets are kept for this session only")
    return SessionSecrets()
