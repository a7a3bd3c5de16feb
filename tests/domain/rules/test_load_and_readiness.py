"""load-spike, high-monotony, no-deload (from the load history) and readiness-low."""

from __future__ import annotations

import datetime as dt

from planner.domain.enums import Experience, Goal
from planner.domain.profile import ReadinessEntry
from planner.domain.rules import Severity
from tests.domain.rules.helpers import MON, done, found, lift, other, run

D = dt.timedelta(days=1)


def _steady(days: int, minutes: int = 60, rpe: float = 5) -> list:
    """Cross-training every day before Monday: 60 min x RPE 5 = 300 AU a day."""
    return [other(MON - k * D, "other", minutes=minutes, rpe=rpe) for k in range(1, days + 1)]


def test_acute_chronic_ratio_above_1_5():
    # 120 steady days at 300 AU, then 900 AU a day from Monday. EWMA (Williams 2017): after k days
    # acute = 300 + 600 (1 - 0.75^k), chronic = 300 + 600 (1 - (27/29)^k).
    # k = 2: (300 + 600 x 0.4375) / (300 + 600 x 0.1332) = 562.5 / 379.9 = 1.48 (not yet)
    # k = 3: (300 + 600 x 0.5781) / (300 + 600 x 0.1929) = 646.9 / 415.7 = 1.56 -> Wednesday
    sessions = [*_steady(120), *[other(MON + k * D, "other", minutes=90, rpe=10) for k in range(3)]]
    [f] = found(sessions, "load-spike", history=True, goal=Goal.LIFT)
    assert f.severity is Severity.INFO
    assert f.dates == (MON + 2 * D,)
    assert "session-RPE load 1.56 on Wed 25 Nov" in f.message
    assert "EWMA acute:chronic ratio (7/28 days)" in f.message and "not a limit" in f.message


def test_a_ratio_under_1_5_or_too_little_history_is_silent():
    # twice the load: the ratio tends to 1.34 after 7 days (1.8665 / 1.3936), never above 1.5
    sessions = [*_steady(120), *[other(MON + k * D, "other", minutes=60, rpe=10) for k in range(7)]]
    assert found(sessions, "load-spike", history=True, goal=Goal.LIFT) == []
    # the same spike with only 20 days before it: building up, silent
    sessions = [*_steady(20), *[other(MON + k * D, "other", minutes=90, rpe=10) for k in range(3)]]
    assert found(sessions, "load-spike", history=True, goal=Goal.LIFT) == []


def _weeks_of(pattern_minutes: list[int], weeks: range) -> list:
    out = []
    for w in weeks:
        for i, m in enumerate(pattern_minutes):
            if m:
                out.append(other(MON + dt.timedelta(weeks=w, days=i), "other", minutes=m, rpe=5))
    return out


def test_high_monotony_in_a_week_above_the_athletes_norm():
    # four weeks of 4 x 300 AU (monotony 1.15, load 1200), then six days of 300 AU and a rest day:
    # mean 257.1, population SD 105.0 -> monotony 2.45, load 1800 > the 1200 norm
    sessions = _weeks_of([60, 60, 60, 60, 0, 0, 0], range(-4, 0)) + _weeks_of([60] * 6 + [0], range(0, 1))
    [f] = found(sessions, "high-monotony", history=True)
    assert f.title == "Monotony 2.4 in a heavier week"  # 2.449 shown with one decimal
    assert "1800 AU against 1200 AU" in f.message


def test_six_equal_days_every_week_are_not_flagged():
    sessions = _weeks_of([60] * 6 + [0], range(-4, 1))  # monotony 2.45 every week, load = norm
    assert found(sessions, "high-monotony", history=True) == []


def test_five_building_weeks_without_a_lighter_one():
    # weekly load rising 5 % a week: weeks -4..0 are five building weeks; the limit is 4
    sessions = []
    for k, w in enumerate(range(-4, 1)):
        sessions += _weeks_of([round(60 * 1.05 ** k)] * 4 + [0, 0, 0], range(w, w + 1))
    [f] = found(sessions, "no-deload", history=True)
    assert f.title == "5 building weeks without a lighter one"
    # weeks of 4 x 60, 63, 66, 69, 73 min at RPE 5: 1200, 1260, 1320, 1380, 1460 AU. A deload keeps
    # 60 % of the building weeks before it: 0.6 x 1290 / 1460 = 0.530 of this week's volume
    assert f.fixes[0].text == "Make the week of Mon 23 Nov a deload (53 % of its planned volume)"
    assert f.fixes[0].share == 0.53
    assert "(Rogerson 2024)" in f.message
    # a new lifter is told after 3 building weeks: week -1 is the 4th
    new = found(sessions, "no-deload", history=True, experience=Experience.NEW, first=MON - 7 * D)
    assert [x.dates[0] for x in new] == [MON - 7 * D]


def test_a_deload_week_resets_the_count():
    # building, building, deload (60 %), building, building: never more than 2 in a row
    sessions = []
    for w, m in zip(range(-4, 1), (60, 63, 38, 66, 69), strict=True):
        sessions += _weeks_of([m] * 4 + [0, 0, 0], range(w, w + 1))
    assert found(sessions, "no-deload", history=True) == []


def _fatigue(values: list[int | None]) -> list[ReadinessEntry]:
    return [ReadinessEntry(MON + i * D, fatigue=v) for i, v in enumerate(values) if v is not None]


def test_fatigue_4_on_three_days_in_a_row():
    [f] = found([lift("mon")], "readiness-low", readiness=_fatigue([3, 4, 4, 4]))
    assert f.dates == (MON + 3 * D,)
    assert "fatigue 4 or more on 3 days in a row (to Thu 26 Nov)" in f.message
    assert "not a diagnosis" not in f.message  # no fall in performance: no fatigue check
    assert f.fixes[0].text == "Make the week of Mon 30 Nov a deload (60 % of its planned volume)"


def test_fatigue_broken_by_a_3_is_silent():
    assert found([lift("mon")], "readiness-low", readiness=_fatigue([4, 4, 3, 4, 4])) == []


def test_short_sleep_on_three_of_seven_days():
    sleep = [ReadinessEntry(MON + i * D, sleep_h=h) for i, h in enumerate([5.5, 7, 5.9, 8, 5, 7, 7])]
    [f] = found([], "readiness-low", readiness=sleep)
    assert "under 6 h of sleep on 3 of 7 days" in f.message
    sleep[2] = ReadinessEntry(MON + 2 * D, sleep_h=6.0)  # 6 h is not under 6 h
    assert found([], "readiness-low", readiness=sleep) == []


def test_effort_above_plan_on_most_sessions():
    planned = [run(d, "easy", 40, 3) for d in ("mon", "tue", "wed", "thu", "fri")]
    harder = [done(s, 4) for s in planned[:3]] + [done(s, 3) for s in planned[3:]]  # 3 of 5 above plan
    [f] = found(harder, "readiness-low")
    assert "3 of 5 sessions felt harder than planned" in f.message
    two = [done(s, 4) for s in planned[:2]] + [done(s, 3) for s in planned[2:]]  # 2 of 5
    assert found(two, "readiness-low") == []


def test_fatigue_check_only_when_easy_pace_has_fallen_for_two_weeks():
    # easy runs of 8 km: 40, 42 and 44 min in three weeks: slower each week
    runs = [done(run("tue", "easy", m, 3, km=8.0, weeks=w), 3) for w, m in ((-2, 40), (-1, 42), (0, 44))]
    [f] = found(runs, "readiness-low", readiness=_fatigue([4, 4, 4]))
    assert "fatigue check with a doctor or sports-medicine professional" in f.message
    assert "This is not a diagnosis." in f.message
    steady = [done(run("tue", "easy", 42, 3, km=8.0, weeks=w), 3) for w in (-2, -1, 0)]
    [g] = found(steady, "readiness-low", readiness=_fatigue([4, 4, 4]))
    assert "fatigue check" not in g.message
