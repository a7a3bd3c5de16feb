"""File actions over the window: a reload after another program changed the file is a new plan for
every pane; any other failed save is said; files dropped on the window go to the activity import;
Export plan writes the spreadsheet and says where."""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox

from planner.store.database import LOCK_FILE, open_store
from planner.ui.dialogs import store_problems
from tests.services.conftest import MONDAY, run
from tests.ui.conftest import titles


def test_a_reload_after_another_program_saved_is_a_new_plan(window, data_dir, qtbot, monkeypatch):
    real_offer = store_problems.offer_reload
    monkeypatch.setattr(store_problems, "offer_reload",
                        lambda parent, store, message: real_offer(parent, store, message, ask=lambda p, m: True))
    qtbot.waitUntil(lambda: window.parts.save_status.text() == "Saved", timeout=5000)
    (data_dir / LOCK_FILE).unlink()
    other = open_store(data_dir)
    other.sessions.apply(put=[run("Theirs", MONDAY, position=3)])
    other.close()
    window.plan.add([run("Mine, unsaved", MONDAY)], MONDAY)  # its save finds the file changed
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "Reloaded the plan another program changed",
                    timeout=5000)
    window.panes.flush()  # the status bar pane too: it must not offer the reload as "Undo: ..."
    assert window.statusBar().currentMessage() == "Reloaded the plan another program changed"
    assert titles(window.store, MONDAY) == ["A", "B", "C", "Theirs"]
    assert [s.title for s in window.week_model.day_sessions(0)] == ["A", "B", "C", "Theirs"]
    assert window.undo_stack.count() == 0  # nothing to undo into the plan that was replaced
    assert window.parts.save_status.text() == "Saved"


def test_any_other_failed_save_is_said(window, monkeypatch):
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: said.append(text))
    window.parts.save_status.failed.emit("Cannot save: the disk is full.")
    assert said == ["Cannot save: the disk is full."]
    assert window.statusBar().currentMessage() == "Cannot save: the disk is full."


def test_activity_files_dropped_on_the_window_go_to_the_import(window, monkeypatch, tmp_path, qtbot):
    import planner.ui.dialogs.activity_import_dialog as dialog

    asked = []
    monkeypatch.setattr(dialog, "import_activities", lambda parent, plan, paths: asked.append(list(paths)))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "run.gpx")), QUrl.fromLocalFile(str(tmp_path / "notes.txt"))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert asked == [] and event.isAccepted()  # the import's dialog opens once the drop is over
    qtbot.waitUntil(lambda: asked == [[tmp_path / "run.gpx"]], timeout=2000)


def test_export_plan_writes_the_spreadsheet_and_says_where(window, monkeypatch, tmp_path):
    target = tmp_path / "plan.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.files.export_plan_action.trigger()
    with Path(target).open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["title"] for r in rows] == ["A", "B", "C", "D"]
    assert window.statusBar().currentMessage() == f"Exported the plan to {target}"
