"""File > Import activities with a Strava export of 1,800 activities: the progress bar moves through
the ZIP's files and Cancel leaves the plan as it was; what the plan cannot hold is listed, not lost."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QDialog

from tests.io.activities.strava_export import Row, activities_csv, export_zip
from tests.realdata import utc_clock  # noqa: F401 - a fixture
from tests.ui.test_activity_import_dialog import dialog_for, env  # noqa: F401 - fixtures

pytestmark = pytest.mark.usefixtures("utc_clock")  # Strava writes UTC; the window reads the computer's clock


def test_a_1800_activity_export_moves_the_progress_bar_and_cancel_changes_nothing(env, tmp_path, qtbot,  # noqa: F811
                                                                                  dialog_for):  # noqa: F811
    z = export_zip(tmp_path / "export.zip", 1800)
    before = env.store.sessions.all()
    d = dialog_for([z])
    seen: list[int] = []
    qtbot.waitUntil(lambda: seen.append(d.progress_bar.value()) or d.progress_bar.value() >= 300, timeout=60_000)
    assert d.progress_bar.maximum() == 1801  # 1,800 files and activities.csv
    assert len(set(seen)) >= 3 and seen == sorted(seen)
    assert "export.zip/activities/" in d.progress_label.text()
    d.reject()  # Cancel
    qtbot.waitUntil(lambda: not d.isVisible(), timeout=30_000)
    assert d.result() == QDialog.DialogCode.Rejected and d.counts is None
    assert env.store.sessions.all() == before and env.stack.count() == 0


def test_the_preview_lists_what_is_left_out_and_imports_the_rest(env, tmp_path, qtbot, dialog_for):  # noqa: F811
    day = dt.datetime(2020, 5, 20, 6, 0, tzinfo=dt.UTC)
    csv = tmp_path / "activities.csv"
    csv.write_text(activities_csv([Row(day), Row(day + dt.timedelta(days=1), "Ride", 645 * 60, metres=180_000.0),
                                   Row(day + dt.timedelta(days=2), "Run", 1441 * 60, metres=100_000.0)]),
                   encoding="utf-8")
    d = dialog_for([csv])
    qtbot.waitUntil(lambda: d.pages.currentIndex() == 1, timeout=10_000)
    assert d.summary.text() == "Matched to the plan: 0 · New sessions: 2 · Already in the plan: 0 · Left out: 1"
    assert d.tabs.tabText(2) == "Left out (1)" and d.tabs.isTabEnabled(2)
    row = [d.skipped_table.item(0, c).text() for c in range(3)]
    assert row == ["activities.csv", "the run of 2020-05-22 06:00",
                   "lasts 1441 min; a session can last at most 1440 min (24 h)"]
    d.import_button.click()
    qtbot.waitUntil(lambda: not d.isVisible(), timeout=10_000)
    assert sorted(s.actual_duration_min for s in env.store.sessions.all()) == [60, 645]
