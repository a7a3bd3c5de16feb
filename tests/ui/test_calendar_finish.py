"""Fit and finish of the calendar as a user sees it: cards that grow, the strip, weeks from Sunday,
units after a profile change, the library's toolbar and empty filter, names for screen readers."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from planner.domain.enums import Kind, Status, Units, WeekStart
from planner.domain.session import Exercise, Session, WorkSet
from planner.ui.calendar.card_delegate import PAD, STRIP
from planner.ui.dialogs.plan_questions import ask_copy_week_mode, ask_skip_duplicates
from tests.services.conftest import MONDAY
from tests.ui.conftest import TODAY

TUE = MONDAY + dt.timedelta(days=1)
INTERVALS = Session(
    kind=Kind.RUN, title="Intervals 6 x 800 m", duration_min=55, rpe=7, type="intervals", distance_km=9.5,
    target="5K pace, 4:15/km; 2 min jog", date=TUE, time=dt.time(7, 0), status=Status.DONE,
    actual_duration_min=53, actual_rpe=8, actual_distance_km=9.4)
LIFT = Session(kind=Kind.LIFT, title="Heavy lower body: squat and deadlift day", duration_min=70, rpe=8,
               type="lower", date=TUE, time=dt.time(18, 0), exercises=(
                   Exercise("Back squat", (WorkSet(5, 102.5, rpe=8),) * 4),
                   Exercise("Romanian deadlift", (WorkSet(8, 82.5),) * 3),
                   Exercise("Bulgarian split squat", (WorkSet(8, 20),) * 3)))
EVENING_FIRST = Session(kind=Kind.RUN, title="Evening shakeout", duration_min=20, rpe=2, date=TUE,
                        time=dt.time(19, 30), position=0)


@pytest.fixture
def busy(make_window):
    # Stored in the order: evening shakeout (pos 0), lift 18:00 (pos 1), intervals 07:00 (pos 2)
    return make_window([EVENING_FIRST, LIFT.replace(position=1), INTERVALS.replace(position=2)])


def _painted_texts(window, day_row):
    """(text, rect width, needed width) of everything painted on each card of a day."""
    view = window.week_view.views[day_row]
    delegate = view.itemDelegate()
    out = []
    for row in range(window.week_model.rowCount(view.rootIndex())):
        index = window.week_model.index(row, 0, view.rootIndex())
        s = index.data(window.week_model.SessionRole if hasattr(window.week_model, "SessionRole") else 257)
        rect = view.visualRect(index)
        lay = delegate.layout(s, window.profile.units, view.font(), rect.width(), TODAY)
        f = delegate.fonts(view.font())
        inner_w = rect.width() - 2 - STRIP - 2 * PAD
        cards = []
        for op in lay.ops:
            fm = {"title": f.bfm, "when": f.fm, "badge": f.badge_fm, "chip": f.badge_fm}.get(op.what, f.sfm)
            cards.append((op.what, op.text, op.rect, fm.horizontalAdvance(op.text)))
            assert op.rect.right() < inner_w + 1  # every piece inside the card
        out.append((s, lay, rect, cards))
    return out


def test_timed_sessions_read_in_time_order(busy):
    assert [s.title for s in busy.week_model.day_sessions(1)] == [
        "Intervals 6 x 800 m", "Heavy lower body: squat and deadlift day", "Evening shakeout"]


def test_cards_wrap_and_grow_never_cut_at_1280_with_the_library_open(busy, qtbot):
    busy.resize(1280, 800)
    busy.library_dock.show()
    qtbot.waitUntil(lambda: busy.week_view.views[1].viewport().width() < 160)
    for s, lay, rect, ops in _painted_texts(busy, 1):
        assert rect.height() >= lay.height  # the card is as tall as its lines
        for what, text, r, needed in ops:
            assert needed <= r.width() + 1, (what, text)  # nothing is wider than its place: no elision
            assert "…" not in text
        joined = " ".join(t for w, t, _, _ in ops if w == "title")
        assert joined.split() == s.title.split()  # every word of the title is painted
    intervals = _painted_texts(busy, 1)[0][3]
    shown = " ".join(t for _, t, _, _ in intervals)
    for number in ("07:00", "53/55 min", "9.4/9.5", "km", "99 %", "HARD", "RPE 8 vs 7"):
        assert number in shown


def test_narrower_column_means_taller_card(busy, qtbot):
    view = busy.week_view.views[1]
    delegate = view.itemDelegate()
    s = busy.week_model.day_sessions(1)[1]
    wide = delegate.layout(s, Units.METRIC, view.font(), 400, TODAY).height
    narrow = delegate.layout(s, Units.METRIC, view.font(), 110, TODAY).height
    assert narrow > wide


def test_imperial_everywhere_and_after_a_restart(busy, make_window):
    busy.profiles.set(busy.profile.replace(units=Units.IMPERIAL))
    index = busy.week_model.index(0, 0, busy.week_model.day_index(1))
    assert index.data(Qt.ItemDataRole.AccessibleTextRole) == \
        "Tuesday, Intervals 6 x 800 m, 07:00, 53 minutes, 5.84 mi, hard, done"
    assert "6:50/mi" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert "5.84/5.9 mi · 5K pace, 6:50/mi; 2 min jog" in index.data(Qt.ItemDataRole.AccessibleDescriptionRole)
    # Runs: only the intervals carry a distance, 9.5 km = 5.9 mi; 55 + 20 min = 1 h 15.
    # 102.5 kg x 4 x 5 + 82.5 x 8 x 3 + 20 x 8 x 3 = 2050 + 1980 + 480 = 4510 kg = 9942.7 lb -> 9,943 lb
    assert busy.week_bar.totals.text().replace("\u00a0", " ") == (
        "3 sessions · Running 5.84 of 5.9 mi done, 53 min of 1 h 15 · Lifting 0 of 9,943 lb done, 0 min of 1 h 10")
    view = busy.week_view.views[1]
    view.itemDelegate()._layouts.clear()
    view.grab()  # paint through the model's UnitsRole, as the screen does
    painted = [" ".join(op.text for op in lay.ops) for lay in view.itemDelegate()._layouts.values()
               if lay.session.title.startswith("Intervals")]
    assert painted and all("5.84/5.9 mi · 5K pace, 6:50/mi; 2 min jog" in p for p in painted)
    lib = busy.library_model
    easy = lib.data(lib.index(0, 0, lib.index(0, 0)), Qt.ItemDataRole.ToolTipRole)
    assert "4.97 mi" in easy and "km" not in easy
    busy.close()
    busy.store.close()
    again = make_window()
    index = again.week_model.index(0, 0, again.week_model.day_index(1))
    assert "5.84 mi" in index.data(Qt.ItemDataRole.AccessibleTextRole)
    lib = again.library_model
    assert "4.97 mi" in lib.data(lib.index(0, 0, lib.index(0, 0)), Qt.ItemDataRole.ToolTipRole)


def test_progress_bar_is_labelled(busy):
    assert busy.week_bar.done_label.text() == "1 of 3 done"
    assert (busy.week_bar.progress.value(), busy.week_bar.progress.maximum()) == (1, 3)
    assert busy.week_bar.progress.accessibleName() == "Sessions done: 1 of 3 done"


def test_sunday_weeks_by_dates_picker_follows_today_stays(window):
    assert window.week_bar.title.text() == "Week 48 · 23–29 November 2026"
    window.profiles.set(window.profile.replace(week_start=WeekStart.SUN))
    first = window.week_model.first_day
    assert first == dt.date(2026, 11, 22) and first <= TODAY <= first + dt.timedelta(days=6)
    assert window.week_bar.title.text() == "22–28 November 2026"
    assert window.week_bar.picker.calendarWidget().firstDayOfWeek() == Qt.DayOfWeek.Sunday
    assert window.week_bar.picker.date() == QDate(2026, 11, 22)
    window.profiles.set(window.profile.replace(week_start=WeekStart.MON))
    assert window.week_bar.picker.calendarWidget().firstDayOfWeek() == Qt.DayOfWeek.Monday
    assert window.week_model.first_day == MONDAY


def test_demo_action_says_why_it_is_disabled(window):
    window._update_demo_action()
    assert not window.demo_action.isEnabled()
    assert window.demo_action.toolTip().startswith("Only for an empty plan: this one already has 4 sessions.")


def test_library_toolbar_and_empty_filter(window, qtbot):
    dock = window.library_dock
    tree = dock.tree
    assert not dock.add_action.isEnabled()  # nothing chosen yet
    first = dock.proxy.index(0, 0, dock.proxy.index(0, 0))
    tree.setCurrentIndex(first)  # a built-in template: hide, not edit
    assert [a.iconText() for a in dock.toolbar.actions()[:3]] == ["Add", "Edit", "Hide"]
    assert dock.remove_action.text() == "Hide template" and not dock.edit_action.isEnabled()
    with qtbot.waitSignal(dock.removeRequested) as hidden:
        dock.toolbar.widgetForAction(dock.remove_action).click()
    assert hidden.args[0].id == "easy-run"
    assert dock.restore_action in dock.actions_menu.actions()
    dock.filter.setText("xyz")
    assert dock.empty.text() == "No template matches 'xyz'" and not dock.empty.isHidden()
    assert tree.isHidden()
    dock.filter.setText("squat")
    assert dock.empty.isHidden() and not tree.isHidden()


def test_every_control_has_a_name(window):
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QDateEdit, QLineEdit

    bar, dock = window.week_bar, window.library_dock
    controls = [*bar.findChildren(QAbstractButton), *bar.findChildren(QDateEdit), bar.progress,
                *dock.findChildren(QLineEdit), *dock.findChildren(QAbstractItemView),
                *dock.toolbar.findChildren(QAbstractButton), *window.week_view.views]
    unnamed = [c for c in controls if c.isVisibleTo(window) and not c.accessibleName()
               and not (isinstance(c, QAbstractButton) and c.text() and c.objectName() != "qt_toolbar_ext_button")]
    assert unnamed == []
    assert window.week_view.views[0].accessibleName() == "Sessions on Monday 23 November"


def _answer(button_text):
    def click():
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        click.text = box.text()
        click.buttons = [b.text() for b in box.buttons()]
        for b in box.buttons():
            if b.text() == button_text:
                b.click()
                return
        box.reject()  # never leave a modal box open: the test fails on the answer instead
    return click


@pytest.mark.parametrize(("button", "answer"), [
    ("Add alongside", "add"), ("Replace the 2 sessions", "replace"), ("&Cancel", None)])
def test_copy_week_asks_when_the_next_week_has_sessions(qtbot, qapp, button, answer):
    assert ask_copy_week_mode(None, 0) == "add"  # an empty week needs no question
    click = _answer(button)
    QTimer.singleShot(0, click)
    assert ask_copy_week_mode(None, 2) == answer
    assert click.text == ("The next week already has 2 sessions. Add the copies alongside them, "
                          "or replace them with this week's sessions?")


@pytest.mark.parametrize(("button", "answer"), [
    ("Skip them (import 7)", True), ("Import all 10", False), ("&Cancel", None)])
def test_import_says_how_many_rows_match(qtbot, qapp, button, answer):
    assert ask_skip_duplicates(None, 0, 10) is False
    click = _answer(button)
    QTimer.singleShot(0, click)
    assert ask_skip_duplicates(None, 3, 10) is answer
    assert click.text == "3 of the 10 sessions in this file are already in the plan (same date, kind, title and time)."


def test_plan_with_the_keyboard_alone(window, qtbot):
    """The README's keyboard walk: pick a day, Ctrl+L, type, Tab, Enter adds the template there."""
    thu = window.week_view.views[3]
    thu.setFocus()
    qtbot.waitUntil(thu.hasFocus)
    window.library_dock.focus_filter_action.trigger()
    qtbot.keyClicks(window.library_dock.filter, "easy")
    tree = window.library_dock.tree
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    assert window.library_dock.current_template().title == "Easy run"
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    thursday = MONDAY + dt.timedelta(days=3)
    assert [s.title for s in window.store.sessions.on_date(thursday)] == ["Easy run"]
    assert [s.title for s in window.week_view.selected_sessions()] == ["Easy run"]
    assert window.week_view.views[3].hasFocus()  # back in the calendar, on the new card
