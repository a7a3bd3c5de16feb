"""ProfileDialog: the recent race (issue 22) and the Daniels training paces it shows."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit

from planner.domain.profile import Profile
from planner.ui.dialogs.profile_dialog import ProfileDialog
from tests.ui.test_profile_dialog import ALEX, ODD, field, replace_text


def shown(qtbot, profile: Profile = ALEX) -> ProfileDialog:
    """A dialog on screen; the test keeps the reference (qtbot holds weak ones)."""
    dialog = ProfileDialog(profile)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_recent_race_sets_the_training_paces(qtbot):
    dialog = shown(qtbot)
    replace_text(qtbot, field(dialog, QLineEdit, "recent_race_km"), "10")
    replace_text(qtbot, field(dialog, QLineEdit, "recent_race_time"), "45:00")
    assert dialog.result_profile() == ALEX.replace(recent_race_km=10.0, recent_race_s=2700)
    assert field(dialog, QLabel, "training_paces").text().startswith(
        "Training paces from 10 km in 45:00 (VDOT 45.3, Daniels 2014): easy 5:18-5:53/km; marathon 4:55/km")


def test_recent_race_paces_follow_imperial_units(qtbot):
    dialog = shown(qtbot, ODD.replace(recent_race_km=10.0, recent_race_s=2700))
    assert field(dialog, QLineEdit, "recent_race_time").text() == "45:00"
    # Marathon pace 294.7 s/km x 1.609344 = 474.3 s/mi: 7:54 (converting the rounded 4:55/km gave 7:55).
    assert field(dialog, QLabel, "training_paces").text().startswith(
        "Training paces from 6.21 mi in 45:00 (VDOT 45.3, Daniels 2014): easy 8:32-9:28/mi; marathon 7:54/mi")


def test_a_wrong_race_time_disables_ok_with_a_message(qtbot):
    dialog = shown(qtbot)
    replace_text(qtbot, field(dialog, QLineEdit, "recent_race_km"), "10")
    replace_text(qtbot, field(dialog, QLineEdit, "recent_race_time"), "4500")
    assert "recent race" in dialog.errors()
    assert dialog.errors()["recent race"].startswith("Recent race must be minutes:seconds")
