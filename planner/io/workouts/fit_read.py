"""A FIT workout file (ours, or one Garmin Connect or another app exports) as a planned session,
read with fitdecode, CRC checked.

A running workout gives a run with steps; a strength workout (sport `training`) a lift whose sets
come from the steps of reps or time, with their weights, rest steps left out. The exercise is the
step's name when the catalogue knows it, else the catalogue exercise the SDK's category and name
stand for, else the step's name as written. Steps the app cannot hold in its own terms are read as
near as it can: a duration by heart rate, calories or power as "until lap", a cadence or power
target as open. The file has no date of its own to plan on; its creation date is used (ours write
the session's date there). Effort is a guess by kind (a run with repeats 7, other runs 5, a lift 7)
for the user to adjust.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any

import fitdecode

from planner.domain.activity_match import PLANNED_LABEL
from planner.domain.enums import Kind, RunType, Status
from planner.domain.errors import ValidationError
from planner.domain.session import Exercise, Session, WorkSet
from planner.domain.steps import (
    WORD_MAX,
    WORD_PATTERN,
    Aim,
    Duration,
    Item,
    Repeat,
    Step,
    StepIntensity,
    Target,
    Until,
)
from planner.io.workouts.lift_steps import effort_from_note, fit_exercise_names
from planner.resources import exercise_catalog

HR_OFFSET = 100  # FIT: a custom heart-rate target above 100 is bpm + 100
_STEP_FIELDS = ("message_index", "wkt_step_name", "intensity", "duration_type", "duration_time",
                "duration_distance", "duration_reps", "duration_step", "repeat_steps", "target_type",
                "target_hr_zone", "custom_target_speed_low", "custom_target_speed_high",
                "custom_target_heart_rate_low", "custom_target_heart_rate_high", "exercise_category",
                "exercise_name", "exercise_weight", "notes")
_INTENSITY = {"warmup": StepIntensity.WARMUP, "active": StepIntensity.ACTIVE, "interval": StepIntensity.ACTIVE,
              "recovery": StepIntensity.RECOVERY, "rest": StepIntensity.REST, "cooldown": StepIntensity.COOLDOWN}


class WorkoutFileError(ValueError):
    """The file is not a FIT workout this app can plan from; the message says why."""


@dataclass
class WorkoutFile:
    title: str = ""
    sport: str = ""
    sub_sport: str = ""
    created: dt.date | None = None
    steps: list[dict[str, Any]] = field(default_factory=list)


def is_workout(data: bytes) -> bool:
    """True when the FIT file's file_id says `workout` (read no further than that)."""
    try:
        with fitdecode.FitReader(io.BytesIO(data), check_crc=fitdecode.CrcCheck.DISABLED) as reader:
            for frame in reader:
                if isinstance(frame, fitdecode.FitDataMessage) and frame.name == "file_id":
                    return frame.get_value("type", fallback=None) == "workout"
    except fitdecode.FitError:
        return False
    return False


def _read(data: bytes) -> WorkoutFile:
    out = WorkoutFile()
    try:
        with fitdecode.FitReader(io.BytesIO(data), check_crc=fitdecode.CrcCheck.RAISE) as reader:
            for frame in reader:
                if not isinstance(frame, fitdecode.FitDataMessage):
                    continue
                if frame.name == "file_id":
                    created = frame.get_value("time_created", fallback=None)
                    out.created = created.date() if isinstance(created, dt.datetime) else None
                elif frame.name == "workout":
                    out.title = str(frame.get_value("wkt_name", fallback="") or "")
                    out.sport = str(frame.get_value("sport", fallback="") or "")
                    out.sub_sport = str(frame.get_value("sub_sport", fallback="") or "")
                elif frame.name == "workout_step":
                    out.steps.append({n: frame.get_value(n, fallback=None) for n in _STEP_FIELDS})
    except fitdecode.FitCRCError:
        raise WorkoutFileError("is damaged (its FIT checksum does not match)") from None
    except fitdecode.FitError as exc:
        raise WorkoutFileError(f"cannot be read as a FIT file ({exc})") from None
    out.steps.sort(key=lambda s: s["message_index"] if isinstance(s["message_index"], int) else 0)
    return out


def _word(name: object) -> str:
    text = str(name or "").strip()
    return text if len(text) <= WORD_MAX and WORD_PATTERN.fullmatch(text) else ""


def _target(s: dict[str, Any]) -> Target:
    kind = s["target_type"]
    if kind == "speed" and s["custom_target_speed_low"] and s["custom_target_speed_high"]:
        slow, fast = s["custom_target_speed_low"], s["custom_target_speed_high"]
        return Target(Aim.PACE, round(1000 / max(slow, fast)), round(1000 / min(slow, fast)))
    if kind == "heart_rate" and s["target_hr_zone"]:
        return Target(Aim.HR_ZONE, s["target_hr_zone"], s["target_hr_zone"])
    if kind == "heart_rate" and (s["custom_target_heart_rate_low"] or 0) > HR_OFFSET:
        return Target(Aim.HR_RANGE, s["custom_target_heart_rate_low"] - HR_OFFSET,
                      s["custom_target_heart_rate_high"] - HR_OFFSET)
    return Target(word=_word(s["wkt_step_name"]))


def _duration(s: dict[str, Any]) -> Duration:
    if s["duration_type"] == "time" and s["duration_time"]:
        return Duration(Until.TIME, round(s["duration_time"]))
    if s["duration_type"] == "distance" and s["duration_distance"]:
        return Duration(Until.DISTANCE, round(s["duration_distance"], 2))
    return Duration(Until.LAP)


def _is_repeat(s: dict[str, Any]) -> bool:
    return s["duration_type"] == "repeat_until_steps_cmplt"


@dataclass(frozen=True, slots=True)
class _Group:
    times: int
    inner: tuple[Any, ...]


def _grouped(steps: list[dict[str, Any]], make: Callable[[dict[str, Any]], Any]) -> list[Any]:
    """Items in file order: a repeat step takes back the steps from the one it points at."""
    items: list[tuple[int, Any]] = []
    for s in steps:
        if not _is_repeat(s):
            items.append((s["message_index"], make(s)))
            continue
        first = s["duration_step"]
        inner = [item for index, item in items if isinstance(first, int) and index >= first]
        if not inner:
            raise WorkoutFileError("holds a repeat that points at no step")
        if any(isinstance(i, _Group) for i in inner):
            raise WorkoutFileError("holds a repeat inside a repeat, which this app cannot plan")
        items = [(index, item) for index, item in items if index < first]
        items.append((first, _Group(int(s["repeat_steps"] or 1), tuple(inner))))
    return [item for _, item in items]


def _run_items(steps: list[dict[str, Any]]) -> tuple[Item, ...]:
    def make(s: dict[str, Any]) -> Step:
        return Step(_INTENSITY.get(str(s["intensity"]), StepIntensity.ACTIVE), _duration(s), _target(s))

    return tuple(Repeat(i.times, i.inner) if isinstance(i, _Group) else i for i in _grouped(steps, make))


def _sdk_name(category: object, number: object) -> str | None:
    """The FIT SDK's word for an exercise number in its category (fitdecode gives the number)."""
    if isinstance(number, str) or number is None:
        return number
    from fit_tool.profile import profile_type as fit  # ~0.1 s to import: only when a lift is read

    names = getattr(fit, "".join(w.capitalize() for w in str(category).split("_")) + "ExerciseName", None)
    try:
        return names(number).name.lower() if names is not None else None
    except ValueError:
        return None


def _exercise_name(s: dict[str, Any]) -> str:
    name = str(s["wkt_step_name"] or "").strip()
    if name in exercise_catalog():
        return name
    wanted = (s["exercise_category"], _sdk_name(s["exercise_category"], s["exercise_name"]))
    ours = next((ours for ours, pair in fit_exercise_names().items() if pair[1] is not None and pair == wanted), None)
    return ours or name or str(s["exercise_category"] or "Exercise").replace("_", " ").capitalize()


def _lift_exercises(steps: list[dict[str, Any]]) -> tuple[Exercise, ...]:
    def make(s: dict[str, Any]) -> tuple[str, WorkSet] | None:
        if s["intensity"] == "rest" or s["duration_type"] not in ("reps", "time"):
            return None
        weight = s["exercise_weight"] if isinstance(s["exercise_weight"], int | float) else None
        seconds = round(s["duration_time"]) if s["duration_type"] == "time" else None
        reps = int(s["duration_reps"] or 0) if s["duration_type"] == "reps" else 0
        rpe, rir = effort_from_note(str(s["notes"] or ""))
        return _exercise_name(s), WorkSet(reps=reps, load_kg=weight, seconds=seconds, rpe=rpe, rir=rir,
                                          warmup=s["intensity"] == "warmup")

    sets: list[tuple[str, WorkSet]] = []
    for item in _grouped(steps, make):
        if isinstance(item, _Group):
            sets.extend([i for i in item.inner if i is not None] * item.times)
        elif item is not None:
            sets.append(item)
    catalog = exercise_catalog()
    return tuple(Exercise(name=name, sets=tuple(s for _, s in group), muscles=catalog.get(name, ()))
                 for name, group in groupby(sets, key=lambda p: p[0]))


def workout_key(title: str, day: dt.date) -> str:
    """The source key of a planned workout: imported again, it is recognised (activity_match)."""
    return f"{PLANNED_LABEL}: {title.replace('|', '/')}|{day.isoformat()}T00:00:00"


def read_workout(data: bytes, name: str) -> Session:
    """The planned session a FIT workout file describes. Raises WorkoutFileError saying why not."""
    w = _read(data)
    if not w.steps:
        raise WorkoutFileError("holds no workout steps")
    day = w.created or dt.date.today()
    title = (w.title.strip() or name.rsplit(".", 1)[0])[:120]
    common: dict[str, Any] = dict(title=title, date=day, status=Status.PLANNED, notes=f"Imported from {name}"[:200],
                                  source_key=workout_key(title, day))
    try:
        if w.sport == "running":
            items = _run_items(w.steps)
            repeats = any(isinstance(i, Repeat) for i in items)
            return Session(kind=Kind.RUN, duration_min=30, rpe=7.0 if repeats else 5.0, steps=items,
                           type=RunType.INTERVALS.value if repeats else "", **common)
        if w.sport == "training" or w.sub_sport == "strength_training":
            exercises = _lift_exercises(w.steps)
            if not exercises:
                raise WorkoutFileError("holds no sets of an exercise")
            return Session(kind=Kind.LIFT, duration_min=60, rpe=7.0, exercises=exercises, **common)
    except ValidationError as exc:
        raise WorkoutFileError(f"holds a step the app cannot hold ({exc})") from None
    raise WorkoutFileError(f"is a {w.sport or 'generic'} workout; only running and strength workouts are planned")
