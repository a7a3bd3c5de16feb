"""The main window: calendar in the middle, library dock on the left, menus, status bar."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QGuiApplication, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

import planner
from planner.domain.weeks import week_start
from planner.models.library_model import LibraryModel
from planner.models.week_model import WeekModel
from planner.services.changes import ChangeBus, Changes
from planner.services.library import LibraryService, ProfileService
from planner.services.plan import PlanService
from planner.store.errors import StoreError
from planner.store.store import Store
from planner.ui.calendar.session_actions import SessionActions
from planner.ui.calendar.week_bar import WeekBar
from planner.ui.calendar.week_view import WeekView
from planner.ui.icons import IconCache
from planner.ui.library.library_dock import LibraryDock
from planner.ui.settings import Settings
from planner.ui.theme import apply_theme


class MainWindow(QMainWindow):
    saveFailed = Signal(str)

    def __init__(self, store: Store, settings: Settings, catalog: Mapping[str, Sequence[str]], *,
                 today: Callable[[], dt.date] = dt.date.today) -> None:
        super().__init__()
        self.setWindowTitle(planner.APP_NAME)
        self.setObjectName("MainWindow")
        self.store, self.settings, self._today = store, settings, today
        self.icons = IconCache()
        self.setWindowIcon(self.icons.icon("app"))

        # services: one undo stack, one change bus
        self.undo_stack = QUndoStack(self)
        self.bus = ChangeBus(self)
        self.plan = PlanService(store, self.undo_stack, self.bus)
        self.library = LibraryService(store, self.undo_stack, self.bus, self.plan)
        self.profiles = ProfileService(store, self.bus, self.plan)
        self.profile = store.profile.get()

        first = week_start(settings.last_week or today(), self.profile.week_start)
        self.week_model = WeekModel(store.sessions, self.plan, self.bus, first, units=self.profile.units,
                                    today=today)
        self.library_model = LibraryModel(store.templates, self.bus)

        self._build_navigation()
        self.week_view = WeekView(self.week_model, self.bus, self.icons)
        self.week_bar = WeekBar(self.previous_week, self.today_action, self.next_week)
        self.week_bar.dateChosen.connect(self.go_to)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.week_bar)
        layout.addWidget(self.week_view, 1)
        self.setCentralWidget(central)

        self.library_dock = LibraryDock(self.library_model, self.icons, self)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.library_dock)
        self.library_dock.addRequested.connect(self._add_template_to_day)
        self.library_dock.removeRequested.connect(lambda t: self.library.remove_template(t.id))
        self.library_dock.restoreRequested.connect(self.library.restore_defaults)
        self.library_dock.editRequested.connect(self._edit_template)

        self.session_actions = SessionActions(self.week_view, self.plan, self.library,
                                              lambda: self.profile.units, catalog, self)
        self._catalog = catalog
        self._build_menus()
        self._build_status_bar()

        self.bus.changed.connect(self._on_changes)
        self.bus.error.connect(self._show_error)
        # Saving runs on a worker thread so a drop never waits for the disk; its errors come
        # back through a queued signal.
        self.saveFailed.connect(self._show_error)
        store.storage.start_background(self.saveFailed.emit)
        self.week_model.refreshed.connect(self._refresh_week_bar)
        self._refresh_week_bar()
        self.resizeDocks([self.library_dock], [230], Qt.Orientation.Horizontal)
        self._default_state = self.saveState()
        self._restore_layout()

    # -- building ------------------------------------------------------------------------------
    def _action(self, text: str, slot: Callable[[], object], shortcut: object = None, tip: str = "") -> QAction:
        a = QAction(text, self)
        if shortcut is not None:
            keys = shortcut if isinstance(shortcut, list) else [shortcut]
            a.setShortcuts([QKeySequence(k) for k in keys])
        if tip:
            a.setStatusTip(tip)
        a.triggered.connect(slot)
        return a

    def _build_navigation(self) -> None:
        style = self.style()
        self.previous_week = self._action("Previous week", lambda: self.shift_week(-1), "PgUp",
                                          "Show the week before")
        self.previous_week.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowBack))
        self.next_week = self._action("Next week", lambda: self.shift_week(1), "PgDown", "Show the week after")
        self.next_week.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowForward))
        self.today_action = self._action("Today", lambda: self.go_to(self._today()), "Ctrl+T",
                                         "Show the week with today")
        self.goto_action = self._action("Go to date…", lambda: self.week_bar.picker.setFocus(), "Ctrl+G")
        for a in (self.previous_week, self.next_week, self.today_action):
            a.setToolTip(f"{a.text()} ({a.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")

    def _build_menus(self) -> None:
        bar = self.menuBar()
        sa = self.session_actions
        file_menu = bar.addMenu("&File")
        file_menu.addAction(self._action("&Import plan (CSV)…", self.import_plan, "Ctrl+I",
                                         "Add the sessions of a plan spreadsheet"))
        file_menu.addAction(self._action("&Export plan (CSV)…", self.export_plan, "Ctrl+Shift+E",
                                         "Write sessions to a spreadsheet"))
        file_menu.addSeparator()
        self.profile_action = self._action("&Profile…", self.edit_profile, "Ctrl+,",
                                           "Body mass, goal, units, first day of the week, sweat rate")
        file_menu.addAction(self.profile_action)
        file_menu.addSeparator()
        file_menu.addAction(self._action("&Quit", self.close, QKeySequence.StandardKey.Quit))

        edit = bar.addMenu("&Edit")
        undo = self.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.undo_action, self.redo_action = undo, redo
        for a in (undo, redo, None, sa.cut, sa.copy, sa.paste, sa.duplicate, sa.delete, None, sa.edit,
                  sa.mark_done, sa.mark_skipped, sa.mark_planned, sa.save_template, None, sa.previous_day,
                  sa.next_day, None, sa.copy_week, sa.clear_week):
            edit.addSeparator() if a is None else edit.addAction(a)

        view = bar.addMenu("&View")
        for a in (self.previous_week, self.next_week, self.today_action, self.goto_action):
            view.addAction(a)
        view.addSeparator()
        toggle = self.library_dock.toggleViewAction()
        toggle.setText("Session &library")
        toggle.setShortcut(QKeySequence("Ctrl+1"))
        view.addAction(toggle)
        view.addAction(self.library_dock.focus_filter_action)
        view.addAction(self._action("Reset layout", self.reset_layout))
        view.addSeparator()
        theme_menu = view.addMenu("Theme")
        group = QActionGroup(self)
        for key, label in (("system", "System"), ("light", "Light"), ("dark", "Dark")):
            a = QAction(label, self, checkable=True)
            a.setChecked(self.settings.theme == key)
            a.triggered.connect(lambda _=False, k=key: self.set_theme(k))
            group.addAction(a)
            theme_menu.addAction(a)

        help_menu = bar.addMenu("&Help")
        self.demo_action = self._action("Load the &demo plan", self.load_demo,
                                        tip="Fill an empty plan with a 12-week block around today")
        help_menu.addAction(self.demo_action)
        help_menu.aboutToShow.connect(lambda: self.demo_action.setEnabled(len(self.store.sessions) == 0))
        help_menu.addSeparator()
        help_menu.addAction(self._action("&Keyboard shortcuts", self.show_shortcuts, "F1"))
        help_menu.addAction(self._action("&About Hybrid Planner", self.show_about))

    def _build_status_bar(self) -> None:
        self.file_label = QLabel()
        self.file_label.setToolTip(str(self.store.path))
        self.statusBar().addPermanentWidget(self.file_label)
        self._show_saved()
        self.statusBar().showMessage("Drag a session from the library onto a day to plan it.", 8000)

    # -- weeks ---------------------------------------------------------------------------------
    def go_to(self, day: dt.date) -> None:
        self.week_model.set_week(week_start(day, self.profile.week_start))
        self.settings.last_week = self.week_model.first_day

    def shift_week(self, weeks: int) -> None:
        self.go_to(self.week_model.first_day + dt.timedelta(days=7 * weeks))

    def _refresh_week_bar(self) -> None:
        self.week_bar.show_week(self.week_model.first_day, self.week_model.sessions(), self.profile.units)

    # -- changes -------------------------------------------------------------------------------
    def _on_changes(self, changes: Changes) -> None:
        if changes.profile or changes.everything:
            self.profile = self.store.profile.get()
            self.week_model.set_units(self.profile.units)
            self.go_to(self.week_model.first_day + dt.timedelta(days=3))
            self._refresh_week_bar()
        self._show_saved()
        if self.undo_stack.undoText():
            self.statusBar().showMessage(f"{self.undo_stack.undoText()} · saved", 4000)

    def _show_saved(self) -> None:
        self.file_label.setText(f"Saved to {Path(self.store.path).name}")

    def _show_error(self, message: str) -> None:
        self.statusBar().showMessage(message, 10000)
        QMessageBox.warning(self, "Hybrid Planner", message)

    def _add_template_to_day(self, template_id: str) -> None:
        self.plan.add_from_template(template_id, self.week_view.current_day(), self.week_view.current_row_in_day())

    def _edit_template(self, template) -> None:  # noqa: ANN001
        from planner.domain.session import Template
        from planner.ui.dialogs.session_editor import SessionEditor

        editor = SessionEditor(template.to_session(self._today()), units=self.profile.units,
                               catalog=self._catalog, parent=self, for_template=True)
        editor.setWindowTitle(f"Edit template '{template.title}'")
        if editor.exec():
            self.library.update_template(Template.from_content(editor.result_session().content(), id=template.id))

    def load_demo(self) -> None:
        """The demo block as one undoable change, for a first look at an empty plan."""
        from planner.domain.demo_plan import generate_demo_plan

        if len(self.store.sessions):
            return
        _, sessions = generate_demo_plan(self._today(), self.store.templates.builtins())
        if self.plan.add_placed(sessions, "Load the demo plan"):
            self.go_to(self._today())

    def edit_profile(self) -> None:
        from planner.ui.dialogs.profile_dialog import ProfileDialog

        dialog = ProfileDialog(self.profile, parent=self)
        if dialog.exec():
            self.profiles.set(dialog.result_profile())

    # -- files ---------------------------------------------------------------------------------
    def import_plan(self) -> None:
        from planner.ui.dialogs.plan_import import read_plan_interactive

        name, _ = QFileDialog.getOpenFileName(self, "Import plan", "", "Plan spreadsheets (*.csv);;All files (*)")
        if not name:
            return
        sessions = read_plan_interactive(self, Path(name), self._catalog, self.store.sessions.on_date)
        if sessions and self.plan.add_placed(sessions, f"Import {len(sessions)} sessions from {Path(name).name}"):
            self.go_to(min(s.date for s in sessions))

    def export_plan(self) -> None:
        from planner.io import plan_csv

        name, _ = QFileDialog.getSaveFileName(self, "Export plan", "plan.csv", "Plan spreadsheets (*.csv)")
        if not name:
            return
        try:
            plan_csv.write_plan_file(Path(name), self.store.sessions.all())
        except OSError as exc:
            QMessageBox.warning(self, "Export plan", f"Could not write {name}: {exc.strerror or exc}")
            return
        self.statusBar().showMessage(f"Exported the plan to {name}", 6000)

    # -- view ----------------------------------------------------------------------------------
    def set_theme(self, key: str) -> None:
        self.settings.theme = key
        app = QApplication.instance()
        if key == "system":
            QMessageBox.information(self, "Theme", "The system theme applies the next time the app starts.")
        elif isinstance(app, QApplication):
            apply_theme(app, key)
            self.week_view.refresh_headers(restyle=True)

    def reset_layout(self) -> None:
        self.restoreState(self._default_state)
        self.library_dock.show()

    def _restore_layout(self) -> None:
        geometry = self.settings.geometry
        if geometry is None or not self.restoreGeometry(geometry) or not self._fits_a_screen():
            screen = QGuiApplication.primaryScreen()
            avail = screen.availableGeometry() if screen else None
            w, h = (1400, 880) if avail is None else (min(1400, avail.width()), min(880, avail.height()))
            self.resize(w, h)
        state = self.settings.window_state
        if state is not None:
            self.restoreState(state)

    def _fits_a_screen(self) -> bool:
        frame = self.frameGeometry()
        return any(s.availableGeometry().intersects(frame) for s in QGuiApplication.screens())

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._saved_before_quit():
            event.ignore()
            return
        self.settings.geometry = self.saveGeometry()
        self.settings.window_state = self.saveState()
        self.settings.last_week = self.week_model.first_day
        self.settings.sync()
        super().closeEvent(event)

    def _saved_before_quit(self) -> bool:
        """Everything on disk before the window goes; if the disk refuses, the user decides."""
        while True:
            try:
                self.store.storage.flush()
                return True
            except StoreError as exc:
                answer = QMessageBox.warning(
                    self, "Hybrid Planner", f"{exc}\n\nQuit anyway and lose the changes not yet saved?",
                    QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Discard
                    | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Retry)
                if answer == QMessageBox.StandardButton.Discard:
                    self.store.storage.rollback()
                    return True
                if answer == QMessageBox.StandardButton.Cancel:
                    return False

    # -- help ----------------------------------------------------------------------------------
    def show_about(self) -> None:
        QMessageBox.about(
            self, "About Hybrid Planner",
            f"<h3>Hybrid Planner {planner.__version__}</h3>"
            "<p>Plan running and lifting together.</p>"
            f"<p><b>Data file:</b><br>{self.store.path}</p>"
            "<p>Everything stays on this computer.</p>")

    def show_shortcuts(self) -> None:
        seen: dict[str, str] = {}
        for menu in self.menuBar().findChildren(QMenu):
            for a in menu.actions():
                if not a.isSeparator() and not a.shortcut().isEmpty():
                    seen.setdefault(a.text().replace("&", "").rstrip("…"),
                                    a.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
        rows = list(seen.items())
        extra = [("Move the selection", "Arrow keys"), ("Open the session editor", "Enter / double-click"),
                 ("Copy while dragging", "Hold Ctrl")]
        body = "".join(f"<tr><td>{t}</td><td><b>{k}</b></td></tr>" for t, k in rows + extra)
        QMessageBox.information(self, "Keyboard shortcuts", f"<table cellspacing=6>{body}</table>")

