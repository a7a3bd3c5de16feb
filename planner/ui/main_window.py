"""The main window: calendar in the middle, library dock on the left, menus, status bar."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, SignalInstance
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

import planner
from planner.domain.profile import NutritionLog
from planner.domain.weeks import DATE_MAX, DATE_MIN, first_day_after_start_change, week_start
from planner.services.changes import Changes
from planner.services.data_file import StoreError
from planner.services.exports import folder_writer
from planner.ui.calendar.session_actions import SessionActions
from planner.ui.calendar.week_bar import WeekBar
from planner.ui.calendar.week_view import WeekView
from planner.ui.charts import ChartsDock
from planner.ui.crash_log import crash_log_words
from planner.ui.file_actions import FileActions
from planner.ui.icons import IconCache
from planner.ui.library.library_dock import LibraryDock
from planner.ui.nutrition.dock import NutritionDock
from planner.ui.panes import PaneHost
from planner.ui.plancheck.badges import wire_badges
from planner.ui.plancheck.dismissals import Dismissals
from planner.ui.plancheck.dock import PlanCheckDock
from planner.ui.printing.actions import PrintActions
from planner.ui.status_pane import StatusPane
from planner.ui.theme import apply_theme
from planner.ui.watch_dialog import SendWorkouts

if TYPE_CHECKING:
    from planner.app import Parts


#: Room kept for the window manager's title bar and borders around a first window (width, height).
FRAME_ALLOWANCE = (16, 48)


class MainWindow(QMainWindow):
    """Lays out the calendar, the library and the panes, and wires menus and actions to the services.

    Everything it shows comes from `Parts` (app.compose); changes reach every pane through the bus.
    """

    _sources: QWidget | None = None  # Help > Sources, made on first use

    def __init__(self, parts: Parts) -> None:
        super().__init__()
        self.setWindowTitle(planner.APP_NAME)
        self.setObjectName("MainWindow")
        self.parts = parts
        self.store, self.settings, self._today = parts.store, parts.settings, parts.today
        self.undo_stack, self.bus = parts.undo_stack, parts.bus
        self.undo_stack.setParent(self)
        self.bus.setParent(self)
        self.plan, self.library, self.profiles = parts.plan, parts.library, parts.profiles
        self.week_model, self.library_model = parts.week_model, parts.library_model
        self._catalog = parts.catalog
        self.profile = self.store.profile.get()
        self.icons = IconCache()
        self.setWindowIcon(self.icons.icon("app"))

        self._build_navigation()
        self.week_view = WeekView(self.week_model, self.icons)
        self.week_bar = WeekBar(self.previous_week, self.today_action, self.next_week)
        self.week_bar.dateChosen.connect(self.go_to)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.week_bar)
        self._central_layout = layout
        self.setCentralWidget(central)

        self.library_dock = LibraryDock(self.library_model, self.icons, self)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.library_dock)
        self.library_dock.addRequested.connect(self._add_template_to_day)
        self.library_dock.removeRequested.connect(lambda t: self.library.remove_template(t.id))
        self.library_dock.restoreRequested.connect(self.library.restore_defaults)
        self.library_dock.editRequested.connect(self._edit_template)

        self.session_actions = SessionActions(self.week_view, self.plan, self.library,
                                              lambda: self.profile.units, self._catalog, self)
        self._build_menus()

        # The profile first (units, first day), then the week model's rows, then the panes.
        self.bus.changed.connect(self._on_changes, Qt.ConnectionType.DirectConnection)
        self.bus.error.connect(self._show_error)
        self.panes = PaneHost(self.bus, self)
        self.panes.hold_until_shown(self)  # the calendar first, then the panes fill in
        # The status bar first: each pass refreshes panes in the order they came.
        self.status_pane = StatusPane(self.statusBar(), parts.save_status, Path(self.store.path).name)
        self.status_pane.setToolTip(str(self.store.path))
        self.statusBar().addPermanentWidget(self.status_pane)
        self.panes.add(self.status_pane)
        self._add_views()
        self._add_panes()
        self.setAcceptDrops(True)  # activity files dropped onto the window
        self.statusBar().showMessage("Drag a session from the library onto a day to plan it.", 8000)
        self.week_model.refreshed.connect(self._refresh_week_bar)
        self._refresh_week_bar()
        self.resizeDocks([self.library_dock], [230], Qt.Orientation.Horizontal)
        self._default_state = self.saveState()
        self._restore_layout()

    # -- views ---------------------------------------------------------------------------------
    def _add_views(self) -> None:
        """The week, season and trends views in the centre (View > Week / Season / Trends)."""
        from planner.ui.central_views import CentralViews

        views = self.views = CentralViews(self.parts, self.week_view, self.icons, self.panes,
                                          lambda: self.profile.units, self)
        self._central_layout.addWidget(views, 1)
        self.view_menu.insertActions(self._views_end, list(views.actions_by_view.values()))
        views.viewChanged.connect(self._view_changed)
        views.on_season_built(self._wire_season)
        views.on_trends_built(lambda trends: trends.weekClicked.connect(self.show_week))

    def _wire_season(self, season) -> None:  # noqa: ANN001
        self.session_actions.attach(season)
        season.weekRequested.connect(self.show_week)
        wire_badges(season, self.plancheck_dock)

    def _view_changed(self, name: str) -> None:
        self.week_bar.setVisible(name != "trends")
        season = self.views.season_view
        self.session_actions.set_view(season if name == "season" and season is not None else self.week_view)

    def _season_weeks_shown(self) -> int:
        """Weeks of the season while it is the view shown (File > Print prints it), else 0."""
        model = self.views.season_model
        return model.weeks if self.views.current_name == "season" and model is not None else 0

    def show_week(self, day: dt.date) -> None:
        """Open `day`'s week in the week view (a double-click in the season, a click in the trends)."""
        self.go_to(day)
        self.views.show_view("week")

    # -- panes ---------------------------------------------------------------------------------
    def _add_panes(self) -> None:
        """Every pane of the window, one line each (the host keeps them current)."""
        self.charts_dock = self.add_pane(ChartsDock(self.store, self, load=self.parts.load),
                                         shortcut="Ctrl+2")
        self._keep_chart_choices()
        self.nutrition_dock = self.add_pane(NutritionDock(self.store, self, write_intake=self._log_intake,
                                                          today=self._today()), shortcut="Ctrl+3")
        self.nutrition_dock.daySelected.connect(self.show_day)
        self.plancheck_dock = self.add_pane(PlanCheckDock(self.store, self.parts.runner, self, today=self._today(),
                                                          load=self.parts.load,
                                                          dismissals=Dismissals(str(self.store.path), self.settings)),
                                            shortcut="Ctrl+4")
        self.plancheck_dock.sessionRequested.connect(self.show_session)
        wire_badges(self.week_view, self.plancheck_dock)
        self.week_view.set_day_marks(note=self._readiness_note)
        # The plan check above; charts and nutrition share the space below, one at a time (the
        # hidden one costs nothing).
        self.splitDockWidget(self.plancheck_dock, self.charts_dock, Qt.Orientation.Vertical)
        self.tabifyDockWidget(self.charts_dock, self.nutrition_dock)
        self.charts_dock.raise_()

    def _keep_chart_choices(self) -> None:
        """The charts' range and chronic/acute days as the user left them, and kept when changed."""
        dock, settings = self.charts_dock, self.settings
        if settings.chart_constants is not None:
            dock.set_time_constants(*settings.chart_constants)
        if settings.chart_range is not None:
            dock.set_range(settings.chart_range)

        def keep_constants(chronic: int, acute: int) -> None:
            settings.chart_constants = (chronic, acute)

        def keep_range(label: str) -> None:
            settings.chart_range = label

        dock.timeConstantsChanged.connect(keep_constants)
        dock.rangeChanged.connect(keep_range)

    def _readiness_note(self, day: dt.date) -> str:
        from planner.services.readiness import readiness_summary

        return readiness_summary(self.store.readiness.get(day))

    def show_session(self, session_id: int) -> None:
        """Show the session's week and select it (a click in the plan check)."""
        try:
            session = self.store.sessions.get(session_id)
        except KeyError:
            return
        self.go_to(session.date)
        self.week_view.select_ids([session_id])

    def _log_intake(self, day: dt.date, intake: NutritionLog | None) -> None:
        from planner.services.nutrition_log import log_intake

        log_intake(self.parts.runner, day, intake)

    def show_day(self, day: dt.date) -> None:
        """Show `day`'s week and put the focus in its column."""
        self.go_to(day)
        row = self.week_model.row_of_date(day)
        if row is not None:
            self.week_view.focus_day(row)

    def add_pane(self, dock: QDockWidget, area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea,
                 shortcut: str = "") -> QDockWidget:
        """Dock `dock`, list it in the View menu and register it with the pane host. A pane may
        also follow the calendar: `set_week(first_day)`, `set_day(day)`, and a `weekClicked(date)`
        signal that shows that week (see planner/ui/panes.py)."""
        self.addDockWidget(area, dock)
        toggle = dock.toggleViewAction()
        if shortcut:
            toggle.setShortcut(QKeySequence(shortcut))
        self.view_menu.insertAction(self._panes_end, toggle)
        # The week and day a pane follows reach it with its refresh: after the calendar has
        # painted, and only while it is shown.
        set_week = getattr(dock, "set_week", None)
        if set_week is not None:
            self.week_model.weekChanged.connect(lambda first: self.panes.follow(dock, "week", set_week, first))
            self.panes.follow(dock, "week", set_week, self.week_model.first_day)
        set_day = getattr(dock, "set_day", None)
        if set_day is not None:
            self.week_view.currentChanged.connect(lambda day, _ids: self.panes.follow(dock, "day", set_day, day))
            self.panes.follow(dock, "day", set_day, self.week_view.current_day())
        clicked = getattr(dock, "weekClicked", None)
        if clicked is not None:
            clicked.connect(self.go_to)
        self.panes.add(dock)
        return dock

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

    def _stack_action(self, word: str, slot: Callable[[], object], enabled: SignalInstance,
                      text_changed: SignalInstance, keys: list[object]) -> QAction:
        """Undo or Redo reading "Undo: Move 'Tempo run' to Thursday"; its fixed name (the F1 list)
        stays "Undo"."""
        a = self._action(f"&{word}", slot, keys)
        a.setIconText(word)
        a.setEnabled(False)
        enabled.connect(a.setEnabled)
        text_changed.connect(lambda t: a.setText(f"&{word}: {t}" if t else f"&{word}"))
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
        self.files = FileActions(self.parts, self.go_to, self)
        file_menu.addActions(self.files.plan_actions())
        file_menu.addSeparator()
        self.printing = PrintActions(self.store, lambda: self.week_model.first_day, self, self.parts.load,
                                     season_weeks=self._season_weeks_shown)
        file_menu.addActions(self.printing.actions())
        self.send_workouts = SendWorkouts(self.store.sessions.between, lambda: self.printing.first_day(),
                                          lambda: self.profile.units, self,
                                          writer_for=lambda folder: folder_writer(self.store, folder))
        file_menu.addAction(self.send_workouts.action)
        file_menu.addSeparator()
        file_menu.addActions(self.files.backup_actions())
        file_menu.addSeparator()
        self.generate_action = self._action("&Generate a training block…", self.generate_block, "Ctrl+Shift+G",
                                            "A periodized block of runs and lifts that passes its own plan check")
        file_menu.addAction(self.generate_action)
        self.replan_action = self._action("Re-&plan from today", self.replan_block,
                                          tip="Rebuild the rest of the last generated block from today, keeping what "
                                              "is done (one undo step)")
        file_menu.addAction(self.replan_action)
        self.profile_action = self._action("&Profile…", self.edit_profile, "Ctrl+,",
                                           "Body mass, goal, units, first day of the week, sweat rate")
        file_menu.addAction(self.profile_action)
        file_menu.addSeparator()
        file_menu.addAction(self._action("&Quit", self.close, QKeySequence.StandardKey.Quit))

        edit = bar.addMenu("&Edit")
        undo = self._stack_action("Undo", self.undo_stack.undo, self.undo_stack.canUndoChanged,
                                  self.undo_stack.undoTextChanged, [QKeySequence.StandardKey.Undo])
        redo = self._stack_action("Redo", self.undo_stack.redo, self.undo_stack.canRedoChanged,
                                  self.undo_stack.redoTextChanged, ["Ctrl+Shift+Z", "Ctrl+Y"])
        self.undo_action, self.redo_action = undo, redo
        for a in (undo, redo, None, sa.cut, sa.copy, sa.paste, sa.duplicate, sa.delete, None, sa.edit,
                  sa.mark_done, sa.mark_skipped, sa.mark_planned, sa.save_template, None, sa.previous_day,
                  sa.next_day, None, sa.log_readiness, None, sa.copy_week, sa.clear_week):
            edit.addSeparator() if a is None else edit.addAction(a)

        view = self.view_menu = bar.addMenu("&View")
        self._views_end = view.addSeparator()  # _add_views lists Week, Season, Trends before this
        for a in (self.previous_week, self.next_week, self.today_action, self.goto_action):
            view.addAction(a)
        view.addSeparator()
        toggle = self.library_dock.toggleViewAction()
        toggle.setText("Session &library")
        toggle.setShortcut(QKeySequence("Ctrl+1"))
        view.addAction(toggle)
        view.addAction(self.library_dock.focus_filter_action)
        self._panes_end = view.addSeparator()  # add_pane lists each pane before this
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
        help_menu.setToolTipsVisible(True)
        help_menu.aboutToShow.connect(self._update_demo_action)
        help_menu.addSeparator()
        help_menu.addAction(self._action("&Keyboard shortcuts", self.show_shortcuts, "F1"))
        help_menu.addAction(self._action("&Sources", self.show_sources, tip="The studies behind every number, in full"))
        help_menu.addAction(self._action("&About Hybrid Planner", self.show_about))

    # -- weeks ---------------------------------------------------------------------------------
    def go_to(self, day: dt.date) -> None:
        # The app keeps dates from 1900 to 2199: no week beyond the ones holding those ends is shown.
        day = min(max(day, DATE_MIN), DATE_MAX)
        self.week_model.set_week(week_start(day, self.profile.week_start))
        self.settings.last_week = self.week_model.first_day

    def shift_week(self, weeks: int) -> None:
        self.go_to(self.week_model.first_day + dt.timedelta(days=7 * weeks))

    def _refresh_week_bar(self) -> None:
        self.week_bar.show_week(self.week_model.first_day, self.week_model.sessions(), self.profile.units)

    # -- changes -------------------------------------------------------------------------------
    def _on_changes(self, changes: Changes) -> None:
        if changes.logs:
            self.week_view.refresh_headers()  # the readiness note
        if changes.profile or changes.everything:
            self.profile = self.store.profile.get()
            self.week_model.set_units(self.profile.units)
            self.library_model.set_units(self.profile.units)
            self.go_to(first_day_after_start_change(self.week_model.first_day, self._today(), self.profile.week_start))
            self._refresh_week_bar()

    def _show_error(self, message: str) -> None:
        self.statusBar().showMessage(message, 10000)
        QMessageBox.warning(self, "Hybrid Planner", message)

    def _add_template_to_day(self, template_id: str) -> None:
        view = self.views.season_view if self.views.current_name == "season" else self.week_view
        assert view is not None
        self.plan.add_from_template(template_id, view.current_day(), view.current_row_in_day())

    def _edit_template(self, template) -> None:  # noqa: ANN001
        from planner.domain.session import Template
        from planner.ui.dialogs.session_editor import SessionEditor

        editor = SessionEditor(template.to_session(self._today()), units=self.profile.units,
                               catalog=self._catalog, parent=self, for_template=True)
        editor.setWindowTitle(f"Edit template '{template.title}'")
        if editor.exec():
            self.library.update_template(Template.from_content(editor.result_session().content(), id=template.id))

    def _update_demo_action(self) -> None:
        """Disabled once the plan has sessions, and the tooltip says why."""
        n = len(self.store.sessions)
        self.demo_action.setEnabled(n == 0)
        self.demo_action.setToolTip(
            "Fill an empty plan with a 12-week block around today" if n == 0 else
            f"Only for an empty plan: this one already has {n} session{'s' if n != 1 else ''}. "
            "Start the app with --data-dir and a new folder to try the demo.")

    def load_demo(self) -> None:
        """The demo block as one undoable change, for a first look at an empty plan."""
        from planner.services.plan_files import load_demo

        if not len(self.store.sessions) and load_demo(self.plan, self.profiles, self._today()):
            self.go_to(self._today())

    def generate_block(self) -> None:
        from planner.ui.dialogs.generator_wizard import run_generator_wizard

        written: list[Changes] = []

        def note(changes: Changes) -> None:
            written.append(changes)

        self.bus.changed.connect(note)
        try:
            applied = run_generator_wizard(self, self.plan, self.store.profile.get(), self._today())
        finally:
            self.bus.changed.disconnect(note)
        if applied:
            self.statusBar().showMessage(self.undo_stack.undoText(), 6000)  # the block's own words
            dates = [d for c in written for d in c.dates]
            if dates:  # review the block where a block is read: the season view, from its first week
                self.go_to(min(dates))
                self.views.show_view("season", weeks=(max(dates) - min(dates)).days // 7 + 1)

    def replan_block(self) -> None:
        from planner.domain.generator import GeneratorError
        from planner.services.generate import replan

        try:
            replan(self.plan, self._today())
        except GeneratorError as exc:
            QMessageBox.information(self, "Re-plan from today", str(exc))
            return
        self.statusBar().showMessage(self.undo_stack.undoText(), 6000)

    def edit_profile(self) -> None:
        from planner.ui.dialogs.profile_dialog import ProfileDialog

        dialog = ProfileDialog(self.profile, parent=self, evidence=self.profiles.heart_rate_evidence())
        if dialog.exec():
            self.profiles.set(dialog.result_profile())

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.files.dropped_files(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self.files.dropped_files(event.mimeData())
        if paths:
            event.acceptProposedAction()
            # After the drop has finished: a modal dialog must not run inside the drop's handling.
            QTimer.singleShot(0, self, lambda: self.files.import_activities(paths))

    # -- view ----------------------------------------------------------------------------------
    def set_theme(self, key: str) -> None:
        self.settings.theme = key
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, key)
            self.week_view.refresh_headers(restyle=True)

    def reset_layout(self) -> None:
        self.restoreState(self._default_state)
        self.library_dock.show()

    def _restore_layout(self) -> None:
        geometry = self.settings.geometry
        if geometry is None or not self.restoreGeometry(geometry) or not self._fits_a_screen():
            self._fit_first_window()
        state = self.settings.window_state
        if state is not None:
            self.restoreState(state)

    def _fit_first_window(self) -> None:
        """1400 x 880 where there is room; on a smaller screen, the whole frame (title bar and
        borders too, so the status bar shows) inside the screen the window opens on."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(1400, 880)
            return
        avail = screen.availableGeometry()
        # Before the first show the frame is not known yet: a title bar and borders take at most this.
        frame_w, frame_h = FRAME_ALLOWANCE
        w, h = min(1400, avail.width() - frame_w), min(880, avail.height() - frame_h)
        self.resize(max(w, self.minimumSizeHint().width()), h)
        self.move(avail.left() + max(0, (avail.width() - w - frame_w) // 2),
                  avail.top() + max(0, (avail.height() - h - frame_h) // 2))

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
            f"<p>{crash_log_words(Path(self.store.path))}</p>"
            "<p>Everything stays on this computer.</p>")

    def show_shortcuts(self) -> None:
        seen: dict[str, str] = {}
        for menu in self.menuBar().findChildren(QMenu):
            for a in menu.actions():
                if not a.isSeparator() and not a.shortcut().isEmpty():
                    seen.setdefault(a.iconText().replace("&", "").rstrip("…"),
                                    a.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
        rows = list(seen.items())
        extra = [("Move the selection", "Arrow keys"), ("Open the session editor", "Enter / double-click"),
                 ("Copy while dragging", "Hold Ctrl")]
        body = "".join(f"<tr><td>{t}</td><td><b>{k}</b></td></tr>" for t, k in rows + extra)
        QMessageBox.information(self, "Keyboard shortcuts", f"<table cellspacing=6>{body}</table>")

    def show_sources(self) -> None:
        """Help > Sources: one window, kept, so it can stay open beside the plan while reading."""
        from planner.resources import references
        from planner.ui.dialogs.sources_dialog import SourcesDialog

        if self._sources is None:
            self._sources = SourcesDialog(references(), self)
        self._sources.show()
        self._sources.raise_()
        self._sources.activateWindow()

