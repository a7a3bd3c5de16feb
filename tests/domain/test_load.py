"""Per-session and per-day load (SCIENCE.md §1, §4, §9), worked out by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.domain.enums import Intensity, Kind, Status
from planner.domain.intensity import intensity
from planner.domain.load import (
    ZERO,
    Volume,
    hard_sets_by_muscle,
    longest_run_km,
    session_volume,
    split_volume,
)
from planner.domain.session import Exercise, Session, WorkSet

DAY = dt.date(2026, 11, 23)


def run(minutes=45, km=8.0, rpe=3.0, type="easy", status=Status.PLANNED, **kw) -> Session:
    return Session(kind=Kind.RUN, title="Run", duration_min=minutes, rpe=rpe, type=type,
                   distance_km=km, date=kw.pop("date", DAY), status=status, **kw)


def lift(*exercises: Exercise, rpe=8.0, minutes=60, status=Status.PLANNED, **kw) -> Session:
    return Session(kind=Kind.LIFT, title="Lift", duration_min=minutes, rpe=rpe, type="lower",
                   exercises=exercises, date=kw.pop("date", DAY), status=status, **kw)


def test_session_rpe_load_is_rpe_times_minutes():
    # Foster 2001: RPE 3 x 45 min = 135 AU.
    assert session_volume(run(45, rpe=3)).load_au == 3 * 45 == 135


def test_done_session_uses_actual_values():
    # Planned 45 min at RPE 3; done in 50 min at RPE 4 over 9.2 km -> 4 x 50 = 200 AU.
    s = run(45, km=8, rpe=3, status=Status.DONE, actual_duration_min=50, actual_rpe=4, actual_distance_km=9.2)
    v = session_volume(s)
    assert (v.load_au, v.minutes, v.run_km, v.run_min) == (200, 50, 9.2, 50)


def test_skipped_session_adds_nothing():
    assert session_volume(run(status=Status.SKIPPED)) == ZERO


def test_easy_and_hard_run_minutes():
    # Easy: an easy run at RPE 3. Above easy: a tempo (type), RPE 5 (moderate counts as not easy).
    assert session_volume(run(40, rpe=3)).run_easy_min == 40
    assert session_volume(run(40, rpe=3)).run_hard_min == 0
    assert session_volume(run(50, rpe=6, type="tempo")).run_hard_min == 50
    moderate = session_volume(run(30, rpe=5))
    assert (moderate.run_easy_min, moderate.run_hard_min) == (0, 30)


def test_rpe_4_is_easy_and_4_5_is_not():
    # SCIENCE.md §9: easy is session RPE <= 4.
    assert intensity(run(rpe=4)) is Intensity.EASY
    assert intensity(run(rpe=4.5)) is Intensity.MODERATE
    assert intensity(run(rpe=7)) is Intensity.HARD


def test_done_run_is_classed_by_its_actual_rpe():
    # Planned easy (RPE 3), it felt like RPE 7: 60 minutes above easy.
    s = run(60, rpe=3, status=Status.DONE, actual_duration_min=60, actual_rpe=7)
    v = session_volume(s)
    assert (v.run_easy_min, v.run_hard_min) == (0, 60)


def test_tonnage_and_hard_sets_by_muscle():
    # Back squat: 1 warm-up + 4 working sets of 5 x 100 kg: RPE 8, 8, 6 and RIR 2 (= RPE 8).
    #   tonnage 4 x 5 x 100 = 2000 kg; hard sets (RPE >= 7) = 3 (the RPE 6 set is not hard).
    # Calf raise: 3 x 15 x 40 kg without RPE -> tonnage 1800, no hard sets.
    squat = Exercise("Back squat", (WorkSet(5, 60, warmup=True, rpe=9), WorkSet(5, 100, rpe=8),
                                    WorkSet(5, 100, rpe=8), WorkSet(5, 100, rpe=6), WorkSet(5, 100, rir=2)),
                     muscles=("quads", "glutes", "adductors"))
    calf = Exercise("Calf raise", (WorkSet(15, 40),) * 3, muscles=("calves",))
    v = session_volume(lift(squat, calf))
    assert v.tonnage_kg == 4 * 5 * 100 + 3 * 15 * 40 == 3800
    assert v.hard_sets == 3
    # 3 hard sets: quads (main) 3 x 1 = 3; glutes and adductors 3 x 0.5 = 1.5 each (Pelland 2024).
    assert dict(v.hard_sets_by_muscle) == {"quads": 3.0, "glutes": 1.5, "adductors": 1.5}
    assert hard_sets_by_muscle(lift(squat, calf)) == {"quads": 3.0, "glutes": 1.5, "adductors": 1.5}


def test_rir_3_is_hard_and_rir_4_is_not():
    # RIR 3 = RPE 7 (hard); RIR 4 = RPE 6 (not hard), Zourdos 2016.
    e = Exercise("Bench press", (WorkSet(5, 80, rir=3), WorkSet(5, 80, rir=4)), muscles=("chest", "triceps"))
    assert hard_sets_by_muscle(lift(e)) == {"chest": 1.0, "triceps": 0.5}


def test_session_rpe_never_makes_a_set_hard():
    # Session RPE 9, but the sets carry no set RPE: no hard sets (the two scales are never mixed).
    e = Exercise("Deadlift", (WorkSet(3, 140),) * 3, muscles=("glutes", "hamstrings"))
    assert session_volume(lift(e, rpe=9)).hard_sets == 0


def test_split_keeps_planned_and_done_apart():
    # Done: 50 min at RPE 4 = 200 AU, 9 km. Planned: 60 min lift at RPE 8 = 480 AU; 30 min run at
    # RPE 3 = 90 AU, 5 km. Skipped: nothing.
    done = run(45, km=8, status=Status.DONE, actual_duration_min=50, actual_rpe=4, actual_distance_km=9)
    sp = split_volume([done, lift(minutes=60, rpe=8), run(30, km=5, rpe=3), run(90, km=18, status=Status.SKIPPED)])
    assert (sp.done.load_au, sp.done.run_km, sp.done.sessions) == (200, 9, 1)
    assert (sp.planned.load_au, sp.planned.run_km, sp.planned.sessions) == (480 + 90, 5, 2)
    assert sp.total.load_au == 200 + 570 == 770
    assert sp.longest_run_km == 9


def test_volumes_add_field_by_field():
    a = Volume(load_au=100, sessions=1, hard_sets_by_muscle={"quads": 3.0}, longest_run_km=10)
    b = Volume(load_au=50, sessions=1, hard_sets_by_muscle={"quads": 1.0, "calves": 2.0}, longest_run_km=12)
    c = a.plus(b)
    assert (c.load_au, c.sessions, c.longest_run_km) == (150, 2, 12)
    assert dict(c.hard_sets_by_muscle) == {"quads": 4.0, "calves": 2.0}


def test_longest_run_ignores_skipped_and_lifts():
    assert longest_run_km([run(km=12), run(km=20, status=Status.SKIPPED), lift()]) == 12


@pytest.mark.parametrize("status", [Status.PLANNED, Status.DONE])
def test_lift_load_counts_in_minutes_not_in_run_minutes(status):
    v = session_volume(lift(minutes=45, rpe=6, status=status))
    assert (v.load_au, v.run_min, v.run_easy_min, v.run_hard_min) == (6 * 45, 0, 0, 0)
