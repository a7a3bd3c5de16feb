"""Nutrition targets: worked examples for a 70 kg athlete, the carbohydrate table's edges, and the
rules around sessions. Every number is worked out here from SCIENCE.md section 6."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.domain import energy, fuelling
from planner.domain.enums import Intensity, Kind, Sex, Status, Units
from planner.domain.fuelling import Phase, during_band
from planner.domain.nutrition import CARB_TABLE, carb_band, day_targets, meal_split, week_targets
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


# -- the three worked examples --------------------------------------------------------------------
def test_rest_day_for_a_70_kg_athlete():
    t = day_targets(ATHLETE, DAY, [])
    assert t.band.label == "Rest or light day"
    assert (t.carbohydrate_g.lo, t.carbohydrate_g.hi) == approx(Range(3 * 70, 5 * 70))  # 210-350 g
    assert (t.protein_g.lo, t.protein_g.hi) == approx(Range(1.4 * 70, 2.0 * 70))  # 98-140 g
    # energy: low = 4 (210 + 98) / (1 - 0.20) = 1232 / 0.8 = 1540 kcal;
    #         high = 4 (350 + 140) / (1 - 0.35) = 1960 / 0.65 = 3015.38 kcal
    assert (t.energy_kcal.lo, t.energy_kcal.hi) == approx(Range(1540, 1960 / 0.65))
    # fat: 20 % of 1540 / 9 = 34.22 g; 35 % of 3015.38 / 9 = 117.26 g
    assert (t.fat_g.lo, t.fat_g.hi) == approx(Range(0.2 * 1540 / 9, 0.35 * (1960 / 0.65) / 9))
    # sex not given: the EFSA midpoint 2.25 L, no sweat
    assert (t.fluid_l.lo, t.fluid_l.hi) == (2.25, 2.25)
    assert t.sessions == () and t.training_min == 0 and t.effort is None
    assert t.as_json() == {"carbohydrate_g": [210, 350], "protein_g": [98, 140], "fat_g": [34, 117],
                           "fluid_l": [2.25, 2.25], "energy_kcal": [1540, 3015]}


def test_energy_identity_holds_at_both_ends():
    t = day_targets(ATHLETE, DAY, [session("run", 60, 3, "easy")])
    for end in ("lo", "hi"):
        c, p, f, e = (getattr(getattr(t, k), end) for k in ("carbohydrate_g", "protein_g", "fat_g", "energy_kcal"))
        assert 4 * c + 4 * p + 9 * f == pytest.approx(e)
    assert t.fat_g.lo * 9 / t.energy_kcal.lo == pytest.approx(0.20)
    assert t.fat_g.hi * 9 / t.energy_kcal.hi == pytest.approx(0.35)


def test_sixty_minute_easy_run():
    t = day_targets(ATHLETE, DAY, [session("run", 60, 3, "easy")])
    assert t.band.label == "About an hour of training"
    assert t.as_json()["carbohydrate_g"] == [5 * 70, 7 * 70]  # 350-490 g
    # energy low 4 (350 + 98) / 0.8 = 2240; high 4 (490 + 140) / 0.65 = 3876.9
    assert t.as_json()["energy_kcal"] == [2240, 3877]
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
    assert t.band.g_per_kg == Range(6, 10)  # 1-3 h moderate to hard
    assert t.as_json()["carbohydrate_g"] == [420, 700]
    # energy low 4 (420 + 98) / 0.8 = 2590; high 4 (700 + 140) / 0.65 = 5169.2
    assert t.as_json()["energy_kcal"] == [2590, 5169]
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
    # lifting: no carbohydrate during it, ever; 0.3-0.4 g/kg protein after = 21-28 g
    assert all(s.carbohydrate_g is None for s in lift.phase(Phase.DURING))
    assert lift.phase(Phase.AFTER)[0].text == "0.3\u20130.4 g/kg of protein (21\u201328 g) after lifting"
    assert (lift.phase(Phase.AFTER)[0].protein_g.lo, lift.phase(Phase.AFTER)[0].protein_g.hi) == approx(
        Range(0.3 * 70, 0.4 * 70))


# -- the carbohydrate table ---------------------------------------------------------------------
@pytest.mark.parametrize(("minutes", "effort", "g_per_kg"), [
    (0, None, (3, 5)),
    (44, Intensity.HARD, (3, 5)),
    (45, Intensity.EASY, (5, 7)),
    (89, Intensity.HARD, (5, 7)),
    (90, Intensity.EASY, (5, 7)),
    (90, Intensity.MODERATE, (6, 10)),
    (180, Intensity.HARD, (6, 10)),  # the 3-4 h gap: the app extends 6-10
    (239, Intensity.MODERATE, (6, 10)),
    (239, Intensity.EASY, (5, 7)),
    (240, Intensity.EASY, (6, 10)),
    (240, Intensity.MODERATE, (8, 12)),
    (600, Intensity.HARD, (8, 12)),
])
def test_carb_table_edges(minutes, effort, g_per_kg):
    assert carb_band(minutes, effort).g_per_kg == Range(*g_per_kg)


@given(st.integers(0, 24 * 60), st.sampled_from([None, *Intensity]))
def test_every_duration_lands_in_exactly_one_row(minutes, effort):
    assert sum(band.matches(minutes, effort) for band in CARB_TABLE) == 1


def test_mobility_and_skipped_sessions_are_not_training():
    yoga = session("mobility", 60, 2, "yoga", id=1)
    skipped = session("run", 90, 7, "tempo", id=2, position=1, status=Status.SKIPPED)
    t = day_targets(ATHLETE, DAY, [yoga, skipped])
    assert t.training_min == 0 and t.band.g_per_kg == Range(3, 5)
    assert [f.session_id for f in t.sessions] == [1] and t.sessions[0].steps == ()


def test_done_sessions_count_with_their_actual_values():
    # planned 40 min easy (light day); done as 100 min at RPE 7 -> 90-240 harder -> 6-10 g/kg
    done = session("run", 40, 3, "easy", status=Status.DONE, actual_duration_min=100, actual_rpe=7)
    t = day_targets(ATHLETE, DAY, [done])
    assert (t.training_min, t.effort) == (100, Intensity.HARD)
    assert t.band.g_per_kg == Range(6, 10)


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
    assert fuelling.format_fluid(1.0, Units.IMPERIAL) == "34 fl oz"  # 1 / 0.0295735 = 33.8
    assert fuelling.format_fluid(1.25, Units.METRIC) == "1.25 L"


# -- energy: Mifflin-St Jeor and METs -------------------------------------------------------------
def test_second_estimate_needs_height_age_and_sex():
    assert day_targets(ATHLETE.replace(height_cm=175, age=30), DAY, []).second_estimate_kcal is None
    man = ATHLETE.replace(height_cm=175, age=30, sex=Sex.MALE)
    # REE = 10 x 70 + 6.25 x 175 - 5 x 30 + 5 = 700 + 1093.75 - 150 + 5 = 1648.75 kcal
    assert energy.resting_energy_kcal(man) == pytest.approx(1648.75)
    # 60 min easy run: 8.3 METs x 70 kg x 1 h = 581 kcal; x 1.2 and x 1.4 for daily living
    t = day_targets(man, DAY, [session("run", 60, 3, "easy")])
    assert t.exercise_kcal == pytest.approx(581)
    assert t.second_estimate_kcal is not None
    assert approx(t.second_estimate_kcal) == (1648.75 * 1.2 + 581, 1648.75 * 1.4 + 581)
    woman = man.replace(sex=Sex.FEMALE)  # - 161 instead of + 5: 1482.75 kcal
    assert energy.resting_energy_kcal(woman) == pytest.approx(1482.75)


def test_lift_mets_depend_on_intensity():
    assert energy.session_kcal(Kind.LIFT, Intensity.MODERATE, 60, 70) == pytest.approx(3.5 * 70)
    assert energy.session_kcal(Kind.LIFT, Intensity.HARD, 30, 70) == pytest.approx(6.0 * 70 * 0.5)
    assert energy.session_kcal(Kind.REST, Intensity.EASY, 0, 70) == 0


# -- low energy availability ----------------------------------------------------------------------
def _logs(kcal_days: int, carb: float) -> list[NutritionLog]:
    return [NutritionLog(DAY - dt.timedelta(days=i), carb_g=carb, protein_g=100, fat_g=50)
            for i in range(kcal_days)]


def test_low_energy_prompt_after_a_week_far_below_the_estimate():
    estimate = {DAY - dt.timedelta(days=i): 2500.0 for i in range(7)}
    # 4 x 150 + 4 x 100 + 9 x 50 = 1450 kcal < 0.7 x 2500 = 1750 on every logged day
    assert energy.low_energy_prompt(DAY, _logs(5, 150), estimate) == energy.LEA_MESSAGE
    assert "not a diagnosis" in energy.LEA_MESSAGE
    # four logged days are not a week's pattern
    assert energy.low_energy_prompt(DAY, _logs(4, 150), estimate) is None
    # 4 x 230 + 400 + 450 = 1770 kcal: over 70 % of 2500
    assert energy.low_energy_prompt(DAY, _logs(7, 230), estimate) is None


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
