"""Clock times and paces, written once (planner/words/paces.py), per km and per mile."""

from __future__ import annotations

from planner.domain.enums import Units
from planner.domain.paces import RecentRace, TrainingPaces
from planner.words.paces import clock, pace_clock, pace_range_text
from planner.words.quantities import format_pace
from planner.words.targets import target_in_units


def test_clock_rounds_before_splitting():
    assert clock(299.7) == "5:00"
    assert clock(5400) == "1:30:00"
    assert clock(2700) == "45:00"


def test_a_pace_range_per_km_and_per_mile():
    # 325 s/km x 1.609344 = 523.0 s/mi = 8:43; 355 s/km = 571.3 s/mi = 9:31.
    assert pace_range_text(325, 355) == "5:25-5:55/km"
    assert pace_range_text(325, 355, Units.IMPERIAL) == "8:43-9:31/mi"
    assert pace_range_text(300, 300.2) == "5:00/km"
    assert pace_clock(300, Units.IMPERIAL) == "8:03"


def test_the_card_pace_and_the_target_pace_agree():
    """One conversion: the editor's pace, a target's pace and a range read alike per mile."""
    assert format_pace(325, Units.IMPERIAL) == "8:43 /mi"
    assert target_in_units("5:25-5:55/km easy", Units.IMPERIAL) == "8:43-9:31/mi easy"


def test_training_paces_in_miles():
    paces = TrainingPaces.from_race(RecentRace.parse("10", "45:00"))
    assert paces.lines(Units.IMPERIAL) == ["easy 8:32-9:28/mi", "marathon 7:54/mi", "threshold 7:25/mi",
                                           "interval 6:50/mi", "repetition 6:26/mi (1:36 per 400 m)"]
    assert paces.summary(Units.IMPERIAL).startswith(
        "Training paces from 6.21 mi in 45:00 (VDOT 45.3, Daniels 2014): easy 8:32-9:28/mi; ")
