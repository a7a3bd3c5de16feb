"""`import-activities EXPORT.zip`: ZIPs as people download them, built from the real files, and
ZIPs that must be refused (a bomb, a ZIP slip path, a ZIP inside a ZIP) with nothing stored."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import resource
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from planner.io.activities import archive
from tests.cli.conftest import stored_sessions as sessions
from tests.io.activities.strava_export import Row, activities_csv
from tests.realdata import FIT, GPX, TCX, needs_realdata, utc_clock  # noqa: F401 - a fixture

pytestmark = [needs_realdata, pytest.mark.usefixtures("utc_clock")]
ROOT = Path(__file__).resolve().parents[2]


def test_a_zip_of_gpx_gz_tcx_and_fit_imports_each_with_its_values(cli, tmp_path):
    z = tmp_path / "watch.zip"
    with zipfile.ZipFile(z, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("Export/run.gpx.gz", gzip.compress(GPX.read_bytes()))
        zf.write(TCX, "Export/run.tcx")
        zf.write(FIT, "Export/FIT/run.fit")
        zf.writestr("Export/photo.jpg", b"\xff\xd8 not an activity")
        zf.writestr("Export/empty/", b"")
    rc, out, err = cli("--data-dir", tmp_path / "d", "import-activities", z, "--json")
    assert (rc, err) == (0, "")
    assert json.loads(out)["added"] == 3
    gpx, tcx, fit = sessions(tmp_path / "d")
    assert (gpx.date, gpx.actual_duration_min, gpx.actual_distance_km) == (dt.date(2012, 1, 26), 58, 10.118)
    assert (tcx.date, tcx.actual_duration_min, tcx.avg_hr, tcx.max_hr) == (dt.date(2012, 12, 26), 33, 157, 189)
    assert tcx.actual_distance_km == pytest.approx(4.69, rel=0.005)
    assert (fit.date, fit.actual_duration_min, fit.actual_distance_km, fit.avg_hr) == (
        dt.date(2015, 8, 15), 47, 9.008, 154)


def strava_zip(path: Path) -> Path:
    """Strava's bulk export: activities.csv without heart rate or ascent for the run, whose own
    FIT file (named in Filename, gzipped as Strava does) has them; a ride with no file."""
    csv = activities_csv([
        Row(dt.datetime(2015, 8, 15, 14, 45, 8, tzinfo=dt.UTC), "Run", 2832, 2900, 9008.2, "Fenix run",
            filename="activities/1401.fit.gz"),
        Row(dt.datetime(2020, 5, 21, 16, 31, tzinfo=dt.UTC), "Ride", 645 * 60, 700 * 60, 180_000.0, "Long day",
            avg_hr=128, max_hr=171, gain=2100.0),
    ])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("export_123/activities.csv", csv)
        zf.writestr("export_123/activities/1401.fit.gz", gzip.compress(FIT.read_bytes()))
        zf.writestr("export_123/profile.csv", "Email,First Name\nx@example.org,X\n")
    return path


def test_strava_export_zip_its_files_add_heart_rate_and_ascent_to_their_rows(cli, tmp_path):
    z = strava_zip(tmp_path / "export_123.zip")
    rc, out, _ = cli("--data-dir", tmp_path / "d", "import-activities", z, "--json")
    assert rc == 0
    assert json.loads(out)["added"] == 2
    run, ride = sessions(tmp_path / "d")  # the FIT file is not imported a second time
    assert (run.title, run.actual_duration_min, run.avg_hr, run.max_hr, run.ascent_m) == (
        "Fenix run", 47, 154, 178, 64.0)
    assert (ride.title, ride.actual_duration_min, ride.avg_hr, ride.ascent_m) == ("Long day", 645, 128, 2100.0)


def test_an_unpacked_strava_export_joins_the_files_beside_its_csv_as_the_zip_does(cli, tmp_path):
    with zipfile.ZipFile(strava_zip(tmp_path / "export_123.zip")) as zf:
        zf.extractall(tmp_path / "unpacked")
    csv = tmp_path / "unpacked" / "export_123" / "activities.csv"
    rc, out, _ = cli("--data-dir", tmp_path / "d", "import-activities", csv, "--json")
    assert (rc, json.loads(out)["added"]) == (0, 2)
    run, ride = sessions(tmp_path / "d")
    assert (run.title, run.avg_hr, run.max_hr, run.ascent_m) == ("Fenix run", 154, 178, 64.0)
    assert (ride.avg_hr, ride.ascent_m) == (128, 2100.0)


def test_an_unpacked_export_without_its_file_or_with_a_broken_one_imports_the_row_without_it(cli, tmp_path):
    with zipfile.ZipFile(strava_zip(tmp_path / "export_123.zip")) as zf:
        zf.extractall(tmp_path / "unpacked")
    folder = tmp_path / "unpacked" / "export_123"
    (folder / "activities" / "1401.fit.gz").write_bytes(b"not gzip")
    rc, out, _ = cli("--data-dir", tmp_path / "d", "import-activities", folder / "activities.csv")
    assert rc == 0
    assert ("  export_123/activities/1401.fit.gz: is not a readable .gz file (Not a gzipped file (b'no')) "
            "(its row in activities.csv imports without its heart rate)\n") in out
    (folder / "activities" / "1401.fit.gz").unlink()
    rc, out, _ = cli("--data-dir", tmp_path / "e", "import-activities", folder / "activities.csv")
    run, _ride = sessions(tmp_path / "e")
    assert (rc, run.title, run.avg_hr, run.ascent_m) == (0, "Fenix run", None, None)


def refused(cli, tmp_path, z: Path, words: str) -> None:
    d = tmp_path / "d"
    rc, out, err = cli("--data-dir", d, "import-activities", z, GPX)
    assert (rc, out) == (1, "")
    assert words in err
    assert "nothing was imported" in err
    assert sessions(d) == []


def test_a_zip_slip_path_is_refused_and_nothing_stored(cli, tmp_path):
    z = tmp_path / "slip.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.write(TCX, "run.tcx")
        zf.writestr("../../x.gpx", GPX.read_bytes())
    refused(cli, tmp_path, z, "slip.zip: holds an entry named '../../x.gpx', which points outside the archive")
    assert not (tmp_path.parent / "x.gpx").exists()


def test_a_zip_inside_a_zip_is_refused_and_nothing_stored(cli, tmp_path):
    inner = tmp_path / "inner.zip"
    with zipfile.ZipFile(inner, "w") as zf:
        zf.write(TCX, "run.tcx")
    z = tmp_path / "outer.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.write(FIT, "run.fit")
        zf.write(inner, "Part1/inner.zip")
    refused(cli, tmp_path, z, "holds another archive ('Part1/inner.zip'); unpack that one and import it")


def test_too_many_entries_are_refused(cli, tmp_path, monkeypatch):
    z = tmp_path / "many.zip"
    with zipfile.ZipFile(z, "w") as zf:
        for i in range(archive.MAX_ENTRIES + 1):
            zf.writestr(f"a/{i}.gpx", b"")
    refused(cli, tmp_path, z, f"holds 20,001 entries (at most {archive.MAX_ENTRIES:,})")


def test_more_unpacked_bytes_than_the_limit_are_refused(cli, tmp_path, monkeypatch):
    monkeypatch.setattr(archive, "MAX_UNPACKED", 2**30)
    z = tmp_path / "big.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.write(FIT, "run.fit")
        zf.write(TCX, "run.tcx")
    monkeypatch.setattr(archive, "MAX_UNPACKED", FIT.stat().st_size)
    refused(cli, tmp_path, z, "would unpack to 0.0 GB")


def bomb(path: Path, mb: int) -> Path:
    """One entry of zeros, streamed so that building it costs no memory: packs about 1,000 x."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.write(TCX, "run.tcx")
        with zf.open("bomb.gpx", "w", force_zip64=True) as f:
            chunk = bytes(2**20)
            for _ in range(mb):
                f.write(chunk)
    return path


def test_a_zip_bomb_is_refused_in_seconds_in_under_400_mb_with_nothing_stored(tmp_path):
    z = bomb(tmp_path / "bomb.zip", 1024)  # 1 GB of zeros in ~1 MB
    assert z.stat().st_size < 2 * 2**20
    d = tmp_path / "d"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    p = subprocess.run([sys.executable, "-m", "planner", "--data-dir", str(d), "import-activities", str(z)],
                       cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert p.returncode == 1
    assert "unpacks 1,0" in p.stderr and "times its packed size (at most 100); a ZIP bomb?" in p.stderr
    assert seconds < 5
    assert peak_mb < 400
    assert sessions(d) == []
