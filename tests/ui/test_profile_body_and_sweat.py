"""Profile dialog: the optional height, age and sex, and the sweat-rate calculator (Sawka 2007)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QDoubleSpinBox, QPushButton, QSpinBox

from planner.domain.enums import Sex, Units
from planner.domain.profile import Profile
from planner.ui.dialogs.profile_dialog import ProfileDialog
from planner.ui.dialogs.sweat_rate import SweatRateDialog

ALEX = Profile(name="Alex", body_mass_kg=80.0, sweat_rate_l_per_h=1.2)


@pytest.fixture
def keep(qtbot):
    kept = []

    def add(widget):
        qtbot.addWidget(widget)
        kept.append(widget)
        return widget

    return add


def test_height_age_and_sex_round_trip_and_are_optional(keep):
    assert keep(ProfileDialog(ALEX)).result_profile() == ALEX  # not given stays None
    full = ALEX.replace(height_cm=178.25, age=34, sex=Sex.FEMALE)
    dialog = keep(ProfileDialog(full))
    assert dialog.findChild(QDoubleSpinBox, "height").text() == "178.2"  # shown to 0.1 ...
    assert dialog.result_profile() == full  # ... stored exactly when untouched


def test_setting_height_age_and_sex(keep):
    dialog = keep(ProfileDialog(ALEX))
    dialog.findChild(QDoubleSpinBox, "height").setValue(172.5)
    dialog.findChild(QSpinBox, "age").setValue(41)
    sex = dialog.findChild(QComboBox, "sex")
    sex.setCurrentIndex(sex.findText("Male"))
    assert dialog.result_profile() == ALEX.replace(height_cm=172.5, age=41, sex=Sex.MALE)


def test_height_in_inches_for_imperial_units(keep):
    dialog = keep(ProfileDialog(ALEX.replace(units=Units.IMPERIAL, height_cm=177.8)))
    height = dialog.findChild(QDoubleSpinBox, "height")
    assert height.value() == 70.0  # 177.8 / 2.54
    height.setValue(72)
    assert dialog.result_profile().height_cm == pytest.approx(72 * 2.54)
    units = dialog.findChild(QComboBox, "units")
    units.setCurrentIndex(units.findData("metric"))
    assert height.value() == pytest.approx(182.9)  # 182.88 cm to 0.1


def test_an_impossible_height_or_age_disables_ok_with_a_message(keep):
    dialog = keep(ProfileDialog(ALEX))
    dialog.findChild(QDoubleSpinBox, "height").setValue(50)
    dialog.findChild(QSpinBox, "age").setValue(7)
    assert not dialog.ok_button.isEnabled()
    assert dialog.errors() == {"height_cm": "Height must be between 100 and 250 cm (got 50)",
                               "age": "Age must be between 14 and 100 years (got 7)"}


def test_calculator_works_out_the_sweat_rate(keep):
    calc = keep(SweatRateDialog(Units.METRIC))
    assert not calc.footer.ok_button.isEnabled()
    calc.before.setText("72.4")
    calc.after.setText("71.5")
    calc.drunk.setValue(0.5)
    calc.minutes.setValue(75)
    # (72.4 - 71.5 + 0.5) / 1.25 h = 1.12 L/h
    assert calc.rate() == pytest.approx(1.4 / 1.25)
    assert calc.result.text() == "<b>1.12 L/h</b>"
    assert calc.footer.ok_button.isEnabled()


def test_calculator_in_pounds_and_fluid_ounces(keep):
    calc = keep(SweatRateDialog(Units.IMPERIAL))
    calc.before.setText("160")
    calc.after.setText("158")
    calc.drunk.setValue(16)
    calc.minutes.setValue(60)
    # 2 lb = 0.907 kg; 16 fl oz = 0.473 L; (0.907 + 0.473) / 1 h = 1.38 L/h
    assert calc.rate() == pytest.approx(2 * 0.45359237 + 16 * 0.0295735295625)
    assert calc.result.text() == "<b>47 fl oz/h</b>"  # 1.3805 L/h / 0.0295735 L = 46.68


@pytest.mark.parametrize(("before", "after", "message"), [
    ("500", "71", "Mass before must be between 30 and 250 kg (got 500 kg)"),
    ("72", "7", "Mass after must be between 30 and 250 kg (got 7 kg)"),
    ("72", "60", "Mass after differs from the mass before by more than 10% of it: check both masses"),
])
def test_an_impossible_body_mass_is_refused_with_a_message(keep, before, after, message):
    calc = keep(SweatRateDialog(Units.METRIC))
    calc.before.setText(before)
    calc.after.setText(after)
    assert calc.rate() is None
    assert not calc.footer.ok_button.isEnabled()
    assert calc.footer.message.text() == message


def test_measure_fills_in_the_profile_sweat_rate(keep):
    dialog = keep(ProfileDialog(ALEX))

    def fill_and_accept():
        calc = next(w for w in QApplication.topLevelWidgets() if isinstance(w, SweatRateDialog) and w.isVisible())
        calc.before.setText("80")
        calc.after.setText("79")
        calc.drunk.setValue(0.6)
        calc.minutes.setValue(60)
        calc.accept()

    QTimer.singleShot(0, fill_and_accept)
    dialog.findChild(QPushButton, "sweat_rate_measure").click()
    # (80 - 79 + 0.6) / 1 h = 1.6 L/h
    assert dialog.result_profile().sweat_rate_l_per_h == pytest.approx(1.6)
