"""The Plan check dock: findings grouped by day, click to select, Apply fix (one undo step), dismiss."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from planner.domain.rules import Severity
from planner.models.undo import ChangeBus, UndoRunner
from planner.services.plan import PlanService
from planner.store.database import open_store
from planner.ui.plancheck import PlanCheckDock
from planner.ui.plancheck.dismissals import Dismissals
from planner.ui.settings import Settings
from tests.domain.rules.helpers import MON, TEMPLATES, heavy_legs, lift, other, run

TODAY = MON - dt.timedelta(days=1)


@pytest.fixture
def dock_env(data_dir, qtbot, tmp_path):
    store = open_store(data_dir, TEMPLATES)
    # Tue 24 Nov: intervals 07:00; Wed 25 Nov: heavy legs 07:00 (the day after: a warning)
    store.sessions.apply(put=[s.replace(id=None) for s in (
        run("tue", "intervals", 55, 8, "07:00"), heavy_legs("wed", "07:00"), lift("fri"),
        other("sat", "mobility", "yoga"))])
    stack, bus = QUndoStack(), ChangeBus()
    runner = UndoRunner(store, stack, bus)

    def make():
        d = PlanCheckDock(store, runner, today=TODAY,
                          dismissals=Dismissals(str(store.path), Settings()))
        qtbot.addWidget(d)
        d.resize(400, 600)
        d.show()
        qtbot.waitExposed(d)
        d.set_week(MON)
        d.refresh(None)
        bus.changed.connect(d.refresh)
        return d

    class Env:
        pass

    e = Env()
    e.store, e.stack, e.runner, e.make = store, stack, runner, make
    yield e
    store.close()


def _finding_items(dock):
    root = dock.tree.invisibleRootItem()
    return [(root.child(i).text(0), [root.child(i).child(j).text(0) for j in range(root.child(i).childCount())])
            for i in range(root.childCount())]


def test_lists_findings_by_day_with_reason_and_source(dock_env, qtbot):
    dock = dock_env.make()
    assert dock.summary.text() == "1 finding, Mon 23 Nov to Sun 27 Dec"
    assert _finding_items(dock) == [("Wednesday 25 November", ["Heavy legs the day after a key run"])]
    item = dock.tree.topLevelItem(0).child(0)
    dock.tree.setCurrentItem(item)
    assert "Source: Methenitis 2018; coaching convention" in dock.details.text()
    assert [dock.fix_box.itemText(i) for i in range(dock.fix_box.count())][0] == \
        "Swap 'Heavy lower body' for 'Upper body push'"
    [f] = dock.findings()
    assert dock.badges_by_session() == {f.session_ids[0]: Severity.WARNING, f.session_ids[1]: Severity.WARNING}
    assert dock.badges_by_date() == {MON + dt.timedelta(days=2): Severity.WARNING}
    from planner.domain.rules.badges import titles_by_session

    assert titles_by_session(dock.findings())[f.session_ids[1]] == ["Heavy legs the day after a key run"]


def test_clicking_a_finding_requests_its_session(dock_env, qtbot):
    dock = dock_env.make()
    item = dock.tree.topLevelItem(0).child(0)
    [f] = dock.findings()
    with qtbot.waitSignal(dock.sessionRequested) as sig:
        rect = dock.tree.visualItemRect(item)
        qtbot.mouseClick(dock.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert sig.args == [f.session_ids[-1]]


def test_apply_fix_is_one_undoable_command_and_the_finding_goes(dock_env, qtbot):
    dock = dock_env.make()
    dock.tree.setCurrentItem(dock.tree.topLevelItem(0).child(0))
    qtbot.mouseClick(dock.apply_button, Qt.MouseButton.LeftButton)
    assert dock_env.stack.count() == 1
    assert dock_env.stack.undoText() == "Apply fix: Swap 'Heavy lower body' for 'Upper body push'"
    assert dock.findings() == []
    assert dock.summary.text() == "No findings, Mon 23 Nov to Sun 27 Dec"
    dock_env.stack.undo()
    assert [f.rule for f in dock.findings()] == ["heavy-legs-after-hard-run"]


def test_dismissed_until_its_sessions_change(dock_env, qtbot):
    dock = dock_env.make()
    dock.tree.setCurrentItem(dock.tree.topLevelItem(0).child(0))
    qtbot.mouseClick(dock.dismiss_button, Qt.MouseButton.LeftButton)
    assert dock.findings() == []
    assert dock.summary.text() == "No findings, Mon 23 Nov to Sun 27 Dec (1 dismissed)"
    assert dock_env.make().findings() == []  # a new dock (a restart) keeps the dismissal
    legs = next(s for s in dock_env.store.sessions.all() if s.title == "Heavy lower body")
    PlanService(dock_env.runner).edit(legs.replace(duration_min=75))  # the session changes
    assert [f.rule for f in dock.findings()] == ["heavy-legs-after-hard-run"]


def test_badges_on_cards_and_day_headers(make_window, qtbot):
    from planner.ui.plancheck.badges import BadgeDelegate

    # the window's week: intervals on Thursday, heavy legs on Friday (the day after: a warning), yoga Saturday
    thu, fri = MON + dt.timedelta(days=3), MON + dt.timedelta(days=4)
    w = make_window([run(thu, "intervals", 55, 8).replace(id=None), heavy_legs(fri).replace(id=None),
                     other("sat", "mobility", "yoga").replace(id=None)])
    dock = w.plancheck_dock  # the window's own, wired at start
    dock.show()
    qtbot.waitUntil(dock.isVisible)
    w.panes.flush()
    [f] = dock.findings()
    assert isinstance(w.week_view.views[4].itemDelegate(), BadgeDelegate)
    headers = [h.text() for h in w.week_view.headers]
    assert "\u25cf" in headers[4] and all("\u25cf" not in h for i, h in enumerate(headers) if i != 4)
    # the card is painted with an amber dot in its bottom-right corner
    view = w.week_view.views[4]
    rect = view.visualRect(view.model().index(0, 0, view.rootIndex()))
    image = view.viewport().grab().toImage()
    # 4 px left of the dot's centre (the "!" is white); the card ends 4 px above the row's bottom
    x, y = rect.right() + 1 - 3 - 7 - 4, rect.bottom() + 1 - 4 - 3 - 7
    c = image.pixelColor(x, y)
    assert max(abs(c.red() - 0xF5), abs(c.green() - 0x9E), abs(c.blue() - 0x0B)) <= 16, c.name()  # amber
    # fixing it takes the badges away
    dock.tree.setCurrentItem(dock.tree.topLevelItem(0).child(0))
    dock.apply_selected_fix()
    w.panes.flush()
    assert all("\u25cf" not in h.text() for h in w.week_view.headers)
    c = view.viewport().grab().toImage().pixelColor(x, y)
    assert abs(c.blue() - 0x0B) > 100, c.name()  # no amber dot any more
