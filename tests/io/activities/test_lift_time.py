"""A logged workout that was not timed as done (finished in the app minutes after it began, sets
entered afterwards) gets its time from its sets, and says so; a timed one keeps its own."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.domain.session import WorkSet
from planner.io.activities.records import LiftWorkout, LoggedExercise
from planner.io.activities.sessions import ExerciseNames, workout_session

NAMES = ExerciseNames({}, {})


def workout(minutes: float, sets: int, warmups: int = 0) -> LiftWorkout:
    work = [WorkSet(8, 60.0, warmup=i < warmups) for i in range(sets)]
    half = (sets + 1) // 2  # two exercises: one holds at most 20 sets
    return LiftWorkout(dt.datetime(2023, 4, 17, 22, 0), minutes * 60, "Late night workout",
                       (LoggedExercise("Squat (Barbell)", tuple(work[:half])),
                        LoggedExercise("Bench Press (Barbell)", tuple(work[half:]))))


@pytest.mark.parametrize(("minutes", "sets", "kept"), [
    (10, 10, True), (9, 10, False),  # a minute a set (set and rest) is the least a timed workout takes
    (13, 10, True), (4, 2, True), (4, 26, False),
])
def test_a_workout_shorter_than_a_minute_a_set_gets_its_time_from_its_sets(minutes, sets, kept):
    s = workout_session(workout(minutes, sets), "hevy.csv", NAMES)
    assert (s.duration_min == minutes) is kept
    assert s.actual_duration_min == s.duration_min
    assert ("estimated from its sets" in s.notes) is not kept


def test_the_hevy_late_night_workout_worked_example():
    """26 sets in 4 min (Hevy's real file, 17 Apr 2023): 5 min warm-up + 2.5 min x 22 working sets
    + 1.5 min x 4 warm-up sets = 66 min, up to the next 5: 70 min (load 420 AU, not 24)."""
    s = workout_session(workout(4, 26, warmups=4), "hevy_export.csv", NAMES)
    assert s.duration_min == 70
    assert s.notes == ("Imported from hevy_export.csv; logged as 4 min for 26 sets, so its time is "
                       "estimated from its sets")
