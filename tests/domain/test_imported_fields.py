"""The values an imported activity brings are validated like every other field."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.domain.errors import ValidationError
from planner.domain.session import Exercise, Session, WorkSet


def done(**kw) -> Session:
    return Session(kind="run", title="Run", duration_min=40, rpe=4, date=dt.date(2026, 11, 24), status="done", **kw)


def test_heart_rate_ascent_and_key():
    s = done(avg_hr=147, max_hr=178, ascent_m=64.0, source_key="Run|2026-11-24T07:00:00Z")
    assert (s.avg_hr, s.max_hr, s.ascent_m) == (147, 178, 64.0)
    with pytest.raises(ValidationError,
                       match=r"average heart rate: must not be above the maximum heart rate \(180 > 178\)"):
        done(avg_hr=180, max_hr=178)
    with pytest.raises(ValidationError, match=r"maximum heart rate: must be between 25 and 250 bpm \(got 300\)"):
        done(max_hr=300)
    with pytest.raises(ValidationError, match="ascent: must be between 0 and 20000 m"):
        done(ascent_m=-1.0)
    with pytest.raises(ValidationError, match="activity id: must be at most 120 characters"):
        done(source_key="x" * 121)


def test_timed_sets_and_flags():
    plank = WorkSet(reps=0, seconds=90)
    assert (plank.reps, plank.seconds, plank.tonnage_kg) == (0, 90, 0.0)
    with pytest.raises(ValidationError, match=r"reps: must be between 1 and 100 \(got 0\)"):
        WorkSet(reps=0)  # no time: a set needs reps
    with pytest.raises(ValidationError, match="failure: must be true or false"):
        WorkSet(reps=5, failure=1)  # type: ignore[arg-type]
    assert WorkSet(reps=8, load_kg=60, drop=True).tonnage_kg == 8 * 60  # a drop set is working volume


def test_effective_exercises_are_the_sets_done_once_done():
    planned = (Exercise("Back squat", (WorkSet(5, 100),)),)
    lifted = (Exercise("Back squat", (WorkSet(5, 102.5), WorkSet(3, 102.5))),)
    s = Session(kind="lift", title="Legs", duration_min=60, rpe=8, date=dt.date(2026, 11, 24),
                exercises=planned, actual_exercises=lifted)
    assert s.effective_exercises == planned  # still planned
    assert s.replace(status="done").effective_exercises == lifted


def test_a_copy_of_an_imported_session_is_a_fresh_plan():
    from planner.domain.plan_edit import as_new_plan

    lifted = (Exercise("Back squat", (WorkSet(5, 102.5),)),)
    s = done(id=7, actual_duration_min=42, avg_hr=150, max_hr=170, ascent_m=30.0,
             actual_exercises=lifted, source_key="Run|2026-11-24T07:00:00Z")
    copy = as_new_plan(s, dt.date(2026, 12, 1))
    assert (copy.id, copy.status, copy.date) == (None, "planned", dt.date(2026, 12, 1))
    assert (copy.avg_hr, copy.max_hr, copy.ascent_m, copy.actual_exercises, copy.source_key) == (
        None, None, None, (), "")
