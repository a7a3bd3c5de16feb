"""Races the way coaches plan them: the peak long run by distance, the long run's share of the week,
how far weekly km build, race-pace segments, the strength taper, and how many weeks a safe build needs.

- Peak long run (coaching convention; Higdon; Daniels 2014): marathon 29-35 km or about 3 h, whichever
  comes first; half marathon 16-22 km; by experience within those.
- Long run share: at most about 35-40 % of the week's running once a week holds 40 km or more, up to
  about 50 % at a marathon block's peak (Higdon's novice peak: 32 km in a 64 km week).
- Build weeks add 5/8/10 % (new/some/experienced) up to a peak: the week the peak long run needs, and at
  least 15 % above where the athlete starts (race blocks) or at most 30 % above it (other blocks).
- Strength in the taper (Bosquet 2007; Spiering 2021; coaching convention): the last heavy or eccentric
  lower-body session 7-10 days before the race, maintenance through the taper, and in the 6 days before
  the race at most one short activation session (<= 30 min, no set at RPE 7 or more) >= 48 h before it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from planner.domain.enums import Experience, Kind, LiftFocus
from planner.domain.generator.inputs import GeneratorInput
from planner.domain.session import Exercise, SessionContent, WorkSet

Kind_ = tuple[str, int, int]  # (kind, step in phase, phase) of a week, as block.week_kinds gives them
MARATHON, HALF = 42.2, 21.1
MARATHON_KM, HALF_KM = 42.195, 21.0975  # the race-pace equivalents use the exact distances
GROWTH = {Experience.NEW: 0.05, Experience.SOME: 0.08, Experience.EXPERIENCED: 0.10}
DELOAD_SHARE = 0.6
TAPER_SHARES = (0.6, 0.5)  # Bosquet 2007: volume -41-60 %
LONG_SHARE = {2: 0.45, 3: 0.35}
LONG_SHARE_DEFAULT = 0.30
SPIKE = 1.1  # Frandsen 2025
PEAK_LONG_KM = {
    MARATHON: {Experience.NEW: 29.0, Experience.SOME: 32.0, Experience.EXPERIENCED: 34.0},
    HALF: {Experience.NEW: 16.0, Experience.SOME: 18.0, Experience.EXPERIENCED: 20.0},
    10.0: {Experience.NEW: 12.0, Experience.SOME: 14.0, Experience.EXPERIENCED: 16.0},
    5.0: {Experience.NEW: 8.0, Experience.SOME: 10.0, Experience.EXPERIENCED: 12.0},
}
#: Below these the block does not prepare the race; a 5K or 10K needs no long run of its own length.
MIN_PEAK_LONG_KM = {MARATHON: 29.0, HALF: 16.0}
BIG_WEEK_KM = 40.0
SHARE_BIG_WEEK = 0.38
SHARE_SMALL_WEEK = 0.45
SHARE_MARATHON_PEAK = 0.50
#: Weekly km sized so the peak long run is this share of the peak week.
PEAK_WEEK_SHARE = {MARATHON: 0.45}
RACE_MIN_GROWTH = 1.15
OTHER_MAX_GROWTH = 1.30
#: Race-pace segments in the long run: at most this many km (marathon, half) and 30 % of the run.
RACE_PACE_KM = {MARATHON: 10.0, HALF: 6.0}
RACE_WORD = {MARATHON: "marathon", HALF: "half-marathon"}
HEAVY_FREE_DAYS = 7  # no heavy or eccentric lower body in the 7 days before the race
ACTIVATION_MIN_GAP = 2  # the activation session at least 48 h before the race
ACTIVATION = SessionContent(
    kind=Kind.LIFT, title="Race-week activation", duration_min=20, rpe=3.0, type=LiftFocus.LOWER.value,
    exercises=(Exercise("Hip thrust", tuple(WorkSet(reps=10, rpe=5.0) for _ in range(2)), ("glutes", "hamstrings")),
               Exercise("Step-up", tuple(WorkSet(reps=6, rpe=5.0) for _ in range(2)), ("quads", "glutes")),
               Exercise("Single-leg calf raise", tuple(WorkSet(reps=10, rpe=5.0) for _ in range(2)), ("calves",)),
               Exercise("Dead bug", tuple(WorkSet(reps=8, rpe=5.0) for _ in range(2)), ("core", "hip flexors"))),
    notes="Race week: short and light, body weight (hip thrusts as glute bridges), nothing near failure (no set "
          "at RPE 7 or more), at least 48 h before the race. The last heavy or eccentric leg session was 7-10 "
          "days before it (Bosquet 2007; Spiering 2021).")


def peak_long_km(x: GeneratorInput, long_cap_km: float) -> float:
    """The long run the block builds to; 0 without a race."""
    if x.race_km is None:
        return 0.0
    return min(PEAK_LONG_KM[x.race_km][x.experience], long_cap_km)


def min_peak_long_km(x: GeneratorInput, long_cap_km: float) -> float:
    """What the race needs: the marathon's 29 km or 3 h, whichever comes first; the half's 16 km."""
    if x.race_km is None:
        return 0.0
    return min(MIN_PEAK_LONG_KM.get(x.race_km, 0.0), long_cap_km)


def peak_week_km(x: GeneratorInput, peak_long: float) -> float:
    """Where weekly km stop building."""
    if x.race_km is None:
        return OTHER_MAX_GROWTH * x.weekly_km
    share = PEAK_WEEK_SHARE.get(x.race_km, SHARE_BIG_WEEK if peak_long / SHARE_BIG_WEEK >= BIG_WEEK_KM
                                else SHARE_SMALL_WEEK)
    return max(peak_long / share, RACE_MIN_GROWTH * x.weekly_km)


def long_share_cap(week_km: float, marathon_peak: bool) -> float:
    if week_km < BIG_WEEK_KM:
        return SHARE_SMALL_WEEK
    return SHARE_MARATHON_PEAK if marathon_peak else SHARE_BIG_WEEK


def next_target(x: GeneratorInput, kind: str, first: bool, after_build: bool, last_build: float,
                peak_week: float) -> float:
    """The week's running km: build weeks grow from the last build week up to the peak; lighter weeks
    are a share of it (DELOAD_SHARE, TAPER_SHARES)."""
    if kind == "build":
        if first:
            return x.weekly_km
        return min(last_build * (1 + GROWTH[x.experience] * after_build), max(peak_week, last_build))
    if kind == "deload":
        return DELOAD_SHARE * last_build
    return TAPER_SHARES[0 if kind == "taper" else 1] * last_build


def long_wanted(x: GeneratorInput, kind: str, target: float, n_runs: int, peak_long: float,
                marathon_peak: bool) -> float:
    """The long run the week asks for, before the 1.1 x rule and the time cap: a share of the week by
    the number of runs; in a race block it builds towards the peak, within the share cap. A build week
    keeps the athlete's current longest run where the share cap allows it."""
    share = LONG_SHARE.get(n_runs, LONG_SHARE_DEFAULT)
    cap = long_share_cap(target, marathon_peak) if n_runs >= 3 else LONG_SHARE.get(n_runs, 1.0)
    if x.race_km is not None and kind in ("build", "taper"):
        return min(peak_long, cap * target)
    if kind == "build":
        return max(min(share, cap) * target, min(x.longest_run_km, cap * target))
    return min(share, cap) * target


def weeks_needed(x: GeneratorInput, long_cap: float, n_runs: int, kinds_for: Callable[[int], list[Kind_]],
                 first_long: float, most: int = 40) -> int | None:
    """The fewest weeks whose build reaches the race's minimum long run, simulated with the generator's
    own steps (weekly growth, the long run's share, 1.1 x the longest of the last 30 days); None past `most`."""
    need = min_peak_long_km(x, long_cap)
    for weeks in range(x.weeks + 1, most + 1):  # called when x.weeks fall short
        if simulated_peak_long(x, kinds_for(weeks), long_cap, n_runs, first_long) >= need - 0.05:
            return weeks
    return None


def simulated_peak_long(x: GeneratorInput, kinds: list[Kind_], long_cap: float, n_runs: int,
                        first_long: float) -> float:
    """The longest build-week long run of `kinds`, from a first week whose long run is `first_long`."""
    peak_long = peak_long_km(x, long_cap)
    peak_week = peak_week_km(x, peak_long)
    builds = [n for n, k in enumerate(kinds) if k[0] == "build"]
    last_build, longs, best = x.weekly_km, [first_long], 0.0
    for n, (kind, _, _) in enumerate(kinds):
        target = next_target(x, kind, n == 0, n > 0 and kinds[n - 1][0] == "build", last_build, peak_week)
        wanted = long_wanted(x, kind, target, n_runs, peak_long, x.race_km == MARATHON and n in builds[-3:])
        long_km = first_long if n == 0 else min(wanted, long_cap, SPIKE * max(longs[-5:]))
        longs.append(long_km)
        if kind == "build":
            last_build, best = target, max(best, long_km)
    return best


def race_pace_km(x: GeneratorInput, long_km: float, build_step: int, kind: str) -> float:
    """Race-pace km in this long run: every second build week, and in the taper week."""
    if x.race_km not in RACE_PACE_KM:
        return 0.0
    if kind == "taper" or (kind == "build" and build_step % 2 == 1):
        return float(min(RACE_PACE_KM[x.race_km], round(0.3 * long_km)))
    return 0.0


@dataclass(frozen=True, slots=True)
class TaperDay:
    """What the strength taper lets a lift on this day be."""

    heavy_ok: bool  # 7 days or more before the race
    activation_ok: bool  # 2-6 days before: at most one short activation session
    upper_ok: bool  # maintenance upper body and core: at least 48 h before the race, or after it


def taper_day(day: dt.date, race: dt.date | None) -> TaperDay:
    if race is None:
        return TaperDay(True, False, True)
    before = (race - day).days
    if before >= HEAVY_FREE_DAYS:
        return TaperDay(True, False, True)
    clear = before >= ACTIVATION_MIN_GAP or before < 0  # upper body the day after the race is fine
    return TaperDay(False, before >= ACTIVATION_MIN_GAP, clear)
