"""The editor says how an imported session's effort was had: "effort estimated from heart rate"
beside the planned value, until the athlete rates it; their own rating wins."""

from __future__ import annotations

import datetime as dt

from planner.domain.enums import Kind, Status, Units
from planner.domain.session import Session
from planner.ui.dialogs import SessionEditor

IMPORTED = Session(kind=Kind.RUN, title="Run", duration_min=33, rpe=4.0, distance_km=4.689, date=dt.date(2012, 12, 26),
                   status=Status.DONE, actual_duration_min=33, actual_distance_km=4.689, avg_hr=157, max_hr=189,
                   estimated_rpe=6.0, effort_from="heart rate", trimp=67.3, id=1)


def test_the_editor_says_the_effort_was_estimated_from_heart_rate(qtbot):
    editor = SessionEditor(IMPORTED, units=Units.METRIC, catalog={})
    qtbot.addWidget(editor)
    assert editor.actuals.planned_rpe.text() == "planned 4 · 6, effort estimated from heart rate"
    assert editor.actuals.rpe() is None  # nothing rated yet: the field stays empty for the athlete


def test_once_rated_the_editor_shows_only_the_plan(qtbot):
    editor = SessionEditor(IMPORTED.replace(actual_rpe=5.0), units=Units.METRIC, catalog={})
    qtbot.addWidget(editor)
    assert editor.actuals.planned_rpe.text() == "planned 4"
    assert editor.actuals.rpe() == 5.0
