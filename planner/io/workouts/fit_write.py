"""A session as a FIT workout file, written with fit-tool (https://github.com/shaonianche/python_fit_tool),
never by hand: file type `workout`; sport `running`, or `training` with sub-sport `strength_training`.

Each step carries `intensity`, `duration_type` and `target_type`. A repeat is written as Garmin's
FIT cookbook writes one: its steps, then a step with `duration_type` `repeat_until_steps_cmplt`
pointing back at the first of them, with the count as `repeat_steps`. A pace range is a speed range
in m/s; a heart-rate range is written in bpm + 100 (the SDK's convention: values up to 100 are
percent of maximum heart rate); a zone is the zone number.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

from fit_tool.fit_file_builder import FitFileBuilder
from fit_tool.profile import profile_type as fit
from fit_tool.profile.messages.file_id_message import FileIdMessage
from fit_tool.profile.messages.workout_message import WorkoutMessage
from fit_tool.profile.messages.workout_step_message import WorkoutStepMessage

from planner.domain.enums import Units
from planner.domain.session import SessionContent
from planner.domain.steps import Aim, Repeat, Step, StepIntensity, Until
from planner.io.workouts.files import has_workout
from planner.io.workouts.fit_read import HR_OFFSET
from planner.io.workouts.lift_steps import LiftRepeat, LiftSet, Rest, effort_note, lift_items

#: The serial number in file_id: any fixed number marks the files as ours (manufacturer "development").
SERIAL = 0x4859_504C  # "HYPL"

_INTENSITY = {
    StepIntensity.WARMUP: fit.Intensity.WARMUP, StepIntensity.ACTIVE: fit.Intensity.ACTIVE,
    StepIntensity.RECOVERY: fit.Intensity.RECOVERY, StepIntensity.REST: fit.Intensity.REST,
    StepIntensity.COOLDOWN: fit.Intensity.COOLDOWN,
}


class NothingToWrite(ValueError):
    """The session has neither steps nor sets."""


def _run_step(step: Step) -> WorkoutStepMessage:
    m = WorkoutStepMessage()
    m.intensity = _INTENSITY[step.intensity]
    d = step.duration
    if d.until is Until.TIME:
        m.duration_type = fit.WorkoutStepDuration.TIME
        m.duration_time = d.amount
    elif d.until is Until.DISTANCE:
        m.duration_type = fit.WorkoutStepDuration.DISTANCE
        m.duration_distance = d.amount
    else:
        m.duration_type = fit.WorkoutStepDuration.OPEN
    t = step.target
    if t.aim is Aim.PACE:
        m.target_type = fit.WorkoutStepTarget.SPEED
        m.target_speed_zone = 0
        m.custom_target_speed_low = 1000 / t.high  # the slower end of the pace range
        m.custom_target_speed_high = 1000 / t.low
    elif t.aim is Aim.HR_ZONE:
        m.target_type = fit.WorkoutStepTarget.HEART_RATE
        m.target_hr_zone = round(t.low)
    elif t.aim is Aim.HR_RANGE:
        m.target_type = fit.WorkoutStepTarget.HEART_RATE
        m.target_hr_zone = 0
        m.custom_target_heart_rate_low = round(t.low) + HR_OFFSET
        m.custom_target_heart_rate_high = round(t.high) + HR_OFFSET
    else:
        m.target_type = fit.WorkoutStepTarget.OPEN
        if t.word:
            m.workout_step_name = t.word
    return m


def _exercise_numbers(category: str, name: str | None) -> tuple[int, int | None]:
    cat = fit.ExerciseCategory[category.upper()]
    if name is None:
        return cat.value, None
    names = getattr(fit, "".join(w.capitalize() for w in category.split("_")) + "ExerciseName")
    return cat.value, names[name.upper()].value


def _lift_step(item: LiftSet | Rest, units: Units) -> WorkoutStepMessage:
    m = WorkoutStepMessage()
    m.target_type = fit.WorkoutStepTarget.OPEN
    if isinstance(item, Rest):
        m.intensity = fit.Intensity.REST
        m.duration_type = fit.WorkoutStepDuration.TIME
        m.duration_time = float(item.seconds)
        return m
    m.intensity = fit.Intensity.WARMUP if item.warmup else fit.Intensity.ACTIVE
    m.workout_step_name = item.exercise
    if note := effort_note(item.rpe, item.rir):
        m.notes = note
    if item.seconds is not None:
        m.duration_type = fit.WorkoutStepDuration.TIME
        m.duration_time = float(item.seconds)
    else:
        m.duration_type = fit.WorkoutStepDuration.REPS
        m.duration_reps = item.reps
    if item.category is not None:
        category, name = _exercise_numbers(item.category, item.fit_name)
        m.exercise_category = category
        if name is not None:
            m.exercise_name = name
    if item.load_kg is not None:
        m.exercise_weight = item.load_kg
        m.weight_display_unit = (fit.FitBaseUnit.POUND if units is Units.IMPERIAL else fit.FitBaseUnit.KILOGRAM).value
    return m


def _repeat_step(first_index: int, times: int) -> WorkoutStepMessage:
    m = WorkoutStepMessage()
    m.duration_type = fit.WorkoutStepDuration.REPEAT_UNTIL_STEPS_CMPLT
    m.duration_step = first_index
    m.target_type = fit.WorkoutStepTarget.OPEN
    m.target_repeat_steps = times
    return m


def _messages(items: tuple, make: Callable[[Any], WorkoutStepMessage]) -> Iterator[WorkoutStepMessage]:
    """Steps in file order: a repeat's steps, then the repeat step pointing back at the first."""
    index = 0
    for item in items:
        if isinstance(item, Repeat | LiftRepeat):
            first = index
            for step in item.steps:
                yield make(step)
                index += 1
            yield _repeat_step(first, item.times)
        else:
            yield make(item)
        index += 1


def workout_bytes(c: SessionContent, day: dt.date, units: Units = Units.METRIC) -> bytes:
    """The FIT workout file of a session with steps or sets. `day` dates the file (so that the same
    session always gives the same bytes); `units` is how the watch shows the weights."""
    if not has_workout(c):
        raise NothingToWrite(f"{c.title!r} has no steps or sets to send to a watch")
    file_id = FileIdMessage()
    file_id.type = fit.FileType.WORKOUT
    file_id.manufacturer = fit.Manufacturer.DEVELOPMENT.value
    file_id.product = 0
    file_id.serial_number = SERIAL
    file_id.time_created = round(dt.datetime.combine(day, dt.time(), dt.UTC).timestamp() * 1000)
    workout = WorkoutMessage()
    workout.workout_name = c.title
    if c.steps:
        workout.sport = fit.Sport.RUNNING
        steps = list(_messages(c.steps, _run_step))
    else:
        workout.sport = fit.Sport.TRAINING
        workout.sub_sport = fit.SubSport.STRENGTH_TRAINING
        steps = list(_messages(lift_items(c.exercises), lambda item: _lift_step(item, units)))
    for i, m in enumerate(steps):
        m.message_index = i
    workout.num_valid_steps = len(steps)
    builder = FitFileBuilder(auto_define=True, min_string_size=50)
    builder.add(file_id)
    builder.add(workout)
    builder.add_all(steps)
    return bytes(builder.build().to_bytes())
