"""Effort from heart rate (Karvonen %HRR in the ACSM classes, Garber 2011 table 4), Banister's
TRIMP, and effort from pace against easy pace; worked numbers and both sides of every class edge."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from planner.domain.effort import (
    HeartRates,
    RecordedHeartRates,
    cr10_from_pace,
    cr10_from_reserve,
    is_race,
    reference_heart_rates,
    trimp,
    with_estimated_effort,
)
from planner.domain.enums import Kind, Sex, Status
from planner.domain.errors import ValidationError
from planner.domain.session import Exercise, Session, WorkSet
from planner.words.cards import status_text


@pytest.mark.parametrize(("share", "cr10"), [
    (0.0, 1.0), (0.299, 1.0),  # very light
    (0.30, 2.0), (0.399, 2.0),  # light
    (0.40, 3.0), (0.50, 3.5), (0.599, 4.0),  # moderate: 3-4
    (0.60, 5.0), (0.75, 6.0), (0.899, 7.0),  # vigorous: 5-7
    (0.90, 8.0), (0.95, 9.0), (1.0, 10.0),  # near-maximal: 8-10
])
def test_reserve_share_to_cr10_through_the_acsm_classes(share, cr10):
    assert cr10_from_reserve(share) == cr10


def test_the_tcx_run_worked_example():
    """157 bpm average, 189 the highest recorded, 60 assumed at rest: 97 / 129 = 75.2 % of the
    reserve, vigorous, CR-10 6.0; 33 min x 6 = 198 AU where the placeholder 4 gave 132 (a third less)."""
    rates = HeartRates(189, 60, "estimated from your activities", "assumed")
    share = rates.reserve_share(157)
    assert share == pytest.approx(0.7519, abs=1e-4)
    assert cr10_from_reserve(share) == 6.0
    # TRIMP = 33 x 0.7519 x 0.64 e^(1.92 x 0.7519) = 67.3; the women's weighting 0.86 e^(1.67 x) gives 74.9
    assert trimp(33, share, Sex.MALE) == pytest.approx(67.28, abs=0.01)
    assert trimp(33, share, None) == pytest.approx(67.28, abs=0.01)
    assert trimp(33, share, Sex.FEMALE) == pytest.approx(74.91, abs=0.01)
    assert rates.words() == "max 189 bpm (estimated from your activities), resting 60 bpm (assumed)"


def test_reserve_share_is_clamped():
    rates = HeartRates(180, 60)
    assert (rates.reserve_share(50), rates.reserve_share(200)) == (0.0, 1.0)


@pytest.mark.parametrize(("pace_s", "cr10"), [  # against an easy pace of 6:00/km (360 s): speed ratio 360 / pace
    (392, 2.0), (391, 3.0),  # 0.918 | 0.921: slower than easy | easy from 0.92
    (340, 3.0), (339, 5.0),  # 1.059 | 1.062: marathon from 1.06
    (316, 5.0), (315, 6.0),  # 1.139 | 1.143: threshold from 1.14
    (296, 6.0), (295, 8.0),  # 1.216 | 1.220: interval from 1.22
])
def test_effort_from_pace_against_easy_pace(pace_s, cr10):
    assert cr10_from_pace(pace_s, 360) == cr10


def recorded(*tops: int, days: int = 60, races: int = 0) -> RecordedHeartRates:
    return RecordedHeartRates(tops, days, races)


def test_reference_heart_rates_set_estimated_or_none():
    assert reference_heart_rates(190, 48, recorded(201), [55], 40) == HeartRates(190, 48)
    assert reference_heart_rates(None, None, recorded(178, 189, 170, 165, 160), [50, 52, 70], None) == HeartRates(
        189, 52, "estimated from your activities", "estimated from the readiness log")
    assert reference_heart_rates(None, None, recorded(), [], 40) == HeartRates(
        180, 60, "estimated from age, Tanaka 2001", "assumed")  # 208 - 0.7 x 40
    assert reference_heart_rates(None, None, recorded(), [], None) is None
    # a few easy runs never reach the maximum: the age formula's higher value is used instead
    assert reference_heart_rates(None, None, recorded(159), [], 34).max_hr == 184  # 208 - 0.7 x 34 = 184.2
    assert reference_heart_rates(None, None, recorded(185), [], 34) == HeartRates(
        185, 60, "estimated from your activities", "assumed")  # a recorded 185 is a floor above Tanaka's 184


#: The dev preview's week: five easy runs, one filled into a planned interval session, and a ride,
#: every one averaging 147 bpm and peaking at 159, all within 6 days.
EASY_WEEK = (159,) * 7


def test_a_coach_will_not_rate_a_week_of_easy_runs_hard():
    """No age, no maximum set, a week of easy activities peaking at 159: taking 159 as the maximum
    puts a 147-bpm easy run at (147 - 60) / 99 = 88 % of the reserve, RPE 7, a hard day. Seven
    activities within 6 days are too few to tell: no estimate, and the import says what to add."""
    week = RecordedHeartRates(EASY_WEEK, days=6)
    assert reference_heart_rates(None, None, week, [], None) is None
    assert cr10_from_reserve(HeartRates(159, 60).reserve_share(147)) == 7.0  # what the floor alone gave
    assert week.shortfall() == (
        "7 activities with heart rate over 6 days and no race: too few to tell your maximum heart rate "
        "(it takes 5 over 28 days or more, or one race)")
    assert RecordedHeartRates((159,)).shortfall().startswith("1 activity with heart rate and no race")
    assert RecordedHeartRates().shortfall().startswith("no activity with heart rate and no race")


@pytest.mark.parametrize(("tops", "days", "races", "enough"), [
    ((171, 159, 160, 158, 150), 28, 0, True), ((171, 159, 160, 158, 150), 27, 0, False),  # 4 weeks
    ((171, 159, 160, 158), 400, 0, False),  # four activities, however far apart
    ((186,), 0, 1, True),  # one race
])
def test_a_coach_takes_the_highest_from_five_activities_over_four_weeks_or_one_race(tops, days, races, enough):
    rates = reference_heart_rates(None, None, RecordedHeartRates(tops, days, races), [], None)
    assert (rates is not None and (rates.max_hr, rates.max_note) == (max(tops), "estimated from your activities")
            ) is enough
    assert (RecordedHeartRates(tops, days, races).shortfall() == "") is enough


def test_a_coach_falls_back_on_age_when_the_activities_are_too_few():
    """The easy week and 40 years: Tanaka's 208 - 0.7 x 40 = 180, not the 159 recorded; the 147-bpm
    run is then (147 - 60) / 120 = 72.5 % of the reserve, vigorous, RPE 6 (not 7)."""
    rates = reference_heart_rates(None, None, RecordedHeartRates(EASY_WEEK, days=6), [], 40)
    assert rates == HeartRates(180, 60, "estimated from age, Tanaka 2001", "assumed")
    assert cr10_from_reserve(rates.reserve_share(147)) == 6.0


@pytest.mark.parametrize(("session", "race"), [
    ({"type": "race"}, True), ({"title": "Parkrun"}, True), ({"title": "10K Race"}, True),
    ({"title": "5 km time trial"}, True),
    ({"type": "intervals", "title": "Intervals 6 x 800 m"}, False),  # what was planned, not how it went
    ({"type": "tempo"}, False), ({"type": "easy", "title": "Morning Run"}, False), ({"title": "Graceful jog"}, False),
])
def test_a_race_is_told_by_its_type_or_title(session, race):
    assert is_race(run(**session)) is race
    assert RecordedHeartRates.of([run(max_hr=180, **session)]).enough is race
    assert RecordedHeartRates.of([run(**session)]).tops == ()  # no heart rate: not counted


def test_the_days_run_from_the_first_to_the_last_activity_with_heart_rate():
    got = RecordedHeartRates.of([run(max_hr=170, date=dt.date(2026, 1, 1)), run(date=dt.date(2025, 1, 1)),
                                 run(max_hr=165, date=dt.date(2026, 1, 29))])
    assert (got.tops, got.days, got.races) == ((170, 165), 28, 0)
    assert got.words() == "2 activities with heart rate over 28 days"


def run(**kw) -> Session:
    base = dict(kind=Kind.RUN, title="Run", duration_min=33, rpe=4.0, date=dt.date(2012, 12, 26),
                status=Status.DONE, actual_duration_min=33, actual_distance_km=4.689, distance_km=4.689)
    return Session(**{**base, **kw})


def test_an_imported_run_with_heart_rate_gets_its_effort_and_trimp():
    s = with_estimated_effort(run(avg_hr=157, max_hr=189), HeartRates(189, 60), None, None)
    assert (s.estimated_rpe, s.effort_from, s.trimp) == (6.0, "heart rate", 67.3)
    assert (s.rpe, s.effective_rpe, s.effort_estimated_from) == (4.0, 6.0, "heart rate")


def test_the_users_own_rpe_wins():
    estimated = with_estimated_effort(run(avg_hr=157), HeartRates(189, 60), None, None)
    rated = estimated.replace(actual_rpe=3.0)
    assert (rated.effective_rpe, rated.effort_estimated_from) == (3.0, "")
    already = run(avg_hr=157, actual_rpe=5.0)
    assert with_estimated_effort(already, HeartRates(189, 60), None, None) == already


def test_without_heart_rate_pace_then_the_default_marked_as_such():
    by_pace = with_estimated_effort(run(), None, None, 360)  # 33 min over 4.689 km: 7:02/km, slower than easy
    assert (by_pace.estimated_rpe, by_pace.effort_from) == (2.0, "pace")
    default = with_estimated_effort(run(), HeartRates(189, 60), None, None)
    assert (default.estimated_rpe, default.effort_from, default.effective_rpe) == (None, "default", 4.0)


def test_a_lift_is_never_read_from_heart_rate_and_an_unrated_one_is_marked_default():
    # Coach: 361 imported lifts reading "Done · RPE 6" look like the athlete's own ratings; they are the
    # placeholder for the kind, and the card must say so. A rated lift is left as it is.
    lift = Session(kind=Kind.LIFT, title="Lift", duration_min=60, rpe=6.0, date=dt.date(2021, 1, 1),
                   status=Status.DONE, exercises=(Exercise("Squat", (WorkSet(5, 100.0),)),), avg_hr=150)
    marked = with_estimated_effort(lift, HeartRates(189, 60), None, 360)
    assert (marked.estimated_rpe, marked.trimp, marked.effort_from) == (None, None, "default")
    assert marked.effective_rpe == 6.0
    assert status_text(marked) == "Done · RPE 6, default effort for a lift (rate the session to replace it)"
    rated = lift.replace(actual_rpe=8.0)
    assert with_estimated_effort(rated, HeartRates(189, 60), None, 360) == rated


def test_a_bad_effort_source_is_refused():
    with pytest.raises(ValidationError) as info:
        run(effort_from="guess")
    assert str(info.value) == "effort source: must be one of heart rate, pace, default (got 'guess')"
    assert math.isclose(run(estimated_rpe=6.0).estimated_rpe or 0, 6.0)


@pytest.mark.parametrize(("fields", "message"), [
    ({"max_hr": 250}, None), ({"max_hr": 251}, "maximum heart rate: must be between 25 and 250 bpm (got 251)"),
    ({"resting_hr": 24}, "resting heart rate: must be between 25 and 250 bpm (got 24)"),
    ({"max_hr": 180, "resting_hr": 179}, None),
    ({"max_hr": 180, "resting_hr": 180},
     "resting heart rate: must be below the maximum heart rate (180 >= 180 bpm)"),
    ({"max_hr": 180, "lthr": 181},
     "lactate threshold heart rate: must be below the maximum heart rate (181 >= 180 bpm)"),
    ({"easy_pace_s": 180}, None), ({"easy_pace_s": 179}, "easy pace: must be between 180 and 900 s/km (got 179)"),
])
def test_profile_heart_rates_and_easy_pace_are_checked_in_words(fields, message):
    from planner.domain.profile import Profile

    if message is None:
        Profile(**fields)
        return
    with pytest.raises(ValidationError) as info:
        Profile(**fields)
    assert str(info.value) == message
