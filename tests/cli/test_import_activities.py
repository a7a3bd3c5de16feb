"""`hybrid-planner import-activities FILE... [--no-match] [--json]`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner.store.database import open_store
from tests.realdata import FIT, REAL, STRONG, TCX, needs_realdata, utc_clock  # noqa: F401 - a fixture

pytestmark = [needs_realdata, pytest.mark.usefixtures("utc_clock")]


def counts(got: dict) -> dict:
    return {k: got[k] for k in ("matched", "added", "skipped")}


def all_sessions(data_dir: Path):
    store = open_store(data_dir)
    try:
        return store.sessions.all()
    finally:
        store.close()


def test_json_counts_and_a_second_import_skips_everything(cli, tmp_path):
    d = tmp_path / "d"
    rc, out, err = cli("--data-dir", d, "import-activities", TCX, FIT, STRONG, "--json")
    assert (rc, err) == (0, "")
    got = json.loads(out)
    assert counts(got) == {"matched": 0, "added": 131, "skipped": 0}  # 1 + 1 + 129 workouts
    assert out.startswith('{"matched": 0, "added": 131, "skipped": 0, "skipped_reasons": [], "unknown_exercises": [')
    assert got["unknown_exercises"] == sorted(got["unknown_exercises"])
    rc, out, _ = cli("--data-dir", d, "import-activities", TCX, FIT, STRONG, "--json")
    assert rc == 0  # everything already in the plan is no failure
    assert counts(json.loads(out)) == {"matched": 0, "added": 0, "skipped": 131}
    assert len(all_sessions(d)) == 131


def test_a_planned_run_is_matched(cli, tmp_path):
    d = tmp_path / "d"
    plan = tmp_path / "plan.csv"
    plan.write_text("date,time,kind,type,title,duration_min,rpe,distance_km,exercises,status\n"
                    "2015-08-15,16:30,run,easy,Easy run,45,3,9,,planned\n", encoding="utf-8")
    assert cli("--data-dir", d, "import-plan", plan)[0] == 0
    rc, out, _ = cli("--data-dir", d, "import-activities", FIT)
    assert rc == 0
    assert out.startswith(f"Matched 1, added 0, skipped 0 already imported (from 1 file) into {d}.\n"
                          "Effort not estimated from heart rate: 1 activity with heart rate and no race")
    (s,) = all_sessions(d)
    assert (s.title, s.status, s.duration_min, s.actual_duration_min, s.actual_distance_km) == (
        "Easy run", "done", 45, 47, 9.008)
    assert (s.avg_hr, s.max_hr, s.ascent_m) == (154, 178, 64.0)


def test_no_match_adds_beside_the_plan(cli, tmp_path):
    d = tmp_path / "d"
    plan = tmp_path / "plan.csv"
    plan.write_text("date,time,kind,type,title,duration_min,rpe,distance_km,exercises,status\n"
                    "2015-08-15,16:30,run,easy,Easy run,45,3,9,,planned\n", encoding="utf-8")
    cli("--data-dir", d, "import-plan", plan)
    rc, out, _ = cli("--data-dir", d, "import-activities", FIT, "--no-match", "--json")
    assert json.loads(out) == {"matched": 0, "added": 1, "skipped": 0, "skipped_reasons": [],
                               "unknown_exercises": []}
    assert sorted(s.status for s in all_sessions(d)) == ["done", "planned"]


def test_a_broken_file_exits_1_and_changes_nothing(cli, tmp_path):
    d = tmp_path / "d"
    bad = tmp_path / "bad.csv"
    bad.write_text(STRONG.read_text(encoding="utf-8").replace(",8,0,0,", ",eight,0,0,", 1), encoding="utf-8")
    rc, out, err = cli("--data-dir", d, "import-activities", TCX, bad)
    assert (rc, out) == (1, "")
    assert err == "hybrid-planner: error: bad.csv line 2: Reps is not a number ('eight'); nothing was imported\n"
    assert all_sessions(d) == []


def test_export_plan_keeps_the_actuals_round_trip(cli, tmp_path):
    d, d2 = tmp_path / "d", tmp_path / "d2"
    cli("--data-dir", d, "import-activities", TCX, STRONG)
    first, second = tmp_path / "1.csv", tmp_path / "2.csv"
    assert cli("--data-dir", d, "export-plan", first)[0] == 0
    text = first.read_text(encoding="utf-8")
    assert "2012-12-26,21:29,run,,Run,33,4,4.689,,,done,33,,4.689,Imported from " in text
    assert "Plank 2x90s" in text  # timed sets survive as text
    assert cli("--data-dir", d2, "import-plan", first)[0] == 0
    cli("--data-dir", d2, "export-plan", second)
    assert second.read_text(encoding="utf-8") == text
