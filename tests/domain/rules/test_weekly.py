"""no-recovery-day, long-run-spike, no-mobility, goal-mismatch, intensity-balance."""

from __future__ import annotations

import datetime as dt

from planner.domain.enums import Goal
from planner.domain.rules import Severity
from planner.domain.session import Exercise, WorkSet
from tests.domain.rules.helpers import MON, found, heavy_legs, lift, other, run

WEEK = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def test_seven_days_without_a_rest_day():
    sessions = [run(d, "easy", 40, 3) for d in WEEK]
    [f] = found(sessions, "no-recovery-day")
    assert f.dates == tuple(MON + dt.timedelta(days=i) for i in range(7))
    assert f.title == "Seven days without a rest day"
    assert "A convention" in f.message


def test_a_yoga_day_in_the_middle_is_a_recovery_day():
    sessions = [run(d, "easy", 40, 3) for d in WEEK if d != "thu"] + [other("thu", "mobility", "yoga")]
    assert found(sessions, "no-recovery-day") == []


def _base_runs(km: float) -> list:
    # 10 km every 5 days from 35 days before Monday: the history reaches back past 30 days
    return [run(MON - dt.timedelta(days=35 - 5 * i), "easy", 55, 3, km=km) for i in range(7)]


def test_a_run_more_than_1_1_x_the_longest_of_30_days():
    # longest of the previous 30 days is 10 km; 11.5 km is 1.15 x
    long = run("sun", "long", 70, 4, km=11.5)
    [f] = found([*_base_runs(10.0), long], "long-run-spike")
    assert f.session_ids == (long.id,)
    assert "is 11.5 km, 1.15 x the longest run of the previous 30 days (10 km)" in f.message
    assert "keeping it to 11 km (Frandsen 2025)" in f.message
    assert "bigger" not in f.message


def test_exactly_1_1_x_is_not_a_spike():
    assert found([*_base_runs(10.0), run("sun", "long", 70, 4, km=11.0)], "long-run-spike") == []


def test_no_spike_without_30_days_of_history():
    # the first run of the plan is only 10 days before: nothing to compare with yet
    first = run(MON - dt.timedelta(days=10), "easy", 40, 3, km=5.0)
    assert found([first, run("sun", "long", 90, 4, km=15.0)], "long-run-spike") == []


def test_a_week_without_mobility_and_a_week_with_foam_rolling():
    [f] = found([run("tue", "easy", 40, 3)], "no-mobility")
    assert f.severity is Severity.INFO
    assert "not injury prevention" in f.message and f.source == "Lauersen 2014"
    assert found([run("tue", "easy", 40, 3), other("wed", "mobility", "foam_rolling")], "no-mobility") == []
    assert found([], "no-mobility") == []  # an empty week is not planned yet


POSTERIOR = Exercise("Romanian deadlift", (WorkSet(8, 80, rir=2),) * 3, ("hamstrings", "glutes"))
CALF = Exercise("Standing calf raise", (WorkSet(12, 40, rir=2),) * 3, ("calves",))


def test_run_focus_with_one_strength_session():
    sessions = [run("tue", "intervals", 55, 8), lift("thu", "lower", 6, exercises=(POSTERIOR, CALF))]
    [f] = found(sessions, "goal-mismatch", goal=Goal.RUN)
    assert (f.severity, f.title) == (Severity.WARNING, "Fewer than 2 strength sessions")
    assert "has 1 strength session;" in f.message


def test_run_focus_with_two_sessions_and_posterior_chain_and_calves():
    sessions = [run("tue", "intervals", 55, 8), lift("thu", "lower", 6, exercises=(POSTERIOR,)),
                lift("sat", "full", 6, exercises=(CALF,))]
    assert found(sessions, "goal-mismatch", goal=Goal.RUN) == []
    without_calves = [*sessions[:2], lift("sat", "upper", 6)]
    assert [f.title for f in found(without_calves, "goal-mismatch", goal=Goal.RUN)] == ["No calf or ankle work"]


def test_lift_focus_with_two_hard_runs_or_a_run_before_heavy_legs():
    assert [f.title for f in found([run("tue", "tempo", 50, 7), run("fri", "intervals", 55, 8)],
                                   "goal-mismatch", goal=Goal.LIFT)] == ["More than one hard run"]
    assert found([run("tue", "tempo", 50, 7), run("fri", "easy", 40, 3)], "goal-mismatch", goal=Goal.LIFT) == []
    assert [f.title for f in found([run("mon", "easy", 30, 3), heavy_legs("tue")], "goal-mismatch",
                                   goal=Goal.LIFT)] == ["A run the day before heavy legs"]
    assert found([run("mon", "easy", 30, 3), heavy_legs("wed")], "goal-mismatch", goal=Goal.LIFT) == []


def test_balanced_with_one_side_missing():
    assert [f.title for f in found([run("tue"), run("thu")], "goal-mismatch")] == ["No lifting this week"]
    assert found([run("tue"), lift("thu")], "goal-mismatch") == []


def _two_weeks(tempo_min: int) -> list:
    # per week: three easy runs of 60 min at RPE 3 and one tempo at RPE 7
    out = []
    for w in (-1, 0):
        out += [run(d, "easy", 60, 3, weeks=w) for d in ("mon", "wed", "sat")]
        out.append(run("thu", "tempo", tempo_min, 7, weeks=w))
    return out


def test_more_than_25_percent_above_easy():
    # 2 x 70 = 140 of 2 x (180 + 70) = 500 minutes: 28 %
    [f] = found(_two_weeks(70), "intensity-balance")
    assert f.title == "28 % of running time above easy"
    assert "140 of 500 running minutes (28 %)" in f.message and "A convention" in f.message


def test_about_22_percent_above_easy_all_easy_or_lift_focus_is_silent():
    assert found(_two_weeks(50), "intensity-balance") == []  # 100 of 460: 21.7 %
    assert found([run(d, "easy", 60, 3) for d in ("mon", "wed", "sat")], "intensity-balance") == []
    assert found(_two_weeks(70), "intensity-balance", goal=Goal.LIFT) == []
