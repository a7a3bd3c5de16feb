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
from collections.abc import Callable, Mapping

from planner.domain.activity_kind import sport_kind
from planner.domain.activity_match import Incoming, activity_key
from planner.domain.enums import Kind, Status
from planner.domain.errors import ValidationError
from planner.domain.generator.lifts import lift_minutes
from planner.domain.session import DISTANCE_RANGE, DURATION_RANGE, HR_RANGE, Exercise, Session
from planner.io.activities.records import Activity, LiftWorkout, ParsedFile, Skipped

PLACEHOLDER_RPE = {Kind.RUN: 4.0, Kind.LIFT: 6.0, Kind.MOBILITY: 2.0, Kind.OTHER: 4.0}
#: A logged workout shorter than a minute a set (set and rest) was not timed as done: Hevy's "Late
#: night workout" of 26 sets in 4 min. Its time then comes from its sets, as a generated lift's does.
MIN_PER_SET = 1.0
LIFT_LABEL = "Lift"


class ExerciseNames:
    """Catalogue lookups and the user's remembered mapping. A logged name keeps its words; it gets
    the muscle groups of the catalogue exercise it names (case, hyphens and an equipment note in
    brackets aside: "Bench Press (Barbell)" is "Bench press"), of that name without a one-sided
    prefix ("Single Arm Pullover" is a pullover), of the longest known name it starts with ("Leg
    Press Technogym" is a leg press), or of the one the user mapped it to."""

    def __init__(self, catalog: Mapping[str, tuple[str, ...]], mapping: Mapping[str, str]) -> None:
        self._catalog = {_fold(k): v for k, v in catalog.items()}
        self._mapping = dict(mapping)
        self._longest = max((len(k.split()) for k in self._catalog), default=0)

    def muscles(self, name: str) -> tuple[str, ...] | None:
        if name in self._mapping:
            return self._catalog.get(_fold(self._mapping[name]))
        words = _fold(name).split()
        if words and words[0] in _ONE_SIDED and len(words) > 2 and words[1] in ("arm", "leg"):
            return self._lookup(words) or self._lookup(words[2:])
        return self._lookup(words)

    def _lookup(self, words: list[str]) -> tuple[str, ...] | None:
        for n in range(min(len(words), self._longest), 0, -1):  # whole name first, then shorter starts
            found = self._catalog.get(" ".join(words[:n]))
            if found is not None and (n == len(words) or n >= 2):
                return found
        return None

    def known(self, name: str) -> bool:
        return self.muscles(name) is not None

    def exercise(self, name: str, ex: Exercise) -> Exercise:
        muscles = self.muscles(name)
        return ex if muscles is None else Exercise(name=ex.name, sets=ex.sets, muscles=muscles, superset=ex.superset)


_ONE_SIDED = frozenset({"single", "one"})


def _fold(name: str) -> str:
    return " ".join(re.sub(r"\([^)]*\)|[-_/]", " ", name).casefold().split())


class SkipActivity(Exception):
    """This one activity cannot be a session; the reason is in words, the rest of its file imports."""


#: Faster than this, a "run" is a ride or a drive recorded as a run (the marathon record averages 21 km/h).
RUN_SPEED_MAX_KMH = 25.0


def _minutes(seconds: float) -> int:
    m = max(DURATION_RANGE[0], round(seconds / 60))
    if m > DURATION_RANGE[1]:
        raise SkipActivity(f"lasts {m} min; a session can last at most {DURATION_RANGE[1]} min (24 h)")
    return m


def _hr(value: int | None) -> int | None:
    return value if value is not None and HR_RANGE[0] <= value <= HR_RANGE[1] else None


def local_start(a: Activity, tz: dt.tzinfo | None) -> dt.datetime:
    if a.local_offset is not None:
        return (a.start.astimezone(dt.UTC) + a.local_offset).replace(tzinfo=None)
    return a.start.astimezone(tz).replace(tzinfo=None)


def activity_label(a: Activity, tz: dt.tzinfo | None) -> str:
    """How a skipped activity is named: "the ride of 2020-05-21 16:31"."""
    return f"the {sport_kind(a.sport).label.lower()} of {local_start(a, tz):%Y-%m-%d %H:%M}"


def activity_session(a: Activity, source: str, tz: dt.tzinfo | None) -> Session:
    """The done session an activity becomes, or SkipActivity with the reason it cannot be one."""
    sk = sport_kind(a.sport)
    local = local_start(a, tz)
    minutes = _minutes(a.duration_s)
    km = round(a.distance_m / 1000, 3) if a.distance_m else None
    if km is not None and km > DISTANCE_RANGE[1]:
        raise SkipActivity(f"covers {km:g} km; a session can cover at most {DISTANCE_RANGE[1]:g} km")
    if sk.kind is Kind.RUN and km is not None and km / (a.duration_s / 3600) > RUN_SPEED_MAX_KMH:
        raise SkipActivity(f"averages {km / (a.duration_s / 3600):.1f} km/h; a run averages at most "
                           f"{RUN_SPEED_MAX_KMH:g} km/h (a ride or a drive recorded as a run?)")
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
    """The done lift a logged workout becomes, or SkipActivity with the reason it cannot be one."""
    minutes = _minutes(w.duration_s or 60)
    exercises = tuple(names.exercise(e.name, Exercise(name=e.name[:120], sets=e.sets, superset=e.superset))
                      for e in w.exercises)
    notes = f"Imported from {source}"
    sets = sum(len(e.sets) for e in exercises)
    if minutes < sets * MIN_PER_SET:  # finished in the app long before or after: its load would be a sliver
        logged, minutes = minutes, lift_minutes(list(exercises), set())
        notes += f"; logged as {logged} min for {sets} sets, so its time is estimated from its sets"
    return Session(
        kind=Kind.LIFT, title=(w.title.strip() or "Workout")[:120], duration_min=minutes,
        rpe=PLACEHOLDER_RPE[Kind.LIFT], exercises=exercises, notes=notes[:200],
        date=w.start.date(), time=w.start.time().replace(second=0, microsecond=0), status=Status.DONE,
        actual_duration_min=minutes, source_key=activity_key(LIFT_LABEL, w.start),
    )


def sessions_of(parsed: ParsedFile, names: ExerciseNames,
                tz: dt.tzinfo | None = None) -> tuple[list[Incoming], list[Skipped]]:
    """Every activity and workout of a read file as sessions, and the ones the plan cannot hold
    (more than 24 h, a date outside the calendar, a run faster than a ride), each with its reason."""
    out: list[Incoming] = []
    skipped = list(parsed.skipped)

    def attempt(label: str, make: Callable[[], Session]) -> None:
        try:
            out.append(Incoming(make(), parsed.name))
        except (SkipActivity, ValidationError) as exc:
            skipped.append(Skipped(parsed.name, label, str(exc)))

    for a in parsed.activities:
        attempt(activity_label(a, tz), lambda a=a: activity_session(a, parsed.name, tz))  # type: ignore[misc]
    for w in parsed.workouts:
        attempt(f"the workout of {w.start:%Y-%m-%d %H:%M}",
                lambda w=w: workout_session(w, parsed.name, names))  # type: ignore[misc]
    out.extend(Incoming(s, parsed.name) for s in parsed.planned)
    return out, skipped


def unknown_exercises(parsed: ParsedFile, names: ExerciseNames) -> list[str]:
    return sorted({e.name for w in parsed.workouts for e in w.exercises if not names.known(e.name)})
