"""A structured run's steps: the checks, and the time and distance the session takes from them."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from planner.domain.enums import Kind, RunType
from planner.domain.errors import ValidationError
from planner.domain.generator.runs import easy_session, long_session, quality, quality_session, race_session
from planner.domain.paces import TrainingPaces
from planner.domain.rules.edits import deloaded, easy_run, shortened
from planner.domain.session import Session, SessionContent
from planner.domain.steps import (
    Aim,
    Duration,
    Repeat,
    Step,
    StepIntensity,
    Target,
    Until,
    totals,
)

JOG = Target(word="jog")
EASY = Target(word="easy")
REP = Target(Aim.PACE, 250, 260)  # 4:10-4:20/km
SIX_BY_800 = (
    Step(StepIntensity.WARMUP, Duration(Until.TIME, 900), EASY),
    Repeat(6, (Step(StepIntensity.ACTIVE, Duration(Until.DISTANCE, 800), REP),
               Step(StepIntensity.RECOVERY, Duration(Until.TIME, 120), JOG))),
    Step(StepIntensity.COOLDOWN, Duration(Until.TIME, 600), EASY),
)


def run(steps, **kw) -> SessionContent:
    return SessionContent(kind=Kind.RUN, title="Intervals", duration_min=kw.pop("duration_min", 30), rpe=8,
                          steps=steps, **kw)


def test_six_by_800_totals_worked_by_hand():
    # 900 + 6 x (800 m at 255 s/km = 204 s) + 6 x 120 + 600 = 3444 s; 4800 m known, the easy parts open
    t = totals(SIX_BY_800)
    assert (t.seconds, t.metres, t.complete_time, t.complete_distance) == (3444, 4800, True, False)


def test_session_takes_its_duration_from_the_steps_and_keeps_its_distance_when_steps_cannot_tell():
    s = run(SIX_BY_800, distance_km=9.5)
    assert s.duration_min == 57  # 3444 s = 57.4 min
    assert s.distance_km == 9.5


def test_session_takes_its_distance_when_every_step_has_one():
    steps = (Step(StepIntensity.ACTIVE, Duration(Until.DISTANCE, 15_000), Target(Aim.PACE, 340, 340)),
             Step(StepIntensity.ACTIVE, Duration(Until.DISTANCE, 5_000), Target(Aim.PACE, 283, 283)))
    s = run(steps, distance_km=3.0)
    assert s.distance_km == 20.0
    assert s.duration_min == 109  # 15 x 340 + 5 x 283 = 6515 s = 108.6 min


def test_a_lap_step_leaves_duration_and_distance_as_typed():
    s = run((Step(StepIntensity.ACTIVE, Duration(Until.LAP)),), duration_min=42, distance_km=7.0)
    assert (s.duration_min, s.distance_km) == (42, 7.0)


def test_only_runs_hold_steps():
    with pytest.raises(ValidationError, match="only a run has steps"):
        SessionContent(kind=Kind.LIFT, title="Squat", duration_min=60, rpe=8, steps=SIX_BY_800)


@pytest.mark.parametrize(("make", "message"), [
    (lambda: Target(Aim.PACE, 261, 250), "the first number must not be above the second"),
    (lambda: Target(Aim.PACE, 119, 250), "pace: must be between 120 and 900 s/km"),
    (lambda: Target(Aim.PACE, 120, 900), None),
    (lambda: Target(Aim.PACE, 120, 901), "pace: must be between 120 and 900 s/km"),
    (lambda: Target(Aim.HR_ZONE, 6, 6), "heart-rate zone: must be between 1 and 5"),
    (lambda: Target(Aim.HR_ZONE, 2, 3), "a step aims at one zone"),
    (lambda: Target(Aim.HR_RANGE, 39, 150), "heart rate: must be between 40 and 230 bpm"),
    (lambda: Target(word="4:15/km"), "must be letters, spaces or hyphens"),
    (lambda: Target(Aim.PACE, 250, 260, word="fast"), "only an open target carries a word"),
    (lambda: Duration(Until.TIME, 0), "step time: must be between 1 and 36000 s"),
    (lambda: Duration(Until.TIME, 36_000), None),
    (lambda: Duration(Until.DISTANCE, 0.5), "step distance: must be between 1 and 300000 m"),
    (lambda: Repeat(1, (Step(StepIntensity.ACTIVE, Duration(Until.LAP)),)), "repeats: must be between 2 and 99"),
    (lambda: Repeat(2, ()), "a repeat needs at least one step"),
])
def test_checks_say_what_is_wrong(make, message):
    if message is None:
        make()
        return
    with pytest.raises(ValidationError, match=message):
        make()


def test_at_most_fifty_steps():
    one = Step(StepIntensity.ACTIVE, Duration(Until.TIME, 60))
    run((one,) * 50)
    with pytest.raises(ValidationError, match=r"at most 50 steps, repeats counted once \(got 51\)"):
        run((one,) * 51)


def test_a_generated_hard_run_gets_steps_at_its_planned_pace_and_keeps_its_minutes():
    p = TrainingPaces.from_easy_pace(330)
    for kind in (RunType.TEMPO, RunType.INTERVALS, RunType.HILLS):
        for step in range(4):
            q = quality(kind, step)
            s = quality_session(q, p)
            assert s.duration_min == q.minutes()
            work = s.steps[1].steps[0]
            assert s.steps[1].times == q.reps
            if kind is RunType.HILLS:
                assert work.target == Target(word="hard uphill")
            else:  # threshold or interval pace, +/- 3 s as the target text says
                fast = q.fast_pace(p)
                assert (work.target.low, work.target.high) == (round(fast - 3), round(fast + 3))


@pytest.mark.parametrize("km", [5.0, 8.3, 12.7, 21.1])
def test_generated_easy_long_and_race_runs_get_one_step_at_their_pace_and_keep_their_distance(km):
    p = TrainingPaces.from_easy_pace(330)
    for s, (fast, slow) in ((easy_session(km, p), p.easy), (long_session(km, p), p.easy),
                            (race_session(km, p), (p.race_pace(km) - 2, p.race_pace(km) + 2))):
        (step,) = s.steps
        assert (step.duration, step.target) == (Duration(Until.DISTANCE, km * 1000),
                                                Target(Aim.PACE, round(fast), round(slow)))
        assert s.distance_km == km
        assert abs(s.duration_min - km * (fast + slow) / 2 / 60) <= 1  # the range's middle, whole seconds


def on_a_day(c: SessionContent, day: dt.date) -> Session:
    return Session(**{f.name: getattr(c, f.name) for f in dataclasses.fields(SessionContent)}, date=day)


def test_plan_check_fixes_change_the_steps_too():
    long = on_a_day(long_session(20.0, TrainingPaces.from_easy_pace(340)), dt.date(2026, 12, 13))
    short = shortened(long, 18.0)
    assert (short.distance_km, short.steps[0].duration.amount) == (18.0, 18_000)
    assert abs(short.duration_min - 102) <= 1  # 18 km at the easy range's middle, about 5:40/km
    intervals = on_a_day(run(SIX_BY_800, distance_km=9.5), dt.date(2026, 12, 8))
    lighter = deloaded(intervals)  # 60 %: 4 repetitions instead of 6, warm-up and cool-down 9 and 6 min
    assert (lighter.steps[1].times, lighter.steps[0].duration.amount, lighter.steps[2].duration.amount) == (4, 540, 360)
    assert lighter.duration_min == 37  # 540 + 4 x (204 + 120) + 360 = 2196 s
    assert easy_run(intervals).steps == ()
