"""Load over time: acute:chronic ratios, monotony and strain, chronic and acute load ("fitness",
"fatigue") and form. Plain functions over numpy arrays of daily load, index 0 = the first day.

Every series can be recomputed from a day `start` forward, keeping what lies before it: a change
on one day cannot alter any earlier value, so the charts only redo the tail (`LoadHistory`).

Sources and choices (each in Help > Sources):
- EWMA acute:chronic ratio, Williams 2017: EWMA_t = lambda x_t + (1 - lambda) EWMA_{t-1} with
  lambda = 2 / (N + 1): N = 7 gives 0.25, N = 28 gives 2/29 (about 0.069). Both start at 0.
- Uncoupled rolling ratio (Lolli 2019; Windt & Gabbett 2019): mean of days t-6..t divided by the
  mean of days t-27..t-7, so the acute week is not part of the chronic window.
- Both are informational trends only: the ratio is a rescaling of acute load with no causal link to
  injury (Impellizzeri 2020), and in runners it showed a negative dose-response (Frandsen 2025).
- Monotony (Foster 1998): mean daily load / SD of daily load over one week, rest days as 0. The SD
  is the *population* SD (divide by 7). Undefined (NaN) when the SD is 0, e.g. seven equal days.
  Strain = weekly load x monotony.
- Chronic load ("fitness") and acute load ("fatigue"), 42 and 7 days by default (Coggan's
  TrainingPeaks defaults, not constants fitted to the athlete: Hellard 2006 found 38 d, 17-59).
  TrainingPeaks' update rule (Coggan): X_t = X_{t-1} + (load_t - X_{t-1}) / TC,
  i.e. an EWMA with lambda = 1 / TC. Both start from a fair seed, never from 0: the mean daily
  load of the first 28 days of history (`fair_seed`), so a steady athlete's form is about 0 from
  the first day instead of deeply negative for weeks (an app convention; TrainingPeaks starts from
  the athlete's stated load).
- Form = chronic - acute load of the day *before* (TrainingPeaks plots yesterday's values): how
  fresh the athlete starts a day, before that day's training. Form on the first day is 0.
- Under 28 days of history the ratios and curves are "building up": `building_up` marks them.
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

ACUTE_DAYS = 7
CHRONIC_DAYS = 28
#: Coggan / TrainingPeaks defaults for the chronic ("fitness") and acute ("fatigue") load.
FITNESS_DAYS = 42
FATIGUE_DAYS = 7
#: Fewer days of history than this and the ratios and curves say "building up".
HISTORY_DAYS = 28
#: Frandsen 2025: the injury hazard rose for runs more than 10 % longer than the longest run of
#: the previous 30 days.
SPIKE_FACTOR = 1.1
SPIKE_WINDOW_DAYS = 30


def ewma_lambda(n: int) -> float:
    """Williams 2017: lambda = 2 / (N + 1)."""
    return 2.0 / (n + 1)


def ewma(x: np.ndarray, lam: float, out: np.ndarray, start: int = 0, seed: float = 0.0) -> None:
    """out[t] = lam * x[t] + (1 - lam) * out[t-1] for t >= start, in place; out[-1] is `seed`."""
    prev = float(out[start - 1]) if start > 0 else seed
    keep = 1.0 - lam
    res: list[float] = []
    append = res.append
    for v in x[start:].tolist():
        prev = lam * v + keep * prev
        append(prev)
    out[start:] = res


def fair_seed(x: np.ndarray, first: int, end: int | None = None) -> float:
    """The mean daily load of the first 28 days of history from day `first` (fewer when the history
    is shorter: up to `end`, which a caller sets at the end of the last planned week, so the empty
    weeks an array carries to reach today never dilute it): the chronic and acute loads start from
    it, so an athlete who trained before the first logged day is not read as starting from nothing."""
    window = x[first:first + HISTORY_DAYS if end is None else min(end, first + HISTORY_DAYS)]
    return float(window.mean()) if len(window) else 0.0


def ratio(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    """num / den, NaN where den is 0 (a ratio to nothing is undefined, not infinite)."""
    out = np.full(num.shape, np.nan)
    np.divide(num, den, out=out, where=den != 0)
    return out


def uncoupled_acwr(x: np.ndarray, out: np.ndarray, start: int = 0) -> None:
    """out[t] = mean(x[t-6..t]) / mean(x[t-27..t-7]) for t >= start; NaN for t < 27 or a zero
    chronic mean."""
    n = len(x)
    c = np.concatenate(([0.0], np.cumsum(x, dtype=float)))
    t = np.arange(max(start, CHRONIC_DAYS - 1), n)
    out[start:] = np.nan
    if not len(t):
        return
    acute = (c[t + 1] - c[t + 1 - ACUTE_DAYS]) / ACUTE_DAYS
    chronic = (c[t + 1 - ACUTE_DAYS] - c[t + 1 - CHRONIC_DAYS]) / (CHRONIC_DAYS - ACUTE_DAYS)
    out[t] = ratio(acute, chronic)


def form(fitness: np.ndarray, fatigue: np.ndarray, out: np.ndarray, start: int = 0) -> None:
    """out[t] = fitness[t-1] - fatigue[t-1]; out[0] = 0."""
    if start == 0 and len(out):
        out[0] = 0.0
        start = 1
    out[start:] = fitness[start - 1:-1] - fatigue[start - 1:-1]


def monotony_strain(x: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per 7-day block of `x` (its length a multiple of 7): weekly load, monotony, strain.

    Monotony = mean / population SD (NaN when the SD is 0); strain = weekly load x monotony.
    """
    weeks = x.reshape(-1, 7)
    total = weeks.sum(axis=1)
    mono = ratio(weeks.mean(axis=1), weeks.std(axis=1))
    return total, mono, total * mono


def previous_longest(day_max: np.ndarray) -> np.ndarray:
    """prev[t] = the longest run of days t-30..t-1 (0 when none), from each day's longest run."""
    padded = np.concatenate((np.zeros(SPIKE_WINDOW_DAYS), day_max[:-1] if len(day_max) else day_max))
    if not len(day_max):
        return np.zeros(0)
    return sliding_window_view(padded, SPIKE_WINDOW_DAYS).max(axis=1)


def spike_ratio(day_max: np.ndarray) -> np.ndarray:
    """Per day: longest run / longest run of the previous 30 days, where that exceeds 1.1;
    NaN elsewhere, and NaN when there was no run in the previous 30 days (nothing to compare)."""
    prev = previous_longest(day_max)
    r = ratio(day_max, prev)
    r[~(r > SPIKE_FACTOR)] = np.nan
    return r


def building_up(n: int, first: int) -> np.ndarray:
    """True for the days with fewer than 28 days of history, counting from the first day `first`
    with a session (that day included)."""
    return np.arange(n) - first + 1 < HISTORY_DAYS
