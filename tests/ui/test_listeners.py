"""Every listener of the change broadcast shows exactly what the store holds after a change.

Each test fails when its listener's refresh is removed (tried: the header, week bar, status and
pane refresh calls were each deleted once and the matching test failed).
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QDockWidget, QLabel

import planner.store.storage as storage_module
from planner.services.changes import Changes
from tests.services.conftest import MONDAY, run
from tests.ui.conftest import TODAY

TUE, WED, THU = (MONDAY + dt.timedelta(days=n) for n in (1, 2, 3))


def plain(label) -> str:
    return QTextDocumentFragment.fromHtml(label.text()).toPlainText()


def test_day_header_follows_an_edit(window):
    header = window.week_view.headers[3]  # Thursday, empty
    assert plain(header) == "Thu 26 Nov\nrest"
    window.plan.add([run("Tempo", THU, duration_min=50)], THU)
    assert plain(header) == "Thu 26 Nov\n50 min"
    window.undo_action.trigger()
    assert plain(header) == "Thu 26 Nov\nrest"


def test_week_bar_follows_an_edit(window):
    totals = window.week_bar.totals
    # Monday A, B, C and Wednesday D: four 40-minute easy runs without a distance
    assert plain(totals) == "4 sessions · Running 0 of 0 km done, 0 min of 2 h 40 · No lifting"
    window.plan.delete([window.store.sessions.on_date(MONDAY)[0].id])
    assert plain(totals) == "3 sessions · Running 0 of 0 km done, 0 min of 2 h · No lifting"


def test_status_bar_says_what_undo_takes_back(window, qtbot):
    a = window.store.sessions.on_date(MONDAY)[0]
    window.plan.move([a.id], THU)
    window.panes.flush()
    assert window.statusBar().currentMessage() == "Undo: Move 'A' to Thursday"
    assert window.undo_action.text() == "&Undo: Move 'A' to Thursday"
    window.undo_action.trigger()
    window.panes.flush()
    assert window.statusBar().currentMessage() == "Undid: Move 'A' to Thursday"
    assert window.undo_action.text() == "&Undo"
    assert window.redo_action.text() == "&Redo: Move 'A' to Thursday"
    window.redo_action.trigger()
    window.panes.flush()
    assert window.statusBar().currentMessage() == "Redid: Move 'A' to Thursday"


def test_saved_appears_only_once_the_file_holds_the_change(window, qtbot):
    label = window.status_pane
    qtbot.waitUntil(lambda: label.text() == "Saved to hybrid-planner.json", timeout=3000)
    window.plan.add([run("New", THU)], THU)
    window.panes.flush()
    assert label.text() == "Saving…"  # the background save waits ~150 ms
    qtbot.waitUntil(lambda: label.text() == "Saved to hybrid-planner.json", timeout=3000)
    assert "New" in window.store.path.read_text(encoding="utf-8")


def test_a_failing_save_stays_visible_until_a_save_succeeds(window, qtbot, monkeypatch):
    real = storage_module.write_atomic

    def full_disk(*_a, **_k):
        raise OSError(28, "No space left on device")

    errors = []
    monkeypatch.setattr(window, "_show_error", errors.append)  # no modal box in a test
    window.parts.save_status.failed.disconnect()
    window.parts.save_status.failed.connect(errors.append)
    monkeypatch.setattr(storage_module, "write_atomic", full_disk)
    window.plan.add([run("New", THU)], THU)
    qtbot.waitUntil(lambda: window.status_pane.text() == "⚠ Not saved: will retry", timeout=3000)
    window.plan.add([run("Newer", THU)], THU)  # later changes do not hide the failure
    qtbot.wait(300)
    assert window.status_pane.text() == "⚠ Not saved: will retry"
    assert len(errors) == 1 and "No space left on device" in errors[0]
    monkeypatch.setattr(storage_module, "write_atomic", real)
    window.store.storage.flush()
    qtbot.waitUntil(lambda: window.status_pane.text() == "Saved to hybrid-planner.json", timeout=3000)


class StubPane(QDockWidget):
    def __init__(self) -> None:
        super().__init__("Stub")
        self.setObjectName("StubPane")
        self.seen: list[Changes] = []
        self.label = QLabel()
        self.setWidget(self.label)

    def refresh(self, changes: Changes) -> None:
        self.seen.append(changes)
        self.label.setText(", ".join(sorted(f"{d:%a}" for d in changes.dates)))


@pytest.fixture
def stub(window, qtbot):
    pane = StubPane()
    window.addDockWidget(window.dockWidgetArea(window.library_dock), pane)
    window.panes.add(pane)
    qtbot.waitUntil(lambda: len(pane.seen) == 1)  # the first refresh builds it from scratch
    assert pane.seen[0].everything
    pane.seen.clear()
    return pane


def test_visible_pane_refreshes_once_for_a_burst_after_the_calendar(window, stub, qtbot):
    a, b, _ = window.store.sessions.on_date(MONDAY)
    window.plan.move([a.id], TUE)
    window.plan.move([b.id], THU)
    assert stub.seen == []  # not inside the gesture: after the calendar has painted
    with qtbot.waitSignal(window.panes.refreshed, timeout=1000):
        pass
    assert len(stub.seen) == 1
    assert stub.label.text() == "Mon, Thu, Tue"


@pytest.mark.parametrize("gesture", ["move", "edit", "undo"])
def test_a_change_alone_refreshes_a_visible_pane(window, stub, qtbot, gesture):
    """With the panes that follow the calendar's day and week closed, nothing but the change itself
    can schedule the pass (the nutrition dock's day-follow used to hide a missing schedule)."""
    for dock in (window.nutrition_dock, window.charts_dock, window.plancheck_dock):
        dock.close()
    window.panes.flush()
    stub.seen.clear()
    a = window.store.sessions.on_date(MONDAY)[0]
    if gesture == "move":
        window.plan.move([a.id], THU)
    elif gesture == "edit":
        window.plan.edit(a.replace(title="A2"))
    else:
        window.plan.move([a.id], TUE)
        window.panes.flush()
        stub.seen.clear()
        window.undo_action.trigger()
    qtbot.waitUntil(lambda: len(stub.seen) == 1, timeout=1000)
    assert stub.label.text() == {"move": "Mon, Thu", "edit": "Mon", "undo": "Mon, Tue"}[gesture]


def test_hidden_pane_costs_nothing_until_shown(window, stub, qtbot):
    stub.hide()
    window.plan.delete([window.store.sessions.on_date(WED)[0].id])
    qtbot.wait(50)
    assert stub.seen == [] and window.panes.is_stale(stub)
    stub.show()
    qtbot.waitUntil(lambda: len(stub.seen) == 1, timeout=1000)
    assert stub.label.text() == "Wed" and not window.panes.is_stale(stub)


def test_grouped_change_is_one_broadcast_and_one_undo_step(window, stub, qtbot):
    a, b, _ = window.store.sessions.on_date(MONDAY)
    with window.parts.runner.group("Apply fix"):
        window.plan.move([a.id], TUE)
        window.plan.move([b.id], THU)
    window.panes.flush()
    assert len(stub.seen) == 1 and stub.seen[0].text == "Apply fix"
    assert window.statusBar().currentMessage() == "Undo: Apply fix"
    window.undo_action.trigger()
    assert [s.title for s in window.store.sessions.on_date(MONDAY)] == ["A", "B", "C"]


def test_selection_survives_a_change_to_its_day(window, qtbot):
    view = window.week_view.views[0]
    b_index = window.week_model.index(1, 0, view.rootIndex())
    view.selectionModel().select(b_index, view.selectionModel().SelectionFlag.ClearAndSelect)
    assert [s.title for s in window.week_view.selected_sessions()] == ["B"]
    a = window.store.sessions.on_date(MONDAY)[0]  # another change to Monday, not made by the view
    window.plan.edit(a.replace(title="A2"))
    assert [s.title for s in window.week_view.selected_sessions()] == ["B"]


def test_moved_card_is_selected_where_it_landed(window):
    a = window.store.sessions.on_date(MONDAY)[0]
    window.plan.move([a.id], THU)
    assert [(s.title, s.date) for s in window.week_view.selected_sessions()] == [("A", THU)]


def test_current_day_and_selection_signal(window, qtbot):
    seen = []
    window.week_view.currentChanged.connect(lambda day, ids: seen.append((day, ids)))
    d = window.store.sessions.on_date(WED)[0]
    seen.clear()
    window.week_view.select_ids([d.id])
    qtbot.waitUntil(lambda: bool(seen))  # once, after the gesture's selection changes settle
    qtbot.wait(20)
    assert seen == [(WED, (d.id,))]
    assert TODAY == WED


class FollowingPane(StubPane):
    from PySide6.QtCore import Signal

    weekClicked = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.weeks: list[dt.date] = []
        self.days: list[dt.date] = []

    def set_week(self, first: dt.date) -> None:
        self.weeks.append(first)

    def set_day(self, day: dt.date) -> None:
        self.days.append(day)


def test_a_pane_takes_one_line_and_follows_the_calendar(window, qtbot):
    pane = window.add_pane(FollowingPane(), shortcut="Ctrl+9")
    qtbot.waitUntil(pane.isVisible)
    window.panes.flush()  # the week and day reach it with its first refresh
    assert "Stub" in [a.text() for a in window.view_menu.actions()]
    assert pane.weeks == [MONDAY] and pane.days == [TODAY]
    window.shift_week(1)
    assert pane.weeks[-1] == MONDAY  # handed over with the next pass, after the calendar painted
    window.panes.flush()
    assert pane.weeks[-1] == MONDAY + dt.timedelta(days=7)
    d = window.store.sessions.on_date(MONDAY)[0]
    window.go_to(MONDAY)
    window.week_view.select_ids([d.id])
    qtbot.wait(20)  # the current day is announced once the gesture's selection settled
    window.panes.flush()
    assert pane.days[-1] == MONDAY
    pane.weekClicked.emit(MONDAY + dt.timedelta(days=14))
    assert window.week_model.first_day == MONDAY + dt.timedelta(days=14)
    qtbot.waitUntil(lambda: len(pane.seen) >= 1)
