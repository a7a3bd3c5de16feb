"""Rules read from the load history (planner/domain/load_history.py), information only.

- load-spike: the EWMA acute:chronic ratio (7/28 days, Williams 2017) above 1.5, on session-RPE
  load and, for runs, on distance. A heuristic with well-argued criticism (Impellizzeri 2020:
  a rescaling of acute load with no causal link to injury; in runners it even showed a negative
  dose-response, Frandsen 2025). Silent until 28 days of history and a chronic load above a floor.
- high-monotony: monotony above 2.0 (Foster 1998) in a week whose load or strain is above the
  athlete's own norm (the mean of the 4 weeks before). Six equal days and a rest day give 2.45
  whatever the load, so monotony alone would flag every steady week.
- no-deload: more than 4 building weeks in a row (3 for a new lifter) without a lighter week: a
  convention (strength athletes report a deload about every 5-6 weeks, Rogerson 2024).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import numpy as np

from planner.domain import load_series as ls
from planner.domain.enums import Experience, Goal
from planner.domain.load_history import LoadHistory
from planner.domain.rules.model import Finding, PlanWindow, Severity, week_finding
from planner.domain.rules.timing import day_text
from planner.domain.rules.weekly import weeks

DAY = dt.timedelta(days=1)
ACWR_FLAG = 1.5
#: Chronic EWMA floors under which a ratio says nothing (app conventions): about 20 min a day at
#: RPE 5, and 1 km a day.
MIN_CHRONIC_AU = 100.0
MIN_CHRONIC_KM = 1.0
MONOTONY_FLAG = 2.0
NORM_WEEKS = 4
#: A week is lighter when its load is at most 80 % of the mean of the building weeks before it.
LIGHTER_SHARE = 0.8
DELOAD_SHARE = 0.6
WARM_UP_DAYS = 200
BUILD_LIMIT = {Experience.NEW: 3, Experience.SOME: 4, Experience.EXPERIENCED: 4}


@dataclass(frozen=True)
class IsoWeeks:
    """The history's load per ISO week (Monday to Sunday), whatever first day the history was built
    with: a verdict never depends on the display's first day. Days outside the history count 0."""

    monday: dt.date
    load: np.ndarray
    monotony: np.ndarray
    strain: np.ndarray

    @classmethod
    def of(cls, h: LoadHistory) -> IsoWeeks:
        lead = h.start.weekday()
        tail = -(lead + h.n) % 7
        total = np.concatenate((np.zeros(lead), h.total_load[:h.n], np.zeros(tail)))
        load, mono, strain = ls.monotony_strain(total)
        return cls(h.start - lead * DAY, load, mono, strain)

    def index(self, monday: dt.date) -> int | None:
        k, rest = divmod((monday - self.monday).days, 7)
        return k if not rest and 0 <= k < len(self.load) else None


def load_spike(w: PlanWindow) -> list[Finding]:
    h = w.history
    if h is None or h.empty:
        return []
    out: list[Finding] = []
    run_goal = w.profile.goal is not Goal.LIFT
    # The distance EWMAs start WARM_UP_DAYS before the window: (27/29)^200 < 1e-6, so what came
    # before no longer shows in them.
    lo = max(0, h.index(w.first) - WARM_UP_DAYS) if h.covers(w.first) else 0
    km = h.planned["run_km"][lo:] + h.done["run_km"][lo:]
    acute_km = np.zeros(len(km))
    chronic_km = np.zeros(len(km))
    if run_goal:
        ls.ewma(km, ls.ewma_lambda(ls.ACUTE_DAYS), acute_km)
        ls.ewma(km, ls.ewma_lambda(ls.CHRONIC_DAYS), chronic_km)
    for first in weeks(w):
        hits = []
        for d in w.days(first, first + 6 * DAY):
            if not w.in_range(d) or not h.covers(d):
                continue
            i = h.index(d)
            if h.building[i]:
                continue
            r = h.acwr[i]
            if h.chronic[i] >= MIN_CHRONIC_AU and not math.isnan(r) and r > ACWR_FLAG:
                hits.append((d, f"session-RPE load {r:.2f}"))
                break
        if run_goal:
            for d in w.days(first, first + 6 * DAY):
                if not w.in_range(d) or not h.covers(d) or h.building[h.index(d)]:
                    continue
                i = h.index(d) - lo
                if chronic_km[i] >= MIN_CHRONIC_KM and acute_km[i] > ACWR_FLAG * chronic_km[i]:
                    hits.append((d, f"running distance {acute_km[i] / chronic_km[i]:.2f}"))
                    break
        if not hits:
            continue
        src = "Williams 2017; Impellizzeri 2020"
        where = "; ".join(f"{what} on {day_text(d)}" for d, what in hits)
        out.append(Finding(
            "load-spike", Severity.INFO, "Acute:chronic ratio above 1.5",
            f"The EWMA acute:chronic ratio (7/28 days) is above 1.5: {where}. Read it as a trend, not a "
            f"limit: the ratio is a rescaling of recent load with no shown causal link to injury, and in "
            f"runners it even ran the other way (Frandsen 2025). Check that the jump is the one you meant ({src})",
            src, tuple(sorted({d for d, _ in hits}))))
    return out


def high_monotony(w: PlanWindow) -> list[Finding]:
    h = w.history
    if h is None or h.empty:
        return []
    out: list[Finding] = []
    iso = IsoWeeks.of(h)
    for first in weeks(w):
        k = iso.index(first)
        if k is None or k < NORM_WEEKS:
            continue
        mono = iso.monotony[k]
        if math.isnan(mono) or mono <= MONOTONY_FLAG:
            continue
        prev_load = iso.load[k - NORM_WEEKS:k]
        prev_strain = np.nan_to_num(iso.strain[k - NORM_WEEKS:k])
        if not prev_load.all():
            continue
        load_norm, strain_norm = float(prev_load.mean()), float(prev_strain.mean())
        load, strain = float(iso.load[k]), float(iso.strain[k])
        if load <= load_norm and strain <= strain_norm:
            continue
        out.append(week_finding(
            "high-monotony", Severity.INFO, f"Monotony {mono:.1f} in a heavier week",
            f"The week of {day_text(first)} has monotony {mono:.1f} (mean daily load / its SD, over 2.0) and "
            f"{'a load' if load > load_norm else 'a strain'} above your own 4-week norm "
            f"({load:.0f} AU against {load_norm:.0f} AU; strain {strain:.0f} against {strain_norm:.0f}). Illness "
            f"clustered when athletes passed their own strain thresholds; consider making the easy days easier",
            "Foster 1998", first))
    return out


def no_deload(w: PlanWindow) -> list[Finding]:
    h = w.history
    if h is None or h.empty:
        return []
    limit = BUILD_LIMIT[w.profile.experience]
    out: list[Finding] = []
    iso = IsoWeeks.of(h)
    streaks = building_streaks(iso.load)
    for first in weeks(w):
        k = iso.index(first)
        if k is None:
            continue
        streak = streaks[k]
        if streak != limit + 1:
            continue
        out.append(week_finding(
            "no-deload", Severity.WARNING, f"{streak} building weeks without a lighter one",
            f"The week of {day_text(first)} is the {streak}th building week in a row without a lighter week. "
            f"Strength athletes report a deload about every 5-6 weeks; the app's convention is a lighter week "
            f"after {limit} building ones. Consider this week at about 60 % of its volume",
            "Rogerson 2024", first))
    return out


def deload_share(h: LoadHistory | None, first: dt.date) -> float:
    """The share of the week starting `first` to keep so that it is a deload: about 60 % of the
    building weeks before it (so at most 60 % of itself, less when it has grown past them)."""
    iso = IsoWeeks.of(h) if h is not None and not h.empty else None
    k = iso.index(first) if iso is not None else None
    if iso is None or k is None:
        return DELOAD_SHARE
    streak = building_streaks(iso.load)[k]
    before = iso.load[max(0, k - streak + 1):k]
    load = float(iso.load[k])
    if not len(before) or load <= 0:
        return DELOAD_SHARE
    return min(DELOAD_SHARE, math.floor(100 * DELOAD_SHARE * float(before.mean()) / load) / 100)


def building_streaks(week_load: np.ndarray) -> list[int]:
    """Per week, how many building weeks in a row end with it: a building week has load that is not
    lighter than 80 % of the mean of the building weeks before it in the streak (a lighter or
    empty week ends the streak and counts 0)."""
    out: list[int] = []
    n, total = 0, 0.0
    for load in week_load.tolist():
        if load <= 0 or (n and load <= LIGHTER_SHARE * total / n):
            n, total = 0, 0.0
        else:
            n, total = n + 1, total + load
        out.append(n)
    return out
