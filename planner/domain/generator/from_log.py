"""The generator's starting values from the training log (issue 22): with at least 4 logged weeks before the
block, the weekly km are the mean of the last 4 weeks, the longest run the longest of the last 30 days, the runs
and lifts a week the log's, and the one-rep maxes estimated from the logged sets by Epley (load x (1 + reps / 30),
Epley 1985; sets of up to 12 reps, the best of the last 8 weeks). Each value says where it came from."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from planner.domain.enums import Kind, Status, Units, WeekStart
from planner.domain.generator.inputs import (
    LIFTS_RANGE,
    LONGEST_RANGE,
    RUNS_RANGE,
    WEEKLY_KM_RANGE,
)
from planner.domain.one_rep_max import LIFT_NAMES, estimates
from planner.domain.session import Session
from planner.domain.units import load_to_display, load_unit
from planner.domain.weeks import week_start
from planner.words.numbers import format_number
from planner.words.quantities import format_distance, format_load

DAY = dt.timedelta(days=1)
LOGGED_WEEKS = 4
LONGEST_DAYS = 30
ONE_RM_DAYS = 56


@dataclass(frozen=True, slots=True)
class LogStart:
    """Starting values read from the log, and a sentence per value saying where it came from."""

    weekly_km: float
    longest_run_km: float
    runs: int
    lifts: int
    one_rm: dict[str, float] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)


def block_first(start: dt.date, first_day: WeekStart) -> dt.date:
    first = week_start(start, first_day)
    return first if first >= start else first + 7 * DAY


def logged_weeks(sessions: Sequence[Session], first: dt.date) -> int:
    """How many of the 4 weeks before `first` hold a logged (done) session."""
    done = [s for s in sessions if s.status is Status.DONE and first - 7 * LOGGED_WEEKS * DAY <= s.date < first]
    return len({(first - s.date).days // 7 for s in done})


def from_log(sessions: Sequence[Session], start: dt.date, first_day: WeekStart = WeekStart.MON,
             units: Units = Units.METRIC) -> LogStart | None:
    """The starting values, or None with fewer than 4 logged weeks before the block. The 4 weeks end with
    the block's start, or with the last logged week when planned weeks lie between the log and the start.
    The values stay metric; the sentences saying where they came from speak the profile's `units`."""
    first = block_first(start, first_day)
    logged = [s.date for s in sessions if s.status is Status.DONE and s.date < first]
    if logged:
        first = min(first, week_start(max(logged), first_day) + 7 * DAY)
    if logged_weeks(sessions, first) < LOGGED_WEEKS:
        return None
    since = first - 7 * LOGGED_WEEKS * DAY
    done = [s for s in sessions if s.status is Status.DONE and first - ONE_RM_DAYS * DAY <= s.date < first]
    recent = [s for s in done if s.date >= since]
    runs = [s for s in recent if s.kind is Kind.RUN and s.effective_distance_km]
    lifts = [s for s in recent if s.kind is Kind.LIFT]
    span = f"{since:%d %b}-{first - DAY:%d %b %Y}"
    km = round(sum(s.effective_distance_km or 0.0 for s in runs) / LOGGED_WEEKS, 1)
    sources = {"weekly_km": f"{format_distance(km, units)}: the mean of the 4 logged weeks {span}"}
    last30 = [s for s in runs if s.date >= first - LONGEST_DAYS * DAY]
    longest_run = max(last30, key=lambda s: (s.effective_distance_km or 0.0, s.date), default=None)  # the latest
    longest = round(longest_run.effective_distance_km or 0.0, 1) if longest_run else 0.0
    sources["longest_run_km"] = (f"{format_distance(longest, units)}: the longest run of the last 30 days "
                                 f"({longest_run.date:%a %d %b})" if longest_run else
                                 "no run logged in the last 30 days")
    n_runs, n_lifts = round(len(runs) / LOGGED_WEEKS), round(len(lifts) / LOGGED_WEEKS)
    sources["runs"] = f"{n_runs}: {len(runs)} runs logged in the 4 weeks {span}"
    sources["lifts"] = f"{n_lifts}: {len(lifts)} lifts logged in the 4 weeks {span}"
    one_rm: dict[str, float] = {}
    for lift, (kg, text) in _one_rms(done, units).items():
        one_rm[lift] = kg
        sources[lift] = text
    return LogStart(_clamp(km, WEEKLY_KM_RANGE), _clamp(longest, LONGEST_RANGE), int(_clamp(n_runs, RUNS_RANGE)),
                    int(_clamp(n_lifts, LIFTS_RANGE)), one_rm, sources)


def _one_rms(sessions: Sequence[Session], units: Units) -> dict[str, tuple[float, str]]:
    """Each main lift's best Epley estimate over the names it goes by, and the sentence saying where from."""
    best: dict[str, tuple[float, str]] = {}
    found = estimates(sessions)
    for lift, names in LIFT_NAMES.items():
        top = max((found[n] for n in names if n in found), key=lambda e: e.kg, default=None)
        if top is not None:
            best[lift] = (top.kg, f"{estimate_text(top.kg, units)}: Epley from {format_load(top.load_kg, units)} "
                                  f"x {top.reps} ({top.name}, {top.date:%a %d %b})")
    return best


def estimate_text(kg: float, units: Units) -> str:
    """An estimated one-rep max to a tenth, not to a plate: "116.7 kg", "257.3 lb"."""
    return f"{format_number(load_to_display(kg, units), 1)} {load_unit(units)}"


def _clamp(value: float, bounds: tuple[float, float]) -> float:
    return min(max(value, bounds[0]), bounds[1])
