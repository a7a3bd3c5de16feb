"""Sessions, the exercises and sets inside a lift, and templates (sessions without a date)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from planner.domain import validate as v
from planner.domain.enums import TYPES_BY_KIND, Kind, Status
from planner.domain.errors import ValidationError
from planner.domain.steps import Item, check_steps, derived_distance_km, derived_duration_min
from planner.domain.weeks import check_date

DURATION_RANGE = (1, 1440)  # min: up to 24 h (an ultramarathon, an Ironman, a day in the hills)
DISTANCE_RANGE = (0.0, 300.0)  # km
LOAD_RANGE = (0.0, 500.0)  # kg
REPS_RANGE = (1, 100)
SETS_RANGE = (1, 20)
EXERCISES_MAX = 30
POSITION_RANGE = (0, 10_000)  # a session's place in its day
HR_RANGE = (25, 250)  # bpm, what a wrist or chest strap can record
ASCENT_RANGE = (0.0, 20_000.0)  # m
SET_SECONDS_RANGE = (1, 86_400)
SOURCE_KEY_MAX = 120
EFFORT_FROM = ("", "heart rate", "pace", "default")  # planner.domain.effort.EffortFrom's values


@dataclass(frozen=True, slots=True)
class WorkSet:
    """One set. `load_kg` None means bodyweight; effort as RPE or reps in reserve (RIR).

    A timed set (a plank held 90 s) carries `seconds` and may have 0 reps. `failure` and `drop`
    flag sets taken to failure and drop sets, as lifting logs (Hevy, Strong) record them.
    """

    reps: int
    load_kg: float | None = None
    rpe: float | None = None
    rir: int | None = None
    warmup: bool = False
    seconds: int | None = None
    failure: bool = False
    drop: bool = False

    def __post_init__(self) -> None:
        if self.seconds is not None:
            object.__setattr__(self, "seconds", v.integer("seconds", self.seconds, *SET_SECONDS_RANGE, "s"))
        lo = 0 if self.seconds is not None else REPS_RANGE[0]
        object.__setattr__(self, "reps", v.integer("reps", self.reps, lo, REPS_RANGE[1]))
        if self.load_kg is not None:
            object.__setattr__(self, "load_kg", v.number("load_kg", self.load_kg, *LOAD_RANGE, "kg"))
        if self.rpe is not None:
            object.__setattr__(self, "rpe", v.half_step("set rpe", self.rpe, 1, 10))
        if self.rir is not None:
            object.__setattr__(self, "rir", v.integer("rir", self.rir, 0, 10))
        for flag in ("warmup", "failure", "drop"):
            if not isinstance(getattr(self, flag), bool):
                raise ValidationError(flag, "must be true or false")

    @property
    def effort_rpe(self) -> float | None:
        """RPE, or RPE derived from RIR (RPE 10 = 0 RIR, 9 = 1 RIR, ...; Zourdos et al. 2016)."""
        if self.rpe is not None:
            return self.rpe
        if self.rir is not None:
            return float(max(10 - self.rir, 1))
        return None

    @property
    def tonnage_kg(self) -> float:
        """Volume load of a working set: reps x load (McBride 2009); warm-ups count zero."""
        if self.warmup or self.load_kg is None:
            return 0.0
        return self.reps * self.load_kg


@dataclass(frozen=True, slots=True)
class Exercise:
    name: str
    sets: tuple[WorkSet, ...]
    muscles: tuple[str, ...] = ()
    superset: int | None = None  # exercises sharing a number were done as one superset

    def __post_init__(self) -> None:
        v.text("exercise name", self.name, required=True)
        if self.superset is not None:
            v.integer("superset", self.superset, 0, 1000)
        object.__setattr__(self, "sets", tuple(self.sets))
        object.__setattr__(self, "muscles", tuple(self.muscles))
        if not SETS_RANGE[0] <= len(self.sets) <= SETS_RANGE[1]:
            raise ValidationError(
                "sets", f"{self.name}: must have between {SETS_RANGE[0]} and {SETS_RANGE[1]} sets "
                f"(got {len(self.sets)})"
            )
        for m in self.muscles:
            v.text("muscle", m, 40, required=True)

    @property
    def tonnage_kg(self) -> float:
        return sum(s.tonnage_kg for s in self.sets)

    @property
    def working_sets(self) -> tuple[WorkSet, ...]:
        return tuple(s for s in self.sets if not s.warmup)


@dataclass(frozen=True, slots=True)
class SessionContent:
    """What a session is, without when: shared by sessions and templates."""

    kind: Kind
    title: str
    duration_min: int
    rpe: float
    type: str = ""
    distance_km: float | None = None
    target: str = ""  # target pace or zone, free text ("5:10/km", "Z2")
    exercises: tuple[Exercise, ...] = ()
    notes: str = ""
    # A structured run (planner/domain/steps.py); its time and distance, where the steps tell them,
    # are the session's planned duration and distance.
    steps: tuple[Item, ...] = ()

    def __post_init__(self) -> None:
        kind = v.choice("kind", self.kind, Kind)
        object.__setattr__(self, "kind", kind)
        steps = check_steps(self.steps)
        object.__setattr__(self, "steps", steps)
        if steps:
            if kind is not Kind.RUN:
                raise ValidationError("steps", f"only a run has steps (this is a {kind.value})")
            minutes, km = derived_duration_min(steps), derived_distance_km(steps)
            if minutes is not None:
                object.__setattr__(self, "duration_min", minutes)
            if km is not None:
                object.__setattr__(self, "distance_km", km)
        v.text("title", self.title, required=True)
        lo = 0 if kind is Kind.REST else DURATION_RANGE[0]
        duration = v.integer("duration_min", self.duration_min, lo, DURATION_RANGE[1], "min")
        object.__setattr__(self, "duration_min", duration)
        object.__setattr__(self, "rpe", v.half_step("rpe", self.rpe))
        allowed = TYPES_BY_KIND[kind]
        if self.type and self.type not in allowed:
            words = ", ".join(allowed) if allowed else "nothing"
            raise ValidationError("type", f"for a {kind.value} must be one of {words} (got {self.type!r})")
        if self.distance_km is not None:
            object.__setattr__(self, "distance_km", v.number("distance_km", self.distance_km, *DISTANCE_RANGE, "km"))
        v.text("target", self.target, 60)
        object.__setattr__(self, "exercises", tuple(self.exercises))
        if len(self.exercises) > EXERCISES_MAX:
            raise ValidationError("exercises", f"at most {EXERCISES_MAX} exercises (got {len(self.exercises)})")
        v.text("notes", self.notes, v.NOTES_MAX)

    @property
    def tonnage_kg(self) -> float:
        return sum(e.tonnage_kg for e in self.exercises)


@dataclass(frozen=True, slots=True)
class Session(SessionContent):
    """A session on a day. `id` is None until the store has given it one."""

    date: dt.date = field(default=dt.date(2000, 1, 1))
    id: int | None = None
    position: int = 0
    time: dt.time | None = None
    status: Status = Status.PLANNED
    actual_duration_min: int | None = None
    actual_rpe: float | None = None
    actual_distance_km: float | None = None
    # What a watch or a lifting log recorded (imported activities): heart rate, climb, the sets
    # really done, and the key that recognises the activity when its file is imported again.
    avg_hr: int | None = None
    max_hr: int | None = None
    ascent_m: float | None = None
    actual_exercises: tuple[Exercise, ...] = ()
    source_key: str = ""
    # An imported activity's effort when nobody rated it: estimated from heart rate or pace, or the
    # kind's default ("heart rate", "pace", "default"). The athlete's own actual_rpe wins.
    estimated_rpe: float | None = None
    effort_from: str = ""
    trimp: float | None = None  # Banister's TRIMP from the average heart rate, beside sRPE x minutes

    def __post_init__(self) -> None:
        SessionContent.__post_init__(self)
        check_date("date", self.date)
        if self.time is not None and not isinstance(self.time, dt.time):
            raise ValidationError("time", f"must be a time of day, not {self.time!r}")
        object.__setattr__(self, "status", v.choice("status", self.status, Status))
        v.integer("position", self.position, *POSITION_RANGE)
        if self.actual_duration_min is not None:
            object.__setattr__(self, "actual_duration_min", v.integer(
                "actual_duration_min", self.actual_duration_min, *DURATION_RANGE, "min"))
        if self.actual_rpe is not None:
            object.__setattr__(self, "actual_rpe", v.half_step("actual_rpe", self.actual_rpe))
        if self.actual_distance_km is not None:
            object.__setattr__(self, "actual_distance_km", v.number(
                "actual_distance_km", self.actual_distance_km, *DISTANCE_RANGE, "km"))
        for name in ("avg_hr", "max_hr"):
            if getattr(self, name) is not None:
                object.__setattr__(self, name, v.integer(name, getattr(self, name), *HR_RANGE, "bpm"))
        if self.avg_hr is not None and self.max_hr is not None and self.avg_hr > self.max_hr:
            raise ValidationError("avg_hr", f"must not be above the maximum heart rate ({self.avg_hr} > {self.max_hr})")
        if self.ascent_m is not None:
            object.__setattr__(self, "ascent_m", v.number("ascent_m", self.ascent_m, *ASCENT_RANGE, "m"))
        object.__setattr__(self, "actual_exercises", tuple(self.actual_exercises))
        if len(self.actual_exercises) > EXERCISES_MAX:
            raise ValidationError("actual_exercises",
                                  f"at most {EXERCISES_MAX} exercises (got {len(self.actual_exercises)})")
        v.text("source_key", self.source_key, SOURCE_KEY_MAX)
        if self.estimated_rpe is not None:
            object.__setattr__(self, "estimated_rpe", v.half_step("estimated effort (RPE)", self.estimated_rpe))
        if self.trimp is not None:
            object.__setattr__(self, "trimp", v.number("TRIMP", self.trimp, 0, 10_000))
        if self.effort_from not in EFFORT_FROM:
            raise ValidationError("effort source",
                                  f"must be one of {', '.join(EFFORT_FROM[1:])} (got {self.effort_from!r})")

    # What the session was, or is planned to be: actual values once done.
    @property
    def effective_duration_min(self) -> int:
        if self.status is Status.DONE and self.actual_duration_min is not None:
            return self.actual_duration_min
        return self.duration_min

    @property
    def effective_rpe(self) -> float:
        """The athlete's own rating once done; else an imported activity's estimate; else the plan's."""
        if self.status is Status.DONE and self.actual_rpe is not None:
            return self.actual_rpe
        if self.status is Status.DONE and self.estimated_rpe is not None:
            return self.estimated_rpe
        return self.rpe

    @property
    def effort_estimated_from(self) -> str:
        """"heart rate", "pace" or "default" while the effort in use is an estimate; "" once rated."""
        if self.status is Status.DONE and self.actual_rpe is None:
            return self.effort_from
        return ""

    @property
    def effective_distance_km(self) -> float | None:
        if self.status is Status.DONE and self.actual_distance_km is not None:
            return self.actual_distance_km
        return self.distance_km

    @property
    def effective_exercises(self) -> tuple[Exercise, ...]:
        """The sets really done once a log has filled them in, else the planned ones."""
        if self.status is Status.DONE and self.actual_exercises:
            return self.actual_exercises
        return self.exercises

    def content(self) -> SessionContent:
        return SessionContent(**{f.name: getattr(self, f.name) for f in dataclasses.fields(SessionContent)})

    def replace(self, **changes: object) -> Session:
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Template(SessionContent):
    """A library entry. Built-in templates come from resources/ and can be hidden, not deleted."""

    id: str = ""
    builtin: bool = False

    def __post_init__(self) -> None:
        SessionContent.__post_init__(self)
        v.text("template id", self.id, 80, required=True)

    def to_session(self, date: dt.date, position: int = 0) -> Session:
        return Session(**_content_fields(self), date=date, position=position)

    @classmethod
    def from_content(cls, content: SessionContent, id: str, builtin: bool = False) -> Template:
        return cls(**_content_fields(content), id=id, builtin=builtin)


def _content_fields(obj: SessionContent) -> dict[str, Any]:
    return {f.name: getattr(obj, f.name) for f in dataclasses.fields(SessionContent)}
