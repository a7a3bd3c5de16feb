"""ProfileDialog: round trips, edits through widgets, live unit conversion, field-level validation."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QComboBox, QDialog, QDoubleSpinBox, QLabel, QLineEdit, QRadioButton, QWidget

from planner.domain.enums import Goal, Units, WeekStart
from planner.domain.errors import ValidationError
from planner.domain.profile import Profile
from planner.domain.units import KG_PER_POUND
from planner.ui.dialogs.profile_dialog import ProfileDialog

ALEX = Profile(
    name="Alex",
    body_mass_kg=80.0,
    goal=Goal.RUN,
    week_start=WeekStart.MON,
    units=Units.METRIC,
    sweat_rate_l_per_h=1.2,
)
#: Values the fields show rounded: 81.234567 kg is "81.23" kg or "179.09" lb, 1.234 L/h is "1.23".
ODD = Profile(
    name="  Sam  ",
    body_mass_kg=81.234567,
    goal=Goal.LIFT,
    week_start=WeekStart.SUN,
    units=Units.IMPERIAL,
    sweat_rate_l_per_h=1.234,
)


@pytest.fixture
def make(qtbot):
    """ProfileDialog factory; keeps the dialogs referenced (qtbot holds weak refs only)."""
    made: list[ProfileDialog] = []

    def _make(profile: Profile = ALEX, *, show: bool = False) -> ProfileDialog:
        dialog = ProfileDialog(profile)
        qtbot.addWidget(dialog)
        made.append(dialog)
        if show:
            dialog.show()
            qtbot.waitExposed(dialog)
        return dialog

    return _make


def field(dialog: QDialog, cls: type[QWidget], name: str):
    widget = dialog.findChild(cls, name)
    assert widget is not None, name
    return widget


def replace_text(qtbot, widget: QLineEdit, text: str) -> None:
    widget.selectAll()
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    qtbot.keyClicks(widget, text)


def type_into_spin(qtbot, spin: QDoubleSpinBox, text: str) -> None:
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin, text)


def choose(qtbot, combo: QComboBox, data: str) -> None:
    """Pick an item with the keyboard, as a user without the mouse does."""
    target = combo.findData(data)
    assert target >= 0
    key = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
    while combo.currentIndex() != target:
        qtbot.keyClick(combo, key)


def click_radio(qtbot, radio: QRadioButton) -> None:
    """Click on the circle: a radio stretched across the form takes clicks only on its circle and text."""
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))


def message_label(dialog: QDialog, name: str) -> QLabel:
    return field(dialog, QLabel, f"{name}_error")


# --- round trips ------------------------------------------------------------------------------


@pytest.mark.parametrize("profile", [ALEX, ODD, Profile()], ids=["metric", "imperial-odd", "defaults"])
def test_round_trip_without_changes_is_equal(make, profile):
    dialog = make(profile)
    assert dialog.ok_button.isEnabled()
    assert dialog.errors() == {}
    assert dialog.result_profile() == profile


def test_odd_values_show_rounded_and_come_back_exact(make):
    dialog = make(ODD)
    assert field(dialog, QLineEdit, "body_mass").text() == "179.09"
    assert field(dialog, QLabel, "body_mass_unit").text() == "lb"
    assert field(dialog, QDoubleSpinBox, "sweat_rate").value() == pytest.approx(1.23)
    result = dialog.result_profile()
    assert result.body_mass_kg == 81.234567
    assert result.sweat_rate_l_per_h == 1.234
    assert result.name == "  Sam  "


def test_every_field_has_an_object_name(make):
    dialog = make()
    for cls, name in [
        (QLineEdit, "name"),
        (QLineEdit, "body_mass"),
        (QLabel, "body_mass_unit"),
        (QWidget, "goal"),
        (QRadioButton, "goal_run"),
        (QRadioButton, "goal_lift"),
        (QRadioButton, "goal_balanced"),
        (QComboBox, "week_start"),
        (QComboBox, "experience"),
        (QComboBox, "units"),
        (QDoubleSpinBox, "sweat_rate"),
        (QLabel, "sweat_rate_help"),
    ]:
        field(dialog, cls, name)


# --- editing through the widgets -------------------------------------------------------------


def test_edit_name(make, qtbot):
    dialog = make(show=True)
    replace_text(qtbot, field(dialog, QLineEdit, "name"), "Jordan")
    assert dialog.result_profile() == ALEX.replace(name="Jordan")
    assert dialog.header.text() == "Jordan"


def test_edit_body_mass_in_kg(make, qtbot):
    dialog = make(show=True)
    replace_text(qtbot, field(dialog, QLineEdit, "body_mass"), "72.5")
    assert dialog.result_profile() == ALEX.replace(body_mass_kg=72.5)


def test_choose_experience(make):
    from planner.domain.enums import Experience

    dialog = make(ALEX.replace(experience=Experience.EXPERIENCED))
    combo = field(dialog, QComboBox, "experience")
    assert combo.currentText() == "Experienced (years of both)"
    combo.setCurrentIndex(combo.findData("new"))
    assert dialog.result_profile() == ALEX.replace(experience=Experience.NEW)


@pytest.mark.parametrize("goal", list(Goal))
def test_choose_goal_with_the_radio(make, qtbot, goal):
    dialog = make(ALEX.replace(goal=Goal.BALANCED if goal is Goal.RUN else Goal.RUN), show=True)
    radio = field(dialog, QRadioButton, f"goal_{goal.value}")
    click_radio(qtbot, radio)
    assert radio.isChecked()
    assert dialog.result_profile().goal is goal


def test_clicking_a_goal_explanation_chooses_that_goal(make, qtbot):
    dialog = make(show=True)
    explanation = field(dialog, QLabel, "goal_lift_explanation")
    assert explanation.text() == "A cardio base without losing strength"
    qtbot.mouseClick(explanation, Qt.MouseButton.LeftButton)
    assert dialog.result_profile().goal is Goal.LIFT


def test_goal_choices_are_explained(make):
    dialog = make()
    texts = {
        goal: (
            field(dialog, QRadioButton, f"goal_{goal.value}").text().replace("&", ""),
            field(dialog, QLabel, f"goal_{goal.value}_explanation").text(),
        )
        for goal in Goal
    }
    assert texts == {
        Goal.RUN: (
            "Weightlifting for running",
            "Strength work that makes running stronger, kept away from key runs",
        ),
        Goal.LIFT: ("Running for weightlifters", "A cardio base without losing strength"),
        Goal.BALANCED: ("Balanced hybrid", "Both matter (HYROX, marathon + strength)"),
    }


def test_edit_week_start(make, qtbot):
    dialog = make(show=True)
    combo = field(dialog, QComboBox, "week_start")
    assert combo.currentText() == "Monday"
    choose(qtbot, combo, "sun")
    assert combo.currentText() == "Sunday"
    assert dialog.result_profile() == ALEX.replace(week_start=WeekStart.SUN)


def test_edit_sweat_rate(make, qtbot):
    dialog = make(show=True)
    type_into_spin(qtbot, field(dialog, QDoubleSpinBox, "sweat_rate"), "1.65")
    assert dialog.result_profile() == ALEX.replace(sweat_rate_l_per_h=1.65)


def test_edit_every_field_at_once(make, qtbot):
    dialog = make(show=True)
    replace_text(qtbot, field(dialog, QLineEdit, "name"), "Jordan")
    choose(qtbot, field(dialog, QComboBox, "units"), "imperial")
    replace_text(qtbot, field(dialog, QLineEdit, "body_mass"), "154")
    click_radio(qtbot, field(dialog, QRadioButton, "goal_balanced"))
    choose(qtbot, field(dialog, QComboBox, "week_start"), "sun")
    type_into_spin(qtbot, field(dialog, QDoubleSpinBox, "sweat_rate"), "0.8")
    assert dialog.result_profile() == Profile(
        name="Jordan",
        body_mass_kg=round(154 * KG_PER_POUND, 6),
        goal=Goal.BALANCED,
        week_start=WeekStart.SUN,
        units=Units.IMPERIAL,
        sweat_rate_l_per_h=0.8,
    )


# --- units ------------------------------------------------------------------------------------


def test_imperial_mass_is_typed_in_pounds_and_stored_in_kg(make, qtbot):
    dialog = make(ALEX.replace(units=Units.IMPERIAL, body_mass_kg=70.0), show=True)
    mass = field(dialog, QLineEdit, "body_mass")
    assert field(dialog, QLabel, "body_mass_unit").text() == "lb"
    assert mass.text() == "154.32"
    replace_text(qtbot, mass, "176.37")
    kg = dialog.result_profile().body_mass_kg
    assert kg == pytest.approx(80.0, abs=1e-3)
    assert kg == round(176.37 * KG_PER_POUND, 6)  # 1 lb = 0.45359237 kg exactly


def test_a_unit_word_overrides_the_chosen_units(make, qtbot):
    dialog = make(ALEX.replace(units=Units.IMPERIAL), show=True)
    replace_text(qtbot, field(dialog, QLineEdit, "body_mass"), "75 kg")
    assert dialog.result_profile().body_mass_kg == 75.0


def test_switching_units_converts_the_shown_mass_not_the_stored_one(make, qtbot):
    dialog = make(show=True)
    mass = field(dialog, QLineEdit, "body_mass")
    unit = field(dialog, QLabel, "body_mass_unit")
    units = field(dialog, QComboBox, "units")
    assert (mass.text(), unit.text()) == ("80", "kg")

    choose(qtbot, units, "imperial")
    assert (mass.text(), unit.text()) == ("176.37", "lb")
    assert dialog.result_profile() == ALEX.replace(units=Units.IMPERIAL)  # still exactly 80.0 kg

    for _ in range(3):  # no drift however often the user flips
        choose(qtbot, units, "metric")
        choose(qtbot, units, "imperial")
    choose(qtbot, units, "metric")
    assert (mass.text(), unit.text()) == ("80", "kg")
    assert dialog.result_profile() == ALEX


def test_switching_units_after_typing_keeps_the_typed_mass(make, qtbot):
    dialog = make(show=True)
    mass = field(dialog, QLineEdit, "body_mass")
    replace_text(qtbot, mass, "90")
    choose(qtbot, field(dialog, QComboBox, "units"), "imperial")
    assert mass.text() == "198.42"
    assert dialog.result_profile().body_mass_kg == 90.0


def test_switching_units_leaves_text_that_is_not_a_number(make, qtbot):
    dialog = make(show=True)
    mass = field(dialog, QLineEdit, "body_mass")
    replace_text(qtbot, mass, "eighty")
    choose(qtbot, field(dialog, QComboBox, "units"), "imperial")
    assert mass.text() == "eighty"
    assert not dialog.ok_button.isEnabled()


# --- validation -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("units", "typed", "message"),
    [
        (Units.METRIC, "20", "Body mass must be between 30 and 250 kg (got 20 kg)"),
        (Units.METRIC, "300", "Body mass must be between 30 and 250 kg (got 300 kg)"),
        (Units.METRIC, "600", "Body mass must be between 30 and 250 kg (got 600 kg)"),
        (Units.IMPERIAL, "44", "Body mass must be between 66.14 and 551.15 lb (got 44 lb)"),
        (Units.IMPERIAL, "20 kg", "Body mass must be between 66.14 and 551.15 lb (got 20 kg)"),
        (Units.METRIC, "", "Body mass must not be empty"),
        (Units.METRIC, "heavy", "Body mass must be a number (got 'heavy')"),
    ],
)
def test_wrong_mass_disables_ok_with_a_message_at_the_field(make, qtbot, units, typed, message):
    dialog = make(ALEX.replace(units=units), show=True)
    mass = field(dialog, QLineEdit, "body_mass")
    replace_text(qtbot, mass, typed)
    assert not dialog.ok_button.isEnabled()
    label = message_label(dialog, "body_mass_kg")
    assert label.isVisible()
    assert label.text() == message
    assert mass.property("invalid") is True
    assert dialog.errors() == {"body_mass_kg": message}
    assert dialog.footer.message.text() == message
    with pytest.raises(ValidationError) as e:
        dialog.result_profile()
    assert e.value.field == "body_mass_kg"

    replace_text(qtbot, mass, "70")
    assert dialog.ok_button.isEnabled()
    assert not label.isVisible()
    assert mass.property("invalid") is False


def test_switching_units_restates_a_wrong_mass_in_the_new_unit(make, qtbot):
    dialog = make(show=True)
    replace_text(qtbot, field(dialog, QLineEdit, "body_mass"), "20")
    choose(qtbot, field(dialog, QComboBox, "units"), "imperial")
    assert dialog.errors() == {"body_mass_kg": "Body mass must be between 66.14 and 551.15 lb (got 44.09 lb)"}
    assert not dialog.ok_button.isEnabled()


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("0.1", "Sweat rate must be between 0.2 and 4 L/h (got 0.1)"),
        ("5", "Sweat rate must be between 0.2 and 4 L/h (got 5)"),
    ],
)
def test_wrong_sweat_rate_disables_ok(make, qtbot, typed, message):
    dialog = make(show=True)
    spin = field(dialog, QDoubleSpinBox, "sweat_rate")
    type_into_spin(qtbot, spin, typed)
    assert not dialog.ok_button.isEnabled()
    assert message_label(dialog, "sweat_rate_l_per_h").text() == message
    assert spin.property("invalid") is True


def test_empty_name_disables_ok_and_every_wrong_field_is_marked(make, qtbot):
    dialog = make(show=True)
    replace_text(qtbot, field(dialog, QLineEdit, "name"), "")
    replace_text(qtbot, field(dialog, QLineEdit, "body_mass"), "300")
    type_into_spin(qtbot, field(dialog, QDoubleSpinBox, "sweat_rate"), "5")
    assert list(dialog.errors()) == ["name", "body_mass_kg", "sweat_rate_l_per_h"]
    assert dialog.errors()["name"] == "Name must not be empty"
    assert dialog.footer.message.text().endswith("(and 2 more)")
    assert not dialog.ok_button.isEnabled()
    assert dialog.header.text() == "Your profile"


def test_sweat_rate_help_and_citation(make):
    dialog = make()
    help_text = field(dialog, QLabel, "sweat_rate_help").text()
    assert "(mass before \u2212 mass after + fluid drunk) \u00f7 hours" in help_text
    assert "0.5\u20132.0 L/h" in help_text and "heat" in help_text
    tooltip = field(dialog, QDoubleSpinBox, "sweat_rate").toolTip()
    assert "Sawka MN" in tooltip and "Med Sci Sports Exerc" in tooltip and "2007" in tooltip


# --- accepting and cancelling -----------------------------------------------------------------


def test_exec_accepts_with_enter_and_cancels_with_escape(make, qtbot):
    dialog = make(show=True)
    replace_text(qtbot, field(dialog, QLineEdit, "name"), "Jordan")
    QTimer.singleShot(0, lambda: qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return))
    assert dialog.exec() == QDialog.DialogCode.Accepted
    assert dialog.result_profile() == ALEX.replace(name="Jordan")

    dialog = make(show=True)
    replace_text(qtbot, field(dialog, QLineEdit, "name"), "Jordan")
    QTimer.singleShot(0, lambda: qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Escape))
    assert dialog.exec() == QDialog.DialogCode.Rejected


def test_enter_does_nothing_while_a_value_is_wrong(make, qtbot):
    dialog = make(show=True)
    replace_text(qtbot, field(dialog, QLineEdit, "body_mass"), "20")
    qtbot.keyClick(dialog.mass_edit, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.result() == 0


def test_tab_follows_the_form_from_top_to_bottom(make, qtbot):
    dialog = make(show=True)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.name_edit.hasFocus())
    seen = []
    for _ in range(5):
        seen.append(dialog.focusWidget().objectName())
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert seen == ["name", "units", "body_mass", "sweat_rate", "goal_run"]
