"""What an activity file or a lifting log holds, before it becomes a session; and the one error
every reader raises, naming the file (and, for a spreadsheet, the line)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from planner.domain.session import Session, WorkSet


class ActivityFileError(ValueError):
    """A file that cannot be imported. The message names the file and, for CSV, the line."""

    def __init__(self, name: str, reason: str, line: int | None = None) -> None:
        self.name, self.reason, self.line = name, reason, line
        where = f" line {line}" if line is not None else ""
        super().__init__(f"{name}{where}: {reason}")

    def __reduce__(self) -> tuple[type[ActivityFileError], tuple[str, str, int | None]]:
        return (ActivityFileError, (self.name, self.reason, self.line))  # crosses to and from a reading process


@dataclass(frozen=True, slots=True)
class Activity:
    """One recorded activity (a run, a ride, ...). `start` is aware; `local_offset` is the offset
    the file itself gives for the athlete's clock (None: the file only knows UTC)."""

    sport: str
    start: dt.datetime
    duration_s: float
    distance_m: float | None = None
    avg_hr: int | None = None
    max_hr: int | None = None
    ascent_m: float | None = None
    title: str = ""
    local_offset: dt.timedelta | None = None
    file_ref: str = ""  # Strava's activities.csv: the activity's own file in the export ("activities/1.gpx.gz")


@dataclass(frozen=True, slots=True)
class LoggedExercise:
    name: str
    sets: tuple[WorkSet, ...]
    superset: int | None = None


@dataclass(frozen=True, slots=True)
class LiftWorkout:
    """One workout of a lifting log. `start` is the athlete's local clock (the apps write no zone)."""

    start: dt.datetime
    duration_s: float
    title: str
    exercises: tuple[LoggedExercise, ...]


@dataclass(frozen=True, slots=True)
class Skipped:
    """One activity the plan cannot hold, left out while the rest of its file imports."""

    file: str
    activity: str  # "the ride of 2020-05-21 16:31", or "line 7" for a row with no readable date
    reason: str

    def as_dict(self) -> dict[str, str]:
        return {"file": self.file, "activity": self.activity, "reason": self.reason}

    def __str__(self) -> str:
        return f"{self.file}: {self.activity}: {self.reason}"


@dataclass(frozen=True, slots=True)
class ParsedFile:
    name: str
    activities: tuple[Activity, ...] = ()
    workouts: tuple[LiftWorkout, ...] = ()
    notes: tuple[str, ...] = field(default=())  # what was left out, in words (e.g. cardio rows)
    skipped: tuple[Skipped, ...] = ()  # rows that could not be read, each with its reason
    planned: tuple[Session, ...] = ()  # a FIT workout file: the planned session it describes
