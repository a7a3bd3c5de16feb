"""The whole history as per-day and per-week arrays, kept current one change at a time.

The charts and the week report read their numbers from here, so both show the same ones. Index 0
is the first day of the week holding the first session; the arrays run to the end of the week
holding the last session (or `today`, whichever is later), a whole number of weeks.

`update(dates, sessions_on)` re-reads only the changed days, then recomputes the derived series
from the earliest changed day forward: nothing before it can have changed (every series looks
backwards only). A change outside the covered range grows the arrays.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

import numpy as np

from planner.domain import load_series as ls
from planner.domain.enums import WeekStart
from planner.domain.errors import ValidationError
from planner.domain.load import ExerciseMemo, Split, split_volume
from planner.domain.session import Session
from planner.domain.weeks import week_start

#: The per-day amounts kept as arrays, for each side (planned, done).
METRICS = ("load_au", "run_km", "run_min", "run_easy_min", "run_hard_min", "tonnage_kg", "hard_sets")
SessionsOn = Callable[[dt.date], list[Session]]
#: Where an empty history without a `today` starts (the engine never reads the clock).
_NO_DATE = dt.date(2000, 1, 3)


@dataclass(frozen=True, slots=True)
class TimeConstants:
    """Days for chronic ("fitness") and acute ("fatigue") load; the user may change them."""

    fitness_days: int = ls.FITNESS_DAYS
    fatigue_days: int = ls.FATIGUE_DAYS

    def __post_init__(self) -> None:
        if not 1 <= self.fatigue_days < self.fitness_days <= 365:
            raise ValidationError("time constants", "acute load days must be at least 1 and fewer than chronic "
                                  f"load days, at most 365 (got {self.fatigue_days} and {self.fitness_days})")


class LoadHistory:
    """Per-day amounts and the load series over the whole history (see module docstring)."""

    def __init__(self, first_day: WeekStart = WeekStart.MON,
                 constants: TimeConstants | None = None) -> None:
        self.week_start_day = first_day
        self.constants = constants or TimeConstants()
        self.start = week_start(_NO_DATE, first_day)
        self.first = 0  # index of the first day with a session
        self.empty = True
        self._today: dt.date | None = None
        self._days: dict[dt.date, Split] = {}
        self._memo: ExerciseMemo = {}
        self._alloc(0)

    # -- building -------------------------------------------------------------------------------
    def _alloc(self, n: int) -> None:
        self.n = n
        self.planned = {m: np.zeros(n) for m in METRICS}
        self.done = {m: np.zeros(n) for m in METRICS}
        self.longest_run = np.zeros(n)
        self.total_load = np.zeros(n)
        self.acute = np.zeros(n)
        self.chronic = np.zeros(n)
        self.acwr = np.full(n, np.nan)
        self.acwr_uncoupled = np.full(n, np.nan)
        self.fitness = np.zeros(n)
        self.fatigue = np.zeros(n)
        self.form = np.zeros(n)
        self.spike = np.full(n, np.nan)
        self.building = np.ones(n, dtype=bool)
        self._weekly()

    def load(self, sessions: Iterable[Session], today: dt.date | None = None) -> None:
        """Everything from scratch (a new file, or the first time the charts are shown)."""
        by_day: dict[dt.date, list[Session]] = {}
        for s in sessions:
            by_day.setdefault(s.date, []).append(s)
        self._days = {d: split_volume(ss, self._memo) for d, ss in by_day.items()}
        self._today = today
        self._rebuild()

    def _rebuild(self) -> None:
        days = [d for d, sp in self._days.items() if sp.planned.sessions or sp.done.sessions]
        today = self._today
        lo = min(days, default=today or _NO_DATE)
        hi = max([*days, *([today] if today else [])], default=lo)
        self.empty = not days
        self.start = week_start(lo, self.week_start_day)
        n = ((hi - self.start).days // 7 + 1) * 7
        self._alloc(n)
        self.first = (min(days) - self.start).days if days else 0
        if self._days:
            idx = np.fromiter(((d - self.start).days for d in self._days), dtype=np.intp, count=len(self._days))
            splits = list(self._days.values())
            for side, arrays in ((0, self.planned), (1, self.done)):
                for m in METRICS:
                    arrays[m][idx] = [getattr(sp[side], m) for sp in splits]
            self.longest_run[idx] = [sp.longest_run_km for sp in splits]
        self._derive(0)

    def _put(self, i: int, sp: Split) -> None:
        for side, arrays in ((sp.planned, self.planned), (sp.done, self.done)):
            for m in METRICS:
                arrays[m][i] = getattr(side, m)
        self.longest_run[i] = sp.longest_run_km

    def update(self, dates: Iterable[dt.date], sessions_on: SessionsOn) -> int:
        """Re-read the sessions of `dates` and recompute from the earliest of them; returns the
        index recomputed from (n when nothing changed)."""
        dates = sorted(set(dates))
        if not dates:
            return self.n
        for d in dates:
            ss = sessions_on(d)
            if ss:
                self._days[d] = split_volume(ss, self._memo)
            else:
                self._days.pop(d, None)
        if self.empty or dates[0] < self.start or dates[-1] >= self.end_exclusive:
            self._rebuild()
            return 0
        if dates[0] <= self.day(self.first):  # the first day of history may have moved
            days = [d for d, sp in self._days.items() if sp.planned.sessions or sp.done.sessions]
            self.empty = not days
            self.first = (min(days) - self.start).days if days else 0
        for d in dates:
            self._put(self.index(d), self._days.get(d, _NOTHING))
        start = self.index(dates[0])
        self._derive(start)
        return start

    def set_today(self, today: dt.date) -> None:
        """The arrays reach at least to the end of today's week (the charts show "now")."""
        if today != self._today:
            self._today = today
            if not self.covers(today):
                self._rebuild()

    def set_week_start(self, first_day: WeekStart) -> None:
        if first_day is not self.week_start_day:
            self.week_start_day = first_day
            self._rebuild()

    def set_constants(self, constants: TimeConstants) -> None:
        if constants != self.constants:
            self.constants = constants
            self._derive(0)

    def _derive(self, start: int) -> None:
        total = self.planned["load_au"] + self.done["load_au"]
        self.total_load = total
        c = self.constants
        ls.ewma(total, ls.ewma_lambda(ls.ACUTE_DAYS), self.acute, start)
        ls.ewma(total, ls.ewma_lambda(ls.CHRONIC_DAYS), self.chronic, start)
        self.acwr = ls.ratio(self.acute, self.chronic)
        ls.uncoupled_acwr(total, self.acwr_uncoupled, start)
        ls.ewma(total, 1.0 / c.fitness_days, self.fitness, start)
        ls.ewma(total, 1.0 / c.fatigue_days, self.fatigue, start)
        ls.form(self.fitness, self.fatigue, self.form, start)
        self.building = ls.building_up(self.n, self.first)
        self.acwr[self.building] = np.nan
        self.acwr_uncoupled[self.building] = np.nan
        self.spike = ls.spike_ratio(self.longest_run)
        self._weekly()

    def _weekly(self) -> None:
        self.week_planned = {m: a.reshape(-1, 7).sum(axis=1) for m, a in self.planned.items()}
        self.week_done = {m: a.reshape(-1, 7).sum(axis=1) for m, a in self.done.items()}
        total = self.planned["load_au"] + self.done["load_au"]
        self.week_load, self.monotony, self.strain = ls.monotony_strain(total)

    # -- reading --------------------------------------------------------------------------------
    @property
    def end_exclusive(self) -> dt.date:
        return self.start + dt.timedelta(days=self.n)

    def index(self, day: dt.date) -> int:
        return (day - self.start).days

    def day(self, i: int) -> dt.date:
        return self.start + dt.timedelta(days=i)

    def days(self) -> list[dt.date]:
        return [self.day(i) for i in range(self.n)]

    def week_starts(self) -> list[dt.date]:
        return [self.day(i) for i in range(0, self.n, 7)]

    def week_split(self, first: dt.date) -> Split:
        """The week starting on `first` (any first day): planned and done, muscles included."""
        out = Split()
        for k in range(7):
            sp = self._days.get(first + dt.timedelta(days=k))
            if sp is not None:
                out = out.plus(sp)
        return out

    def hard_sets_by_muscle(self, first: dt.date) -> tuple[Mapping[str, float], Mapping[str, float]]:
        """(planned, done) hard sets per muscle in the week starting on `first`."""
        sp = self.week_split(first)
        return sp.planned.hard_sets_by_muscle, sp.done.hard_sets_by_muscle

    def covers(self, day: dt.date) -> bool:
        return self.start <= day < self.end_exclusive


_NOTHING = Split()
