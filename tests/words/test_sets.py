"""One set formatter for every surface: reps or seconds, loads, effort, pyramids and warm-ups."""

from __future__ import annotations

from planner.domain.enums import Units
from planner.domain.session import Exercise, WorkSet
from planner.words.sets import exercise_line, exercise_short, reps_text, set_group

M, IMP = Units.METRIC, Units.IMPERIAL
PLANK = Exercise("Plank", (WorkSet(0, seconds=60),) * 3)


def test_a_timed_set_reads_in_seconds():
    assert reps_text(WorkSet(0, seconds=60)) == "60 s"
    assert reps_text(WorkSet(8)) == "8"
    assert set_group(3, WorkSet(0, seconds=60), M) == "3 × 60 s"
    assert exercise_line(PLANK, M) == "Plank 3 × 60 s"
    assert exercise_short(PLANK, M) == "Plank 3 × 60 s"


def test_reps_with_seconds_count_the_reps():
    """Ten reps of a 3-second pause squat are ten reps: only a set without reps is timed."""
    assert reps_text(WorkSet(10, seconds=3)) == "10"


def test_timed_sets_that_differ_show_the_range_of_seconds():
    side = Exercise("Side plank", (WorkSet(0, seconds=30), WorkSet(0, seconds=45)))
    assert exercise_short(side, M) == "Side plank 2 × 30-45 s"
    assert exercise_line(side, M) == "Side plank 1 × 30 s, 1 × 45 s"


def test_loads_effort_warmups_and_pyramids():
    squat = Exercise("Back squat", (WorkSet(5, 60, warmup=True),) + (WorkSet(5, 100, rpe=8),) * 5)
    assert exercise_line(squat, M) == "Back squat 5 × 5 @ 100 kg RPE 8 (+1 warm-up)"
    dead = Exercise("Deadlift", (WorkSet(5, 140), WorkSet(3, 150), WorkSet(3, 150)))
    assert exercise_line(dead, M) == "Deadlift 1 × 5 @ 140 kg, 2 × 3 @ 150 kg"
    assert exercise_short(dead, M) == "Deadlift 3 × 3-5 @ 150 kg"  # the heaviest working load
    pull = Exercise("Pull-up", (WorkSet(8, rir=2),) * 3)
    assert exercise_line(pull, M) == "Pull-up 3 × 8 RIR 2"  # bodyweight: no load
    assert exercise_short(pull, M) == "Pull-up 3 × 8"
