"""The weeks to print carry the plan check's findings of their own days (found by the service and
handed to the page as data), for Monday and Sunday weeks alike."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.domain.session import Session
from planner.services.printing import printed_weeks
from planner.store.database import open_store
from tests.services.conftest import BUILTINS, MONDAY

WARNING = "the day after a key run"


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path, BUILTINS)
    yield s
    s.close()


def key_run_then_heavy_legs(store, tue: dt.date) -> None:
    intervals = Session(kind="run", type="intervals", title="Intervals", date=tue, duration_min=55, rpe=8,
                        distance_km=9)
    legs = [t for t in BUILTINS if t.id == "heavy-lower"][0].to_session(tue + dt.timedelta(days=1))
    store.sessions.apply(put=[intervals, legs])


def warnings(week) -> list[dt.date]:
    return [f.day for f in week.findings if WARNING in f.text]


def test_each_printed_week_lists_the_findings_of_its_own_days(store):
    wednesday, second_monday = MONDAY + dt.timedelta(days=2), MONDAY + dt.timedelta(days=7)
    key_run_then_heavy_legs(store, MONDAY + dt.timedelta(days=1))
    key_run_then_heavy_legs(store, MONDAY + dt.timedelta(days=6))  # Sunday's key run, Monday's heavy legs
    first, second = printed_weeks(store, MONDAY + dt.timedelta(days=3), 2)
    assert (first.days[0].date, second.days[0].date) == (MONDAY, second_monday)
    assert warnings(first) == [wednesday]
    assert warnings(second) == [second_monday]


@pytest.mark.parametrize(("legs_day", "listed"), [(5, True), (6, False)])  # Saturday: the last day; Sunday: next
def test_a_sunday_week_lists_a_finding_of_its_last_day_and_not_of_the_next(store, legs_day, listed):
    from planner.domain.enums import WeekStart

    store.profile.put(store.profile.get().replace(week_start=WeekStart.SUN))
    legs = MONDAY + dt.timedelta(days=legs_day)
    key_run_then_heavy_legs(store, legs - dt.timedelta(days=1))
    [week] = printed_weeks(store, MONDAY, 1)
    assert (week.days[0].date, week.days[-1].date) == (MONDAY - dt.timedelta(days=1), MONDAY + dt.timedelta(days=5))
    assert warnings(week) == ([legs] if listed else [])
