"""File > Send workouts to watch…: the runs with steps and lifts with sets of a chosen range as FIT
workout files, into a Garmin watch's `GARMIN/NewFiles` folder when one is mounted, else a folder.

Only reads the plan. What the watch does with the files is said after they are written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from planner.domain.session import Session
from planner.io.workouts.files import garmin_new_files, workout_sessions, write_workouts
from planner.services.exports import ExportWriter, write_unowned
from planner.words.dates import long_date

CHOOSE_FOLDER = "choose"
ON_THE_WATCH = ("The watch takes them in when you unplug it (eject it first): they are then in its list of "
                "workouts (Training > Workouts on most models), to start from there.")
BY_HAND = ("To put them on a Garmin watch: connect it by USB and copy the files into its GARMIN/NewFiles "
           "folder; the watch takes them in when you unplug it. Watches that connect by MTP show no "
           "drive: use Garmin Express or Connect for those.")


def _qdate(d: dt.date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _date(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())


class SendWorkoutsDialog(QDialog):
    """The range (the week on screen by default) and where the files go: a watch found mounted,
    or a folder the user picks."""

    def __init__(self, first_day: dt.date, between: Callable[[dt.date, dt.date], Sequence[Session]],
                 watches: Sequence[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Send workouts to watch")
        self._between = between
        self.first = QDateEdit(_qdate(first_day), self)
        self.last = QDateEdit(_qdate(first_day + dt.timedelta(days=6)), self)
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.destination = QComboBox(self)
        self.destination.setObjectName("destination")
        for folder in watches:
            self.destination.addItem(f"The watch at {folder}", str(folder))
        self.destination.addItem("A folder I choose…", CHOOSE_FOLDER)
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        form = QFormLayout()
        form.addRow("&From:", self.first)
        form.addRow("&To:", self.last)
        form.addRow("&Send to:", self.destination)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Send")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.first.dateChanged.connect(self._update)
        self.last.dateChanged.connect(self._update)
        self._update()

    def range(self) -> tuple[dt.date, dt.date]:
        return _date(self.first.date()), _date(self.last.date())

    def chosen(self) -> list[Session]:
        first, last = self.range()
        return workout_sessions(self._between(first, last))[0] if first <= last else []

    def _update(self, *_: Any) -> None:
        first, last = self.range()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if first > last:
            self.summary.setText(f"The first day ({long_date(first)}) is after the last ({long_date(last)}).")
            ok.setEnabled(False)
            return
        chosen = self.chosen()
        ok.setEnabled(bool(chosen))
        if not chosen:
            self.summary.setText("No run with steps and no lift with sets in these days: nothing to send.")
            return
        names = ", ".join(f"{s.title} ({s.date:%a %d})" for s in chosen[:6])
        more = f" and {len(chosen) - 6} more" if len(chosen) > 6 else ""
        self.summary.setText(f"{len(chosen)} workout{'s' if len(chosen) != 1 else ''}: {names}{more}.")


class SendWorkouts:
    """The menu action; `between` reads the plan, `first_day` is the week on screen."""

    def __init__(self, between: Callable[[dt.date, dt.date], Sequence[Session]], first_day: Callable[[], dt.date],
                 units: Callable[[], Any], window: QWidget,
                 find_watches: Callable[[], list[Path]] = garmin_new_files,
                 writer_for: Callable[[Path], ExportWriter] | None = None) -> None:
        self._between, self._first_day, self._units = between, first_day, units
        self._window, self._find_watches = window, find_watches
        # the plan's export writer for a folder (it refuses the app's own files and folders)
        self._writer_for = writer_for or (lambda _folder: write_unowned)
        self.action = QAction("Send &workouts to watch…", window)
        tip = "Runs with steps and lifts with sets as FIT workout files, for a Garmin watch (USB)"
        self.action.setStatusTip(tip)
        self.action.setToolTip(tip)
        self.action.triggered.connect(lambda: self.run())

    def ask_folder(self) -> Path | None:
        name = QFileDialog.getExistingDirectory(self._window, "Send workouts to a folder")
        return Path(name) if name else None

    def run(self) -> Path | None:
        watches = self._find_watches()
        dialog = SendWorkoutsDialog(self._first_day(), self._between, watches, self._window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        where = dialog.destination.currentData()
        folder = self.ask_folder() if where == CHOOSE_FOLDER else Path(where)
        if folder is None:
            return None
        try:
            written = write_workouts(folder, dialog.chosen(), self._units(), self._writer_for(folder))
        except OSError as exc:
            QMessageBox.warning(self._window, "Send workouts to watch", f"Cannot write to {folder}: "
                                f"{exc.strerror or exc}")
            return None
        count = len(written.paths)
        done = f"Wrote {count} workout file{'s' if count != 1 else ''} to {folder}."
        QMessageBox.information(self._window, "Send workouts to watch",
                                f"{done}\n\n{ON_THE_WATCH if where != CHOOSE_FOLDER else BY_HAND}")
        return folder
