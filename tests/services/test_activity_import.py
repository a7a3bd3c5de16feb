"""The activity import as one action: preview, change a match, apply; one undo step; whole or nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from planner.atomic_file import write_atomic
from planner.domain.enums import Status, Units
from planner.domain.session import Session
from planner.io.workouts.files import write_workouts
from planner.services.activity_import import ActivityFileError, ActivityImport, ImportCancelled
from planner.words.steps import parse_steps

from .conftest import run

GPX = """<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1"
 xmlns:gpxdata="http://www.cluetrust.com/XML/GPXDATA/1/0"><trk><type>running</type><trkseg>
 <trkpt lat="0" lon="0"><time>{day}T{start}:00Z</time><extensions><gpxdata:hr>130</gpxdata:hr></extensions></trkpt>
 <trkpt lat="0" lon="0.05"><time>{day}T{end}:00Z</time><extensions><gpxdata:hr>150</gpxdata:hr></extensions></trkpt>
</trkseg></trk></gpx>
"""
HEVY = (
    "title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,set_index,set_type,"
    "weight_kg,reps,distance_km,duration_seconds,rpe\n"
    '"Legs","24 Nov 2026, 18:00","24 Nov 2026, 19:00",,"Hack Squat (Machine)",,,0,normal,100,8,,,8\n'
    '"Legs","24 Nov 2026, 18:00","24 Nov 2026, 19:00",,"Hack Squat (Machine)",,,1,normal,100,8,,,9\n'
)
TUE = dt.date(2026, 11, 24)
CATALOG = {"Back squat": ("quads", "glutes")}


def gpx(tmp_path: Path, name: str, day: str = "2026-11-24", start: str = "07:00", end: str = "07:50") -> Path:
    p = tmp_path / name
    p.write_text(GPX.format(day=day, start=start, end=end), encoding="utf-8")
    return p


def importer(env) -> ActivityImport:
    return ActivityImport(env.runner, CATALOG)


def read_and_preview(env, *paths: Path, match: bool = True):
    imp = importer(env)
    return imp, imp.preview(imp.read(list(paths), dt.UTC), match)


def test_matched_and_added_in_one_undo_step(env, tmp_path):
    (easy,) = env.plan.add([run("Easy run", TUE, distance_km=8)], TUE)
    env.stack.clear()
    imp, preview = read_and_preview(env, gpx(tmp_path, "a.gpx"), gpx(tmp_path, "b.gpx", "2026-11-26"))
    assert preview.counts.as_dict() == {"matched": 1, "added": 1, "skipped": 0}
    assert imp.apply(preview).as_dict() == {"matched": 1, "added": 1, "skipped": 0}
    assert env.stack.count() == 1 and env.stack.undoText() == "Import 2 activities"
    s = env.store.sessions.get(easy.id)
    assert (s.status, s.duration_min, s.distance_km, s.actual_duration_min) == (Status.DONE, 40, 8.0, 50)
    # 0.05 degrees of longitude on the equator: 0.05 * pi / 180 * 6,378.137 km (gpxpy's radius) = 5.566 km
    assert s.actual_distance_km == 5.566
    assert (s.avg_hr, s.max_hr, s.time) == (140, 150, dt.time(7, 0))
    (new,) = env.store.sessions.on_date(dt.date(2026, 11, 26))
    assert (new.kind, new.title, new.status, new.actual_duration_min) == ("run", "Run", Status.DONE, 50)
    assert env.rec.changes[-1].dates == frozenset({TUE, dt.date(2026, 11, 26)})
    env.stack.undo()
    assert env.store.sessions.get(easy.id) == easy
    assert env.store.sessions.on_date(dt.date(2026, 11, 26)) == []


def test_importing_the_same_file_twice_changes_nothing(env, tmp_path):
    path = gpx(tmp_path, "a.gpx")
    imp, preview = read_and_preview(env, path)
    imp.apply(preview)
    before = env.store.sessions.all()
    count = env.stack.count()
    imp, again = read_and_preview(env, path)
    assert again.counts.as_dict() == {"matched": 0, "added": 0, "skipped": 1}
    imp.apply(again)
    assert env.store.sessions.all() == before and env.stack.count() == count


def test_changing_a_match_before_applying(env, tmp_path):
    morning, evening = env.plan.add([run("Morning", TUE, time=dt.time(7, 0)),
                                     run("Evening", TUE, time=dt.time(18, 0))], TUE)
    imp, preview = read_and_preview(env, gpx(tmp_path, "a.gpx"))
    assert preview.rows[0].target.id == morning.id
    preview = preview.with_match(0, evening)
    imp.apply(preview)
    assert env.store.sessions.get(morning.id).status is Status.PLANNED
    assert env.store.sessions.get(evening.id).status is Status.DONE


def test_a_broken_file_among_good_ones_imports_nothing(env, tmp_path):
    bad = tmp_path / "route.gpx"
    bad.write_text('<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><wpt lat="1" lon="2"/></gpx>')
    imp = importer(env)
    with pytest.raises(ActivityFileError, match=r"^route\.gpx: holds no track with times"):
        imp.read([gpx(tmp_path, "a.gpx"), bad], dt.UTC)
    assert env.store.sessions.all() == [] and env.stack.count() == 0


def test_cancel_stops_reading(env, tmp_path):
    calls = []
    imp = importer(env)
    with pytest.raises(ImportCancelled):
        imp.read([gpx(tmp_path, "a.gpx"), gpx(tmp_path, "b.gpx")], dt.UTC,
                 progress=lambda i, n, name: calls.append((i, n, name)), cancelled=lambda: len(calls) >= 1)
    assert calls == [(0, 2, "a.gpx")]


def test_a_lift_log_fills_the_planned_lift_and_a_mapping_is_remembered(env, tmp_path):
    (lift,) = env.plan.add([Session(kind="lift", type="lower", title="Heavy legs", duration_min=60, rpe=8,
                                    date=TUE, time=dt.time(18, 30))], TUE)
    path = tmp_path / "hevy.csv"
    path.write_text(HEVY, encoding="utf-8")
    imp, preview = read_and_preview(env, path)
    assert preview.unknown_exercises == ("Hack Squat (Machine)",)
    preview = preview.with_mapping("Hack Squat (Machine)", "Back squat")
    imp.apply(preview)
    s = env.store.sessions.get(lift.id)
    assert s.status is Status.DONE and s.exercises == () and s.actual_duration_min == 60
    (ex,) = s.actual_exercises
    assert (ex.name, ex.muscles) == ("Hack Squat (Machine)", ("quads", "glutes"))
    assert [(w.reps, w.load_kg, w.rpe) for w in ex.sets] == [(8, 100.0, 8.0), (8, 100.0, 9.0)]
    assert env.store.exercise_map.get() == {"Hack Squat (Machine)": "Back squat"}
    assert importer(env).names().known("Hack Squat (Machine)")  # remembered for the next import
    env.stack.undo()
    assert env.store.exercise_map.get() == {} and env.store.sessions.get(lift.id) == lift


def test_no_match_adds_beside_the_plan(env, tmp_path):
    env.plan.add([run("Easy run", TUE)], TUE)
    imp, preview = read_and_preview(env, gpx(tmp_path, "a.gpx"), match=False)
    assert imp.apply(preview).as_dict() == {"matched": 0, "added": 1, "skipped": 0}
    day = env.store.sessions.on_date(TUE)
    assert [(s.title, s.status, s.position) for s in day] == [("Easy run", "planned", 0), ("Run", "done", 1)]


def test_a_fit_workout_file_imports_as_a_planned_session_with_its_steps_once(env, tmp_path):
    steps = parse_steps("15min@easy; 6x(800m@4:10-4:20/km, 2min@jog); 10min@easy")
    planned = run("Intervals 6 x 800 m", TUE, steps=steps)
    (path,) = write_workouts(tmp_path, [planned], Units.METRIC, write_atomic).paths
    imp, preview = read_and_preview(env, path)
    assert imp.apply(preview).as_dict() == {"matched": 0, "added": 1, "skipped": 0}
    (stored,) = env.store.sessions.on_date(TUE)
    assert (stored.status, stored.title, stored.steps, stored.duration_min) == (
        Status.PLANNED, "Intervals 6 x 800 m", steps, 57)
    imp, again = read_and_preview(env, path)
    assert again.counts.as_dict() == {"matched": 0, "added": 0, "skipped": 1}
