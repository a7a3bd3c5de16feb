"""Which sessions match (date, kind, title, time) and what copying a week in each mode stores."""

from __future__ import annotations

import datetime as dt

from planner.domain.enums import Kind, Status
from planner.domain.plan_match import CopyMode, copy_week, split_matches
from planner.domain.session import Session

MON = dt.date(2026, 11, 23)


def s(title, day=MON, kind=Kind.RUN, time=None, **kw) -> Session:
    return Session(kind=kind, title=title, duration_min=45, rpe=3, date=day, time=time, **kw)


def test_matches_need_date_kind_title_and_time():
    existing = [s("Easy run", time=dt.time(7)), s("Core", kind=Kind.LIFT)]
    incoming = [
        s("easy  RUN", time=dt.time(7)),  # same: case and spaces do not count
        s("Easy run", time=dt.time(18)),  # another time
        s("Easy run", day=MON + dt.timedelta(1), time=dt.time(7)),  # another day
        s("Core", kind=Kind.MOBILITY),  # another kind
        s("Core", kind=Kind.LIFT),  # same
    ]
    matched, fresh = split_matches(incoming, existing)
    assert [x.title for x in matched] == ["easy  RUN", "Core"]
    assert [(x.title, x.time) for x in fresh] == [("Easy run", dt.time(18)), ("Easy run", dt.time(7)),
                                                 ("Core", None)]


def test_matching_counts_copies():
    # One long run in the plan, two identical rows in the file: one matches, one is new.
    matched, fresh = split_matches([s("Long run"), s("Long run")], [s("Long run", id=4)])
    assert (len(matched), len(fresh)) == (1, 1)


def test_a_file_already_in_the_plan_matches_whole():
    plan = [s("A", id=1), s("B", day=MON + dt.timedelta(2), id=2)]
    again = [x.replace(id=None, position=9) for x in plan]
    assert split_matches(again, plan) == (again, [])


def test_copy_week_add_keeps_target_and_appends():
    sources = [s("Long run", day=MON + dt.timedelta(6), status=Status.DONE, actual_duration_min=50, id=1)]
    target = [s("Long run", day=MON + dt.timedelta(13), id=7, position=0)]
    remove, after = copy_week(sources, target, CopyMode.ADD)
    assert remove == []
    assert [(x.title, x.id, x.position, x.status, x.actual_duration_min) for x in after] == [
        ("Long run", 7, 0, Status.PLANNED, None), ("Long run", None, 1, Status.PLANNED, None)]


def test_copy_week_replace_removes_target_first():
    sources = [s("Tempo", day=MON + dt.timedelta(1), id=1), s("Long run", day=MON + dt.timedelta(6), id=2)]
    target = [s("Long run", day=MON + dt.timedelta(13), id=7), s("Old", day=MON + dt.timedelta(8), id=8)]
    remove, after = copy_week(sources, target, CopyMode.REPLACE)
    assert [x.id for x in remove] == [7, 8]
    assert [(x.title, x.date, x.id, x.position) for x in after] == [
        ("Tempo", MON + dt.timedelta(8), None, 0), ("Long run", MON + dt.timedelta(13), None, 0)]
