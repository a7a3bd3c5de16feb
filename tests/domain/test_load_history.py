"""The history arrays: per day and per week, planned and done apart, and incremental updates."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.domain import load_series as ls
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
    # Chronic and acute load start from the fair seed, the mean daily load of the history's first
    # 28 days (here all 14): (200 + 420 + 360 + 180) / 14 AU, never from 0.
    seed = 1160 / 14
    # Fatigue (TC 7), day 0: seed + (200 - seed) / 7; day 1 (no load): that x 6/7.
    assert h.fatigue[0] == pytest.approx(seed + (200 - seed) / 7)
    assert h.fatigue[1] == pytest.approx((seed + (200 - seed) / 7) * 6 / 7)
    fitness_1 = (seed + (200 - seed) / 42) * 41 / 42
    assert h.fitness[1] == pytest.approx(fitness_1)
    # Form on day 2 = fitness(day 1) - fatigue(day 1); on day 0 it is seed - seed = 0.
    assert h.form[2] == pytest.approx(fitness_1 - (seed + (200 - seed) / 7) * 6 / 7)
    assert h.form[0] == 0
    # EWMA acute (lambda 0.25) on day 0: 50; chronic (2/29): 400/29 (the ratio's EWMAs start at 0,
    # and stay hidden for 28 days).
    assert h.acute[0] == 50 and h.chronic[0] == pytest.approx(400 / 29)


def steady(days: int) -> list[Session]:
    """A steady athlete: six 60-min runs at RPE 5 a week (300 AU) and a rest day, every week."""
    return [run(d(k), 60, 5, 10) for k in range(days) if k % 7 != 6]


@pytest.mark.parametrize("day", [28, 41])  # day 29 and day 42 of history
def test_a_steady_athlete_reads_about_even_form_from_the_start(day):
    # From 0 the same plan read -134 AU on day 29 and -100 on day 42 (issue 18); from the fair seed
    # form stays within a day's swing of 0: the acute load moves with the weekly rest day.
    h = history(steady(70))
    assert abs(h.form[day]) < 40
    # What starting from 0 gives, for the record: deeply negative.
    zero = np.zeros(h.n)
    fit, fat, form = zero.copy(), zero.copy(), zero.copy()
    ls.ewma(h.total_load, 1 / 42, fit)
    ls.ewma(h.total_load, 1 / 7, fat)
    ls.form(fit, fat, form)
    assert form[day] < -90


def test_the_seed_is_the_mean_of_the_first_28_days_only():
    # 28 days at 300 AU six days a week, then the load doubles: the seed stays 6 x 300 / 7.
    sessions = steady(28) + [run(d(k), 120, 5, 20) for k in range(28, 56)]
    h = history(sessions)
    assert ls.fair_seed(h.total_load, h.first) == pytest.approx(6 * 300 / 7)
    assert h.fitness[0] == pytest.approx(6 * 300 / 7 + (300 - 6 * 300 / 7) / 42)


def test_past_sessions_never_marked_done_leave_the_done_curves():
    # Day 0 done (200 AU), day 6 and day 9 still planned; today is day 8: day 6 is past and
    # unmarked, so chronic and acute load leave it out; day 9 is still to come and counts.
    h = LoadHistory()
    h.load(sample(), today=d(8))
    assert h.counted_load[6] == 0 and h.total_load[6] == 360
    assert h.counted_load[9] == 180
    assert h.unmarked_past() == 1
    plan = history(sample())  # no today: the plan as planned counts everywhere
    assert plan.unmarked_past() == 0 and h.fatigue[7] < plan.fatigue[7]
    # The ratios and the plan check read the plan as planned, whatever today is.
    assert h.acute.tolist() == plan.acute.tolist()
    # A rest day never marked done is not a session to mark.
    rest = Session(kind=Kind.REST, title="Rest day", duration_min=0, rpe=0, date=d(3))
    h.load([*sample(), rest], today=d(8))
    assert h.unmarked_past() == 1
    # Moving today on past day 6 counts it again, exactly as a fresh load would.
    h.set_today(d(5))
    fresh = LoadHistory()
    fresh.load([*sample(), rest], today=d(5))
    assert h.fatigue.tolist() == fresh.fatigue.tolist() and h.unmarked_past() == 0


def test_week_figures_in_any_weeks():
    h = history(sample(), first_day=WeekStart.SUN)
    # The ISO week d(0)..d(6): 200, 0, 420, 0, 0, 0, 360 AU.
    load, mono, strain = h.week_figures(MONDAY)
    days = np.array([200, 0, 420, 0, 0, 0, 360])
    assert load == 980 and mono == pytest.approx(days.mean() / days.std())
    assert strain == pytest.approx(980 * mono)


def test_with_days_leaves_the_original_alone():
    h = history(sample())
    block = {d(20): [run(d(20), 100, 5, 20)], d(9): []}
    other = h.with_days(block)
    assert other.total_load[20] == 500 and other.total_load[9] == 0
    assert h.n == 14 and h.total_load[9] == 180
    full = history([s for s in sample() if s.date != d(9)] + block[d(20)])
    assert other.fitness.tolist() == full.fitness.tolist()


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
    seed = 1160 / 14
    h = history(sample(), constants=TimeConstants(fitness_days=28, fatigue_days=5))
    assert h.fitness[0] == pytest.approx(seed + (200 - seed) / 28)
    assert h.fatigue[0] == pytest.approx(seed + (200 - seed) / 5)
    h.set_constants(TimeConstants())
    assert h.fitness[0] == pytest.approx(seed + (200 - seed) / 42)
    with pytest.raises(ValidationError, match="fewer than chronic load days"):
        TimeConstants(fitness_days=7, fatigue_days=7)


def test_sunday_weeks():
    h = history(sample(), first_day=WeekStart.SUN)
    assert h.start == MONDAY - dt.timedelta(days=1)
    assert h.week_done["load_au"].tolist()[:2] == [620, 0]
    # Sunday d(6) is the first day of the second Sunday week.
    assert h.week_planned["load_au"].tolist()[:2] == [0, 360 + 180]


def test_update_recomputes_from_the_changed_day_and_equals_a_full_load():
    sessions = steady(42)
    h = history(sessions)
    fitness_before = h.fitness.copy()
    added = run(d(33), 60, 5, 12)  # past the first 28 days: the seed stays
    sessions.append(added)
    start = h.update([d(33)], lambda day: [s for s in sessions if s.date == day])
    assert start == 33
    assert h.fitness[:33].tolist() == fitness_before[:33].tolist()
    assert h.planned["load_au"][33] == 600
    full = history(sessions)
    for name in ("fitness", "fatigue", "form", "acute", "chronic", "week_load"):
        assert getattr(h, name).tolist() == getattr(full, name).tolist(), name


def test_a_change_in_the_first_28_days_moves_the_seed():
    sessions = sample()
    h = history(sessions)
    sessions.append(run(d(11), 60, 5, 12))
    h.update([d(11)], lambda day: [s for s in sessions if s.date == day])
    full = history(sessions)
    assert h.fitness[0] == full.fitness[0] == pytest.approx(1160 / 14 + 300 / 14 + (200 - 1460 / 14) / 42)
    for name in ("fitness", "fatigue", "form"):
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


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 80), st.integers(10, 120), st.integers(1, 10), st.booleans()),
                min_size=1, max_size=30),
       st.lists(st.tuples(st.integers(-5, 90), st.integers(0, 120), st.booleans()), min_size=1, max_size=5),
       st.integers(0, 90), st.integers(0, 90))
def test_updates_and_a_moving_today_equal_a_fresh_read(rows, edits, today, later):
    """The fair seed, the done-only past and incremental updates together: whatever changes and
    wherever today moves, the arrays equal a fresh read of the same sessions."""
    status = {True: Status.DONE, False: Status.PLANNED}
    sessions = [run(d(k), m, r, status=status[done]) for k, m, r, done in rows]
    h = LoadHistory()
    h.load(sessions, today=d(today))
    for k, minutes, done in edits:
        sessions = [s for s in sessions if s.date != d(k)]
        if minutes:
            sessions.append(run(d(k), minutes, 5, status=status[done]))
        h.update([d(k)], lambda x, now=sessions: [s for s in now if s.date == x])
    h.set_today(d(later))
    full = LoadHistory()
    full.load(sessions, today=d(later))
    # (arrays never shrink when today moves back: the kept tail holds no session)
    assert h.start == full.start and h.n >= full.n and h.unmarked_past() == full.unmarked_past()
    for name in ("fitness", "fatigue", "form", "counted_load", "total_load", "acute", "chronic"):
        assert np.allclose(getattr(h, name)[:full.n], getattr(full, name)), name
