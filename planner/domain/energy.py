"""Energy: the second estimate (Mifflin-St Jeor x a non-exercise factor + session METs) and the
low-energy-availability prompt.

The first estimate follows from the macronutrient targets (planner/domain/nutrition.py); this one
needs height, age and sex, and is shown beside it only when the profile has all three.
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
#: App convention: daily living outside training multiplies resting energy by 1.2 (mostly sitting)
#: to 1.4 (on one's feet); training is added separately from METs, so no activity factor covers it.
NON_EXERCISE_FACTOR = Range(1.2, 1.4)


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

#: App convention for "far below": logged energy under 70 % of the estimate's low end, on average
#: over at least 5 logged days of the last 7.
LEA_SHARE = 0.7
LEA_MIN_DAYS = 5
LEA_WINDOW_DAYS = 7
LEA_MESSAGE = (
    "Your logged intake has stayed well below the estimated need for a week. Low energy "
    "availability can affect health and training; consider talking to a sports dietitian or a "
    "doctor. This is a prompt to check, not a diagnosis."
)


def met(kind: Kind, intensity: Intensity) -> Met | None:
    """None for a rest day (no session energy)."""
    return METS.get((kind, intensity))


def session_kcal(kind: Kind, intensity: Intensity, minutes: float, body_mass_kg: float) -> float:
    """METs x kg x hours (1 MET ~ 1 kcal per kg per hour)."""
    m = met(kind, intensity)
    return 0.0 if m is None else m.value * body_mass_kg * minutes / 60


def resting_energy_kcal(profile: Profile) -> float | None:
    """Mifflin-St Jeor resting energy, or None when height, age or sex is missing."""
    if profile.height_cm is None or profile.age is None or profile.sex is None:
        return None
    return (10 * profile.body_mass_kg + 6.25 * profile.height_cm - 5 * profile.age
            + MIFFLIN_SEX_TERM[profile.sex])


def second_estimate(profile: Profile, exercise_kcal: float) -> Range | None:
    """Resting energy x the non-exercise factor, plus the day's session energy."""
    ree = resting_energy_kcal(profile)
    return None if ree is None else NON_EXERCISE_FACTOR.times(ree).plus(exercise_kcal)


def macro_kcal(carb_g: float, protein_g: float, fat_g: float) -> float:
    return KCAL_PER_G_CARB * carb_g + KCAL_PER_G_PROTEIN * protein_g + KCAL_PER_G_FAT * fat_g


def logged_kcal(log: NutritionLog) -> float | None:
    """Energy of a logged day, or None unless carbohydrate, protein and fat were all logged."""
    if log.carb_g is None or log.protein_g is None or log.fat_g is None:
        return None
    return macro_kcal(log.carb_g, log.protein_g, log.fat_g)


def low_energy_prompt(last_day: dt.date, logs: Iterable[NutritionLog],
                      estimate_low_kcal: Mapping[dt.date, float]) -> str | None:
    """The REDs prompt when the week ending `last_day` was logged far below the estimate.

    `estimate_low_kcal` holds the low end of each day's estimate. Mountjoy 2023 screens for low
    energy availability; the app only suggests checking, and diagnoses nothing.
    """
    first = last_day - dt.timedelta(days=LEA_WINDOW_DAYS - 1)
    pairs: list[tuple[float, float]] = []
    for log in logs:
        kcal = logged_kcal(log)
        if kcal is not None and first <= log.date <= last_day and log.date in estimate_low_kcal:
            pairs.append((kcal, estimate_low_kcal[log.date]))
    if len(pairs) < LEA_MIN_DAYS:
        return None
    eaten = sum(p[0] for p in pairs)
    needed = sum(p[1] for p in pairs)
    return LEA_MESSAGE if eaten < LEA_SHARE * needed else None
