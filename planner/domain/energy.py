"""Energy from expenditure, and the low-energy-availability prompt.

- Expenditure = Mifflin-St Jeor resting energy x a non-exercise factor (1.4-1.5, daily living
  outside training) + each session's energy: runs with a distance about 1 kcal per kg per km
  (gross), other sessions METs x kg x hours from the Compendium of Physical Activities.
- The energy target is a narrow band around it: the factor's ends, and the sessions' energy
  +/- 10 % (METs are population averages). Its high end stays within 1.3 x its low end.
- It needs height, age and sex: without them there is no energy figure (never a guess).
- The low-energy prompt compares logged intake with expenditure, never with a target's low end.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from planner.domain.enums import Intensity, Kind, Sex
from planner.domain.profile import NutritionLog, Profile
from planner.domain.ranges import Range

KCAL_PER_G_CARB = 4.0
KCAL_PER_G_PROTEIN = 4.0
KCAL_PER_G_FAT = 9.0

#: Mifflin 1990: REE = 10 x kg + 6.25 x cm - 5 x years + 5 (men) or - 161 (women).
MIFFLIN_SEX_TERM = {Sex.MALE: 5.0, Sex.FEMALE: -161.0}
#: App convention: daily living outside training multiplies resting energy by about 1.4-1.5;
#: training is added separately, session by session, so no activity factor counts it twice.
NON_EXERCISE_FACTOR = Range(1.4, 1.5)
#: App convention: a session's energy is known to about +/- 10 % (METs are population averages).
SESSION_ENERGY_SPREAD = Range(0.9, 1.1)
#: Running costs about 1 kcal per kg of body mass per km, gross, whatever the pace.
RUN_KCAL_PER_KG_KM = 1.0
#: The band's high end never exceeds this multiple of its low end (issue 18).
MAX_BAND_RATIO = 1.3


@dataclass(frozen=True, slots=True)
class Met:
    value: float
    activity: str  # the Compendium activity the value is taken from


#: METs per session kind and intensity word (Compendium 2011 codes; the 2024 update keeps these
#: activities). Running by typical pace: easy ~ 12 min/mile (8.3), moderate ~ 10 min/mile (9.8),
#: hard ~ 8.5 min/mile (11.0). Lifting: 8-15 reps at varied resistance (3.5), vigorous (6.0).
METS: Mapping[tuple[Kind, Intensity], Met] = {
    (Kind.RUN, Intensity.EASY): Met(8.3, "running, 5 mph (12 min/mile), code 12010"),
    (Kind.RUN, Intensity.MODERATE): Met(9.8, "running, 6 mph (10 min/mile), code 12030"),
    (Kind.RUN, Intensity.HARD): Met(11.0, "running, 7 mph (8.5 min/mile), code 12050"),
    (Kind.LIFT, Intensity.EASY): Met(3.5, "resistance training, multiple exercises, 8-15 reps, code 02054"),
    (Kind.LIFT, Intensity.MODERATE): Met(3.5, "resistance training, multiple exercises, 8-15 reps, code 02054"),
    (Kind.LIFT, Intensity.HARD): Met(6.0, "resistance training, vigorous effort, code 02050"),
    (Kind.MOBILITY, Intensity.EASY): Met(2.5, "yoga, Hatha, code 02150"),
    (Kind.MOBILITY, Intensity.MODERATE): Met(2.5, "yoga, Hatha, code 02150"),
    (Kind.MOBILITY, Intensity.HARD): Met(2.5, "yoga, Hatha, code 02150"),
    (Kind.RECOVERY, Intensity.EASY): Met(3.5, "walking, 3.0 mph, code 17190"),
    (Kind.RECOVERY, Intensity.MODERATE): Met(3.5, "walking, 3.0 mph, code 17190"),
    (Kind.RECOVERY, Intensity.HARD): Met(3.5, "walking, 3.0 mph, code 17190"),
    (Kind.OTHER, Intensity.EASY): Met(3.8, "calisthenics, moderate effort, code 02030"),
    (Kind.OTHER, Intensity.MODERATE): Met(3.8, "calisthenics, moderate effort, code 02030"),
    (Kind.OTHER, Intensity.HARD): Met(8.0, "calisthenics, vigorous effort, code 02020"),
}

#: App convention for "far below": logged energy under 70 % of expenditure, on average over at
#: least 5 logged days of the last 7.
LEA_SHARE = 0.7
LEA_MIN_DAYS = 5
LEA_WINDOW_DAYS = 7
LEA_MESSAGE = (
    "Your logged intake has stayed well below your estimated expenditure for a week. Low energy "
    "availability can affect health and training; consider talking to a sports dietitian or a "
    "doctor. This is a prompt to check, not a diagnosis."
)


def met(kind: Kind, intensity: Intensity) -> Met | None:
    """None for a rest day (no session energy)."""
    return METS.get((kind, intensity))


def session_kcal(kind: Kind, intensity: Intensity, minutes: float, body_mass_kg: float,
                 distance_km: float | None = None) -> float:
    """A run with a distance: about 1 kcal per kg per km; otherwise METs x kg x hours (1 MET ~
    1 kcal per kg per hour)."""
    if kind is Kind.RUN and distance_km:
        return RUN_KCAL_PER_KG_KM * body_mass_kg * distance_km
    m = met(kind, intensity)
    return 0.0 if m is None else m.value * body_mass_kg * minutes / 60


def resting_energy_kcal(profile: Profile) -> float | None:
    """Mifflin-St Jeor resting energy, or None when height, age or sex is missing."""
    if profile.height_cm is None or profile.age is None or profile.sex is None:
        return None
    return (10 * profile.body_mass_kg + 6.25 * profile.height_cm - 5 * profile.age
            + MIFFLIN_SEX_TERM[profile.sex])


@dataclass(frozen=True, slots=True)
class Expenditure:
    """A day's estimated energy expenditure and the target band around it (kcal)."""

    resting_kcal: float  # Mifflin-St Jeor
    exercise_kcal: float  # the day's sessions
    kcal: float  # resting x the factor's middle + sessions
    band: Range  # the energy target

    @property
    def daily_living_kcal(self) -> Range:
        return NON_EXERCISE_FACTOR.times(self.resting_kcal)


def expenditure(profile: Profile, exercise_kcal: float) -> Expenditure | None:
    """Resting energy x the non-exercise factor, plus the day's session energy; None without
    height, age or sex."""
    ree = resting_energy_kcal(profile)
    if ree is None:
        return None
    middle = (NON_EXERCISE_FACTOR.lo + NON_EXERCISE_FACTOR.hi) / 2
    band = Range(NON_EXERCISE_FACTOR.lo * ree + SESSION_ENERGY_SPREAD.lo * exercise_kcal,
                 NON_EXERCISE_FACTOR.hi * ree + SESSION_ENERGY_SPREAD.hi * exercise_kcal)
    assert band.hi <= MAX_BAND_RATIO * band.lo  # 1.5/1.4 and 1.1/0.9 are both under 1.3
    return Expenditure(ree, exercise_kcal, middle * ree + exercise_kcal, band)


def macro_kcal(carb_g: float, protein_g: float, fat_g: float) -> float:
    return KCAL_PER_G_CARB * carb_g + KCAL_PER_G_PROTEIN * protein_g + KCAL_PER_G_FAT * fat_g


def logged_kcal(log: NutritionLog) -> float | None:
    """Energy of a logged day, or None unless carbohydrate, protein and fat were all logged."""
    if log.carb_g is None or log.protein_g is None or log.fat_g is None:
        return None
    return macro_kcal(log.carb_g, log.protein_g, log.fat_g)


def low_energy_prompt(last_day: dt.date, logs: Iterable[NutritionLog],
                      expenditure_kcal: Mapping[dt.date, float]) -> str | None:
    """The REDs prompt when the week ending `last_day` was logged far below expenditure.

    `expenditure_kcal` holds each day's estimated expenditure (never a target's low end). Mountjoy
    2023 screens for low energy availability; the app only suggests checking, and diagnoses nothing.
    """
    first = last_day - dt.timedelta(days=LEA_WINDOW_DAYS - 1)
    pairs: list[tuple[float, float]] = []
    for log in logs:
        kcal = logged_kcal(log)
        if kcal is not None and first <= log.date <= last_day and log.date in expenditure_kcal:
            pairs.append((kcal, expenditure_kcal[log.date]))
    if len(pairs) < LEA_MIN_DAYS:
        return None
    eaten = sum(p[0] for p in pairs)
    needed = sum(p[1] for p in pairs)
    return LEA_MESSAGE if eaten < LEA_SHARE * needed else None
