"""Put printed weeks onto a PDF file or a printer: page set-up, one painter, one week per sheet.

Landscape, 10 mm margins, A4 or Letter from the locale. The painter is always ended in `finally`: a
painter left open on a QPdfWriter when an exception unwinds crashes the process (PLATFORM.md).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QLocale, QMarginsF
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPageSize, QPainter, QPdfWriter

from planner.io.paper import Paper, country_of_locale, paper_for_country
from planner.io.printed_season import PrintedSeason
from planner.io.printed_week import PrintedWeek
from planner.ui.printing.week_page import WeekPage

MARGIN_MM = 10.0
PDF_DPI = 600  # vector output either way; 600 keeps coordinates exact enough and the file small
PDF_TITLE = "Hybrid Planner week"


def locale_paper(locale: QLocale | None = None) -> Paper:
    return paper_for_country(country_of_locale((locale or QLocale()).name()))


def page_size(paper: Paper) -> QPageSize:
    return QPageSize(QPageSize.PageSizeId.Letter if Paper(paper) is Paper.LETTER else QPageSize.PageSizeId.A4)


def page_layout(paper: Paper, orientation: QPageLayout.Orientation = QPageLayout.Orientation.Landscape
                ) -> QPageLayout:
    """Landscape for a week (seven columns); portrait for a season (a line per day)."""
    return QPageLayout(page_size(paper), orientation,
                       QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)


def season_layout(paper: Paper) -> QPageLayout:
    return page_layout(paper, QPageLayout.Orientation.Portrait)


def render_weeks(device: QPagedPaintDevice, weeks: Sequence[PrintedWeek]) -> int:
    """Draw `weeks` onto an already set-up device, one or more sheets each; returns the sheet count."""
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("cannot draw on the printer or file (is it writable?)")
    sheets = 0
    try:
        for i, week in enumerate(weeks):
            page = WeekPage(week, device)
            page.draw(painter, device, new_page_first=i > 0)
            sheets += page.page_count()
    finally:
        painter.end()
    return sheets


def render_season(device: QPagedPaintDevice, season: PrintedSeason) -> int:
    """Draw a season onto an already set-up device (portrait); returns the sheet count."""
    from planner.ui.printing.season_page import SeasonPage

    painter = QPainter()
    if not painter.begin(device):
        raise OSError("cannot draw on the printer or file (is it writable?)")
    try:
        page = SeasonPage(season, device)
        page.draw(painter, device)
    finally:
        painter.end()
    return page.page_count()


def _pdf(draw: Callable[[QPdfWriter], int], layout: QPageLayout, title: str) -> tuple[bytes, int]:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(layout)
    writer.setTitle(title)
    writer.setCreator("Hybrid Planner")
    pages = draw(writer)  # the PDF is complete once the painter has ended
    data = bytes(buffer.data().data())
    buffer.close()
    return data, pages


def pdf_bytes(weeks: Sequence[PrintedWeek], paper: Paper | None = None) -> tuple[bytes, int]:
    """`weeks` as the bytes of a PDF file, and its number of pages."""
    if not weeks:
        raise ValueError("no week to print")
    return _pdf(lambda writer: render_weeks(writer, weeks), page_layout(paper or locale_paper()), PDF_TITLE)


def season_pdf_bytes(season: PrintedSeason, paper: Paper | None = None) -> tuple[bytes, int]:
    """A season as the bytes of a PDF file (portrait), and its number of pages."""
    return _pdf(lambda writer: render_season(writer, season), season_layout(paper or locale_paper()),
                "Hybrid Planner season")


#: write(target, payload): the store's export writer, or None for a file of no plan
Write = Callable[[Path, bytes], object] | None


def write_pdf(path: Path, weeks: Sequence[PrintedWeek], paper: Paper | None = None, write: Write = None) -> int:
    """Write `weeks` as a PDF file at `path`; returns the number of pages.

    Drawn in memory, then written through `write` (the store's export writer: a temporary file
    renamed over the target, never over the app's own files or a device): an unwritable path gets
    the system's own message, and a failure never leaves half a PDF.
    """
    return _write(Path(path), *pdf_bytes(weeks, paper), write=write)


def write_season_pdf(path: Path, season: PrintedSeason, paper: Paper | None = None, write: Write = None) -> int:
    """Write a season as a PDF file at `path`, as `write_pdf` writes weeks; returns the page count."""
    return _write(Path(path), *season_pdf_bytes(season, paper), write=write)


def _write(path: Path, data: bytes, pages: int, write: Write) -> int:
    if write is None:  # a file of no plan: only the atomic, regular-files-only rule applies
        from planner.services.exports import write_unowned as write
    write(path, data)
    return pages
