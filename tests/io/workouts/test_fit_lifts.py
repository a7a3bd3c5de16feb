"""Lifts -> FIT strength workouts: exercise category and name, reps or time, weight, rest; and back."""

from __future__ import annotations

import datetime as dt

import pytest
from fit_tool.profile import profile_type as fit
from garmin_fit_sdk import Profile

from planner.domain.enums import Kind, Units
from planner.domain.session import Exercise, SessionContent, WorkSet
from planner.io.workouts.fit_read import read_workout
from planner.io.workouts.fit_write import workout_bytes
from planner.io.workouts.lift_steps import WORK_REST_S, fit_exercise_names
from planner.resources import builtin_templates, exercise_catalog
from tests.io.workouts.garmin import decode

DAY = dt.date(2026, 12, 10)
LIFTS = [t for t in builtin_templates() if t.kind is Kind.LIFT and t.exercises]
SQUAT_DAY = next(t for t in LIFTS if t.id == "heavy-lower-squat")


def test_every_catalogue_exercise_has_a_fit_category_and_the_sdk_knows_each_word():
    mapping = fit_exercise_names()
    assert set(mapping) == set(exercise_catalog())
    for category, name in mapping.values():
        fit.ExerciseCategory[category.upper()]
        if name is not None:
            names = getattr(fit, "".join(w.capitalize() for w in category.split("_")) + "ExerciseName")
            names[name.upper()]


def garmin_name(category: str, number: int) -> str:
    names = Profile["types"][f"{category}_exercise_name"]
    return names.get(str(number), names.get(number))


def test_every_mapped_word_is_in_garmins_own_profile():
    types = Profile["types"]
    for category, name in fit_exercise_names().values():
        assert category in types["exercise_category"].values()
        assert name is None or name in types[f"{category}_exercise_name"].values()


@pytest.mark.parametrize("template", LIFTS, ids=[t.id for t in LIFTS])
def test_every_lift_step_names_its_exercise_as_garmin_reads_it(template):
    mapping = fit_exercise_names()
    for step in decode(workout_bytes(template, DAY))["workout_step_mesgs"]:
        if "wkt_step_name" in step:
            category, name = mapping[step["wkt_step_name"]]
            assert step["exercise_category"] == category
            assert (garmin_name(category, step["exercise_name"]) if "exercise_name" in step else None) == name


def test_squat_day_as_garmin_reads_it():
    messages = decode(workout_bytes(SQUAT_DAY, DAY))
    workout = messages["workout_mesgs"][0]
    assert (workout["sport"], workout["sub_sport"]) == ("training", "strength_training")
    steps = messages["workout_step_mesgs"]
    assert all({"duration_type", "target_type"} <= s.keys() for s in steps)
    assert all("intensity" in s for s in steps if s["duration_type"] != "repeat_until_steps_cmplt")
    first = steps[0]  # warm-up set: 8 x 20 kg back squat
    assert (first["intensity"], first["duration_type"], first["duration_reps"], first["exercise_weight"],
            first["exercise_category"], first["wkt_step_name"]) == ("warmup", "reps", 8, 20.0, "squat", "Back squat")
    assert first["exercise_name"] == fit.SquatExerciseName.BARBELL_BACK_SQUAT.value
    assert garmin_name("squat", first["exercise_name"]) == "barbell_back_squat"  # Garmin's own profile
    assert (steps[1]["intensity"], steps[1]["duration_time"]) == ("rest", 60.0)
    # 4 x 5 @ 100 kg, RPE 8: one set and its rest, repeated four times
    work, rest, repeat = steps[6], steps[7], steps[8]
    assert (work["intensity"], work["duration_reps"], work["exercise_weight"], work["notes"]) == (
        "active", 5, 100.0, "RPE 8")
    assert (rest["intensity"], rest["duration_time"]) == ("rest", float(WORK_REST_S))
    assert (repeat["duration_type"], repeat["duration_step"], repeat["repeat_steps"]) == (
        "repeat_until_steps_cmplt", 6, 4)


def test_an_exercise_without_a_sdk_name_is_named_in_the_step():
    steps = decode(workout_bytes(SQUAT_DAY, DAY))["workout_step_mesgs"]
    copenhagen = [s for s in steps if s.get("wkt_step_name") == "Copenhagen plank"]
    assert copenhagen and all(s["exercise_category"] == "plank" and "exercise_name" not in s for s in copenhagen)


def test_a_timed_set_is_a_step_of_time_and_pounds_show_as_pounds():
    plank = SessionContent(kind=Kind.LIFT, title="Core", duration_min=20, rpe=5, exercises=(
        Exercise("Plank", (WorkSet(reps=0, seconds=60),)), Exercise("Bench press", (WorkSet(5, 61.235),))))
    steps = decode(workout_bytes(plank, DAY, Units.IMPERIAL))["workout_step_mesgs"]
    assert (steps[0]["duration_type"], steps[0]["duration_time"], steps[0]["exercise_category"]) == (
        "time", 60.0, "plank")
    assert (steps[2]["exercise_weight"], steps[2]["weight_display_unit"]) == (61.24, "pound")


@pytest.mark.parametrize("template", LIFTS, ids=[t.id for t in LIFTS])
def test_every_lift_template_comes_back_with_its_sets(template):
    back = read_workout(workout_bytes(template, DAY), "x.fit")
    assert (back.kind, back.title, back.exercises) == (Kind.LIFT, template.title, template.exercises)
