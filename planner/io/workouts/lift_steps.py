"""A lift as a watch's strength workout: each set a step of reps (or of time, for a timed set) with
its weight, named by the FIT SDK's exercise category and, where it has one, exercise name; a rest
step after each set. A run of identical sets becomes one repeat ("5 x 5 @ 100 kg").

The catalogue's mapping to the SDK's names is data, in resources/fit_exercises.json.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from itertools import groupby

import orjson

from planner.domain.session import Exercise, WorkSet
from planner.resources import resource_path
from planner.words.numbers import format_exact

#: Rest after a set: 2 min between working sets, 1 min after a warm-up set. A convention (the
#: library's full-body notes say "rest 2-3 min between heavy sets"); the watch's rest step can be
#: skipped with the lap button.
WORK_REST_S = 120
WARMUP_REST_S = 60


@dataclass(frozen=True, slots=True)
class LiftSet:
    """One set as the watch shows it; `category`/`fit_name` are the SDK's words, or None."""

    exercise: str
    category: str | None
    fit_name: str | None
    reps: int
    seconds: int | None
    load_kg: float | None
    warmup: bool
    rpe: float | None = None
    rir: int | None = None


@dataclass(frozen=True, slots=True)
class Rest:
    seconds: int


@dataclass(frozen=True, slots=True)
class LiftRepeat:
    times: int
    steps: tuple[LiftSet | Rest, ...]


LiftItem = LiftSet | Rest | LiftRepeat


@cache
def fit_exercise_names() -> dict[str, tuple[str, str | None]]:
    """Catalogue exercise -> (exercise_category, exercise_name or None)."""
    data = orjson.loads(resource_path("fit_exercises.json").read_bytes())
    return {name: (pair[0], pair[1]) for name, pair in data["exercises"].items()}


def _set(e: Exercise, s: WorkSet) -> LiftSet:
    category, fit_name = fit_exercise_names().get(e.name, (None, None))
    return LiftSet(e.name, category, fit_name, s.reps, s.seconds, s.load_kg, s.warmup, s.rpe, s.rir)


def _rest(s: WorkSet) -> Rest:
    return Rest(WARMUP_REST_S if s.warmup else WORK_REST_S)


def _exercise_items(e: Exercise) -> Iterator[LiftItem]:
    for _, group in groupby(e.sets):
        same = list(group)
        if len(same) == 1:
            yield _set(e, same[0])
            yield _rest(same[0])
        else:
            yield LiftRepeat(len(same), (_set(e, same[0]), _rest(same[0])))


_EFFORT = re.compile(r"RPE (\d+(?:\.5)?)|(\d+) RIR")


def effort_note(rpe: float | None, rir: int | None) -> str:
    """A set's effort as the step's note, which the watch has no field for: "RPE 8", "2 RIR"."""
    parts = ([f"RPE {format_exact(rpe)}"] if rpe is not None else []) + ([f"{rir} RIR"] if rir is not None else [])
    return ", ".join(parts)


def effort_from_note(note: str) -> tuple[float | None, int | None]:
    rpe = rir = None
    for m in _EFFORT.finditer(note or ""):
        if m.group(1):
            rpe = float(m.group(1))
        else:
            rir = int(m.group(2))
    return rpe, rir


def lift_items(exercises: tuple[Exercise, ...]) -> tuple[LiftItem, ...]:
    return tuple(item for e in exercises for item in _exercise_items(e))
