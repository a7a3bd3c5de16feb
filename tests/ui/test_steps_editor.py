"""The steps editor: add, remove, reorder, repeat, a target per step, the total live; in the
session editor, the run takes its time from the steps."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from planner.domain.enums import Kind, Units
from planner.domain.session import Session
from planner.domain.steps import Repeat
from planner.ui.dialogs import SessionEditor
from planner.ui.dialogs.steps_editor import StepsEditor
from planner.ui.dialogs.steps_model import LENGTH, STEP, TARGET, StepsModel
from planner.words.steps import parse_steps, steps_compact

SIX = parse_steps("15min@easy; 6x(800m@4:10-4:20/km, 2min@jog); 10min@easy")


@pytest.fixture
def editor(qtbot):
    widget = StepsEditor(SIX, units=Units.METRIC)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_the_model_passes_qts_model_tester(qtmodeltester):
    model = StepsModel(SIX, Units.METRIC)
    qtmodeltester.check(model)
    model.add_repeat(model.index(0, 0))
    model.remove(model.index(0, 0, model.index(2, 0)))
    qtmodeltester.check(model)


def test_rows_show_the_steps_in_words(editor):
    m = editor.model
    repeat = m.index(1, 0)
    assert [m.index(0, c).data() for c in range(3)] == ["Warm-up", "15 min", "easy"]
    assert (repeat.data(), m.rowCount(repeat)) == ("Repeat 6 ×", 2)
    assert [m.index(0, c, repeat).data() for c in range(3)] == ["Run", "800 m", "4:10-4:20/km"]
    assert editor.total_label.text() == "Total 57 min · at least 4.8 km"
    assert editor.text_edit.text() == "15min@easy; 6x(800m@4:10-4:20/km, 2min@jog); 10min@easy"


def test_imperial_shows_paces_per_mile(qtbot):
    widget = StepsEditor(SIX, units=Units.IMPERIAL)
    qtbot.addWidget(widget)
    m = widget.model
    assert m.index(0, TARGET, m.index(1, 0)).data() == "6:42-6:58/mi"


def test_a_target_a_length_and_a_repeat_count_typed_in_and_the_total_follows(editor):
    m = editor.model
    repeat = m.index(1, 0)
    assert m.setData(m.index(0, TARGET, repeat), "4:00/km")
    assert m.setData(m.index(0, LENGTH, repeat), "1km")
    assert m.setData(repeat, 5)
    assert steps_compact(editor.items()) == "15min@easy; 5x(1km@4:00/km, 2min@jog); 10min@easy"
    assert editor.total_label.text() == "Total 55 min · at least 5 km"  # 900 + 5 x 360 + 600 s


def test_a_value_that_cannot_be_read_is_refused_and_said(editor):
    m = editor.model
    assert not m.setData(m.index(0, LENGTH), "15 furlongs")
    assert editor.problem_label.text().startswith("Steps: a step's length must be a time")
    assert editor.items() == SIX
    assert not m.setData(m.index(1, 0), 1)
    assert editor.problem_label.text() == "Repeats: must be between 2 and 99 (got 1)"


def test_the_kind_of_step_is_chosen_from_a_list(editor, qtbot):
    m = editor.model
    index = m.index(0, STEP)
    editor.view.setCurrentIndex(index)
    editor.view.edit(index)
    combo = editor.view.indexWidget(index)
    combo.setCurrentIndex(combo.findData("active"))
    editor.view.commitData(combo)
    assert editor.items()[0].intensity.value == "active"
    assert editor.text_edit.text().startswith("active 15min@easy;")


def test_add_remove_and_reorder(editor, qtbot):
    m = editor.model
    editor.view.setCurrentIndex(m.index(0, 0))
    qtbot.mouseClick(editor.add_step_button, Qt.MouseButton.LeftButton)
    assert steps_compact(editor.items()).startswith("15min@easy; 5min; 6x(")
    assert editor.view.currentIndex().row() == 1
    qtbot.mouseClick(editor.down_button, Qt.MouseButton.LeftButton)
    assert steps_compact(editor.items()).startswith("15min@easy; 6x(800m@4:10-4:20/km, 2min@jog); 5min;")
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert editor.items() == SIX
    editor.view.setCurrentIndex(m.index(2, 0))
    qtbot.mouseClick(editor.add_repeat_button, Qt.MouseButton.LeftButton)
    assert steps_compact(editor.items()).endswith("10min@easy; 4x(400m, 90s@jog)")
    # a step inside a repeat moves inside it; the repeat's last step takes the repeat with it
    repeat = m.index(3, 0)
    editor.view.setCurrentIndex(m.index(1, 0, repeat))
    qtbot.mouseClick(editor.up_button, Qt.MouseButton.LeftButton)
    # the intensity stays with the step, so the text names it where its place no longer says it
    assert steps_compact(editor.items()).endswith("cooldown 10min@easy; 4x(recovery 90s@jog, active 400m)")
    editor.view.setCurrentIndex(m.index(0, 0, m.index(3, 0)))
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    editor.view.setCurrentIndex(m.index(0, 0, m.index(3, 0)))
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert editor.items() == SIX


def test_the_steps_typed_as_text(editor, qtbot):
    editor.text_edit.setText("10min@easy; 3x(10min@4:40/km, 2min@jog); 10min@easy")
    qtbot.keyClick(editor.text_edit, Qt.Key.Key_Return)
    assert isinstance(editor.items()[1], Repeat) and editor.items()[1].times == 3
    assert editor.total_label.text() == "Total 56 min · at least 6.43 km"
    editor.text_edit.setText("3x(10min")
    qtbot.keyClick(editor.text_edit, Qt.Key.Key_Return)
    assert editor.problem_label.text() == "A '(' without its ')' in '3x(10min'"
    assert editor.items()[1].times == 3


def test_the_session_editor_has_a_steps_tab_for_runs_and_takes_the_time_from_the_steps(qtbot):
    run = Session(kind=Kind.RUN, title="Intervals", duration_min=40, rpe=8, type="intervals",
                  date=dt.date(2026, 12, 8), id=3)
    dialog = SessionEditor(run, units=Units.METRIC, catalog={})
    qtbot.addWidget(dialog)
    assert dialog.tabs.indexOf(dialog.steps_editor) == 1
    assert dialog.duration_spin.isEnabled()
    dialog.steps_editor.text_edit.setText("15min@easy; 6x(800m@4:10-4:20/km, 2min@jog); 10min@easy")
    qtbot.keyClick(dialog.steps_editor.text_edit, Qt.Key.Key_Return)
    assert (dialog.duration_spin.value(), dialog.duration_spin.isEnabled()) == (57, False)
    result = dialog.result_session()
    assert (result.steps, result.duration_min) == (SIX, 57)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("lift"))
    assert dialog.tabs.indexOf(dialog.steps_editor) == -1
    assert dialog.result_session().steps == () and dialog.duration_spin.isEnabled()
