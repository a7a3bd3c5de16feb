"""A card's tooltip shows what an imported activity or log recorded."""

from __future__ import annotations

import datetime as dt

from planner.domain.enums import Units
from planner.domain.session import Exercise, Session, WorkSet
from planner.words.cards import tooltip


def test_heart_rate_ascent_and_the_sets_lifted():
    run = Session(kind="run", title="Easy run", duration_min=45, rpe=3, date=dt.date(2026, 11, 24), status="done",
                  actual_duration_min=47, actual_distance_km=9.008, avg_hr=154, max_hr=178, ascent_m=64.0)
    html = tooltip(run, Units.METRIC)
    assert "<tr><td><b>Heart rate</b></td><td>avg 154, max 178 bpm</td></tr>" in html
    assert "<tr><td><b>Ascent</b></td><td>64 m</td></tr>" in html
    lift = Session(kind="lift", title="Legs", duration_min=60, rpe=7, date=dt.date(2026, 11, 24), status="done",
                   exercises=(Exercise("Back squat", (WorkSet(5, 100),)),),
                   actual_exercises=(Exercise("Plank", (WorkSet(0, seconds=90),) * 2),))
    html = tooltip(lift, Units.METRIC)
    assert "<li>Back squat 1 × 5 @ 100 kg</li>" in html
    assert "<b>Lifted</b><ul style='margin-left:-20px'><li>Plank 2 × 90 s</li></ul>" in html
    assert "Lifted" not in tooltip(lift.replace(status="planned"), Units.METRIC)
