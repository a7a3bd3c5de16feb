"""The report's per-day `nutrition` ranges, through the function and through `report --json`."""

from __future__ import annotations

import datetime as dt

from planner.domain.enums import Kind, Status
from planner.domain.profile import Profile
from planner.domain.session import Session
from planner.io.report import build_report, context_for_week

MONDAY = dt.date(2026, 11, 23)
KEYS = ["carbohydrate_g", "protein_g", "fat_g", "fluid_l", "energy_kcal"]


def _week(sessions: list[Session], profile: Profile) -> dict:
    def between(first: dt.date, last: dt.date) -> list[Session]:
        return [s for s in sessions if first <= s.date <= last]

    return build_report(context_for_week(MONDAY, between, profile))


def test_every_day_has_the_five_ranges_worked_out_for_70_kg():
    tuesday = MONDAY + dt.timedelta(1)
    sessions = [
        Session(kind=Kind.RUN, type="easy", title="Easy", duration_min=60, rpe=3, date=MONDAY, id=1),
        Session(kind=Kind.RUN, type="long", title="Long", duration_min=120, rpe=5, date=tuesday, id=2),
        Session(kind=Kind.LIFT, type="upper", title="Upper", duration_min=45, rpe=6, date=tuesday, id=3,
                position=1),
    ]
    r = _week(sessions, Profile(body_mass_kg=70, sweat_rate_l_per_h=1.0))
    days = r["days"]
    assert all(list(d["nutrition"]) == KEYS for d in days)
    # Monday, 60 min easy: 5-7 g/kg = 350-490 g; energy 4 (350 + 98) / 0.8 = 2240 to
    # 4 (490 + 140) / 0.65 = 3876.9; fat 0.2 x 2240 / 9 = 49.8, 0.35 x 3876.9 / 9 = 150.8;
    # fluid 2.25 + 1.0 = 3.25 to 3.25 + 0.5 x 1.0 = 3.75 L
    assert days[0]["nutrition"] == {"carbohydrate_g": [350, 490], "protein_g": [98, 140],
                                    "fat_g": [50, 151], "fluid_l": [3.25, 3.75],
                                    "energy_kcal": [2240, 3877]}
    # Tuesday, 165 min moderate: 6-10 g/kg = 420-700 g; 4 (420 + 98) / 0.8 = 2590,
    # 4 (700 + 140) / 0.65 = 5169.2; fat 57.6 and 201.0; fluid 5.0 to 5.0 + 0.5 x 2.15 = 6.075
    assert days[1]["nutrition"]["carbohydrate_g"] == [420, 700]
    assert days[1]["nutrition"]["energy_kcal"] == [2590, 5169]
    assert days[1]["nutrition"]["fat_g"] == [58, 201]
    assert days[1]["nutrition"]["fluid_l"][0] == 5
    assert abs(days[1]["nutrition"]["fluid_l"][1] - 6.075) <= 0.005
    # a rest day: 3-5 g/kg
    assert days[2]["nutrition"]["carbohydrate_g"] == [210, 350]


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
    fuel = "  fuel: carbohydrate 210-350 g, protein 98-140 g, fat 34-117 g, fluid 2.25 L, energy 1540-3015 kcal"
    assert lines.count(fuel) == 7
    assert lines[lines.index("Mon 23 Nov") + 2] == fuel
