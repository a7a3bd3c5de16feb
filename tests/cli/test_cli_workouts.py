"""`export-workouts --from DATE --to DATE DIR`."""

from __future__ import annotations

import datetime as dt

from planner.io.workouts.fit_read import read_workout


def test_export_workouts_writes_one_file_per_session_with_steps_or_sets(cli, tmp_path):
    data = tmp_path / "data"
    assert cli("--data-dir", data, "demo")[0] == 0
    monday = dt.date.today() - dt.timedelta(days=dt.date.today().weekday())
    rc, out, err = cli("--data-dir", data, "export-workouts", "--from", monday,
                       "--to", monday + dt.timedelta(days=6), tmp_path / "watch")
    assert (rc, err) == (0, "")
    files = sorted((tmp_path / "watch").glob("*.fit"))
    assert out.splitlines()[0] == (f"Wrote {len(files)} workout files ({monday} to {monday + dt.timedelta(days=6)}) "
                                   f"to {tmp_path / 'watch'}.")
    assert "GARMIN/NewFiles" in out
    assert len(files) >= 3 and all(read_workout(f.read_bytes(), f.name).date >= monday for f in files)


def test_export_workouts_needs_both_dates_in_order(cli, tmp_path):
    rc, _, err = cli("--data-dir", tmp_path, "export-workouts", "--from", "2026-12-08", tmp_path / "w")
    assert rc == 2 and "--to" in err
    rc, _, err = cli("--data-dir", tmp_path, "export-workouts", "--from", "2026-12-08", "--to", "2026-12-01",
                     tmp_path / "w")
    assert rc == 2 and err == "hybrid-planner: error: to: 2026-12-01 is before --from 2026-12-08\n"


def test_an_empty_range_writes_nothing_and_says_so(cli, tmp_path):
    rc, out, _ = cli("--data-dir", tmp_path, "export-workouts", "--from", "2026-12-08", "--to", "2026-12-09",
                     tmp_path / "w")
    assert rc == 0 and out == f"Wrote 0 workout files (2026-12-08 to 2026-12-09) to {tmp_path / 'w'}.\n"
