"""One module holds the CR-10 scale words and the session class (DESIGN.md; SCIENCE.md §9)."""

from __future__ import annotations

import pytest

from planner.domain.enums import Intensity, Kind
from planner.domain.intensity import classify, cr10_anchor, intensity, rpe_class
from planner.domain.session import Exercise, SessionContent, WorkSet


@pytest.mark.parametrize(("rpe", "cls"), [
    (0, Intensity.EASY), (3, Intensity.EASY), (4, Intensity.EASY), (4.5, Intensity.MODERATE),
    (5, Intensity.MODERATE), (6, Intensity.MODERATE), (6.5, Intensity.MODERATE), (7, Intensity.HARD),
    (10, Intensity.HARD),
])
def test_class_by_rpe_easy_up_to_4_moderate_5_6_hard_from_7(rpe, cls):
    assert rpe_class(rpe) is cls


def test_scale_word_and_class_differ_on_purpose():
    # The Long run: RPE 5 is "hard" on Foster's scale, and a moderate session.
    long_run = SessionContent(kind=Kind.RUN, title="Long run", duration_min=105, rpe=5, type="long")
    assert cr10_anchor(5) == "hard"
    assert intensity(long_run) is Intensity.MODERATE


@pytest.mark.parametrize("type_", ["tempo", "intervals", "hills", "race"])
def test_hard_run_types_are_hard_whatever_the_rpe(type_):
    assert classify(Kind.RUN, type_, 3) is Intensity.HARD
    assert classify(Kind.RUN, "easy", 3) is Intensity.EASY


def test_heavy_lower_sets_make_a_lift_hard():
    squat = Exercise("Back squat", (WorkSet(5, 100, rpe=9),))
    assert classify(Kind.LIFT, "", 5, (squat,)) is Intensity.HARD
    assert classify(Kind.LIFT, "upper", 5) is Intensity.MODERATE
    assert classify(Kind.REST, "", 9) is Intensity.EASY
