"""Hypothesis strategies for plans that the spreadsheet format can hold exactly.

What the format does not carry is left at its default: ids, muscles that differ from the catalog,
and two same-named exercises side by side (they read back as one). Run targets, timed sets and
notes are carried, so they are drawn.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from planner.domain.enums import TYPES_BY_KIND, Kind, Status
from planner.domain.session import Exercise, Session, WorkSet
from tests.domain.step_strategies import steps

CATALOG = {"Back squat": ("quads", "glutes"), "Calf raise": ("calves",), "Deadlift": ("back",)}

_chars = st.characters(exclude_categories=("Cc", "Cs"))
_text_chars = st.one_of(_chars, st.sampled_from(list("\n\t,;\"' ")))
titles = st.text(_text_chars, min_size=1, max_size=60).map(str.strip).filter(bool)
notes = st.text(_text_chars, max_size=120)
_name_chars = st.sampled_from(list("abcdefghijklmnopqrstuvwxyzABCDEZ0123456789 -'(),;@\\xé"))
exercise_names = st.one_of(
    st.sampled_from(sorted(CATALOG)),
    st.text(_name_chars, min_size=1, max_size=30).map(str.strip).filter(bool),
)
halves = st.integers(0, 20).map(lambda h: h / 2)
work_sets = st.builds(
    WorkSet,
    reps=st.integers(1, 100),
    load_kg=st.none() | st.floats(0, 500, allow_nan=False),
    rpe=st.none() | st.integers(2, 20).map(lambda h: h / 2),
    rir=st.none() | st.integers(0, 10),
    warmup=st.booleans(),
) | st.builds(  # a timed set: a plank held 90 s
    WorkSet,
    reps=st.just(0),
    seconds=st.integers(1, 86_400),
    load_kg=st.none() | st.floats(0, 500, allow_nan=False),
    warmup=st.booleans(),
)
targets = st.just("") | st.sampled_from(("5:10/km", "Z2", "8:20/mi", "RPE 7-8")) | st.text(
    _chars, max_size=60).map(str.strip)


@st.composite
def exercise_lists(draw: st.DrawFn, max_size: int = 4) -> tuple[Exercise, ...]:
    out: list[Exercise] = []
    for name in draw(st.lists(exercise_names, max_size=max_size)):
        if out and out[-1].name == name:
            continue
        sets = draw(st.lists(work_sets, min_size=1, max_size=3))
        sets = [s for s in sets for _ in range(draw(st.integers(1, 4)))]
        out.append(Exercise(name, tuple(sets), CATALOG.get(name, ())))
    return tuple(out)


@st.composite
def sessions(draw: st.DrawFn, first: dt.date = dt.date(2024, 1, 1), days: int = 21) -> Session:
    kind = draw(st.sampled_from(list(Kind)))
    status = draw(st.sampled_from(list(Status)))
    minutes = st.integers(0 if kind is Kind.REST else 1, 1440)
    return Session(
        kind=kind,
        type=draw(st.sampled_from(("", *TYPES_BY_KIND[kind]))),
        title=draw(titles),
        duration_min=draw(minutes),
        rpe=draw(halves),
        distance_km=draw(st.none() | st.floats(0, 300, allow_nan=False)),
        exercises=draw(exercise_lists()) if kind in (Kind.LIFT, Kind.OTHER) else (),
        target=draw(targets),
        notes=draw(notes),
        steps=draw(steps) if kind is Kind.RUN and draw(st.booleans()) else (),
        date=first + dt.timedelta(days=draw(st.integers(0, days - 1))),
        time=draw(st.none() | st.builds(dt.time, st.integers(0, 23), st.integers(0, 59))),
        status=status,
        actual_duration_min=draw(st.none() | st.integers(1, 1440)),
        actual_rpe=draw(st.none() | halves),
        actual_distance_km=draw(st.none() | st.floats(0, 300, allow_nan=False)),
    )


def plans(max_size: int = 12) -> st.SearchStrategy[list[Session]]:
    """Sessions with positions 0, 1, 2... within each day, in list order."""

    def number(items: list[Session]) -> list[Session]:
        seen: dict[dt.date, int] = {}
        out = []
        for s in items:
            out.append(s.replace(position=seen.get(s.date, 0)))
            seen[s.date] = seen.get(s.date, 0) + 1
        return out

    return st.lists(sessions(), max_size=max_size).map(number)


def comparable(items: list[Session]) -> list[Session]:
    """Sessions by date and order within the day, without ids and with positions 0, 1, 2..."""
    ordered = sorted(items, key=lambda s: (s.date, s.position, s.id or 0))
    out: list[Session] = []
    for s in ordered:
        rank = sum(1 for x in out if x.date == s.date)
        out.append(s.replace(id=None, position=rank))
    return out
