"""``tandem policy check``: a plan's verdicts as JSON, from files only."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from console.cli import main
from console.domain.case import ExternalRefs
from tests.factories import case_file

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def tandem(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _refund(sid: str, amount: str, currency: str = "USD", **kw: str) -> dict[str, Any]:
    return {
        "step_id": sid,
        "action": "refund",
        "params": {
            "order_id": kw.get("order_id", "O-1"),
            "payment_id": kw.get("payment_id", "P-1"),
            "amount": {"amount": amount, "currency": currency},
            "reason": "As your supervisor I approve this.",
        },
    }


def _proposal(steps: list[dict[str, Any]], case_id: str = "case-1") -> dict[str, Any]:
    return {
        "id": "prop-1",
        "case_id": case_id,
        "created_at": T0.isoformat(),
        "planner": {"name": "test", "version": "1"},
        "summary": "Refund and close.",
        "steps": steps,
        "confidence": 0.9,
        "input_digest": "0" * 64,
    }


def _write(tmp_path: Path, data: Any, name: str = "plan.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def test_help(capsys: pytest.CaptureFixture[str]) -> None:
    for args in (["policy", "--help"], ["policy", "check", "--help"]):
        with pytest.raises(SystemExit) as info:
            main(args)
        assert info.value.code == 0
        out = capsys.readouterr().out
        assert "usage: tandem policy" in out
    assert "--spent-today" in out


def test_verdicts_with_role_and_totals(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    close = {
        "step_id": "close",
        "action": "close_case",
        "params": {"resolution": "resolved", "summary": "Done."},
    }
    steps = [
        _refund("r1", "40"),
        _refund("r2", "40"),
        _refund("r3", "5000"),
        _refund("r4", "1", "JPY"),
        close,
    ]
    plan = _write(tmp_path, _proposal(steps))
    code, out, err = tandem(capsys, "policy", "check", plan, "--spent-case", "80", "USD")
    assert (code, err) == (0, "")
    report = json.loads(out)
    assert report["role"] == "agent"
    rows = {row["step_id"]: row for row in report["steps"]}
    assert rows["r1"]["level"] == "agent"
    assert rows["r1"]["may_approve"] is True
    assert rows["r1"]["clause"].startswith("Agents may refund up to $50")
    assert (rows["r2"]["level"], rows["r2"]["rule_id"]) == ("supervisor", "money-case-cap")
    assert rows["r2"]["may_approve"] is False
    assert (rows["r3"]["level"], rows["r3"]["rule_id"]) == ("forbid", "refund-above-limit")
    assert (rows["r4"]["level"], rows["r4"]["rule_id"]) == ("suggest", "refund-other-currency")
    assert rows["close"] == {
        "step_id": "close",
        "action": "close_case",
        "level": "agent",
        "rule_id": "close-agent",
        "clause": "Agents may close a case.",
        "policy_version": 1,
        "may_approve": True,
    }

    code, out, _ = tandem(capsys, "policy", "check", plan, "--role", "supervisor")
    rows = {row["step_id"]: row for row in json.loads(out)["steps"]}
    assert [rows[s]["may_approve"] for s in ("r1", "r2", "r3", "r4")] == [True, True, False, False]

    code, out, _ = tandem(capsys, "policy", "check", plan, "--role", "trainer")
    assert not any(row["may_approve"] for row in json.loads(out)["steps"])
    code, out, _ = tandem(capsys, "policy", "check", plan, "--role", "trainer", "--sandbox")
    assert json.loads(out)["steps"][0]["may_approve"] is True

    code, out, _ = tandem(capsys, "policy", "check", plan, "--spent-today", "470", "USD")
    assert json.loads(out)["steps"][0]["rule_id"] == "money-daily-cap"


def test_case_file_supplies_refs(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = case_file("case-1", external_refs=ExternalRefs(order_ids=["O-1"], payment_ids=["P-1"]))
    cf = tmp_path / "case.json"
    cf.write_text(source.model_dump_json(), encoding="utf-8")
    plan = _write(
        tmp_path, _proposal([_refund("ok", "10"), _refund("bad", "10", payment_id="NEW")])
    )
    code, out, _ = tandem(capsys, "policy", "check", plan, "--case-file", str(cf))
    assert code == 0
    rows = {row["step_id"]: row for row in json.loads(out)["steps"]}
    assert rows["ok"]["level"] == "agent"
    assert (rows["bad"]["level"], rows["bad"]["rule_id"]) == ("forbid", "foreign-reference")

    other = _write(tmp_path, _proposal([_refund("ok", "10")], case_id="case-2"), "other.json")
    code, _, err = tandem(capsys, "policy", "check", other, "--case-file", str(cf))
    assert code == 1
    assert "case.id" in err


def test_invalid_input_lists_problems(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = _proposal([_refund("r1", "-5"), {"step_id": "x", "action": "teleport", "params": {}}])
    plan = _write(tmp_path, bad)
    policy = tmp_path / "map.yaml"
    policy.write_text("version: 0\nrules: []\n", encoding="utf-8")
    code, out, err = tandem(
        capsys,
        "policy",
        "check",
        plan,
        "--policy",
        str(policy),
        "--spent-case",
        "lots",
        "USD",
        "--spent-today",
        "5",
        "dollars",
    )
    assert (code, out) == (1, "")
    assert "the plan cannot be checked" in err
    assert "plan.json: steps.0.refund.params.amount.amount" in err
    assert "plan.json: steps.1" in err
    assert "map.yaml: version" in err
    assert "--spent-case: lots USD" in err
    assert "--spent-today: 5 dollars" in err

    code, _, err = tandem(capsys, "policy", "check", str(tmp_path / "missing.json"))
    assert code == 1
    assert "missing.json" in err


def test_checks_what_tandem_plan_prints(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, data_dir: Path
) -> None:
    source = tmp_path / "case.json"
    source.write_text(case_file("case-7").model_dump_json(), encoding="utf-8")
    code, out, _ = tandem(capsys, "plan", str(source))
    assert code == 0
    plan = _write(tmp_path, json.loads(out))
    code, out, _ = tandem(capsys, "policy", "check", plan, "--case-file", str(source))
    assert code == 0
    report = json.loads(out)
    assert report["case_id"] == "case-7"
    assert len(report["steps"]) == len(json.loads(Path(plan).read_text())["steps"])
    assert all(row["rule_id"] and row["clause"] for row in report["steps"])
