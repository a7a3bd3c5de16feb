"""hard-run-after-heavy-legs, heavy-legs-after-hard-run, back-to-back-hard-days, same-day-order.

Each rule has a case that fires and a close case that must not; times and goals are written out.
"""

from __future__ import annotations

from planner.domain.enums import Experience, Goal
from planner.domain.rules import Severity
from tests.domain.rules.helpers import found, heavy_legs, lift, run

RULE = "hard-run-after-heavy-legs"


def test_interval_run_4_h_after_heavy_legs_is_an_alert():
    # squat 07:00-08:00, intervals at 12:00: 4 h between the end of one and the start of the other
    legs, ints = heavy_legs("tue", "07:00"), run("tue", "intervals", 55, 8, "12:00")
    [f] = found([legs, ints], RULE)
    assert f.severity is Severity.ALERT
    assert f.title == "Hard run 4 h after heavy legs"
    assert f.session_ids == (legs.id, ints.id)
    assert f.message.endswith("(Robineau 2016)")
    assert "starts 4 h after 'Heavy lower body' ends" in f.message


def test_long_run_next_morning_is_a_warning():
    # squat Tue 07:00-08:00, long run (type long, easy effort) Wed 07:00: 23 h
    [f] = found([heavy_legs("tue", "07:00"), run("wed", "long", 100, 4, "07:00")], RULE)
    assert (f.severity, f.title) == (Severity.WARNING, "Long run 23 h after heavy legs")
    assert f.source == "Doma & Deakin 2013"


def test_gap_of_6_h_is_a_warning_not_an_alert():
    # 07:00-08:00 then 14:00: exactly 6 h
    [f] = found([heavy_legs("tue", "07:00"), run("tue", "tempo", 50, 7, "14:00")], RULE)
    assert f.severity is Severity.WARNING


def test_25_h_is_silent_for_some_experience_and_info_for_a_new_lifter():
    # squat Tue 07:00-08:00, tempo Wed 09:00: 25 h
    sessions = [heavy_legs("tue", "07:00"), run("wed", "tempo", 50, 7, "09:00")]
    assert found(sessions, RULE, experience=Experience.SOME) == []
    [f] = found(sessions, RULE, experience=Experience.NEW)
    assert (f.severity, f.source) == (Severity.INFO, "Doma 2017")


def test_49_h_is_silent_even_for_a_new_lifter():
    # squat Tue 07:00-08:00, tempo Thu 09:00: 49 h
    assert found([heavy_legs("tue", "07:00"), run("thu", "tempo", 50, 7, "09:00")], RULE,
                 experience=Experience.NEW) == []


def test_easy_run_after_heavy_legs_is_fine():
    # squat 07:00-08:00, easy 40 min at RPE 3 at 09:00 (1 h later): not hard, not long
    assert found([heavy_legs("tue", "07:00"), run("tue", "easy", 40, 3, "09:00")], RULE) == []


def test_untimed_sessions_on_one_day_count_as_back_to_back():
    [f] = found([heavy_legs("tue"), run("tue", "intervals", 55, 8)], RULE)
    assert f.severity is Severity.ALERT
    assert "No start times are set" in f.message


def test_heavy_legs_the_day_after_intervals():
    ints, legs = run("tue", "intervals", 55, 8, "07:00"), heavy_legs("wed", "07:00")
    [f] = found([ints, legs], "heavy-legs-after-hard-run")
    assert f.severity is Severity.WARNING
    assert f.dates == (ints.date, legs.date)
    assert "upper body or core the day after a hard run" in f.message
    # the pair is not reported a second time as two hard days in a row
    assert found([ints, legs], "back-to-back-hard-days") == []


def test_upper_body_the_day_after_intervals_is_what_the_article_recommends():
    # a hard upper-body lift (RPE 8) is not a hard day
    sessions = [run("tue", "intervals", 55, 8), lift("wed", "upper", 8)]
    assert found(sessions, "heavy-legs-after-hard-run") == []
    assert found(sessions, "back-to-back-hard-days") == []


def test_two_hard_runs_in_a_row():
    tempo, long = run("fri", "tempo", 50, 7), run("sat", "long", 100, 4)
    [f] = found([tempo, long], "back-to-back-hard-days")
    assert f.dates == (tempo.date, long.date)
    assert "A convention" in f.message


def test_hard_days_with_an_easy_day_between():
    assert found([run("thu", "tempo", 50, 7), run("fri", "easy", 40, 3), run("sat", "long", 100, 4)],
                 "back-to-back-hard-days") == []


def test_same_day_run_before_heavy_legs_for_lift_focus():
    # tempo 07:00-07:50, squat at 10:00: 2 h 10 min; lift focus wants the lift first
    tempo, legs = run("tue", "tempo", 50, 7, "07:00"), heavy_legs("tue", "10:00")
    [f] = found([tempo, legs], "same-day-order", goal=Goal.LIFT)
    assert (f.severity, f.title) == (Severity.ALERT, "Wrong order for your goal: lift first")
    [g] = found([tempo, heavy_legs("tue", "12:00")], "same-day-order", goal=Goal.LIFT)  # 4 h 10 min
    assert g.severity is Severity.WARNING


def test_same_day_order_6_h_apart_or_balanced_is_silent():
    assert found([run("tue", "tempo", 50, 7, "07:00"), heavy_legs("tue", "14:00")], "same-day-order",
                 goal=Goal.LIFT) == []  # 6 h 10 min
    assert found([run("tue", "tempo", 50, 7, "07:00"), heavy_legs("tue", "10:00")], "same-day-order",
                 goal=Goal.BALANCED) == []


def test_same_day_order_for_run_focus_and_no_repeat_of_heavy_legs_rule():
    # run focus wants the run first: a hard upper lift 07:00-07:50 then intervals at 11:00 (3 h 10 min)
    [f] = found([lift("tue", "upper", 8, 50, "07:00"), run("tue", "intervals", 55, 8, "11:00")],
                "same-day-order", goal=Goal.RUN)
    assert (f.severity, f.title) == (Severity.WARNING, "Wrong order for your goal: run first")
    # heavy legs first then intervals: hard-run-after-heavy-legs reports it, same-day-order does not
    sessions = [heavy_legs("tue", "07:00"), run("tue", "intervals", 55, 8, "11:00")]
    assert found(sessions, "same-day-order", goal=Goal.RUN) == []
    assert len(found(sessions, RULE, goal=Goal.RUN)) == 1
