"""The report's load object (`report --week ... --json`), numbers worked out by hand."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from planner.domain.enums import Kind, Status
from planner.domain.session import Exercise, Session, WorkSet
from planner.io.report import build_report, context_for_week, to_text

MONDAY = dt.date(2026, 11, 23)
SUNDAY = MONDAY + dt.timedelta(days=6)


def run(day: dt.date, km: float = 8.0, minutes: int = 40, rpe: float = 5.0, **kw) -> Session:
    return Session(kind=Kind.RUN, type="easy", title="Run", duration_min=minutes, rpe=rpe, distance_km=km,
                   date=day, status=kw.pop("status", Status.DONE), **kw)


def report_of(sessions: list[Session]) -> dict:
    def between(first: dt.date, last: dt.date) -> list[Session]:
        return [s for s in sessions if first <= s.date <= last]

    return build_report(context_for_week(MONDAY, between))


def steady_month(spike_km: float | None = None) -> list[Session]:
    """The 28 days ending on the report's Sunday (Mon 2 Nov .. Sun 29 Nov), one
    40-min run at RPE 5 a day = 200 AU a day; 8 km each, or `spike_km` on the week's Saturday."""
    first = SUNDAY - dt.timedelta(days=27)
    out = []
    for k in range(28):
        day = first + dt.timedelta(days=k)
        km = spike_km if spike_km is not None and day == SUNDAY - dt.timedelta(days=1) else 8.0
        out.append(run(day, km))
    return out


def test_a_steady_month_by_hand():
    load = report_of(steady_month())["load"]
    # 200 AU a day from 0: after k days an EWMA with lambda l is 200 x (1 - (1 - l)^k).
    # Sunday is day k = 28. Acute lambda 0.25, chronic 2/29 (Williams 2017).
    acute = 200 * (1 - 0.75**28)
    chronic = 200 * (1 - (27 / 29) ** 28)
    assert load["date"] == "2026-11-29" and load["building_up"] is False
    assert load["acwr"] == {"ewma": round(acute / chronic, 2), "uncoupled": 1.0}  # 200 / 200
    assert round(acute / chronic, 2) == round(199.94 / 172.96, 2) == 1.16
    # Chronic (TC 42) and acute (TC 7) load start from the mean daily load of the first 28 days,
    # 200 AU, and stay there: a steady athlete reads even form. From 0 they would read
    # 200 x (1 - (41/42)^28) = 98.1 and 200 x (1 - (6/7)^28) = 197.3, form about -100 (issue 18).
    assert load["fitness"] == 200.0 and load["fatigue"] == 200.0 and load["form"] == 0.0
    assert round(200 * (1 - (41 / 42) ** 28), 1) == 98.1 and round(200 * (1 - (6 / 7) ** 28), 1) == 197.3
    assert load["unmarked_past_sessions"] == 0
    # Seven equal days: SD 0, monotony and strain undefined (Foster 1998).
    assert load["monotony"] is None and load["strain"] is None
    assert load["long_run_spike"] is None and load["hard_sets_by_muscle"] == {}


def test_spike_on_saturday():
    # Saturday 9 km vs 8 km, the longest of the previous 30 days: 9 / 8 = 1.125 > 1.1 (Frandsen 2025).
    spike = report_of(steady_month(spike_km=9.0))["load"]["long_run_spike"]
    assert spike == {"date": "2026-11-28", "ratio": 1.12, "distance_km": 9.0, "previous_longest_km": 8.0}
    assert round(9 / 8, 2) == 1.12  # Python rounds half to even: 1.125 -> 1.12


def test_the_largest_spike_of_the_week_not_the_first():
    # Tuesday 9 km (1.125 x 8 km), then Saturday 12 km (1.33 x the 9 km of Tuesday): Saturday's.
    sessions = steady_month()
    sessions[22] = run(MONDAY + dt.timedelta(days=1), 9.0)
    sessions[26] = run(MONDAY + dt.timedelta(days=5), 12.0)
    spike = report_of(sessions)["load"]["long_run_spike"]
    assert spike == {"date": "2026-11-28", "ratio": 1.33, "distance_km": 12.0, "previous_longest_km": 9.0}
    # Two equal spikes: the earlier one.
    sessions[26] = run(MONDAY + dt.timedelta(days=5), 8.0)
    assert report_of(sessions)["load"]["long_run_spike"]["date"] == "2026-11-24"


def test_past_sessions_never_marked_done_are_counted_and_said():
    # The month's first 12 runs stay planned; today is the report's Sunday: they are past and
    # unmarked, so chronic and acute load leave them out, and the report says how many.
    sessions = [s.replace(status=Status.PLANNED) if k < 12 else s for k, s in enumerate(steady_month())]

    def between(first: dt.date, last: dt.date) -> list[Session]:
        return [s for s in sessions if first <= s.date <= last]

    ctx = context_for_week(MONDAY, between, today=SUNDAY)
    report = build_report(ctx)
    assert report["load"]["unmarked_past_sessions"] == 12
    assert report["load"]["fitness"] < 200.0
    assert "  12 past sessions not marked done: counted as not done in chronic load, acute load and form" \
        in to_text(report)
    # The ratios read the plan as planned: unchanged.
    assert report["load"]["acwr"] == report_of(steady_month())["load"]["acwr"]


def test_building_up_under_28_days():
    # 27 days of history on Sunday: every ratio and curve is null, flagged as building up.
    load = report_of(steady_month()[1:])["load"]
    assert load["building_up"] is True
    assert load["acwr"] == {"ewma": None, "uncoupled": None}
    assert (load["fitness"], load["fatigue"], load["form"]) == (None, None, None)
    text = to_text(report_of(steady_month()[1:]))
    assert "(building up: under 28 days of history)" in text
    assert "EWMA 7/28 d building up, uncoupled building up" in text


def test_monotony_strain_and_hard_sets_of_the_week():
    # Mon: run 40 min x RPE 5 = 200 AU (done). Wed: lift 60 min x RPE 8 = 480 AU (planned) with
    # 3 hard squat sets (RPE 8) -> quads 3, glutes 1.5, plus 2 bench sets at RIR 4 (RPE 6, not hard).
    squat = Exercise("Back squat", (WorkSet(5, 100, rpe=8),) * 3, muscles=("quads", "glutes"))
    bench = Exercise("Bench press", (WorkSet(5, 80, rir=4),) * 2, muscles=("chest", "triceps"))
    legs = Session(kind=Kind.LIFT, type="lower", title="Legs", duration_min=60, rpe=8,
                   exercises=(squat, bench), date=MONDAY + dt.timedelta(days=2))
    r = report_of([run(MONDAY), legs])
    load = r["load"]
    # Daily loads 200, 0, 480, 0, 0, 0, 0: sum 680, mean 680/7.
    # Population SD: sqrt(sum((x - mean)^2) / 7).
    mean = 680 / 7
    sd = math.sqrt(((200 - mean) ** 2 + (480 - mean) ** 2 + 5 * mean**2) / 7)
    assert load["monotony"] == round(mean / sd, 2) == 0.57
    assert load["strain"] == round(680 * mean / sd, 1)
    assert load["hard_sets_by_muscle"] == {"quads": 3.0, "glutes": 1.5}
    assert r["totals"]["hard_sets"] == 3 and r["totals"]["load_au"] == 680
    assert "hard sets: quads 3, glutes 1.5" in to_text(r)


def test_history_before_the_week_counts():
    # A 20 km run 10 days before the week makes Saturday's 21 km no spike (21/20 = 1.05).
    before = run(MONDAY - dt.timedelta(days=10), 20.0, 120)
    load = report_of([before, run(SUNDAY - dt.timedelta(days=1), 21.0, 120)])["load"]
    assert load["long_run_spike"] is None
    load = report_of([run(MONDAY - dt.timedelta(days=10), 18.0, 120),
                      run(SUNDAY - dt.timedelta(days=1), 21.0, 120)])["load"]
    assert load["long_run_spike"]["ratio"] == pytest.approx(round(21 / 18, 2))
