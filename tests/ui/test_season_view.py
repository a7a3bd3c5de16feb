"""The season view as a user drives it: drops across weeks, undo, keys, double-click, summaries."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QItemSelectionModel, QPoint, Qt
from PySide6.QtWidgets import QApplication

from planner.domain.enums import Status
from planner.ui.calendar.season_view import SeasonView
from tests.services.conftest import MONDAY, run
from tests.ui.conftest import titles
from tests.ui.test_calendar_view import send_drop


def day(n: int) -> dt.date:
    return MONDAY + dt.timedelta(days=n)


@pytest.fixture
def season_window(make_window, qtbot):
    """Week 1: Monday A, B; week 3: Wednesday W3; the season view shown (Ctrl+Shift+S)."""
    w = make_window([run("A", day(0), position=0), run("B", day(0), position=1), run("W3", day(16)),
                     run("Long", day(6), distance_km=18.0, duration_min=100, rpe=4)])
    w.views.actions_by_view["season"].trigger()
    qtbot.waitUntil(lambda: w.views.season_view is not None and w.views.season_view.isVisible())
    return w


def season(w) -> SeasonView:
    return w.views.season_view


def select(w, day_row: int, row: int):
    view = season(w).views[day_row]
    index = w.views.season_model.index(row, 0, view.rootIndex())
    view.setFocus()
    view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    return view


def test_season_shows_twelve_weeks_from_the_week_shown(season_window):
    s = season(season_window)
    assert season_window.views.current_name == "season"
    assert season_window.views.season_model.weeks == 12
    assert len(s.views) == 84 and len(s.summary_labels) == 12
    assert season_window.views.season_model.days[0] == MONDAY
    assert [x.title for x in season_window.views.season_model.day_sessions(16)] == ["W3"]
    assert s.range_label.text() == "23 Nov 2026 – 14 Feb 2027"


def test_drop_event_moves_a_card_from_week_1_to_week_3_and_undo_puts_it_back(season_window):
    w = season_window
    model = w.views.season_model
    data = model.mimeData([model.index(0, 0, model.day_index(0))])  # A
    target = season(w).views[15]  # Tuesday of week 3, empty
    send_drop(target, target.viewport().rect().center(), data)
    assert titles(w.store, day(0)) == ["B"]
    assert titles(w.store, day(15)) == ["A"]
    assert [x.title for x in model.day_sessions(15)] == ["A"]
    assert w.undo_stack.undoText() == "Move 'A' to Tuesday"
    assert [x.title for x in season(w).selected_sessions()] == ["A"]  # the moved card stays selected
    w.undo_action.trigger()
    assert titles(w.store, day(0)) == ["A", "B"]
    assert titles(w.store, day(15)) == []
    assert [x.title for x in model.day_sessions(0)] == ["A", "B"]


def test_drop_event_with_ctrl_copies_across_weeks(season_window):
    w = season_window
    model = w.views.season_model
    data = model.mimeData([model.index(0, 0, model.day_index(16))])  # W3
    target = season(w).views[2]  # Wednesday of week 1
    send_drop(target, target.viewport().rect().center(), data, Qt.DropAction.CopyAction,
              Qt.KeyboardModifier.ControlModifier)
    assert titles(w.store, day(2)) == ["W3"] and titles(w.store, day(16)) == ["W3"]


def test_the_week_view_follows_a_drop_made_in_the_season(season_window):
    w = season_window
    select(w, 0, 1)  # B
    w.session_actions.next_day.trigger()  # the same actions act on the season's selection
    assert titles(w.store, day(1)) == ["B"]
    assert [x.title for x in w.week_model.day_sessions(1)] == ["B"]


def test_keyboard_crosses_days_and_weeks(season_window, qtbot):
    w = season_window
    view = select(w, 6, 0)  # Long, Sunday of week 1
    qtbot.keyClick(view, Qt.Key.Key_Right)  # Monday of week 2: empty
    assert QApplication.focusWidget() is season(w).views[7]
    qtbot.keyClick(season(w).views[7], Qt.Key.Key_Down)  # Monday of week 3
    assert QApplication.focusWidget() is season(w).views[14]
    qtbot.keyClick(season(w).views[14], Qt.Key.Key_Right)
    qtbot.keyClick(season(w).views[15], Qt.Key.Key_Right)
    assert [x.title for x in season(w).selected_sessions()] == ["W3"]
    qtbot.keyClick(season(w).views[16], Qt.Key.Key_Delete)
    assert titles(w.store, day(16)) == []
    qtbot.keyClick(season(w).views[16], Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert titles(w.store, day(16)) == ["W3"]


def test_double_click_on_a_day_opens_its_week(season_window, qtbot):
    w = season_window
    target = season(w).views[17]  # Thursday of week 3, empty
    qtbot.mouseDClick(target.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    assert w.views.current_name == "week"
    assert w.week_model.first_day == day(14)
    assert w.views.season_model.days[0] == day(14)  # the season follows the week shown


def test_summary_column(season_window):
    label = season(season_window).summary_labels[0]
    assert "2026-W48" in label.text()
    assert "Run 0/" in label.text() and "Load " in label.text()
    assert "Foster 2001" in label.toolTip()


def test_weeks_choice_rebuilds_the_grid_and_is_kept(season_window, make_window):
    s = season(season_window)
    s.weeks_box.setCurrentText("16 weeks")
    assert season_window.views.season_model.weeks == 16
    assert len(season(season_window).views) == 112
    assert season_window.settings.season_weeks == 16
    s.weeks_box.setCurrentText("4 weeks")
    assert len(season(season_window).views) == 28
    from planner.ui.plancheck.badges import BadgeDelegate

    # the plan check's dots stay on the rebuilt days
    assert all(isinstance(v.itemDelegate(), BadgeDelegate) for v in season(season_window).views)
    model = season_window.views.season_model
    data = model.mimeData([model.index(0, 0, model.day_index(0))])
    send_drop(season(season_window).views[15], QPoint(5, 5), data)  # the rebuilt views take drops
    assert titles(season_window.store, day(15)) == ["A"]


def test_trends_view_shows_the_charts_and_a_click_opens_the_week(season_window, qtbot):
    w = season_window
    w.views.actions_by_view["trends"].trigger()
    qtbot.waitUntil(lambda: w.views.trends_view.pane is not None)
    assert not w.week_bar.isVisible()
    assert w.views.trends_view.pane.range_box.currentText() == "26 weeks"
    assert [w.views.trends_view.pane.range_box.itemText(i) for i in range(3)] == ["4 weeks", "8 weeks", "12 weeks"]
    assert w.charts_dock is not None  # the dock stays, for a glance
    w.views.trends_view.pane.weekClicked.emit(day(21))
    assert w.views.current_name == "week" and w.week_model.first_day == day(21)


def test_a_generated_block_opens_in_the_season(window, monkeypatch):
    import planner.ui.dialogs.generator_wizard as wizard

    def fake_wizard(parent, plan, profile, today):
        plan.add_placed([run(f"Block {k}", day(7 * k + 1)) for k in range(1, 9)], "Generate a block")
        return True

    monkeypatch.setattr(wizard, "run_generator_wizard", fake_wizard)
    window.generate_block()
    assert window.views.current_name == "season"
    assert window.week_model.first_day == day(7)
    assert window.views.season_model.weeks == 8


def test_file_export_pdf_in_the_season_prints_the_block(season_window, tmp_path, monkeypatch):
    from tests.ui.test_printing import pdf_pages

    w = season_window
    monkeypatch.setattr(w.printing, "ask_save_path", lambda *a: tmp_path / "season.pdf")
    assert w.printing.export_pdf() == tmp_path / "season.pdf"
    text = " ".join(pdf_pages(tmp_path / "season.pdf"))
    assert "Season · 12 weeks from Mon 23 Nov 2026" in text
    assert "Mon 23 Nov A (40 min); B (40 min)" in text and "Wed 9 Dec W3 (40 min)" in text
    w.views.show_view("week")
    assert w.printing.season_weeks() == 0  # the week view prints weeks, as before


def test_a_weeks_row_grows_for_a_drop_and_does_not_shrink_under_the_pointer(season_window):
    w = season_window
    model, views = w.views.season_model, season(w).views
    before = views[0].minimumHeight()  # week 1: Monday holds A and B
    data = model.mimeData([model.index(0, 0, model.day_index(0)), model.index(1, 0, model.day_index(0))])
    send_drop(views[15], QPoint(5, 5), data)  # both to Tuesday of week 3
    assert views[15].minimumHeight() >= views[15].content_height()  # week 3 grew to hold them
    assert views[0].minimumHeight() == before  # week 1 kept its height (nothing below it jumps)
    s = season(w)
    s.resize(s.width() - 40, s.height())  # a new width fits every week tight again
    s._fit_weeks()
    assert views[0].minimumHeight() < before


def test_units_and_first_day_of_the_week_follow_the_profile(season_window):
    from planner.domain.enums import Units, WeekStart
    from planner.models.week_model import UnitsRole

    w = season_window
    w.profiles.set(w.profile.replace(units=Units.IMPERIAL, week_start=WeekStart.SUN))
    model = w.views.season_model
    assert model.days[0].weekday() == 6  # a Sunday
    assert [lbl.text() for lbl in season(w).weekday_labels][:2] == ["<b>Sun</b>", "<b>Mon</b>"]
    first = next(r for r in range(len(model.days)) if model.day_sessions(r))
    assert Units(model.index(0, 0, model.day_index(first)).data(UnitsRole)) is Units.IMPERIAL


def test_library_add_lands_on_the_seasons_day(season_window):
    w = season_window
    season(w).views[17].setFocus()  # Thursday of week 3
    w._add_template_to_day("easy-run")
    assert titles(w.store, day(17)) == ["Easy run"]


@pytest.mark.parametrize("width", range(60, 200, 4))
def test_no_word_of_a_compact_card_under_the_plan_checks_dot(qapp, width):
    from PySide6.QtCore import QRect, QRectF
    from PySide6.QtGui import QFont

    from planner.domain.enums import Units
    from planner.ui.calendar.card_delegate import GAP
    from planner.ui.calendar.compact_delegate import PAD, STRIP, CompactCardDelegate
    from planner.ui.icons import IconCache
    from planner.ui.plancheck.badges import badge_rect

    delegate = CompactCardDelegate(IconCache())
    font = QFont()
    for s in (run("Intervals 5 x 1 km", day(1), distance_km=10.5, duration_min=60),
              run("Long run", day(6), distance_km=21.1, duration_min=100).replace(status=Status.DONE,
                                                                                  actual_duration_min=104)):
        lay = delegate.compact(s, Units.METRIC, font, width)
        f = delegate.compact_fonts(font)
        card = QRectF(QRect(0, 0, width, lay.height + 2 * PAD + GAP).adjusted(1, 1, -1, -GAP))
        inner = card.toRect().adjusted(STRIP + PAD + 1, PAD - 1, -PAD, -PAD + 1)
        dot = badge_rect(card)
        y = inner.top() + lay.title_h
        for line in lay.detail:
            x = inner.left() + lay.lead_w
            used = QRectF(x, y, f.sfm.horizontalAdvance(line), f.sfm.height())
            assert not used.intersects(dot), (width, s.title, line)
            y += f.sfm.height()
        # lines break between words, never inside one ("10.5 k" / "m"), while a word fits the line
        if f.sfm.horizontalAdvance("21.1 km") <= width - 2 - STRIP - 2 * PAD - lay.lead_w:
            from planner.words.cards import summary_line

            assert " ".join(lay.detail).split() == summary_line(s, Units.METRIC).split(), (width, lay.detail)
