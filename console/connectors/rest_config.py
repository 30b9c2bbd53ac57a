"""The connector configuration files: YAML, validated, with no secret in them.

One file per destination (``resources/connectors/*.yaml``, or an integrator's folder)::

    version: 1
    kind: rest                      # rest | stripe | zendesk
    destination: orders
    base_url: https://orders.example.com   # optional: else the app gives one
    auth: {type: bearer, secret: orders-api-token}   # the keyring entry's NAME
    idempotency_header: Idempotency-Key
    actions:
      reship:
        method: POST
        path: /v1/orders/{params.order_id}/reships
        body: {format: json, template: {items: "{params.items}", speed: "{params.speed}"}}
        success: {status: [201], remote_ref: id}
        lookup:                     # optional: how to tell whether it was done
          path: /v1/orders/{params.order_id}/reships
          items: data
          match: {metadata.tandem_key: "{key}"}
          remote_ref: id

A file that holds anything that looks like a literal credential is refused: credentials
live in the OS keyring and the file names them. Every error names the file and the field.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    field_validator,
    model_validator,
)

from console.domain.kinds import ActionKind

from .http import Auth

__all__ = [
    "ActionConfig",
    "AuthConfig",
    "BodyConfig",
    "ConnectorConfigError",
    "DestinationConfig",
    "LookupConfig",
    "SuccessConfig",
    "load_config",
    "load_configs",
]

SecretName = Annotated[str, StringConstraints(pattern=r"^[A-Za-z][A-Za-z0-9_.:\-]{0,79}$")]
HeaderName = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9\-]{0,79}$")]
Destination = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_\-]{0,39}$")]
Path_ = Annotated[str, StringConstraints(pattern=r"^/\S*$", max_length=500)]
DottedPath = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_\-]+(\.[A-Za-z0-9_\-]+)*$")]

# Headers whose value is a credential: they belong under ``auth``.
_CREDENTIAL_HEADERS = re.compile(
    r"^(authorization|proxy-authorization|cookie|.*(api-?key|token|secret|password|passwd).*)$",
    re.IGNORECASE,
)
# Keys whose literal value would be a credential.
_CREDENTIAL_KEYS = re.compile(
    r"^(password|passwd|token|api_?key|apikey|access_token|client_secret|secret_value|"
    r"private_key|bearer)$",
    re.IGNORECASE,
)
# Values that are credentials whatever key holds them.
_CREDENTIAL_VALUES = re.compile(
    r"(\b(sk|rk)_(live|test)_[A-Za-z0-9]{8,}|\bwhsec_[A-Za-z0-9]{8,}|\bgh[pousr]_[A-Za-z0-9]{20,}"
    r"|\bgithub_pat_\w{20,}|\bxox[abprs]-[A-Za-z0-9-]{10,}|\bAKIA[0-9A-Z]{16}\b"
    r"|\beyJ[\w-]{8,}\.[\w-]{8,}\.|^\s*(Bearer|Basic|Token)\s+\S{8,}"
    r"|-----BEGIN [A-Z ]*PRIVATE KEY-----|://[^/\s:@]+:[^/\s@]+@)",
)
_PLACEHOLDER_ONLY = re.compile(r"^\{[^{}]+\}$")


class ConnectorConfigError(ValueError):
    """A configuration file cannot be used; each line names the file and the field."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


class _Config(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _looks_like_key(value: str) -> bool:
    """A long run of letters and digits with no separators reads as a key, not a name."""
    return (
        len(value) >= 24
        and not re.search(r"[\-_.:]", value)
        and bool(re.search(r"\d", value))
        and bool(re.search(r"[A-Za-z]", value))
    )


class AuthConfig(_Config):
    type: Literal["bearer", "basic", "header"]
    secret: SecretName = Field(description="the name of the secret in the OS keyring")
    username: Annotated[str, StringConstraints(min_length=1, max_length=200)] | None = None
    header: HeaderName | None = None

    @field_validator("secret")
    @classmethod
    def _a_name(cls, value: str) -> str:
        if _looks_like_key(value) or _CREDENTIAL_VALUES.search(value):
            raise ValueError(
                "this looks like a secret itself: give the NAME of a keyring entry "
                "(for example orders-api-token) and store the secret with the keyring"
            )
        return value

    @model_validator(mode="after")
    def _complete(self) -> AuthConfig:
        if self.type == "basic" and self.username is None:
            raise ValueError("basic auth needs a username (the secret is the password)")
        if self.type == "header" and self.header is None:
            raise ValueError("header auth needs the header's name (for example X-Api-Key)")
        return self

    def to_auth(self) -> Auth:
        return Auth(self.type, self.secret, self.username, self.header)


class BodyConfig(_Config):
    format: Literal["json", "form"] = "json"
    template: dict[str, Any]


class SuccessConfig(_Config):
    status: list[Annotated[int, Field(ge=200, le=299)]] = Field(
        default_factory=lambda: [200, 201, 202, 204], min_length=1
    )
    remote_ref: DottedPath | None = None  # where the new object's id is in the response


class LookupConfig(_Config):
    path: Path_
    query: dict[str, str] = Field(default_factory=dict)
    items: DottedPath | None = None  # the list in the response; None: the response itself
    match: dict[DottedPath, str] = Field(min_length=1)  # field → template it must equal
    remote_ref: DottedPath | None = None


class ActionConfig(_Config):
    method: Literal["POST", "PUT", "PATCH", "DELETE"] = "POST"
    path: Path_
    query: dict[str, str] = Field(default_factory=dict)
    headers: dict[HeaderName, str] = Field(default_factory=dict)
    body: BodyConfig | None = None
    success: SuccessConfig = Field(default_factory=SuccessConfig)
    lookup: LookupConfig | None = None


class DestinationConfig(_Config):
    version: Literal[1]
    kind: Literal["rest", "stripe", "zendesk"] = "rest"
    destination: Destination
    base_url: Annotated[str, StringConstraints(pattern=r"^https?://[^\s/@]+(/\S*)?$")] | None = None
    auth: AuthConfig | None = None
    headers: dict[HeaderName, str] = Field(default_factory=dict)
    idempotency_header: HeaderName | None = "Idempotency-Key"
    timeout_s: float | None = Field(None, gt=0, le=300)
    actions: dict[ActionKind, ActionConfig] = Field(default_factory=dict)
    options: dict[str, str | int | bool] = Field(default_factory=dict)  # stripe / zendesk

    @model_validator(mode="after")
    def _actions_for_rest(self) -> DestinationConfig:
        if self.kind == "rest" and not self.actions:
            raise ValueError("a rest connector needs at least one entry under actions")
        if self.kind != "rest" and self.actions:
            raise ValueError(f"a {self.kind} connector knows its requests; remove actions")
        return self


def _literal_secrets(node: Any, where: str = "") -> Iterator[str]:
    """Places in the raw YAML that hold what looks like a credential."""
    if isinstance(node, dict):
        for key, value in node.items():
            here = f"{where}.{key}" if where else str(key)
            literal = isinstance(value, str | int) and not (
                isinstance(value, str) and _PLACEHOLDER_ONLY.match(value)
            )
            parent = where.rsplit(".", 1)[-1]
            if literal and parent == "headers" and _CREDENTIAL_HEADERS.match(str(key)):
                yield f"{here}: a credential header with a literal value; name a secret under auth"
            elif literal and _CREDENTIAL_KEYS.match(str(key)):
                yield f"{here}: a literal secret; store it in the keyring and name it under auth"
            else:
                yield from _literal_secrets(value, here)
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _literal_secrets(item, f"{where}.{index}")
    elif isinstance(node, str) and _CREDENTIAL_VALUES.search(node):
        yield f"{where}: looks like a literal secret; store it in the keyring and name it"


def _location(loc: tuple[int | str, ...]) -> str:
    return ".".join(str(part) for part in loc) or "(file)"


def load_config(path: Path) -> DestinationConfig:
    """Read and check one configuration file; :class:`ConnectorConfigError` says what is wrong."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConnectorConfigError([f"{path}: cannot be read ({type(exc).__name__})"]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" (line {mark.line + 1})" if mark is not None else ""
        raise ConnectorConfigError([f"{path}: not valid YAML{line}"]) from None
    if not isinstance(raw, dict):
        raise ConnectorConfigError([f"{path}: (file): expected a mapping of settings"])
    secrets = [f"{path}: {problem}" for problem in _literal_secrets(raw)]
    if secrets:
        raise ConnectorConfigError(secrets)
    try:
        return DestinationConfig.model_validate(raw)
    except ValidationError as exc:
        problems = [
            f"{path}: {_location(err['loc'])}: {err['msg']}"
            for err in exc.errors(include_url=False, include_input=False)
        ]
        raise ConnectorConfigError(problems) from None


def load_configs(folder: Path) -> list[tuple[Path, DestinationConfig]]:
    """Every ``*.yaml`` in ``folder`` (sorted); all files' problems are reported together."""
    found: list[tuple[Path, DestinationConfig]] = []
    problems: list[str] = []
    seen: dict[str, Path] = {}
    for path in sorted(folder.glob("*.yaml")):
        try:
            config = load_config(path)
        except ConnectorConfigError as exc:
            problems += exc.problems
            continue
        if config.destination in seen:
            problems.append(
                f"{path}: destination: {config.destination!r} is already configured "
                f"in {seen[config.destination].name}"
            )
            continue
        seen[config.destination] = path
        found.append((path, config))
    if problems:
        raise ConnectorConfigError(problems)
    return found
