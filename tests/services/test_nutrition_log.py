"""The nutrition log operation: before/after records that undo and redo exactly, no Qt needed."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.domain.errors import ValidationError
from planner.domain.profile import NutritionLog
from planner.services.nutrition_log import intake_between, put_intake, set_intake
from planner.store.database import open_store

DAY = dt.date(2026, 11, 23)


@pytest.fixture
def store(data_dir):
    s = open_store(data_dir, ())
    yield s
    s.close()


def test_set_returns_before_and_after_and_undo_puts_before_back(store, data_dir):
    first = NutritionLog(DAY, carb_g=400, protein_g=120, fat_g=70, fluid_l=3.0)
    assert set_intake(store, DAY, first) == (None, first)
    second = NutritionLog(DAY, carb_g=450, fluid_l=3.5)
    before, after = set_intake(store, DAY, second)
    assert (before, after) == (first, second)
    put_intake(store, DAY, before)  # undo
    assert store.nutrition.get(DAY) == first
    put_intake(store, DAY, after)  # redo
    store.close()
    reopened = open_store(data_dir, ())
    try:
        assert reopened.nutrition.get(DAY) == second
    finally:
        reopened.close()


def test_an_empty_log_removes_the_day(store):
    set_intake(store, DAY, NutritionLog(DAY, carb_g=300))
    before, after = set_intake(store, DAY, NutritionLog(DAY))
    assert (before, after) == (NutritionLog(DAY, carb_g=300), None)
    assert store.nutrition.get(DAY) is None


def test_other_days_are_kept_and_read_by_range(store):
    for i in range(3):
        set_intake(store, DAY + dt.timedelta(i), NutritionLog(DAY + dt.timedelta(i), fluid_l=2 + i))
    assert sorted(intake_between(store, DAY + dt.timedelta(1), DAY + dt.timedelta(2))) == [
        DAY + dt.timedelta(1), DAY + dt.timedelta(2)]


def test_a_log_for_another_day_or_a_wrong_value_is_refused_and_nothing_is_written(store):
    with pytest.raises(ValidationError, match="the log is for 2026-11-24, not 2026-11-23"):
        set_intake(store, DAY, NutritionLog(DAY + dt.timedelta(1), carb_g=10))
    with pytest.raises(ValidationError, match=r"carbohydrate: must be between 0 and 2000 g \(got -5\)"):
        set_intake(store, DAY, NutritionLog(DAY, carb_g=-5))
    assert store.nutrition.all() == []
