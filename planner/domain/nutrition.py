"""Daily fuel and fluid targets from the profile and the day's sessions.

- Carbohydrate: the ACSM/AND/DC 2016 bands (3-5, 5-7, 6-10, 8-12 g/kg, Thomas 2016) overlap and
  leave 3-4 h undefined, so the app maps the day to a band in one table, `CARB_TABLE`, over the
  day's *weighted* training minutes: running (and other endurance) minutes weighted by intensity
  (easy 1, moderate 1.25, hard 1.5), lifting minutes at half (strength training needs about
  4-7 g/kg, Slater & Phillips 2011). Two floors: a run of 90 min or more makes at least a high day
  (6-10 g/kg is for 1-3 h a day), and a 40-60 min tempo or interval session at least a moderate
  one.
- Protein: 1.4-2.0 g/kg a day (ISSN, Jager 2017), the same on every day; at least four meals of
  about 0.4 g/kg (Schoenfeld & Aragon 2018).
- Energy: a narrow band around the day's expenditure (planner/domain/energy.py: Mifflin-St Jeor
  and the Compendium's METs). Carbohydrate and protein stay in g/kg inside it; fat is the
  remainder, never under 20 % of energy and at most 35 % (Thomas 2016). Without height, age and
  sex there is no energy figure and no fat figure: never a guess.
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

from planner.domain import energy, fuelling
from planner.domain import nutrition_sources as src
from planner.domain.enums import Intensity, Kind, RunType, Sex, Status
from planner.domain.fuelling import TRAINING_KINDS, Planned, SessionFuel
from planner.domain.intensity import intensity
from planner.domain.profile import Profile
from planner.domain.ranges import Range
from planner.domain.session import Session


@dataclass(frozen=True, slots=True)
class CarbBand:
    from_min: float  # weighted training minutes, inclusive
    to_min: float | None  # exclusive; None: no upper end
    g_per_kg: Range
    label: str  # what the day is, in the panel's words
    basis: str  # the position stand's band it comes from

    def matches(self, weighted_min: float) -> bool:
        return weighted_min >= self.from_min and (self.to_min is None or weighted_min < self.to_min)


#: The app's one mapping from a day's weighted training minutes to a daily carbohydrate band.
#: Thomas 2016 gives the g/kg; the minute edges and the weights are the app's, chosen so that
#: every day lands in exactly one row.
CARB_TABLE: tuple[CarbBand, ...] = (
    CarbBand(0, 45, Range(3, 5), "Rest or light day", "light: low-intensity or skill-based activity, 3\u20135 g/kg"),
    CarbBand(45, 90, Range(5, 7), "Moderate day (about an hour of training)",
             "moderate: about 1 h a day, 5\u20137 g/kg"),
    CarbBand(90, 240, Range(6, 10), "High-carbohydrate day (1\u20133 h of training)",
             "high: 1\u20133 h a day of moderate to high intensity, 6\u201310 g/kg; the app extends it over "
             "the undefined 3\u20134 h"),
    CarbBand(240, None, Range(8, 12), "Very high-carbohydrate day (over 4 h)",
             "very high: over 4\u20135 h a day of moderate to high intensity, 8\u201312 g/kg"),
)
LIGHT, MODERATE, HIGH, VERY_HIGH = CARB_TABLE

#: Minutes of endurance training by intensity word count this much (an app convention).
ENDURANCE_WEIGHT = {Intensity.EASY: 1.0, Intensity.MODERATE: 1.25, Intensity.HARD: 1.5}
#: Lifting minutes count about half: strength training needs about 4-7 g/kg (Slater & Phillips 2011).
LIFT_WEIGHT = 0.5
#: A run this long makes at least a high day (6-10 g/kg: 1-3 h a day, Thomas 2016).
HIGH_DAY_RUN_MIN = 90
#: A tempo or interval session this long makes at least a moderate day.
QUALITY_RUN_MIN = Range(40, 60)
QUALITY_RUN_TYPES = frozenset({RunType.TEMPO, RunType.INTERVALS})


def carb_band(weighted_min: float) -> CarbBand:
    for band in CARB_TABLE:
        if band.matches(weighted_min):
            return band
    raise ValueError(f"no carbohydrate band for {weighted_min} min")  # the table covers every minute


def weighted_minutes(training: Sequence[Planned]) -> float:
    """Endurance minutes weighted by intensity, plus lifting minutes at half."""
    return sum(p.minutes * (LIFT_WEIGHT if p.kind is Kind.LIFT else ENDURANCE_WEIGHT[p.intensity])
               for p in training)


@dataclass(frozen=True, slots=True)
class DayClass:
    band: CarbBand
    weighted_min: float
    reason: str  # why the day is in its band, in the panel's words


def day_class(training: Sequence[Planned]) -> DayClass:
    """The day's carbohydrate band: the table over weighted minutes, raised by the two floors."""
    weighted = weighted_minutes(training)
    band = carb_band(weighted)
    reason = f"{weighted:.0f} weighted min of training"
    for floor, why in _floors(training):  # a floor that holds names the reason, raising or not
        if CARB_TABLE.index(floor) >= CARB_TABLE.index(band):
            band, reason = floor, why
    return DayClass(band, weighted, reason)


def _floors(training: Sequence[Planned]) -> list[tuple[CarbBand, str]]:
    out = []
    for p in training:
        if p.kind is not Kind.RUN:
            continue
        if p.minutes >= HIGH_DAY_RUN_MIN:
            out.append((HIGH, f"a {p.minutes}-min run: a run of 90 min or more is at least a high day"))
        elif p.type in QUALITY_RUN_TYPES and QUALITY_RUN_MIN.lo <= p.minutes <= QUALITY_RUN_MIN.hi:
            out.append((MODERATE, f"a {p.minutes}-min {p.type} session: 40\u201360 min of tempo or intervals "
                        "is at least a moderate day"))
    return out


PROTEIN_G_PER_KG = Range(1.4, 2.0)
PROTEIN_PER_MEAL_G_PER_KG = 0.4
MIN_MEALS = 4
FAT_SHARE = Range(0.20, 0.35)
FLUID_BASELINE_L = {Sex.FEMALE: 2.0, Sex.MALE: 2.5, None: 2.25}
AFTER_EXTRA_SHARE = fuelling.AFTER_FLUID_L_PER_KG_LOST.hi - 1.0  # 1.5 L per kg lost -> +50 %


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
    """The session as the rules see it: actual duration, effort and distance once done."""
    effective = s
    if s.status is Status.DONE:
        effective = s.replace(duration_min=s.effective_duration_min, rpe=s.effective_rpe)
    return Planned(s.id, s.title, s.kind, s.date, s.time, effective.duration_min, intensity(effective),
                   s.type or "", s.effective_distance_km)


@dataclass(frozen=True, slots=True)
class DayTargets:
    date: dt.date
    body_mass_kg: float
    training_min: int
    effort: Intensity | None  # hardest training session of the day; None without training
    weighted_min: float  # what the carbohydrate band is read from
    reason: str  # why the day is in its band
    band: CarbBand
    carbohydrate_g: Range
    protein_g: Range
    fat_g: Range | None  # the remainder of energy; None without an energy figure
    energy_kcal: Range | None  # the band around expenditure; None without height, age and sex
    expenditure: energy.Expenditure | None
    fluid_l: Range
    fluid_baseline_l: float
    sweat_loss_l: float
    meals: MealSplit
    exercise_kcal: float
    sessions: tuple[SessionFuel, ...]
    carbohydrate_capped: bool = False  # the band's high end was lowered to keep fat at 20 %
    #: Sessions other than rest days past `fuel_limit` (day_targets): counted in every total, but
    #: given no fuelling advice of their own.
    sessions_not_advised: int = 0

    @property
    def carbohydrate_g_per_kg(self) -> Range:
        return self.band.g_per_kg

    @property
    def protein_g_per_kg(self) -> Range:
        return PROTEIN_G_PER_KG

    def as_json(self) -> dict[str, list[float] | None]:
        """The report's per-day `nutrition` value: whole grams and kcal, litres to 0.01; energy
        and fat are null without height, age and sex."""
        return {
            "carbohydrate_g": self.carbohydrate_g.rounded(),
            "protein_g": self.protein_g.rounded(),
            "fat_g": None if self.fat_g is None else self.fat_g.rounded(),
            "fluid_l": self.fluid_l.rounded(2),
            "energy_kcal": None if self.energy_kcal is None else self.energy_kcal.rounded(),
        }


def fit_in_energy(kcal: float, carbohydrate_g: Range, protein_g: Range) -> tuple[Range, Range, bool]:
    """Carbohydrate and protein stay in g/kg inside `kcal`; fat is the remainder, never under 20 %
    of it and at most 35 % (Thomas 2016). When the carbohydrate band's high end leaves fat under
    20 %, that end comes down (not below the band's low end). Returns (carbohydrate, fat, capped)."""
    c4, p4, f9 = energy.KCAL_PER_G_CARB, energy.KCAL_PER_G_PROTEIN, energy.KCAL_PER_G_FAT
    room = (1 - FAT_SHARE.lo) * kcal  # energy left for carbohydrate and protein
    top = max(carbohydrate_g.lo, min(carbohydrate_g.hi, (room - p4 * protein_g.lo) / c4))
    capped = top < carbohydrate_g.hi
    carbohydrate = Range(carbohydrate_g.lo, top)
    fat_lo = max(FAT_SHARE.lo * kcal, kcal - c4 * carbohydrate.hi - p4 * protein_g.hi) / f9
    fat_hi = max(fat_lo, min(FAT_SHARE.hi * kcal, kcal - c4 * carbohydrate.lo - p4 * protein_g.lo) / f9)
    return carbohydrate, Range(fat_lo, fat_hi), capped


def day_targets(profile: Profile, day: dt.date, sessions: Sequence[Session],
                following: Sequence[Session] = (), fuel_limit: int | None = None) -> DayTargets:
    """Targets for `day` from its sessions; `following` (the next day's sessions) decides whether
    the day's last session needs fast refuelling. With `fuel_limit`, only the first that many
    sessions get fuelling advice (a pane that lists 20 need not word 10,001); the day's numbers
    still count every session."""
    kg = profile.body_mass_kg
    today = [planned(s) for s in sorted(sessions, key=_order) if s.status is not Status.SKIPPED]
    later = [planned(s) for s in sorted(following, key=_order) if s.status is not Status.SKIPPED]
    training = [p for p in today if p.kind in TRAINING_KINDS]
    minutes = sum(p.minutes for p in training)
    effort = max((p.intensity for p in training), key=_INTENSITY_ORDER.index, default=None)
    klass = day_class(training)
    carbohydrate = klass.band.g_per_kg.times(kg)
    protein = PROTEIN_G_PER_KG.times(kg)
    exercise = sum(energy.session_kcal(p.kind, p.intensity, p.minutes, kg, p.distance_km) for p in today)
    spent = energy.expenditure(profile, exercise)
    fat = None
    capped = False
    if spent is not None:
        carbohydrate, fat, capped = fit_in_energy(spent.kcal, carbohydrate, protein)

    upcoming = [p for p in today + later if p.kind in TRAINING_KINDS]
    next_after = _next_after(upcoming)
    advised = today if fuel_limit is None else today[:fuel_limit]
    fuel = tuple(
        fuelling.session_fuel(p, kg, profile.sweat_rate_l_per_h, next_after(p), profile.units)
        for p in advised)
    losses = [fuelling.sweat_loss_l(p, profile.sweat_rate_l_per_h) for p in today]
    loss = sum(losses)
    still_lost = sum(fuelling.remaining_deficit_l(x, kg) for x in losses)
    baseline = FLUID_BASELINE_L[profile.sex]
    fluid = Range(baseline + loss, baseline + loss + AFTER_EXTRA_SHARE * still_lost)
    return DayTargets(
        date=day, body_mass_kg=kg, training_min=minutes, effort=effort, weighted_min=klass.weighted_min,
        reason=klass.reason, band=klass.band, carbohydrate_g=carbohydrate, protein_g=protein, fat_g=fat,
        energy_kcal=None if spent is None else spent.band, expenditure=spent, fluid_l=fluid,
        fluid_baseline_l=baseline, sweat_loss_l=loss, meals=meal_split(kg), exercise_kcal=exercise,
        sessions=fuel, carbohydrate_capped=capped,
        sessions_not_advised=sum(1 for p in today[len(advised):] if p.kind is not Kind.REST))


def week_targets(profile: Profile, days: Sequence[dt.date],
                 sessions_between: Callable[[dt.date, dt.date], Sequence[Session]],
                 fuel_limit: int | None = None) -> list[DayTargets]:
    """Targets for consecutive `days`, reading the sessions once (plus the day after the last)."""
    if not days:
        return []
    by_day: dict[dt.date, list[Session]] = {}
    for s in sessions_between(days[0], days[-1] + dt.timedelta(days=1)):
        by_day.setdefault(s.date, []).append(s)
    return [day_targets(profile, d, by_day.get(d, ()), by_day.get(d + dt.timedelta(days=1), ()), fuel_limit)
            for d in days]


def expenditure_kcal(t: DayTargets) -> float | None:
    """What the low-energy prompt compares logged intake with: the day's estimated expenditure
    (never a target's low end); None without height, age and sex."""
    return None if t.expenditure is None else t.expenditure.kcal


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
    "energy": src.MIFFLIN_1990 + " " + src.COMPENDIUM,
    "day_class": src.THOMAS_2016 + " " + src.SLATER_PHILLIPS_2011,
    "low_energy": src.MOUNTJOY_2023,
    "convention": src.APP_CONVENTION,
}
#: Kinds that count as training minutes (for the panel's help text).
TRAINING_KIND_WORDS = ", ".join(k.value for k in Kind if k in TRAINING_KINDS)
