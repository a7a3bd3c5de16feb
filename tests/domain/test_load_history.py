"""The history arrays: per day and per week, planned and done apart, and incremental updates."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.domain.enums import Kind, Status, WeekStart
from planner.domain.errors import ValidationError
from planner.domain.load_history import LoadHistory, TimeConstants
from planner.domain.session import Exercise, Session, WorkSet

MONDAY = dt.date(2026, 11, 2)


def run(day, minutes=40, rpe=3.0, km=8.0, status=Status.PLANNED, **kw) -> Session:
    return Session(kind=Kind.RUN, title="Run", type=kw.pop("type", "easy"), duration_min=minutes, rpe=rpe,
                   distance_km=km, date=day, status=status, **kw)


def lift(day, minutes=60, rpe=7.0, status=Status.PLANNED) -> Session:
    squat = Exercise("Back squat", (WorkSet(5, 100, rpe=8),) * 3, muscles=("quads", "glutes"))
    return Session(kind=Kind.LIFT, title="Lift", type="lower", duration_min=minutes, rpe=rpe,
                   exercises=(squat,), date=day, status=status)


def d(k: int) -> dt.date:
    return MONDAY + dt.timedelta(days=k)


def sample() -> list[Session]:
    return [
        run(d(0), 40, 3, 8, Status.DONE, actual_duration_min=50, actual_rpe=4, actual_distance_km=10),
        lift(d(2), 60, 7, Status.DONE),
        run(d(6), 90, 4, 18),
        run(d(9), 30, 6, 6, type="tempo"),
        lift(d(9), 45, 6, Status.SKIPPED),
    ]


def history(sessions, **kw) -> LoadHistory:
    h = LoadHistory(**kw)
    h.load(sessions)
    return h


def test_range_is_whole_weeks_from_the_first_week():
    h = history(sample())
    assert h.start == MONDAY and h.n == 14 and h.first == 0
    assert h.week_starts() == [MONDAY, d(7)]


def test_daily_arrays_keep_planned_and_done_apart():
    h = history(sample())
    # Day 0 done: 4 x 50 = 200 AU, 10 km; day 2 done: 7 x 60 = 420 AU, 3 x 5 x 100 = 1500 kg;
    # day 6 planned: 4 x 90 = 360 AU, 18 km; day 9 planned: 6 x 30 = 180 AU (skipped lift: 0).
    assert h.done["load_au"][:7].tolist() == [200, 0, 420, 0, 0, 0, 0]
    assert h.planned["load_au"][:10].tolist() == [0, 0, 0, 0, 0, 0, 360, 0, 0, 180]
    assert h.done["run_km"][0] == 10 and h.planned["run_km"][6] == 18
    assert h.done["tonnage_kg"][2] == 1500
    assert h.done["hard_sets"][2] == 3
    assert h.planned["run_hard_min"][9] == 30 and h.planned["run_easy_min"][6] == 90


def test_weekly_sums_and_monotony():
    h = history(sample())
    assert h.week_done["load_au"].tolist() == [620, 0]
    assert h.week_planned["load_au"].tolist() == [360, 180]
    assert h.week_done["run_km"].tolist() == [10, 0]
    # Week 1 total daily loads 200, 0, 420, 0, 0, 0, 360: sum 980, mean 140, population SD
    # sqrt((60^2 + 140^2 + 280^2 + 3 x 140^2 + 220^2) / 7) = sqrt(208800 / 7).
    assert h.week_load[0] == 980
    assert 60**2 + 140**2 + 280**2 + 3 * 140**2 + 220**2 == 3600 + 19600 + 78400 + 58800 + 48400 == 208800
    sd = (208800 / 7) ** 0.5
    assert h.monotony[0] == pytest.approx(140 / sd)
    assert h.strain[0] == pytest.approx(980 * 140 / sd)


def test_hard_sets_by_muscle_for_a_week():
    h = history(sample())
    planned, done = h.hard_sets_by_muscle(MONDAY)
    # Done lift on day 2: 3 hard sets -> quads 3, glutes 1.5. Nothing planned.
    assert dict(done) == {"quads": 3.0, "glutes": 1.5}
    assert dict(planned) == {}
    assert h.hard_sets_by_muscle(d(7)) == ({}, {})  # the week-2 lift was skipped


def test_series_building_up_and_fitness_by_hand():
    h = history(sample())
    # Only 14 days of history: every ratio is "building up" (NaN) and flagged.
    assert h.building.all()
    assert np.isnan(h.acwr).all() and np.isnan(h.acwr_uncoupled).all()
    # Fatigue (TC 7): day 0: 200/7; day 1: 200/7 * 6/7. Fitness (TC 42): 200/42, then * 41/42.
    assert h.fatigue[0] == pytest.approx(200 / 7)
    assert h.fatigue[1] == pytest.approx(200 / 7 * 6 / 7)
    assert h.fitness[1] == pytest.approx(200 / 42 * 41 / 42)
    # Form on day 2 = fitness(day 1) - fatigue(day 1).
    assert h.form[2] == pytest.approx(200 / 42 * 41 / 42 - 200 / 7 * 6 / 7)
    # EWMA acute (lambda 0.25) on day 0: 50; chronic (2/29): 400/29.
    assert h.acute[0] == 50 and h.chronic[0] == pytest.approx(400 / 29)


def test_ratio_appears_on_the_28th_day():
    # One 100 AU run a day for 28 days: day 27 is the 28th day of history.
    h = history([run(d(k), 25, 4, 5) for k in range(28)])
    assert np.isnan(h.acwr[26]) and not np.isnan(h.acwr[27])
    # Uncoupled on day 27: mean(100 x 7) / mean(100 x 21) = 1.
    assert h.acwr_uncoupled[27] == 1.0


def test_spike_found_through_planned_runs():
    h = history(sample())
    # Day 6: planned 18 km vs 10 km done on day 0 -> 1.8.
    assert h.spike[6] == pytest.approx(1.8)
    assert np.flatnonzero(~np.isnan(h.spike)).tolist() == [6]


def test_user_time_constants():
    h = history(sample(), constants=TimeConstants(fitness_days=28, fatigue_days=5))
    assert h.fitness[0] == pytest.approx(200 / 28) and h.fatigue[0] == pytest.approx(200 / 5)
    h.set_constants(TimeConstants())
    assert h.fitness[0] == pytest.approx(200 / 42)
    with pytest.raises(ValidationError, match="fewer than chronic load days"):
        TimeConstants(fitness_days=7, fatigue_days=7)


def test_sunday_weeks():
    h = history(sample(), first_day=WeekStart.SUN)
    assert h.start == MONDAY - dt.timedelta(days=1)
    assert h.week_done["load_au"].tolist()[:2] == [620, 0]
    # Sunday d(6) is the first day of the second Sunday week.
    assert h.week_planned["load_au"].tolist()[:2] == [0, 360 + 180]


def test_update_recomputes_from_the_changed_day_and_equals_a_full_load():
    sessions = sample()
    h = history(sessions)
    fitness_before = h.fitness.copy()
    added = run(d(11), 60, 5, 12)
    sessions.append(added)
    start = h.update([d(11)], lambda day: [s for s in sessions if s.date == day])
    assert start == 11
    assert h.fitness[:11].tolist() == fitness_before[:11].tolist()
    assert h.planned["load_au"][11] == 300
    full = history(sessions)
    for name in ("fitness", "fatigue", "form", "acute", "chronic", "week_load"):
        assert getattr(h, name).tolist() == getattr(full, name).tolist(), name


def test_update_outside_the_range_grows_it():
    sessions = sample()
    h = history(sessions)
    sessions.append(run(d(30), 30, 3, 5))
    h.update([d(30)], lambda day: [s for s in sessions if s.date == day])
    assert h.n == 35 and h.planned["load_au"][30] == 90
    earlier = run(d(-3), 30, 3, 5)
    sessions.append(earlier)
    h.update([d(-3)], lambda day: [s for s in sessions if s.date == day])
    assert h.start == d(-7) and h.first == 4 and h.planned["load_au"][4] == 90


def test_removing_every_session_empties_the_history():
    sessions = sample()
    h = history(sessions)
    h.update({s.date for s in sessions}, lambda day: [])
    assert h.empty and h.total_load.sum() == 0


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(10, 120), st.integers(1, 10)), min_size=1, max_size=25),
       st.integers(0, 60), st.integers(10, 120))
def test_any_update_equals_a_full_recompute(rows, day, minutes):
    sessions = [run(d(k), m, r) for k, m, r in rows]
    h = history(sessions)
    sessions.append(run(d(day), minutes, 5))
    h.update([d(day)], lambda x: [s for s in sessions if s.date == x])
    full = history(sessions)
    assert h.start == full.start and h.n == full.n
    for name in ("fitness", "fatigue", "form", "acute", "chronic", "week_load", "total_load"):
        assert np.allclose(getattr(h, name), getattr(full, name)), name
    assert np.array_equal(np.isnan(h.acwr), np.isnan(full.acwr))
    assert np.allclose(h.acwr_uncoupled, full.acwr_uncoupled, equal_nan=True)
