"""Local profiles: the demo defaults, profiles.json, switching and its audit record."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from console.domain.errors import InvalidInput, NotFound
from console.domain.kinds import Role
from console.services import Services
from console.services.bus import UserMessage
from console.services.profiles import (
    DEFAULT_PROFILES,
    PROFILES_FILE,
    Profile,
    ProfileChanged,
    ProfileService,
    parse_profiles,
)
from console.services.roles import Capability, NotPermitted, allowed
from console.services.scenario import ScenarioPlayer
from console.store import audit
from tests.aio import run
from tests.factories import case_file


def role_changes(services: Services) -> list[dict[str, object]]:
    rows = services.store.reader().execute(
        "SELECT actor_id, subject_ids, payload FROM audit WHERE kind = 'role_change' ORDER BY seq"
    )
    return [
        {"actor": a, "subjects": json.loads(s), "payload": json.loads(audit.json_part(p))}
        for a, s, p in rows
    ]


def test_a_fresh_data_folder_has_the_three_demo_profiles(empty_services: Services) -> None:
    profiles = empty_services.profiles
    assert [(p.name, p.role) for p in profiles.profiles] == [
        ("Demo Agent", Role.AGENT),
        ("Demo Supervisor", Role.SUPERVISOR),
        ("Demo Trainer", Role.TRAINER),
    ]
    assert profiles.current == DEFAULT_PROFILES[0]  # the settings' default user


def test_switching_updates_the_settings_records_it_and_tells_the_bus(
    empty_services: Services,
) -> None:
    seen: list[ProfileChanged] = []
    empty_services.bus.subscribe(ProfileChanged, seen.append)

    chosen = run(empty_services.profiles.switch("supervisor-1"))

    assert chosen == Profile("supervisor-1", "Demo Supervisor", Role.SUPERVISOR)
    settings = empty_services.settings.settings
    assert (settings.user_id, settings.user_name, settings.role) == (
        "supervisor-1",
        "Demo Supervisor",
        Role.SUPERVISOR,
    )
    principal = empty_services.principal()
    assert allowed(principal, Capability.REVIEW_APPROVALS, sandbox=False)
    assert [(e.previous.user_id, e.current.role) for e in seen] == [("agent-1", Role.SUPERVISOR)]
    (record,) = role_changes(empty_services)
    assert record["actor"] == "supervisor-1"
    assert record["subjects"] == ["user:agent-1", "user:supervisor-1"]
    assert record["payload"] == {
        "from": {"user_id": "agent-1", "name": "Demo Agent", "role": "agent"},
        "to": {"user_id": "supervisor-1", "name": "Demo Supervisor", "role": "supervisor"},
    }
    assert audit.verify(empty_services.store.reader()).ok
    # The settings file keeps the choice for the next start.
    stored = json.loads((empty_services.data_dir / "settings.json").read_text())
    assert (stored["user_id"], stored["role"]) == ("supervisor-1", "supervisor")


def test_switching_to_the_current_profile_records_nothing(empty_services: Services) -> None:
    run(empty_services.profiles.switch("agent-1"))
    assert role_changes(empty_services) == []


def test_an_unknown_profile_is_refused_and_nothing_changes(empty_services: Services) -> None:
    with pytest.raises(NotFound, match="no-such"):
        run(empty_services.profiles.switch("no-such"))
    assert empty_services.settings.settings.user_id == "agent-1"
    assert role_changes(empty_services) == []


def test_profiles_are_read_from_and_saved_to_profiles_json(empty_services: Services) -> None:
    service = empty_services.profiles
    mine = [Profile("li-na", "李娜", Role.SUPERVISOR), Profile("agent-1", "Ana", Role.AGENT)]
    service.save(mine)
    again = ProfileService(
        empty_services.data_dir / PROFILES_FILE,
        empty_services.settings,
        empty_services.store,
        empty_services.bus,
    )
    assert [p.user_id for p in again.profiles] == ["li-na", "agent-1"]
    assert again.profiles[0].name == "李娜"
    run(again.switch("li-na"))
    assert empty_services.settings.settings.user_name == "李娜"
    # A signed-in user the file does not list is still offered.
    service.save([Profile("agent-9", "Nine", Role.AGENT)])
    assert [p.user_id for p in service.profiles] == ["agent-9", "li-na"]


def test_an_unreadable_profiles_file_is_kept_aside_and_the_user_told(
    empty_services: Services,
) -> None:
    path = empty_services.data_dir / PROFILES_FILE
    path.write_text("{not json", encoding="utf-8")
    told: list[UserMessage] = []
    empty_services.bus.subscribe(UserMessage, told.append)
    service = ProfileService(
        path, empty_services.settings, empty_services.store, empty_services.bus
    )
    assert service.profiles == list(DEFAULT_PROFILES)
    assert not path.exists()
    assert list(path.parent.glob(f"{PROFILES_FILE}.invalid-*"))
    assert "demo profiles" in told[0].text


def test_every_problem_of_a_profiles_file_is_named(tmp_path: Path) -> None:
    data = {
        "profiles": [
            {"user_id": "ok-1", "name": "Ok", "role": "agent"},
            {"user_id": "ok-1", "name": "Twice", "role": "agent"},
            {"user_id": "bad id", "name": "", "role": "boss", "colour": "red"},
        ]
    }
    with pytest.raises(InvalidInput) as info:
        parse_profiles(data)
    where = {issue.location for issue in info.value.issues}
    assert where == {
        "profiles[1].user_id",
        "profiles[2].user_id",
        "profiles[2].name",
        "profiles[2].role",
        "profiles[2].colour",
    }


def test_only_a_trainer_in_the_sandbox_may_play_a_scenario(empty_services: Services) -> None:
    trainer, supervisor = DEFAULT_PROFILES[2].principal, DEFAULT_PROFILES[1].principal
    store, ingest, bus = empty_services.store, empty_services.ingest, empty_services.bus
    outside = ScenarioPlayer(store, ingest, bus)
    for who in (trainer, supervisor):
        with pytest.raises(NotPermitted, match="trainers, in the sandbox"):
            run(outside.play(case_file("drill-1", 2), speed=0, by=who))
    assert empty_services.cases.timeline_length("drill-1") == 0
    sandbox = ScenarioPlayer(store, ingest, bus, sandbox=True)
    report = run(sandbox.play(case_file("drill-1", 2), speed=0, by=trainer))
    assert report.played == 2
