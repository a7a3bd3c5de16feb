"""Weeks from Sunday are named by their dates; after a first-day change, today stays in view;
run targets and totals in the profile's units."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.domain.enums import Kind, Status, Units, WeekStart
from planner.domain.session import Session
from planner.domain.totals import done_totals, planned_totals
from planner.domain.weeks import first_day_after_start_change, week_label
from planner.words.targets import target_in_units


def test_monday_week_keeps_its_iso_number():
    assert week_label(dt.date(2026, 11, 23)) == "Week 48 · 23–29 November 2026"
    assert week_label(dt.date(2026, 11, 30)) == "Week 49 · 30 November – 6 December 2026"


def test_sunday_week_is_named_by_its_dates():
    # The week: Sun 29 Nov - Sat 5 Dec is no ISO week; "Week 48" would be Mon 23-Sun 29 Nov.
    assert week_label(dt.date(2026, 11, 29)) == "29 November – 5 December 2026"
    assert week_label(dt.date(2026, 12, 27)) == "27 December 2026 – 2 January 2027"


@pytest.mark.parametrize(("today", "start", "expected"), [
    (dt.date(2026, 12, 6), WeekStart.SUN, dt.date(2026, 12, 6)),  # Sunday 6 Dec: its Sunday week
    (dt.date(2026, 11, 30), WeekStart.SUN, dt.date(2026, 11, 29)),
])
def test_today_stays_in_view_when_the_first_day_changes(today, start, expected):
    shown = dt.date(2026, 11, 30)  # Mon 30 Nov - Sun 6 Dec, today inside
    first = first_day_after_start_change(shown, today, start)
    assert first == expected and first <= today <= first + dt.timedelta(days=6)


def test_a_week_away_from_today_keeps_its_middle():
    shown = dt.date(2026, 11, 2)  # Mon 2 Nov; Thursday 5 Nov is in the Sunday week from 1 Nov
    assert first_day_after_start_change(shown, dt.date(2026, 11, 30), WeekStart.SUN) == dt.date(2026, 11, 1)


@pytest.mark.parametrize(("text", "imperial"), [
    # 4:25/km x 1.609344 = 426.5 s -> 7:06/mi; 5 km / 1.609344 = 3.107 -> 3.11 mi
    ("10K pace, 4:25/km; 90 s jog", "10K pace, 7:06/mi; 90 s jog"),
    ("Z2, 5:30-5:50/km", "Z2, 8:51-9:23/mi"),
    ("5:40 down to 4:50/km", "9:07 down to 7:47/mi"),
    ("Goal 1:39 (4:42/km)", "Goal 1:39 (7:34/mi)"),  # the finish time is no pace
    ("Z2, last 5 km at HM pace", "Z2, last 3.11 mi at HM pace"),
    ("Z2", "Z2"),
])
def test_targets_in_imperial(text, imperial):
    assert target_in_units(text, Units.IMPERIAL) == imperial
    assert target_in_units(text, Units.METRIC) == text


def test_planned_and_done_totals():
    day = dt.date(2026, 11, 24)
    runs = [
        Session(kind=Kind.RUN, title="A", duration_min=55, rpe=3, distance_km=9.5, date=day,
                status=Status.DONE, actual_duration_min=53, actual_distance_km=9.4),
        Session(kind=Kind.RUN, title="B", duration_min=40, rpe=3, distance_km=7.0, date=day,
                status=Status.SKIPPED),
        Session(kind=Kind.RUN, title="C", duration_min=30, rpe=3, distance_km=5.0, date=day),
    ]
    plan, done = planned_totals(runs), done_totals(runs)
    assert (plan.run_km, plan.run_min, plan.sessions) == (21.5, 125, 3)  # 9.5 + 7 + 5; 55 + 40 + 30
    assert (done.run_km, done.run_min, done.sessions) == (9.4, 53, 1)
