"""File > Print, Print Preview, Export PDF and Export calendar, as actions the window adds to its menu.

    self.printing = PrintActions(store, self.current_week_day, self)
    file_menu.addActions(self.printing.actions())

They only read the plan. Each asks for the range (this week, or N weeks from it: one week per
sheet); the page is landscape, A4 or Letter from the locale. On a computer without a printer,
Print offers a PDF instead (printer discovery needs CUPS, PLATFORM.md).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from planner.domain.enums import Units
from planner.domain.session import Session
from planner.domain.weeks import iso_week_name
from planner.io.paper import Paper
from planner.io.printed_week import PrintedWeek, first_day_of_week
from planner.services.exports import ExportWriter, export_writer
from planner.services.printing import printed_weeks
from planner.ui.printing.range_dialog import PrintRange, RangeDialog
from planner.ui.printing.render import (
    locale_paper,
    page_layout,
    render_season,
    render_weeks,
    season_layout,
    write_pdf,
    write_season_pdf,
)

if TYPE_CHECKING:
    from planner.io.printed_season import PrintedSeason


def _write_calendar(path: Path, sessions: list[Session], units: Units, changed: dt.datetime,
                    write: ExportWriter, relay: PrintActions) -> None:
    """On a plain Python thread, not a QThread: a QThread still running when the window goes away
    aborts the process, while Python waits for this one at exit, so the file is always finished.
    The signals cross back to the GUI thread queued; if the actions are gone by then, nobody hears."""
    from planner.io.ics_export import write_ics  # icalendar is loaded when a calendar is written

    try:
        count = write_ics(path, sessions, units, changed, write)
    except OSError as exc:
        message = f"Cannot write {path}: {exc.strerror or exc}"
        with contextlib.suppress(RuntimeError):  # the window (and so `relay`) was closed meanwhile
            relay.calendar_failed.emit(message)
    else:
        with contextlib.suppress(RuntimeError):
            relay.calendar_written.emit(path, count)


class PrintActions(QObject):
    """The printing and calendar-export actions over `store` (read only).

    `current_week` returns a day of the week on screen; the range starts with that week.
    """

    calendar_written = Signal(object, int)  # path, number of events
    calendar_failed = Signal(str)

    def __init__(self, store: Any, current_week: Callable[[], dt.date], parent: QWidget | None = None,
                 load: Any = None, season_weeks: Callable[[], int] = lambda: 0) -> None:
        super().__init__(parent)
        self.store, self.current_week, self.window = store, current_week, parent
        self.load = load  # the window's LoadService: the page reads the charts' load history
        #: Weeks of the season view while it is shown (0 otherwise): then printing gives the season.
        self.season_weeks = season_weeks
        self.calendar_failed.connect(self._show_error)
        self.print_action = self._action("&Print…", self.print_weeks, QKeySequence.StandardKey.Print,
                                         "Print the week on paper, one week per sheet")
        self.preview_action = self._action("Print Pre&view…", self.preview, None,
                                           "See the printed pages before printing")
        self.export_pdf_action = self._action("Export P&DF…", self.export_pdf, "Ctrl+Shift+P",
                                              "Save the printed week as a PDF file")
        self.export_ics_action = self._action("Export &calendar (iCalendar)…", self.export_calendar, None,
                                              "Save the sessions as a calendar file for Google, Apple or "
                                              "Outlook calendars; importing again updates the events")

    def actions(self) -> list[QAction]:
        return [self.print_action, self.preview_action, self.export_pdf_action, self.export_ics_action]

    def _action(self, text: str, slot: Callable[[], object], shortcut: object, tip: str) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))  # type: ignore[arg-type]
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.triggered.connect(slot)
        return action

    # -- what to print ----------------------------------------------------------------------------
    def first_day(self) -> dt.date:
        return first_day_of_week(self.current_week(), self.store.profile.get())

    def weeks(self, count: int) -> list[PrintedWeek]:
        return printed_weeks(self.store, self.first_day(), count, self.load)

    def season(self) -> PrintedSeason:
        """The season shown, as a block of weeks on paper."""
        from planner.io.printed_season import build_printed_season
        from planner.services.load import LoadService
        from planner.services.season import season_summaries

        first, profile = self.first_day(), self.store.profile.get()
        firsts = [first + dt.timedelta(weeks=k) for k in range(self.season_weeks())]
        summaries = season_summaries(self.load or LoadService(self.store), firsts, dt.date.today())
        return build_printed_season(first, self.store.sessions.between, profile, summaries)

    def ask_range(self, title: str, *, pdf: bool = False, calendar: bool = False) -> PrintRange | None:
        dialog = RangeDialog(self.first_day(), title, self.window, paper=locale_paper() if pdf else None,
                             whole_plan=calendar)
        return dialog.result_range() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def ask_save_path(self, title: str, suggested: str, filter: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self.window, title, suggested, filter)
        return Path(name) if name else None

    # -- the actions ------------------------------------------------------------------------------
    def print_weeks(self) -> None:
        if self.season_weeks() and QPrinterInfo.availablePrinterNames():
            printer = self._printer(locale_paper(), season=True)
            if QPrintDialog(printer, self.window).exec() == QDialog.DialogCode.Accepted:
                self._render_season(printer, self.season())
            return
        if not QPrinterInfo.availablePrinterNames():
            answer = QMessageBox.question(
                self.window, "Print",
                "No printer is set up on this computer.\n\nSave the week as a PDF file instead? "
                "You can print the PDF on another computer.")
            if answer == QMessageBox.StandardButton.Yes:
                self.export_pdf()
            return
        chosen = self.ask_range("Print")
        if chosen is None:
            return
        printer = self._printer(locale_paper())
        dialog = QPrintDialog(printer, self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._render(printer, self.weeks(chosen.weeks))

    def preview(self) -> None:
        if self.season_weeks():
            season = self.season()
            printer = self._printer(locale_paper(), season=True)
            dialog = QPrintPreviewDialog(printer, self.window)
            dialog.setWindowTitle("Print preview")
            dialog.paintRequested.connect(lambda printer: self._render_season(printer, season))
            dialog.exec()
            return
        chosen = self.ask_range("Print preview")
        if chosen is None:
            return
        weeks = self.weeks(chosen.weeks)
        printer = self._printer(locale_paper())  # kept in a name: the dialog does not own it
        dialog = QPrintPreviewDialog(printer, self.window)
        dialog.setWindowTitle("Print preview")
        dialog.paintRequested.connect(lambda printer: self._render(printer, weeks))
        dialog.exec()

    def export_pdf(self) -> Path | None:
        if self.season_weeks():
            return self.export_season_pdf()
        chosen = self.ask_range("Export PDF", pdf=True)
        if chosen is None:
            return None
        suggested = f"plan-{iso_week_name(self.first_day())}" + (f"-{chosen.weeks}-weeks" if chosen.weeks > 1 else "")
        path = self.ask_save_path("Export PDF", suggested + ".pdf", "PDF files (*.pdf)")
        if path is None:
            return None
        try:
            write_pdf(path, self.weeks(chosen.weeks), chosen.paper, export_writer(self.store))
        except OSError as exc:
            self._error(f"Cannot write {path}: {exc.strerror or exc}")
            return None
        return path

    def export_season_pdf(self) -> Path | None:
        """The season shown as a PDF (portrait, A4 or Letter from the locale)."""
        weeks = self.season_weeks()
        path = self.ask_save_path("Export PDF", f"season-{iso_week_name(self.first_day())}-{weeks}-weeks.pdf",
                                  "PDF files (*.pdf)")
        if path is None:
            return None
        try:
            write_season_pdf(path, self.season(), write=export_writer(self.store))
        except OSError as exc:
            self._error(f"Cannot write {path}: {exc.strerror or exc}")
            return None
        return path

    def export_calendar(self) -> Path | None:
        """Ask, then write the file on a worker thread: ten years of sessions take seconds
        (PLATFORM.md, Calendar files). `calendar_written` or `calendar_failed` says how it ended."""
        chosen = self.ask_range("Export calendar", calendar=True)
        if chosen is None:
            return None
        if chosen.whole_plan:
            sessions = self.store.sessions.all()
        else:
            first = self.first_day()
            sessions = self.store.sessions.between(first, first + dt.timedelta(weeks=chosen.weeks, days=-1))
        path = self.ask_save_path("Export calendar", "training-plan.ics", "Calendar files (*.ics)")
        if path is None:
            return None
        from planner.io.ics_export import plan_changed_at

        units, changed = self.store.profile.get().units, plan_changed_at(self.store.path)
        threading.Thread(target=_write_calendar, args=(path, sessions, units, changed, export_writer(self.store), self),
                         name="export-calendar").start()
        return path

    # -- helpers ----------------------------------------------------------------------------------
    @staticmethod
    def _printer(paper: Paper, *, season: bool = False) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(season_layout(paper) if season else page_layout(paper))
        printer.setDocName("Hybrid Planner season" if season else "Hybrid Planner week")
        return printer

    def _render_season(self, printer: QPrinter, season: PrintedSeason) -> None:
        try:
            render_season(printer, season)
        except OSError as exc:
            self._error(str(exc))

    def _render(self, printer: QPrinter, weeks: list[PrintedWeek]) -> None:
        try:
            render_weeks(printer, weeks)
        except OSError as exc:
            self._error(str(exc))

    def _show_error(self, message: str) -> None:
        self._error(message)

    def _error(self, message: str) -> None:
        QMessageBox.warning(self.window, "Hybrid Planner", message)
