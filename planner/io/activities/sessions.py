"""A read file's activities and workouts as the done sessions they become.

The session's date and time are the athlete's clock: the file's own offset where it gives one
(a GPX time with +01:00, a FIT file's local timestamp), else the zone passed in (the computer's).
Nothing in these files says how hard it felt, so a new session's planned effort is a placeholder
by kind (most runs are easy: about 80 % of endurance training is below the first threshold,
Seiler & Tønnessen 2009) and its actual effort is left empty for the user to fill in.
Exercise names the catalogue knows get its muscle groups; a name the user mapped once gets the
mapped exercise; any other keeps its name and no muscle group.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

from planner.domain.activity_kind import sport_kind
from planner.domain.activity_match import Incoming, activity_key
from planner.domain.enums import Kind, Status
from planner.domain.errors import ValidationError
from planner.domain.session import DISTANCE_RANGE, DURATION_RANGE, HR_RANGE, Exercise, Session
from planner.io.activities.records import Activity, ActivityFileError, LiftWorkout, ParsedFile

PLACEHOLDER_RPE = {Kind.RUN: 4.0, Kind.LIFT: 6.0, Kind.MOBILITY: 2.0, Kind.OTHER: 4.0}
LIFT_LABEL = "Lift"


class ExerciseNames:
    """Catalogue lookups and the user's remembered mapping. A logged name keeps its words; it gets
    the muscle groups of the catalogue exercise it names (case and an equipment note in brackets
    aside: "Bench Press (Barbell)" is "Bench press") or of the one the user mapped it to."""

    def __init__(self, catalog: Mapping[str, tuple[str, ...]], mapping: Mapping[str, str]) -> None:
        self._catalog = {_fold(k): v for k, v in catalog.items()}
        self._mapping = dict(mapping)

    def muscles(self, name: str) -> tuple[str, ...] | None:
        target = self._mapping.get(name, name)
        return self._catalog.get(_fold(target))

    def known(self, name: str) -> bool:
        return self.muscles(name) is not None

    def exercise(self, name: str, ex: Exercise) -> Exercise:
        muscles = self.muscles(name)
        return ex if muscles is None else Exercise(name=ex.name, sets=ex.sets, muscles=muscles, superset=ex.superset)


def _fold(name: str) -> str:
    return " ".join(re.sub(r"\([^)]*\)", " ", name).casefold().split())


def _minutes(seconds: float, name: str, what: str) -> int:
    m = max(DURATION_RANGE[0], round(seconds / 60))
    if m > DURATION_RANGE[1]:
        raise ActivityFileError(name, f"{what} lasts {m} min; a session can last at most {DURATION_RANGE[1]} min")
    return m


def _hr(value: int | None) -> int | None:
    return value if value is not None and HR_RANGE[0] <= value <= HR_RANGE[1] else None


def local_start(a: Activity, tz: dt.tzinfo | None) -> dt.datetime:
    if a.local_offset is not None:
        return (a.start.astimezone(dt.UTC) + a.local_offset).replace(tzinfo=None)
    return a.start.astimezone(tz).replace(tzinfo=None)


def activity_session(a: Activity, source: str, tz: dt.tzinfo | None) -> Session:
    sk = sport_kind(a.sport)
    local = local_start(a, tz)
    what = f"the {sk.label.lower()} of {local:%Y-%m-%d %H:%M}"
    minutes = _minutes(a.duration_s, source, what)
    km = round(a.distance_m / 1000, 3) if a.distance_m else None
    if km is not None and km > DISTANCE_RANGE[1]:
        raise ActivityFileError(source, f"{what} covers {km:g} km; "
                                        f"a session can cover at most {DISTANCE_RANGE[1]:g} km")
    avg, top = _hr(a.avg_hr), _hr(a.max_hr)
    if avg is not None and top is not None and avg > top:
        avg = top
    return Session(
        kind=sk.kind, title=(a.title or sk.label)[:120], duration_min=minutes,
        rpe=PLACEHOLDER_RPE.get(sk.kind, 4.0), type=sk.type, distance_km=km,
        notes=f"Imported from {source}"[:200],
        date=local.date(), time=local.time().replace(second=0, microsecond=0), status=Status.DONE,
        actual_duration_min=minutes, actual_distance_km=km, avg_hr=avg, max_hr=top,
        ascent_m=round(a.ascent_m, 1) if a.ascent_m is not None else None,
        source_key=activity_key(sk.label, a.start),
    )


def workout_session(w: LiftWorkout, source: str, names: ExerciseNames) -> Session:
    minutes = _minutes(w.duration_s or 60, source, f"the workout of {w.start:%Y-%m-%d %H:%M}")
    try:
        exercises = tuple(names.exercise(e.name, Exercise(name=e.name[:120], sets=e.sets, superset=e.superset))
                          for e in w.exercises)
    except ValidationError as exc:
        raise ActivityFileError(source, f"the workout of {w.start:%Y-%m-%d %H:%M}: {exc}") from None
    return Session(
        kind=Kind.LIFT, title=(w.title.strip() or "Workout")[:120], duration_min=minutes,
        rpe=PLACEHOLDER_RPE[Kind.LIFT], exercises=exercises, notes=f"Imported from {source}"[:200],
        date=w.start.date(), time=w.start.time().replace(second=0, microsecond=0), status=Status.DONE,
        actual_duration_min=minutes, source_key=activity_key(LIFT_LABEL, w.start),
    )


def incoming(parsed: ParsedFile, names: ExerciseNames, tz: dt.tzinfo | None = None) -> list[Incoming]:
    """Every activity and workout of a read file, as sessions; a value the plan cannot hold
    raises an ActivityFileError naming the file."""
    out: list[Incoming] = []
    try:
        out.extend(Incoming(activity_session(a, parsed.name, tz), parsed.name) for a in parsed.activities)
    except ValidationError as exc:
        raise ActivityFileError(parsed.name, str(exc)) from None
    out.extend(Incoming(workout_session(w, parsed.name, names), parsed.name) for w in parsed.workouts)
    out.extend(Incoming(s, parsed.name) for s in parsed.planned)
    return out


def unknown_exercises(parsed: ParsedFile, names: ExerciseNames) -> list[str]:
    return sorted({e.name for w in parsed.workouts for e in w.exercises if not names.known(e.name)})
