"""The decision-authority map's versions: the one in force, its history, publishing a new one.

Every version is kept as the YAML a supervisor published (``policies`` table, append-only)
and recorded on the audit trail. The version in force is the highest one whose
``effective_from`` has come. The map shipped with Tandem is stored as a version the first
time a data folder is used (and again when a newer Tandem ships a higher version).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from console.domain.authority import AuthorityPolicy
from console.domain.base import utc_now
from console.domain.errors import ConflictError, MessageCode
from console.policy.authority import DEFAULT_POLICY_FILE, parse_policy
from console.resources import resource_path
from console.store import Store
from console.store import audit as audit_log
from console.store import decisions as rows
from console.store.queries import iso

from .bus import EventBus, PolicyChanged
from .roles import Capability, Principal, require

__all__ = ["PolicyChanged", "PolicyService", "PolicyVersion"]

SHIPPED_BY = "tandem"


@dataclass(frozen=True)
class PolicyVersion:
    policy: AuthorityPolicy
    source: str
    published_by: str
    published_at: datetime

    @property
    def version(self) -> int:
        return self.policy.version


class PolicyService:
    def __init__(self, store: Store, bus: EventBus, *, sandbox: bool = False) -> None:
        self._store = store
        self._bus = bus
        self._sandbox = sandbox
        self._versions: list[PolicyVersion] | None = None

    def _load(self) -> list[PolicyVersion]:
        if self._versions is None:
            stored = rows.policy_rows(self._store.reader())
            shipped_text = resource_path(*DEFAULT_POLICY_FILE).read_text(encoding="utf-8")
            shipped = parse_policy(shipped_text, DEFAULT_POLICY_FILE[-1])
            if not stored or shipped.version > stored[-1].version:
                self._store.write_sync(lambda db: _put(db, shipped, shipped_text, SHIPPED_BY))
                stored = rows.policy_rows(self._store.reader())
            self._versions = [
                PolicyVersion(
                    policy=parse_policy(row.source, f"version {row.version}", published=True),
                    source=row.source,
                    published_by=row.published_by,
                    published_at=datetime.fromisoformat(row.published_at),
                )
                for row in stored
            ]
        return self._versions

    def active(self, now: datetime | None = None) -> AuthorityPolicy:
        """The map in force at ``now``: the highest version already effective."""
        now = now or utc_now()
        versions = self._load()
        effective = [v for v in versions if v.policy.effective_from <= now]
        return (effective or versions[:1])[-1].policy

    def history(self) -> list[PolicyVersion]:
        """Every published version, newest first."""
        return list(reversed(self._load()))

    def check(self, source: str) -> AuthorityPolicy:
        """Parse and check a candidate map; raises InvalidInput naming every problem."""
        return parse_policy(source, "the edited map")

    async def publish(self, source: str, by: Principal) -> AuthorityPolicy:
        """Publish a new version (supervisors only). It must be numbered one above the
        latest, so that two supervisors editing at once cannot overwrite each other."""
        require(by, Capability.EDIT_POLICY, sandbox=self._sandbox)
        policy = self.check(source)
        latest = self._load()[-1].version
        if policy.version != latest + 1:
            raise ConflictError(
                f"The edited map is version {policy.version}; the next version is "
                f"{latest + 1}. Someone may have published in the meantime: reload it.",
                code=MessageCode.POLICY_NOT_NEXT_VERSION,
                params={"version": policy.version, "next": latest + 1},
            )
        await self._store.write(lambda db: _put(db, policy, source, by.user_id))
        self._versions = None
        self._bus.publish(PolicyChanged(policy.version))
        return policy


def _put(db: Any, policy: AuthorityPolicy, source: str, by: str) -> None:
    if db.execute("SELECT 1 FROM policies WHERE version = ?", (policy.version,)).fetchone():
        raise ConflictError(
            f"authority map version {policy.version} already exists",
            code=MessageCode.POLICY_VERSION_EXISTS,
            params={"version": policy.version},
        )
    now = iso(utc_now())
    rows.put_policy(
        db,
        rows.PolicyRow(
            version=policy.version,
            effective_from=iso(policy.effective_from),
            author=policy.author,
            note=policy.note,
            source=source,
            published_by=by,
            published_at=now,
        ),
    )
    audit_log.append(
        db.conn,
        kind="policy_change",
        actor_id=by,
        subject_ids=[f"policy-{policy.version}"],
        payload={
            "version": policy.version,
            "effective_from": iso(policy.effective_from),
            "author": policy.author,
            "note": policy.note,
            "rules": len(policy.rules),
            "source_sha256": hashlib.sha256(source.encode()).hexdigest(),
        },
        recorded_at=now,
    )
