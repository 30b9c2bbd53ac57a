"""Case files: every problem listed with file and field path; all or nothing on import."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from console.domain.errors import InvalidInput
from console.services import Services
from console.services.bus import Progress
from console.store import queries
from tests.aio import run
from tests.factories import case_file


def _write(path: Path, data: object) -> Path:
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def _valid(case_id: str = "case-1", n_events: int = 3) -> dict:
    return json.loads(case_file(case_id, n_events).model_dump_json())


def test_every_problem_is_listed_with_its_field_path(tmp_path: Path, empty_services: Services):
    data = _valid()
    data["case"]["journey"] = "teleportation"
    data["customer"]["lifetime_value"]["currency"] = "dollars"
    data["events"][1]["occurred_at"] = "2026-11-02T09:00:00"  # no time zone
    del data["events"][2]["payload"]["text"]
    data["events"][0]["colour"] = "red"  # unknown field
    path = _write(tmp_path / "bad.json", data)
    with pytest.raises(InvalidInput) as info:
        empty_services.casefiles.parse(path)
    where = {(issue.source, issue.location) for issue in info.value.issues}
    assert where == {
        (str(path), "case.journey"),
        (str(path), "customer.lifetime_value.currency"),
        (str(path), "events[1].occurred_at"),
        (str(path), "events[2].payload.customer_message.text"),
        (str(path), "events[0].colour"),
    }
    assert "time zone" in str(info.value)


def test_inconsistent_file_names_each_mismatch(tmp_path: Path, empty_services: Services):
    data = _valid()
    data["case"]["customer_id"] = "someone-else"
    data["events"][1]["case_id"] = "other-case"
    data["events"][2]["id"] = data["events"][0]["id"]
    path = _write(tmp_path / "mixed.json", data)
    with pytest.raises(InvalidInput) as info:
        empty_services.casefiles.parse(path)
    assert {i.location for i in info.value.issues} == {
        "case.customer_id",
        "events[1].case_id",
        "events[2].id",
    }


@pytest.mark.parametrize(
    ("text", "where"),
    [('{\n  "case": ,\n}', "line 2, column 11"), ("[1, 2]", ""), ("\xff\xfe", "line 1, column 1")],
)
def test_not_json_or_not_an_object(tmp_path, empty_services, text, where):
    path = tmp_path / "x.json"
    path.write_bytes(text.encode("latin-1") if text.startswith("\xff") else text.encode())
    with pytest.raises(InvalidInput) as info:
        empty_services.casefiles.parse(path)
    assert [i.location for i in info.value.issues] == [where]


def test_one_invalid_file_imports_nothing(tmp_path: Path, empty_services: Services):
    good = _write(tmp_path / "good.json", _valid("good"))
    bad_data = _valid("bad")
    bad_data["case"]["priority"] = 99
    bad = _write(tmp_path / "bad.json", bad_data)
    missing = tmp_path / "missing.json"
    with pytest.raises(InvalidInput) as info:
        run(empty_services.casefiles.import_files([good, bad, missing]))
    assert {i.source for i in info.value.issues} == {str(bad), str(missing)}
    assert "2 of 3 file(s) are invalid; nothing was imported" in str(info.value)
    assert queries.count_cases(empty_services.store.reader()) == 0


def test_import_export_round_trip_and_reimport_changes_nothing(
    tmp_path: Path, empty_services: Services
):
    paths = [_write(tmp_path / f"{i}.json", _valid(f"case-{i}")) for i in range(3)]
    seen: list[Progress] = []
    empty_services.bus.subscribe(Progress, seen.append)
    report = run(empty_services.casefiles.import_files(paths))
    assert (report.cases, report.new_cases, report.new_events) == (3, 3, 9)
    assert seen[-1].finished
    again = run(empty_services.casefiles.import_files(paths))
    assert (again.new_cases, again.new_events, again.duplicate_events) == (0, 0, 9)
    exported = run(empty_services.casefiles.export("case-1"))
    assert exported.case == case_file("case-1").case
    assert [e.id for e in exported.events] == ["case-1-e1", "case-1-e2", "case-1-e3"]


def test_schema_describes_the_format(empty_services: Services):
    schema = empty_services.casefiles.schema()
    assert schema["title"] == "Tandem case file"
    assert set(schema["required"]) >= {"customer", "case"}
    assert "TimelineEvent" in schema["$defs"]
