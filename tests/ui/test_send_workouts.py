"""File > Send workouts to watch…: the range, a Garmin watch found mounted, the files and the words."""

from __future__ import annotations

import datetime as dt
import os
import stat
import subprocess
import sys

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QWidget

from planner.domain.demo_plan import generate_demo_plan
from planner.domain.enums import Units
from planner.io.workouts.files import NEW_FILES
from planner.io.workouts.fit_read import read_workout
from planner.resources import builtin_templates
from planner.ui import watch_dialog
from planner.ui.watch_dialog import BY_HAND, ON_THE_WATCH, SendWorkouts, SendWorkoutsDialog

MONDAY = dt.date(2026, 12, 7)
DEMO = generate_demo_plan(MONDAY, builtin_templates())[1]


def between(first: dt.date, last: dt.date):
    return [s for s in DEMO if first <= s.date <= last]


@pytest.fixture
def parent(qtbot):
    w = QWidget()
    qtbot.addWidget(w)
    return w


def test_the_dialog_lists_the_weeks_workouts_and_offers_the_watch_first(parent, tmp_path):
    watch = tmp_path / "FR255" / NEW_FILES
    dialog = SendWorkoutsDialog(MONDAY, between, [watch], parent)
    assert dialog.range() == (MONDAY, MONDAY + dt.timedelta(days=6))
    assert dialog.destination.currentData() == str(watch)
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).text() == "&Send"
    assert dialog.summary.text() == ("5 workouts: Intervals 6 x 800 m (Tue 08), Upper body push (Tue 08), "
                                     "Core stability (Wed 09), Heavy lower body: squat (Thu 10), Long run (Sun 13).")
    dialog.last.setDate(dialog.first.date().addDays(-1))
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    assert dialog.summary.text().startswith("The first day (")


def test_a_range_without_workouts_cannot_be_sent(parent):
    dialog = SendWorkoutsDialog(MONDAY - dt.timedelta(days=400), between, [], parent)
    assert dialog.summary.text() == "No run with steps and no lift with sets in these days: nothing to send."
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    assert dialog.destination.count() == 1  # no watch: a folder


@pytest.mark.parametrize("on_watch", [True, False])
def test_sending_writes_the_files_and_says_what_the_watch_does(parent, tmp_path, monkeypatch, on_watch):
    watch = tmp_path / "FR255" / NEW_FILES
    folder = tmp_path / "chosen"
    said: list[str] = []
    monkeypatch.setattr(SendWorkoutsDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: said.append(text))
    if not on_watch:
        monkeypatch.setattr(SendWorkoutsDialog, "__init__", _with_folder(SendWorkoutsDialog.__init__))
    send = SendWorkouts(between, lambda: MONDAY, lambda: Units.METRIC, parent,
                        find_watches=lambda: [watch] if on_watch else [])
    monkeypatch.setattr(send, "ask_folder", lambda: folder)
    where = send.run()
    assert where == (watch if on_watch else folder)
    files = sorted(where.glob("*.fit"))
    assert [read_workout(f.read_bytes(), f.name).title for f in files] == [
        "Intervals 6 x 800 m", "Upper body push", "Core stability", "Heavy lower body: squat", "Long run"]
    assert said == [f"Wrote 5 workout files to {where}.\n\n{ON_THE_WATCH if on_watch else BY_HAND}"]


def _with_folder(init):
    def wrapped(self, *args, **kwargs):
        init(self, *args, **kwargs)
        self.destination.setCurrentIndex(self.destination.findData(watch_dialog.CHOOSE_FOLDER))
    return wrapped


def test_the_window_starts_without_loading_the_fit_writer():
    """fit-tool takes about 0.1 s to import: it is loaded when workouts are written, not at start."""
    code = ("import sys; import planner.ui.main_window; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'fit_tool'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}).stdout
    assert out.strip() == "[]"


@pytest.fixture
def send_from_window(window, monkeypatch):
    """File > Send workouts to watch in a real window, to a folder `send(folder)` chooses; returns
    what the warning box said (empty when none)."""
    warned: list[str] = []
    monkeypatch.setattr(SendWorkoutsDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(SendWorkoutsDialog, "__init__", _with_folder(SendWorkoutsDialog.__init__))
    monkeypatch.setattr(SendWorkoutsDialog, "chosen", lambda self: between(MONDAY, MONDAY + dt.timedelta(days=6)))
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: None)

    def send(folder):
        monkeypatch.setattr(window.send_workouts, "ask_folder", lambda: folder)
        window.send_workouts.run()
        return warned
    return send


def test_the_window_never_sends_workouts_into_the_backups_folder(window, send_from_window):
    backups = window.store.path.parent / "backups"
    before = sorted(backups.iterdir()) if backups.exists() else []
    assert send_from_window(backups) == [f"Cannot write to {backups}: it is the backups folder, and an export "
                                         "never replaces the app's own files; nothing was written"]
    assert (sorted(backups.iterdir()) if backups.exists() else []) == before


def test_the_window_never_replaces_a_fifo_where_a_workout_file_goes(window, send_from_window, tmp_path):
    from planner.io.workouts.files import file_names, workout_sessions

    folder = tmp_path / "watch"
    folder.mkdir()
    fifo = folder / file_names(workout_sessions(between(MONDAY, MONDAY + dt.timedelta(days=6)))[0])[0]
    os.mkfifo(fifo)
    assert send_from_window(folder) == [f"Cannot write to {folder}: it is a named pipe (FIFO), not a regular "
                                        "file, so it was left as it is and nothing was written"]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
