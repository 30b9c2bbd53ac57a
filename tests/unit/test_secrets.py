"""Secrets: the OS keyring when there is one, memory for the session when there is none."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail, null
from keyring.errors import KeyringError, PasswordDeleteError

from console.connectors.secrets import (
    SERVICE,
    SecretStore,
    SecretStoreError,
    SessionSecrets,
    open_secrets,
)

KEY = "sk-test-Zq8v3LmN0pRt"


class MemoryKeyring(KeyringBackend):
    """A faithful in-memory keyring backend: the interface keyring's real backends offer."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        try:
            del self.passwords[(service, username)]
        except KeyError:
            raise PasswordDeleteError("not found") from None


class BrokenKeyring(MemoryKeyring):
    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringError("locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringError(f"cannot store {password}")


@pytest.fixture
def backend() -> Iterator[MemoryKeyring]:
    original = keyring.get_keyring()
    fake = MemoryKeyring()
    keyring.set_keyring(fake)
    try:
        yield fake
    finally:
        keyring.set_keyring(original)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    original = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        yield
    finally:
        keyring.set_keyring(original)


def test_set_get_delete_in_the_keyring(backend: MemoryKeyring) -> None:
    store = SecretStore()
    assert store.available
    assert store.persistent
    assert store.get("llm-api-key") is None
    store.set("llm-api-key", KEY)
    assert backend.passwords == {(SERVICE, "llm-api-key"): KEY}
    assert store.get("llm-api-key") == KEY
    assert store.delete("llm-api-key") is True
    assert store.get("llm-api-key") is None
    assert store.delete("llm-api-key") is False
    assert KEY not in repr(store)


def test_empty_secret_is_refused(backend: MemoryKeyring) -> None:
    with pytest.raises(ValueError, match="empty"):
        SecretStore().set("llm-api-key", "")
    assert backend.passwords == {}


def test_fail_and_null_keyrings_are_not_available(no_keyring: None) -> None:
    assert not SecretStore().available
    assert isinstance(open_secrets(), SessionSecrets)
    keyring.set_keyring(null.Keyring())
    assert not SecretStore().available


def test_backend_errors_are_reported_without_the_secret() -> None:
    original = keyring.get_keyring()
    keyring.set_keyring(BrokenKeyring())
    try:
        store = SecretStore()
        with pytest.raises(SecretStoreError) as info:
            store.set("llm-api-key", KEY)
        assert KEY not in str(info.value)
        with pytest.raises(SecretStoreError):
            store.get("llm-api-key")
    finally:
        keyring.set_keyring(original)


def test_session_secrets_are_memory_only(
    no_keyring: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    secrets = open_secrets()
    assert not secrets.persistent
    assert "session" in secrets.description
    secrets.set("llm-api-key", KEY)
    assert secrets.get("llm-api-key") == KEY
    assert KEY not in repr(secrets)
    assert SessionSecrets().get("llm-api-key") is None  # another process's view: nothing
    assert secrets.delete("llm-api-key") is True
    assert secrets.get("llm-api-key") is None
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []
