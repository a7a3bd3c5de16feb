"""Nutrition targets: worked examples for a 70 kg athlete, the carbohydrate table's edges, and the
rules around sessions. Every number is worked out here from SCIENCE.md section 6."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.domain import energy, fuelling
from planner.domain.enums import Intensity, Kind, Sex, Status
from planner.domain.fuelling import Phase, Planned, during_band
from planner.domain.nutrition import (
    CARB_TABLE,
    HIGH,
    PROTEIN_G_PER_KG,
    carb_band,
    day_class,
    day_targets,
    expenditure_kcal,
    fit_in_energy,
    meal_split,
    week_targets,
)
from planner.domain.paces import TrainingPaces
from planner.domain.profile import NutritionLog, Profile
from planner.domain.ranges import Range
from planner.domain.session import Session

DAY = dt.date(2026, 11, 23)  # a Monday
KG = 70.0
ATHLETE = Profile(body_mass_kg=KG, sweat_rate_l_per_h=1.0)


def session(kind: str, minutes: int, rpe: float, type: str = "", position: int = 0, id: int = 1,
            day: dt.date = DAY, **kw: object) -> Session:
    return Session(kind=kind, type=type, title=f"{type or kind} {minutes}", duration_min=minutes,
                   rpe=rpe, date=day, position=position, id=id, **kw)


def approx(r: Range) -> tuple[float, float]:
    return (pytest.approx(r.lo), pytest.approx(r.hi))


# -- the worked examples --------------------------------------------------------------------------
MAN = ATHLETE.replace(height_cm=175, age=30, sex=Sex.MALE)
REE = 10 * 70 + 6.25 * 175 - 5 * 30 + 5  # Mifflin-St Jeor: 1648.75 kcal


def test_rest_day_for_a_70_kg_athlete():
    t = day_targets(MAN, DAY, [])
    assert REE == 1648.75 and energy.resting_energy_kcal(MAN) == pytest.approx(REE)
    assert t.band.label == "Rest or light day"
    assert (t.carbohydrate_g.lo, t.carbohydrate_g.hi) == approx(Range(3 * 70, 5 * 70))  # 210-350 g
    assert (t.protein_g.lo, t.protein_g.hi) == approx(Range(1.4 * 70, 2.0 * 70))  # 98-140 g
    # Expenditure: 1648.75 x 1.45 = 2390.69 kcal; the band 1648.75 x 1.4 = 2308.25 to x 1.5 = 2473.13.
    assert t.expenditure is not None and t.expenditure.kcal == pytest.approx(REE * 1.45)
    assert (t.energy_kcal.lo, t.energy_kcal.hi) == approx(Range(REE * 1.4, REE * 1.5))
    # Fat is the rest: at most 2390.69 - 4 x 210 - 4 x 98 = 1158.69 kcal, capped at 35 % (836.74 kcal,
    # 92.97 g); at least 2390.69 - 4 x 350 - 4 x 140 = 430.69 kcal, raised to 20 % (478.14 kcal, 53.13 g).
    e = REE * 1.45
    assert (t.fat_g.lo, t.fat_g.hi) == approx(Range(0.2 * e / 9, 0.35 * e / 9))
    assert not t.carbohydrate_capped
    # sex given: the EFSA 2.5 L for men, no sweat
    assert (t.fluid_l.lo, t.fluid_l.hi) == (2.5, 2.5)
    assert t.sessions == () and t.training_min == 0 and t.effort is None
    assert t.as_json() == {"carbohydrate_g": [210, 350], "protein_g": [98, 140], "fat_g": [53, 93],
                           "fluid_l": [2.5, 2.5], "energy_kcal": [2308, 2473]}


def test_without_height_age_and_sex_there_is_no_energy_or_fat_figure():
    t = day_targets(ATHLETE.replace(height_cm=175, age=30), DAY, [session("run", 60, 3, "easy")])
    assert t.energy_kcal is None and t.fat_g is None and t.expenditure is None
    assert t.as_json()["energy_kcal"] is None and t.as_json()["fat_g"] is None
    assert t.as_json()["carbohydrate_g"] == [350, 490]  # carbohydrate and protein stay in g/kg


def test_the_energy_band_is_narrow_and_around_expenditure():
    # 2.5 h long run of 25 km at 70 kg: 1 kcal/kg/km = 1,750 kcal (not 8.3 METs x 2.5 h = 1,452).
    long_run = session("run", 150, 4, "long", distance_km=25)
    t = day_targets(MAN, DAY, [long_run])
    assert t.exercise_kcal == pytest.approx(1750)
    assert t.expenditure.kcal == pytest.approx(REE * 1.45 + 1750)  # 4140.69 kcal
    # Band: 1.4 x REE + 0.9 x 1750 = 3883.25; 1.5 x REE + 1.1 x 1750 = 4398.13; 1.13 x the low end.
    assert (t.energy_kcal.lo, t.energy_kcal.hi) == approx(Range(REE * 1.4 + 1575, REE * 1.5 + 1925))
    assert t.energy_kcal.hi / t.energy_kcal.lo == pytest.approx(1.1326, abs=1e-4)
    # The old figure was the sum of the macro ranges' ends: 4 (420 + 98) / 0.8 = 2,590 kcal at the low
    # end, 1,550 kcal under this expenditure (issue 18).
    assert t.energy_kcal.lo > 2590 + 1000


@given(st.floats(30, 250), st.floats(120, 230), st.integers(14, 100), st.sampled_from(list(Sex)),
       st.floats(0, 6000))
def test_the_band_high_end_is_at_most_1_3_times_its_low_end(kg, cm, age, sex, exercise_kcal):
    p = Profile(body_mass_kg=kg, height_cm=cm, age=age, sex=sex)
    x = energy.expenditure(p, exercise_kcal)
    assert x is not None and x.band.lo <= x.kcal <= x.band.hi <= energy.MAX_BAND_RATIO * x.band.lo


@given(st.floats(30, 250), st.floats(0, 6000), st.sampled_from(CARB_TABLE))
def test_fat_is_the_rest_and_never_under_20_percent(kg, exercise_kcal, band):
    p = Profile(body_mass_kg=kg, height_cm=175, age=30, sex=Sex.FEMALE)
    e = energy.expenditure(p, exercise_kcal).kcal
    carbohydrate, fat, _ = fit_in_energy(e, band.g_per_kg.times(kg), PROTEIN_G_PER_KG.times(kg))
    assert fat.lo * 9 >= 0.2 * e - 1e-6 and fat.lo <= fat.hi
    assert carbohydrate.lo == band.g_per_kg.lo * kg
    # at the band's high carbohydrate and protein, what is left is fat (or the 20 % floor)
    rest = e - 4 * carbohydrate.hi - 4 * PROTEIN_G_PER_KG.hi * kg
    assert fat.lo * 9 == pytest.approx(max(0.2 * e, rest))


def test_carbohydrate_comes_down_when_it_would_push_fat_under_20_percent():
    # A light woman on a very high day: 8-12 g/kg at 50 kg is 400-600 g; 4 x 600 + 4 x 70 = 2,680 kcal
    # against 0.8 x expenditure: the high end comes down until fat is 20 %.
    small = Profile(body_mass_kg=50, height_cm=160, age=30, sex=Sex.FEMALE)
    t = day_targets(small, DAY, [session("run", 200, 6, "long", distance_km=30)])
    assert t.band.g_per_kg == Range(8, 12) and t.carbohydrate_capped
    e = t.expenditure.kcal
    assert t.carbohydrate_g.hi == pytest.approx((0.8 * e - 4 * 70) / 4) and t.carbohydrate_g.lo == 400
    assert t.fat_g.lo * 9 == pytest.approx(0.2 * e)


def test_sixty_minute_easy_run():
    t = day_targets(ATHLETE, DAY, [session("run", 60, 3, "easy")])
    assert t.band.label == "Moderate day (about an hour of training)"
    assert t.as_json()["carbohydrate_g"] == [5 * 70, 7 * 70]  # 350-490 g
    # fluid: 2.25 + 1.0 L/h x 1 h = 3.25 L; + 50 % of the 1.0 L still lost (under 2 % of 70 kg
    # = 1.4 kg, so all of it) = 3.75 L
    assert (t.fluid_l.lo, t.fluid_l.hi) == approx(Range(3.25, 3.75))
    (run,) = t.sessions
    assert run.phase(Phase.BEFORE) == ()  # 60 min is not over 60 min
    carbs, water = run.phase(Phase.DURING)
    assert carbs.text == "A carbohydrate mouth rinse or small amounts"  # 45-75 min
    assert water.text == "Drink to thirst, at most the ~1 L sweated: the loss stays under 2 % of body mass"
    assert [s.text for s in run.phase(Phase.AFTER)] == [
        "1.25\u20131.5 L per kg still lost: 1.25\u20131.5 L if ~1 kg is lost (weigh before and after to know)"]


def test_two_hour_long_run_plus_upper_body_lift():
    long_run = session("run", 120, 5, "long", position=0, id=1)
    upper = session("lift", 45, 6, "upper", position=1, id=2)
    t = day_targets(ATHLETE, DAY, [long_run, upper])
    assert t.training_min == 120 + 45 and t.effort is Intensity.MODERATE
    # 120 x 1.25 + 45 x 0.5 = 172.5 weighted minutes: 6-10 g/kg
    assert t.weighted_min == 172.5 and t.band.g_per_kg == Range(6, 10)
    assert t.as_json()["carbohydrate_g"] == [420, 700]
    # sweat 1.0 x 2 h + 1.0 x 0.75 h = 2.75 L; still lost min(2.0, 1.4) + min(0.75, 1.4) = 2.15
    # fluid 2.25 + 2.75 = 5.0 L to 5.0 + 0.5 x 2.15 = 6.075 L
    assert (t.fluid_l.lo, t.fluid_l.hi) == approx(Range(5.0, 6.075))
    run, lift = t.sessions
    assert [s.text for s in run.phase(Phase.BEFORE)] == [
        "1\u20134 g/kg of carbohydrate (70\u2013280 g), 1\u20134 h before"]
    carbs, water = run.phase(Phase.DURING)
    assert carbs.text == "Up to 60 g/h of carbohydrate" and carbs.carbohydrate_g == Range(0, 60)
    # drink 2.0 - 1.4 = 0.6 L at least, 2.0 L at most
    assert water.fluid_l is not None and approx(water.fluid_l) == (pytest.approx(0.6), pytest.approx(2.0))
    after = [s.text for s in run.phase(Phase.AFTER)]
    assert after[0] == ("Next session within 8 h: 1.0\u20131.2 g/kg/h of carbohydrate (70\u201384 g/h) "
                        "for the first 4 h")  # the lift follows the same day
    # lifting: a normal meal before (not 1-4 g/kg), no carbohydrate during it, ever; 0.3-0.4 g/kg
    # protein after = 21-28 g
    assert [s.text for s in lift.phase(Phase.BEFORE)] == ["A normal mixed meal 2\u20133 h before"]
    assert all(s.carbohydrate_g is None for s in lift.phase(Phase.DURING))
    assert lift.phase(Phase.AFTER)[0].text == "0.3\u20130.4 g/kg of protein (21\u201328 g) after lifting"
    assert (lift.phase(Phase.AFTER)[0].protein_g.lo, lift.phase(Phase.AFTER)[0].protein_g.hi) == approx(
        Range(0.3 * 70, 0.4 * 70))


# -- the coach's cases (issue 18): carbohydrate follows running -------------------------------------
def test_a_43_min_tempo_at_rpe_7_is_at_least_a_moderate_day():
    # Coach: a 43-min tempo is quality work: 5-7 g/kg. The app said "rest or light day" (3-5) when it
    # counted 43 plain minutes; now 43 x 1.5 = 64.5 weighted minutes, and a 40-60 min tempo is at
    # least moderate anyway.
    t = day_targets(ATHLETE, DAY, [session("run", 43, 7, "tempo", distance_km=9)])
    assert t.weighted_min == 64.5
    assert t.band.g_per_kg == Range(5, 7) and t.band.label == "Moderate day (about an hour of training)"


def test_67_min_easy_run_plus_35_min_upper_body_is_not_a_high_day():
    # Coach: an easy hour and an upper-body session is an ordinary training day, 5-7 g/kg; the app said
    # "high" (6-10) because it counted 102 minutes with lifting like running. Now 67 + 35 x 0.5 = 84.5.
    run = session("run", 67, 3, "easy", id=1, distance_km=11)
    upper = session("lift", 35, 6, "upper", id=2, position=1)
    t = day_targets(ATHLETE, DAY, [run, upper])
    assert t.weighted_min == 84.5 and t.band.g_per_kg == Range(5, 7)


def test_a_105_min_long_run_is_a_high_day_and_50_min_easy_plus_core_is_not():
    # Coach: 105 min of running is a high-carbohydrate day (6-10 g/kg: 1-3 h a day); 50 min easy plus
    # 20 min of core is a moderate one. The app gave both 5-7 g/kg.
    long_run = day_targets(ATHLETE, DAY, [session("run", 105, 4, "long", distance_km=18)])
    assert long_run.band.g_per_kg == Range(6, 10)
    easy = session("run", 50, 3, "easy", id=1, distance_km=9)
    core = session("lift", 20, 5, "core", id=2, position=1)
    short = day_targets(ATHLETE, DAY, [easy, core])
    assert short.weighted_min == 60 and short.band.g_per_kg == Range(5, 7)


# -- the carbohydrate table: every edge on both sides ----------------------------------------------
@pytest.mark.parametrize(("weighted", "g_per_kg"), [
    (0, (3, 5)), (44.99, (3, 5)), (45, (5, 7)), (89.99, (5, 7)), (90, (6, 10)), (239.99, (6, 10)),
    (240, (8, 12)), (600, (8, 12)),
])
def test_carb_table_edges(weighted, g_per_kg):
    assert carb_band(weighted).g_per_kg == Range(*g_per_kg)


@given(st.floats(0, 24 * 60))
def test_every_duration_lands_in_exactly_one_row(minutes):
    assert sum(band.matches(minutes) for band in CARB_TABLE) == 1


def planned_run(minutes: int, effort: Intensity, type_: str = "easy") -> Planned:
    return Planned(1, "Run", Kind.RUN, DAY, None, minutes, effort, type_)


@pytest.mark.parametrize(("sessions", "weighted", "g_per_kg"), [
    # running minutes by intensity: easy 1, moderate 1.25, hard 1.5
    ([("run", 44, 3, "easy")], 44, (3, 5)), ([("run", 45, 3, "easy")], 45, (5, 7)),
    ([("run", 35, 5, "easy")], 43.75, (3, 5)), ([("run", 36, 5, "easy")], 45, (5, 7)),
    ([("run", 29, 8, "easy")], 43.5, (3, 5)), ([("run", 30, 8, "easy")], 45, (5, 7)),
    # lifting at half (Slater & Phillips 2011)
    ([("lift", 89, 6, "upper")], 44.5, (3, 5)), ([("lift", 90, 6, "upper")], 45, (5, 7)),
    ([("lift", 179, 8, "lower")], 89.5, (5, 7)), ([("lift", 180, 8, "lower")], 90, (6, 10)),
    # a run of 90 min or more is at least a high day
    ([("run", 89, 3, "easy")], 89, (5, 7)), ([("run", 90, 3, "easy")], 90, (6, 10)),
])
def test_weighted_minutes_both_sides_of_each_edge(sessions, weighted, g_per_kg):
    day = [session(kind, minutes, rpe, type_, id=k, position=k)
           for k, (kind, minutes, rpe, type_) in enumerate(sessions)]
    t = day_targets(ATHLETE, DAY, day)
    assert t.weighted_min == pytest.approx(weighted) and t.band.g_per_kg == Range(*g_per_kg)


@pytest.mark.parametrize(("minutes", "g_per_kg"), [(39, (3, 5)), (40, (5, 7)), (60, (5, 7))])
def test_a_40_to_60_min_tempo_is_at_least_moderate(minutes, g_per_kg):
    # A tempo is always hard (so 40 x 1.5 = 60 weighted minutes is moderate anyway); the floor holds
    # even for a tempo read as easy, e.g. done at a low effort: 39 min stays light, 40 is moderate.
    k = day_class([planned_run(minutes, Intensity.EASY, "tempo")])
    assert k.band.g_per_kg == Range(*g_per_kg)
    if minutes >= 40:
        assert k.reason == (f"a {minutes}-min tempo session: 40\u201360 min of tempo or intervals is at least a "
                            "moderate day")


def test_the_long_run_floor_says_why():
    k = day_class([planned_run(95, Intensity.EASY, "long"), planned_run(0, Intensity.EASY)])
    assert k.band is HIGH and k.reason == "a 95-min run: a run of 90 min or more is at least a high day"


def test_mobility_and_skipped_sessions_are_not_training():
    yoga = session("mobility", 60, 2, "yoga", id=1)
    skipped = session("run", 90, 7, "tempo", id=2, position=1, status=Status.SKIPPED)
    t = day_targets(ATHLETE, DAY, [yoga, skipped])
    assert t.training_min == 0 and t.band.g_per_kg == Range(3, 5)
    assert [f.session_id for f in t.sessions] == [1] and t.sessions[0].steps == ()


def test_done_sessions_count_with_their_actual_values():
    # planned 40 min easy (light day); done as 100 min at RPE 7 -> 150 weighted min -> 6-10 g/kg
    done = session("run", 40, 3, "easy", status=Status.DONE, actual_duration_min=100, actual_rpe=7)
    t = day_targets(ATHLETE, DAY, [done])
    assert (t.training_min, t.effort) == (100, Intensity.HARD)
    assert t.band.g_per_kg == Range(6, 10)


# -- fuelling: one function for the panel, the page, the generator's notes and the report ----------
def test_before_a_lift_is_a_normal_meal_whatever_its_length():
    for minutes in (45, 61, 120):
        (fuel,) = day_targets(ATHLETE, DAY, [session("lift", minutes, 8, "lower")]).sessions
        assert [s.text for s in fuel.phase(Phase.BEFORE)] == ["A normal mixed meal 2\u20133 h before"]
        assert not any("g/kg of carbohydrate" in s.text for s in fuel.steps)


@pytest.mark.parametrize(("minutes", "before"), [(60, []), (61, ["1\u20134 g/kg of carbohydrate (70\u2013280 g), "
                                                                  "1\u20134 h before"])])
def test_carbohydrate_before_a_run_from_61_min(minutes, before):
    (fuel,) = day_targets(ATHLETE, DAY, [session("run", minutes, 5, "easy")]).sessions
    assert [s.text for s in fuel.phase(Phase.BEFORE)] == before


def test_the_note_the_panel_and_the_report_say_the_same():
    # The long-run template used to say "30-60 g per hour after the first hour" while the panel said
    # "a mouth rinse or small amounts" for the same run (issue 18).
    from planner.domain.generator.runs import long_session
    from planner.resources import builtin_templates

    content = long_session(18.0, TrainingPaces.from_easy_pace(330))  # 18 km at 5:40/km: 102 min, easy
    s = session("run", content.duration_min, content.rpe, "long", distance_km=18)
    (fuel,) = day_targets(ATHLETE, DAY, [s]).sessions
    during = fuel.phase(Phase.DURING)[0].text
    assert during == "A carbohydrate mouth rinse or small amounts"  # 75-120 min, easy: one row down
    assert "During: a carbohydrate mouth rinse or small amounts." in content.notes
    assert fuelling.advice_line(fuel.food) == ("Before: 1\u20134 g/kg of carbohydrate (70\u2013280 g), 1\u20134 h "
                                               "before. During: a carbohydrate mouth rinse or small amounts.")
    template = next(t for t in builtin_templates() if t.id == "long-run")
    assert "g carbohydrate per hour" not in template.notes


# -- protein and meals ----------------------------------------------------------------------------
def test_meal_split_is_at_least_four_meals_of_0_4_g_per_kg():
    m = meal_split(70)
    # 1.4 / 0.4 = 3.5 -> at least 4 meals; 2.0 / 0.4 = 5 meals for the high end; 0.4 x 70 = 28 g
    assert (m.meals, m.meals_high, m.grams) == (4, 5, pytest.approx(28.0))


# -- during running -------------------------------------------------------------------------------
@pytest.mark.parametrize(("minutes", "intensity", "g_per_h"), [
    (44, Intensity.MODERATE, None), (45, Intensity.MODERATE, None), (74, Intensity.HARD, None),
    (75, Intensity.MODERATE, 30), (119, Intensity.MODERATE, 30), (120, Intensity.MODERATE, 60),
    (149, Intensity.HARD, 60), (150, Intensity.MODERATE, 90), (300, Intensity.HARD, 90),
    # less when the pace is easy: one row down, never under the rinse row from 45 min
    (150, Intensity.EASY, 60), (120, Intensity.EASY, 30), (75, Intensity.EASY, None), (60, Intensity.EASY, None),
])
def test_during_running_bands(minutes, intensity, g_per_h):
    assert during_band(minutes, intensity).g_per_h == g_per_h


def test_mouth_rinse_band_starts_at_45_min():
    assert during_band(44, Intensity.MODERATE).text == "No carbohydrate needed during it"
    assert during_band(45, Intensity.MODERATE).text == "A carbohydrate mouth rinse or small amounts"


def test_next_session_gap_uses_times_when_known():
    am = session("run", 60, 5, "easy", id=1, time=dt.time(7, 0))
    pm = session("lift", 60, 6, "upper", id=2, position=1, time=dt.time(16, 0))  # 8 h after 8:00
    t = day_targets(ATHLETE, DAY, [am, pm])
    assert not any("within 8 h" in s.text for s in t.sessions[0].steps)
    pm = pm.replace(time=dt.time(15, 59))
    t = day_targets(ATHLETE, DAY, [am, pm])
    assert any("within 8 h" in s.text for s in t.sessions[0].steps)


def test_evening_session_before_an_early_one_next_day():
    evening = session("run", 60, 5, "easy", id=1, time=dt.time(20, 0))
    early = session("run", 60, 5, "easy", id=2, day=DAY + dt.timedelta(1), time=dt.time(5, 0))
    t = day_targets(ATHLETE, DAY, [evening], [early])  # 21:00 -> 05:00 is 8 h exactly: not under
    assert not any("within 8 h" in s.text for s in t.sessions[0].steps)
    t = day_targets(ATHLETE, DAY, [evening], [early.replace(time=dt.time(4, 30))])
    assert any("within 8 h" in s.text for s in t.sessions[0].steps)


def test_fluid_baseline_by_sex_and_fluid_ounces():
    assert day_targets(ATHLETE.replace(sex=Sex.FEMALE), DAY, []).fluid_l == Range(2.0, 2.0)
    assert day_targets(ATHLETE.replace(sex=Sex.MALE), DAY, []).fluid_l == Range(2.5, 2.5)


# -- energy: Mifflin-St Jeor and METs -------------------------------------------------------------
def test_session_energy_and_resting_energy():
    woman = MAN.replace(sex=Sex.FEMALE)  # - 161 instead of + 5: 1482.75 kcal
    assert energy.resting_energy_kcal(woman) == pytest.approx(1482.75)
    # A run without a distance: 8.3 METs x 70 kg x 1 h = 581 kcal; with 10 km: 1 x 70 x 10 = 700 kcal.
    assert energy.session_kcal(Kind.RUN, Intensity.EASY, 60, 70) == pytest.approx(581)
    assert energy.session_kcal(Kind.RUN, Intensity.EASY, 60, 70, 10.0) == pytest.approx(700)
    t = day_targets(MAN, DAY, [session("run", 60, 3, "easy")])
    assert t.exercise_kcal == pytest.approx(581)
    assert approx(t.energy_kcal) == (REE * 1.4 + 0.9 * 581, REE * 1.5 + 1.1 * 581)


def test_lift_mets_depend_on_intensity():
    assert energy.session_kcal(Kind.LIFT, Intensity.MODERATE, 60, 70) == pytest.approx(3.5 * 70)
    assert energy.session_kcal(Kind.LIFT, Intensity.HARD, 30, 70) == pytest.approx(6.0 * 70 * 0.5)
    assert energy.session_kcal(Kind.REST, Intensity.EASY, 0, 70) == 0


# -- low energy availability ----------------------------------------------------------------------
def _logs(kcal_days: int, carb: float) -> list[NutritionLog]:
    return [NutritionLog(DAY - dt.timedelta(days=i), carb_g=carb, protein_g=100, fat_g=50)
            for i in range(kcal_days)]


def test_low_energy_prompt_after_a_week_far_below_expenditure():
    spent = {DAY - dt.timedelta(days=i): 2500.0 for i in range(7)}
    # 4 x 150 + 4 x 100 + 9 x 50 = 1450 kcal < 0.7 x 2500 = 1750 on every logged day
    assert energy.low_energy_prompt(DAY, _logs(5, 150), spent) == energy.LEA_MESSAGE
    assert "not a diagnosis" in energy.LEA_MESSAGE
    # four logged days are not a week's pattern
    assert energy.low_energy_prompt(DAY, _logs(4, 150), spent) is None
    # 4 x 230 + 400 + 450 = 1770 kcal: over 70 % of 2500
    assert energy.low_energy_prompt(DAY, _logs(7, 230), spent) is None


def test_the_prompt_reads_expenditure_not_a_targets_low_end():
    # A rest day at 70 kg: expenditure 2,390.7 kcal; 70 % is 1,673.5. Logging 1,650 kcal a day is under
    # it; the old low end (4 (210 + 98) / 0.8 = 1,540 kcal) would have read it as fine.
    (t,) = week_targets(MAN, [DAY], lambda a, b: [])
    assert expenditure_kcal(t) == pytest.approx(REE * 1.45)
    logs = [NutritionLog(DAY - dt.timedelta(days=i), carb_g=200, protein_g=100, fat_g=50) for i in range(7)]
    spent = {DAY - dt.timedelta(days=i): expenditure_kcal(t) for i in range(7)}
    assert energy.low_energy_prompt(DAY, logs, spent) == energy.LEA_MESSAGE  # 4 x 300 + 450 = 1,650
    assert 1650 > 1540 and 0.7 * REE * 1.45 > 1650
    (bare,) = week_targets(ATHLETE, [DAY], lambda a, b: [])
    assert expenditure_kcal(bare) is None


def test_week_targets_read_the_next_day_too():
    sessions = [session("run", 60, 5, "easy", id=1, time=dt.time(22, 0)),
                session("run", 60, 5, "easy", id=2, day=DAY + dt.timedelta(1), time=dt.time(6, 0))]
    calls = []

    def between(a, b):
        calls.append((a, b))
        return [s for s in sessions if a <= s.date <= b]

    days = [DAY]
    (t,) = week_targets(ATHLETE, days, between)
    assert calls == [(DAY, DAY + dt.timedelta(1))]
    assert any("within 8 h" in s.text for s in t.sessions[0].steps)  # 23:00 -> 06:00 is 7 h


# -- sweat rate (Sawka 2007) ----------------------------------------------------------------------
def test_sweat_rate_from_a_weighed_session():
    from planner.domain.sweat import sweat_rate_l_per_h

    # 70.0 kg before, 69.2 kg after, 0.5 L drunk over 60 min: (0.8 + 0.5) / 1 h = 1.3 L/h
    assert sweat_rate_l_per_h(70.0, 69.2, 0.5, 60) == pytest.approx(1.3)
    # 90 min: 1.3 / 1.5 = 0.867 L/h
    assert sweat_rate_l_per_h(70.0, 69.2, 0.5, 90) == pytest.approx(1.3 / 1.5)


@pytest.mark.parametrize(("args", "message"), [
    ((500, 69, 0.5, 60), "mass before: must be between 30 and 250 kg (got 500)"),
    ((70, 7, 0.5, 60), "mass after: must be between 30 and 250 kg (got 7)"),
    ((70, 60, 0.5, 60), "mass after: differs from the mass before by more than 10% of it: check both masses"),
    ((70, 71, 0.5, 60), "mass after: plus the fluid drunk leaves no sweat loss: the mass after should be "
                        "lower than the mass before plus what was drunk"),
    ((70, 69.9, 0.0, 60), "sweat rate: comes out at 0.10 L/h, outside 0.2\u20134 L/h: check the numbers"),
    ((70, 69, 0.5, 5), "duration: must be between 10 and 600 min (got 5)"),
])
def test_impossible_sweat_numbers_are_refused(args, message):
    from planner.domain.errors import ValidationError
    from planner.domain.sweat import sweat_rate_l_per_h

    with pytest.raises(ValidationError) as e:
        sweat_rate_l_per_h(*args)
    assert str(e.value) == message


def test_a_fuel_limit_words_advice_for_the_first_sessions_and_counts_them_all():
    # A day of 25 easy 30-min runs: a pane lists 20, so only 20 get advice; the fluid still counts all
    # 25 (sweat 1.0 L/h x 0.5 h each) and the 5 left out are said.
    runs = [Session(kind="run", type="easy", title=f"Run {i + 1}", duration_min=30, rpe=3, date=DAY, position=i)
            for i in range(25)]
    whole = day_targets(ATHLETE, DAY, runs)
    listed = day_targets(ATHLETE, DAY, runs, fuel_limit=20)
    assert (len(whole.sessions), whole.sessions_not_advised) == (25, 0)
    assert (len(listed.sessions), listed.sessions_not_advised) == (20, 5)
    assert listed.sessions == whole.sessions[:20]
    assert (listed.fluid_l, listed.sweat_loss_l, listed.carbohydrate_g) == (
        whole.fluid_l, whole.sweat_loss_l, whole.carbohydrate_g)
