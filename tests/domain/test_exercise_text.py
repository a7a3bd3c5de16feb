"""The one-line exercise text used by the plan spreadsheet."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.domain.errors import ValidationError
from planner.domain.exercise_text import format_exact, format_exercises, parse_exercises
from planner.domain.session import Exercise, WorkSet
from tests.io.plan_strategies import work_sets

CATALOG = {"Back squat": ("quads", "glutes"), "Calf raise": ("calves",)}


def test_parses_the_issue_example():
    squat, calf = parse_exercises("Back squat 5x5@100 RPE 8; Calf raise 3x15@40", CATALOG)
    assert squat == Exercise("Back squat", (WorkSet(5, 100.0, rpe=8.0),) * 5, ("quads", "glutes"))
    assert calf == Exercise("Calf raise", (WorkSet(15, 40.0),) * 3, ("calves",))


def test_bodyweight_rir_warmup_decimals_and_loose_spelling():
    (row, pushup, squat) = parse_exercises(
        "Row 3 X 8 @ 62,5kg\nPush-up 3x12 RIR 2 ;  back squat 2×5@62.5 rpe8 warm-up;", CATALOG
    )
    assert row.sets == (WorkSet(8, 62.5),) * 3
    assert pushup.sets == (WorkSet(12, None, rir=2),) * 3
    assert squat.name == "back squat"
    assert squat.muscles == ("quads", "glutes")  # catalog match ignores case
    assert squat.sets == (WorkSet(5, 62.5, rpe=8.0, warmup=True),) * 2


def test_names_may_hold_spaces_digits_and_set_like_words():
    (ex,) = parse_exercises("Bulgarian split squat 2 3x5 1x8@20")
    assert ex.name == "Bulgarian split squat 2 3x5"
    assert ex.sets == (WorkSet(8, 20.0),)


def test_unknown_names_get_no_muscles_and_no_catalog_means_none():
    assert parse_exercises("Zercher carry 3x20@60", CATALOG)[0].muscles == ()
    assert parse_exercises("Back squat 1x5")[0].muscles == ()


def test_consecutive_items_with_one_name_merge_into_one_exercise():
    text = "Back squat 1x5@60 warmup; Back squat 3x5@100; Back squat 1x3@105"
    (ex,) = parse_exercises(text)
    assert [s.load_kg for s in ex.sets] == [60, 100, 100, 100, 105]
    assert format_exercises([ex]) == text


def test_separated_items_with_one_name_stay_apart():
    assert len(parse_exercises("Squat 3x5; Row 3x8; Squat 2x5")) == 3


def test_empty_text_and_empty_items():
    assert parse_exercises("") == ()
    assert parse_exercises(" ; ;\n") == ()


def test_semicolons_and_backslashes_in_names_are_escaped():
    ex = Exercise("Curl; hammer \\ rope", (WorkSet(10, 12.5),))
    text = format_exercises([ex])
    assert text == "Curl\\; hammer \\\\ rope 1x10@12.5"
    assert parse_exercises(text) == (ex,)


@pytest.mark.parametrize(
    ("text", "item", "reason"),
    [
        ("Back squat 5x", "item 1 'Back squat 5x'", "expected NAME SETSxREPS"),
        ("Squat 3x5; Back squat 5x; Row 3x8", "item 2 'Back squat 5x'", "expected"),
        ("5x5", "item 1 '5x5'", "expected"),
        ("Squat 0x5", "item 1", "sets must be between 1 and 20 (got 0)"),
        ("Squat 21x5", "item 1", "sets must be between 1 and 20 (got 21)"),
        ("Squat 3x0", "item 1", "reps: must be between 1 and 100"),
        ("Squat 3x5@600", "item 1", "load: must be between 0 and 500 kg (got 600)"),
        ("Squat 3x5 RPE 11", "item 1", "must be between 1 and 10 (got 11)"),
        ("Squat 3x5 RPE 7.3", "item 1", "steps of 0.5"),
        ("Squat 3x5 RIR 11", "item 1", "reps in reserve: must be between 0 and 10"),
        ("Squat 3x5@100kgs RPE 8 extra", "item 1", "expected"),
        ("Squat 15x5; Squat 10x5", "item 1 'Squat 15x5'", "25 sets in a row"),
    ],
)
def test_errors_name_the_item_and_the_reason(text, item, reason):
    with pytest.raises(ValidationError) as info:
        parse_exercises(text)
    assert info.value.field == "exercises"
    assert item in info.value.message
    assert reason in info.value.message


def test_format_number():
    assert format_exact(100.0) == "100"
    assert format_exact(62.5) == "62.5"
    assert format_exact(5e-05) == "0.00005"
    assert format_exact(0.1 + 0.2) == "0.30000000000000004"


# -- round trip -----------------------------------------------------------------------------------
NAME_CHARS = st.sampled_from(
    list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -'()/&.,;@#\\xX×éüß")
)
names = st.one_of(
    st.sampled_from(sorted(CATALOG)),
    st.text(NAME_CHARS, min_size=1, max_size=40).map(str.strip).filter(bool),
)


@st.composite
def exercise_lists(draw, max_size: int = 6) -> list[Exercise]:
    out: list[Exercise] = []
    for name in draw(st.lists(names, max_size=max_size)):
        if out and out[-1].name == name:
            continue  # two exercises of one name side by side read back as one
        sets = draw(st.lists(work_sets, min_size=1, max_size=4))
        sets = [s for s in sets for _ in range(draw(st.integers(1, 5)))][:20]
        out.append(Exercise(name, tuple(sets), CATALOG.get(name, ())))
    return out


@given(exercise_lists())
def test_format_then_parse_round_trips(exercises):
    text = format_exercises(exercises)
    assert parse_exercises(text, CATALOG) == tuple(exercises)
    assert format_exercises(parse_exercises(text, CATALOG)) == text


@given(st.text(max_size=80))
def test_any_text_parses_or_raises_a_validation_error(text):
    try:
        exercises = parse_exercises(text)
    except ValidationError as exc:
        assert exc.field == "exercises"
    else:
        assert parse_exercises(format_exercises(exercises)) == exercises
