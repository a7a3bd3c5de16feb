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
