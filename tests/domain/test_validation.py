"""Every value is checked where it enters: the domain constructors name the field and the range."""

from __future__ import annotations

import datetime as dt
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.domain import validate as v
from planner.domain.enums import Goal, Kind, Status
from planner.domain.errors import ValidationError
from planner.domain.field_words import field_words
from planner.domain.profile import Profile
from planner.domain.session import Exercise, Session, WorkSet
from planner.domain.weeks import parse_date, parse_iso_week

DAY = dt.date(2026, 11, 23)


def session(**kw) -> Session:
    base = dict(kind=Kind.RUN, title="Easy run", duration_min=45, rpe=3, date=DAY)
    base.update(kw)
    return Session(**base)


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"kind": "swim"}, "kind", "must be one of run, lift"),
        ({"title": "  "}, "title", "must not be empty"),
        ({"title": "x" * 121}, "title", "at most 120"),
        ({"title": "bell\x07"}, "title", "control characters"),
        ({"duration_min": 0}, "duration_min", "between 1 and 1440 min"),
        ({"duration_min": 1441}, "duration_min", "between 1 and 1440"),
        ({"duration_min": 601, "status": "maybe"}, "status", "planned, done, skipped"),  # 601 min is fine now
        ({"duration_min": 45.5}, "duration_min", "whole number"),
        ({"rpe": 11}, "rpe", "between 0 and 10"),
        ({"rpe": 6.3}, "rpe", "steps of 0.5"),
        ({"rpe": math.nan}, "rpe", "between 0 and 10"),
        ({"rpe": "7"}, "rpe", "must be a number"),
        ({"rpe": True}, "rpe", "must be a number"),
        ({"type": "lower"}, "type", "for a run must be one of easy"),
        ({"distance_km": -1}, "distance_km", "between 0 and 300 km"),
        ({"status": "maybe"}, "status", "planned, done, skipped"),
        ({"actual_duration_min": 1441}, "actual_duration_min", "between 1 and 1440"),
        ({"actual_rpe": 10.5}, "actual_rpe", "between 0 and 10"),
        ({"actual_distance_km": 301}, "actual_distance_km", "between 0 and 300"),
        ({"notes": "n" * 4001}, "notes", "at most 4000"),
        ({"date": dt.datetime(2026, 1, 1)}, "date", "must be a date"),
    ],
)
def test_bad_session_values_name_their_field(changes, field, words):
    with pytest.raises(ValidationError) as info:
        session(**changes)
    assert info.value.field == field
    assert words in info.value.message
    assert str(info.value).startswith(f"{field_words(field)}: ")


def test_a_rest_day_may_last_zero_minutes():
    assert session(kind=Kind.REST, title="Rest", duration_min=0, rpe=0).duration_min == 0


def test_types_follow_the_kind():
    assert session(kind=Kind.LIFT, type="lower").type == "lower"
    with pytest.raises(ValidationError, match="for a rest must be one of nothing"):
        session(kind=Kind.REST, type="easy")


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"reps": 0}, "reps"),
        ({"reps": 101}, "reps"),
        ({"reps": 5, "load_kg": 500.5}, "load_kg"),
        ({"reps": 5, "rpe": 0.5}, "set rpe"),
        ({"reps": 5, "rir": -1}, "rir"),
        ({"reps": 5, "warmup": "yes"}, "warmup"),
    ],
)
def test_bad_sets(kwargs, field):
    with pytest.raises(ValidationError) as info:
        WorkSet(**kwargs)
    assert info.value.field == field


def test_exercises_need_a_name_and_one_to_twenty_sets():
    with pytest.raises(ValidationError, match="exercise name"):
        Exercise("", (WorkSet(5),))
    with pytest.raises(ValidationError, match="between 1 and 20 sets"):
        Exercise("Squat", ())
    with pytest.raises(ValidationError, match="got 21"):
        Exercise("Squat", (WorkSet(5),) * 21)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": ""}, "name"),
        ({"body_mass_kg": 29.9}, "body_mass_kg"),
        ({"body_mass_kg": math.inf}, "body_mass_kg"),
        ({"goal": "swim"}, "goal"),
        ({"units": "furlongs"}, "units"),
        ({"week_start": "tue"}, "week_start"),
        ({"sweat_rate_l_per_h": 0.1}, "sweat_rate_l_per_h"),
    ],
)
def test_bad_profile_values(changes, field):
    with pytest.raises(ValidationError) as info:
        Profile().replace(**changes)
    assert info.value.field == field


def test_profile_words_become_enums():
    assert Profile(goal="lift").goal is Goal.LIFT


@given(st.floats(allow_nan=True, allow_infinity=True))
def test_rpe_is_accepted_exactly_on_half_steps_from_0_to_10(x):
    ok = not math.isnan(x) and 0 <= x <= 10 and (x * 2).is_integer()
    try:
        s = session(rpe=x)
    except ValidationError as exc:
        assert not ok
        assert exc.field == "rpe"
    else:
        assert ok and s.rpe == x


@given(st.integers(-2000, 2000))
def test_duration_range(n):
    try:
        session(duration_min=n)
    except ValidationError as exc:
        assert not 1 <= n <= 1440
        assert "(got" in exc.message
    else:
        assert 1 <= n <= 1440


@given(st.floats(allow_nan=True, allow_infinity=True))
def test_body_mass_range(x):
    try:
        Profile(body_mass_kg=x)
    except ValidationError as exc:
        assert exc.field == "body_mass_kg"
        assert math.isnan(x) or not 30 <= x <= 250
    else:
        assert 30 <= x <= 250


@given(st.text(max_size=130))
def test_text_is_accepted_or_rejected_with_a_reason(text):
    try:
        v.text("title", text, required=True)
    except ValidationError as exc:
        assert exc.field == "title"
        assert (not text.strip() or len(text) > 120
                or any(ord(c) < 32 and c not in "\n\t" for c in text))


def test_status_words():
    assert session(status="done").status is Status.DONE


@pytest.mark.parametrize("text", ["2026-W00", "2026-W54", "2026-48", "W48", "2025-W53"])
def test_weeks_that_do_not_exist_or_are_badly_written(text):
    with pytest.raises(ValidationError) as info:
        parse_iso_week(text)
    assert info.value.field == "week"


def test_iso_week_monday_and_dates():
    assert parse_iso_week("2026-W53") == dt.date(2026, 12, 28)
    assert parse_date("from", " 2026-11-23 ") == DAY
    with pytest.raises(ValidationError, match="YYYY-MM-DD"):
        parse_date("from", "23.11.2026")
