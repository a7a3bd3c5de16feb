"""One odd activity never costs the rest: a session may last 24 h, and what the plan cannot hold
(over 24 h, outside the calendar, a run at a ride's speed) is skipped with its reason."""

from __future__ import annotations

import datetime as dt

from planner.io.activities import read_bytes
from planner.io.activities.records import Skipped
from planner.io.activities.sessions import ExerciseNames, sessions_of
from tests.io.activities.strava_export import Row, activities_csv

DAY = dt.datetime(2020, 5, 11, 6, 0, tzinfo=dt.UTC)


def read(rows: list[Row]):
    return sessions_of(read_bytes(activities_csv(rows).encode(), "activities.csv"), ExerciseNames({}, {}), dt.UTC)


def test_a_645_min_ride_beside_ten_normal_runs_all_eleven_import():
    rows = [Row(DAY + dt.timedelta(days=i)) for i in range(10)]
    rows.insert(5, Row(dt.datetime(2020, 5, 21, 16, 31, tzinfo=dt.UTC), "Ride", 645 * 60, 700 * 60,
                       180_000.0, "Long day out"))
    found, skipped = read(rows)
    assert skipped == []
    assert len(found) == 11
    ride = next(i.session for i in found if i.session.title == "Long day out")
    assert (ride.kind, ride.actual_duration_min, ride.actual_distance_km) == ("other", 645, 180.0)  # moving time


def test_24_hours_is_the_limit_and_one_minute_more_is_skipped_with_its_reason():
    found, skipped = read([Row(DAY, "Run", 1440 * 60, metres=100_000.0),
                           Row(DAY + dt.timedelta(days=2), "Run", 1441 * 60, metres=100_000.0)])
    assert [i.session.actual_duration_min for i in found] == [1440]
    assert skipped == [Skipped("activities.csv", "the run of 2020-05-13 06:00",
                               "lasts 1441 min; a session can last at most 1440 min (24 h)")]


def test_a_run_faster_than_25_kmh_is_skipped_and_25_kmh_is_not():
    found, skipped = read([Row(DAY, "Run", 3600, metres=25_000.0),
                           Row(DAY + dt.timedelta(days=1), "Run", 3600, metres=25_100.0)])
    assert [i.session.actual_distance_km for i in found] == [25.0]
    assert [(s.activity, s.reason) for s in skipped] == [(
        "the run of 2020-05-12 06:00",
        "averages 25.1 km/h; a run averages at most 25 km/h (a ride or a drive recorded as a run?)")]


def test_a_date_outside_the_calendar_is_skipped_and_the_rest_imports():
    found, skipped = read([Row(dt.datetime(1899, 12, 31, 12, tzinfo=dt.UTC)), Row(DAY)])
    assert len(found) == 1
    (s,) = skipped
    assert s.activity == "the run of 1899-12-31 12:00"
    assert s.reason.startswith("date: must be")


def test_an_unknown_sport_is_other_and_never_skipped():
    found, skipped = read([Row(DAY, "Kitesurf", metres=20_000.0, name="Windy")])
    assert skipped == []
    assert [(i.session.kind, i.session.title) for i in found] == [("other", "Windy")]


def test_an_unreadable_row_is_skipped_with_its_line():
    text = activities_csv([Row(DAY)]) + '1,"not a date",X,Run,60,1,,,60,60,1000,,\n'
    found, skipped = sessions_of(read_bytes(text.encode(), "activities.csv"), ExerciseNames({}, {}), dt.UTC)
    assert len(found) == 1
    assert [s.as_dict() for s in skipped] == [{
        "file": "activities.csv", "activity": "line 3",
        "reason": "Activity Date is not a date and time this app knows ('not a date')"}]
