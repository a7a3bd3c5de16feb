"""The calendar as a user drives it: drops sent to the views, keys, actions, undo, restart."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QTextDocumentFragment
from PySide6.QtWidgets import QApplication

from planner.models import mime
from tests.services.conftest import MONDAY
from tests.ui.conftest import TODAY, titles

TUE, WED, THU = (MONDAY + dt.timedelta(days=n) for n in (1, 2, 3))


def send_drop(view, pos: QPoint, data: QMimeData, action=Qt.DropAction.MoveAction,
              mods=Qt.KeyboardModifier.NoModifier) -> QDropEvent:
    """Enter, move and drop at `pos` in the view's viewport, as Qt's drag machinery would."""
    actions = Qt.DropAction.MoveAction | Qt.DropAction.CopyAction
    posf = QPointF(pos)
    vp = view.viewport()
    enter = QDragEnterEvent(pos, actions, data, Qt.MouseButton.LeftButton, mods)
    QApplication.sendEvent(vp, enter)
    move = QDragMoveEvent(pos, actions, data, Qt.MouseButton.LeftButton, mods)
    QApplication.sendEvent(vp, move)
    drop = QDropEvent(posf, actions, data, Qt.MouseButton.LeftButton, mods)
    drop.setDropAction(action)
    QApplication.sendEvent(vp, drop)
    return drop


def card_rect(window, day_row, row):
    view = window.week_view.views[day_row]
    return view, view.visualRect(window.week_model.index(row, 0, view.rootIndex()))


def test_window_basics(window):
    assert window.windowTitle() == "Hybrid Planner"
    assert window.week_model.first_day == MONDAY  # the week holding "today"
    assert [v.day_row for v in window.week_view.views] == list(range(7))
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&View", "&Help"]
    totals = QTextDocumentFragment.fromHtml(window.week_bar.totals.text()).toPlainText().replace("\u00a0", " ")
    assert totals == "4 sessions · Running 0 of 0 km done, 0 min of 2 h 40 · No lifting"
    assert "Week 48" in window.week_bar.title.text()


def test_drop_event_moves_card_to_another_day(window):
    src_view, rect = card_rect(window, 0, 0)
    data = window.week_model.mimeData([window.week_model.index(0, 0, src_view.rootIndex())])
    target = window.week_view.views[3]  # Thursday, empty
    send_drop(target, target.viewport().rect().center(), data)
    assert titles(window.store, MONDAY) == ["B", "C"]
    assert titles(window.store, THU) == ["A"]
    assert window.undo_stack.undoText() == "Move 'A' to Thursday"


def test_drop_event_between_cards_reorders(window):
    view, rect_c = card_rect(window, 0, 2)
    data = window.week_model.mimeData([window.week_model.index(0, 0, view.rootIndex())])  # A
    # the upper edge of C's card: A lands between B and C
    send_drop(view, QPoint(rect_c.center().x(), rect_c.top() + 2), data)
    assert titles(window.store, MONDAY) == ["B", "A", "C"]


def test_drop_event_with_ctrl_copies(window):
    view, _ = card_rect(window, 0, 0)
    data = window.week_model.mimeData([window.week_model.index(0, 0, view.rootIndex())])
    target = window.week_view.views[1]
    send_drop(target, target.viewport().rect().center(), data, Qt.DropAction.CopyAction,
              Qt.KeyboardModifier.ControlModifier)
    assert titles(window.store, MONDAY) == ["A", "B", "C"]
    assert titles(window.store, TUE) == ["A"]


def test_drop_event_from_library(window):
    data = mime.encode(mime.DragPayload(template_id="heavy-lower"))
    target = window.week_view.views[1]
    send_drop(target, target.viewport().rect().center(), data, Qt.DropAction.CopyAction)
    tue = window.store.sessions.on_date(TUE)
    assert [s.title for s in tue] == ["Heavy lower body"]
    # and the new card is selected, ready for Enter
    assert [s.id for s in window.week_view.selected_sessions()] == [tue[0].id]


def test_foreign_drop_changes_nothing(window):
    data = QMimeData()
    data.setText("a text from another app")
    target = window.week_view.views[1]
    send_drop(target, target.viewport().rect().center(), data)
    assert titles(window.store, TUE) == []


def select(window, day_row, row):
    """Select one card as a click would (the other days' selection is cleared)."""
    session = window.week_model.day_sessions(day_row)[row]
    window.week_view.select_ids([session.id])
    return window.week_view.views[day_row]


def test_keyboard_shift_delete_undo_redo(window, qtbot):
    select(window, 0, 1)  # B
    window.session_actions.next_day.trigger()
    assert titles(window.store, TUE) == ["B"]
    assert window.week_view.selected_sessions()[0].title == "B"  # the selection follows the card
    window.session_actions.next_day.trigger()
    assert titles(window.store, WED) == ["D", "B"]
    window.session_actions.delete.trigger()
    assert titles(window.store, WED) == ["D"]
    for _ in range(3):
        window.undo_action.trigger()
    assert titles(window.store, MONDAY) == ["A", "B", "C"]
    window.redo_action.trigger()
    assert titles(window.store, TUE) == ["B"]
    assert window.redo_action.text().startswith("&Redo")


def test_arrow_keys_cross_days(window, qtbot):
    view = select(window, 0, 2)  # C on Monday
    qtbot.keyClick(view, Qt.Key.Key_Right)
    tue_view = window.week_view.views[1]
    assert tue_view.hasFocus() or QApplication.focusWidget() is tue_view
    qtbot.keyClick(tue_view, Qt.Key.Key_Right)
    wed = window.week_view.views[2]
    assert [s.title for s in window.week_view.selected_sessions()] == ["D"]
    qtbot.keyClick(wed, Qt.Key.Key_Left)
    qtbot.keyClick(window.week_view.views[1], Qt.Key.Key_Left)
    assert [s.title for s in window.week_view.selected_sessions()] == ["C"]


def test_copy_paste_and_duplicate(window):
    select(window, 0, 0)
    window.session_actions.copy.trigger()
    window.week_view.views[4].setFocus()
    window.session_actions.paste.trigger()
    assert titles(window.store, MONDAY + dt.timedelta(days=4)) == ["A"]
    select(window, 2, 0)
    window.session_actions.duplicate.trigger()
    assert titles(window.store, WED) == ["D", "D"]


def test_mark_skipped_and_planned(window):
    select(window, 2, 0)
    window.session_actions.mark_skipped.trigger()
    assert window.store.sessions.on_date(WED)[0].status.value == "skipped"
    window.session_actions.mark_planned.trigger()
    assert window.store.sessions.on_date(WED)[0].status.value == "planned"


def test_copy_week_and_clear_week(window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    window.session_actions.copy_week.trigger()
    assert titles(window.store, MONDAY + dt.timedelta(days=7)) == ["A", "B", "C"]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.session_actions.clear_week.trigger()
    assert window.week_model.sessions() == []
    assert titles(window.store, MONDAY + dt.timedelta(days=7)) == ["A", "B", "C"]


def test_week_navigation(window):
    window.next_week.trigger()
    assert window.week_model.first_day == MONDAY + dt.timedelta(days=7)
    assert window.week_model.sessions() == []
    window.previous_week.trigger()
    window.previous_week.trigger()
    assert window.week_model.first_day == MONDAY - dt.timedelta(days=7)
    window.today_action.trigger()
    assert window.week_model.first_day == MONDAY
    window.go_to(dt.date(2027, 3, 4))
    assert window.week_model.first_day == dt.date(2027, 3, 1)
    assert "Week 9" in window.week_bar.title.text()


def test_today_is_highlighted(window):
    from planner.models.week_model import IsTodayRole

    flags = [window.week_model.day_index(r).data(IsTodayRole) for r in range(7)]
    assert flags == [d == TODAY for d in window.week_model.days]
    assert "background" in window.week_view.headers[2].styleSheet()


def test_restart_shows_the_change_and_the_last_week(window, make_window):
    window.session_actions  # noqa: B018
    select(window, 0, 0)
    window.session_actions.next_day.trigger()
    window.next_week.trigger()
    window.close()
    window.store.close()
    again = make_window()
    assert again.week_model.first_day == MONDAY + dt.timedelta(days=7)
    assert titles(again.store, TUE) == ["A"]


def test_week_start_follows_profile(window):
    window.profiles.set(window.profile.replace(week_start="sun"))
    assert window.week_model.first_day.weekday() == 6
    assert window.week_view.headers[0].text().startswith("<b>Sun")


def test_shortcuts_reach_the_actions(window, qtbot):
    """Keys typed in a day column trigger the window's actions (nothing in the view eats them)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    view = select(window, 0, 0)  # A
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert titles(window.store, TUE) == ["A"]
    qtbot.keyClick(window.week_view.views[1], Qt.Key.Key_Delete)
    assert titles(window.store, TUE) == []
    qtbot.keyClick(window.week_view.views[1], Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert titles(window.store, TUE) == ["A"]
    qtbot.keyClick(window.week_view.views[1], Qt.Key.Key_PageDown)
    assert window.week_model.first_day == MONDAY + dt.timedelta(days=7)
    qtbot.keyClick(window.week_view.views[1], Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert window.week_model.first_day == MONDAY


def test_enter_opens_the_editor_and_ok_saves(window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QDialog, QLineEdit

    from planner.ui.dialogs.session_editor import SessionEditor

    def accept_with_new_title(self):
        self.findChild(QLineEdit, "title").setText("Renamed run")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SessionEditor, "exec", accept_with_new_title)
    view = select(window, 2, 0)  # D
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert titles(window.store, WED) == ["Renamed run"]
    assert window.undo_stack.undoText() == "Edit 'Renamed run'"


def test_mark_done_dialog_records_actuals(window, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from planner.ui.dialogs.mark_done import MarkDoneDialog

    monkeypatch.setattr(MarkDoneDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    select(window, 2, 0)
    window.session_actions.mark_done.trigger()
    done = window.store.sessions.on_date(WED)[0]
    assert done.status.value == "done" and done.actual_duration_min == done.duration_min
    assert window.undo_stack.undoText() == "Mark 'D' done"


def test_quit_with_a_full_disk_asks_first(window, monkeypatch, qtbot):
    from PySide6.QtWidgets import QMessageBox

    import planner.store.storage as storage_module

    def full_disk(path, payload, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(storage_module, "write_atomic", full_disk)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Ok)
    select(window, 0, 0)
    window.session_actions.delete.trigger()
    asked = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Cancel)
    assert not window.close()  # Cancel: the window stays, the change is still in memory
    assert "No space left" in asked[0]
    assert titles(window.store, MONDAY) == ["B", "C"]
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Discard)
    assert window.close()


def test_profile_dialog_changes_units_and_week_start(window, monkeypatch):
    from PySide6.QtWidgets import QComboBox, QDialog

    from planner.ui.dialogs.profile_dialog import ProfileDialog

    def accept_imperial_sunday(self):
        self.findChild(QComboBox, "units").setCurrentIndex(1)
        week = self.findChild(QComboBox, "week_start")
        week.setCurrentIndex(week.findData("sun") if week.findData("sun") >= 0 else 1)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ProfileDialog, "exec", accept_imperial_sunday)
    window.profile_action.trigger()
    assert window.store.profile.get().units.value == "imperial"
    assert window.store.profile.get().week_start.value == "sun"
    assert window.week_model.first_day.weekday() == 6
    totals = QTextDocumentFragment.fromHtml(window.week_bar.totals.text()).toPlainText().replace("\u00a0", " ")
    assert totals == "4 sessions · Running 0 of 0 mi done, 0 min of 2 h 40 · No lifting"
    window.undo_action.trigger()
    assert window.store.profile.get().units.value == "metric"


def test_empty_plan_can_load_the_demo(make_window):
    from planner.resources import builtin_templates

    w = make_window(builtins=builtin_templates())
    assert len(w.store.sessions) == 0
    w.demo_action.trigger()
    assert len(w.store.sessions) > 100
    assert w.week_model.sessions()  # today's week is shown and filled
    w.undo_action.trigger()
    assert len(w.store.sessions) == 0


def test_file_import_plan_adds_after_existing_and_undoes_whole(window, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    plan = tmp_path / "block.csv"
    plan.write_text("date,kind,type,title,duration_min,rpe\n"
                    f"{MONDAY},run,easy,Imported easy,40,3\n{THU},lift,lower,Imported squat,60,8\n",
                    encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(plan), ""))
    window.files.import_plan()
    assert titles(window.store, MONDAY) == ["A", "B", "C", "Imported easy"]
    assert titles(window.store, THU) == ["Imported squat"]
    assert window.undo_stack.undoText() == "Import 2 sessions from block.csv"
    window.undo_action.trigger()
    assert titles(window.store, MONDAY) == ["A", "B", "C"] and titles(window.store, THU) == []


def test_week_strip_wraps_between_facts_never_inside_a_duration(window, qtbot):
    """Issue 23: the strip wrapped as "2 h / 25"; now a quantity stays on one line."""
    from PySide6.QtGui import QFontMetrics, QTextLayout, QTextOption

    label = window.week_bar.totals
    assert "2\u00a0h\u00a040" in label.text()
    assert label.accessibleName() == "Week totals: 4 sessions · Running 0 of 0 km done, 0 min of 2 h 40 · No lifting"
    for width in range(120, 420, 7):  # lines as the label breaks them at this width
        layout = QTextLayout(label.text(), label.font())
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        layout.setTextOption(option)
        layout.beginLayout()
        lines = []
        while (line := layout.createLine()).isValid():
            line.setLineWidth(width)
            lines.append(label.text()[line.textStart():line.textStart() + line.textLength()].strip())
        layout.endLayout()
        assert not any(a.endswith(" h") or a.endswith("\u00a0h") for a in lines[:-1]), (width, lines)
        assert QFontMetrics(label.font()).horizontalAdvance("2\u00a0h\u00a040") <= width
