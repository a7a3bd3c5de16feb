"""The week model: Qt's model contract, and drops that end up in the store."""

from __future__ import annotations

import datetime as dt
import itertools
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QMimeData, QModelIndex, Qt

from planner.models import mime
from planner.models.week_model import DateRole, SessionRole, WeekModel
from tests.services.conftest import MONDAY, run

MOVE, COPY = Qt.DropAction.MoveAction, Qt.DropAction.CopyAction


@pytest.fixture
def model(env):
    env.plan.add([run("A", MONDAY), run("B", MONDAY), run("C", MONDAY)], MONDAY)
    env.plan.add([run("D", MONDAY + dt.timedelta(days=2))], MONDAY + dt.timedelta(days=2))
    env.stack.clear()
    m = WeekModel(env.store.sessions, env.plan, env.bus, MONDAY, today=lambda: MONDAY + dt.timedelta(days=1))
    m.env = env
    return m


def titles(store, day):
    return [s.title for s in store.sessions.on_date(day)]


def day(n):
    return MONDAY + dt.timedelta(days=n)


def test_model_contract(qtmodeltester, model):
    qtmodeltester.check(model, force_py=True)
    # and again after the rows moved around under the tester's eyes
    model.env.plan.move([model.day_sessions(0)[0].id], day(3))
    model.set_week(MONDAY + dt.timedelta(days=7))
    model.set_week(MONDAY)
    qtmodeltester.check(model, force_py=True)


def test_days_and_sessions(model):
    assert model.rowCount() == 7
    assert [model.index(i, 0).data(DateRole) for i in range(7)] == [day(i) for i in range(7)]
    mon = model.day_index(0)
    assert model.rowCount(mon) == 3
    assert [model.index(r, 0, mon).data() for r in range(3)] == ["A", "B", "C"]
    assert model.index(0, 0, mon).data(SessionRole).title == "A"
    assert "A" in model.index(0, 0, mon).data(Qt.ItemDataRole.ToolTipRole)


def _drop(model, data, action, target_day, row):
    parent = model.day_index(target_day)
    assert model.canDropMimeData(data, action, row, 0, parent)
    return model.dropMimeData(data, action, row, 0, parent)


@pytest.mark.parametrize(
    ("src_rows", "action", "target", "row", "mon", "target_titles"),
    [
        ([0], MOVE, 2, 0, ["B", "C"], ["A", "D"]),          # move to another day, on top
        ([0], MOVE, 2, -1, ["B", "C"], ["D", "A"]),         # empty area: append
        ([1, 2], MOVE, 4, -1, ["A"], ["B", "C"]),          # several cards to an empty day
        ([0], COPY, 2, 1, ["A", "B", "C"], ["D", "A"]),    # Ctrl held: copy
        ([2], MOVE, 0, 0, ["C", "A", "B"], None),          # reorder within the day
        ([0], MOVE, 0, 2, ["B", "A", "C"], None),          # dropped between B and C
    ],
)
def test_mime_roundtrip_drop(model, src_rows, action, target, row, mon, target_titles):
    mon_idx = model.day_index(0)
    data = model.mimeData([model.index(r, 0, mon_idx) for r in src_rows])
    assert data.hasFormat(mime.MIME_TYPE)
    assert _drop(model, data, action, target, row)
    store = model.env.store
    assert titles(store, MONDAY) == mon
    if target_titles is not None:
        assert titles(store, day(target)) == target_titles
    # the model shows what the store holds
    for d in range(7):
        assert [s.title for s in model.day_sessions(d)] == titles(store, day(d))
    model.env.stack.undo()
    assert titles(store, MONDAY) == ["A", "B", "C"]


def test_drop_on_a_card_lands_at_its_place(model):
    data = model.mimeData([model.index(0, 0, model.day_index(2))])  # D
    card_b = model.index(1, 0, model.day_index(0))
    assert model.dropMimeData(data, MOVE, -1, 0, card_b)
    assert titles(model.env.store, MONDAY) == ["A", "D", "B", "C"]


def test_drop_from_library(model):
    data = mime.encode(mime.DragPayload(template_id="heavy-lower"))
    assert _drop(model, data, MOVE, 1, 0)
    tue = model.env.store.sessions.on_date(day(1))
    assert [s.title for s in tue] == ["Heavy lower body"]
    assert tue[0].exercises[0].name == "Back squat"
    assert model.env.stack.undoText() == "Add 'Heavy lower body' to Tuesday"


def test_foreign_and_stale_drops_are_refused(model):
    other = QMimeData()
    other.setText("hello")
    assert not model.canDropMimeData(other, MOVE, 0, 0, model.day_index(0))
    assert not model.dropMimeData(other, MOVE, 0, 0, model.day_index(0))
    stale = mime.encode(mime.DragPayload(session_ids=(9999,)))
    assert not model.dropMimeData(stale, MOVE, 0, 0, model.day_index(0))
    bad = QMimeData()
    bad.setData(mime.MIME_TYPE, b"{not json")
    assert not model.canDropMimeData(bad, MOVE, 0, 0, model.day_index(0))
    assert not model.dropMimeData(model.mimeData([model.index(0, 0, model.day_index(0))]), MOVE, 0, 0, QModelIndex())
    assert titles(model.env.store, MONDAY) == ["A", "B", "C"]


def test_switch_week_and_changes_elsewhere(model):
    model.set_week(MONDAY + dt.timedelta(days=7))
    assert model.sessions() == []
    model.env.plan.copy_week(MONDAY)
    assert [s.title for s in model.day_sessions(0)] == ["A", "B", "C"]
    model.env.stack.undo()
    assert model.sessions() == []


def test_remove_rows_is_refused(model):
    assert not model.removeRows(0, 1, model.day_index(0))
    assert model.rowCount(model.day_index(0)) == 3


@given(st.lists(st.integers(0, 500), unique=True, max_size=60))
def test_the_fast_order_search_finds_as_long_an_order_as_the_quadratic_one(values):
    from planner.models.week_model import _longest_in_order, _longest_in_order_fast

    fast = _longest_in_order_fast(values)
    assert len(fast) == len(_longest_in_order(values))
    assert all(a < b and values[a] < values[b] for a, b in itertools.pairwise(fast))


def test_a_day_of_10001_sessions_lands_only_the_moved_card_in_milliseconds():
    # Issue 19: an edit on such a day spent 8 s in a quadratic search for what moved.
    from planner.models.week_model import _longest_in_order

    order = list(range(10_001))
    order.insert(5_000, order.pop(0))  # the first card dropped in the middle
    start = time.perf_counter()
    kept = _longest_in_order(order)
    assert time.perf_counter() - start < 0.5
    assert len(kept) == 10_000 and 5_000 not in kept
