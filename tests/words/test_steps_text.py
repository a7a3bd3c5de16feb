"""The steps' compact text form (the CSV `steps` column) and the words people read."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given

from planner.domain.enums import Kind, Units
from planner.domain.errors import ValidationError
from planner.domain.session import Session
from planner.domain.steps import Aim, Duration, Repeat, Step, StepIntensity, Target, Until
from planner.io.ics_export import description
from planner.words.cards import card_lines, tooltip
from planner.words.paper import detail_lines
from planner.words.steps import parse_steps, steps_compact, steps_lines, steps_total
from tests.domain.step_strategies import steps
from tests.domain.test_steps import SIX_BY_800

ISSUE_EXAMPLE = "15min@easy; 6x(800m@4:10-4:20/km, 2min@jog); 10min@easy"


def test_the_issues_example_reads_as_warm_up_repeats_and_cool_down():
    assert parse_steps(ISSUE_EXAMPLE) == SIX_BY_800
    assert steps_compact(SIX_BY_800) == ISSUE_EXAMPLE


@given(steps)
def test_compact_form_round_trips(items):
    assert parse_steps(steps_compact(items)) == items


@pytest.mark.parametrize(("text", "step"), [
    ("90s", Step(StepIntensity.ACTIVE, Duration(Until.TIME, 90))),
    ("1h@Z2", Step(StepIntensity.ACTIVE, Duration(Until.TIME, 3600), Target(Aim.HR_ZONE, 2, 2))),
    ("1.5km@140-150bpm", Step(StepIntensity.ACTIVE, Duration(Until.DISTANCE, 1500), Target(Aim.HR_RANGE, 140, 150))),
    ("1mi@6:50/mi", Step(StepIntensity.ACTIVE, Duration(Until.DISTANCE, 1609.344), Target(Aim.PACE, 255, 255))),
    ("rest lap", Step(StepIntensity.REST, Duration(Until.LAP))),
    ("warmup 2km@4:40/km", Step(StepIntensity.WARMUP, Duration(Until.DISTANCE, 2000), Target(Aim.PACE, 280, 280))),
])
def test_one_step(text, step):
    assert parse_steps(text) == (step,)


def test_an_explicit_intensity_is_written_only_where_the_position_does_not_say_it():
    items = (Step(StepIntensity.ACTIVE, Duration(Until.TIME, 900), Target(word="easy")),
             Repeat(3, (Step(StepIntensity.ACTIVE, Duration(Until.TIME, 600), Target(Aim.PACE, 280, 280)),
                        Step(StepIntensity.REST, Duration(Until.TIME, 60)))))
    assert steps_compact(items) == "active 15min@easy; 3x(10min@4:40/km, rest 1min)"


@pytest.mark.parametrize(("text", "message"), [
    ("15 furlongs", "a step's length must be a time"),
    ("6x(800m, 2min", r"a '\(' without its '\)'"),
    ("800m)", r"a '\)' without its '\('"),
    ("2x(3x(1min))", "a repeat cannot hold another repeat"),
    ("1x(1min)", "repeats: must be between 2 and 99"),
    ("1.5s", "a step's time must be whole seconds"),
    ("@easy", "a step needs a length"),
])
def test_bad_text_says_what_is_wrong(text, message):
    with pytest.raises(ValidationError, match=message):
        parse_steps(text)


def test_empty_text_is_no_steps():
    assert parse_steps("") == () == parse_steps(" ; ")


def test_lines_in_metric_and_imperial():
    assert steps_lines(SIX_BY_800, Units.METRIC) == (
        "Warm-up 15 min easy", "6 × (800 m at 4:10-4:20/km, 2 min jog)", "Cool-down 10 min easy")
    assert steps_lines(SIX_BY_800, Units.IMPERIAL)[1] == "6 × (800 m at 6:42-6:58/mi, 2 min jog)"


def test_total_shown_live_in_the_editor():
    assert steps_total(SIX_BY_800, Units.METRIC) == "Total 57 min · at least 4.8 km"
    assert steps_total(SIX_BY_800, Units.IMPERIAL) == "Total 57 min · at least 2.98 mi"
    assert steps_total((), Units.METRIC) == ""
    lap = (Step(StepIntensity.ACTIVE, Duration(Until.LAP)),)
    assert steps_total(lap, Units.METRIC) == "Total: open"


def _intervals() -> Session:
    return Session(kind=Kind.RUN, type="intervals", title="Intervals 6 x 800 m", duration_min=50, rpe=8,
                   distance_km=9.5, target="5K pace", steps=SIX_BY_800, date=dt.date(2026, 12, 8))


def test_the_card_the_page_and_the_calendar_file_read_the_steps():
    s = _intervals()
    assert card_lines(s, Units.METRIC) == (
        "9.5 km · 5K pace", "Warm-up 15 min easy · 6 × (800 m at 4:10-4:20/km, 2 min jog) · Cool-down 10 min easy")
    assert detail_lines(s, Units.IMPERIAL)[2:6] == (
        "Target 5K pace", "Warm-up 15 min easy", "6 × (800 m at 6:42-6:58/mi, 2 min jog)", "Cool-down 10 min easy")
    assert "6 × (800 m at 4:10-4:20/km, 2 min jog)" in description(s, Units.METRIC)
    assert ("<b>Steps</b> (Total 57 min · at least 4.8 km)<ol style='margin-left:-20px'>"
            "<li>Warm-up 15 min easy</li>") in tooltip(s, Units.METRIC)
