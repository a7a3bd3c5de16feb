"""The athlete's profile and the per-day logs (readiness, nutrition actually taken)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from planner.domain import validate as v
from planner.domain.enums import Experience, Goal, Sex, Units, WeekStart
from planner.domain.errors import ValidationError
from planner.domain.paces import RecentRace
from planner.domain.weeks import check_date

BODY_MASS_RANGE = (30.0, 250.0)  # kg
#: Sawka 2007 (ACSM fluid replacement): typical sweat rates about 0.5-2.0 L/h, higher in heat.
SWEAT_RATE_RANGE = (0.2, 4.0)  # L/h
#: Optional, for the Mifflin-St Jeor resting-energy estimate (nutrition panel); its sample was 19-78 years.
HEIGHT_RANGE = (100.0, 250.0)  # cm
AGE_RANGE = (14, 100)  # years
#: Optional, for the effort of imported activities (Karvonen's heart-rate reserve); what a strap records.
HEART_RATE_RANGE = (25, 250)  # bpm
#: Optional: the easy pace a run without heart rate is judged against (3:00 to 15:00 min/km).
EASY_PACE_RANGE = (180, 900)  # s/km


@dataclass(frozen=True, slots=True)
class Profile:
    name: str = "Athlete"
    body_mass_kg: float = 70.0
    goal: Goal = Goal.BALANCED
    week_start: WeekStart = WeekStart.MON
    units: Units = Units.METRIC
    sweat_rate_l_per_h: float = 1.0
    height_cm: float | None = None
    age: int | None = None
    sex: Sex | None = None
    experience: Experience = Experience.SOME
    max_hr: int | None = None
    resting_hr: int | None = None
    lthr: int | None = None  # lactate threshold heart rate
    easy_pace_s: int | None = None  # s/km
    #: A recent race or time trial (km, seconds): the training paces come from it (Daniels 2014).
    recent_race_km: float | None = None
    recent_race_s: int | None = None
    #: The inputs of the last generated block, as JSON text, so "Re-plan from today" can rebuild its rest.
    generated_block: str | None = None

    def __post_init__(self) -> None:
        v.text("name", self.name, required=True)
        object.__setattr__(self, "body_mass_kg", v.number("body_mass_kg", self.body_mass_kg, *BODY_MASS_RANGE, "kg"))
        object.__setattr__(self, "goal", v.choice("goal", self.goal, Goal))
        object.__setattr__(self, "week_start", v.choice("week_start", self.week_start, WeekStart))
        object.__setattr__(self, "units", v.choice("units", self.units, Units))
        object.__setattr__(self, "sweat_rate_l_per_h", v.number(
            "sweat_rate_l_per_h", self.sweat_rate_l_per_h, *SWEAT_RATE_RANGE, "L/h"))
        if self.height_cm is not None:
            object.__setattr__(self, "height_cm", v.number("height_cm", self.height_cm, *HEIGHT_RANGE, "cm"))
        if self.age is not None:
            object.__setattr__(self, "age", v.integer("age", self.age, *AGE_RANGE, "years"))
        if self.sex is not None:
            object.__setattr__(self, "sex", v.choice("sex", self.sex, Sex))
        object.__setattr__(self, "experience", v.choice("experience", self.experience, Experience))
        for name, words in (("max_hr", "maximum heart rate"), ("resting_hr", "resting heart rate"),
                            ("lthr", "lactate threshold heart rate")):
            if getattr(self, name) is not None:
                object.__setattr__(self, name, v.integer(words, getattr(self, name), *HEART_RATE_RANGE, "bpm"))
        if self.max_hr is not None:
            for name, words in (("resting_hr", "resting heart rate"), ("lthr", "lactate threshold heart rate")):
                value = getattr(self, name)
                if value is not None and value >= self.max_hr:
                    raise ValidationError(words, f"must be below the maximum heart rate ({value} >= {self.max_hr} bpm)")
        if self.easy_pace_s is not None:
            object.__setattr__(self, "easy_pace_s", v.integer("easy pace", self.easy_pace_s, *EASY_PACE_RANGE, "s/km"))
        if (self.recent_race_km is None) != (self.recent_race_s is None):
            raise v.ValidationError("recent race", "needs both a distance and a time")
        if self.recent_race_km is not None and self.recent_race_s is not None:
            RecentRace(self.recent_race_km, self.recent_race_s)  # refuses a result outside Daniels' tables

    @property
    def recent_race(self) -> RecentRace | None:
        if self.recent_race_km is None or self.recent_race_s is None:
            return None
        return RecentRace(self.recent_race_km, self.recent_race_s)

    def replace(self, **changes: object) -> Profile:
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class ReadinessEntry:
    """How the athlete feels on a day; 1-5 scales where 5 is the most (fatigue, soreness) or best (mood)."""

    date: dt.date
    sleep_h: float | None = None
    fatigue: int | None = None
    soreness: int | None = None
    mood: int | None = None
    resting_hr: int | None = None

    def __post_init__(self) -> None:
        check_date("date", self.date)
        if self.sleep_h is not None:
            object.__setattr__(self, "sleep_h", v.number("sleep_h", self.sleep_h, 0, 24, "h"))
        for name in ("fatigue", "soreness", "mood"):
            value = getattr(self, name)
            if value is not None:
                v.integer(name, value, 1, 5)
        if self.resting_hr is not None:
            v.integer("resting_hr", self.resting_hr, 25, 220, "bpm")


@dataclass(frozen=True, slots=True)
class NutritionLog:
    """What was actually eaten and drunk on a day."""

    date: dt.date
    carb_g: float | None = None
    protein_g: float | None = None
    fat_g: float | None = None
    fluid_l: float | None = None

    def __post_init__(self) -> None:
        check_date("date", self.date)
        for name, hi in (("carb_g", 2000), ("protein_g", 1000), ("fat_g", 1000)):
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, v.number(name, value, 0, hi, "g"))
        if self.fluid_l is not None:
            object.__setattr__(self, "fluid_l", v.number("fluid_l", self.fluid_l, 0, 20, "L"))
