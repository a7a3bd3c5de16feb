"""The engines the printed week shows today: nutrition targets where the nutrition engine is built in."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.domain.enums import Kind
from planner.domain.profile import Profile
from planner.domain.session import Session
from planner.io.printed_extras import NUTRITION_SOURCES, available_extras
from planner.io.printed_week import SOURCES, build_printed_week

MONDAY = dt.date(2026, 11, 23)


def test_without_the_engine_the_row_is_left_off(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_nutrition(name, *args, **kwargs):
        if name == "planner.domain.nutrition":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_nutrition)
    extras = available_extras()
    assert extras.nutrition is None and extras.sources == ()
    week = build_printed_week(MONDAY, lambda a, b: [], Profile(), extras)
    assert week.nutrition_by_day is None and week.sources == (SOURCES,)


def test_nutrition_targets_from_the_engine():
    pytest.importorskip("planner.domain.nutrition", reason="the nutrition engine (issue 11) is not in this build")
    run = Session(kind=Kind.RUN, type="easy", title="Easy hour", duration_min=60, rpe=4, distance_km=10, date=MONDAY,
                  id=1)
    extras = available_extras()
    week = build_printed_week(MONDAY, lambda a, b: [s for s in [run] if a <= s.date <= b],
                              Profile(body_mass_kg=70), extras)
    assert week.sources == (SOURCES, NUTRITION_SOURCES)
    assert sorted(week.nutrition_by_day) == [MONDAY + dt.timedelta(days=i) for i in range(7)]
    monday = week.nutrition_by_day[MONDAY].lines()
    # about an hour of training: 5-7 g/kg x 70 kg = 350-490 g (Thomas 2016); protein 1.4-2.0 g/kg = 98-140 g
    assert monday[:2] == ("Carbs 350–490 g", "Protein 98–140 g")
    assert monday[-1] == "About an hour of training"
    # a rest day: 3-5 g/kg = 210-350 g
    assert week.nutrition_by_day[MONDAY + dt.timedelta(days=1)].lines()[0] == "Carbs 210–350 g"
