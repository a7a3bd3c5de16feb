"""Every real file in ../shared/realdata imports with the values PROVENANCE.md gives, within 0.5 %
(different parsers disagree slightly: 4,689 m vs 4,686 m for the TCX)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from planner.io.activities import read_file
from planner.io.activities.sessions import ExerciseNames, sessions_of

REAL = Path(__file__).resolve().parents[4] / "shared" / "realdata"
if not REAL.is_dir():  # the worktree's sibling, or the main checkout's
    REAL = Path("/work/shared/realdata")

pytestmark = pytest.mark.skipif(not REAL.is_dir(), reason="the real files are not on this machine")


def close(got: float | None, want: float, rel: float = 0.005) -> bool:
    return got is not None and abs(got - want) <= rel * want


def only_session(name: str):
    parsed = read_file(REAL / name)
    items = sessions_of(parsed, ExerciseNames({}, {}), dt.UTC)[0]
    assert len(items) == 1
    return parsed.activities[0], items[0].session


def test_every_activity_file_is_covered():
    names = sorted(p.name for p in REAL.iterdir() if p.suffix not in (".ics", ".md"))
    assert names == ["hevy_export_stvrv_2025-2026.csv", "run_fit_fenix2_fitdecode_2015-08-15.fit",
                     "run_gpx_pytrainer_2012-01-26.gpx", "run_tcx_garmin_tcxparser_2012-12-26.tcx",
                     "strong_export_classic_breinsp_2021.csv"]


def test_gpx_pytrainer_run_with_cluetrust_heart_rate():
    # Run, 26 Jan 2012 18:11 +01:00, 10.12 km, 58:01, HR in gpxdata:hr
    a, s = only_session("run_gpx_pytrainer_2012-01-26.gpx")
    assert a.start == dt.datetime(2012, 1, 26, 17, 11, tzinfo=dt.UTC)
    assert (s.date, s.time) == (dt.date(2012, 1, 26), dt.time(18, 11))  # the file's own +01:00
    assert s.kind == "run" and s.status == "done"
    assert close(a.duration_s, 58 * 60 + 1)
    assert s.actual_duration_min == 58
    assert close(s.actual_distance_km, 10.12)
    assert s.avg_hr is not None and s.max_hr is not None and 60 < s.avg_hr < s.max_hr <= 250
    assert s.source_key == "Run|2012-01-26T17:11:00Z"


def test_tcx_garmin_run():
    # 26 Dec 2012 21:29 Z, 3 laps, 4.69 km, 33:11, HR avg 157 max 189
    a, s = only_session("run_tcx_garmin_tcxparser_2012-12-26.tcx")
    assert a.start == dt.datetime(2012, 12, 26, 21, 29, 53, tzinfo=dt.UTC)
    assert s.kind == "run" and s.title == "Run"
    assert close(a.duration_s, 33 * 60 + 11)
    assert close(s.actual_distance_km, 4.69)
    assert close(s.avg_hr, 157) and close(s.max_hr, 189)


def test_fit_fenix2_heart_rate_from_records():
    # 15 Aug 2015 14:45 Z, 9.008 km, 47:12, 4 laps; session has no HR, records mean 154 max 178
    a, s = only_session("run_fit_fenix2_fitdecode_2015-08-15.fit")
    assert a.start == dt.datetime(2015, 8, 15, 14, 45, 8, tzinfo=dt.UTC)
    assert (s.date, s.time) == (dt.date(2015, 8, 15), dt.time(16, 45))  # local_timestamp says +02:00
    assert close(a.duration_s, 47 * 60 + 12)
    assert s.actual_duration_min == 47
    assert close(s.actual_distance_km, 9.008)
    assert close(s.avg_hr, 154) and close(s.max_hr, 178)
    assert s.ascent_m == 64.0


def test_strong_classic_export():
    # 2,078 sets, 129 workouts in 2021; kg; durations like "2h 18m"; RPE empty
    parsed = read_file(REAL / "strong_export_classic_breinsp_2021.csv")
    assert len(parsed.workouts) == 129
    assert sum(len(e.sets) for w in parsed.workouts for e in w.exercises) == 2078
    assert {w.start.year for w in parsed.workouts} == {2021}
    first = parsed.workouts[0]
    assert first.start == dt.datetime(2021, 2, 10, 16, 46, 13)
    assert first.duration_s == 2 * 3600 + 18 * 60
    assert first.title == "Mittwoch"
    bench = first.exercises[0]
    assert bench.name == "Bench Press (Barbell)"
    assert [(ws.reps, ws.load_kg) for ws in bench.sets] == [(8, 75.0)] * 3 + [(6, 75.0)] * 2
    assert all(ws.rpe is None for w in parsed.workouts for e in w.exercises for ws in e.sets)
    # the planks are held for time: 0 reps, 90 s
    plank = [ws for w in parsed.workouts for e in w.exercises if e.name == "Plank" for ws in e.sets]
    assert plank[0].reps == 0 and plank[0].seconds == 90


def test_hevy_export():
    # 4,063 sets, 232 workouts; warm-up, failure and drop sets; RPE on 1,596; supersets; bodyweight
    parsed = read_file(REAL / "hevy_export_stvrv_2025-2026.csv")
    sets = [ws for w in parsed.workouts for e in w.exercises for ws in e.sets]
    assert len(parsed.workouts) == 232 and len(sets) == 4063
    assert sum(ws.warmup for ws in sets) == 186
    assert sum(ws.failure for ws in sets) == 112
    assert sum(ws.drop for ws in sets) == 74
    assert sum(ws.rpe is not None for ws in sets) == 1596
    assert sum(ws.load_kg is None for ws in sets) == 88  # bodyweight: empty weight
    assert any(e.superset is not None for w in parsed.workouts for e in w.exercises)
    first = parsed.workouts[0]
    assert (first.start, first.duration_s, first.title) == (dt.datetime(2026, 4, 9, 17, 18), 47 * 60, "Lower")
    assert [(ws.reps, ws.load_kg, ws.rpe) for ws in first.exercises[0].sets] == [
        (6, 80.0, 6.0), (6, 100.0, 7.0), (12, 100.0, 7.5), (6, 110.0, 7.5)]
    assert "💪" in "".join(w.title for w in parsed.workouts)
