"""The generator wizard: its preview is the block Apply writes, Apply is one undo step through the
window's runner, and inputs that cannot give a clean plan show what to change with Apply disabled."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWizard

from planner.models.undo import ChangeBus, UndoRunner
from planner.services.plan import PlanService
from planner.store.database import open_store
from planner.ui.dialogs.generator_wizard import GeneratorWizard

TODAY = dt.date(2027, 2, 24)  # a Wednesday: the block starts on Monday 1 Mar


@pytest.fixture
def wizard(data_dir, qtbot):
    store = open_store(data_dir)
    stack = QUndoStack()
    plan = PlanService(UndoRunner(store, stack, ChangeBus()))
    w = GeneratorWizard(plan, store.profile.get(), TODAY)
    qtbot.addWidget(w)
    w.show()
    w.stack = stack
    yield w
    store.close()


def _to_preview(w: GeneratorWizard) -> None:
    w.goal_page.goal_group.button(0).setChecked(True)  # run focus: 4 runs and 2 lifts by default
    w.goal_page.start.setDate(QDate(2027, 2, 24))
    w.goal_page.weeks.setValue(6)
    w.numbers_page.weekly_km.setValue(30.0)
    w.numbers_page.longest.setValue(12.0)
    w.numbers_page.lifts["deadlift"].setText("105x5")  # Epley: 105 x (1 + 5/30) = 122.5
    for _ in range(3):
        w.next()


def test_preview_lists_the_weeks_and_apply_writes_one_undo_step(wizard) -> None:
    _to_preview(wizard)
    page = wizard.preview_page
    assert (wizard.week_page.runs.value(), wizard.week_page.lifts.value()) == (4, 2)
    assert page.weeks.rowCount() == 6
    assert [page.weeks.item(r, 2).text() for r in range(6)] == ["build 1", "build 2", "build 3", "deload",
                                                                "build 1", "build 2"]
    assert page.weeks.item(0, 1).text() == "01 Mar-07 Mar"
    # the sample week shows week 1; Thursday's deadlift: 122.5 / (1 + 8/30) = 96.7 -> 95 kg
    assert page.week.item(3, 1).text().startswith("Posterior chain and calves (lower, 45 min, RPE 7): Deadlift "
                                                  "3 × 5 @ 95 kg RPE 7")
    page.weeks.selectRow(3)
    assert page.week.item(0, 0).text() == "Mon 22 Mar"
    assert page.message.text().endswith("The plan check reads it without a warning.")
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.result() == QWizard.DialogCode.Accepted
    store = wizard.plan.store
    assert len(store.sessions.all()) == 6 * 7
    assert wizard.stack.count() == 1 and wizard.stack.undoText() == "Generate a 6-week run block"
    wizard.stack.undo()
    assert store.sessions.all() == []


def test_impossible_inputs_explain_and_apply_stays_disabled(wizard) -> None:
    wizard.goal_page.goal_group.button(0).setChecked(True)
    wizard.next()
    for i, box in enumerate(wizard.week_page.days):
        box.setChecked(i in (0, 2, 4))  # Mon, Wed, Fri
    wizard.week_page.long_day.setCurrentIndex(4)
    wizard.next()
    wizard.next()
    page = wizard.preview_page
    assert page.message.text() == (
        "<b>No clean plan from these inputs.</b> 4 runs and 2 lifts a week on mon,wed,fri cannot be arranged for run "
        "focus without hard days back to back, heavy legs next to a hard run, or a week without a rest day. What "
        "would work: add one of tue, thu, sat or sun to the days; or plan 3 runs a week.")
    assert page.weeks.rowCount() == 0
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()


def test_sessions_in_the_way_need_replace(wizard) -> None:
    from planner.domain.session import Session

    wizard.plan.add_placed([Session(kind="run", title="Own run", duration_min=30, rpe=3, date=dt.date(2027, 3, 3))],
                           "Add")
    _to_preview(wizard)
    page = wizard.preview_page
    assert "1 session is already planned in these weeks:" in page.message.text()
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled()
    page.replace.setChecked(True)
    assert finish.isEnabled()
    finish.click()
    assert "Own run" not in [s.title for s in wizard.plan.store.sessions.all()]


def test_the_wizard_starts_from_the_log_and_offers_a_start_that_works(data_dir, qtbot) -> None:
    from planner.domain.enums import Status
    from tests.domain.test_generator_from_log import six_day_weeks

    store = open_store(data_dir)
    try:
        log = [s.replace(date=s.date - dt.timedelta(days=7)) for s in six_day_weeks()]  # 4 weeks to Sun 21 Feb
        planned = [log[0].replace(status=Status.PLANNED, date=dt.date(2027, 3, 3))]  # a session planned next week
        store.sessions.apply(put=[*[s.replace(id=None) for s in log], *[s.replace(id=None) for s in planned]])
        plan = PlanService(UndoRunner(store, QUndoStack(), ChangeBus()))
        w = GeneratorWizard(plan, store.profile.get(), TODAY)
        qtbot.addWidget(w)
        w.show()
        assert w.goal_page.start.date().toPython() == dt.date(2027, 3, 8)  # after the planned week: no clash
        w.goal_page.start.setDate(QDate(2027, 2, 22))
        w.next()
        assert (w.week_page.runs.value(), w.week_page.lifts.value()) == (4, 2)
        w.next()
        n = w.numbers_page
        assert (n.weekly_km.value(), n.longest.value(), n.lifts["squat"].text()) == (40.0, 16.0, "116.7")
        assert n.sources.text().splitlines()[:3] == [
            "Starting values from your log:",
            "Running now: 40 km: the mean of the 4 logged weeks 25 Jan-21 Feb 2027",
            "Longest run: 16 km: the longest run of the last 30 days (Sun 21 Feb)"]
        n.race_km.setText("21.1")
        n.race_time.setText("1:39:00")
        assert n.paces.text().startswith("Training paces from 21.1 km in 1:39:00 (VDOT 45.7, Daniels 2014)")
        assert w.inputs().recent_race is not None and w.inputs().recent_race.seconds == 5940
    finally:
        store.close()


def test_imperial_inputs_and_preview_speak_miles_and_pounds(data_dir, qtbot) -> None:
    """Typed in miles, min/mi and pounds; stored and generated in km and kg; previewed in miles and pounds."""
    from planner.domain.enums import Units
    from planner.domain.profile import Profile

    store = open_store(data_dir)
    try:
        store.profile.put(Profile(units=Units.IMPERIAL))
        w = GeneratorWizard(PlanService(UndoRunner(store, QUndoStack(), ChangeBus())), store.profile.get(), TODAY)
        qtbot.addWidget(w)
        w.show()
        assert w.goal_page.race_km.itemText(2) == "half marathon (13.1 mi)"
        w.goal_page.goal_group.button(0).setChecked(True)
        w.goal_page.weeks.setValue(6)
        w.next()
        w.next()
        n = w.numbers_page
        assert (n.weekly_km.suffix(), n.longest.suffix()) == (" mi a week", " mi")
        assert n.lifts["deadlift"].placeholderText() == "265 (one-rep max) or 220x5 (lb x reps)"
        assert n.pace.placeholderText() == "e.g. 10:04 (optional)"  # 6:15/km = 375 x 1.609344 = 603.5 s/mi
        n.weekly_km.setValue(18.64)  # 30.0 km
        n.longest.setValue(7.46)  # 12.0 km
        n.lifts["deadlift"].setText("270")  # 122.47 kg
        n.pace.setText("10:00")  # per mile: 600 / 1.609344 = 372.8 -> 373 s/km
        n.race_km.setText("6.2137")  # 10.0 km
        n.race_time.setText("45:00")
        assert n.paces.text().startswith("Training paces from 6.21 mi in 45:00 (VDOT 45.3, Daniels 2014): easy "
                                         "8:32-9:28/mi;")
        x = w.inputs()
        assert (x.weekly_km, x.longest_run_km, x.easy_pace_s) == (29.998172, 12.005706, 373)
        assert round(x.one_rm["deadlift"], 2) == 122.47 and round(x.recent_race.km, 2) == 10.0
        w.next()
        page = w.preview_page
        headers = [page.weeks.horizontalHeaderItem(c).text() for c in range(page.weeks.columnCount())]
        assert headers[3:8] == ["mi", "Long run mi", "Above easy", "Load AU", "Tonnage lb"]
        # Thursday's deadlift: 122.47 / (1 + 8/30) = 96.7 -> 95 kg = 209.44 lb -> 210 lb (2.5 lb plates)
        assert page.week.item(3, 1).text().startswith("Posterior chain and calves (lower, 45 min, RPE 7): Deadlift "
                                                      "3 × 5 @ 210 lb RPE 7 (+3 warm-up)")
        assert "/km" not in page.week.item(0, 1).text() and "/mi easy" in page.week.item(0, 1).text()
    finally:
        store.close()
