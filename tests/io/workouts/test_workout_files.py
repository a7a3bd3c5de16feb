"""The demo plan's workouts as files; names; a Garmin watch's NewFiles folder; back in as planned."""

from __future__ import annotations

import datetime as dt

import fitdecode
import pytest

from planner.atomic_file import write_atomic
from planner.domain.activity_match import Incoming, Outcome, decide
from planner.domain.demo_plan import generate_demo_plan
from planner.domain.enums import Kind, Status, Units
from planner.io.activities import read_bytes
from planner.io.activities.sessions import ExerciseNames, sessions_of
from planner.io.workouts.files import (
    NEW_FILES,
    file_names,
    garmin_new_files,
    slug,
    workout_sessions,
    write_workouts,
)
from planner.resources import builtin_templates, exercise_catalog
from tests.io.workouts.garmin import decode

TODAY = dt.date(2026, 12, 7)


@pytest.fixture(scope="module")
def demo():
    return generate_demo_plan(TODAY, builtin_templates())[1]


@pytest.mark.parametrize("title", ["Intervals 6 x 800 m", "Tempo run 3 x 10 min", "Long run",
                                   "Heavy lower body: squat"])
def test_the_demo_plans_workouts_export_and_decode_without_error(tmp_path, demo, title):
    session = next(s for s in demo if s.title == title)
    written = write_workouts(tmp_path, [session], Units.METRIC, write_atomic)
    (path,) = written.paths
    messages = decode(path.read_bytes())
    assert messages["file_id_mesgs"][0]["type"] == "workout"
    sport = messages["workout_mesgs"][0]["sport"]
    assert sport == ("running" if session.kind is Kind.RUN else "training")
    with fitdecode.FitReader(path.read_bytes(), check_crc=fitdecode.CrcCheck.RAISE) as reader:
        assert sum(1 for f in reader if isinstance(f, fitdecode.FitDataMessage) and f.name == "workout_step") \
            == messages["workout_mesgs"][0]["num_valid_steps"]


def test_a_week_of_the_demo_gives_one_file_per_session_with_steps_or_sets(tmp_path, demo):
    week = [s for s in demo if dt.date(2026, 12, 7) <= s.date <= dt.date(2026, 12, 13)]
    written = write_workouts(tmp_path / "out", week, Units.METRIC, write_atomic)
    assert [p.name for p in written.paths] == [
        "2026-12-08-intervals-6-x-800-m.fit", "2026-12-08-upper-body-push.fit", "2026-12-09-core-stability.fit",
        "2026-12-10-heavy-lower-body-squat.fit", "2026-12-13-long-run.fit"]
    assert written.left_out == 5  # rest day, easy runs without steps, yoga


def test_file_names_keep_to_letters_and_digits_and_never_collide(demo):
    assert slug("Étirement: 5×5 @ 100 kg!") == "etirement-5-5-100-kg"
    assert slug("!!!") == "workout"
    twice = [demo[1], demo[1]]
    first, second = file_names(twice)
    assert second == first.replace(".fit", "-2.fit")


def test_a_garmin_drive_is_found_and_any_other_drive_left_alone(tmp_path):
    watch, stick = tmp_path / "FR255", tmp_path / "STICK"
    (watch / "GARMIN").mkdir(parents=True)
    stick.mkdir()
    assert garmin_new_files([watch, stick, tmp_path / "gone"]) == [watch / NEW_FILES]


def test_a_workout_file_imports_as_a_planned_session_and_only_once(tmp_path, demo):
    session = next(s for s in demo if s.title == "Intervals 6 x 800 m")
    (path,) = write_workouts(tmp_path, [session], Units.METRIC, write_atomic).paths
    parsed = read_bytes(path.read_bytes(), path.name)
    (item,), _ = sessions_of(parsed, ExerciseNames(exercise_catalog(), {}))
    s = item.session
    assert (s.status, s.date, s.title, s.steps, s.duration_min) == (
        Status.PLANNED, session.date, session.title, session.steps, session.duration_min)
    assert decide([item], lambda d: [])[0].outcome is Outcome.ADDED
    stored = s.replace(id=7)
    assert decide([item], lambda d: [stored] if d == s.date else [])[0].outcome is Outcome.ALREADY


def test_the_run_done_later_still_fills_in_the_imported_plan(tmp_path, demo):
    session = next(s for s in demo if s.title == "Intervals 6 x 800 m")
    (path,) = write_workouts(tmp_path, [session], Units.METRIC, write_atomic).paths
    planned = sessions_of(read_bytes(path.read_bytes(), path.name), ExerciseNames({}, {}))[0][0].session.replace(id=7)
    done = planned.replace(status=Status.DONE, source_key="Run|2026-12-08T06:00:00Z", steps=(),
                           actual_duration_min=56, id=None)
    decision = decide([Incoming(done, "run.fit")], lambda d: [planned] if d == planned.date else [])[0]
    assert (decision.outcome, decision.target) == (Outcome.MATCHED, planned)


def test_every_workout_of_the_demo_plan_decodes_and_comes_back_the_same(tmp_path, demo):
    written = write_workouts(tmp_path, demo, Units.IMPERIAL, write_atomic)
    chosen, others = workout_sessions(demo)
    assert (len(written.paths), written.left_out) == (len(chosen), others) == (58, 59)
    for s, path in zip(chosen, written.paths, strict=True):
        messages = decode(path.read_bytes())
        assert messages["workout_mesgs"][0]["num_valid_steps"] == len(messages["workout_step_mesgs"])
        back = read_bytes(path.read_bytes(), path.name).planned[0]
        assert (back.title, back.date, back.steps, back.exercises) == (s.title, s.date, s.steps, s.exercises)
