"""Timed sessions in time order; untimed ones keep the user's order, in the store's read path too."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from planner.domain.day_order import day_order
from planner.domain.enums import Kind
from planner.domain.session import Session

DAY = dt.date(2026, 11, 24)


def s(title, position, time=None, id=None) -> Session:
    return Session(kind=Kind.RUN, title=title, duration_min=30, rpe=3, date=DAY, position=position,
                   time=dt.time(*time) if time else None, id=id)


def test_example_from_the_module():
    day = [s("Run", 1, (18, 0)), s("Yoga", 0), s("Lift", 2, (7, 0)), s("Walk", 3)]
    assert [x.title for x in day_order(day)] == ["Yoga", "Lift", "Run", "Walk"]


def test_equal_times_keep_the_user_order():
    day = [s("B", 1, (7, 0)), s("A", 0, (7, 0))]
    assert [x.title for x in day_order(day)] == ["A", "B"]


@given(st.lists(st.one_of(st.none(), st.tuples(st.integers(0, 23), st.integers(0, 59))), max_size=8))
def test_untimed_keep_slots_and_timed_are_sorted(times):
    day = [s(str(i), i, t) for i, t in enumerate(times)]
    out = day_order(reversed(day))
    assert [x.title for x in out if x.time is None] == [x.title for x in day if x.time is None]
    assert [i for i, x in enumerate(out) if x.time is None] == [i for i, t in enumerate(times) if t is None]
    timed = [x.time for x in out if x.time is not None]
    assert timed == sorted(timed)


def test_store_reads_a_day_in_this_order(tmp_path):
    from planner.store.database import open_store

    store = open_store(tmp_path, [])
    try:
        store.sessions.apply(put=[s("Evening run", 0, (18, 0)), s("Mobility", 1), s("Gym", 2, (6, 30))])
        assert [x.title for x in store.sessions.on_date(DAY)] == ["Gym", "Mobility", "Evening run"]
    finally:
        store.close()
