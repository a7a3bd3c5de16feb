"""What the printed week says: session lines in the profile's units, totals, build or deload, hooks."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.domain.enums import Kind, Status, Units, WeekStart
from planner.domain.profile import Profile
from planner.domain.session import Exercise, Session, WorkSet
from planner.io.paper import Paper, country_of_locale, paper_for_country
from planner.io.printed_week import (
    DayNutrition,
    Extras,
    Finding,
    Phase,
    build_printed_week,
    build_printed_weeks,
    week_load,
)
from planner.words.paper import detail_lines, exercise_lines

MONDAY = dt.date(2026, 11, 23)  # ISO week 2026-W48


def between_of(sessions):
    return lambda first, last: [s for s in sessions if first <= s.date <= last]


def tempo(day=MONDAY, **kw):
    fields = dict(kind=Kind.RUN, type="tempo", title="Tempo", duration_min=50, rpe=7, distance_km=10,
                  target="4:30/km", date=day, id=1)
    fields.update(kw)
    return Session(**fields)


def squat_day(day=MONDAY, **kw):
    squat = Exercise("Back squat", (WorkSet(5, 60, warmup=True),) + (WorkSet(5, 100, rpe=8),) * 5)
    fields = dict(kind=Kind.LIFT, type="lower", title="Legs", duration_min=60, rpe=8, exercises=(squat,),
                  date=day, id=2)
    fields.update(kw)
    return Session(**fields)


def test_run_lines_metric_and_imperial():
    assert detail_lines(tempo(), Units.METRIC) == ("Run · Tempo", "50 min · 10 km · RPE 7", "Target 4:30/km")
    # 10 km / 1.609344 = 6.2137 mi, shown with two decimals
    assert detail_lines(tempo(), Units.IMPERIAL)[1] == "50 min · 6.21 mi · RPE 7"


def test_run_without_target_shows_the_pace_its_numbers_imply():
    # 50 min / 10 km = 300 s/km = 5:00 /km; per mile 300 x 1.609344 = 482.8 s = 8:03 /mi
    assert detail_lines(tempo(target=""), Units.METRIC)[2] == "Pace ≈ 5:00 /km"
    assert detail_lines(tempo(target=""), Units.IMPERIAL)[2] == "Pace ≈ 8:03 /mi"


def test_lift_lines_spell_out_sets_reps_and_load():
    # volume: 5 working sets x 5 reps x 100 kg = 2,500 kg (the 60 kg warm-up counts zero)
    assert detail_lines(squat_day(), Units.METRIC) == (
        "Lift · Lower body", "1 h · RPE 8", "Volume 2,500 kg", "Back squat 5 × 5 @ 100 kg RPE 8 (+1 warm-up)")
    # 100 kg / 0.45359237 = 220.46 lb -> 220 lb (2.5 lb steps); 2,500 kg = 5,511.56 lb -> 5,512 lb
    lines = detail_lines(squat_day(), Units.IMPERIAL)
    assert lines[2:] == ("Volume 5,512 lb", "Back squat 5 × 5 @ 220 lb RPE 8 (+1 warm-up)")


def test_pyramid_and_bodyweight_sets():
    deadlift = Exercise("Deadlift", (WorkSet(5, 140), WorkSet(3, 150), WorkSet(3, 150)))
    pullup = Exercise("Pull-up", (WorkSet(8, rir=2),) * 3)
    assert exercise_lines([deadlift, pullup], Units.METRIC) == [
        "Deadlift 1 × 5 @ 140 kg, 2 × 3 @ 150 kg", "Pull-up 3 × 8 RIR 2"]


def test_done_and_skipped_say_so():
    done = tempo(status=Status.DONE, actual_duration_min=52, actual_distance_km=10.2, actual_rpe=7.5)
    assert detail_lines(done, Units.METRIC)[-1] == "Done: 52 min · 10.2 km · RPE 7.5"
    assert detail_lines(tempo(status=Status.SKIPPED), Units.METRIC)[-1] == "Skipped"


def test_week_header_totals_and_order():
    late = tempo(title="PM run", id=5, position=1, time=dt.time(18, 0))
    early = squat_day(position=0, time=dt.time(7, 0))
    week = build_printed_week(MONDAY, between_of([late, early]), Profile(name="Sam"))
    assert week.title == "Week 2026-W48"
    assert week.dates == "Mon 23 Nov 2026 – Sun 29 Nov 2026"
    assert week.athlete == "Sam" and week.goal == "Balanced hybrid"
    assert [(s.time, s.title) for s in week.days[0].sessions] == [("07:00", "Legs"), ("18:00", "PM run")]
    assert all(not d.sessions for d in week.days[1:])
    assert week.totals == (
        ("Sessions", "2"),
        ("Running", "10 km in 50 min (1 run)"),
        ("Lifting", "2,500 kg volume load in 1 h (1 session)"),
        ("Training time", "1 h 50"),  # 50 + 60 min
    )
    # hooks not given: left off the page
    assert week.nutrition_by_day is None and week.load_totals is None and week.findings is None


def test_sunday_week_has_dates_not_an_iso_week():
    profile = Profile(week_start=WeekStart.SUN)
    [week] = build_printed_weeks(MONDAY, 1, between_of([]), profile)
    assert week.first_day == dt.date(2026, 11, 22)
    assert week.title == "Week of Sun 22 Nov 2026"
    assert [d.date for d in week.days][-1] == dt.date(2026, 11, 28)


def test_n_weeks_follow_each_other():
    weeks = build_printed_weeks(MONDAY + dt.timedelta(days=3), 3, between_of([]), Profile())
    assert [w.first_day for w in weeks] == [MONDAY, MONDAY + dt.timedelta(7), MONDAY + dt.timedelta(14)]
    with pytest.raises(ValueError):
        build_printed_weeks(MONDAY, 0, between_of([]), Profile())


def _hour(day, rpe, minutes=60, **kw):
    return Session(kind=Kind.RUN, title="Run", duration_min=minutes, rpe=rpe, date=day, **kw)


def test_build_or_deload_from_session_rpe_load():
    history = [_hour(MONDAY - dt.timedelta(weeks=w), 5) for w in (1, 2, 3)]  # 5 x 60 = 300 AU a week
    # this week 4 x 50 = 200 AU: 200 / 300 = 67 % < 80 % -> deload
    load = week_load(MONDAY, between_of(history + [_hour(MONDAY, 4, 50)]))
    assert (load.load, load.previous_mean, load.phase) == (200, 300, Phase.DELOAD)
    assert load.text() == "Deload week · load 200 AU, 67 % of the 3 weeks before (session RPE × min, Foster 2001)"
    # 240 AU = exactly 80 % -> build; a skipped session adds nothing
    load = week_load(MONDAY, between_of(history + [_hour(MONDAY, 4), _hour(MONDAY, 9, status=Status.SKIPPED)]))
    assert (load.load, load.phase) == (240, Phase.BUILD)
    assert week_load(MONDAY, between_of([_hour(MONDAY, 5)])) is None  # nothing to compare with
    assert week_load(MONDAY, between_of(history)) is None  # a week off


def test_extras_fill_the_hooks():
    seen = {}

    def nutrition(days, sessions_between, profile):
        seen["days"] = list(days)
        seen["sessions"] = [s.title for s in sessions_between(days[0], days[-1])]
        return {days[0]: DayNutrition(carb_g=(350, 490.4), protein_g=130, fat_g=(70, 70.2), fluid_l=2.54,
                                      note="About an hour of training")}

    extras = Extras(nutrition=nutrition, load=lambda first, between, p: [("ACWR", "1.1")],
                    findings=lambda first, between, p: [Finding("Warning", "Heavy legs before intervals", MONDAY)])
    week = build_printed_week(MONDAY, between_of([tempo()]), Profile(), extras)
    assert seen["days"][0] == MONDAY and len(seen["days"]) == 7 and seen["sessions"] == ["Tempo"]
    # ranges print low–high, rounded (490.4 -> 490); equal ends print once (70–70.2 -> 70); litres to
    # 2 decimals at most, as the dock and the report say them; 2.54 L / 0.0295735 L = 85.9 -> 86 fl oz
    assert week.nutrition_by_day[MONDAY].lines(Units.METRIC) == (
        "Carbs 350–490 g", "Protein 130 g", "Fat 70 g", "Fluid 2.54 L", "About an hour of training")
    assert week.nutrition_by_day[MONDAY].lines(Units.IMPERIAL)[3] == "Fluid 86 fl oz"
    assert week.load_totals == (("ACWR", "1.1"),)
    assert week.findings == (Finding("Warning", "Heavy legs before intervals", MONDAY),)


@pytest.mark.parametrize(("locale", "paper"), [
    ("en_US", Paper.LETTER), ("fr_CA", Paper.LETTER), ("es_MX.UTF-8", Paper.LETTER), ("en_GB", Paper.A4),
    ("de-DE", Paper.A4), ("C", Paper.A4), ("", Paper.A4),
])
def test_paper_from_locale(locale, paper):
    assert paper_for_country(country_of_locale(locale)) is paper


def test_rest_day_and_repeated_words():
    rest = Session(kind=Kind.REST, title="Rest day", duration_min=0, rpe=0, date=MONDAY, status=Status.DONE)
    assert detail_lines(rest, Units.METRIC) == ()
    mobility = Session(kind=Kind.MOBILITY, type="mobility", title="Hips", duration_min=20, rpe=2, date=MONDAY)
    assert detail_lines(mobility, Units.METRIC) == ("Mobility", "20 min · RPE 2")


def test_a_lighter_week_before_a_race_is_a_taper_as_in_the_season_view():
    history = [_hour(MONDAY - dt.timedelta(weeks=w), 5) for w in (1, 2, 3)]  # 300 AU a week
    race = _hour(MONDAY + dt.timedelta(days=20), 9, minutes=40, type="race")  # Sunday two weeks on
    lighter = [_hour(MONDAY, 4, 50)]  # 200 AU, 67 %
    load = week_load(MONDAY, between_of(history + lighter + [race]))
    assert load.phase is Phase.TAPER
    assert load.text() == "Taper week · load 200 AU, 67 % of the 3 weeks before (session RPE × min, Foster 2001)"
    # the race a day past the two weeks after: a deload; a build week stays one before a race
    later = race.replace(date=MONDAY + dt.timedelta(days=21))
    assert week_load(MONDAY, between_of(history + lighter + [later])).phase is Phase.DELOAD
    assert week_load(MONDAY, between_of(history + [_hour(MONDAY, 5), race])).phase is Phase.BUILD
