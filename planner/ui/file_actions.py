"""File > Import plan, Export plan, Import activities, Backups, Back up to file, Restore from file,
as actions the window adds to its menu (as it does the printing ones, planner/ui/printing/actions.py):

    self.files = FileActions(parts, self.go_to, self)
    file_menu.addActions(self.files.plan_actions())

A restore, or a reload after another program changed the data file, puts a whole new plan in the
store: that is not undoable, so the undo history is forgotten and every pane starts over.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from planner.services.changes import Changes

if TYPE_CHECKING:
    from planner.app import Parts


class FileActions(QObject):
    """The plan's files in and out, and the backups, over the window's `parts`; `go_to(day)` shows
    the week of what was imported."""

    def __init__(self, parts: Parts, go_to: Callable[[dt.date], None], window: QMainWindow) -> None:
        super().__init__(window)
        self.parts, self.go_to, self.window = parts, go_to, window
        self.store, self.plan = parts.store, parts.plan
        self.import_plan_action = self._action("&Import plan (CSV)…", self.import_plan, "Ctrl+I",
                                               "Add the sessions of a plan spreadsheet")
        self.export_plan_action = self._action("&Export plan (CSV)…", self.export_plan, "Ctrl+Shift+E",
                                               "Write sessions to a spreadsheet")
        self.import_activities_action = self._action(
            "Import &activities…", lambda: self.import_activities(), "Ctrl+Shift+I",
            "Runs from GPX, TCX, FIT or Strava; lifting logs from Strong or Hevy")
        self.backups_action = self._action("&Backups…", self.show_backups, None, "The automatic daily backups")
        self.back_up_action = self._action("Back &up to file…", self.back_up_to_file, None,
                                           "Write everything to a JSON file")
        self.restore_action = self._action("&Restore from file…", self.restore_from_file, None,
                                           "Replace the plan with a backup (the current one is backed up first)")
        parts.save_status.failed.connect(self._save_failed)

    def plan_actions(self) -> list[QAction]:
        return [self.import_plan_action, self.export_plan_action, self.import_activities_action]

    def backup_actions(self) -> list[QAction]:
        return [self.backups_action, self.back_up_action, self.restore_action]

    def _action(self, text: str, slot: Callable[[], object], shortcut: str | None, tip: str) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def _say(self, words: str, ms: int) -> None:
        self.window.statusBar().showMessage(words, ms)

    # -- the plan as a spreadsheet -------------------------------------------------------------
    def import_plan(self) -> None:
        from planner.io import plan_csv

        name, _ = QFileDialog.getOpenFileName(self.window, "Import plan", "",
                                              "Plan spreadsheets (*.csv);;All files (*)")
        if not name:
            return
        from planner.domain.plan_match import split_matches
        from planner.services.plan_files import NoRoomError, import_rows
        from planner.ui.dialogs.plan_import import read_plan_interactive, show_refused
        from planner.ui.dialogs.plan_questions import ask_skip_duplicates

        path = Path(name)
        rows = read_plan_interactive(self.window, path, self.parts.catalog)
        if not rows:
            return
        first, last = min(r.session.date for r in rows), max(r.session.date for r in rows)
        matched, _ = split_matches([r.session for r in rows], self.store.sessions.between(first, last))
        skip = ask_skip_duplicates(self.window, len(matched), len(rows))
        if skip is None:
            return
        if skip:
            already = {id(s) for s in matched}
            rows = [r for r in rows if id(r.session) not in already]
        try:
            stored = import_rows(self.plan, rows, path.name)
        except plan_csv.PlanFileError as exc:
            show_refused(self.window, path, exc.errors)
            return
        except NoRoomError as exc:
            QMessageBox.warning(self.window, "Import plan", f"{exc} Nothing was imported.")
            return
        if stored:
            self.go_to(min(s.date for s in stored))

    def export_plan(self) -> None:
        from planner.io import plan_csv
        from planner.services.exports import export_writer

        name, _ = QFileDialog.getSaveFileName(self.window, "Export plan", "plan.csv", "Plan spreadsheets (*.csv)")
        if not name:
            return
        try:
            plan_csv.write_plan_file(Path(name), self.store.sessions.all(), export_writer(self.store))
        except OSError as exc:
            QMessageBox.warning(self.window, "Export plan", f"Could not write {name}: {exc.strerror or exc}")
            return
        self._say(f"Exported the plan to {name}", 6000)

    # -- completed activities (the menu, or files dropped on the window) ------------------------
    def import_activities(self, paths: Sequence[Path] = ()) -> None:
        from planner.ui.dialogs.activity_import_dialog import import_activities

        import_activities(self.window, self.plan, paths)

    @staticmethod
    def dropped_files(mime: QMimeData) -> list[Path]:
        """The activity files among what is dragged over the window (none: the drop is refused)."""
        from planner.ui.dialogs.activity_import_dialog import activity_paths

        return list(activity_paths(mime))

    # -- backups, restore, reload: the whole plan at once, not undoable ----------------------------
    def show_backups(self) -> None:
        from planner.ui.dialogs.backups_dialog import BackupsDialog

        dialog = BackupsDialog(self.store, self.window)
        dialog.restored.connect(lambda r: self.whole_new_plan(f"Restored a backup ({r.sessions} sessions)"))
        dialog.exec()

    def back_up_to_file(self) -> None:
        from planner.ui.dialogs.backups_dialog import back_up_to_file

        path = back_up_to_file(self.window, self.store)
        if path is not None:
            self._say(f"Backed up to {path}", 8000)

    def restore_from_file(self) -> None:
        from planner.ui.dialogs.backups_dialog import restore_from_file

        result = restore_from_file(self.window, self.store)
        if result is not None:
            self.whole_new_plan(f"Restored a backup ({result.sessions} sessions)")

    def whole_new_plan(self, words: str) -> None:
        """The store holds another plan now: forget the undo history, and every pane starts over.
        The change carries no words: the status bar would offer it as "Undo: ...", and it cannot be."""
        self.parts.undo_stack.clear()
        self.parts.save_status.reset()
        self.parts.bus.publish(Changes(everything=True, profile=True, templates=True, logs=True))
        self._say(words, 8000)

    def _save_failed(self, message: str) -> None:
        from planner.services.data_file import changed_on_disk
        from planner.ui.dialogs.store_problems import KEPT_WORDS, offer_reload

        if offer_reload(self.window, self.store, message):
            self.whole_new_plan("Reloaded the plan another program changed")
        elif changed_on_disk(self.store):  # "Keep my changes": the box said it all; no second one
            self._say(KEPT_WORDS, 10000)
        else:
            self.parts.bus.error.emit(message)
