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
from planner.io.printed_week import PrintedWeek
from planner.ui.printing.week_page import WeekPage

MARGIN_MM = 10.0
PDF_DPI = 600  # vector output either way; 600 keeps coordinates exact enough and the file small
PDF_TITLE = "Hybrid Planner week"


def locale_paper(locale: QLocale | None = None) -> Paper:
    return paper_for_country(country_of_locale((locale or QLocale()).name()))


def page_size(paper: Paper) -> QPageSize:
    return QPageSize(QPageSize.PageSizeId.Letter if Paper(paper) is Paper.LETTER else QPageSize.PageSizeId.A4)


def page_layout(paper: Paper) -> QPageLayout:
    return QPageLayout(page_size(paper), QPageLayout.Orientation.Landscape,
                       QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)


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


def pdf_bytes(weeks: Sequence[PrintedWeek], paper: Paper | None = None) -> tuple[bytes, int]:
    """`weeks` as the bytes of a PDF file, and its number of pages."""
    if not weeks:
        raise ValueError("no week to print")
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(page_layout(paper or locale_paper()))
    writer.setTitle(PDF_TITLE)
    writer.setCreator("Hybrid Planner")
    pages = render_weeks(writer, weeks)  # the PDF is complete once the painter has ended
    data = bytes(buffer.data().data())
    buffer.close()
    return data, pages


def write_pdf(path: Path, weeks: Sequence[PrintedWeek], paper: Paper | None = None,
              write: Callable[[Path, bytes], object] | None = None) -> int:
    """Write `weeks` as a PDF file at `path`; returns the number of pages.

    Drawn in memory, then written through `write` (the store's export writer: a temporary file
    renamed over the target, never over the app's own files or a device): an unwritable path gets
    the system's own message, and a failure never leaves half a PDF.
    """
    data, pages = pdf_bytes(weeks, paper)
    if write is None:  # a file of no plan: only the atomic, regular-files-only rule applies
        from planner.services.exports import write_unowned as write
    write(Path(path), data)
    return pages
