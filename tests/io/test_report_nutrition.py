"""The report's per-day `nutrition` ranges, through the function and through `report --json`."""

from __future__ import annotations

import datetime as dt

from planner.domain.enums import Kind, Sex, Status
from planner.domain.profile import Profile
from planner.domain.session import Session
from planner.io.report import build_report, context_for_week

MONDAY = dt.date(2026, 11, 23)
KEYS = ["carbohydrate_g", "protein_g", "fat_g", "fluid_l", "energy_kcal"]


def _week(sessions: list[Session], profile: Profile) -> dict:
    def between(first: dt.date, last: dt.date) -> list[Session]:
        return [s for s in sessions if first <= s.date <= last]

    return build_report(context_for_week(MONDAY, between, profile))


MAN = Profile(body_mass_kg=70, sweat_rate_l_per_h=1.0, height_cm=175, age=30, sex=Sex.MALE)
REE = 10 * 70 + 6.25 * 175 - 5 * 30 + 5  # Mifflin-St Jeor: 1648.75 kcal


def test_every_day_has_the_five_ranges_worked_out_for_70_kg():
    tuesday = MONDAY + dt.timedelta(1)
    sessions = [
        Session(kind=Kind.RUN, type="easy", title="Easy", duration_min=60, rpe=3, date=MONDAY, id=1),
        Session(kind=Kind.RUN, type="long", title="Long", duration_min=120, rpe=5, date=tuesday, id=2,
                distance_km=20),
        Session(kind=Kind.LIFT, type="upper", title="Upper", duration_min=45, rpe=6, date=tuesday, id=3,
                position=1),
    ]
    r = _week(sessions, MAN)
    days = r["days"]
    assert all(list(d["nutrition"]) == [*KEYS, "fuelling"] for d in days)
    # Monday, 60 min easy (no distance: 8.3 METs x 70 kg x 1 h = 581 kcal): 5-7 g/kg = 350-490 g;
    # expenditure 1648.75 x 1.45 + 581 = 2971.69 kcal; band 1648.75 x 1.4 + 0.9 x 581 = 2831.2 to
    # 1648.75 x 1.5 + 1.1 x 581 = 3112.2; fat the rest, 20-35 % of 2971.69: 66.0-115.6 g;
    # fluid 2.5 (men) + 1.0 = 3.5 to 3.5 + 0.5 x 1.0 = 4.0 L
    assert days[0]["nutrition"] | {"fuelling": None} == {
        "carbohydrate_g": [350, 490], "protein_g": [98, 140], "fat_g": [66, 116], "fluid_l": [3.5, 4.0],
        "energy_kcal": [2831, 3112], "fuelling": None}
    # Tuesday: 120 x 1.25 + 45 x 0.5 = 172.5 weighted min: 6-10 g/kg = 420-700 g; training 20 km x 70
    # = 1400 kcal (1 kcal/kg/km) + 3.5 METs x 70 x 0.75 h = 183.75; band 2308.25 + 0.9 x 1583.75 =
    # 3733.6 to 2473.13 + 1.1 x 1583.75 = 4215.3; fluid 5.25 to 5.25 + 0.5 x 2.15 = 6.325
    # 700 g of carbohydrate and 98 g of protein would leave fat under 20 % of 3974.44 kcal: the high
    # end comes down to (0.8 x 3974.44 - 4 x 98) / 4 = 696.9 g.
    e = REE * 1.45 + 1583.75  # fat: max(20 %, e - 4 x 696.9 - 560) to min(35 %, e - 1680 - 392)
    assert days[1]["nutrition"]["carbohydrate_g"] == [420, round((0.8 * e - 392) / 4)] == [420, 697]
    assert days[1]["nutrition"]["energy_kcal"] == [3734, 4215]
    assert days[1]["nutrition"]["fat_g"] == [round(0.2 * e / 9), round(0.35 * e / 9)] == [88, 155]
    assert days[1]["nutrition"]["fluid_l"][0] == 5.25
    # a rest day: 3-5 g/kg
    assert days[2]["nutrition"]["carbohydrate_g"] == [210, 350]
    # fuelling: the panel's words, one function
    (easy,) = days[0]["nutrition"]["fuelling"]
    assert easy == {"session_id": 1, "before": "", "during": "A carbohydrate mouth rinse or small amounts",
                    "after": "", "text": "During: a carbohydrate mouth rinse or small amounts."}
    long_run, upper = days[1]["nutrition"]["fuelling"]
    assert long_run["during"] == "Up to 60 g/h of carbohydrate"
    assert upper["before"] == "A normal mixed meal 2\u20133 h before"
    assert upper["after"] == "0.3\u20130.4 g/kg of protein (21\u201328 g) after lifting"


def test_without_height_age_and_sex_energy_is_null():
    r = _week([], Profile(body_mass_kg=70))
    assert all(d["nutrition"]["energy_kcal"] is None and d["nutrition"]["fat_g"] is None for d in r["days"])


def test_body_mass_and_actual_values_drive_the_numbers():
    done = Session(kind=Kind.RUN, type="easy", title="Easy", duration_min=30, rpe=3, date=MONDAY, id=1,
                   status=Status.DONE, actual_duration_min=60, actual_rpe=3)
    r = _week([done], Profile(body_mass_kg=80, sweat_rate_l_per_h=1.0))
    # done as 60 min (not the 30 planned): 5-7 g/kg x 80 kg = 400-560 g; protein 112-160 g
    assert r["days"][0]["nutrition"]["carbohydrate_g"] == [400, 560]
    assert r["days"][0]["nutrition"]["protein_g"] == [112, 160]


def test_text_report_shows_a_fuel_line_per_day():
    from planner.io.report import to_text

    r = _week([], Profile(body_mass_kg=70))
    lines = to_text(r).splitlines()
    # an empty week: every day a rest day, 3-5 g/kg x 70 kg, EFSA midpoint 2.25 L
    fuel = ("  fuel: carbohydrate 210-350 g, protein 98-140 g, fluid 2.25 L, fat and energy need height, age "
            "and sex")
    assert lines.count(fuel) == 7
    assert lines[lines.index("Mon 23 Nov") + 2] == fuel
