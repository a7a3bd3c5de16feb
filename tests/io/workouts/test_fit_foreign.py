"""FIT workout files written by another app (as Garmin Connect writes them: no names of ours, zones,
power targets, a repeat inside a repeat) come in as near as the app can hold them, or say why not."""

from __future__ import annotations

import datetime as dt

import pytest
from fit_tool.fit_file_builder import FitFileBuilder
from fit_tool.profile import profile_type as fit
from fit_tool.profile.messages.file_id_message import FileIdMessage
from fit_tool.profile.messages.workout_message import WorkoutMessage
from fit_tool.profile.messages.workout_step_message import WorkoutStepMessage
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.domain.enums import Kind
from planner.domain.session import Exercise, SessionContent, WorkSet
from planner.domain.steps import Aim, StepIntensity, Until
from planner.io.activities import ActivityFileError, read_bytes
from planner.io.workouts.fit_read import WorkoutFileError, read_workout
from planner.io.workouts.fit_write import workout_bytes
from planner.resources import exercise_catalog
from planner.words.steps import steps_compact

CREATED = dt.datetime(2026, 12, 1, 9, 30, tzinfo=dt.UTC)


def fit_file(sport: fit.Sport, steps: list[dict], sub_sport: fit.SubSport | None = None, name: str = "From Connect"):
    file_id = FileIdMessage()
    file_id.type = fit.FileType.WORKOUT
    file_id.manufacturer = fit.Manufacturer.GARMIN.value
    file_id.product = 0
    file_id.time_created = round(CREATED.timestamp() * 1000)
    workout = WorkoutMessage()
    workout.workout_name = name
    workout.sport = sport
    if sub_sport is not None:
        workout.sub_sport = sub_sport
    workout.num_valid_steps = len(steps)
    messages = []
    for i, fields in enumerate(steps):
        m = WorkoutStepMessage()
        m.message_index = i
        for key, value in fields.items():
            setattr(m, key, value)
        messages.append(m)
    builder = FitFileBuilder(auto_define=True, min_string_size=50)
    builder.add(file_id)
    builder.add(workout)
    builder.add_all(messages)
    return bytes(builder.build().to_bytes())


W = fit.WorkoutStepDuration
T = fit.WorkoutStepTarget
I = fit.Intensity  # noqa: E741


def test_a_connect_run_with_zones_power_and_a_named_warm_up():
    data = fit_file(fit.Sport.RUNNING, [
        dict(workout_step_name="Warm Up", intensity=I.WARMUP, duration_type=W.TIME, duration_time=600.0,
             target_type=T.HEART_RATE, target_hr_zone=2),
        dict(intensity=I.INTERVAL, duration_type=W.DISTANCE, duration_distance=1000.0, target_type=T.POWER,
             target_power_zone=4),
        dict(intensity=I.RECOVERY, duration_type=W.HR_LESS_THAN, duration_hr=120, target_type=T.OPEN),
        dict(duration_type=W.REPEAT_UNTIL_STEPS_CMPLT, duration_step=1, target_repeat_steps=5),
        dict(workout_step_name="Cool down!", intensity=I.COOLDOWN, duration_type=W.OPEN, target_type=T.OPEN),
    ])
    s = read_workout(data, "connect.fit")
    assert (s.kind, s.title, s.date, s.type, s.rpe) == (Kind.RUN, "From Connect", CREATED.date(), "intervals", 7.0)
    # a power target is open; "until HR below 120" is until lap; a name that is no word is left out
    assert steps_compact(s.steps) == "warmup 10min@Z2; 5x(1km, lap); lap"
    assert [s.steps[0].intensity, s.steps[2].intensity] == [StepIntensity.WARMUP, StepIntensity.COOLDOWN]


def test_a_connect_strength_workout_names_its_exercises_from_the_sdk_words():
    data = fit_file(fit.Sport.TRAINING, [
        dict(intensity=I.ACTIVE, duration_type=W.REPS, duration_reps=5, target_type=T.OPEN,
             exercise_category=fit.ExerciseCategory.SQUAT.value,
             exercise_name=fit.SquatExerciseName.BARBELL_BACK_SQUAT.value, exercise_weight=100.0),
        dict(intensity=I.REST, duration_type=W.OPEN, target_type=T.OPEN),
        dict(duration_type=W.REPEAT_UNTIL_STEPS_CMPLT, duration_step=0, target_repeat_steps=3),
        dict(intensity=I.ACTIVE, duration_type=W.TIME, duration_time=45.0, target_type=T.OPEN,
             exercise_category=fit.ExerciseCategory.PLANK.value),
        dict(intensity=I.ACTIVE, duration_type=W.REPS, duration_reps=10, target_type=T.OPEN,
             exercise_category=fit.ExerciseCategory.SHRUG.value, exercise_name=0),
    ], sub_sport=fit.SubSport.STRENGTH_TRAINING)
    s = read_workout(data, "strength.fit")
    assert s.kind is Kind.LIFT
    assert s.exercises == (
        Exercise("Back squat", (WorkSet(5, 100.0),) * 3, exercise_catalog()["Back squat"]),
        Exercise("Plank", (WorkSet(0, seconds=45),), exercise_catalog()["Plank"]),
        Exercise("Shrug", (WorkSet(10),)),  # no catalogue exercise: the SDK's category, in words
    )


def test_a_repeat_inside_a_repeat_is_refused_with_the_reason():
    data = fit_file(fit.Sport.RUNNING, [
        dict(intensity=I.ACTIVE, duration_type=W.TIME, duration_time=60.0, target_type=T.OPEN),
        dict(duration_type=W.REPEAT_UNTIL_STEPS_CMPLT, duration_step=0, target_repeat_steps=3),
        dict(duration_type=W.REPEAT_UNTIL_STEPS_CMPLT, duration_step=0, target_repeat_steps=2),
    ])
    with pytest.raises(WorkoutFileError, match="holds a repeat inside a repeat, which this app cannot plan"):
        read_workout(data, "nested.fit")
    with pytest.raises(ActivityFileError, match="^nested.fit: holds a repeat inside a repeat"):
        read_bytes(data, "nested.fit")


def test_a_cycling_workout_is_not_planned():
    data = fit_file(fit.Sport.CYCLING, [dict(intensity=I.ACTIVE, duration_type=W.TIME, duration_time=60.0,
                                             target_type=T.OPEN)])
    with pytest.raises(WorkoutFileError, match="is a cycling workout; only running and strength workouts are planned"):
        read_workout(data, "ride.fit")


def test_a_damaged_workout_file_says_so():
    good = fit_file(fit.Sport.RUNNING, [dict(intensity=I.ACTIVE, duration_type=W.OPEN, target_type=T.OPEN)])
    bad = good[:-3] + bytes([good[-3] ^ 0xFF]) + good[-2:]
    with pytest.raises(WorkoutFileError, match="is damaged"):
        read_workout(bad, "bad.fit")


sets = st.builds(
    WorkSet, reps=st.integers(1, 100), load_kg=st.none() | st.integers(0, 2000).map(lambda q: q / 4),
    rpe=st.none() | st.integers(2, 20).map(lambda h: h / 2), rir=st.none() | st.integers(0, 10),
    warmup=st.booleans(),
) | st.builds(WorkSet, reps=st.just(0), seconds=st.integers(1, 3600))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(sorted(exercise_catalog())), st.lists(sets, min_size=1, max_size=6)),
                min_size=1, max_size=5))
def test_any_lift_round_trips_through_a_fit_file(drawn):
    catalog = exercise_catalog()
    exercises: list[Exercise] = []
    for name, s in drawn:
        if exercises and exercises[-1].name == name:
            continue  # two of one exercise side by side read back as one
        exercises.append(Exercise(name, tuple(s), catalog[name]))
    lift = SessionContent(kind=Kind.LIFT, title="Lift", duration_min=60, rpe=7, exercises=tuple(exercises))
    back = read_workout(workout_bytes(lift, dt.date(2026, 12, 8)), "x.fit")
    assert back.exercises == lift.exercises


def test_pace_and_heart_rate_ranges_from_another_app():
    data = fit_file(fit.Sport.RUNNING, [
        dict(intensity=I.ACTIVE, duration_type=W.DISTANCE, duration_distance=5000.0, target_type=T.SPEED,
             target_speed_zone=0, custom_target_speed_low=3.5, custom_target_speed_high=3.7),
        dict(intensity=I.ACTIVE, duration_type=W.TIME, duration_time=1200.0, target_type=T.HEART_RATE,
             target_hr_zone=0, custom_target_heart_rate_low=240, custom_target_heart_rate_high=255),
    ])
    first, second = read_workout(data, "x.fit").steps
    assert (first.duration.until, first.target.aim, first.target.low, first.target.high) == (
        Until.DISTANCE, Aim.PACE, 270, 286)  # 1000/3.7 = 270.3, 1000/3.5 = 285.7 s/km
    assert (second.target.aim, second.target.low, second.target.high) == (Aim.HR_RANGE, 140, 155)
