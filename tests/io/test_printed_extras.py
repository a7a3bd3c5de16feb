"""The engines the printed week shows today: nutrition targets where the nutrition engine is built in."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.domain.enums import Kind, Sex
from planner.domain.profile import Profile
from planner.domain.session import Session
from planner.io.printed_extras import NUTRITION_SOURCES, available_extras
from planner.io.printed_week import SOURCES, build_printed_week

MONDAY = dt.date(2026, 11, 23)


def test_without_the_engines_their_parts_are_left_off(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_nutrition(name, *args, **kwargs):
        if name in ("planner.domain.nutrition", "planner.domain.load_history"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_nutrition)
    extras = available_extras()
    assert extras.nutrition is None and extras.load is None and extras.sources == ()
    week = build_printed_week(MONDAY, lambda a, b: [], Profile(), extras)
    assert week.nutrition_by_day is None and week.load_totals is None and week.sources == (SOURCES,)


def test_nutrition_targets_from_the_engine():
    pytest.importorskip("planner.domain.nutrition", reason="the nutrition engine (issue 11) is not in this build")
    run = Session(kind=Kind.RUN, type="easy", title="Easy hour", duration_min=60, rpe=4, distance_km=10, date=MONDAY,
                  id=1)
    extras = available_extras()
    week = build_printed_week(MONDAY, lambda a, b: [s for s in [run] if a <= s.date <= b],
                              Profile(body_mass_kg=70), extras)
    assert week.sources[0] == SOURCES and week.sources[-1] == NUTRITION_SOURCES
    assert sorted(week.nutrition_by_day) == [MONDAY + dt.timedelta(days=i) for i in range(7)]
    monday = week.nutrition_by_day[MONDAY].lines()
    # about an hour of training: 5-7 g/kg x 70 kg = 350-490 g (Thomas 2016); protein 1.4-2.0 g/kg = 98-140 g
    assert monday[:2] == ("Carbs 350–490 g", "Protein 98–140 g")
    # the day's class, then each run's fuelling in the nutrition panel's words (one function)
    assert monday[-1] == ("Moderate day (about an hour of training). Easy hour \u2013 During: a carbohydrate "
                          "mouth rinse or small amounts.")
    # no height, age and sex: no fat line (fat is the rest of an energy figure there is none of)
    assert not any(line.startswith("Fat") for line in monday)
    with_body = build_printed_week(MONDAY, lambda a, b: [s for s in [run] if a <= s.date <= b],
                                   Profile(body_mass_kg=70, height_cm=175, age=30, sex=Sex.MALE), extras)
    assert with_body.nutrition_by_day[MONDAY].lines()[2].startswith("Fat ")
    # a rest day: 3-5 g/kg = 210-350 g
    assert week.nutrition_by_day[MONDAY + dt.timedelta(days=1)].lines()[0] == "Carbs 210–350 g"


def _runs(days, load_rpe=5, minutes=60):
    return [Session(kind=Kind.RUN, type="easy", title="Run", duration_min=minutes, rpe=load_rpe, date=d, id=n + 1)
            for n, d in enumerate(days)]


def test_load_lines_from_the_load_engine():
    pytest.importorskip("planner.domain.load_history", reason="the load engine is not in this build")
    from planner.io.printed_extras import load_source

    # one week, 300 AU (RPE 5 x 60 min) on Mon, Wed, Fri, Sun: mean 1200/7, population SD 300 x sqrt(12)/7,
    # so monotony = 4 / sqrt(12) = 1.1547 and strain = 1200 x 1.1547 = 1,385.6
    week = _runs([MONDAY + dt.timedelta(days=k) for k in (0, 2, 4, 6)])
    lines = dict(load_source()(MONDAY, lambda a, b: [s for s in week if a <= s.date <= b], Profile()))
    assert lines["Monotony, strain"] == "1.15, 1,386"
    assert lines["Acute:chronic"] == "building up (under 28 days of history)"
    assert "Hard sets" not in lines  # runs only

    # ten weeks of 300 AU every day: equal days leave monotony undefined; both EWMAs start at 0, so on
    # day 70 acute = 300 (1 - 0.75^70) and chronic = 300 (1 - (27/29)^70): ratio 1.0067 -> "1.01"
    first = MONDAY - dt.timedelta(weeks=9)
    every_day = _runs([first + dt.timedelta(days=k) for k in range(70)])
    lines = dict(load_source()(MONDAY, lambda a, b: [s for s in every_day if a <= s.date <= b], Profile()))
    assert lines["Monotony, strain"] == "undefined (every day the same)"
    ratio = (1 - 0.75**70) / (1 - (27 / 29) ** 70)
    assert f"{ratio:.2f}" == "1.01" and lines["Acute:chronic"] == "1.01 on Sun (EWMA; a trend, not a risk score)"
    assert build_printed_week(MONDAY, lambda a, b: [], Profile(), available_extras()).load_totals == ()


def test_the_printed_week_lists_the_plan_checks_findings(tmp_path):
    """Intervals on Tuesday, heavy legs on Wednesday: the page carries the plan check's warning."""
    from planner.domain.session import Session
    from planner.io.printed_extras import available_extras
    from planner.io.printed_week import build_printed_week
    from planner.services.plancheck import PlanCheck
    from planner.store.database import open_store
    from tests.services.conftest import BUILTINS, MONDAY

    store = open_store(tmp_path, BUILTINS)
    try:
        tue, wed = MONDAY + dt.timedelta(days=1), MONDAY + dt.timedelta(days=2)
        intervals = Session(kind="run", type="intervals", title="Intervals", date=tue, duration_min=55, rpe=8,
                            distance_km=9)
        legs = [t for t in BUILTINS if t.id == "heavy-lower"][0].to_session(wed)
        store.sessions.apply(put=[intervals, legs])
        found = PlanCheck(store).findings(MONDAY, MONDAY + dt.timedelta(days=6), with_fixes=False)
        week = build_printed_week(MONDAY, store.sessions.between, store.profile.get(), available_extras(found))
        assert week.findings is not None
        assert [(f.severity, f.day) for f in week.findings if "the day after a key run" in f.text] == [
            ("Warning", wed)]
        bare = build_printed_week(MONDAY, store.sessions.between, store.profile.get(), available_extras())
        assert bare.findings is None  # without findings the part is left off
    finally:
        store.close()
