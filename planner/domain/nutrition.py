"""Daily fuel and fluid targets from the profile and the day's sessions (SCIENCE.md section 6).

- Carbohydrate: the ACSM/AND/DC 2016 bands (3-5, 5-7, 6-10, 8-12 g/kg) overlap and leave 3-4 h
  undefined, so the app maps the day's training minutes and intensity to a band in one table,
  `CARB_TABLE`, which covers every duration.
- Protein: 1.4-2.0 g/kg a day (ISSN, Jager 2017), the same on every day; at least four meals of
  about 0.4 g/kg (Schoenfeld & Aragon 2018).
- Fat 20-35 % of energy, and energy = 4 x carbohydrate + 4 x protein + 9 x fat (Thomas 2016):
  with fat a share f of energy E, E = 4 (C + P) / (1 - f). The low end takes every low end
  (f = 20 %), the high end every high end (f = 35 %).
- Fluid: EFSA 2010 adequate intake of total water (2.0 L women, 2.5 L men, food included; 2.25 L,
  the midpoint, when sex is not given: an app convention) plus the estimated sweat loss; up to
  50 % more of what is still lost after training (1.25-1.5 L per kg lost, Thomas 2016).

Sessions count with their effective values (actual duration and effort once done); skipped ones
do not count.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from planner.domain import energy, fuelling
from planner.domain import nutrition_sources as src
from planner.domain.enums import Intensity, Kind, Sex, Status
from planner.domain.fuelling import TRAINING_KINDS, Planned, SessionFuel
from planner.domain.intensity import intensity
from planner.domain.profile import Profile
from planner.domain.ranges import Range
from planner.domain.session import Session


class Effort(StrEnum):
    """Which days a row of the carbohydrate table applies to."""

    ANY = "any"
    EASY = "easy only"  # no training session above easy
    HARDER = "moderate or hard"  # at least one moderate or hard training session


@dataclass(frozen=True, slots=True)
class CarbBand:
    from_min: int  # training minutes, inclusive
    to_min: int | None  # exclusive; None: no upper end
    effort: Effort
    g_per_kg: Range
    label: str  # what the day is, in the panel's words
    basis: str  # the position stand's band it comes from, or the app's reason

    def matches(self, minutes: int, effort: Intensity | None) -> bool:
        if minutes < self.from_min or (self.to_min is not None and minutes >= self.to_min):
            return False
        easy = effort is None or effort is Intensity.EASY
        return self.effort is Effort.ANY or (self.effort is Effort.EASY) == easy


#: The app's one mapping from a day's training (minutes of running, lifting and other training;
#: the hardest intensity word among them) to a daily carbohydrate band. Thomas 2016 gives the
#: g/kg; the minute edges and the easy/harder split are the app's, chosen so that every duration
#: lands in exactly one row.
CARB_TABLE: tuple[CarbBand, ...] = (
    CarbBand(0, 45, Effort.ANY, Range(3, 5), "Rest or light day",
             "light: low-intensity or skill-based activity, 3\u20135 g/kg"),
    CarbBand(45, 90, Effort.ANY, Range(5, 7), "About an hour of training",
             "moderate: about 1 h a day, 5\u20137 g/kg"),
    CarbBand(90, 240, Effort.EASY, Range(5, 7), "Long but easy day",
             "app: 6\u201310 g/kg is for moderate to high intensity; easy work stays at 5\u20137 g/kg"),
    CarbBand(90, 240, Effort.HARDER, Range(6, 10), "High-carbohydrate day (1.5\u20134 h, moderate to hard)",
             "high: 1\u20133 h a day of moderate to high intensity, 6\u201310 g/kg; the app extends it over "
             "the undefined 3\u20134 h"),
    CarbBand(240, None, Effort.EASY, Range(6, 10), "Very long, easy day",
             "app: over 4 h at an easy intensity takes the 6\u201310 g/kg band"),
    CarbBand(240, None, Effort.HARDER, Range(8, 12), "Very high-carbohydrate day (over 4 h)",
             "very high: over 4\u20135 h a day of moderate to high intensity, 8\u201312 g/kg"),
)

PROTEIN_G_PER_KG = Range(1.4, 2.0)
PROTEIN_PER_MEAL_G_PER_KG = 0.4
MIN_MEALS = 4
FAT_SHARE = Range(0.20, 0.35)
FLUID_BASELINE_L = {Sex.FEMALE: 2.0, Sex.MALE: 2.5, None: 2.25}
AFTER_EXTRA_SHARE = fuelling.AFTER_FLUID_L_PER_KG_LOST.hi - 1.0  # 1.5 L per kg lost -> +50 %


def carb_band(minutes: int, effort: Intensity | None) -> CarbBand:
    for band in CARB_TABLE:
        if band.matches(minutes, effort):
            return band
    raise ValueError(f"no carbohydrate band for {minutes} min")  # the table covers every minute


@dataclass(frozen=True, slots=True)
class MealSplit:
    """Protein over the day: `meals` meals of `grams` (0.4 g/kg) reach the low end; `meals_high`
    meals of the same size reach the high end."""

    meals: int
    meals_high: int
    grams: float
    g_per_kg: float


def meal_split(body_mass_kg: float) -> MealSplit:
    per_meal = PROTEIN_PER_MEAL_G_PER_KG
    return MealSplit(
        meals=max(MIN_MEALS, math.ceil(round(PROTEIN_G_PER_KG.lo / per_meal, 9))),
        meals_high=max(MIN_MEALS, math.ceil(round(PROTEIN_G_PER_KG.hi / per_meal, 9))),
        grams=per_meal * body_mass_kg, g_per_kg=per_meal)


def planned(s: Session) -> Planned:
    """The session as the rules see it: actual duration and effort once done."""
    effective = s
    if s.status is Status.DONE:
        effective = s.replace(duration_min=s.effective_duration_min, rpe=s.effective_rpe)
    return Planned(s.id, s.title, s.kind, s.date, s.time, effective.duration_min, intensity(effective))


@dataclass(frozen=True, slots=True)
class DayTargets:
    date: dt.date
    body_mass_kg: float
    training_min: int
    effort: Intensity | None  # hardest training session of the day; None without training
    band: CarbBand
    carbohydrate_g: Range
    protein_g: Range
    fat_g: Range
    energy_kcal: Range
    fluid_l: Range
    fluid_baseline_l: float
    sweat_loss_l: float
    meals: MealSplit
    exercise_kcal: float
    second_estimate_kcal: Range | None  # Mifflin-St Jeor based; None without height, age, sex
    sessions: tuple[SessionFuel, ...]

    @property
    def carbohydrate_g_per_kg(self) -> Range:
        return self.band.g_per_kg

    @property
    def protein_g_per_kg(self) -> Range:
        return PROTEIN_G_PER_KG

    def as_json(self) -> dict[str, list[float]]:
        """The report's per-day `nutrition` value: whole grams and kcal, litres to 0.01."""
        return {
            "carbohydrate_g": self.carbohydrate_g.rounded(),
            "protein_g": self.protein_g.rounded(),
            "fat_g": self.fat_g.rounded(),
            "fluid_l": self.fluid_l.rounded(2),
            "energy_kcal": self.energy_kcal.rounded(),
        }


def energy_and_fat(carbohydrate_g: Range, protein_g: Range) -> tuple[Range, Range]:
    """E = 4 (C + P) / (1 - f), fat = f E / 9, so 4 C + 4 P + 9 fat = E at both ends."""
    lo = energy.KCAL_PER_G_CARB * carbohydrate_g.lo + energy.KCAL_PER_G_PROTEIN * protein_g.lo
    hi = energy.KCAL_PER_G_CARB * carbohydrate_g.hi + energy.KCAL_PER_G_PROTEIN * protein_g.hi
    kcal = Range(lo / (1 - FAT_SHARE.lo), hi / (1 - FAT_SHARE.hi))
    fat = Range(FAT_SHARE.lo * kcal.lo / energy.KCAL_PER_G_FAT, FAT_SHARE.hi * kcal.hi / energy.KCAL_PER_G_FAT)
    return kcal, fat


def day_targets(profile: Profile, day: dt.date, sessions: Sequence[Session],
                following: Sequence[Session] = ()) -> DayTargets:
    """Targets for `day` from its sessions; `following` (the next day's sessions) decides whether
    the day's last session needs fast refuelling."""
    kg = profile.body_mass_kg
    today = [planned(s) for s in sorted(sessions, key=_order) if s.status is not Status.SKIPPED]
    later = [planned(s) for s in sorted(following, key=_order) if s.status is not Status.SKIPPED]
    training = [p for p in today if p.kind in TRAINING_KINDS]
    minutes = sum(p.minutes for p in training)
    effort = max((p.intensity for p in training), key=_INTENSITY_ORDER.index, default=None)
    band = carb_band(minutes, effort)
    carbohydrate = band.g_per_kg.times(kg)
    protein = PROTEIN_G_PER_KG.times(kg)
    kcal, fat = energy_and_fat(carbohydrate, protein)

    upcoming = [p for p in today + later if p.kind in TRAINING_KINDS]
    next_after = _next_after(upcoming)
    fuel = tuple(
        fuelling.session_fuel(p, kg, profile.sweat_rate_l_per_h, next_after(p), profile.units)
        for p in today)
    loss = sum(f.sweat_loss_l for f in fuel)
    still_lost = sum(fuelling.remaining_deficit_l(f.sweat_loss_l, kg) for f in fuel)
    baseline = FLUID_BASELINE_L[profile.sex]
    fluid = Range(baseline + loss, baseline + loss + AFTER_EXTRA_SHARE * still_lost)
    exercise = sum(energy.session_kcal(p.kind, p.intensity, p.minutes, kg) for p in today)
    return DayTargets(
        date=day, body_mass_kg=kg, training_min=minutes, effort=effort, band=band,
        carbohydrate_g=carbohydrate, protein_g=protein, fat_g=fat, energy_kcal=kcal,
        fluid_l=fluid, fluid_baseline_l=baseline, sweat_loss_l=loss, meals=meal_split(kg),
        exercise_kcal=exercise, second_estimate_kcal=energy.second_estimate(profile, exercise),
        sessions=fuel)


def week_targets(profile: Profile, days: Sequence[dt.date],
                 sessions_between: Callable[[dt.date, dt.date], Sequence[Session]]) -> list[DayTargets]:
    """Targets for consecutive `days`, reading the sessions once (plus the day after the last)."""
    if not days:
        return []
    by_day: dict[dt.date, list[Session]] = {}
    for s in sessions_between(days[0], days[-1] + dt.timedelta(days=1)):
        by_day.setdefault(s.date, []).append(s)
    return [day_targets(profile, d, by_day.get(d, ()), by_day.get(d + dt.timedelta(days=1), ()))
            for d in days]


def estimate_low_kcal(t: DayTargets) -> float:
    """The low end the low-energy prompt compares intake with: the second estimate when there
    is one (it does not depend on the targets' ranges), else the targets' energy."""
    return (t.second_estimate_kcal or t.energy_kcal).lo


_INTENSITY_ORDER = [Intensity.EASY, Intensity.MODERATE, Intensity.HARD]


def _order(s: Session) -> tuple[int, int, int]:
    minute = s.time.hour * 60 + s.time.minute if s.time else -1
    return (s.position, minute, s.id or 0)


def _next_after(upcoming: list[Planned]) -> Callable[[Planned], Planned | None]:
    """The training session after a given one: the next in `upcoming` for a training session, the
    first on a later day for any other. Indexed once, so a day of 10,001 sessions costs a pass,
    not a scan per session (issue 19: the nutrition pane froze for minutes)."""
    index = {id(q): i for i, q in enumerate(upcoming)}
    later: dict[dt.date, Planned | None] = {}

    def after(p: Planned) -> Planned | None:
        i = index.get(id(p))
        if i is not None:
            return upcoming[i + 1] if i + 1 < len(upcoming) else None
        if p.date not in later:
            later[p.date] = next((q for q in upcoming if q.date > p.date), None)
        return later[p.date]

    return after


SOURCES = {
    "carbohydrate": src.THOMAS_2016,
    "protein": src.JAGER_2017,
    "meals": src.SCHOENFELD_ARAGON_2018,
    "fat": src.THOMAS_2016,
    "fluid": src.EFSA_2010 + " " + src.SAWKA_2007,
    "energy": src.THOMAS_2016,
    "second_estimate": src.MIFFLIN_1990 + " " + src.COMPENDIUM,
    "low_energy": src.MOUNTJOY_2023,
    "convention": src.APP_CONVENTION,
}
#: Kinds that count as training minutes (for the panel's help text).
TRAINING_KIND_WORDS = ", ".join(k.value for k in Kind if k in TRAINING_KINDS)
