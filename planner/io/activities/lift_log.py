"""Sets read row by row from a lifting log, gathered into workouts and exercises (shared by the
Strong and Hevy readers)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from planner.domain.errors import ValidationError
from planner.domain.session import EXERCISES_MAX, SETS_RANGE, WorkSet
from planner.domain.weeks import DATE_MAX, DATE_MIN
from planner.io.activities.records import ActivityFileError, LiftWorkout, LoggedExercise

LB_TO_KG = 0.45359237  # exact, by definition (international yard and pound, 1959)
#: Strong's and Hevy's assisted exercises ("Pull Up (Assisted)") log the machine's help as the weight.
ASSISTED = re.compile(r"\(assisted\)", re.IGNORECASE)


@dataclass
class _Exercise:
    name: str
    superset: int | None
    sets: list[WorkSet] = field(default_factory=list)


@dataclass
class _Workout:
    start: dt.datetime
    duration_s: float
    title: str
    line: int
    exercises: list[_Exercise] = field(default_factory=list)


class LogBuilder:
    """Rows in file order -> workouts; consecutive rows of one exercise are one exercise."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._workouts: dict[object, _Workout] = {}
        self.skipped: dict[str, int] = {}

    def add(self, key: object, line: int, start: dt.datetime, duration_s: float, title: str,
            exercise: str, superset: int | None, make_set: dict[str, object]) -> None:
        w = self._workouts.get(key)
        if w is None:
            if not DATE_MIN <= start.date() <= DATE_MAX:  # the plan holds no such day (issue 19)
                raise ActivityFileError(self.name, f"has a workout dated {start.date()}, outside the dates a "
                                                   f"plan holds ({DATE_MIN} to {DATE_MAX})", line)
            w = self._workouts[key] = _Workout(start, duration_s, title, line)
        if not exercise:
            raise ActivityFileError(self.name, "has a set with no exercise name", line)
        if ASSISTED.search(exercise):  # the weight helped: the set is bodyweight, not a load lifted
            make_set = {**make_set, "load_kg": None}
        try:
            work = WorkSet(**make_set)  # type: ignore[arg-type]
        except ValidationError as exc:
            raise ActivityFileError(self.name, f"{exercise}: {exc}", line) from None
        last = w.exercises[-1] if w.exercises else None
        if last is None or last.name != exercise or len(last.sets) >= SETS_RANGE[1]:
            last = _Exercise(exercise, superset)
            w.exercises.append(last)
        last.sets.append(work)

    def skip(self, why: str) -> None:
        self.skipped[why] = self.skipped.get(why, 0) + 1

    def workouts(self) -> tuple[LiftWorkout, ...]:
        out = []
        for w in self._workouts.values():
            if not w.exercises:
                continue
            if len(w.exercises) > EXERCISES_MAX:
                raise ActivityFileError(self.name, _too_many(w.exercises), w.line)
            out.append(LiftWorkout(w.start, w.duration_s, w.title, tuple(
                LoggedExercise(e.name, tuple(e.sets), e.superset) for e in w.exercises)))
        return tuple(out)

    def notes(self) -> tuple[str, ...]:
        return tuple(f"{n} {why} left out" for why, n in self.skipped.items())


def _too_many(exercises: list[_Exercise]) -> str:
    """Why a workout cannot be held, in the file's own terms: a long run of one exercise is split
    into entries of at most SETS_RANGE[1] sets, so "2,000 sets of one exercise" must not be told
    as "a workout with 100 exercises" (issue 19)."""
    sets: dict[str, int] = {}
    for e in exercises:
        sets[e.name] = sets.get(e.name, 0) + len(e.sets)
    name, most = max(sets.items(), key=lambda item: item[1])
    if len(sets) <= EXERCISES_MAX:
        return (f"has a workout with {most:,} sets of one exercise ({name}); a workout holds at most "
                f"{EXERCISES_MAX} exercises of {SETS_RANGE[1]} sets")
    return f"has a workout with {len(sets)} exercises (at most {EXERCISES_MAX})"
