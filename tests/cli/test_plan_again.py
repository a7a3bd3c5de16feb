"""A plan file imported again: identical rows are skipped and counted, `--duplicates add` adds
them anyway, and export -> import into an empty folder gives the same plan, every field."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from planner.io.plan_csv import COLUMNS
from tests.cli.conftest import stored_sessions as stored

PLAN = (
    ",".join(COLUMNS) + "\n"
    "2026-11-23,07:00,run,easy,Easy run,45,3,8,,5:30/km,done,50,4,9.2,\"felt good, legs fresh\"\n"
    "2026-11-24,18:00,lift,lower,Heavy legs,60,8,,Back squat 5x5@100 RPE 8; Plank 3x90s,,planned,,,,\n"
    "2026-11-26,,run,intervals,6 x 800 m,55,8,10,,Z4,planned,,,,\n"
)


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_importing_a_plan_again_skips_every_row_and_exits_0(cli, tmp_path):
    d, plan = tmp_path / "d", write(tmp_path / "p.csv", PLAN)
    assert cli("--data-dir", d, "import-plan", plan)[0] == 0
    rc, out, err = cli("--data-dir", d, "import-plan", plan)
    assert (rc, err) == (0, "")
    assert out == (f"All 3 sessions in {plan} are already in the plan; nothing was imported "
                   "(--duplicates add adds them again).\n")
    assert len(stored(d)) == 3


def test_only_the_new_rows_are_added_and_the_skipped_ones_counted(cli, tmp_path):
    d = tmp_path / "d"
    cli("--data-dir", d, "import-plan", write(tmp_path / "p.csv", PLAN))
    more = write(tmp_path / "more.csv", PLAN + "2026-11-28,,run,long,Long run,100,4,20,,,planned,,,,\n")
    rc, out, _ = cli("--data-dir", d, "import-plan", more)
    assert rc == 0
    assert out == (f"Imported 1 session from 2026-11-28 to 2026-11-28 into {d}; skipped 3 sessions already "
                   "in the plan (--duplicates add adds them).\n")
    assert [s.title for s in stored(d)] == ["Easy run", "Heavy legs", "6 x 800 m", "Long run"]


def test_duplicates_add_adds_them_again(cli, tmp_path):
    d, plan = tmp_path / "d", write(tmp_path / "p.csv", PLAN)
    cli("--data-dir", d, "import-plan", plan)
    rc, out, _ = cli("--data-dir", d, "import-plan", plan, "--duplicates", "add")
    assert rc == 0 and out.startswith("Imported 3 sessions from 2026-11-23 to 2026-11-26")
    assert len(stored(d)) == 6


def test_a_session_one_minute_later_is_no_duplicate(cli, tmp_path):
    d = tmp_path / "d"
    cli("--data-dir", d, "import-plan", write(tmp_path / "p.csv", PLAN))
    rc, out, _ = cli("--data-dir", d, "import-plan", write(tmp_path / "q.csv", PLAN.replace("07:00", "07:01")))
    assert out.startswith("Imported 1 session from 2026-11-23 to 2026-11-23")


def test_export_then_import_into_an_empty_folder_gives_the_same_plan_every_field(cli, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    assert cli("--data-dir", a, "demo")[0] == 0
    assert cli("--data-dir", a, "import-plan", write(tmp_path / "p.csv", PLAN))[0] == 0
    out = tmp_path / "out.csv"
    assert cli("--data-dir", a, "export-plan", out)[0] == 0
    assert cli("--data-dir", b, "import-plan", out)[0] == 0

    def fields(sessions):
        return [dataclasses.replace(s, id=None) for s in sessions]

    first, second = stored(a), stored(b)
    assert len(first) > 50
    assert fields(second) == fields(first)
    run = next(s for s in second if s.target == "5:30/km")
    lift = next(s for s in second if s.title == "Heavy legs")
    assert (run.target, run.notes, run.actual_distance_km) == ("5:30/km", "felt good, legs fresh", 9.2)
    assert [(s.reps, s.seconds) for s in lift.exercises[1].sets] == [(0, 90)] * 3
