"""What a week of a block adds up to, for the season view's summary column. No Qt.

- Running km done and planned, lifting tonnage and hard sets, session-RPE load (RPE x minutes,
  Foster 2001) and its change from the week before: read from the one load history
  (planner/domain/load_history.py, through planner/services/load.py), so the summary, the charts
  and the printed page show the same numbers.
- Compliance: actual minutes of the sessions done against the planned minutes of the sessions due
  (done, skipped, or planned on a day before today), as TrainingPeaks compares duration
  (planner/domain/compliance.py gives the bands).
- Build, deload or taper: the week's load against the mean of the three weeks before it, the same
  test as the printed page. Under 80 % it is a lighter week: a taper when a race falls in it or
  in the two weeks after (a 2-week taper, Bosquet 2007), else a deload. The 80 % line is an app
  convention, not a published threshold.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from planner.domain.compliance import Band, band, percent
from planner.domain.enums import Kind, RunType, Status
from planner.domain.load import Split
from planner.domain.session import Session

LIGHTER_RATIO = 0.8
HISTORY_WEEKS = 3
TAPER_WEEKS = 2


class Phase(StrEnum):
    BUILD = "build"
    DELOAD = "deload"
    TAPER = "taper"


@dataclass(frozen=True, slots=True)
class WeekSummary:
    first_day: dt.date
    run_km_done: float
    run_km_planned: float
    tonnage_kg: float
    hard_sets: float
    load_au: float
    load_change_pct: int | None  # against the week before; None when that week held no load
    compliance_pct: int | None  # None while nothing of the week is due
    compliance_band: Band | None
    phase: Phase | None  # None without load in the week or the three before


def week_phase(load: float, previous_mean: float, race_ahead: bool) -> Phase | None:
    """Build, deload or taper, for the season's summary and the printed week alike: under 80 % of
    the mean of the three weeks before is a lighter week, a taper when a race falls in it or in the
    two weeks after (`race_ahead`), else a deload; None for a week off or a plan with nothing before."""
    if load <= 0 or previous_mean <= 0:
        return None
    if load / previous_mean >= LIGHTER_RATIO:
        return Phase.BUILD
    return Phase.TAPER if race_ahead else Phase.DELOAD


def race_ahead(sessions_from: Callable[[dt.date], Sequence[Session]], first: dt.date) -> bool:
    """A race in the week of `first` or in the `TAPER_WEEKS` weeks after it."""
    return any(has_race(sessions_from(first + dt.timedelta(weeks=k))) for k in range(TAPER_WEEKS + 1))


def has_race(sessions: Sequence[Session]) -> bool:
    return any(s.kind is Kind.RUN and s.type == RunType.RACE and s.status is not Status.SKIPPED for s in sessions)


def _compliance(sessions: Sequence[Session], today: dt.date) -> tuple[int | None, Band | None]:
    due = [s for s in sessions if s.kind is not Kind.REST and s.duration_min
           and (s.status is not Status.PLANNED or s.date < today)]
    planned = sum(s.duration_min for s in due)
    if not planned:
        return None, None
    done = sum(s.effective_duration_min for s in due if s.status is Status.DONE)
    pct = percent(done, planned)
    return pct, band(pct)


def week_summaries(firsts: Sequence[dt.date], split: Callable[[dt.date], Split],
                   sessions: Callable[[dt.date], Sequence[Session]], today: dt.date) -> list[WeekSummary]:
    """One summary per first day in `firsts`: `split(first)` gives the week's load (the history),
    `sessions(first)` the week's sessions (races and compliance)."""
    week = dt.timedelta(weeks=1)
    out: list[WeekSummary] = []
    for first in firsts:
        sp = split(first)
        total = sp.total
        load = total.load_au
        before = [split(first - week * k).total.load_au for k in range(1, HISTORY_WEEKS + 1)]
        change = round((load / before[0] - 1) * 100) if before[0] > 0 else None
        mean = sum(before) / HISTORY_WEEKS
        lighter = load > 0 and mean > 0 and load / mean < LIGHTER_RATIO
        phase = week_phase(load, mean, lighter and race_ahead(sessions, first))
        pct, colour = _compliance(sessions(first), today)
        out.append(WeekSummary(first, sp.done.run_km, total.run_km, total.tonnage_kg, total.hard_sets,
                               load, change, pct, colour, phase))
    return out
