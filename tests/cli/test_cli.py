"""`hybrid-planner` run in-process through planner.cli.main."""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
import types
from pathlib import Path

import pytest

import planner.cli as planner_cli
from planner import __version__
from planner.io.plan_csv import COLUMNS
from planner.paths import DATA_DIR_ENV, default_data_dir
from planner.store.database import DATA_FILE, open_store

HEADER = ",".join(COLUMNS)
PLAN = (
    HEADER + "\n"
    "2026-11-23,07:00,run,easy,Easy run,45,3,8,,done,50,4,9.2,felt good\n"
    "2026-11-24,18:00,lift,lower,Heavy legs,60,8,,"
    "Back squat 1x5@60 warmup; Back squat 5x5@100 RPE 8; Calf raise 3x15@40; Plank 3x1,"
    "planned,,,,\n"
    "2026-11-26,,run,intervals,6 x 800 m,55,8,10,,skipped,,,,\n"
    "2026-11-30,,rest,,Rest,0,0,,,planned,,,,\n"
)


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def sessions_in(data_dir: Path):
    store = open_store(data_dir)
    try:
        return store.sessions.all()
    finally:
        store.close()


def assert_one_line_error(rc: int, err: str) -> None:
    assert rc != 0
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    assert err.startswith("hybrid-planner")
    assert "error:" in err


# -- basics ---------------------------------------------------------------------------------------
def test_version(cli):
    assert cli("--version") == (0, f"hybrid-planner {__version__}\n", "")


def test_help(cli):
    rc, out, _ = cli("--help")
    assert rc == 0
    for command in ("demo", "profile", "import-plan", "export-plan", "report"):
        assert command in out


def test_data_dir_option_is_honoured(cli, data_dir, default_data_dir):
    assert cli("--data-dir", data_dir, "profile", "--name", "Ann")[0] == 0
    assert (data_dir / DATA_FILE).exists()
    assert not default_data_dir.exists()
    assert "name: Ann" in cli("--data-dir", data_dir, "profile")[1]
    assert "name: Ann" in cli("profile", "--data-dir", data_dir)[1]  # after the command too
    assert "name: Athlete" in cli("profile")[1]


def test_env_var_gives_the_default_folder(cli, default_data_dir):
    assert cli("profile", "--name", "Bo")[0] == 0
    assert (default_data_dir / DATA_FILE).exists()


def test_default_folder_without_env_var_is_the_platform_user_data_folder(monkeypatch):
    monkeypatch.delenv(DATA_DIR_ENV)
    from platformdirs import user_data_path

    assert default_data_dir() == user_data_path("hybrid-planner", appauthor=False)


# -- profile --------------------------------------------------------------------------------------
def test_profile_prints_defaults_then_sets_and_keeps_values(cli, data_dir):
    rc, out, _ = cli("--data-dir", data_dir, "profile")
    assert rc == 0
    assert out == ("name: Athlete\nbody_mass_kg: 70\ngoal: balanced\nunits: metric\n"
                   "week_start: mon\nsweat_rate_l_per_h: 1\nexperience: some\n")
    rc, out, _ = cli("--data-dir", data_dir, "profile", "--name", "Ann Lee", "--body-mass",
                     "62.5", "--goal", "run", "--units", "imperial", "--week-start", "sun",
                     "--sweat-rate", "1.4")
    assert rc == 0
    expected = ("name: Ann Lee\nbody_mass_kg: 62.5\ngoal: run\nunits: imperial\n"
                "week_start: sun\nsweat_rate_l_per_h: 1.4\nexperience: some\n")
    assert out == expected
    assert cli("--data-dir", data_dir, "profile", "--goal", "lift")[1] == expected.replace(
        "goal: run", "goal: lift")


def test_a_bad_profile_value_changes_nothing(cli, data_dir):
    cli("--data-dir", data_dir, "profile", "--name", "Ann")
    rc, out, err = cli("--data-dir", data_dir, "profile", "--name", "Bo", "--body-mass", "20")
    assert rc == 2
    assert err == ("hybrid-planner: error: body_mass_kg: must be between 30 and 250 kg "
                   "(got 20)\n")
    assert "name: Ann" in cli("--data-dir", data_dir, "profile")[1]


# -- demo -----------------------------------------------------------------------------------------
def test_demo_writes_into_an_empty_folder_only(cli, data_dir):
    rc, out, _ = cli("--data-dir", data_dir, "demo")
    assert rc == 0
    count = len(sessions_in(data_dir))
    assert count > 20
    assert f"{count} sessions" in out
    rc, _, err = cli("--data-dir", data_dir, "demo")
    assert_one_line_error(rc, err)
    assert f"already has {count} sessions" in err
    assert len(sessions_in(data_dir)) == count
    week = "{}-W{:02d}".format(*dt.date.today().isocalendar()[:2])
    report = json.loads(cli("--data-dir", data_dir, "report", "--week", week, "--json")[1])
    assert report["totals"]["sessions"] > 0


def test_demo_keeps_a_profile_the_user_already_set(cli, data_dir):
    cli("--data-dir", data_dir, "profile", "--name", "Ann")
    assert cli("--data-dir", data_dir, "demo")[0] == 0
    assert "name: Ann" in cli("--data-dir", data_dir, "profile")[1]


# -- import / export ------------------------------------------------------------------------------
def test_import_then_export_gives_the_same_file(cli, data_dir, tmp_path):
    plan = write(tmp_path / "plan.csv", PLAN)
    rc, out, err = cli("--data-dir", data_dir, "import-plan", plan)
    assert (rc, err) == (0, "")
    assert out.startswith("Imported 4 sessions from 2026-11-23 to 2026-11-30")
    out_file = tmp_path / "out.csv"
    assert cli("--data-dir", data_dir, "export-plan", out_file)[0] == 0
    assert out_file.read_bytes() == PLAN.replace("\n", "\r\n").encode()
    squat = sessions_in(data_dir)[1].exercises[0]
    assert squat.muscles[:2] == ("quads", "glutes")  # from the exercise catalog


def test_demo_export_import_export_round_trip(cli, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    cli("--data-dir", a, "demo")
    cli("--data-dir", a, "export-plan", tmp_path / "a.csv")
    assert cli("--data-dir", b, "import-plan", tmp_path / "a.csv")[0] == 0
    cli("--data-dir", b, "export-plan", tmp_path / "b.csv")
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()
    keep = ("date", "position", "kind", "type", "title", "duration_min", "rpe", "distance_km",
            "exercises", "status", "time", "notes", "actual_duration_min", "actual_rpe",
            "actual_distance_km")

    def fields(items):
        return [tuple(getattr(s, k) for k in keep) for s in items]

    assert fields(sessions_in(b)) == fields(sessions_in(a))


def test_import_appends_after_the_days_existing_sessions(cli, data_dir, tmp_path):
    plan = write(tmp_path / "plan.csv", PLAN)
    cli("--data-dir", data_dir, "import-plan", plan)
    cli("--data-dir", data_dir, "import-plan", plan)
    monday = [s for s in sessions_in(data_dir) if s.date == dt.date(2026, 11, 23)]
    assert [s.position for s in monday] == [0, 1]
    assert len({s.id for s in monday}) == 2


def test_import_is_all_or_nothing(cli, data_dir, tmp_path):
    cli("--data-dir", data_dir, "import-plan", write(tmp_path / "ok.csv", PLAN))
    before = sessions_in(data_dir)
    bad = PLAN + "2026-12-01,,run,easy,Easy,45,12,,,,,,,\n" + PLAN.split("\n", 1)[1]
    rc, out, err = cli("--data-dir", data_dir, "import-plan", write(tmp_path / "bad.csv", bad))
    assert_one_line_error(rc, err)
    assert rc == 1
    assert "bad.csv line 6: rpe: must be between 0 and 10 (got 12); nothing was imported" in err
    assert out == ""
    assert sessions_in(data_dir) == before


def test_every_bad_row_is_listed(cli, data_dir, tmp_path):
    bad = (HEADER + "\n2026-11-23,,run,easy,Easy,45,3\n2026-11-24,,swim,,X,45,3\n"
           "2026-11-25,,run,easy,Easy,45,3\n2026-13-01,,run,easy,Easy,45,3\n")
    rc, _, err = cli("--data-dir", data_dir, "import-plan", write(tmp_path / "bad.csv", bad))
    assert rc == 1
    assert "Traceback" not in err
    lines = err.splitlines()
    assert lines[0].startswith("hybrid-planner: error: ")
    assert lines[0].endswith("bad.csv has 2 problems; nothing was imported:")
    assert lines[1].startswith("  line 3: kind: must be one of")
    assert lines[2].startswith("  line 5: date: must be a date written YYYY-MM-DD")
    assert sessions_in(data_dir) == []


def test_an_empty_plan_imports_nothing(cli, data_dir, tmp_path):
    rc, out, _ = cli("--data-dir", data_dir, "import-plan", write(tmp_path / "e.csv", HEADER))
    assert rc == 0
    assert "nothing was imported" in out


def test_export_range_is_inclusive(cli, data_dir, tmp_path):
    cli("--data-dir", data_dir, "import-plan", write(tmp_path / "plan.csv", PLAN))
    rc, out, _ = cli("--data-dir", data_dir, "export-plan", "-", "--from", "2026-11-24",
                     "--to", "2026-11-26")
    assert rc == 0
    assert [line.split(",")[0] for line in out.splitlines()] == ["date", "2026-11-24",
                                                                "2026-11-26"]
    out = cli("--data-dir", data_dir, "export-plan", "-", "--from", "2026-11-26")[1]
    assert len(out.splitlines()) == 3
    out = cli("--data-dir", data_dir, "export-plan", "-", "--to", "2026-11-23")[1]
    assert len(out.splitlines()) == 2


def test_import_from_standard_input(cli, data_dir, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(PLAN.encode())))
    rc, out, _ = cli("--data-dir", data_dir, "import-plan", "-")
    assert rc == 0
    assert len(sessions_in(data_dir)) == 4


# -- report ---------------------------------------------------------------------------------------
def test_report_json(cli, data_dir, tmp_path):
    cli("--data-dir", data_dir, "import-plan", write(tmp_path / "plan.csv", PLAN))
    rc, out, err = cli("--data-dir", data_dir, "report", "--week", "2026-W48", "--json")
    assert (rc, err) == (0, "")
    r = json.loads(out)
    assert list(r) == ["week", "start", "end", "days", "totals", "load", "findings"]
    # the plan check: no mobility session this week (the intervals were skipped, so no clash)
    assert [f["rule"] for f in r["findings"]] == ["no-mobility"]
    assert (r["week"], r["start"], r["end"]) == ("2026-W48", "2026-11-23", "2026-11-29")
    assert [d["date"] for d in r["days"]] == [f"2026-11-{d}" for d in range(23, 30)]
    sessions = [s for d in r["days"] for s in d["sessions"]]
    assert [s["title"] for s in sessions] == ["Easy run", "Heavy legs", "6 x 800 m"]
    assert set(sessions[0]) == {"id", "title", "kind", "type", "duration_min", "rpe",
                                "distance_km", "status"}
    # Load: 4 x 50 (done easy run) + 8 x 60 (legs) = 680 AU; 5 squat sets at RPE 8 are hard.
    assert r["totals"] == {"sessions": 3, "run_km": 9.2, "run_min": 50, "lift_tonnage_kg": 4300,
                           "load_au": 680, "hard_sets": 5, "run_easy_min": 50, "run_hard_min": 0}
    assert r["load"]["building_up"] is True and r["load"]["long_run_spike"] is None


def test_report_of_an_empty_week_lists_seven_empty_days(cli, data_dir):
    r = json.loads(cli("--data-dir", data_dir, "report", "--week", "2026-W01", "--json")[1])
    assert [d["sessions"] for d in r["days"]] == [[]] * 7
    assert r["start"] == "2025-12-29"


def test_report_text(cli, data_dir, tmp_path):
    cli("--data-dir", data_dir, "import-plan", write(tmp_path / "plan.csv", PLAN))
    rc, out, _ = cli("--data-dir", data_dir, "report", "--week", "2026-W48")
    assert rc == 0
    assert out.startswith("Week 2026-W48: Mon 23 Nov 2026 - Sun 29 Nov 2026")
    assert "Heavy legs" in out and "Sun 29 Nov" in out
    assert "Totals: 3 sessions; running 9.2 km in 50 min; lifting 4,300 kg tonnage" in out


# -- every error: non-zero, one line on stderr, no traceback ------------------------------------
BAD_ROW = HEADER + "\n2026-11-23,,run,easy,Easy,45,3\n2026-11-24,,run,easy,Easy,-5,3\n"


@pytest.mark.parametrize(
    ("args", "files", "code", "words"),
    [
        (["report", "--week", "2026-W60"], {}, 2, "2026-W60 does not exist"),
        (["report", "--week", "48"], {}, 2, "must be written YYYY-Www"),
        (["report"], {}, 2, "required: --week"),
        (["profile", "--goal", "swim"], {}, 2, "invalid choice"),
        (["profile", "--body-mass", "abc"], {}, 2, "must be a number (got 'abc')"),
        (["profile", "--body-mass", "1000"], {}, 2, "between 30 and 250 kg"),
        (["profile", "--sweat-rate", "nan"], {}, 2, "--sweat-rate: must be a number (got 'nan')"),
        (["profile", "--name", ""], {}, 2, "name: must not be empty"),
        (["profile", "--name", "x" * 200], {}, 2, "at most 120 characters"),
        (["export-plan", "-", "--from", "yesterday"], {}, 2, "from: must be a date"),
        (["export-plan", "-", "--from", "2026-12-01", "--to", "2026-11-01"], {}, 2, "before"),
        (["export-plan", "{tmp}/no/such/dir/x.csv"], {}, 1, "cannot write"),
        (["export-plan"], {}, 2, "required"),
        (["import-plan", "{tmp}/missing.csv"], {}, 1, "cannot read"),
        (["import-plan", "{tmp}"], {}, 1, "cannot read"),
        (["import-plan", "{tmp}/bad.csv"], {"bad.csv": BAD_ROW}, 1,
         "line 3: duration_min: must be between 1 and 600 min (got -5)"),
        (["import-plan", "{tmp}/cols.csv"], {"cols.csv": "date,kind,title\n"}, 1,
         "missing required columns duration_min, rpe"),
        (["import-plan", "{tmp}/empty.csv"], {"empty.csv": ""}, 1, "the file is empty"),
        (["import-plan", "{tmp}/bin.csv"], {"bin.csv": b"\x00\x01\x02PK"}, 1, "not a text"),
        (["import-plan", "{tmp}/ex.csv"],
         {"ex.csv": "date,kind,title,duration_min,rpe,exercises\n"
                    "2026-11-23,lift,Legs,60,8,Squat 5x5@100; Lunge 3xl0\n"}, 1,
         "line 2: exercises: item 2 'Lunge 3xl0': expected"),
        (["frobnicate"], {}, 2, "invalid choice"),
        (["--demo", "report", "--week", "2026-W48"], {}, 2, "--demo only applies"),
        (["report", "--week", "2026-W48", "--colour"], {}, 2, "unrecognized arguments"),
    ],
)
def test_bad_input_gives_one_clear_line(cli, data_dir, tmp_path, args, files, code, words):
    for name, content in files.items():
        data = content if isinstance(content, bytes) else content.encode()
        (tmp_path / name).write_bytes(data)
    argv = ["--data-dir", data_dir, *(a.format(tmp=tmp_path) for a in args)]
    rc, out, err = cli(*argv)
    assert_one_line_error(rc, err)
    assert rc == code, err
    assert words in err
    assert out == ""


def test_a_locked_folder_is_an_error_not_a_wait(cli, data_dir, tmp_path):
    holder = open_store(data_dir)
    try:
        rc, _, err = cli("--data-dir", data_dir, "import-plan", write(tmp_path / "plan.csv", PLAN))
        # Reading needs no lock: a snapshot of the file (issue 7, defect 9).
        read_rc, out, _ = cli("--data-dir", data_dir, "report", "--week", "2026-W48")
    finally:
        holder.close()
    assert_one_line_error(rc, err)
    assert "already open" in err
    assert read_rc == 0 and "2026-W48" in out


def test_a_broken_data_file_is_an_error(cli, data_dir):
    (data_dir / DATA_FILE).write_text("{not json", encoding="utf-8")
    rc, _, err = cli("--data-dir", data_dir, "report", "--week", "2026-W48")
    assert_one_line_error(rc, err)
    assert rc == 1
    assert "not valid JSON" in err


def test_a_data_dir_that_is_a_file_is_an_error(cli, tmp_path):
    blocker = write(tmp_path / "file", "x")
    rc, _, err = cli("--data-dir", blocker, "profile")
    assert_one_line_error(rc, err)


def test_a_bug_is_one_line_too_unless_debugging(cli, data_dir, monkeypatch):
    def boom(args, data_dir):
        raise RuntimeError("kaput")

    monkeypatch.setattr(planner_cli.report, "run", boom)
    rc, _, err = cli("--data-dir", data_dir, "report", "--week", "2026-W48")
    assert_one_line_error(rc, err)
    assert rc == 70
    assert "RuntimeError: kaput" in err
    monkeypatch.setenv("HYBRID_PLANNER_DEBUG", "1")
    with pytest.raises(RuntimeError):
        cli("--data-dir", data_dir, "report", "--week", "2026-W48")


# -- the window -----------------------------------------------------------------------------------
@pytest.fixture
def fake_gui(monkeypatch):
    calls = []
    app = types.ModuleType("planner.app")

    def run_gui(data_dir: Path, demo: bool) -> int:
        calls.append((data_dir, demo))
        return 0

    app.run_gui = run_gui
    monkeypatch.setitem(sys.modules, "planner.app", app)
    return calls


def test_no_command_opens_the_window(cli, fake_gui, data_dir, default_data_dir):
    assert cli()[0] == 0
    assert cli("--data-dir", data_dir, "--demo")[0] == 0
    assert fake_gui == [(default_data_dir, False), (data_dir, True)]
