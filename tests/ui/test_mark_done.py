"""MarkDoneDialog: prefilled from the plan, validated at the field, distance in profile units."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialog, QLabel

from planner.domain.enums import Kind, Status, Units
from planner.domain.errors import ValidationError
from planner.domain.session import Exercise, Session, WorkSet
from planner.ui.dialogs import MarkDoneDialog

RUN = Session(
    kind=Kind.RUN,
    title="Long run",
    duration_min=100,
    rpe=5,
    type="long",
    distance_km=20.0,
    date=dt.date(2025, 6, 8),
    id=9,
)
LIFT = Session(
    kind=Kind.LIFT,
    title="Upper body",
    duration_min=45,
    rpe=6.5,
    type="upper",
    exercises=(Exercise("Bench press", (WorkSet(5, 80),) * 3, ("chest",)),),
    date=dt.date(2025, 6, 9),
    id=10,
)


@pytest.fixture
def make(qtbot):
    made: list[MarkDoneDialog] = []

    def _make(session: Session, units: Units = Units.METRIC) -> MarkDoneDialog:
        dialog = MarkDoneDialog(session, units=units)
        qtbot.addWidget(dialog)
        made.append(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    return _make


def type_into(qtbot, widget, text: str) -> None:
    widget.selectAll()
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    qtbot.keyClicks(widget, text)


def test_prefilled_from_the_plan(make):
    dialog = make(RUN)
    assert dialog.ok_button.text() == "Mark done"
    assert dialog.ok_button.isEnabled()
    assert dialog.actuals.planned_duration.text() == "planned 100 min"
    assert dialog.result_session() == RUN.replace(
        status=Status.DONE, actual_duration_min=100, actual_rpe=5.0, actual_distance_km=20.0
    )


def test_enter_accepts_the_plan_as_done(make, qtbot):
    dialog = make(RUN)
    QTimer.singleShot(0, lambda: qtbot.keyClick(dialog.actuals.duration_spin, Qt.Key.Key_Return))
    assert dialog.exec() == QDialog.DialogCode.Accepted
    assert dialog.result_session().status is Status.DONE


def test_escape_cancels(make, qtbot):
    dialog = make(RUN)
    QTimer.singleShot(0, lambda: qtbot.keyClick(dialog.actuals.duration_spin, Qt.Key.Key_Escape))
    assert dialog.exec() == QDialog.DialogCode.Rejected


def test_changed_values(make, qtbot):
    dialog = make(RUN)
    dialog.actuals.duration_spin.setValue(108)
    dialog.actuals.rpe_field.spin.setValue(6.5)
    type_into(qtbot, dialog.actuals.distance_edit, "21.1")
    assert dialog.result_session() == RUN.replace(
        status=Status.DONE, actual_duration_min=108, actual_rpe=6.5, actual_distance_km=21.1
    )
    assert dialog.actuals.rpe_field.anchor.text() == "hard to very hard on the CR-10 scale"


def test_existing_actual_values_are_the_starting_point(make):
    done = RUN.replace(
        status=Status.DONE, actual_duration_min=95, actual_rpe=6.0, actual_distance_km=19.5
    )
    assert make(done).result_session() == done


def test_empty_distance_is_allowed(make, qtbot):
    dialog = make(RUN.replace(distance_km=None))
    assert dialog.actuals.distance_edit.text() == ""
    assert dialog.actuals.planned_distance.text() == "none planned"
    assert dialog.result_session().actual_distance_km is None


def test_lift_asks_no_distance(make):
    dialog = make(LIFT)
    assert not dialog.actuals.distance_edit.isVisible()
    assert dialog.result_session() == LIFT.replace(
        status=Status.DONE, actual_duration_min=45, actual_rpe=6.5
    )


@pytest.mark.parametrize(
    ("field", "action", "message"),
    [
        (
            "actual_duration_min",
            lambda d, bot: d.actuals.duration_spin.setValue(0),
            "Duration must be between 1 and 1440 min (got 0)",
        ),
        (
            "actual_rpe",
            lambda d, bot: d.actuals.rpe_field.spin.setValue(7.3),
            "Effort must be in steps of 0.5 between 0 and 10 (got 7.3)",
        ),
        (
            "actual_distance_km",
            lambda d, bot: type_into(bot, d.actuals.distance_edit, "400"),
            "Distance must be between 0 and 300 km (got 400 km)",
        ),
    ],
    ids=["duration", "effort", "distance"],
)
def test_wrong_values_disable_ok_and_say_why(make, qtbot, field, action, message):
    dialog = make(RUN)
    action(dialog, qtbot)
    assert not dialog.ok_button.isEnabled()
    assert dialog.errors() == {field: message}
    label = dialog.findChild(QLabel, f"{field}_error")
    assert label.isVisible() and label.text() == message
    assert dialog.footer.message.text() == message
    with pytest.raises(ValidationError):
        dialog.result_session()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Enter cannot accept a wrong value
    assert dialog.isVisible()
    dialog.actuals.load(90, 6, 18)
    assert dialog.ok_button.isEnabled()
    assert not label.isVisible()


def test_imperial_distance(make, qtbot):
    dialog = make(RUN, Units.IMPERIAL)
    assert dialog.actuals.distance_edit.text() == "12.43"
    assert dialog.actuals.planned_distance.text() == "planned 12.43 mi"
    assert dialog.result_session().actual_distance_km == 20.0  # untouched: exact
    type_into(qtbot, dialog.actuals.distance_edit, "13.1")
    assert dialog.result_session().actual_distance_km == 21.082406  # 13.1 x 1.609344, to 6 decimals
    type_into(qtbot, dialog.actuals.distance_edit, "190")
    assert dialog.errors() == {
        "actual_distance_km": "Distance must be between 0 and 186.41 mi (got 190 mi)"
    }


def test_a_session_still_to_come_is_said_to_be_so(qtbot):
    """Issue 23: marking a future session done gave no word."""
    from planner.ui.dialogs.mark_done import future_words

    assert future_words(RUN.date, RUN.date) == ""
    assert future_words(RUN.date, RUN.date + dt.timedelta(days=1)) == ""
    assert future_words(RUN.date, RUN.date - dt.timedelta(days=1)).startswith(
        f"This session is planned for {RUN.date:%a} {RUN.date.day} {RUN.date:%b} {RUN.date.year}, tomorrow.")
    for today, shown in ((RUN.date - dt.timedelta(days=3), True), (RUN.date, False), (None, False)):
        dialog = MarkDoneDialog(RUN, units=Units.METRIC, today=today)
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.future_note.isVisible() is shown
        if shown:
            assert dialog.future_note.text() == (
                f"This session is planned for {RUN.date:%a} {RUN.date.day} {RUN.date:%b} {RUN.date.year}, in 3 days. "
                "Mark it done only if you did it early: from then on the charts, the plan check and the "
                "compliance count it as done.")
