"""Loads as plates give them, body mass as weighed (issue: "198.42 lb" and "143.3 lb" no plate gives)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.domain.enums import Units
from planner.domain.session import LOAD_RANGE
from planner.domain.units import KG_PER_POUND, lb_to_kg, load_from_display
from planner.words.quantities import PLATE_STEP, format_load, format_mass, plate_load

M, IMP = Units.METRIC, Units.IMPERIAL


@pytest.mark.parametrize(("kg", "units", "shown"), [
    (90, IMP, "197.5 lb"),  # 198.416 lb: 79.37 steps of 2.5 -> 79 -> 197.5
    (65, IMP, "142.5 lb"),  # 143.30 lb -> 57.32 steps -> 57 -> 142.5
    (100, IMP, "220 lb"),  # 220.46 lb -> 88.18 steps -> 88 -> 220, no decimals
    (102.5, IMP, "225 lb"),  # 225.97 lb -> 90.39 steps -> 90
    (62.5, M, "62.5 kg"),
    (61.25, M, "61.25 kg"),  # the step needs both decimals
    (62.4, M, "62.5 kg"),  # 49.92 steps of 1.25 -> 50
    (16, M, "16 kg"),  # a kettlebell: a whole number stays as typed
    (None, M, ""),  # bodyweight
])
def test_loads_read_as_plates_give_them(kg, units, shown):
    assert format_load(kg, units) == shown


def test_both_sides_of_the_half_step():
    """198.75 lb is half way between 197.5 and 200."""
    assert format_load(lb_to_kg(198.74), IMP) == "197.5 lb"
    assert format_load(lb_to_kg(198.76), IMP) == "200 lb"


def test_both_sides_of_the_whole_number_tolerance():
    """Within 0.005 of a whole number the load was typed as that number; beyond, plates decide."""
    assert format_load(16.004, M) == "16 kg"
    assert format_load(16.006, M) == "16.25 kg"  # 12.8048 steps of 1.25 -> 13
    assert format_load(load_from_display(101, IMP), IMP) == "101 lb"  # stored as 45.812829 kg


def test_body_mass_is_shown_as_weighed():
    assert format_mass(80, IMP) == "176.37 lb"  # 80 / 0.45359237 = 176.370
    assert format_mass(72.3, M) == "72.3 kg"


@given(st.floats(min_value=LOAD_RANGE[0], max_value=LOAD_RANGE[1]), st.sampled_from(list(Units)))
def test_every_load_shown_is_a_plate_step_or_a_whole_number(kg, units):
    shown = plate_load(kg, units)
    exact = kg / KG_PER_POUND if units is IMP else kg
    assert shown.is_integer() or (shown / PLATE_STEP[units]).is_integer()
    assert abs(shown - exact) <= PLATE_STEP[units] / 2 + 1e-9
    assert len(format_load(kg, units, with_unit=False).partition(".")[2]) <= 2
