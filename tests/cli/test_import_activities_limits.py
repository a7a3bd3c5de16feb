"""Issue 19 on the command line: hostile activity files end in one clear line and exit 1, never a
crash (139), a hang holding the writer lock, or an unexpected error (70); nothing is imported."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from planner.store.database import open_store
from tests.io.activities import hostile

ROOT = Path(__file__).resolve().parents[2]


def hybrid_planner(data_dir: Path, *args: object, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "planner", "--data-dir", str(data_dir), *map(str, args)],
                          capture_output=True, text=True, timeout=timeout, env=env)


def test_deeply_nested_gpx_is_refused_not_a_crash(data_dir, tmp_path):
    path = tmp_path / "deep.gpx"
    path.write_bytes(hostile.nested())
    done = hybrid_planner(data_dir, "import-activities", path)  # on main: exit 139 (segfault)
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == ("hybrid-planner: error: deep.gpx: nests elements more than 64 deep, which no "
                           "activity file does; refused before reading it; nothing was imported\n")


def test_a_fifo_is_refused_at_once_and_the_lock_is_free(data_dir, tmp_path):
    fifo = tmp_path / "run.gpx"
    os.mkfifo(fifo)
    done = hybrid_planner(data_dir, "import-activities", fifo, timeout=30)  # on main: hangs for ever
    assert done.returncode == 1
    assert done.stderr == (f"hybrid-planner: error: {fifo}: is a named pipe (FIFO), not a regular file; only "
                           "files are imported; nothing was imported\n")
    open_store(data_dir).close()  # the writer lock was let go


def test_a_point_off_the_earth_exits_1_with_its_reason(data_dir, tmp_path):
    path = tmp_path / "inf.gpx"
    path.write_bytes(hostile.gpx(hostile.point(), hostile.point(lon="inf", time="2026-11-23T07:30:00Z")))
    done = hybrid_planner(data_dir, "import-activities", path)  # on main: exit 70, "math domain error"
    assert done.returncode == 1
    assert done.stderr == ("hybrid-planner: error: inf.gpx: holds a track point at latitude 47, longitude inf, "
                           "which is not a place on Earth (latitude -90 to 90, longitude -180 to 180); "
                           "nothing was imported\n")
    store = open_store(data_dir)
    assert store.sessions.all() == []
    store.close()


HEVY_HEAD = ("title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,set_index,set_type,"
             "weight_kg,reps,distance_km,duration_seconds,rpe\n")
STRONG_HEAD = ("Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
               "Workout Notes,RPE\n")


def test_a_lifting_log_dated_9999_names_file_and_line(cli, data_dir, tmp_path):
    hevy, strong = tmp_path / "hevy.csv", tmp_path / "strong.csv"
    hevy.write_text(HEVY_HEAD + '"Legs","24 Nov 2026, 18:00","24 Nov 2026, 19:00",,"Squat",,,0,normal,100,8,,,8\n'
                    '"Legs","24 Nov 9999, 18:00","24 Nov 9999, 19:00",,"Squat",,,0,normal,100,8,,,8\n')
    strong.write_text(STRONG_HEAD + "9999-11-24 18:00:00,Legs,1h,Squat (Barbell),1,100,5,0,0,,,8\n")
    for path, line in ((hevy, 3), (strong, 2)):
        rc, out, err = cli("--data-dir", data_dir, "import-activities", path)  # on main: exit 2, no file
        assert (rc, out) == (1, "")
        assert err == (f"hybrid-planner: error: {path.name} line {line}: has a workout dated 9999-11-24, outside "
                       "the dates a plan holds (1900-01-01 to 2199-12-31); nothing was imported\n")


def test_2000_sets_of_one_exercise_are_reported_as_such(cli, data_dir, tmp_path):
    path = tmp_path / "many.csv"
    path.write_text(HEVY_HEAD + "".join(
        f'"Legs","24 Nov 2026, 18:00","24 Nov 2026, 19:00",,"Squat",,,{i},normal,100,8,,,8\n' for i in range(2000)))
    rc, _, err = cli("--data-dir", data_dir, "import-activities", path)  # on main: "100 exercises"
    assert rc == 1
    assert err == ("hybrid-planner: error: many.csv line 2: has a workout with 2,000 sets of one exercise "
                   "(Squat); a workout holds at most 30 exercises of 20 sets; nothing was imported\n")
    path.write_text(HEVY_HEAD + "".join(
        f'"Legs","24 Nov 2026, 18:00","24 Nov 2026, 19:00",,"Lift {i}",,,0,normal,100,8,,,8\n' for i in range(31)))
    rc, _, err = cli("--data-dir", data_dir, "import-activities", path)
    assert rc == 1 and "has a workout with 31 exercises (at most 30)" in err
