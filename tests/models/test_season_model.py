"""The season model: the week model over 4-16 weeks, one day row per day, drops across weeks."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from planner.models.week_model import DateRole, WeekModel
from tests.services.conftest import MONDAY, run

MOVE, COPY = Qt.DropAction.MoveAction, Qt.DropAction.CopyAction


def day(n: int) -> dt.date:
    return MONDAY + dt.timedelta(days=n)


@pytest.fixture
def season(env):
    env.plan.add([run("A", day(0)), run("B", day(0))], day(0))
    env.plan.add([run("W3", day(16))], day(16))
    env.plan.add([run("Far", day(40))], day(40))  # week 6: outside a 4-week season
    env.stack.clear()
    m = WeekModel(env.store.sessions, env.plan, env.bus, MONDAY, today=lambda: day(1), weeks=4)
    m.env = env
    return m


def titles(store, d):
    return [s.title for s in store.sessions.on_date(d)]


def test_model_contract(qtmodeltester, season):
    qtmodeltester.check(season, force_py=True)
    season.env.plan.move([season.day_sessions(0)[0].id], day(17))
    season.set_week(MONDAY + dt.timedelta(days=7))
    season.set_weeks(8)
    season.set_week(MONDAY)
    qtmodeltester.check(season, force_py=True)


def test_days_of_four_weeks(season):
    assert season.rowCount() == 28
    assert season.weeks == 4
    assert [season.index(i, 0).data(DateRole) for i in (0, 7, 27)] == [day(0), day(7), day(27)]
    assert [s.title for s in season.day_sessions(16)] == ["W3"]
    assert season.row_of_date(day(40)) is None
    season.set_weeks(8)
    assert season.rowCount() == 56
    assert [s.title for s in season.day_sessions(40)] == ["Far"]


@pytest.mark.parametrize(("action", "week1", "week3"), [(MOVE, ["B"], ["A", "W3"]), (COPY, ["A", "B"], ["A", "W3"])])
def test_drop_from_week_1_to_week_3_and_undo(season, action, week1, week3):
    data = season.mimeData([season.index(0, 0, season.day_index(0))])  # A, Monday of week 1
    parent = season.day_index(16)  # Wednesday of week 3
    assert season.canDropMimeData(data, action, 0, 0, parent)
    assert season.dropMimeData(data, action, 0, 0, parent)
    assert titles(season.env.store, day(0)) == week1
    assert titles(season.env.store, day(16)) == week3
    assert [s.title for s in season.day_sessions(16)] == week3  # the model followed the store
    season.env.stack.undo()
    assert titles(season.env.store, day(0)) == ["A", "B"]
    assert titles(season.env.store, day(16)) == ["W3"]
    assert [s.title for s in season.day_sessions(0)] == ["A", "B"]
