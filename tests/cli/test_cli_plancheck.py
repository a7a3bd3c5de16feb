"""`check`, `log`, `profile --experience` and the report's findings, run in-process."""

from __future__ import annotations

import json

from planner.store.database import open_store

# Tue 5 Mar: heavy legs 07:00-08:00 and intervals at 12:00 (4 h: an alert); Wed 6 Mar: yoga.
PLAN = (
    "date,time,kind,type,title,duration_min,rpe,distance_km,exercises,status,actual_duration_min,actual_rpe,"
    "actual_distance_km,notes\n"
    "2030-03-05,07:00,lift,lower,Heavy legs,60,8,,Back squat 5x5@100 RPE 8,planned,,,,\n"
    "2030-03-05,12:00,run,intervals,6 x 800 m,55,8,10,,planned,,,,\n"
    "2030-03-06,,mobility,yoga,Yoga,40,2,,,planned,,,,\n"
    "2030-03-08,,lift,upper,Upper body,50,7,,,planned,,,,\n"
)


def _plan(cli, data_dir, tmp_path):
    f = tmp_path / "plan.csv"
    f.write_text(PLAN, encoding="utf-8")
    assert cli("--data-dir", data_dir, "import-plan", f)[0] == 0


def test_check_numbers_the_findings_and_fix_applies_the_first_fix(cli, data_dir, tmp_path):
    _plan(cli, data_dir, tmp_path)
    rc, out, err = cli("--data-dir", data_dir, "check", "--from", "2030-03-04", "--to", "2030-03-10")
    assert rc == 0, err
    assert out.startswith("1. [alert] Tue 5 Mar: Hard run 4 h after heavy legs (hard-run-after-heavy-legs)\n")
    assert "   fix: Make '6 x 800 m' an easy run (RPE 4)\n" in out

    rc, out, _ = cli("--data-dir", data_dir, "check", "--from", "2030-03-04", "--to", "2030-03-10", "--json")
    data = json.loads(out)
    first = data["findings"][0]
    assert set(first) == {"rule", "severity", "dates", "session_ids", "message", "fixes"}
    assert (first["rule"], first["severity"], first["dates"]) == ("hard-run-after-heavy-legs", "alert",
                                                                  ["2030-03-05"])

    rc, out, _ = cli("--data-dir", data_dir, "check", "--from", "2030-03-04", "--to", "2030-03-10", "--fix", "1")
    assert (rc, out) == (0, "Applied: Make '6 x 800 m' an easy run (RPE 4)\n")
    store = open_store(data_dir)
    [ints] = [s for s in store.sessions.all() if s.kind.value == "run"]
    assert (ints.type, ints.rpe, ints.title) == ("easy", 4.0, "Easy run (was 6 x 800 m)")
    store.close()
    rc, out, _ = cli("--data-dir", data_dir, "check", "--from", "2030-03-04", "--to", "2030-03-10", "--json")
    assert [f["rule"] for f in json.loads(out)["findings"]] == []


def test_check_fix_of_a_finding_that_does_not_exist(cli, data_dir, tmp_path):
    _plan(cli, data_dir, tmp_path)
    rc, _, err = cli("--data-dir", data_dir, "check", "--from", "2030-03-04", "--to", "2030-03-10", "--fix", "7")
    assert rc == 2
    assert "there is no finding 7 (the range has 1)" in err


def test_report_lists_the_findings(cli, data_dir, tmp_path):
    _plan(cli, data_dir, tmp_path)
    rc, out, _ = cli("--data-dir", data_dir, "report", "--week", "2030-W10", "--json")
    [f] = json.loads(out)["findings"]
    assert f["rule"] == "hard-run-after-heavy-legs" and f["fixes"][0]["kind"] == "make_easy"
    rc, out, _ = cli("--data-dir", data_dir, "report", "--week", "2030-W10")
    assert "\nPlan check: 1 finding\n1. [alert] Tue 5 Mar (hard-run-after-heavy-legs): " in out


def test_log_merges_values_and_validates(cli, data_dir):
    rc, out, _ = cli("--data-dir", data_dir, "log", "--date", "2030-03-05", "--sleep", "7,5", "--fatigue", "3")
    assert (rc, out) == (0, "2030-03-05: Sleep 7.5 h · fatigue 3\n")
    rc, out, _ = cli("--data-dir", data_dir, "log", "--date", "2030-03-05", "--mood", "4", "--rhr", "52")
    assert out == "2030-03-05: Sleep 7.5 h · fatigue 3 · mood 4 · RHR 52\n"
    rc, _, err = cli("--data-dir", data_dir, "log", "--date", "2030-03-05", "--fatigue", "6")
    assert rc == 2 and "fatigue" in err


def test_profile_experience(cli, data_dir):
    rc, out, _ = cli("--data-dir", data_dir, "profile")
    assert "experience: some\n" in out
    rc, out, _ = cli("--data-dir", data_dir, "profile", "--experience", "new")
    assert "experience: new\n" in out
    rc, _, _ = cli("--data-dir", data_dir, "profile", "--experience", "expert")
    assert rc == 2


def test_check_and_profile_only_read_so_they_run_while_the_window_is_open(cli, data_dir, tmp_path):
    _plan(cli, data_dir, tmp_path)
    window = open_store(data_dir)  # holds the folder lock, as the window does
    try:
        rc, out, err = cli("--data-dir", data_dir, "check", "--from", "2030-03-04", "--to", "2030-03-10")
        assert (rc, err) == (0, "")
        assert out.startswith("1. [alert] Tue 5 Mar: Hard run 4 h after heavy legs (hard-run-after-heavy-legs)\n")
        rc, out, err = cli("--data-dir", data_dir, "profile")
        assert (rc, err) == (0, "")
        assert out.startswith("name: ")
        # What writes still waits for the window to close, and says so.
        rc, _, err = cli("--data-dir", data_dir, "check", "--from", "2030-03-04", "--to", "2030-03-10", "--fix", "1")
        assert rc == 1 and "already open" in err
        rc, _, err = cli("--data-dir", data_dir, "profile", "--body-mass", "70")
        assert rc == 1 and "already open" in err
    finally:
        window.close()


def test_reading_the_profile_or_the_check_creates_no_data_file(cli, data_dir):
    from planner.store.database import DATA_FILE

    assert cli("--data-dir", data_dir, "profile")[0] == 0
    assert cli("--data-dir", data_dir, "check", "--from", "2030-03-04", "--to", "2030-03-10")[0] == 0
    assert not (data_dir / DATA_FILE).exists()
