"""The profile dialog's heart rates and easy pace: the values in use shown beside empty fields, the
same estimate the import takes (following the age as it is typed), checks at the field, and the
easy pace per km or per mile, stored per km."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.domain.effort import HeartRateEvidence, RecordedHeartRates
from planner.domain.enums import Status, Units
from planner.domain.profile import Profile, ReadinessEntry
from planner.ui.dialogs.profile_dialog import ProfileDialog
from tests.services.conftest import MONDAY, run

FEW = HeartRateEvidence(RecordedHeartRates((178, 189, 170), 1054), ())
DEFAULT = Profile()
ENOUGH = HeartRateEvidence(RecordedHeartRates((178, 189, 170, 165, 160), 60), (50, 52, 70))


@pytest.fixture
def make(qtbot):
    made: list[ProfileDialog] = []

    def _make(profile: Profile = DEFAULT, evidence: HeartRateEvidence = FEW) -> ProfileDialog:
        dialog = ProfileDialog(profile, evidence=evidence)
        qtbot.addWidget(dialog)
        made.append(dialog)
        return dialog

    return _make


def hints(d: ProfileDialog) -> tuple[str, str, str, str]:
    h = d.heart_rates
    return (h.max_hint.text(), h.max_hr.placeholderText(), h.resting_hint.text(), h.resting_hr.placeholderText())


def test_empty_fields_show_the_estimates_in_use(make):
    d = make(evidence=ENOUGH)
    assert hints(d) == ("estimated from your activities: 189 bpm", "189",
                        "estimated from the readiness log: 52 bpm", "52")
    assert d.result_profile().max_hr is None  # an estimate is shown, never stored


def test_too_few_activities_and_no_age_estimate_no_maximum_and_say_what_to_give(make):
    d = make()
    assert hints(d) == ("not estimated from 3 activities with heart rate over 1054 days: give it or your age", "",
                        "assumed: 60 bpm", "60")
    assert make(evidence=HeartRateEvidence()).heart_rates.max_hint.text() == (
        "not estimated: no activity with heart rate yet; give it or your age")


def test_the_maximum_follows_the_age_as_it_is_typed(make):
    d = make()
    d.age_spin.setValue(40)  # Tanaka 2001: 208 - 0.7 x 40 = 180, below the 189 recorded: 189 (a floor)
    assert hints(d)[:2] == ("estimated from your activities: 189 bpm", "189")
    d = make(evidence=HeartRateEvidence(RecordedHeartRates((159,)), ()))
    d.age_spin.setValue(40)
    assert hints(d)[:2] == ("estimated from age, Tanaka 2001: 180 bpm", "180")


def test_typed_rates_are_stored_and_their_hints_go(make):
    d = make()
    d.heart_rates.max_hr.setText("191")
    d.heart_rates.resting_hr.setText("48")
    d.heart_rates.lthr.setText("172")
    assert hints(d) == ("", "191", "", "48")
    p = d.result_profile()
    assert (p.max_hr, p.resting_hr, p.lthr) == (191, 48, 172)


@pytest.mark.parametrize(("field", "text", "message"), [
    ("max_hr", "250", None),
    ("max_hr", "251", "Maximum heart rate must be between 25 and 250 bpm (got 251)"),
    ("max_hr", "19o", "Maximum heart rate must be a whole number of beats per minute (got 19o)"),
    ("resting_hr", "25", None),
    ("resting_hr", "24", "Resting heart rate must be between 25 and 250 bpm (got 24)"),
    ("lthr", "17x", "Lactate threshold heart rate must be a whole number of beats per minute (got 17x)"),
])
def test_each_rate_is_checked_at_its_field(make, field, text, message):
    d = make()
    getattr(d.heart_rates, field).setText(text)
    assert list(d.errors().values()) == ([message] if message else [])
    assert d.ok_button.isEnabled() is (message is None)


def test_a_resting_rate_at_the_maximum_is_refused_at_the_resting_field(make):
    d = make()
    d.heart_rates.max_hr.setText("180")
    d.heart_rates.resting_hr.setText("179")
    assert d.errors() == {}
    d.heart_rates.resting_hr.setText("180")
    assert d.errors() == {
        "resting heart rate": "Resting heart rate must be below the maximum heart rate (180 >= 180 bpm)"}


@pytest.mark.parametrize(("units", "text", "stored", "unit"), [
    (Units.METRIC, "6:00", 360, "/km"), (Units.IMPERIAL, "9:39", 360, "/mi"),  # 579 s/mi / 1.609344 = 359.8
    (Units.METRIC, "3:00", 180, "/km"), (Units.METRIC, "15:00", 900, "/km"),
    (Units.IMPERIAL, "4:50", 180, "/mi"), (Units.IMPERIAL, "24:08", 900, "/mi"),
])
def test_easy_pace_per_km_or_mile_is_stored_per_km(make, units, text, stored, unit):
    d = make(Profile(units=units))
    assert d.heart_rates.easy_pace_unit.text() == unit
    d.heart_rates.easy_pace.setText(text)
    assert d.result_profile().easy_pace_s == stored


@pytest.mark.parametrize(("units", "text", "message"), [
    (Units.METRIC, "2:59", "Easy pace must be between 3:00 /km and 15:00 /km (got 2:59)"),
    (Units.METRIC, "15:01", "Easy pace must be between 3:00 /km and 15:00 /km (got 15:01)"),
    (Units.IMPERIAL, "4:49", "Easy pace must be between 4:50 /mi and 24:08 /mi (got 4:49)"),  # 179.6 s/km
    (Units.IMPERIAL, "24:09", "Easy pace must be between 4:50 /mi and 24:08 /mi (got 24:09)"),  # 900.4 s/km
    (Units.IMPERIAL, "6", "Easy pace must be minutes:seconds per mi, e.g. 9:39 (got 6)"),
    (Units.METRIC, "6:75", "Easy pace must be minutes:seconds per km, e.g. 6:00 (got 6:75)"),
])
def test_a_wrong_easy_pace_is_told_in_the_units_shown(make, units, text, message):
    d = make(Profile(units=units))
    d.heart_rates.easy_pace.setText(text)
    assert list(d.errors().values()) == [message]


def test_switching_units_shows_the_same_pace_and_keeps_it_exactly(make):
    d = make(Profile(easy_pace_s=361))
    assert d.heart_rates.easy_pace.text() == "6:01"
    d.units_combo.setCurrentIndex(d.units_combo.findData(Units.IMPERIAL.value))
    assert (d.heart_rates.easy_pace.text(), d.heart_rates.easy_pace.placeholderText()) == ("9:41", "e.g. 9:39")
    d.units_combo.setCurrentIndex(d.units_combo.findData(Units.METRIC.value))
    assert d.heart_rates.easy_pace.text() == "6:01"
    assert d.result_profile().easy_pace_s == 361


def test_file_profile_shows_what_the_plans_activities_give(make_window, monkeypatch):
    """The window hands the dialog the plan's evidence: five runs with heart rate over 28 days, the
    highest 182, and two resting rates logged (median 51)."""
    runs = [run(f"Run {i}", MONDAY + dt.timedelta(days=7 * i), status=Status.DONE, avg_hr=150, max_hr=170 + i * 3)
            for i in range(5)]  # 170, 173, 176, 179, 182 over 28 days
    w = make_window(runs)
    for day, rate in ((MONDAY, 50), (MONDAY + dt.timedelta(days=1), 52)):
        w.store.readiness.put(day, ReadinessEntry(date=day, resting_hr=rate))
    seen = {}

    def exec_(dialog):
        seen["hints"] = hints(dialog)
        return 0

    monkeypatch.setattr(ProfileDialog, "exec", exec_)
    w.edit_profile()
    assert seen["hints"] == ("estimated from your activities: 182 bpm", "182",
                             "estimated from the readiness log: 51 bpm", "51")
