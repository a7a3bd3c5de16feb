"""The engines the printed week can show today, as `Extras` for `build_printed_week`. No Qt.

Each part is looked up when it is asked for, and left off the page where this build lacks it:
the nutrition targets from planner/domain/nutrition.py (issue 11), the load figures from the app's one load history
(planner/services/load.py, handed in as `history`; the charts read the same one, so the page and
the charts agree). Plan-check findings are handed in as data by the caller
(planner/services/printing.py runs the plan check over the same history).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from planner.domain.enums import Kind
from planner.domain.profile import Profile
from planner.domain.rules import Finding as CheckFinding
from planner.io.printed_week import (
    DayNutrition,
    Extras,
    Finding,
    FindingsSource,
    LoadSource,
    NutritionSource,
    SessionsBetween,
)

if TYPE_CHECKING:
    from planner.domain.load_history import LoadHistory

#: The app's load history reaching a given day (LoadService.history).
HistoryThrough = Callable[[dt.date], "LoadHistory"]

LOAD_LOOKBACK_DAYS = 365  # chronic load (28-42 d) has long forgotten what came before
LOAD_SOURCES = ("Monotony and strain: Foster 1998; acute:chronic EWMA 7/28 d: Williams 2017; "
                "chronic and acute load 42/7 d: Coggan (TrainingPeaks).")
NUTRITION_SOURCES = ("Carbohydrate: Thomas 2016 (ACSM/AND/DC position stand), lifting at half (Slater & "
                     "Phillips 2011); during runs: Jeukendrup 2014; protein: Jäger 2017 (ISSN); fat: the rest of "
                     "energy spent (Mifflin 1990; Compendium 2024); fluid: EFSA 2010 plus sweat losses (Sawka 2007).")


def available_extras(findings: Sequence[CheckFinding] | None = None, history: HistoryThrough | None = None) -> Extras:
    """What the page can show. `findings`, the plan check's for the days printed, are listed on each
    week (None leaves the part off); `history` is the app's one load history (LoadService.history),
    read for the load figures (without it each week builds its own)."""
    nutrition, load = nutrition_source(), load_source(history)
    listed = findings_source(findings) if findings is not None else None
    sources = ((LOAD_SOURCES,) if load else ()) + ((NUTRITION_SOURCES,) if nutrition else ())
    return Extras(nutrition=nutrition, load=load, findings=listed, sources=sources)


SEVERITY_WORDS = {"alert": "Alert", "warning": "Warning", "info": "Note"}


def findings_source(findings: Sequence[CheckFinding]) -> FindingsSource:
    """The week's plan-check findings, each with its reason and source, as the dock lists them."""

    def source(first_day: dt.date, _between: SessionsBetween, _profile: Profile) -> list[Finding]:
        last = first_day + dt.timedelta(days=6)
        return [Finding(SEVERITY_WORDS.get(f.severity.value, f.severity.value.title()),
                        f"{f.title}. {f.message}", f.day) for f in findings if first_day <= f.day <= last]

    return source


def load_source(history: HistoryThrough | None = None) -> LoadSource | None:
    """Monotony and strain, the acute:chronic ratio and chronic/acute load and form on the week's
    last day, and the week's hard sets, as the charts compute them; None where not built in.
    Without `history`, each week builds its own from the year before it."""
    try:
        from planner.domain.load_history import LoadHistory
    except ImportError:  # a build without the load engine: the lines are left off
        return None

    def source(first_day: dt.date, sessions_between: SessionsBetween, profile: Profile) -> list[tuple[str, str]]:
        last = first_day + dt.timedelta(days=6)
        if history is not None:
            h = history(last)
        else:
            h = LoadHistory(profile.week_start)
            h.load(sessions_between(first_day - dt.timedelta(days=LOAD_LOOKBACK_DAYS), last), today=dt.date.today())
            h.reach(last)
        if h.empty:
            return []
        i = h.index(last)
        building = bool(h.building[i])
        _, mono, strain = h.week_figures(first_day)
        lines = [("Monotony, strain", "undefined (every day the same)" if math.isnan(mono)
                  else f"{mono:.2f}, {round(strain):,}")]
        if building:
            lines.append(("Acute:chronic", "building up (under 28 days of history)"))
        else:
            lines.append(("Acute:chronic", f"{float(h.acwr[i]):.2f} on {last:%a} (EWMA; a trend, not a risk score)"))
            lines.append(("Chronic, acute load, form", f"{round(float(h.fitness[i])):,}, "
                          f"{round(float(h.fatigue[i])):,}, {round(float(h.form[i])):+,} AU"))
        split = h.week_split(first_day)
        sets = split.planned.hard_sets + split.done.hard_sets
        if sets:
            lines.append(("Hard sets", f"{sets:g} (working sets at RPE 7 or more)"))
        return lines

    return source


def nutrition_source() -> NutritionSource | None:
    """The nutrition engine's day targets as printed ranges, or None where it is not built in."""
    try:
        from planner.domain.fuelling import advice_line
        from planner.domain.nutrition import week_targets
    except ImportError:  # a build without the nutrition engine: the row is left off the page
        return None

    def source(days: Sequence[dt.date], sessions_between: SessionsBetween,
               profile: Profile) -> Mapping[dt.date, DayNutrition]:
        # Runs carry the fuelling worth writing on paper (before and during); the words are the
        # nutrition panel's.
        return {t.date: DayNutrition(
            carb_g=(t.carbohydrate_g.lo, t.carbohydrate_g.hi),
            protein_g=(t.protein_g.lo, t.protein_g.hi),
            fat_g=None if t.fat_g is None else (t.fat_g.lo, t.fat_g.hi),
            fluid_l=(t.fluid_l.lo, t.fluid_l.hi),
            note=" ".join([t.band.label + ".", *(f"{f.title} \u2013 {advice_line(f.food)}" for f in t.sessions
                                                 if f.kind is Kind.RUN and f.food)]),
        ) for t in week_targets(profile, list(days), sessions_between)}

    return source
