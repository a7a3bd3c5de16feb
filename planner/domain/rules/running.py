"""Rules on running volume: single runs and weeks of running (SCIENCE.md §7, §9).

- long-run-spike: a run longer than 1.1 x the longest run of the previous 30 days (Frandsen 2025).
  The hazard in that study did not rise steadily with the size of the jump, so the message never
  says "the bigger the jump, the bigger the risk". A race is exempt (plans race at about 1.3 x the
  longest training run).
- comeback-run: after 30 days or more without a run, a run over 60 min or 10 km, or longer than
  what was run before the break (an app convention built on Frandsen 2025).
- weekly-running-change: a week's running km 25 % or more above the largest of the 3 weeks before
  and at least 8 km more: information only (Nielsen 2014; Frandsen 2025 found single sessions,
  not weekly changes, to carry the risk). Weeks are ISO weeks, as in weekly.py.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from planner.domain.enums import Kind
from planner.domain.intensity import is_race
from planner.domain.load_series import SPIKE_FACTOR, SPIKE_WINDOW_DAYS
from planner.domain.rules.model import Finding, PlanWindow, Severity, ids, week_finding
from planner.domain.rules.timing import day_text
from planner.domain.rules.weekly import week_sessions, weeks

DAY = dt.timedelta(days=1)
#: A comeback: 30 days or more without a run, then a run over 60 min or 10 km (app convention).
COMEBACK_MIN = 60
COMEBACK_KM = 10.0
#: Weekly change: 25 % or more above the largest of the 3 weeks before, and 8 km or more.
WEEKLY_RISE = 0.25
WEEKLY_RISE_KM = 8.0
CHANGE_WEEKS = 3


def long_run_spike(w: PlanWindow) -> list[Finding]:
    """Silent until the plan reaches back 30 days: before that there is no "previous 30 days"."""
    out: list[Finding] = []
    start = min((d for d, ss in w.sessions.items() if ss), default=None)
    if start is None:
        return out
    longest = {d: max((s.effective_distance_km or 0.0 for s in w.on(d) if s.kind is Kind.RUN), default=0.0)
               for d in w.days(w.first - SPIKE_WINDOW_DAYS * DAY, w.last)}
    for d in w.days(w.first, w.last):
        runs = [s for s in w.on(d) if s.kind is Kind.RUN and s.effective_distance_km and not is_race(s)]
        if not runs or start > d - SPIKE_WINDOW_DAYS * DAY:
            continue
        prev = max(longest[d - k * DAY] for k in range(1, SPIKE_WINDOW_DAYS + 1))
        if prev <= 0:
            continue
        for run in runs:
            km = run.effective_distance_km or 0.0
            if km <= SPIKE_FACTOR * prev + 1e-9:
                continue
            src = "Frandsen 2025"
            out.append(Finding(
                "long-run-spike", Severity.WARNING, "Run longer than 1.1 x your recent longest",
                f"'{run.title}' ({day_text(d)}) is {km:g} km, {km / prev:.2f} x the longest run of the previous "
                f"30 days ({prev:g} km). In 5205 runners, a run more than 10 % longer than the longest of the "
                f"previous 30 days came with more injuries. Consider keeping it to {_cap(prev):g} km ({src})",
                src, (d,), ids([run])))
    return out


@dataclass(frozen=True)
class Break:
    """A run's day seen as a comeback: the last run before it (None: none in the plan) and the
    longest run of the 30 days up to that one; `limit_km` is what a first run back may be."""

    last_run: dt.date | None
    before_km: float

    @property
    def limit_km(self) -> float:
        return min(COMEBACK_KM, self.before_km) if self.before_km else COMEBACK_KM


def break_before(w: PlanWindow, d: dt.date) -> Break | None:
    """The break before day `d` when there was no run in the 30 days before it and the plan
    reaches back that far; else None."""
    start = min((x for x, ss in w.sessions.items() if ss), default=None)
    if start is None or start > d - SPIKE_WINDOW_DAYS * DAY:
        return None
    last = max((x for x in w.sessions if x < d and any(s.kind is Kind.RUN for s in w.on(x))), default=None)
    if last is not None and last > d - SPIKE_WINDOW_DAYS * DAY:
        return None
    return Break(last, _longest(w, last - (SPIKE_WINDOW_DAYS - 1) * DAY, last) if last else 0.0)


def comeback_run(w: PlanWindow) -> list[Finding]:
    """The first run after 30 days or more without one, over 60 min or 10 km or longer than the
    longest run of the 30 days before the break. Silent until the plan reaches back 30 days."""
    out: list[Finding] = []
    for d in w.days(w.first, w.last):
        runs = [s for s in w.on(d) if s.kind is Kind.RUN]
        brk = break_before(w, d) if runs else None
        if brk is None:
            continue
        last, ref, limit = brk.last_run, brk.before_km, brk.limit_km
        run = max(runs, key=lambda s: (s.effective_distance_km or 0.0, s.effective_duration_min))
        km, minutes = run.effective_distance_km or 0.0, run.effective_duration_min
        if km <= limit + 1e-9 and minutes <= COMEBACK_MIN:
            continue
        src = "app convention; Frandsen 2025"
        gap = f"{(d - last).days} days" if last else "30 days or more"
        size = f"{km:g} km and {minutes} min" if km else f"{minutes} min"
        then = f"; the longest run of the 30 days before the break was {ref:g} km" if ref else ""
        out.append(Finding(
            "comeback-run", Severity.WARNING, "A long run straight after a break",
            f"'{run.title}' ({day_text(d)}) is {size}, after {gap} without a run{then}. Build back from short "
            f"runs: consider keeping the first runs to at most {limit:g} km and 60 min. The reference after a "
            f"break is what you ran before it, at most: in 5205 runners, a run longer than the longest of the "
            f"previous 30 days came with more injuries. The 30 days, 60 min and 10 km are an app convention "
            f"({src})",
            src, (d,), ids([run])))
    return out


def _longest(w: PlanWindow, first: dt.date, last: dt.date) -> float:
    return max((s.effective_distance_km or 0.0 for d in w.days(first, last) for s in w.on(d)
                if s.kind is Kind.RUN), default=0.0)


def weekly_running_change(w: PlanWindow) -> list[Finding]:
    out: list[Finding] = []
    for first in weeks(w):
        km = _week_km(w, first)
        prev = max(_week_km(w, first - k * 7 * DAY) for k in range(1, CHANGE_WEEKS + 1))
        if prev <= 0 or km < (1 + WEEKLY_RISE) * prev - 1e-9 or km - prev < WEEKLY_RISE_KM - 1e-9:
            continue
        src = "Nielsen 2014; Frandsen 2025"
        pct = round(100 * (km / prev - 1))
        out.append(week_finding(
            "weekly-running-change", Severity.INFO, f"Running up {pct} % on your recent weeks",
            f"The week of {day_text(first)} has {km:g} km of running, {pct} % ({km - prev:g} km) more than the "
            f"largest of the 3 weeks before ({prev:g} km). Shown as information: in the cohort studies single "
            f"long sessions, not weekly % changes, carried the injury risk. The 25 % and 8 km marks are an app "
            f"convention", src, first))
    return out


def _week_km(w: PlanWindow, first: dt.date) -> float:
    return round(sum(s.effective_distance_km or 0.0 for s in week_sessions(w, first) if s.kind is Kind.RUN), 1)


def _cap(prev_km: float) -> float:
    """1.1 x the previous longest, rounded down to 0.1 km."""
    return math.floor(SPIKE_FACTOR * prev_km * 10 + 1e-9) / 10
