"""Hypothesis strategies for every stored entity, covering the whole range each field allows."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

from planner.domain.enums import TYPES_BY_KIND, Goal, Kind, Sex, Status, Units, WeekStart
from planner.domain.profile import NutritionLog, Profile, ReadinessEntry
from planner.domain.session import Exercise, Session, Template, WorkSet
from tests.domain.step_strategies import steps

# What validate.text accepts: no control characters but newline and tab. Lone surrogates are left
# out: they pass validation but are not valid UTF-8 (test_atomic_save shows what a save does).
_chars = st.characters(exclude_categories=("Cs",)).filter(lambda c: ord(c) >= 32 or c in "\n\t")


def text(max_size: int, *, required: bool = False) -> st.SearchStrategy[str]:
    s = st.text(_chars, min_size=1 if required else 0, max_size=max_size)
    return s.filter(str.strip) if required else s


def _floats(lo: float, hi: float) -> st.SearchStrategy[float]:
    return st.floats(lo, hi, allow_nan=False, allow_infinity=False)


half_steps = st.integers(0, 20).map(lambda n: n / 2)
dates = st.dates(dt.date(1900, 1, 1), dt.date(2199, 12, 31))  # the app's DATE_MIN..DATE_MAX

work_sets = st.builds(
    WorkSet,
    reps=st.integers(1, 100),
    load_kg=st.none() | _floats(0, 500),
    rpe=st.none() | st.integers(2, 20).map(lambda n: n / 2),
    rir=st.none() | st.integers(0, 10),
    warmup=st.booleans(),
    failure=st.booleans(),
    drop=st.booleans(),
) | st.builds(WorkSet, reps=st.integers(0, 100), seconds=st.integers(1, 86_400))  # timed sets

exercises = st.builds(
    Exercise,
    name=text(40, required=True),
    sets=st.lists(work_sets, min_size=1, max_size=5).map(tuple),
    muscles=st.lists(text(40, required=True), max_size=3).map(tuple),
    superset=st.none() | st.integers(0, 1000),
)


@st.composite
def content_fields(draw: st.DrawFn) -> dict[str, Any]:
    kind = draw(st.sampled_from(Kind))
    return {
        "kind": kind,
        "type": draw(st.sampled_from(("", *TYPES_BY_KIND[kind]))),
        "title": draw(text(120, required=True)),
        "duration_min": draw(st.integers(0 if kind is Kind.REST else 1, 1440)),
        "rpe": draw(half_steps),
        "distance_km": draw(st.none() | _floats(0, 300)),
        "target": draw(text(60)),
        "exercises": tuple(draw(st.lists(exercises, max_size=3))),
        "notes": draw(text(300)),
        "steps": draw(steps) if kind is Kind.RUN and draw(st.booleans()) else (),
    }


@st.composite
def sessions(draw: st.DrawFn, *, with_id: bool = False) -> Session:
    return Session(
        **draw(content_fields()),
        date=draw(dates),
        id=draw(st.integers(1, 10**6)) if with_id else None,
        position=draw(st.integers(0, 10_000)),
        time=draw(st.none() | st.times()),
        status=draw(st.sampled_from(Status)),
        actual_duration_min=draw(st.none() | st.integers(1, 1440)),
        actual_rpe=draw(st.none() | half_steps),
        actual_distance_km=draw(st.none() | _floats(0, 300)),
        # what an imported activity brings (issue 15)
        avg_hr=draw(st.none() | st.integers(25, 120)),
        max_hr=draw(st.none() | st.integers(120, 250)),
        ascent_m=draw(st.none() | _floats(0, 20_000)),
        actual_exercises=tuple(draw(st.lists(exercises, max_size=2))),
        source_key=draw(text(120)),
        # an imported activity's estimated effort (issue 21)
        estimated_rpe=draw(st.none() | half_steps),
        effort_from=draw(st.sampled_from(("", "heart rate", "pace", "default"))),
        trimp=draw(st.none() | _floats(0, 10_000)),
    )


@st.composite
def templates(draw: st.DrawFn) -> Template:
    return Template(**draw(content_fields()), id=draw(text(80, required=True)))


profiles = st.builds(
    Profile,
    name=text(120, required=True),
    body_mass_kg=_floats(30, 250),
    goal=st.sampled_from(Goal),
    week_start=st.sampled_from(WeekStart),
    units=st.sampled_from(Units),
    sweat_rate_l_per_h=_floats(0.2, 4.0),
    height_cm=st.none() | _floats(100, 250),
    age=st.none() | st.integers(14, 100),
    sex=st.none() | st.sampled_from(Sex),
    max_hr=st.none() | st.integers(200, 250),  # heart rates (issue 21): resting and threshold below the max
    resting_hr=st.none() | st.integers(25, 80),
    lthr=st.none() | st.integers(120, 199),
    easy_pace_s=st.none() | st.integers(180, 900),
)
#: A recent race result round-trips as its two fields (issue 22), or is absent.
profiles = st.tuples(profiles, st.sampled_from([None, (10.0, 2700), (21.1, 5999), (5.0, 1501)])).map(
    lambda pr: pr[0] if pr[1] is None else pr[0].replace(recent_race_km=pr[1][0], recent_race_s=pr[1][1]))

_scale = st.none() | st.integers(1, 5)
readiness_entries = st.builds(
    ReadinessEntry,
    date=dates,
    sleep_h=st.none() | _floats(0, 24),
    fatigue=_scale,
    soreness=_scale,
    mood=_scale,
    resting_hr=st.none() | st.integers(25, 220),
)

nutrition_logs = st.builds(
    NutritionLog,
    date=dates,
    carb_g=st.none() | _floats(0, 2000),
    protein_g=st.none() | _floats(0, 1000),
    fat_g=st.none() | _floats(0, 1000),
    fluid_l=st.none() | _floats(0, 20),
)
