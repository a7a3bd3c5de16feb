"""The steps of a generated hard run, at the paces the generator planned it with.

Warm-up, `reps` x (work, jog), cool-down: the jog after the last repetition is the start of the
cool-down, so the steps add up to the session's planned minutes exactly (the generator counts
reps - 1 recoveries; a watch's repeat runs the jog after every repetition).
"""

from __future__ import annotations

from planner.domain.steps import Aim, Duration, Item, Repeat, Step, StepIntensity, Target, Until

#: A repetition's target: its pace +/- this many seconds per km, a range a watch can hold; an easy
#: or long run ("about 5:30/km") gets a wider one, a race a narrower one.
PACE_SPREAD_S = 5
EASY_SPREAD_S = 10
RACE_SPREAD_S = 3
EASY = Target(word="easy")
JOG = Target(word="jog")


def _minutes(m: float) -> Duration:
    return Duration(Until.TIME, round(m * 60))


def quality_steps(reps: int, work_min: float, rest_min: float, pace_s_per_km: float | None,
                  warm_min: float, cool_min: float, effort: str = "hard",
                  spread_s: float = PACE_SPREAD_S) -> tuple[Item, ...]:
    """The steps of `reps` x `work_min` at `pace_s_per_km` +/- `spread_s` (None: by effort, named `effort`)."""
    if pace_s_per_km is None:
        work = Target(word=effort)
    else:
        work = Target(Aim.PACE, round(pace_s_per_km - spread_s), round(pace_s_per_km + spread_s))
    reps_steps = (Step(StepIntensity.ACTIVE, _minutes(work_min), work),
                  Step(StepIntensity.RECOVERY, _minutes(rest_min), JOG))
    body: tuple[Item, ...] = (Repeat(reps, reps_steps),) if reps >= 2 else reps_steps[:1]
    cool = cool_min - rest_min if reps >= 2 else cool_min
    return (Step(StepIntensity.WARMUP, _minutes(warm_min), EASY), *body,
            Step(StepIntensity.COOLDOWN, _minutes(max(cool, 1)), EASY))


def steady_steps(km: float, fast_s: float, slow_s: float) -> tuple[Item, ...]:
    """One step: `km` at a pace from `fast_s` to `slow_s` per km, so the watch keeps an easy or long run
    (or a race) at its pace. The step's time, at the middle of the range, is the session's minutes:
    give a range whose middle is the pace the session's minutes were worked out with."""
    return (Step(StepIntensity.ACTIVE, Duration(Until.DISTANCE, round(km * 1000)),
                 Target(Aim.PACE, round(fast_s), round(slow_s))),)
