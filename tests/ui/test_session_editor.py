"""SessionEditor: round trips, edits through widgets, field-level validation, units, exercises."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QLocale, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QLineEdit

from planner.domain.enums import Kind, Status, Units
from planner.domain.errors import ValidationError
from planner.domain.session import Exercise, Session, WorkSet
from planner.ui.dialogs import SessionEditor
from planner.ui.dialogs.effort import cr10_anchor
from planner.ui.dialogs.exercises_model import ExercisesModel, SetsModel

CATALOG = {
    "Back squat": ("quads", "glutes", "adductors", "core"),
    "Romanian deadlift": ("hamstrings", "glutes", "back"),
    "Deadlift": ("glutes", "hamstrings", "back", "quads"),
    "Standing calf raise": ("calves",),
    "Pull-up": ("lats", "biceps"),
}

RUN = Session(
    kind=Kind.RUN,
    title="Tempo run",
    duration_min=50,
    rpe=7,
    type="tempo",
    distance_km=10.0,
    target="4:50/km",
    notes="3 km easy, 5 km tempo",
    date=dt.date(2025, 6, 3),
    id=4,
    position=1,
    time=dt.time(7, 30),
)
LIFT = Session(
    kind=Kind.LIFT,
    title="Heavy lower body",
    duration_min=60,
    rpe=8,
    type="lower",
    exercises=(
        Exercise(
            "Back squat",
            (WorkSet(5, 60, warmup=True), WorkSet(5, 102.5, rpe=8), WorkSet(5, 102.5, rpe=8.5)),
            CATALOG["Back squat"],
        ),
        Exercise("Romanian deadlift", (WorkSet(8, 80, rir=2),) * 3, CATALOG["Romanian deadlift"]),
        Exercise("Nordic curl", (WorkSet(6),) * 2, ("hamstrings",)),
    ),
    date=dt.date(2025, 6, 4),
    id=5,
)


@pytest.fixture
def make(qtbot):
    """SessionEditor factory; keeps the editors referenced (qtbot holds weak refs only)."""
    made: list[SessionEditor] = []

    def _make(
        session: Session, units: Units = Units.METRIC, *, show: bool = False
    ) -> SessionEditor:
        editor = SessionEditor(session, units=units, catalog=CATALOG)
        qtbot.addWidget(editor)
        made.append(editor)
        if show:
            if session.kind is Kind.LIFT:
                editor.tabs.setCurrentWidget(editor.exercises)
            editor.show()
            qtbot.waitExposed(editor)
        return editor

    return _make


def replace_text(qtbot, widget: QLineEdit, text: str) -> None:
    widget.selectAll()
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    qtbot.keyClicks(widget, text)


def message_label(editor: QDialog, name: str) -> QLabel:
    label = editor.findChild(QLabel, f"{name}_error")
    assert label is not None
    return label


def edit_cell(qtbot, view, row: int, column: int, text: str) -> None:
    """Type into a table cell the way a user does: open the editor, type, press Enter."""
    index = view.model().index(row, column)
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.indexWidget(index)
    assert isinstance(editor, QLineEdit), editor
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.indexWidget(index) is None)  # the delegate commits queued


# --- round trips ------------------------------------------------------------------------------


@pytest.mark.parametrize("units", list(Units))
@pytest.mark.parametrize("session", [RUN, LIFT], ids=["run", "lift"])
def test_round_trip_without_changes_is_equal(make, session, units):
    editor = make(session, units)
    assert editor.ok_button.isEnabled()
    assert editor.problems() == []
    assert editor.result_session() == session


def test_round_trip_keeps_odd_values_exact(make):
    """Values the fields show rounded (16.09344 km, 102.058283 kg, 07:30:15) come back exact."""
    s = LIFT.replace(
        time=dt.time(7, 30, 15),
        exercises=(Exercise("Back squat", (WorkSet(3, 102.058283, rpe=9),), ("quads",)),),
    )
    for units in Units:
        assert make(s, units).result_session() == s
    run = RUN.replace(
        distance_km=16.09344,
        actual_distance_km=12.3456789,
        status=Status.DONE,
        actual_duration_min=49,
        actual_rpe=7.5,
    )
    for units in Units:
        assert make(run, units).result_session() == run


def test_exec_accepts_with_enter_and_cancels_with_escape(make, qtbot):
    editor = make(RUN, show=True)
    replace_text(qtbot, editor.title_edit, "Threshold run")
    QTimer.singleShot(0, lambda: qtbot.keyClick(editor.title_edit, Qt.Key.Key_Return))
    assert editor.exec() == QDialog.DialogCode.Accepted
    assert editor.result_session() == RUN.replace(title="Threshold run")

    editor = make(RUN, show=True)
    QTimer.singleShot(0, lambda: qtbot.keyClick(editor.title_edit, Qt.Key.Key_Escape))
    assert editor.exec() == QDialog.DialogCode.Rejected


def test_enter_does_nothing_while_a_value_is_wrong(make, qtbot):
    editor = make(RUN, show=True)
    editor.title_edit.clear()
    qtbot.keyClick(editor.title_edit, Qt.Key.Key_Return)
    assert editor.isVisible()
    assert editor.result() == 0


# --- editing through the widgets -------------------------------------------------------------


def test_edit_every_common_and_run_field(make, qtbot):
    editor = make(RUN, show=True)
    replace_text(qtbot, editor.title_edit, "Hill reps")
    editor.type_combo.setCurrentText("Hills")
    editor.time_check.setChecked(False)
    editor.duration_spin.setValue(65)
    editor.rpe_field.spin.setValue(8.5)
    replace_text(qtbot, editor.distance_edit, "12.5")
    replace_text(qtbot, editor.target_edit, "Z4 on the hills")
    editor.notes_edit.setPlainText("8 x 60 s uphill")
    assert editor.result_session() == RUN.replace(
        title="Hill reps",
        type="hills",
        time=None,
        duration_min=65,
        rpe=8.5,
        distance_km=12.5,
        target="Z4 on the hills",
        notes="8 x 60 s uphill",
    )
    assert editor.pace_label.text() == "5:12 /km over 12.5 km"
    assert editor.header.text() == "Hill reps"


def test_time_of_day(make):
    editor = make(RUN.replace(time=None))
    assert not editor.time_edit.isEnabled()
    editor.time_check.setChecked(True)
    editor.time_edit.setTime(editor.time_edit.time().fromString("18:15", "HH:mm"))
    assert editor.result_session().time == dt.time(18, 15)


def test_rpe_shows_the_scale_word_and_the_class_the_session_gets(make):
    editor = make(RUN)  # a tempo run at RPE 7
    assert editor.rpe_field.anchor.text() == "very hard on the CR-10 scale\na hard session"
    editor.rpe_field.spin.setValue(3)  # a tempo run stays hard whatever its RPE (SCIENCE.md §9)
    assert editor.rpe_field.anchor.text() == "moderate on the CR-10 scale\na hard session"
    editor.type_combo.setCurrentIndex(editor.type_combo.findData("long"))
    editor.rpe_field.spin.setValue(5)  # the Long run: "hard" on the scale, a moderate session
    assert editor.rpe_field.anchor.text() == "hard on the CR-10 scale\na moderate session"
    editor.rpe_field.spin.setValue(6)
    assert editor.rpe_field.anchor.text() == "hard to very hard on the CR-10 scale\na moderate session"
    editor.rpe_field.spin.setValue(4)
    assert editor.rpe_field.anchor.text() == "somewhat hard on the CR-10 scale\nan easy session"
    assert "J Strength Cond Res 2001" in editor.rpe_field.spin.toolTip()


def test_done_tab_effort_shows_the_scale_word_only(make):
    editor = make(RUN)
    editor.actuals.rpe_field.set_value(5)
    assert editor.actuals.rpe_field.anchor.text() == "hard on the CR-10 scale"


@pytest.mark.parametrize(("typed", "message"), [
    ("1500", "Duration must be between 1 and 1440 min (got 1500)"),
    ("9999", "Duration must be between 1 and 1440 min (got 9999)"),
])
def test_typed_duration_out_of_range_is_explained_not_clamped(make, qtbot, typed, message):
    editor = make(RUN)
    editor.duration_spin.selectAll()
    qtbot.keyClicks(editor.duration_spin, typed)
    assert editor.duration_spin.value() == int(typed)  # not 70 or 99
    assert editor.errors()["duration_min"] == message
    assert not editor.ok_button.isEnabled()


def test_typed_effort_out_of_range_is_explained(make, qtbot):
    editor = make(RUN)
    editor.rpe_field.spin.lineEdit().selectAll()
    qtbot.keyClicks(editor.rpe_field.spin, "11")
    assert editor.rpe_field.spin.value() == 11  # not 1
    assert editor.errors()["rpe"] == "Effort must be between 0 and 10 (got 11)"


@pytest.mark.parametrize(
    ("value", "word"),
    [
        (0, "rest"),
        (1, "very, very easy"),
        (2, "easy"),
        (3, "moderate"),
        (4, "somewhat hard"),
        (5, "hard"),
        (7, "very hard"),
        (10, "maximal"),
        (9, "very hard to maximal"),
        (4.5, "somewhat hard to hard"),
    ],
)
def test_cr10_anchors_foster_2001(value, word):
    assert cr10_anchor(value) == word


def test_status_and_actual_values(make):
    editor = make(RUN)
    editor.status_combo.setCurrentText("Done")  # offers the plan as the actual values
    assert editor.actuals.duration_spin.value() == 50
    editor.actuals.duration_spin.setValue(52)
    editor.actuals.rpe_field.spin.setValue(7.5)
    editor.actuals.distance_edit.setText("10.2")
    assert editor.result_session() == RUN.replace(
        status=Status.DONE, actual_duration_min=52, actual_rpe=7.5, actual_distance_km=10.2
    )
    editor.actuals.duration_spin.setValue(0)  # the dash: not recorded
    assert editor.result_session().actual_duration_min is None
    editor.status_combo.setCurrentText("Skipped")
    assert editor.result_session().status is Status.SKIPPED


def test_kind_switch_changes_fields_and_types(make):
    editor = make(RUN)
    run_types = [editor.type_combo.itemData(i) for i in range(editor.type_combo.count())]
    assert run_types == ["", "easy", "recovery", "long", "tempo", "intervals", "hills", "race"]
    assert editor.tabs.indexOf(editor.exercises) < 0
    editor.kind_combo.setCurrentText("Lift")
    assert editor.tabs.indexOf(editor.exercises) == 1
    assert editor.type_combo.currentData() == ""  # "tempo" is no lift focus
    assert [editor.type_combo.itemText(i) for i in range(1, 5)] == [
        "Lower body",
        "Upper body",
        "Full body",
        "Core",
    ]
    assert not editor.distance_edit.isVisibleTo(editor)
    editor.type_combo.setCurrentText("Upper body")
    result = editor.result_session()
    assert (result.kind, result.type, result.distance_km, result.target) == (
        Kind.LIFT,
        "upper",
        None,
        "",
    )  # a lift keeps no run fields
    editor.kind_combo.setCurrentText("Run")
    assert editor.result_session().distance_km == 10.0  # the hidden field kept its text


def test_lift_to_run_drops_exercises_and_rest_allows_zero_minutes(make):
    editor = make(LIFT)
    editor.kind_combo.setCurrentText("Run")
    assert editor.result_session().exercises == ()
    editor.kind_combo.setCurrentText("Rest day")
    assert not editor.type_combo.isEnabled()
    editor.duration_spin.setValue(0)
    assert editor.ok_button.isEnabled()
    assert editor.result_session().duration_min == 0
    editor.kind_combo.setCurrentText("Mobility")
    assert not editor.ok_button.isEnabled()
    assert editor.errors() == {"duration_min": "Duration must be between 1 and 1440 min (got 0)"}


def test_fields_a_kind_hides_are_kept_while_the_kind_is_unchanged(make):
    odd = LIFT.replace(distance_km=3.0, target="row 500 m")
    assert make(odd).result_session() == odd


# --- validation at the field -----------------------------------------------------------------


def test_empty_title_disables_ok_and_says_why(make, qtbot):
    editor = make(RUN, show=True)
    editor.title_edit.selectAll()
    qtbot.keyClick(editor.title_edit, Qt.Key.Key_Delete)
    assert not editor.ok_button.isEnabled()
    assert editor.errors() == {"title": "Title must not be empty"}
    label = message_label(editor, "title")
    assert label.isVisible() and label.text() == "Title must not be empty"
    assert editor.title_edit.property("invalid") is True
    assert editor.footer.message.text() == "Title must not be empty"
    with pytest.raises(ValidationError) as err:
        editor.result_session()
    assert err.value.field == "title"
    qtbot.keyClicks(editor.title_edit, "Tempo")
    assert editor.ok_button.isEnabled()
    assert not label.isVisible()
    assert editor.title_edit.property("invalid") is False
    assert not editor.footer.message.isVisible()


def test_title_longer_than_120_characters(make):
    editor = make(RUN)
    editor.title_edit.setText("x" * 121)
    assert editor.errors()["title"] == "Title must be at most 120 characters (got 121)"


def test_distance_400_km_typed(make, qtbot):
    editor = make(RUN, show=True)
    replace_text(qtbot, editor.distance_edit, "400")
    assert not editor.ok_button.isEnabled()
    assert editor.errors() == {"distance_km": "Distance must be between 0 and 300 km (got 400 km)"}
    assert message_label(editor, "distance_km").isVisible()
    replace_text(qtbot, editor.distance_edit, "40")
    assert editor.ok_button.isEnabled()
    assert editor.result_session().distance_km == 40.0


def test_distance_that_is_no_number(make):
    editor = make(RUN)
    editor.distance_edit.setText("ten")
    assert editor.errors() == {"distance_km": "Distance must be a number (got 'ten')"}


def test_rpe_must_be_a_half_step(make):
    editor = make(RUN)
    editor.rpe_field.spin.setValue(7.3)
    assert editor.errors() == {"rpe": "Effort must be in steps of 0.5 between 0 and 10 (got 7.3)"}
    assert editor.rpe_field.spin.property("invalid") is True


def test_all_wrong_fields_are_marked_at_once(make):
    editor = make(RUN)
    editor.status_combo.setCurrentText("Done")
    editor.title_edit.clear()
    editor.duration_spin.setValue(0)
    editor.distance_edit.setText("-3")
    editor.actuals.rpe_field.spin.setValue(6.2)
    assert set(editor.errors()) == {"title", "duration_min", "distance_km", "actual_rpe"}
    assert "(and 3 more)" in editor.footer.message.text()
    # the tabs holding wrong fields carry the error icon
    assert not editor.tabs.tabIcon(0).isNull()
    assert not editor.tabs.tabIcon(editor.tabs.count() - 1).isNull()


def test_notes_too_long(make):
    editor = make(RUN)
    editor.notes_edit.setPlainText("n" * 4001)
    assert editor.errors() == {"notes": "Notes must be at most 4000 characters (got 4001)"}


# --- imperial units --------------------------------------------------------------------------


def test_imperial_distance_typed_in_miles(make, qtbot):
    editor = make(RUN, Units.IMPERIAL, show=True)
    assert editor.distance_edit.text() == "6.21"
    assert editor.findChild(QLabel, "pace").text() == "8:03 /mi over 6.21 mi"
    replace_text(qtbot, editor.distance_edit, "10")
    assert editor.result_session().distance_km == 16.09344
    replace_text(qtbot, editor.distance_edit, "200")
    assert editor.errors() == {
        "distance_km": "Distance must be between 0 and 186.41 mi (got 200 mi)"
    }
    replace_text(qtbot, editor.distance_edit, "15 km")  # an explicit unit is taken at its word
    assert editor.result_session().distance_km == 15.0


def test_imperial_loads_typed_in_pounds(make, qtbot):
    editor = make(LIFT, Units.IMPERIAL, show=True)
    sets = editor.exercises.sets_model
    assert sets.headerData(SetsModel.LOAD, Qt.Orientation.Horizontal) == "Load (lb)"
    # 102.5 kg = 225.97 lb: shown as plates give it, the nearest 2.5 lb
    assert sets.index(1, SetsModel.LOAD).data() == "225"
    edit_cell(qtbot, editor.exercises.sets_view, 1, SetsModel.LOAD, "230")
    assert sets.index(1, SetsModel.LOAD).data() == "230"
    squat = editor.result_session().exercises[0]
    assert squat.sets[1].load_kg == pytest.approx(230 * 0.45359237, abs=1e-6)
    assert squat.sets[2].load_kg == 102.5  # untouched sets keep their exact kg
    edit_cell(qtbot, editor.exercises.sets_view, 1, SetsModel.LOAD, "1200")
    assert not editor.ok_button.isEnabled()
    assert editor.problems() == [
        "Back squat, set 2: load must be between 0 and 1102.31 lb (got 1200 lb)"
    ]


# --- exercises and sets ----------------------------------------------------------------------


@pytest.mark.parametrize("which", ["exercises", "sets"])
def test_models_pass_the_model_tester_through_moves(make, qtmodeltester, qtlog, which):
    """Both testers watch every signal of the moves (Qt's only warns, pytest-qt's asserts)."""
    editor = make(LIFT)
    ex = editor.exercises
    model = ex.exercises_model if which == "exercises" else ex.sets_model
    qtmodeltester.check(model)  # Qt's C++ tester
    qtmodeltester.check(model, force_py=True)
    # Neither tester checks what a move moves: every row must be where the signals said it went.
    columns = range(model.columnCount())
    watched: dict[QPersistentModelIndex, tuple[object, ...]] = {}
    moves = []

    def row_data(row: int) -> tuple[object, ...]:
        return tuple(model.index(row, c).data() for c in columns)

    def before(*_: object) -> None:
        watched.clear()
        for row in range(model.rowCount()):
            watched[QPersistentModelIndex(model.index(row, 0))] = row_data(row)

    def after(*_: object) -> None:
        assert {p.row(): row_data(p.row()) for p in watched} == {
            p.row(): data for p, data in watched.items()
        }
        moves.append(1)

    model.rowsAboutToBeMoved.connect(before)
    model.rowsMoved.connect(after)
    ex.sets_model.setData(ex.sets_model.index(0, SetsModel.REPS), "0")  # marked cells move too
    if which == "exercises":
        ex.select_exercise(0)
        for delta in (+1, +1, +1, -1, -1, -1):  # of 3 rows: the 3rd and 6th go past an end
            ex.move_exercise(delta)
        assert [d.name for d in ex.exercises_model.drafts()][0] == "Back squat"
    else:
        ex.select_set(0)
        for delta in (+1, +1, +1, -1, -1, -1):
            ex.move_set(delta)
        assert ex.current_set_row() == 0
        assert editor.problems() == ["Back squat, set 1: reps must be between 1 and 100 (got 0)"]
    assert len(moves) == 4
    qtmodeltester.check(model, force_py=True)  # and the model as it is after the moves
    failures = [m.message for m in qtlog.records if "FAIL" in m.message]
    assert failures == []


def test_exercise_table_shows_names_muscles_and_summary(make):
    model = make(LIFT).exercises.exercises_model
    assert model.rowCount() == 3
    assert model.index(0, ExercisesModel.NAME).data() == "Back squat"
    assert model.index(0, ExercisesModel.MUSCLES).data() == "quads, glutes, adductors, core"
    assert model.index(0, ExercisesModel.SETS).data() == "2 \u00d7 5 @ 102.5 kg + 1 warm-up"
    assert model.index(1, ExercisesModel.SETS).data() == "3 \u00d7 8 @ 80 kg"
    assert model.index(2, ExercisesModel.SETS).data() == "2 \u00d7 6 (bodyweight)"
    totals = make(LIFT).findChild(QLabel, "lift_totals").text()
    # 2 x 5 x 102.5 + 3 x 8 x 80 = 2945 kg; warm-up and bodyweight sets count zero (McBride 2009)
    number = QLocale().toString(2945.0, "f", 0)  # "2,945" or "2945", as the user's locale writes
    assert totals == f"3 exercises \u00b7 7 working sets \u00b7 volume load {number} kg"


def test_add_exercise_pick_from_catalog_and_reorder(make, qtbot):
    editor = make(LIFT, show=True)
    ex = editor.exercises
    ex.select_exercise(2)
    qtbot.mouseClick(ex.add_exercise_button, Qt.MouseButton.LeftButton)
    assert ex.current_exercise_row() == 3
    assert not editor.ok_button.isEnabled()  # a new exercise needs a name
    assert editor.problems() == ["Exercise 4: name must not be empty"]
    index = ex.exercises_model.index(3, ExercisesModel.NAME)
    combo = ex.exercises_view.indexWidget(index)
    assert isinstance(combo, QComboBox)  # the picker opened by itself
    qtbot.keyClicks(combo.lineEdit(), "calf")
    completer = combo.completer()
    assert completer.completionCount() == 1  # contains-match, any case
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Down)
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ex.exercises_view.indexWidget(index) is None)
    assert index.data() == "Standing calf raise"
    assert ex.exercises_model.index(3, ExercisesModel.MUSCLES).data() == "calves"
    assert editor.ok_button.isEnabled()
    ex.exercises_model.setData(index, "pull-up")
    assert index.data() == "Pull-up"  # the catalog's spelling
    assert ex.exercises_model.index(3, ExercisesModel.MUSCLES).data() == "lats, biceps"

    qtbot.mouseClick(ex.up_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(ex.up_button, Qt.MouseButton.LeftButton)
    assert ex.current_exercise_row() == 1
    names = [e.name for e in editor.result_session().exercises]
    assert names == ["Back squat", "Pull-up", "Romanian deadlift", "Nordic curl"]
    pull_up = editor.result_session().exercises[1]
    assert pull_up == Exercise("Pull-up", (WorkSet(8),) * 3, ("lats", "biceps"))
    qtbot.mouseClick(ex.down_button, Qt.MouseButton.LeftButton)
    assert [e.name for e in editor.result_session().exercises][1:3] == [
        "Romanian deadlift",
        "Pull-up",
    ]
    ex.select_exercise(0)
    assert not ex.up_button.isEnabled()
    qtbot.mouseClick(ex.remove_exercise_button, Qt.MouseButton.LeftButton)
    assert [e.name for e in editor.result_session().exercises] == [
        "Romanian deadlift",
        "Pull-up",
        "Nordic curl",
    ]
    assert ex.sets_group.title() == "Sets of Romanian deadlift"


def test_free_text_exercise_and_its_muscles(make, qtbot):
    editor = make(LIFT, show=True)
    ex = editor.exercises
    model = ex.exercises_model
    model.setData(model.index(2, ExercisesModel.NAME), "Sled push")
    assert model.index(2, ExercisesModel.MUSCLES).data() == "hamstrings"  # kept: not in catalog
    edit_cell(qtbot, ex.exercises_view, 2, ExercisesModel.MUSCLES, "quads, glutes, calves")
    assert editor.result_session().exercises[2].muscles == ("quads", "glutes", "calves")


def test_set_add_duplicate_remove_and_warmup(make, qtbot):
    editor = make(LIFT, show=True)
    ex = editor.exercises
    ex.select_exercise(0)
    ex.select_set(1)
    qtbot.mouseClick(ex.duplicate_set_button, Qt.MouseButton.LeftButton)
    assert ex.current_set_row() == 2
    qtbot.mouseClick(ex.add_set_button, Qt.MouseButton.LeftButton)  # like the last one
    edit_cell(qtbot, ex.sets_view, 4, SetsModel.REPS, "3")
    edit_cell(qtbot, ex.sets_view, 4, SetsModel.RPE, "")
    edit_cell(qtbot, ex.sets_view, 4, SetsModel.RIR, "1")
    squat = editor.result_session().exercises[0]
    assert squat.sets == (
        WorkSet(5, 60, warmup=True),
        WorkSet(5, 102.5, rpe=8),
        WorkSet(5, 102.5, rpe=8),
        WorkSet(5, 102.5, rpe=8.5),
        WorkSet(3, 102.5, rir=1),
    )
    sets = ex.sets_model
    assert [sets.headerData(i, Qt.Orientation.Vertical) for i in range(5)] == [
        "W",
        "1",
        "2",
        "3",
        "4",
    ]
    sets.setData(
        sets.index(1, SetsModel.WARMUP), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
    )
    assert editor.result_session().exercises[0].sets[1].warmup
    ex.select_set(0)
    qtbot.mouseClick(ex.remove_set_button, Qt.MouseButton.LeftButton)
    assert len(editor.result_session().exercises[0].sets) == 4
    edit_cell(qtbot, ex.sets_view, 0, SetsModel.LOAD, "")  # empty load = bodyweight
    assert editor.result_session().exercises[0].sets[0].load_kg is None
    assert sets.index(0, SetsModel.LOAD).data() == "bodyweight"


def test_move_sets_up_and_down(make, qtbot):
    editor = make(LIFT, show=True)
    ex = editor.exercises
    warmup, rpe8, rpe85 = LIFT.exercises[0].sets
    ex.select_exercise(0)
    ex.select_set(2)
    assert ex.set_up_button.isEnabled()
    assert not ex.set_down_button.isEnabled()  # the last set goes no further down

    qtbot.mouseClick(ex.set_up_button, Qt.MouseButton.LeftButton)
    assert editor.result_session().exercises[0].sets == (warmup, rpe85, rpe8)
    assert ex.current_set_row() == 1
    assert ex.sets_view.selectionModel().selectedRows() == [ex.sets_model.index(1, 0)]
    assert ex.set_up_button.isEnabled() and ex.set_down_button.isEnabled()

    editor.activateWindow()  # shortcuts fire only in the active window
    qtbot.waitUntil(editor.isActiveWindow)
    ex.sets_view.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(ex.sets_view.hasFocus)
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(ex.sets_view, Qt.Key.Key_Up, ctrl_shift)
    assert editor.result_session().exercises[0].sets == (rpe85, warmup, rpe8)
    assert ex.current_set_row() == 0
    assert not ex.set_up_button.isEnabled()  # the first set goes no further up
    assert ex.set_down_button.isEnabled()
    sets = ex.sets_model
    assert [sets.headerData(i, Qt.Orientation.Vertical) for i in range(3)] == ["1", "W", "2"]
    qtbot.keyClick(ex.sets_view, Qt.Key.Key_Up, ctrl_shift)  # at the top: nothing moves
    assert editor.result_session().exercises[0].sets == (rpe85, warmup, rpe8)

    qtbot.keyClick(ex.sets_view, Qt.Key.Key_Down, ctrl_shift)
    qtbot.mouseClick(ex.set_down_button, Qt.MouseButton.LeftButton)
    assert editor.result_session().exercises[0].sets == (warmup, rpe8, rpe85)
    assert ex.current_set_row() == 2
    assert not ex.set_down_button.isEnabled()
    assert editor.result_session().exercises[1:] == LIFT.exercises[1:]

    ex.select_exercise(2)  # the buttons follow the sets of the exercise now shown
    assert ex.current_set_row() == 0
    assert not ex.set_up_button.isEnabled() and ex.set_down_button.isEnabled()
    ex.remove_set()
    assert not ex.set_up_button.isEnabled() and not ex.set_down_button.isEnabled()  # one set


def test_moving_a_set_revalidates_and_refreshes_its_exercise(make, qtbot):
    editor = make(LIFT, show=True)
    ex = editor.exercises
    sets = ex.sets_model
    ex.select_exercise(1)
    edit_cell(qtbot, ex.sets_view, 0, SetsModel.REPS, "0")
    assert editor.problems() == ["Romanian deadlift, set 1: reps must be between 1 and 100 (got 0)"]
    ex.select_set(0)
    summary = ex.exercises_model.index(1, ExercisesModel.SETS)
    with (
        qtbot.waitSignal(ex.edited, timeout=0),
        qtbot.waitSignal(
            ex.exercises_model.dataChanged,
            timeout=0,
            check_params_cb=lambda first, last, *_: first.row() <= 1 <= last.row()
            and first.column() <= ExercisesModel.SETS <= last.column(),
        ),
    ):
        qtbot.mouseClick(ex.set_down_button, Qt.MouseButton.LeftButton)
    assert editor.problems() == ["Romanian deadlift, set 2: reps must be between 1 and 100 (got 0)"]
    assert not editor.ok_button.isEnabled()
    tip = Qt.ItemDataRole.ToolTipRole
    assert sets.index(0, SetsModel.REPS).data(tip) is None
    assert sets.index(1, SetsModel.REPS).data(tip) == "must be between 1 and 100 (got 0)"
    assert summary.data(tip) == "1 set(s) need fixing"
    edit_cell(qtbot, ex.sets_view, 1, SetsModel.REPS, "6")
    assert editor.ok_button.isEnabled()
    assert [s.reps for s in editor.result_session().exercises[1].sets] == [8, 6, 8]


def test_set_with_zero_reps(make, qtbot):
    editor = make(LIFT, show=True)
    ex = editor.exercises
    edit_cell(qtbot, ex.sets_view, 0, SetsModel.REPS, "0")
    assert not editor.ok_button.isEnabled()
    assert editor.problems() == ["Back squat, set 1: reps must be between 1 and 100 (got 0)"]
    label = editor.findChild(QLabel, "exercises_error")
    assert label.isVisible() and "reps must be between 1 and 100" in label.text()
    assert (
        ex.sets_model.index(0, SetsModel.REPS).data(Qt.ItemDataRole.ToolTipRole)
        == "must be between 1 and 100 (got 0)"
    )
    assert (
        ex.exercises_model.index(0, ExercisesModel.SETS).data(Qt.ItemDataRole.DecorationRole)
        is not None
    )
    assert not editor.tabs.tabIcon(editor.tabs.indexOf(ex)).isNull()
    edit_cell(qtbot, ex.sets_view, 0, SetsModel.REPS, "5")
    assert editor.ok_button.isEnabled()
    assert not label.isVisible()
    assert ex.sets_model.index(0, SetsModel.REPS).data(Qt.ItemDataRole.ToolTipRole) is None


@pytest.mark.parametrize(
    ("column", "text", "message"),
    [
        (SetsModel.REPS, "five", "reps must be a whole number (got 'five')"),
        (SetsModel.LOAD, "501", "load must be between 0 and 500 kg (got 501 kg)"),
        (SetsModel.RPE, "11", "RPE must be between 1 and 10 (got 11)"),
        (SetsModel.RPE, "8.2", "RPE must be in steps of 0.5 between 1 and 10 (got 8.2)"),
        (SetsModel.RIR, "-1", "RIR must be between 0 and 10 (got -1)"),
    ],
)
def test_wrong_set_cells(make, column, text, message):
    editor = make(LIFT)
    sets = editor.exercises.sets_model
    sets.setData(sets.index(2, column), text)
    assert editor.problems() == [f"Back squat, set 3: {message}"]
    assert not editor.ok_button.isEnabled()


def test_twenty_one_sets(make, qtbot):
    editor = make(LIFT, show=True)
    ex = editor.exercises
    ex.select_exercise(1)
    for _ in range(17):
        qtbot.mouseClick(ex.add_set_button, Qt.MouseButton.LeftButton)
    assert editor.ok_button.isEnabled()  # 20 sets is the limit
    qtbot.mouseClick(ex.add_set_button, Qt.MouseButton.LeftButton)
    assert not editor.ok_button.isEnabled()
    assert editor.problems() == ["Romanian deadlift: must have between 1 and 20 sets (got 21)"]
    assert "between 1 and 20 sets" in editor.footer.message.text()
    qtbot.mouseClick(ex.remove_set_button, Qt.MouseButton.LeftButton)
    assert editor.ok_button.isEnabled()
    assert len(editor.result_session().exercises[1].sets) == 20


def test_exercise_with_no_sets(make, qtbot):
    editor = make(LIFT, show=True)
    ex = editor.exercises
    ex.select_exercise(2)
    for _ in range(2):
        qtbot.mouseClick(ex.remove_set_button, Qt.MouseButton.LeftButton)
    assert editor.problems() == ["Nordic curl: must have between 1 and 20 sets (got 0)"]
    assert not ex.remove_set_button.isEnabled()
    qtbot.mouseClick(ex.add_set_button, Qt.MouseButton.LeftButton)
    assert editor.result_session().exercises[2].sets == (WorkSet(8),)


def test_selecting_another_exercise_shows_its_sets_and_their_errors(make):
    editor = make(LIFT)
    ex = editor.exercises
    sets = ex.sets_model
    sets.setData(sets.index(0, SetsModel.REPS), "0")
    ex.select_exercise(1)
    assert sets.rowCount() == 3
    assert sets.index(0, SetsModel.LOAD).data() == "80"
    ex.select_exercise(0)
    assert (
        sets.index(0, SetsModel.REPS).data(Qt.ItemDataRole.ToolTipRole)
        == "must be between 1 and 100 (got 0)"
    )


def test_removing_the_last_exercise_leaves_an_empty_lift(make, qtbot):
    editor = make(LIFT.replace(exercises=LIFT.exercises[:1]), show=True)
    ex = editor.exercises
    qtbot.mouseClick(ex.remove_exercise_button, Qt.MouseButton.LeftButton)
    assert ex.sets_model.exercise() is None
    assert not ex.add_set_button.isEnabled()
    assert editor.result_session().exercises == ()
    assert ex.exercises_model.rowCount(ex.exercises_model.index(0, 0)) == 0
    assert ex.sets_model.rowCount(QModelIndex()) == 0


# --- layout, focus and templates -------------------------------------------------------------


def test_messages_follow_the_order_of_the_form(make):
    editor = make(RUN)
    editor.distance_edit.setText("400")  # parsed before the domain checks the title
    editor.title_edit.clear()
    assert list(editor.errors()) == ["title", "distance_km"]
    assert editor.footer.message.text() == "Title must not be empty  (and 1 more)"


def test_tab_order_follows_the_form(make, qtbot):
    editor = make(RUN, show=True)
    editor.activateWindow()
    qtbot.waitUntil(lambda: editor.title_edit.hasFocus())
    order = []
    for _ in range(10):
        qtbot.keyClick(editor.focusWidget(), Qt.Key.Key_Tab)
        order.append(editor.focusWidget().objectName())
    # Tab first steps through the time's hours and minutes, as in every Qt time field
    assert order == [
        "kind",
        "type",
        "time_enabled",
        "time",
        "time",
        "duration",
        "rpe",
        "distance",
        "target",
        "notes",
    ]


def test_only_the_kinds_own_tabs_are_shown(make):
    run = make(RUN, show=True)
    assert [run.tabs.tabText(i) for i in range(run.tabs.count())] == [
        "&Session",
        "St&eps",
        "&Planned vs done",
    ]
    assert not run.exercises.isVisible()  # not even behind the tabs
    lift = make(LIFT, show=True)
    assert [lift.tabs.tabText(i) for i in range(lift.tabs.count())] == [
        "&Session",
        "E&xercises",
        "&Planned vs done",
    ]
    assert lift.width() >= 660  # room for the two tables
    assert not lift.steps_editor.isVisible()


def test_template_mode(qtbot):
    template = LIFT.replace(id=None, position=0, date=dt.date(2000, 1, 1))
    editor = SessionEditor(template, units=Units.METRIC, catalog=CATALOG, for_template=True)
    qtbot.addWidget(editor)
    assert editor.windowTitle() == "Edit template \u2013 Heavy lower body"
    assert "template" in editor.subheader.text()
    assert editor.tabs.indexOf(editor.done_page) < 0
    editor.duration_spin.setValue(75)
    assert editor.result_session().content() == template.replace(duration_min=75).content()


def test_collect_errors_reports_every_wrong_field_once():
    from planner.ui.dialogs.fields import collect_errors

    built, errors = collect_errors(
        lambda v: WorkSet(reps=v["reps"], load_kg=v["load"], rpe=v["rpe"]),
        {"reps": 0, "load": 900.0, "rpe": 8.0},
        {"reps": ("reps", 1), "load_kg": ("load", None), "set rpe": ("rpe", None)},
    )
    assert built is None
    assert errors == {
        "reps": "must be between 1 and 100 (got 0)",
        "load_kg": "must be between 0 and 500 kg (got 900)",
    }
    built, errors = collect_errors(lambda v: WorkSet(reps=v["reps"]), {"reps": 5}, {})
    assert (built, errors) == (WorkSet(5), {})


def test_the_largest_lift_round_trips_and_revalidates(make):
    """30 exercises x 20 sets, the domain's maxima (speed is for benchmarks, not tests)."""
    big = LIFT.replace(
        exercises=tuple(
            Exercise(f"Exercise {i}", (WorkSet(5, 100.0, rpe=8),) * 20) for i in range(30)
        )
    )
    editor = make(big, Units.IMPERIAL)
    assert editor.result_session() == big
    editor.title_edit.setText("Big day")
    sets = editor.exercises.sets_model
    sets.setData(sets.index(19, SetsModel.REPS), "101")
    assert editor.problems() == ["Exercise 0, set 20: reps must be between 1 and 100 (got 101)"]
    sets.setData(sets.index(19, SetsModel.REPS), "5")
    assert editor.result_session() == big.replace(title="Big day")


def test_target_paces_are_shown_in_imperial_too(qtbot):
    editor = SessionEditor(RUN.replace(target="Threshold, 4:40/km"), units=Units.IMPERIAL, catalog={})
    qtbot.addWidget(editor)
    # 4:40/km = 280 s x 1.609344 = 450.6 s -> 7:31/mi; the stored text stays as typed
    assert editor.target_edit.toolTip() == "Cards show: Threshold, 7:31/mi"
    assert editor.result_session().target == "Threshold, 4:40/km"


def test_pace_never_comes_from_a_value_the_field_no_longer_holds(make):
    """Issue 23: after an invalid duration (9999) the editor showed the pace of the old one."""
    editor = make(RUN)
    assert editor.pace_label.text() == "5:00 /km over 10 km"
    editor.duration_spin.setValue(9999)
    assert editor.pace_label.text() == "\u2014 (needs a valid duration)"
    editor.duration_spin.setValue(45)
    assert editor.pace_label.text() == "4:30 /km over 10 km"
    editor.distance_edit.setText("ten")
    assert editor.pace_label.text() == "\u2014 (needs a valid distance)"
    editor.distance_edit.setText("12")
    editor.title_edit.setText("")  # another field wrong: the pace still follows duration and distance
    assert editor.pace_label.text() == "3:45 /km over 12 km"
