"""Unit conversions and show/parse helpers; worked: 1 mi = 1.609344 km, 1 lb = 0.45359237 kg."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.domain import units as u
from planner.domain.enums import Units
from planner.domain.errors import ValidationError
from planner.words import numbers as n
from planner.words import quantities as q

M, IMP = Units.METRIC, Units.IMPERIAL


def test_exact_factors():
    assert u.mi_to_km(1) == 1.609344
    assert u.lb_to_kg(1) == 0.45359237
    assert u.km_to_mi(1.609344) == 1.0
    assert u.kg_to_lb(0.45359237) == 1.0


@pytest.mark.parametrize(("km", "mi"), [(10, 6.2137119), (42.195, 26.2187575), (16.09344, 10.0)])
def test_km_mi_worked(km, mi):
    assert u.km_to_mi(km) == pytest.approx(mi, abs=1e-6)


@pytest.mark.parametrize(
    ("kg", "lb"), [(100, 220.4622622), (20, 44.0924524), (102.05828325, 225.0)]
)
def test_kg_lb_worked(kg, lb):
    assert u.kg_to_lb(kg) == pytest.approx(lb, abs=1e-6)


def test_parse_distance_metric_and_imperial():
    assert u.parse_distance("10", M) == 10.0
    assert u.parse_distance("10", IMP) == 16.09344  # exact after rounding to 6 decimals
    assert u.parse_distance(" 5,5 km ", M) == 5.5
    assert u.parse_distance("10 km", IMP) == 10.0  # an explicit unit wins over the profile's
    assert u.parse_distance("26.2 mi", M) == pytest.approx(42.1648128)
    assert u.parse_distance("", IMP) is None
    assert u.parse_distance("   ", M) is None


def test_parse_load_metric_and_imperial():
    assert u.parse_load("100", M) == 100.0
    assert u.parse_load("225", IMP) == round(225 * 0.45359237, 6) == 102.058283
    assert u.parse_load("45 lbs", M) == pytest.approx(20.4116567, abs=1e-6)
    assert u.parse_load("", M) is None  # bodyweight


@pytest.mark.parametrize("text", ["abc", "1.2.3", "10 furlongs", "nan", "inf", "5 kg"])
def test_parse_distance_rejects_garbage(text):
    with pytest.raises(ValidationError) as err:
        u.parse_distance(text, M)
    assert err.value.field == "distance_km"


def test_distance_range_is_the_domains_in_the_users_unit():
    assert u.parse_distance("300", M) == 300.0
    with pytest.raises(ValidationError, match=r"between 0 and 300 km \(got 400 km\)"):
        u.parse_distance("400", M)
    assert u.parse_distance("186.41", IMP) == pytest.approx(299.998)
    with pytest.raises(ValidationError, match=r"between 0 and 186.41 mi \(got 200 mi\)"):
        u.parse_distance("200", IMP)
    with pytest.raises(ValidationError, match="between 0 and"):
        u.parse_distance("-1", M)


def test_load_range_in_pounds():
    assert u.load_limits(IMP)[1] == pytest.approx(1102.3113109)
    with pytest.raises(ValidationError, match=r"between 0 and 1102.31 lb \(got 1200 lb\)") as err:
        u.parse_load("1200", IMP, field="load")
    assert err.value.field == "load"


def test_format():
    assert q.format_distance(10.0, M) == "10 km"
    assert q.format_distance(10.0, IMP) == "6.21 mi"
    assert q.format_distance(16.09344, IMP, with_unit=False) == "10"
    assert q.format_distance(None, IMP) == ""
    assert q.format_load(100, IMP) == "220 lb"
    assert q.format_load(102.5, M) == "102.5 kg"
    assert q.format_load(None, M) == ""
    assert n.format_number(0.0) == "0"
    assert n.format_number(-0.001) == "0"


def test_pace():
    assert u.pace_s_per_km(50, 10) == 300.0
    assert u.pace_s_per_km(50, None) is None
    assert u.pace_s_per_km(50, 0) is None
    assert q.format_pace(300, M) == "5:00 /km"
    assert q.format_pace(300, IMP) == "8:03 /mi"  # 482.8 s per mile
    assert q.format_pace(299.7, M) == "5:00 /km"  # never "4:60"
    assert q.format_pace(359.5, M) == "6:00 /km"
    assert q.format_pace(245, M) == "4:05 /km"


@given(st.floats(min_value=0, max_value=300))
def test_shown_distance_reads_back_within_display_precision(km):
    for units in Units:
        shown = q.format_distance(km, units, with_unit=False)
        back = u.parse_distance(shown, units)
        assert back == pytest.approx(km, abs=0.005 * u.KM_PER_MILE + 1e-9)


@given(st.floats(min_value=0, max_value=1102.31))
def test_any_pound_value_in_range_parses(lb):
    kg = u.parse_load(n.format_number(lb, 4), IMP)
    assert kg is not None
    assert 0 <= kg <= 500
