"""``tandem secret``: the remote systems' credentials go to the OS keyring and nowhere else;
with no keyring service nothing is written and the console asks each session instead."""

from __future__ import annotations

from pathlib import Path

import pytest

from console.cli import main
from console.connectors.secrets import SERVICE
from tests.unit.test_llm_config import _files_containing, _stdin, backend, no_keyring
from tests.unit.test_secrets import MemoryKeyring

__all__ = ["backend", "no_keyring"]  # fixtures, used by name

SECRET = "sk_live_Zz9yXx8wVv7uTt6s"
STRIPE = """\
version: 1
kind: stripe
destination: payments
base_url: https://api.stripe.com
auth: {type: bearer, secret: stripe-api-key}
"""


@pytest.fixture
def data_dir_with_connector(data_dir: Path) -> Path:
    folder = data_dir / "connectors"
    folder.mkdir(parents=True)
    (folder / "payments.yaml").write_text(STRIPE, encoding="utf-8")
    return data_dir


def test_a_secret_goes_to_the_keyring_only(
    backend: MemoryKeyring,
    data_dir_with_connector: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = data_dir_with_connector
    assert main(["--data-dir", str(folder), "secret", "status"]) == 0
    assert "stripe-api-key: NOT stored (used by payments)" in capsys.readouterr().out
    _stdin(monkeypatch, SECRET + "\n")
    assert main(["--data-dir", str(folder), "secret", "set", "stripe-api-key"]) == 0
    assert backend.get_password(SERVICE, "stripe-api-key") == SECRET
    assert main(["--data-dir", str(folder), "secret", "status"]) == 0
    out = capsys.readouterr().out
    assert "stripe-api-key: stored" in out
    assert SECRET not in out
    assert _files_containing(folder, SECRET) == []
    assert main(["--data-dir", str(folder), "secret", "clear", "stripe-api-key"]) == 0
    assert backend.get_password(SERVICE, "stripe-api-key") is None


def test_without_a_keyring_nothing_is_written_and_the_reason_is_given(
    no_keyring: None,
    data_dir_with_connector: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = data_dir_with_connector
    _stdin(monkeypatch, SECRET + "\n")
    assert main(["--data-dir", str(folder), "secret", "set", "stripe-api-key"]) == 1
    err = capsys.readouterr().err
    assert "never writes secrets in plain text" in err
    assert "once per session" in err
    assert _files_containing(folder, SECRET) == []
    assert main(["--data-dir", str(folder), "secret", "status"]) == 0
    assert "asked for each session" in capsys.readouterr().out
