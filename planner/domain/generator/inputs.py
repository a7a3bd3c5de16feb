"""What the generator needs from the athlete, checked once with messages a person can act on."""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from typing import Any

from planner.domain.enums import Experience, Goal, Units, WeekStart
from planner.domain.one_rep_max import STATED_KEY, epley_1rm
from planner.domain.paces import RecentRace, TrainingPaces
from planner.domain.units import KM_PER_MILE, distance_unit, load_from_display, load_unit

WEEKS_RANGE = (4, 16)
RUNS_RANGE = (1, 7)
LIFTS_RANGE = (1, 5)
WEEKLY_KM_RANGE = (5.0, 200.0)
LONGEST_RANGE = (2.0, 60.0)
E1RM_RANGE = (10.0, 500.0)
#: The race distances a block can end in (5K, 10K, half marathon, marathon).
RACE_DISTANCES = (5.0, 10.0, 21.1, 42.2)
#: Every run of a block is at least this long (about 20 min at an easy pace).
MIN_RUN_KM = 3.0
DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
#: Runs and lifts a week when the athlete does not say (Methenitis 2018 session ratios: about 1:1-1:2
#: strength:endurance when running matters, 2:1-3:1 when strength does).
DEFAULT_SESSIONS = {Goal.RUN: (4, 2), Goal.LIFT: (2, 4), Goal.BALANCED: (3, 3)}
#: Easy pace when none is given, by experience (s/km): a middle-of-the-road guess, said so in the summary.
DEFAULT_EASY_PACE = {Experience.NEW: 420, Experience.SOME: 375, Experience.EXPERIENCED: 330}
MAIN_LIFTS = ("squat", "deadlift", "bench", "press")


class GeneratorError(ValueError):
    """The inputs cannot give a clean plan; `message` says what to change."""

    def __init__(self, message: str, suggestions: tuple[str, ...] = ()) -> None:
        text = message if not suggestions else message + " What would work: " + "; or ".join(suggestions) + "."
        super().__init__(text)
        self.message = text
        self.suggestions = suggestions


_UNIT_WORD = re.compile(r"^(.*?)\s*(kg|kgs|lb|lbs|/km|/mi)?$")


def _split_unit(text: str) -> tuple[str, str]:
    """'100x5 lb' -> ('100x5', 'lb'); '6:15/mi' -> ('6:15', 'mi'); no unit word: ('...', '')."""
    match = _UNIT_WORD.match(text.strip().lower().replace(",", "."))
    body, word = match.groups() if match else (text.strip(), "")
    return body, (word or "").strip("/").rstrip("s")


def parse_lift(text: str, units: Units = Units.METRIC) -> float:
    """'120' is an estimated one-rep max; '100x5' a working weight of 100 for 5 reps (Epley); in kg,
    a number alone in the user's `units`, a unit word ('265 lb', '100x5 kg') taken at its word."""
    t, unit = _split_unit(text)
    shown = Units.IMPERIAL if unit == "lb" or (not unit and units is Units.IMPERIAL) else Units.METRIC
    try:
        if "x" in t:
            load, reps = t.split("x", 1)
            n = int(reps)
            if not 1 <= n <= 12:
                raise GeneratorError(f"'{text}': reps must be 1 to 12 for an estimate of the one-rep max")
            return round(load_from_display(epley_1rm(float(load), n), shown), 1)
        return load_from_display(float(t), shown)
    except ValueError as exc:
        if isinstance(exc, GeneratorError):
            raise
        raise GeneratorError(f"'{text}' is not a weight: write 120 (a one-rep max) or 100x5 "
                             f"({load_unit(units)} x reps)") from None


def parse_pace(text: str, units: Units = Units.METRIC) -> int:
    """'6:15' -> 375 s/km; per mile in imperial `units` or with '/mi' ('10:03/mi' -> 375 s/km)."""
    t, unit = _split_unit(text)
    per_mile = unit == "mi" or (not unit and units is Units.IMPERIAL)
    try:
        m, s = t.split(":")
        if not 0 <= int(s) < 60:
            raise ValueError
        seconds = int(m) * 60 + int(s)
    except ValueError:
        raise GeneratorError(f"'{text}' is not a pace: write minutes:seconds per {distance_unit(units)}, e.g. "
                             f"{'10:03' if units is Units.IMPERIAL else '6:15'}") from None
    return round(seconds / KM_PER_MILE) if per_mile else seconds


def parse_days(text: str) -> tuple[int, ...]:
    """'mon,wed,fri' -> (0, 2, 4)."""
    out = []
    for part in text.lower().replace(" ", "").split(","):
        if part[:3] not in DAY_NAMES or not part:
            raise GeneratorError(f"'{part}' is not a day: write days as mon,tue,wed,thu,fri,sat,sun")
        out.append(DAY_NAMES.index(part[:3]))
    return tuple(sorted(set(out)))


@dataclass(frozen=True, slots=True)
class GeneratorInput:
    """Weekdays are 0 = Monday ... 6 = Sunday. `one_rm` maps squat/deadlift/bench/press to an
    estimated one-rep max in kg; a lift left out gets RPE targets without a load."""

    goal: Goal
    start: dt.date
    weeks: int
    runs: int
    lifts: int
    days: tuple[int, ...] = (0, 1, 2, 3, 4, 5, 6)
    long_run_day: int = 6
    experience: Experience = Experience.SOME
    weekly_km: float = 20.0
    longest_run_km: float = 8.0
    one_rm: dict[str, float] = field(default_factory=dict)
    race_km: float | None = None
    easy_pace_s: int | None = None
    week_start: WeekStart = WeekStart.MON
    recent_race: RecentRace | None = None
    #: A re-plan: the weeks of the block already in the plan, not generated again.
    skip_weeks: int = 0
    #: Build weeks the log already holds just before the block (the first phase finishes them).
    prior_builds: int = 0
    #: A re-plan after a "lighter week" readiness finding: the first rebuilt week is a lighter one.
    lighter_first: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "goal", Goal(self.goal))
        object.__setattr__(self, "experience", Experience(self.experience))
        object.__setattr__(self, "days", tuple(sorted(set(self.days))))
        _whole("weeks", self.weeks, *WEEKS_RANGE)
        _whole("weeks already planned", self.skip_weeks, 0, self.weeks - 1)
        _whole("build weeks already logged", self.prior_builds, 0, 8)
        _whole("runs a week", self.runs, *RUNS_RANGE)
        _whole("lifts a week", self.lifts, *LIFTS_RANGE)
        _number("weekly km", self.weekly_km, *WEEKLY_KM_RANGE)
        _number("longest recent run", self.longest_run_km, *LONGEST_RANGE)
        if not self.days or any(d not in range(7) for d in self.days):
            raise GeneratorError("Choose at least one day of the week to train on.")
        if self.long_run_day not in self.days and self.runs >= 2:
            raise GeneratorError(f"The long-run day ({DAY_NAMES[self.long_run_day]}) is not one of the days "
                                 f"available ({','.join(DAY_NAMES[d] for d in self.days)}): add it, or pick "
                                 "another long-run day.")
        for name, kg in self.one_rm.items():
            if name not in MAIN_LIFTS:
                raise GeneratorError(f"'{name}' is not a main lift ({', '.join(MAIN_LIFTS)}).")
            _number(f"{name} one-rep max", kg, *E1RM_RANGE)
        if self.race_km is not None:
            if self.race_km not in RACE_DISTANCES:
                raise GeneratorError(f"race distance must be one of {', '.join(f'{d:g}' for d in RACE_DISTANCES)} km "
                                     f"(got {self.race_km!r}).")
            if self.weeks < 6:
                raise GeneratorError("A block that ends in a race needs at least 6 weeks: 2 of them are the "
                                     "taper (Bosquet 2007).", ("plan 6 weeks or more", "leave the race out"))
        if self.easy_pace_s is not None:
            _whole("easy pace (s/km)", self.easy_pace_s, 180, 600)
        if self.weekly_km / self.runs < MIN_RUN_KM:
            most = max(1, math.floor(self.weekly_km / MIN_RUN_KM))
            raise GeneratorError(
                f"{self.weekly_km:g} km a week over {self.runs} runs gives runs under {MIN_RUN_KM:g} km.",
                (f"plan {most} run{'s' if most != 1 else ''} a week", f"start from at least "
                 f"{MIN_RUN_KM * self.runs:g} km a week"))
        if self.goal is Goal.RUN and self.lifts < 2:
            raise GeneratorError("Run focus means two strength sessions a week, with posterior-chain and "
                                 "calf/ankle work (Methenitis 2018; Spiering 2021).",
                                 ("set lifts to 2", "choose balanced"))
        if self.goal is Goal.RUN and self.runs < 2:
            raise GeneratorError("Run focus needs at least 2 runs a week.", ("set runs to 2 or more",
                                                                             "choose lift focus"))
        if self.runs + self.lifts > 2 * len(self.days):
            raise GeneratorError(
                f"{self.runs} runs and {self.lifts} lifts do not fit in {len(self.days)} day"
                f"{'s' if len(self.days) != 1 else ''}, even with two sessions a day.",
                (f"add days (at least {math.ceil((self.runs + self.lifts) / 2)})",
                 f"plan at most {2 * len(self.days)} sessions a week"))

    @property
    def easy_pace(self) -> int:
        """The easy pace given, else the centre of the recent result's easy range, else a guess by experience."""
        if self.easy_pace_s:
            return self.easy_pace_s
        if self.recent_race is not None:
            return round(self.paces.easy_centre)
        return DEFAULT_EASY_PACE[self.experience]

    @property
    def paces(self) -> TrainingPaces:
        """Daniels' paces from the recent result, or estimated from the easy pace (said so in the block's notes)."""
        if self.recent_race is not None:
            return TrainingPaces.from_race(self.recent_race)
        return TrainingPaces.from_easy_pace(self.easy_pace)


def _whole(name: str, value: int, lo: int, hi: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
        raise GeneratorError(f"{name} must be a whole number from {lo} to {hi} (got {value!r}).")


def _number(name: str, value: float, lo: float, hi: float) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not lo <= value <= hi:
        raise GeneratorError(f"{name} must be from {lo:g} to {hi:g} (got {value!r}).")


def inputs_to_doc(x: GeneratorInput) -> dict[str, object]:
    """The inputs as JSON values, so a re-plan can rebuild the block they made."""
    race = x.recent_race
    return {"goal": x.goal.value, "start": x.start.isoformat(), "weeks": x.weeks, "runs": x.runs, "lifts": x.lifts,
            "days": list(x.days), "long_run_day": x.long_run_day, "experience": x.experience.value,
            "weekly_km": x.weekly_km, "longest_run_km": x.longest_run_km, STATED_KEY: dict(x.one_rm),
            "race_km": x.race_km, "easy_pace_s": x.easy_pace_s, "week_start": x.week_start.value,
            "recent_race": [race.km, race.seconds] if race else None, "prior_builds": x.prior_builds}


def inputs_from_doc(d: dict[str, Any]) -> GeneratorInput:
    """Raises GeneratorError (or ValueError) on a document that does not hold valid inputs."""
    race = d.get("recent_race")
    fields = {k: v for k, v in d.items() if k not in ("start", "days", "recent_race", "week_start")}
    return GeneratorInput(**fields, start=dt.date.fromisoformat(str(d["start"])), days=tuple(d["days"]),
                          week_start=WeekStart(d["week_start"]),
                          recent_race=RecentRace(*race) if isinstance(race, list) else None)
