"""Issue 19: activity files past the documented limits are refused before parsing, quickly and in
bounded memory; GPX values that are not a place or a time are refused or skipped with a reason."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from planner.io.activities import ActivityFileError, limits, read_bytes, read_file
from tests.io.activities import hostile

ROOT = Path(__file__).resolve().parents[3]

MEASURE = textwrap.dedent("""
    import json, resource, sys, time
    from pathlib import Path
    from planner.io.activities import ActivityFileError, read_file
    t = time.perf_counter()
    try:
        read_file(Path(sys.argv[1]))
        outcome = "read"
    except ActivityFileError as exc:
        outcome = str(exc)
    # VmHWM starts afresh at exec; ru_maxrss would carry the forking parent's size over
    status = Path("/proc/self/status").read_text()
    peak_kb = int(status.split("VmHWM:")[1].split()[0]) if "VmHWM:" in status else \
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"outcome": outcome, "seconds": time.perf_counter() - t, "peak_mb": peak_kb / 1024}))
""")


def measure(path: Path) -> dict:
    """Read `path` in a fresh process: its outcome, time and peak memory (RSS)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", MEASURE, str(path)], capture_output=True, text=True,
                          timeout=120, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


def test_deep_nesting_is_refused_before_any_parser(tmp_path):
    path = tmp_path / "deep.gpx"
    path.write_bytes(hostile.nested())
    found = measure(path)  # on main this process died with SIGSEGV (exit 139)
    assert found["outcome"] == (f"{path.name}: nests elements more than 64 deep, which no activity file does; "
                                "refused before reading it")
    assert found["seconds"] < 2 and found["peak_mb"] < 400


def test_nesting_at_the_limit_is_read():
    # gpx, trk, trkseg, trkpt and extensions, then 59 more: 64 deep
    data = hostile.gpx(hostile.point(inner=b"<extensions>" + b"<x>" * 59 + b"</x>" * 59 + b"</extensions>"),
                       hostile.point(time="2026-11-23T07:30:00Z"))
    assert read_bytes(data, "ok.gpx").activities[0].duration_s == 1800
    too_deep = data.replace(b"<x>" * 59, b"<x>" * 60).replace(b"</x>" * 59, b"</x>" * 60)  # 65 deep
    with pytest.raises(ActivityFileError, match="nests elements more than 64 deep"):
        read_bytes(too_deep, "deep.gpx")


def test_a_quoted_end_of_tag_does_not_hide_nesting():
    inner = b'<x a="/>">' * 100 + b"</x>" * 100
    with pytest.raises(ActivityFileError, match="nests elements more than 64 deep"):
        read_bytes(hostile.gpx(hostile.point(inner=b"<extensions>" + inner + b"</extensions>")), "hide.gpx")


def test_points_limit_both_sides():
    at = hostile.many_points(limits.MAX_POINTS - 2)
    assert len(read_bytes(at, "at.gpx").activities) == 1
    with pytest.raises(ActivityFileError) as err:
        read_bytes(hostile.many_points(limits.MAX_POINTS - 1), "over.gpx")
    assert str(err.value) == ("over.gpx: holds 200,001 track points, more than the 200,000 an activity file "
                              "may have")


def test_two_million_points_refused_in_bounded_memory(tmp_path):
    path = tmp_path / "huge.gpx"
    path.write_bytes(hostile.many_points(2_000_000))  # 58 MB: under the file limit, over the points
    found = measure(path)  # on main: 2.9 GB
    assert found["outcome"].endswith("holds 2,000,002 track points, more than the 200,000 an activity file "
                                     "may have")
    assert found["seconds"] < 5 and found["peak_mb"] < 400


def test_gz_bomb_refused_in_bounded_memory(tmp_path):
    path = tmp_path / "bomb.gpx.gz"
    path.write_bytes(hostile.gz_bomb(245))
    found = measure(path)  # on main: 3.7 GB and 36 s
    assert found["outcome"] == (f"{path.name}: unpacks to more than 64 MB, the most an activity file may "
                                "hold")
    assert found["seconds"] < 5 and found["peak_mb"] < 400


def test_unpacked_size_both_sides():
    small = hostile.small_gz(hostile.gpx(hostile.point(), hostile.point(time="2026-11-23T07:30:00Z")))
    assert read_bytes(small, "ok.gpx.gz").activities[0].duration_s == 1800
    with pytest.raises(ActivityFileError, match="is not a readable .gz file"):
        read_bytes(small[:-9], "cut.gpx.gz")


def test_file_size_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 1000)
    ok, big = tmp_path / "ok.gpx", tmp_path / "big.gpx"
    ok.write_bytes(hostile.gpx(hostile.point(), hostile.point(time="2026-11-23T07:30:00Z")).ljust(1000))
    big.write_bytes(b" " * 1001)
    assert read_file(ok).activities
    with pytest.raises(ActivityFileError) as err:
        read_file(big)
    assert str(err.value) == (f"{big}: is 0.0 MB, more than the 0 MB an activity file may have; "
                              "refused without reading it")


def test_fifo_is_refused_at_once(tmp_path):
    fifo = tmp_path / "run.gpx"
    os.mkfifo(fifo)
    with pytest.raises(ActivityFileError) as err:
        read_file(fifo)  # on main: hangs for ever
    assert str(err.value) == f"{fifo}: is a named pipe (FIFO), not a regular file; only files are imported"


@pytest.mark.skipif(os.geteuid() != 0, reason="mknod of a device needs root")
def test_a_zero_device_is_refused_at_once(tmp_path):
    zero = hostile.device(tmp_path / "zero.gpx")
    with pytest.raises(ActivityFileError) as err:
        read_file(zero)  # on main: grows until memory runs out
    assert str(err.value) == f"{zero}: is a device, not a regular file; only files are imported"


@pytest.mark.parametrize(("lat", "lon", "shown"), [
    ("1e400", "8", "inf, longitude 8"), ("47", "inf", "47, longitude inf"), ("91", "8", "91, longitude 8"),
    ("47", "-180.5", "47, longitude -180.5"), ("nan", "8", "nan, longitude 8")])
def test_a_point_off_the_earth_is_a_clear_error(lat, lon, shown):
    data = hostile.gpx(hostile.point(), hostile.point(lat=lat, lon=lon, time="2026-11-23T07:30:00Z"))
    with pytest.raises(ActivityFileError) as err:
        read_bytes(data, "off.gpx")
    assert str(err.value) == (f"off.gpx: holds a track point at latitude {shown}, which is not a place on "
                              "Earth (latitude -90 to 90, longitude -180 to 180)")


@pytest.mark.parametrize(("edge", "near"), [(("90", "180"), ("89.99", "-180")), (("-90", "-180"), ("-89.99", "180"))])
def test_the_edges_of_the_earth_are_places(edge, near):
    data = hostile.gpx(hostile.point(*edge), hostile.point(*near, time="2026-11-23T07:30:00Z"))
    assert read_bytes(data, "pole.gpx").activities


def _run(*times: str, lat_step: float = 0.001) -> bytes:
    return hostile.gpx(*(hostile.point(lat=f"{47 + i * lat_step:.4f}", time=t) for i, t in enumerate(times)))


def test_a_bad_last_time_does_not_shorten_the_run():
    minutes = [f"2026-11-23T07:{m:02d}:00Z" for m in range(0, 30, 5)] + ["2026-11-23T07:30:00Z"]
    assert read_bytes(_run(*minutes), "good.gpx").activities[0].duration_s == 1800
    bad_last = [*minutes, "2026-11-23T07:01:00Z"]  # on main: a 1-minute run
    activity = read_bytes(_run(*bad_last), "bad.gpx").activities[0]
    assert activity.duration_s == 1800
    assert activity.start.isoformat() == "2026-11-23T07:00:00+00:00"
    far_last = [*minutes, "2099-01-01T00:00:00Z"]
    assert read_bytes(_run(*far_last), "far.gpx").activities[0].duration_s == 1800


def test_a_pause_within_six_hours_counts():
    times = ["2026-11-23T07:00:00Z", "2026-11-23T13:00:00Z"]
    assert read_bytes(_run(*times), "pause.gpx").activities[0].duration_s == 6 * 3600
    times = ["2026-11-23T07:00:00Z", "2026-11-23T13:00:01Z"]
    with pytest.raises(ActivityFileError, match="faster than 120 km/h"):
        read_bytes(_run(*times, lat_step=0.9), "jump.gpx")


def test_100_km_in_one_second_is_skipped_with_its_reason():
    fast = hostile.gpx(hostile.point(lat="47.0"), hostile.point(lat="47.9", time="2026-11-23T07:00:01Z"))
    with pytest.raises(ActivityFileError) as err:
        read_bytes(fast, "fast.gpx")  # on main: stored as a done run
    assert str(err.value) == ("fast.gpx: track 'Run' skipped: 100.2 km in 1 s is faster than 120 km/h, so its "
                              "times or positions are wrong")


def test_speed_limit_both_sides():
    assert limits.implausible(120_000, 3600) is None
    assert limits.implausible(120_001, 3600) is not None
    assert limits.implausible(999, 0) is None  # standing still with GPS drift


# -- ZIP entries, and the files of an unpacked Strava export, have the limits of a file of their own


def _zip(path: Path, **entries: bytes) -> Path:
    """A ZIP of `entries` (name__gpx: run.gpx), stored: a deflated nest of tags packs like a ZIP bomb."""
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
        for name, data in entries.items():
            zf.writestr(name.replace("__", "."), data)
    return path


def _read_all(paths: list[Path]):
    from planner.io.activities import read_source, sources

    return [read_source(src) for src in sources(paths)]


def test_a_deeply_nested_gpx_in_a_zip_is_refused_before_any_parser(tmp_path):
    archive = _zip(tmp_path / "export.zip", deep__gpx=hostile.nested(),
                   deeper__gpx__gz=hostile.small_gz(hostile.nested()))
    with pytest.raises(ActivityFileError) as refused:
        _read_all([archive])
    assert str(refused.value) == ("export.zip/deep.gpx: nests elements more than 64 deep, which no activity file "
                                  "does; refused before reading it")


def test_a_zip_entry_is_capped_at_the_unpacked_size_of_a_file_both_sides(tmp_path, monkeypatch):
    run = hostile.gpx(hostile.point(), hostile.point(time="2026-11-23T07:30:00Z"))
    monkeypatch.setattr(limits, "MAX_UNPACKED_BYTES", len(run))  # 0.000something MB
    (ok,) = _read_all([_zip(tmp_path / "ok.zip", run__gpx=run)])
    assert ok.activities[0].duration_s == 1800
    big = run.replace(b"<gpx", b"<gpx ", 1)  # one byte more
    with pytest.raises(ActivityFileError) as refused:
        _read_all([_zip(tmp_path / "big.zip", run__gpx=big)])
    assert str(refused.value) == (f"big.zip/run.gpx: unpacks to more than {len(run) / 2**20:g} MB, the most an "
                                  "activity file may hold")


def test_a_gz_bomb_in_a_zip_is_refused_while_unpacking(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_UNPACKED_BYTES", 1024 * 1024)
    archive = _zip(tmp_path / "export.zip", run__gpx__gz=hostile.gz_bomb(2))  # 2 MB once unpacked
    with pytest.raises(ActivityFileError) as refused:
        _read_all([archive])
    assert str(refused.value) == "export.zip/run.gpx.gz: unpacks to more than 1 MB, the most an activity file may hold"


def test_a_fifo_named_like_a_zip_or_in_an_unpacked_export_is_never_opened(tmp_path):
    os.mkfifo(tmp_path / "export.zip")
    with pytest.raises(ActivityFileError) as refused:
        _read_all([tmp_path / "export.zip"])
    assert str(refused.value) == "export.zip: is a named pipe (FIFO), not a regular file; only files are imported"
    export = tmp_path / "strava"
    (export / "activities").mkdir(parents=True)
    (export / "activities.csv").write_text("Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,"
                                           "Distance,Filename\n1,\"Nov 23, 2026, 7:00:00 AM\",Run,Run,1800,5,"
                                           "activities/1.gpx\n", encoding="utf-8")
    os.mkfifo(export / "activities" / "1.gpx")
    (sheet,) = _read_all([export / "activities.csv"])  # the FIFO it names is left aside, never opened
    assert [a.duration_s for a in sheet.activities] == [1800]
