"""Week totals: counts, running volume, tonnage (SCIENCE.md §4), effective values once done."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from planner.domain.enums import Kind, Status
from planner.domain.session import Exercise, Session, WorkSet
from planner.domain.totals import WeekTotals, week_totals

DAY = dt.date(2026, 11, 23)


def run(minutes=45, km=8.0, status=Status.PLANNED, **kw) -> Session:
    return Session(kind=Kind.RUN, title="Run", duration_min=minutes, rpe=3, type="easy",
                   distance_km=km, date=DAY, status=status, **kw)


def lift(*exercises: Exercise, status=Status.PLANNED, minutes=60) -> Session:
    return Session(kind=Kind.LIFT, title="Lift", duration_min=minutes, rpe=8, type="lower",
                   exercises=exercises, date=DAY, status=status)


def test_empty_week_is_all_zero():
    assert week_totals([]) == WeekTotals()


def test_tonnage_worked_example_excludes_warmups_and_bodyweight():
    # Working sets: 5 x 5 x 100 = 2500 kg and 3 x 15 x 40 = 1800 kg -> 4300 kg.
    # The 60 kg warm-up (300 kg) and the bodyweight plank count zero (McBride 2009).
    squat = Exercise("Back squat", (WorkSet(5, 60, warmup=True),) + (WorkSet(5, 100, rpe=8),) * 5)
    calf = Exercise("Calf raise", (WorkSet(15, 40),) * 3)
    plank = Exercise("Plank", (WorkSet(1),) * 3)
    t = week_totals([lift(squat, calf, plank)])
    assert t.lift_tonnage_kg == 4300
    assert (t.lift_sessions, t.lift_min, t.sessions) == (1, 60, 1)


def test_done_sessions_count_their_actual_values():
    done = run(45, 8.0, Status.DONE, actual_duration_min=50, actual_distance_km=9.2, actual_rpe=4)
    t = week_totals([done, run(30, 5.0)])
    assert t.run_km == 14.2
    assert t.run_min == 80
    assert (t.planned, t.done, t.skipped) == (1, 1, 0)


def test_actuals_of_a_session_not_done_are_not_used():
    t = week_totals([run(45, 8.0, Status.PLANNED, actual_duration_min=90, actual_distance_km=20)])
    assert (t.run_min, t.run_km) == (45, 8.0)


def test_skipped_sessions_are_counted_but_add_no_volume():
    heavy = lift(Exercise("Deadlift", (WorkSet(5, 140),)), status=Status.SKIPPED)
    t = week_totals([run(status=Status.SKIPPED), heavy, run(30, 5.0)])
    assert (t.sessions, t.skipped, t.planned) == (3, 2, 1)
    assert (t.run_sessions, t.run_km, t.run_min) == (1, 5.0, 30)
    assert (t.lift_sessions, t.lift_tonnage_kg) == (0, 0)
    assert t.total_min == 30


def test_runs_without_distance_and_other_kinds():
    rest = Session(kind=Kind.REST, title="Rest", duration_min=0, rpe=0, date=DAY)
    yoga = Session(kind=Kind.MOBILITY, title="Yoga", duration_min=30, rpe=2, type="yoga", date=DAY)
    t = week_totals([run(40, None), rest, yoga])
    assert (t.sessions, t.run_km, t.run_min, t.total_min) == (3, 0.0, 40, 70)


def test_sums_have_no_float_noise():
    t = week_totals([run(10, 0.1), run(10, 0.2)])
    assert t.run_km == 0.3


@given(st.lists(st.tuples(st.integers(1, 600), st.floats(0, 300, allow_nan=False),
                          st.sampled_from(list(Status))), max_size=20))
def test_counts_add_up_and_volumes_ignore_skipped(items):
    sessions = [run(m, km, status) for m, km, status in items]
    t = week_totals(sessions)
    assert t.sessions == t.planned + t.done + t.skipped == len(sessions)
    kept = [s for s in sessions if s.status is not Status.SKIPPED]
    assert t.run_min == sum(s.duration_min for s in kept)
    assert abs(t.run_km - sum(s.distance_km or 0 for s in kept)) <= 0.005 + 1e-9
