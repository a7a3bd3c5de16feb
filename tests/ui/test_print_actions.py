"""File > Print, Print Preview, Export PDF and Export calendar, with the dialogs answered by the test."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar
from pypdf import PdfReader
from PySide6.QtGui import QKeySequence, QPageLayout
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from planner.domain.enums import Kind
from planner.domain.session import Session
from planner.io.paper import Paper
from planner.store.database import open_store
from planner.ui.printing import actions as actions_module
from planner.ui.printing.actions import PrintActions
from planner.ui.printing.range_dialog import PrintRange, RangeDialog

MONDAY = dt.date(2026, 11, 23)


def text_of(path) -> list[str]:
    return [" ".join(p.extract_text().split()) for p in PdfReader(path).pages]


@pytest.fixture
def printing(data_dir, qtbot):
    store = open_store(data_dir)
    store.sessions.apply(put=[
        Session(kind=Kind.RUN, title="Tempo run", duration_min=50, rpe=7, distance_km=10, date=MONDAY + dt.timedelta(1),
                time=dt.time(6, 45)),
        Session(kind=Kind.RUN, title="Next week's long run", duration_min=100, rpe=5, date=MONDAY + dt.timedelta(13)),
        Session(kind=Kind.LIFT, title="Last month's squats", duration_min=60, rpe=8, date=MONDAY - dt.timedelta(30)),
    ])
    parent = QWidget()
    qtbot.addWidget(parent)
    p = PrintActions(store, lambda: MONDAY + dt.timedelta(days=3), parent)
    p.parent_widget = parent  # keep it alive
    yield p
    store.close()


def answer(p: PrintActions, monkeypatch, chosen: PrintRange | None, path) -> None:
    monkeypatch.setattr(p, "ask_range", lambda *a, **k: chosen)
    monkeypatch.setattr(p, "ask_save_path", lambda *a, **k: path)


def test_actions_and_shortcut(printing):
    assert [a.text() for a in printing.actions()] == [
        "&Print…", "Print Pre&view…", "Export P&DF…", "Export &calendar (iCalendar)…"]
    assert printing.print_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Print)
    assert printing.print_action.shortcut().toString() == "Ctrl+P"


def test_export_pdf_of_the_week_on_screen(printing, monkeypatch, tmp_path):
    answer(printing, monkeypatch, PrintRange(weeks=2, paper=Paper.LETTER), tmp_path / "plan.pdf")
    assert printing.export_pdf() == tmp_path / "plan.pdf"
    pages = text_of(tmp_path / "plan.pdf")
    assert len(pages) == 2
    assert "Week 2026-W48" in pages[0] and "06:45 Tempo run" in pages[0]
    assert "Week 2026-W49" in pages[1] and "Next week's long run" in pages[1]
    box = PdfReader(tmp_path / "plan.pdf").pages[0].mediabox
    assert (round(box.width), round(box.height)) == (792, 612)


def export_calendar(printing, qtbot):
    with qtbot.waitSignal(printing.calendar_written, timeout=10_000) as done:
        printing.export_calendar()
    return done.args


def test_cancelled_dialogs_write_nothing(printing, monkeypatch, tmp_path):
    answer(printing, monkeypatch, None, tmp_path / "x.pdf")
    assert printing.export_pdf() is None and printing.export_calendar() is None
    answer(printing, monkeypatch, PrintRange(), None)
    assert printing.export_pdf() is None and printing.export_calendar() is None
    assert [p.name for p in tmp_path.iterdir()] == ["data"]  # the data folder only


def test_export_calendar_this_week_or_the_whole_plan(printing, monkeypatch, tmp_path, qtbot):
    answer(printing, monkeypatch, PrintRange(weeks=1), tmp_path / "week.ics")
    assert export_calendar(printing, qtbot) == [tmp_path / "week.ics", 1]
    [event] = Calendar.from_ical((tmp_path / "week.ics").read_bytes()).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Tempo run" and event["DTSTART"].dt == dt.datetime(2026, 11, 24, 6, 45)
    answer(printing, monkeypatch, PrintRange(whole_plan=True), tmp_path / "all.ics")
    assert export_calendar(printing, qtbot) == [tmp_path / "all.ics", 3]
    events = Calendar.from_ical((tmp_path / "all.ics").read_bytes()).walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == ["Last month's squats", "Tempo run", "Next week's long run"]


def test_print_without_a_printer_offers_a_pdf(printing, monkeypatch, tmp_path):
    monkeypatch.setattr(actions_module.QPrinterInfo, "availablePrinterNames", staticmethod(lambda: []))
    asked = []

    def question(parent, title, text, *a):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(actions_module.QMessageBox, "question", staticmethod(question))
    answer(printing, monkeypatch, PrintRange(), tmp_path / "instead.pdf")
    printing.print_action.trigger()
    assert "No printer is set up" in asked[0]
    assert "Tempo run" in text_of(tmp_path / "instead.pdf")[0]


def test_preview_draws_the_chosen_weeks(printing, monkeypatch, tmp_path):
    target = tmp_path / "preview.pdf"

    def fake_exec(dialog):  # what the preview widget does when it paints: hand us its printer
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        printer.setPageLayout(printing._printer(Paper.A4).pageLayout())
        dialog.paintRequested.emit(printer)
        return 0

    monkeypatch.setattr(QPrintPreviewDialog, "exec", fake_exec)
    answer(printing, monkeypatch, PrintRange(weeks=3), None)
    printing.preview()
    pages = text_of(target)
    assert len(pages) == 3 and "Tempo run" in pages[0] and "Week 2026-W50" in pages[2]
    box = PdfReader(target).pages[0].mediabox
    assert box.width > box.height  # landscape


def test_range_dialog(qtbot):
    d = RangeDialog(MONDAY, "Export PDF", paper=Paper.LETTER)
    qtbot.addWidget(d)
    assert "Mon 23 Nov 2026" in d.this_week.text()
    assert d.result_range() == PrintRange(weeks=1, paper=Paper.LETTER)
    d.count.setValue(6)  # typing a number picks "several weeks"
    assert d.result_range() == PrintRange(weeks=6, paper=Paper.LETTER)
    d.paper.setCurrentIndex(0)
    assert d.result_range().paper is Paper.A4
    whole = RangeDialog(MONDAY, "Export calendar", whole_plan=True)
    qtbot.addWidget(whole)
    whole.everything.setChecked(True)
    assert whole.result_range() == PrintRange(weeks=1, whole_plan=True)


def test_calendar_write_error_is_reported(printing, monkeypatch, tmp_path, qtbot):
    shown = []
    monkeypatch.setattr(printing, "_error", shown.append)
    answer(printing, monkeypatch, PrintRange(), tmp_path / "missing-folder" / "x.ics")
    with qtbot.waitSignal(printing.calendar_failed, timeout=10_000) as failed:
        printing.export_calendar()
    assert failed.args[0].startswith(f"Cannot write {tmp_path / 'missing-folder' / 'x.ics'}: No such file")
    assert shown == [failed.args[0]]  # and the user is told


def test_the_real_preview_dialog_shows_the_pages(printing, monkeypatch, qtbot):
    """The dialog does not own its printer: one dropped by Python crashed the process here."""
    from PySide6.QtCore import QTimer
    from PySide6.QtPrintSupport import QPrintPreviewWidget
    from PySide6.QtWidgets import QApplication

    answer(printing, monkeypatch, PrintRange(weeks=2), None)
    seen = {}

    def look_then_close():
        [dialog] = [w for w in QApplication.topLevelWidgets() if isinstance(w, QPrintPreviewDialog) and w.isVisible()]
        seen["pages"] = dialog.findChild(QPrintPreviewWidget).pageCount()
        dialog.reject()

    QTimer.singleShot(500, look_then_close)
    printing.preview()
    assert seen == {"pages": 2}


def test_wired_into_the_main_window(make_window, monkeypatch, tmp_path, qtbot):
    """The one line the window needs; the actions read the window's own open store."""
    from tests.services.conftest import MONDAY as WEEK
    from tests.services.conftest import run

    window = make_window([run("Window's run", WEEK + dt.timedelta(days=1))])
    printing = PrintActions(window.store, lambda: window.week_model.first_day, window)
    file_menu = window.menuBar().actions()[0].menu()
    file_menu.addActions(printing.actions())
    assert "Export P&DF…" in [a.text() for a in file_menu.actions()]
    window.go_to(WEEK)
    answer(printing, monkeypatch, PrintRange(), tmp_path / "window.pdf")
    printing.export_pdf_action.trigger()
    assert "Window's run" in text_of(tmp_path / "window.pdf")[0]


def test_print_with_a_printer_goes_through_the_print_dialog(printing, monkeypatch, tmp_path):
    monkeypatch.setattr(actions_module.QPrinterInfo, "availablePrinterNames", staticmethod(lambda: ["Office"]))
    seen = {}

    class FakePrintDialog:  # the user picks "print to file" and presses Print
        def __init__(self, printer, parent):
            self.printer = printer

        def exec(self):
            seen["landscape"] = self.printer.pageLayout().orientation()
            self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            self.printer.setOutputFileName(str(tmp_path / "printed.pdf"))
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(actions_module, "QPrintDialog", FakePrintDialog)
    answer(printing, monkeypatch, PrintRange(weeks=2), None)
    printing.print_action.trigger()
    assert seen["landscape"] == QPageLayout.Orientation.Landscape
    pages = text_of(tmp_path / "printed.pdf")
    assert len(pages) == 2 and "06:45 Tempo run" in pages[0]
