"""Compliance bands of TrainingPeaks' colour coding (SCIENCE.md §9), percent rounded before banding."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.domain.compliance import Band, Basis, Compliance, band, compliance, percent
from planner.domain.enums import Kind, Status
from planner.domain.session import Session

TODAY = dt.date(2026, 11, 25)


def run(**kw) -> Session:
    base = dict(kind=Kind.RUN, title="Easy run", duration_min=55, rpe=3, type="easy", distance_km=9.5,
                date=TODAY)
    base.update(kw)
    return Session(**base)


@pytest.mark.parametrize(("pct", "expected"), [
    (49, Band.RED), (50, Band.YELLOW), (79, Band.YELLOW), (80, Band.GREEN), (100, Band.GREEN),
    (120, Band.GREEN), (121, Band.YELLOW), (150, Band.YELLOW), (151, Band.RED), (0, Band.RED),
])
def test_band_edges(pct, expected):
    assert band(pct) == expected


def test_percent_rounds_half_up_exactly():
    # 79.5 % (159/200) must round to 80 (green), not 79 as banker's rounding or float noise gives.
    assert percent(159, 200) == 80
    assert percent(7.95, 10) == 80  # 7.95 * 100 / 10 = 79.5 in exact decimals
    assert percent(120.4, 100) == 120
    assert percent(120.5, 100) == 121  # yellow
    assert percent(53, 55) == 96  # 53 / 55 = 0.9636... -> 96 %


def test_done_run_compares_distance():
    # 9.4 of 9.5 km = 98.947... % -> 99 %, green; duration 53/55 would say 96 % but distance wins.
    s = run(status=Status.DONE, actual_duration_min=53, actual_rpe=6, actual_distance_km=9.4)
    assert compliance(s, TODAY) == Compliance(Band.GREEN, Basis.DISTANCE, 99)
    assert compliance(s, TODAY).text == "99 %"


def test_done_run_without_actual_distance_compares_duration():
    s = run(status=Status.DONE, actual_duration_min=25)  # 25 / 55 = 45.45 % -> 45 %, red
    assert compliance(s, TODAY) == Compliance(Band.RED, Basis.DURATION, 45)


def test_done_lift_compares_duration():
    s = Session(kind=Kind.LIFT, title="Lift", duration_min=60, rpe=7, date=TODAY, status=Status.DONE,
                actual_duration_min=80)  # 80 / 60 = 133.3 % -> 133 %, yellow
    assert compliance(s, TODAY) == Compliance(Band.YELLOW, Basis.DURATION, 133)


def test_done_as_planned_is_100():
    assert compliance(run(status=Status.DONE), TODAY) == Compliance(Band.GREEN, Basis.DURATION, 100)


def test_skipped_missed_and_future():
    assert compliance(run(status=Status.SKIPPED), TODAY) == Compliance(Band.RED, Basis.SKIPPED)
    assert compliance(run(date=TODAY - dt.timedelta(days=1)), TODAY) == Compliance(Band.RED, Basis.MISSED)
    assert compliance(run(date=TODAY - dt.timedelta(days=1)), TODAY).text == "Missed"
    assert compliance(run(), TODAY) is None  # today, still to do
    assert compliance(run(date=TODAY + dt.timedelta(days=1)), TODAY) is None
    rest = Session(kind=Kind.REST, title="Rest day", duration_min=0, rpe=0, date=TODAY - dt.timedelta(days=3))
    assert compliance(rest, TODAY) is None


@given(st.integers(1, 600), st.integers(1, 600))
def test_colour_always_agrees_with_the_written_percent(actual, planned):
    s = Session(kind=Kind.LIFT, title="Lift", duration_min=planned, rpe=5, date=TODAY, status=Status.DONE,
                actual_duration_min=actual)
    c = compliance(s, TODAY)
    assert c is not None and c.percent is not None
    assert abs(c.percent - actual * 100 / planned) <= 0.5
    assert c.band == band(int(c.text.removesuffix(" %")))
