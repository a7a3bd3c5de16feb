"""The readiness dialog: empty fields are "not logged", values round-trip, Clear removes the entry."""

from __future__ import annotations

import datetime as dt

from planner.domain.profile import ReadinessEntry
from planner.ui.dialogs.readiness_dialog import ReadinessDialog

DAY = dt.date(2026, 11, 24)


def test_empty_dialog_logs_nothing(qtbot):
    d = ReadinessDialog(DAY)
    qtbot.addWidget(d)
    assert d.sleep.text() == "not logged"
    assert d.result_entry() == ReadinessEntry(DAY)


def test_values_round_trip(qtbot):
    entry = ReadinessEntry(DAY, sleep_h=7.5, fatigue=4, soreness=2, mood=3, resting_hr=51)
    d = ReadinessDialog(DAY, entry)
    qtbot.addWidget(d)
    assert (d.sleep.value(), d.scales["fatigue"].value(), d.rhr.value()) == (7.5, 4, 51)
    assert d.result_entry() == entry
    d.scales["mood"].setValue(0)  # back to "not logged"
    assert d.result_entry() == ReadinessEntry(DAY, sleep_h=7.5, fatigue=4, soreness=2, resting_hr=51)


def test_clear_gives_none(qtbot):
    d = ReadinessDialog(DAY, ReadinessEntry(DAY, fatigue=3))
    qtbot.addWidget(d)
    d.clear_button.click()
    assert d.result() == ReadinessDialog.DialogCode.Accepted
    assert d.result_entry() is None
