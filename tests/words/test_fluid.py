"""Fluid and sweat rate in litres, or US fluid ounces under imperial units (1 fl oz = 29.5735 mL)."""

from __future__ import annotations

from planner.domain.enums import Units
from planner.words.fluid import fluid_range_text, fluid_text, sweat_rate_text

M, IMP = Units.METRIC, Units.IMPERIAL


def test_one_amount():
    assert fluid_text(1.0, IMP) == "34 fl oz"  # 1 / 0.0295735 = 33.8
    assert fluid_text(1.25, M) == "1.25 L"
    assert fluid_text(2.0, M) == "2 L"


def test_a_range_and_a_range_that_reads_as_one_number():
    # 2.58 / 0.0295735 = 87.2 -> 87; 2.75 -> 93.0 -> 93
    assert fluid_range_text(2.58, 2.75, M) == "2.58–2.75 L"
    assert fluid_range_text(2.58, 2.75, IMP) == "87–93 fl oz"
    assert fluid_range_text(2.25, 2.25, M) == "2.25 L"
    assert fluid_range_text(2.25, 2.26, IMP) == "76 fl oz"  # 76.08 and 76.42 both read 76
    assert fluid_range_text(5.0, 6.075, M, dash="-") == "5-6.08 L"


def test_sweat_rate():
    assert sweat_rate_text(1.3, M) == "1.3 L/h"
    assert sweat_rate_text(1.3, IMP) == "44 fl oz/h"  # 1.3 / 0.0295735 = 43.96
