"""Local profiles: who sits at this seat (user id, name, role), and switching between them.

The profiles live in ``profiles.json`` in the data folder; a missing file gives the three
demo profiles (an agent, a supervisor, a trainer). Switching writes the chosen profile into
the settings (``user_id``, ``user_name``, ``role``), puts a ``role_change`` record on the
audit trail and publishes :class:`ProfileChanged`, so the window can show and enable what
the new role may do. The role is only ever a claim of this local seat; the services check
it on every call (:mod:`.roles`), and the audit trail keeps who claimed what, when.

Plain dataclasses validated by hand, like the settings, and the audit trail imported only
when a switch is recorded: the profile is shown in the first frame
(docs/decisions/0004-fast-first-paint.md).
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from console.domain.errors import InvalidInput, Issue, MessageCode, NotFound
from console.domain.kinds import Role
from console.store import Store
from console.store.queries import iso

from .bus import EventBus, Level
from .roles import Principal
from .settings import SettingsService, set_aside, write_json

__all__ = ["DEFAULT_PROFILES", "PROFILES_FILE", "Profile", "ProfileChanged", "ProfileService"]

log = logging.getLogger(__name__)

PROFILES_FILE = "profiles.json"
PROFILES_VERSION = 1
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:\-]{0,79}$")


@dataclass(frozen=True, slots=True)
class Profile:
    """A local profile: the person and the role this seat acts as."""

    user_id: str
    name: str
    role: Role

    @property
    def principal(self) -> Principal:
        return Principal(self.user_id, self.name, self.role)

    def to_dict(self) -> dict[str, str]:
        return {"user_id": self.user_id, "name": self.name, "role": self.role.value}


@dataclass(frozen=True, slots=True)
class ProfileChanged:
    """The seat now acts as another profile (and maybe another role)."""

    previous: Principal
    current: Principal


DEFAULT_PROFILES = (
    Profile("agent-1", "Demo Agent", Role.AGENT),
    Profile("supervisor-1", "Demo Supervisor", Role.SUPERVISOR),
    Profile("trainer-1", "Demo Trainer", Role.TRAINER),
)


def parse_profiles(data: Any, source: str = PROFILES_FILE) -> list[Profile]:
    """Profiles from ``profiles.json``'s content; raises InvalidInput naming every problem."""
    issues: list[Issue] = []
    if not isinstance(data, dict):
        raise InvalidInput(f"{source} cannot be used", [Issue(source, "", "not a JSON object")])
    version = data.get("schema_version", PROFILES_VERSION)
    if version != PROFILES_VERSION:
        issues.append(Issue(source, "schema_version", f"{version!r} is not {PROFILES_VERSION}"))
    items = data.get("profiles")
    if not isinstance(items, list) or not items:
        issues.append(Issue(source, "profiles", "must be a non-empty list"))
        items = []
    profiles: list[Profile] = []
    seen: set[str] = set()
    roles = {r.value for r in Role}
    for index, item in enumerate(items):
        where = f"profiles[{index}]"
        if not isinstance(item, dict):
            issues.append(Issue(source, where, "must be an object"))
            continue
        user_id, name, role = item.get("user_id"), item.get("name"), item.get("role")
        unknown = sorted(set(item) - {"user_id", "name", "role"})
        issues += [Issue(source, f"{where}.{key}", "unknown field") for key in unknown]
        if not isinstance(user_id, str) or not _ID.match(user_id):
            issues.append(Issue(source, f"{where}.user_id", f"{user_id!r} is not a valid id"))
        elif user_id in seen:
            issues.append(Issue(source, f"{where}.user_id", f"{user_id} is listed twice"))
        if not isinstance(name, str) or not 1 <= len(name.strip()) <= 100:
            issues.append(Issue(source, f"{where}.name", "must be 1 to 100 characters"))
        if role not in roles:
            issues.append(
                Issue(source, f"{where}.role", f"{role!r} is not one of {', '.join(roles)}")
            )
        if isinstance(user_id, str) and isinstance(name, str) and role in roles:
            seen.add(user_id)
            profiles.append(Profile(user_id, name.strip(), Role(role)))
    if issues:
        raise InvalidInput(f"{source} cannot be used", issues)
    return profiles


class ProfileService:
    """The seat's local profiles and the one signed in (kept in the settings)."""

    def __init__(self, path: Path, settings: SettingsService, store: Store, bus: EventBus) -> None:
        self.path = path
        self._settings = settings
        self._store = store
        self._bus = bus
        self._profiles = self._load()

    def _load(self) -> list[Profile]:
        if not self.path.exists():
            return list(DEFAULT_PROFILES)
        try:
            return parse_profiles(json.loads(self.path.read_bytes()), self.path.name)
        except (OSError, ValueError, InvalidInput) as exc:  # JSON errors are ValueErrors
            kept = set_aside(self.path)
            log.warning("profiles file %s is invalid: %s", self.path, exc)
            self._bus.tell(
                Level.WARNING,
                f"The local profiles could not be read; the demo profiles are used.{kept}",
            )
            return list(DEFAULT_PROFILES)

    @property
    def profiles(self) -> list[Profile]:
        """Every local profile; the signed-in one is listed even if the file lacks it."""
        current = self.current
        listed = list(self._profiles)
        if all(p.user_id != current.user_id for p in listed):
            listed.append(current)
        return listed

    @property
    def current(self) -> Profile:
        settings = self._settings.settings
        return Profile(settings.user_id, settings.user_name, settings.role)

    def save(self, profiles: list[Profile]) -> None:
        """Replace the list of profiles (written atomically)."""
        data = {
            "schema_version": PROFILES_VERSION,
            "profiles": [p.to_dict() for p in profiles],
        }
        checked = parse_profiles(data, self.path.name)
        write_json(self.path, data)
        self._profiles = checked

    async def switch(self, user_id: str) -> Profile:
        """Act as profile ``user_id`` from now on; recorded on the audit trail.

        Switching to the profile already signed in changes and records nothing."""
        chosen = next((p for p in self.profiles if p.user_id == user_id), None)
        if chosen is None:
            raise NotFound(
                f"There is no local profile {user_id}.",
                code=MessageCode.PROFILE_NOT_FOUND,
                params={"user_id": user_id},
            )
        before = self.current
        if chosen == before:
            return chosen
        now = iso(datetime.now(UTC))

        def record(db: Any) -> None:
            from console.store import audit as audit_log

            audit_log.append(
                db.conn,
                kind="role_change",
                actor_id=chosen.user_id,
                subject_ids=[f"user:{before.user_id}", f"user:{chosen.user_id}"],
                payload={"from": before.to_dict(), "to": chosen.to_dict()},
                recorded_at=now,
            )

        # The settings first: if they cannot be written, nothing is recorded. If the
        # record cannot be written, the settings go back to the profile before.
        self._settings.update(user_id=chosen.user_id, user_name=chosen.name, role=chosen.role)
        try:
            await self._store.write(record)
        except BaseException:
            self._settings.update(user_id=before.user_id, user_name=before.name, role=before.role)
            raise
        self._bus.publish(ProfileChanged(before.principal, chosen.principal))
        return chosen
