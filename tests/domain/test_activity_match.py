"""Matching completed activities to planned sessions: the cases the issue lists, worked by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.domain.activity_kind import sport_kind
from planner.domain.activity_match import (
    Incoming,
    Outcome,
    activity_key,
    decide,
    filled_in,
    rematch,
    same_activity,
)
from planner.domain.enums import Kind, Status
from planner.domain.session import Exercise, Session, WorkSet

TUE = dt.date(2026, 11, 24)


def planned(id: int, kind: str = "run", time: dt.time | None = None, minutes: int = 45, **kw) -> Session:
    kw.setdefault("title", f"planned {id}")
    return Session(kind=kind, duration_min=minutes, rpe=3, date=kw.pop("date", TUE), id=id, time=time, **kw)


def done(hh: int, mm: int, minutes: int, kind: str = "run", label: str = "Run", day: dt.date = TUE,
         **kw) -> Incoming:
    start = dt.datetime.combine(day, dt.time(hh, mm), tzinfo=dt.UTC)
    s = Session(kind=kind, title=label, duration_min=minutes, rpe=4, date=day, time=dt.time(hh, mm),
                status=Status.DONE, actual_duration_min=minutes, source_key=activity_key(label, start), **kw)
    return Incoming(s, "watch.fit")


def days(*sessions: Session):
    return lambda d: [s for s in sessions if s.date == d]


def test_one_plan_one_activity():
    plan = planned(1, distance_km=8)
    (d,) = decide([done(7, 5, 50, actual_distance_km=9.2)], days(plan))
    assert (d.outcome, d.target) == (Outcome.MATCHED, plan)
    s = filled_in(plan, d.incoming.session)
    assert (s.id, s.status, s.duration_min, s.distance_km) == (1, Status.DONE, 45, 8.0)  # planned stays
    assert (s.actual_duration_min, s.actual_distance_km, s.time) == (50, 9.2, dt.time(7, 5))
    assert s.source_key == "Run|2026-11-24T07:05:00Z"


def test_two_planned_runs_on_one_day_nearest_start_wins():
    morning, evening = planned(1, time=dt.time(7, 0)), planned(2, time=dt.time(18, 0))
    # 17:10 is 50 min from 18:00 and 610 min from 07:00
    (d,) = decide([done(17, 10, 40)], days(morning, evening))
    assert d.target == evening
    # both done the same day: each takes its nearest
    rows = decide([done(6, 40, 30), done(18, 20, 30)], days(morning, evening))
    assert [r.target.id for r in rows] == [1, 2]


def test_without_times_the_nearest_duration_wins():
    short, long = planned(1, minutes=30), planned(2, minutes=90)
    (d,) = decide([done(9, 0, 80)], days(short, long))  # |80-90| = 10 < |80-30| = 50
    assert d.target == long
    # a planned session with a time comes before one without, whatever the durations
    timed = planned(3, time=dt.time(20, 0), minutes=30)
    (d,) = decide([done(9, 0, 80)], days(long, timed))
    assert d.target == timed


def test_a_run_on_a_rest_day_is_added():
    rest = Session(kind="rest", title="Rest", duration_min=0, rpe=0, date=TUE, id=5)
    lift = planned(6, kind="lift")
    (d,) = decide([done(8, 0, 30)], days(rest, lift))
    assert (d.outcome, d.target, d.candidates) == (Outcome.ADDED, None, ())


def test_a_lift_log_against_a_planned_lift():
    squat = Exercise("Back squat", (WorkSet(5, 100, 8),) * 3, ("quads",))
    plan = planned(7, kind="lift", type="lower", exercises=(squat,), minutes=60)
    logged = Exercise("Squat (Barbell)", (WorkSet(5, 102.5, 8.5), WorkSet(4, 102.5, 9.5)))
    item = done(18, 0, 55, kind="lift", label="Lift", exercises=(logged,))
    (d,) = decide([item], days(plan, planned(8)))  # the run on the same day is not a candidate
    assert d.target == plan and d.candidates == (plan,)
    s = filled_in(plan, item.session)
    assert s.exercises == (squat,)  # the plan stays
    assert s.actual_exercises == (logged,)  # what was lifted
    assert s.effective_exercises == (logged,)
    assert s.tonnage_kg == 3 * 5 * 100  # planned tonnage unchanged: 1500


def test_a_reimport_is_recognised_by_sport_and_start():
    before = filled_in(planned(1), done(7, 5, 50).session)
    # the same run from another file, 20 s later (Strava's CSV vs the watch's GPX)
    again = Incoming(done(7, 5, 50).session.replace(source_key="Run|2026-11-24T07:05:20Z"), "activities.csv")
    (d,) = decide([again], days(before))
    assert (d.outcome, d.target) == (Outcome.ALREADY, before)
    # the same start but a ride is another activity
    ride = done(7, 5, 50, kind="other", label="Ride")
    (d,) = decide([ride], days(before))
    assert d.outcome is Outcome.ADDED


def test_the_same_activity_twice_in_one_import_counts_once():
    rows = decide([done(7, 5, 50), done(7, 5, 50)], days())
    assert [r.outcome for r in rows] == [Outcome.ADDED, Outcome.ALREADY]


def test_no_match_adds_everything():
    (d,) = decide([done(7, 5, 50)], days(planned(1)), match=False)
    assert d.outcome is Outcome.ADDED


def test_changing_a_match_in_the_preview():
    a, b = planned(1, time=dt.time(7, 0)), planned(2, time=dt.time(18, 0))
    rows = decide([done(6, 50, 30), done(17, 50, 30)], days(a, b))
    assert [r.target.id for r in rows] == [1, 2]
    moved = rematch(rows, 0, b)  # the morning run fills in the evening plan; the evening one is added
    assert [(r.outcome, r.target.id if r.target else None) for r in moved] == [
        (Outcome.MATCHED, 2), (Outcome.ADDED, None)]
    assert rematch(rows, 1, None)[1].outcome is Outcome.ADDED
    with pytest.raises(ValueError, match="not a planned session of the same kind and day"):
        rematch(rows, 0, planned(9, kind="lift"))


def test_keys():
    start = dt.datetime(2012, 1, 26, 18, 11, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    assert activity_key("Run", start) == "Run|2012-01-26T17:11:00Z"
    assert activity_key("Lift", dt.datetime(2021, 2, 10, 16, 46, 13)) == "Lift|2021-02-10T16:46:13"
    assert same_activity("Run|2012-01-26T17:11:00Z", "Run|2012-01-26T17:12:00Z")  # 60 s: the same
    assert not same_activity("Run|2012-01-26T17:11:00Z", "Run|2012-01-26T17:12:01Z")  # 61 s
    assert not same_activity("Run|2012-01-26T17:11:00Z", "Run|2012-01-26T17:11:00")  # UTC vs local


@pytest.mark.parametrize(("word", "kind", "label"), [
    ("running", Kind.RUN, "Run"), ("Trail Run", Kind.RUN, "Run"), ("Ride", Kind.OTHER, "Ride"),
    ("cycling", Kind.OTHER, "Ride"), ("Hike", Kind.OTHER, "Hike"), ("walking", Kind.OTHER, "Walk"),
    ("AlpineSki", Kind.OTHER, "Ski"), ("cross_country_skiing", Kind.OTHER, "Ski"),
    ("WeightTraining", Kind.LIFT, "Strength"), ("Kitesurf", Kind.OTHER, "Kitesurf"),
    ("stand_up_paddleboarding", Kind.OTHER, "Stand Up Paddleboarding"),
])
def test_sport_words(word, kind, label):
    sk = sport_kind(word)
    assert (sk.kind, sk.label) == (kind, label)
