"""The actions on sessions (menus, context menu, shortcuts), acting on the calendar's selection."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox, QWidget

from planner.domain.enums import Status, Units
from planner.domain.errors import ValidationError
from planner.domain.session import POSITION_RANGE, Session
from planner.services.library import LibraryService
from planner.services.plan import PlanService
from planner.ui.calendar.day_selection import DaySelection

DAY_MAX = POSITION_RANGE[1] + 1  # sessions one day can hold (positions 0..10,000)


class SessionActions(QObject):
    def __init__(self, week: DaySelection, plan: PlanService, library: LibraryService,
                 units: Callable[[], Units], catalog: Mapping[str, Sequence[str]], parent: QWidget) -> None:
        super().__init__(parent)
        self._week: DaySelection
        self._week, self._plan, self._library = week, plan, library
        self._units, self._catalog, self._parent = units, catalog, parent
        self._clipboard: list[Session] = []

        def act(text: str, slot: Callable[[], object], shortcut: str | QKeySequence.StandardKey | None = None,
                tip: str = "") -> QAction:
            a = QAction(text, parent)
            if shortcut is not None:
                a.setShortcut(QKeySequence(shortcut))
                a.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            if tip:
                a.setStatusTip(tip)
            a.triggered.connect(slot)
            return a

        self.edit = act("&Edit session…", self.edit_selected, "Ctrl+E", "Edit every detail of the session")
        self.duplicate = act("D&uplicate", self.duplicate_selected, "Ctrl+D", "Copy the session onto the same day")
        self.mark_done = act("Mark &done…", self.mark_done_selected, "Ctrl+Shift+D",
                             "Record the actual duration, effort and distance")
        self.mark_skipped = act("Mark s&kipped", lambda: self._mark(Status.SKIPPED), "Ctrl+Shift+K")
        self.mark_planned = act("Mark &planned", lambda: self._mark(Status.PLANNED))
        self.delete = act("&Delete", self.delete_selected, QKeySequence.StandardKey.Delete)
        self.cut = act("Cu&t", self.cut_selected, QKeySequence.StandardKey.Cut)
        self.copy = act("&Copy", self.copy_selected, QKeySequence.StandardKey.Copy)
        self.paste = act("&Paste", self.paste_here, QKeySequence.StandardKey.Paste)
        self.previous_day = act("Move to previous day", lambda: self._shift(-1), "Ctrl+Shift+Left")
        self.next_day = act("Move to next day", lambda: self._shift(1), "Ctrl+Shift+Right")
        self.save_template = act("Save as &template…", self.save_as_template,
                                 tip="Add the session to your library")
        self.copy_week = act("Copy week to next week", self.copy_week_to_next, "Ctrl+Shift+W",
                             "Copy every session of this week onto the next week")
        self.clear_week = act("Clear week…", self.clear_this_week, tip="Delete every session of this week")
        self.log_readiness = act("Log &readiness…", self.log_readiness_of_day, "Ctrl+Shift+R",
                                 "Sleep, fatigue, soreness, mood and resting heart rate for the day")
        self.on_selection = [self.edit, self.duplicate, self.mark_done, self.mark_skipped, self.mark_planned,
                             self.delete, self.cut, self.copy, self.previous_day, self.next_day,
                             self.save_template]
        self.attach(week)
        self.update_enabled()

    def attach(self, view: DaySelection) -> None:
        """Let the actions act on `view` (the week, or the season) while it is the one shown."""
        for day in view.views:
            day.selectionModel().selectionChanged.connect(self.update_enabled)
        view.editRequested.connect(self.edit_selected)  # type: ignore[attr-defined]
        view.contextMenuRequested.connect(self.context_menu)  # type: ignore[attr-defined]

    def set_view(self, view: DaySelection) -> None:
        """The view shown now: its selection is what the actions act on."""
        self._week = view
        self.update_enabled()

    # -- state ---------------------------------------------------------------------------------
    def selected(self) -> list[Session]:
        return self._week.selected_sessions()

    def update_enabled(self) -> None:
        n = len(self.selected())
        for a in self.on_selection:
            a.setEnabled(n > 0)
        for a in (self.edit, self.mark_done, self.save_template):
            a.setEnabled(n == 1)
        self.paste.setEnabled(bool(self._clipboard))

    def context_menu(self, global_pos) -> None:  # noqa: ANN001
        menu = QMenu(self._parent)
        if self.selected():
            for a in (self.edit, self.duplicate, None, self.mark_done, self.mark_skipped, self.mark_planned, None,
                      self.cut, self.copy, self.paste, None, self.previous_day, self.next_day, None,
                      self.save_template, None, self.delete):
                menu.addSeparator() if a is None else menu.addAction(a)
        else:
            menu.addAction(self.paste)
            menu.addSeparator()
            menu.addAction(self.log_readiness)
            menu.addSeparator()
            menu.addAction(self.copy_week)
            menu.addAction(self.clear_week)
        menu.exec(global_pos)

    # -- gestures ------------------------------------------------------------------------------
    def edit_selected(self) -> None:
        sel = self.selected()
        if len(sel) != 1:
            return
        from planner.ui.dialogs.session_editor import SessionEditor

        editor = SessionEditor(sel[0], units=self._units(), catalog=self._catalog, parent=self._parent)
        if editor.exec():
            self._plan.edit(editor.result_session())

    def mark_done_selected(self) -> None:
        sel = self.selected()
        if len(sel) != 1:
            return
        from planner.ui.dialogs.mark_done import MarkDoneDialog

        dialog = MarkDoneDialog(sel[0], units=self._units(), parent=self._parent, today=self._week.model.today())
        if dialog.exec():
            self._plan.mark_done(dialog.result_session())

    def _mark(self, status: Status) -> None:
        ids = [s.id for s in self.selected()]
        if ids:
            self._plan.mark_status(ids, status)

    def duplicate_selected(self) -> None:
        sel = [s for s in self.selected() if s.id is not None]
        if not sel:
            return
        day = sel[-1].date
        held = len(self._plan.store.sessions.on_date(day))
        if held + len(sel) > DAY_MAX:  # issue 19: Ctrl+D on a full day did nothing and said nothing
            QMessageBox.warning(self._parent, "Duplicate",
                                f"Nothing was duplicated: {day:%A} {day.day} {day:%B %Y} holds {held:,} "
                                f"sessions, and a day holds at most {DAY_MAX:,}.")
            return
        self._plan.duplicate([s.id for s in sel if s.id is not None])

    def delete_selected(self) -> None:
        ids = [s.id for s in self.selected()]
        if ids:
            self._plan.delete(ids)

    def copy_selected(self) -> None:
        self._clipboard = self.selected()
        self.update_enabled()

    def cut_selected(self) -> None:
        self.copy_selected()
        self.delete_selected()

    def paste_here(self) -> None:
        if self._clipboard:
            self._plan.paste(self._clipboard, self._week.current_day(), self._week.current_row_in_day())

    def _shift(self, days: int) -> None:
        ids = [s.id for s in self.selected()]
        if not ids:
            return
        try:
            self._plan.shift(ids, days)
        except ValidationError as exc:  # a day past the dates the app keeps (1900-2199)
            QMessageBox.warning(self._parent, "Move session", f"The session was not moved: {exc}")

    def save_as_template(self) -> None:
        sel = self.selected()
        if len(sel) != 1:
            return
        title, ok = QInputDialog.getText(self._parent, "Save as template", "Template name:", text=sel[0].title)
        if ok and title.strip():
            self._library.save_as_template(sel[0], title.strip()[:120])

    def log_readiness_of_day(self) -> None:
        from planner.ui.dialogs.readiness_dialog import edit_readiness

        edit_readiness(self._parent, self._plan.runner, self._week.current_day())

    def copy_week_to_next(self) -> None:
        from planner.ui.dialogs.plan_questions import ask_copy_week_mode

        first = self._week.current_week_first()
        target = self._plan.store.sessions.between(first + dt.timedelta(days=7), first + dt.timedelta(days=13))
        mode = ask_copy_week_mode(self._parent, len(target))
        if mode is not None:
            self._plan.copy_week(first, mode)

    def clear_this_week(self) -> None:
        first = self._week.current_week_first()
        n = len(self._plan.store.sessions.between(first, first + dt.timedelta(days=6)))
        if not n:
            return
        answer = QMessageBox.question(
            self._parent, "Clear week",
            f"Delete all {n} sessions of the week of {first:%d %B}?\nYou can undo this with Ctrl+Z.")
        if answer == QMessageBox.StandardButton.Yes:
            self._plan.clear_week(first)
