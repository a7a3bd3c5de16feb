"""Paper is paper: Print Preview shows the week black on white in the light and the dark theme.

The preview replays each recorded page on the screen with the window's own text colour; a pen
equal to QPainter's default black was never recorded, so in the dark theme the header came out
near-white on white paper."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QApplication

from planner.domain.enums import Kind
from planner.domain.profile import Profile
from planner.domain.session import Session
from planner.io.paper import Paper
from planner.io.printed_week import build_printed_weeks
from planner.ui.printing.render import page_layout, render_weeks
from planner.ui.theme import apply_theme

MONDAY = dt.date(2026, 11, 23)
RUN = Session(kind=Kind.RUN, type="easy", title="Easy run", duration_min=50, rpe=3, id=1, distance_km=9,
              target="Z2, 5:40/km", date=MONDAY)


@pytest.fixture
def themed(qapp):
    def use(theme: str) -> None:
        apply_theme(qapp, theme)

    yield use
    apply_theme(qapp, "light")


def preview_image(qtbot, page: int) -> QImage:
    weeks = build_printed_weeks(MONDAY, 2, lambda a, b: [s for s in (RUN,) if a <= s.date <= b],
                                Profile(name="Sam Runner"))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout(Paper.A4))
    view = QPrintPreviewWidget(printer)
    qtbot.addWidget(view)
    view.paintRequested.connect(lambda p: render_weeks(p, weeks))
    view.resize(1400, 1000)
    view.show()
    view.updatePreview()
    view.fitToWidth()
    view.setCurrentPage(page)
    QApplication.processEvents()
    return view.grab().toImage()


def paper_rect(img: QImage) -> tuple[int, int, int, int]:
    """The white sheet: the first and last rows and columns through the middle that are pure white."""
    mid_y, mid_x = img.height() // 2, img.width() // 2
    xs = [x for x in range(img.width()) if img.pixelColor(x, mid_y) == QColor(255, 255, 255)]
    ys = [y for y in range(img.height()) if img.pixelColor(mid_x, y) == QColor(255, 255, 255)]
    return xs[0], ys[0], xs[-1], ys[-1]


def header_ink(img: QImage) -> list[QColor]:
    """Every pixel of the header's text lines: the top 3-12 % of the sheet, above the header rule."""
    left, top, right, bottom = paper_rect(img)
    height = bottom - top
    return [img.pixelColor(x, y) for y in range(top + height * 3 // 100, top + height * 12 // 100)
            for x in range(left, right, 2)]


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("page", [1, 2])
def test_the_page_header_is_black_on_white_in_every_theme(qtbot, themed, theme, page):
    themed(theme)
    img = preview_image(qtbot, page)
    ink = header_ink(img)
    darkest = min(ink, key=lambda c: c.lightness())
    assert darkest.lightness() < 40, f"header ink is {darkest.name()}"  # black text, anti-aliased
    assert max(darkest.red(), darkest.green(), darkest.blue()) - min(
        darkest.red(), darkest.green(), darkest.blue()) < 10  # grey, not a theme colour
    assert sum(c.lightness() < 128 for c in ink) > 200  # whole words, not one stray pixel
    assert img.pixelColor(*paper_rect(img)[:2]) == QColor(255, 255, 255)
