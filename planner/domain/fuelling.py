"""Fuelling around one session: before, during and after. The one source of this advice: the
nutrition timeline, the printed page, the generator's session notes and the report all take it
from `session_fuel` / `carbohydrate_steps` / `advice_text`, so they never disagree.

- Before: 1-4 g/kg of carbohydrate 1-4 h ahead of endurance sessions over 60 min; before a lift,
  a normal mixed meal 2-3 h before (Thomas 2016).
- During, continuous running only, never lifting (Jeukendrup 2014): the app's table below.
- During, any training: keep the loss under 2 % of body mass, never drink more than is sweated
  (Sawka 2007).
- After: 0.3-0.4 g/kg of protein after lifting; 1.0-1.2 g/kg/h of carbohydrate for 4 h when the
  next session is under 8 h away; 1.25-1.5 L per kg of body mass still lost (Thomas 2016).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from planner.domain import nutrition_sources as src
from planner.domain.enums import Intensity, Kind, Units
from planner.domain.ranges import Range
from planner.words.fluid import fluid_range_text, fluid_text
from planner.words.numbers import format_number

#: Kinds whose minutes count as training for carbohydrate, sweat and the next-session gap.
TRAINING_KINDS = frozenset({Kind.RUN, Kind.LIFT, Kind.OTHER})

BEFORE_MIN_EXCLUSIVE = 60
BEFORE_G_PER_KG = Range(1.0, 4.0)
#: Thomas 2016: the 1-4 g/kg is for endurance sessions over 60 min; a lift needs no loading.
BEFORE_LIFT_TEXT = "A normal mixed meal 2\u20133 h before"
MAX_LOSS_SHARE = 0.02  # of body mass, during exercise (Sawka 2007)
AFTER_LIFT_PROTEIN_G_PER_KG = Range(0.3, 0.4)
FAST_REFUEL_GAP_H = 8.0
FAST_REFUEL_G_PER_KG_PER_H = Range(1.0, 1.2)
AFTER_FLUID_L_PER_KG_LOST = Range(1.25, 1.5)


@dataclass(frozen=True, slots=True)
class DuringBand:
    """One row of the during-running table: from `from_min` (inclusive) to `to_min` (exclusive)."""

    from_min: int
    to_min: int | None
    g_per_h: float | None  # None: nothing needed or a mouth rinse, no rate
    text: str


#: Jeukendrup 2014 bands, made contiguous by the app: 45-75 min is the rinse band, so "1-2 h"
#: starts at 75 min; "2-3 h" and "> 2.5 h" overlap, so 90 g/h starts at 150 min.
DURING_RUN_TABLE: tuple[DuringBand, ...] = (
    DuringBand(0, 45, None, "No carbohydrate needed during it"),
    DuringBand(45, 75, None, "A carbohydrate mouth rinse or small amounts"),
    DuringBand(75, 120, 30, "Up to 30 g/h of carbohydrate"),
    DuringBand(120, 150, 60, "Up to 60 g/h of carbohydrate"),
    DuringBand(150, None, 90, "Up to 90 g/h of mixed sugars (glucose + fructose)"),
)


def during_band(minutes: int, intensity: Intensity) -> DuringBand:
    """The row for a run of `minutes`; an easy run takes the row below (less at a low absolute
    intensity, Jeukendrup 2014), never below the rinse row once it lasts 45 min."""
    i = next(k for k, b in enumerate(DURING_RUN_TABLE) if b.to_min is None or minutes < b.to_min)
    if intensity is Intensity.EASY and i > 1:
        i -= 1
    return DURING_RUN_TABLE[i]


class Phase(StrEnum):
    BEFORE = "before"
    DURING = "during"
    AFTER = "after"


@dataclass(frozen=True, slots=True)
class FuelStep:
    phase: Phase
    text: str
    source: str
    carbohydrate_g: Range | None = None  # per hour when `per_hour`
    per_hour: bool = False
    protein_g: Range | None = None
    fluid_l: Range | None = None


@dataclass(frozen=True, slots=True)
class SessionFuel:
    session_id: int | None
    title: str
    kind: Kind
    start: dt.time | None
    minutes: int
    intensity: Intensity
    sweat_loss_l: float
    steps: tuple[FuelStep, ...]

    def phase(self, phase: Phase) -> tuple[FuelStep, ...]:
        return tuple(s for s in self.steps if s.phase is phase)

    @property
    def food(self) -> tuple[FuelStep, ...]:
        """The steps about eating (carbohydrate_steps), without the ones about drinking."""
        return tuple(s for s in self.steps if s.fluid_l is None)


@dataclass(frozen=True, slots=True)
class Planned:
    """What the rules need of a session: its effective values (actual ones once done)."""

    session_id: int | None
    title: str
    kind: Kind
    date: dt.date
    start: dt.time | None
    minutes: int
    intensity: Intensity
    type: str = ""  # run type (easy, long, tempo, ...), for the carbohydrate day class
    distance_km: float | None = None  # effective distance of a run, for its energy


def sweat_loss_l(p: Planned, sweat_rate_l_per_h: float) -> float:
    return sweat_rate_l_per_h * p.minutes / 60 if p.kind in TRAINING_KINDS else 0.0


def hours_between(p: Planned, nxt: Planned) -> float | None:
    """Hours from the end of `p` to the start of `nxt`, when both times are known."""
    if p.start is None or nxt.start is None:
        return None
    end = dt.datetime.combine(p.date, p.start) + dt.timedelta(minutes=p.minutes)
    return (dt.datetime.combine(nxt.date, nxt.start) - end).total_seconds() / 3600


def next_is_soon(p: Planned, nxt: Planned | None) -> bool:
    """Under 8 h between the end of `p` and the next training session. Without both times, a
    session later the same day counts as soon and one on another day does not."""
    if nxt is None:
        return False
    gap = hours_between(p, nxt)
    if gap is None:
        return nxt.date == p.date
    return gap < FAST_REFUEL_GAP_H


def session_fuel(p: Planned, body_mass_kg: float, sweat_rate_l_per_h: float,
                 next_session: Planned | None, units: Units = Units.METRIC) -> SessionFuel:
    """The steps around one session; sessions outside TRAINING_KINDS get none."""
    kg = body_mass_kg
    loss = sweat_loss_l(p, sweat_rate_l_per_h)
    steps: list[FuelStep] = []
    if p.kind in TRAINING_KINDS:
        soon = next_is_soon(p, next_session)
        carbs = carbohydrate_steps(p, kg, soon)
        steps += [s for s in carbs if s.phase is Phase.BEFORE]
        steps += [s for s in carbs if s.phase is Phase.DURING]
        steps += _drink(kg, loss, units)
        steps += [s for s in carbs if s.phase is Phase.AFTER]
        steps += _after_fluid(kg, loss, units)
    return SessionFuel(p.session_id, p.title, p.kind, p.start, p.minutes, p.intensity, loss,
                       tuple(steps))


def remaining_deficit_l(loss_l: float, body_mass_kg: float) -> float:
    """What is still lost after training when the athlete drinks only enough to stay under 2 %."""
    return min(loss_l, MAX_LOSS_SHARE * body_mass_kg)


def carbohydrate_steps(p: Planned, kg: float | None = None, next_soon: bool = False) -> tuple[FuelStep, ...]:
    """What to eat before, during and after one training session (no fluid: that needs the sweat
    rate). Without `kg` the amounts are given per kg only (a note written before the athlete is
    known, such as a generated session's)."""
    if p.kind not in TRAINING_KINDS:
        return ()
    steps: list[FuelStep] = []
    if p.kind is Kind.LIFT:
        steps.append(FuelStep(Phase.BEFORE, BEFORE_LIFT_TEXT, src.THOMAS_2016))
    elif p.minutes > BEFORE_MIN_EXCLUSIVE:
        g = None if kg is None else BEFORE_G_PER_KG.times(kg)
        steps.append(FuelStep(Phase.BEFORE, f"1\u20134 g/kg of carbohydrate{_grams(g)}, 1\u20134 h before",
                              src.THOMAS_2016, carbohydrate_g=g))
    if p.kind is Kind.RUN:
        band = during_band(p.minutes, p.intensity)
        rate = None if band.g_per_h is None else Range(0.0, band.g_per_h)
        steps.append(FuelStep(Phase.DURING, band.text, src.JEUKENDRUP_2014, carbohydrate_g=rate,
                              per_hour=True))
    if p.kind is Kind.LIFT:
        g = None if kg is None else AFTER_LIFT_PROTEIN_G_PER_KG.times(kg)
        steps.append(FuelStep(Phase.AFTER, f"0.3\u20130.4 g/kg of protein{_grams(g)} after lifting",
                              src.THOMAS_2016, protein_g=g))
    if next_soon:
        g = None if kg is None else FAST_REFUEL_G_PER_KG_PER_H.times(kg)
        per_hour = "" if g is None else f" ({_g(g)}/h)"
        steps.append(FuelStep(
            Phase.AFTER, f"Next session within 8 h: 1.0\u20131.2 g/kg/h of carbohydrate{per_hour} "
            "for the first 4 h", src.THOMAS_2016, carbohydrate_g=g, per_hour=True))
    return tuple(steps)


def advice_text(p: Planned, kg: float | None = None, next_soon: bool = False) -> str:
    """The same advice on one line, for a session note, the printed page and the report:
    "Before: ... During: ... After: ..." (empty when there is nothing to say)."""
    return advice_line(carbohydrate_steps(p, kg, next_soon))


def session_note(kind: Kind, type_: str, minutes: int, intensity: Intensity) -> str:
    """`advice_text` for a session not yet on the calendar (per kg: no athlete known yet)."""
    return advice_text(Planned(None, "", kind, dt.date.min, None, minutes, intensity, type_))


def advice_line(steps: tuple[FuelStep, ...]) -> str:
    parts = []
    for phase in Phase:
        texts = [s.text[0].lower() + s.text[1:] for s in steps if s.phase is phase]
        if texts:
            parts.append(f"{phase.value.title()}: {'; '.join(texts)}.")
    return " ".join(parts)


def _drink(kg: float, loss: float, units: Units) -> list[FuelStep]:
    steps: list[FuelStep] = []
    allowed = MAX_LOSS_SHARE * kg
    drink = Range(max(0.0, loss - allowed), loss)
    if drink.lo > 0:
        text = (f"Drink {fluid_range_text(drink.lo, drink.hi, units)} of the ~{fluid_text(loss, units)} sweated: "
                f"at least {fluid_text(drink.lo, units)} keeps the loss under 2 % of body mass")
    else:
        text = (f"Drink to thirst, at most the ~{fluid_text(loss, units)} sweated: the loss stays "
                f"under 2 % of body mass")
    steps.append(FuelStep(Phase.DURING, text, src.SAWKA_2007, fluid_l=drink))
    return steps


def _after_fluid(kg: float, loss: float, units: Units) -> list[FuelStep]:
    steps: list[FuelStep] = []
    deficit = remaining_deficit_l(loss, kg)
    if deficit > 0:
        litres = AFTER_FLUID_L_PER_KG_LOST.times(deficit)
        steps.append(FuelStep(
            Phase.AFTER, f"1.25\u20131.5 L per kg still lost: {fluid_range_text(litres.lo, litres.hi, units)} if "
            f"~{format_number(deficit, 2)} kg is lost (weigh before and after to know)",
            src.THOMAS_2016, fluid_l=litres))
    return steps


def _g(r: Range) -> str:
    return f"{r.lo:.0f}\u2013{r.hi:.0f} g"


def _grams(r: Range | None) -> str:
    return "" if r is None else f" ({_g(r)})"
