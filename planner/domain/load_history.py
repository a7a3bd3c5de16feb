"""The whole history as per-day and per-week arrays, kept current one change at a time.

One history serves every reader (planner/services/load.py): the charts, the plan check, the printed
page, the report and the generator read the same arrays, so they show the same numbers. Index 0
is the first day of the week holding the first session; the arrays run to the end of the week
holding the last session (or `today`, whichever is later), a whole number of weeks.

`update(dates, sessions_on)` re-reads only the changed days, then recomputes the derived series
from the earliest changed day forward: nothing before it can have changed (every series looks
backwards only). A change outside the covered range grows the arrays.

Two views of one day's load:
- `total_load`: the plan as planned, done or not, whatever today's date is. The ratios, monotony
  and strain read it, and so does the plan check (a past week never marked done is still read as
  the week it plans).
- `counted_load`: what the "done" curves count. Before `today` only sessions marked done count (a
  past session never marked done was most likely not done, as TrainingPeaks counts completed
  workouts only); from today on the plan counts. Chronic load, acute load and form read it, and
  `unmarked_past()` says how many past sessions it left out.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from planner.domain import load_series as ls
from planner.domain.enums import Kind, Status, WeekStart
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
        self._reach: dt.date | None = None  # the arrays run at least to this day's week
        self._days: dict[dt.date, Split] = {}
        self._unmarked: dict[dt.date, int] = {}
        self._memo: ExerciseMemo = {}
        self._seeded_to = 0  # the end of the window the fair seed was taken from
        self._alloc(0)

    # -- building -------------------------------------------------------------------------------
    def _alloc(self, n: int) -> None:
        self.n = n
        self.planned = {m: np.zeros(n) for m in METRICS}
        self.done = {m: np.zeros(n) for m in METRICS}
        self.longest_run = np.zeros(n)
        self.total_load = np.zeros(n)
        self.counted_load = np.zeros(n)
        self.unmarked = np.zeros(n, dtype=np.intp)
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
        self._unmarked = {d: n for d, ss in by_day.items() if (n := _unmarked(ss))}
        self._today = today
        self._rebuild()

    def _rebuild(self) -> None:
        days = [d for d, sp in self._days.items() if sp.planned.sessions or sp.done.sessions]
        # The arrays span every day they are written at: a day of skipped sessions only counts no
        # session but still holds its split and its unmarked count.
        kept = [*self._days, *self._unmarked]
        ends = [d for d in (self._today, self._reach) if d is not None]
        reach = [self._reach] if self._reach is not None else []
        lo = min([*kept, *reach], default=self._today or _NO_DATE)
        hi = max([*kept, *ends], default=lo)
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
        for d, k in self._unmarked.items():
            self.unmarked[(d - self.start).days] = k
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
            k = _unmarked(ss)
            if k:
                self._unmarked[d] = k
            else:
                self._unmarked.pop(d, None)
        # A change at or before the first day of history may move the arrays' start (and the fair
        # seed taken from the first 28 days): build again, as a fresh read would.
        if self.empty or dates[0] <= self.day(self.first) or dates[-1] >= self.end_exclusive:
            self._rebuild()
            return 0
        for d in dates:
            self._put(self.index(d), self._days.get(d, _NOTHING))
            self.unmarked[self.index(d)] = self._unmarked.get(d, 0)
        start = self.index(dates[0])
        self._derive(start)
        return start

    def set_today(self, today: dt.date) -> None:
        """The arrays reach at least to the end of today's week (the charts show "now"); the
        "done" curves count done sessions only before it."""
        if today != self._today:
            old, self._today = self._today, today
            if not self.covers(today):
                self._rebuild()
            else:
                self._derive(0 if old is None else max(0, min(self._clamped(old), self._clamped(today))))

    def reach(self, day: dt.date) -> None:
        """Make the arrays cover `day` (a report or page of a week past the last session)."""
        if not self.covers(day):
            self._reach = day
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
        counted = total.copy()
        if self._today is not None:
            past = self._clamped(self._today)
            counted[:past] = self.done["load_au"][:past]
        self.counted_load = counted
        c = self.constants
        ls.ewma(total, ls.ewma_lambda(ls.ACUTE_DAYS), self.acute, start)
        ls.ewma(total, ls.ewma_lambda(ls.CHRONIC_DAYS), self.chronic, start)
        self.acwr = ls.ratio(self.acute, self.chronic)
        ls.uncoupled_acwr(total, self.acwr_uncoupled, start)
        # A change inside the seed's window, or one that moves its end, moves the seed: everything
        # is redone then.
        end = self._seed_end()
        seeded = start if start >= end and end == self._seeded_to else 0
        self._seeded_to = end
        self._seeded_ewma(counted, 1.0 / c.fitness_days, self.fitness, seeded)
        self._seeded_ewma(counted, 1.0 / c.fatigue_days, self.fatigue, seeded)
        ls.form(self.fitness, self.fatigue, self.form, seeded)
        self.building = ls.building_up(self.n, self.first)
        self.acwr[self.building] = np.nan
        self.acwr_uncoupled[self.building] = np.nan
        self.spike = ls.spike_ratio(self.longest_run)
        self._weekly()

    def _seeded_ewma(self, x: np.ndarray, lam: float, out: np.ndarray, start: int) -> None:
        """Chronic or acute load from the fair seed (load_series.fair_seed), from `start` on, or
        from the seed when `start` is 0."""
        if start > 0:
            ls.ewma(x, lam, out, start)
            return
        seed = ls.fair_seed(x, self.first, self._seeded_to)
        out[:self.first] = seed
        ls.ewma(x, lam, out, self.first, seed)

    def _seed_end(self) -> int:
        """Where the fair seed's window ends: 28 days after the first day of history, or sooner, at
        the end of the week of the last day with a session (never at the empty days the arrays carry
        to reach today)."""
        last = max((self.index(d) for d, sp in self._days.items() if sp.planned.sessions or sp.done.sessions),
                   default=self.first)
        return min(self.first + ls.HISTORY_DAYS, (last // 7 + 1) * 7)

    def _clamped(self, day: dt.date) -> int:
        return min(max(self.index(day), 0), self.n)

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

    def unmarked_past(self) -> int:
        """Past sessions (before today) still planned: neither marked done nor skipped. Rest days
        are not counted. The "done" curves leave them out; the charts and the report say so."""
        if self._today is None:
            return 0
        return int(self.unmarked[:self._clamped(self._today)].sum())

    def week_figures(self, first: dt.date) -> tuple[float, float, float]:
        """(load, monotony, strain) of the 7 days from `first`, whatever the first day of the
        arrays' weeks: a report in ISO weeks reads a history in Sunday weeks (Foster 1998)."""
        days = np.zeros(7)
        for k in range(7):
            day = first + dt.timedelta(days=k)
            if self.covers(day):
                days[k] = self.total_load[self.index(day)]
        load, mono, strain = ls.monotony_strain(days)
        return float(load[0]), float(mono[0]), float(strain[0])

    def copy(self) -> LoadHistory:
        """An independent copy (the exercise memo is shared: it is keyed by identity)."""
        new = copy.copy(self)
        for key, value in vars(self).items():
            if isinstance(value, np.ndarray):
                setattr(new, key, value.copy())
            elif isinstance(value, dict) and key != "_memo":
                setattr(new, key, {k: v.copy() if isinstance(v, np.ndarray) else v for k, v in value.items()})
        return new

    def with_days(self, by_day: Mapping[dt.date, Sequence[Session]]) -> LoadHistory:
        """A copy in which the days of `by_day` hold exactly those sessions (a generated block
        checked against the whole history before it is written)."""
        new = self.copy()
        new.update(by_day.keys(), lambda day: list(by_day.get(day, ())))
        return new


_NOTHING = Split()


def unmarked_text(n: int) -> str:
    """What the charts and the report say of past sessions the "done" curves leave out."""
    if not n:
        return ""
    return (f"{n} past session{'s' if n != 1 else ''} not marked done: counted as not done in "
            "chronic load, acute load and form")


def _unmarked(sessions: Iterable[Session]) -> int:
    return sum(1 for s in sessions if s.status is Status.PLANNED and s.kind is not Kind.REST)
