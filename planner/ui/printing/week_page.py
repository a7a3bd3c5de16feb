"""One week on paper (landscape): header, seven day columns, nutrition targets, totals, findings, notes.

Drawn with QPainter and QTextLayout onto any QPagedPaintDevice (QPdfWriter, QPrinter, a preview),
never a screenshot of a widget: real, searchable text at the device's resolution (PLATFORM.md).
Black text, grey rules and light-grey day headings, so a black-and-white printer loses nothing.

A busy week still fits: text wraps inside its column, then everything shrinks step by step down to
`SCALES[-1]` (6 pt detail text at the smallest). If the week is still too long, the day columns go
on over continuation pages, row by row, so nothing is ever cut off.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPagedPaintDevice, QPainter, QPen

from planner.domain.enums import Kind, Status
from planner.io.printed_week import PrintedDay, PrintedSession, PrintedWeek
from planner.ui.printing.text_rows import (
    BLACK,
    GREY,
    Row,
    draw_stack,
    font,
    gap,
    keep_quantities_together,
    rule,
    split_rows,
    stack_height,
    text_rows,
)
from planner.words.dates import short_date

#: Sizes are scaled together: a light week prints a little larger (easier to read on the fridge),
#: a busy one smaller, down to 6 pt detail text, until the week fits on one sheet.
SCALES = (1.15, 1.0, 0.93, 0.86, 0.8)
TITLE_PT, SUB_PT, DAY_PT, SESSION_PT, DETAIL_PT, NOTES_PT, BAND_PT = 15.0, 9.0, 9.0, 8.5, 7.5, 7.0, 8.0
GUTTER_MM, PAD_MM, BOX_MM, NOTES_MIN_MM, NOTE_LINE_MM = 2.0, 1.2, 3.0, 22.0, 6.5
BAND_MAX = 0.4  # of the sheet's height, for the findings in the bottom band
TOTALS_WIDTH = 0.36  # of the sheet's width
FINDINGS_WIDTH = 0.36
SHADE = QColor(228, 228, 228)
WHITE = QColor(255, 255, 255)


@dataclass(frozen=True)
class _Page:
    columns: tuple[list[Row], ...]
    first: bool
    band: bool
    findings: tuple[list[Row], ...] = ()  # plan-check findings the band had no room for


class WeekPage:
    """The layout of one week on `device`; `pages()` says how many sheets it takes."""

    def __init__(self, week: PrintedWeek, device: QPagedPaintDevice) -> None:
        self.week, self.device = week, device
        self.dpi = device.logicalDpiY()
        self.width, self.height = float(device.width()), float(device.height())
        self.scale = SCALES[0]
        self._band_cache: dict[float, tuple[list[tuple[str, list[Row], float]], list[Row]]] = {}
        self._pages: list[_Page] = []
        for scale in SCALES:
            self.scale = scale
            self._pages = self._paginate()
            if sum(1 for p in self._pages if not p.findings) == 1:  # the week itself fits one sheet
                break

    # -- sizes ------------------------------------------------------------------------------------
    def mm(self, x: float) -> float:
        return x * self.dpi / 25.4

    def pt(self, size: float) -> float:
        return size * self.scale

    @property
    def column_width(self) -> float:
        return (self.width - 6 * self.mm(GUTTER_MM)) / 7

    def column_x(self, i: int) -> float:
        return i * (self.column_width + self.mm(GUTTER_MM))

    def page_count(self) -> int:
        return len(self._pages)

    # -- building rows ----------------------------------------------------------------------------
    def _session_rows(self, s: PrintedSession) -> list[Row]:
        width, dev = self.column_width, self.device
        box = self.mm(BOX_MM) * max(self.scale, 0.85)
        indent = box + self.mm(1.2)
        title = f"{s.time}  {s.title}" if s.time else s.title
        rows = text_rows(title, font(self.pt(SESSION_PT), bold=True), width, dev, indent=indent,
                         strike=s.status is Status.SKIPPED, keep=True)
        if s.kind is not Kind.REST:
            rows[0] = self._with_tick_box(rows[0], box, s.status)
        detail = font(self.pt(DETAIL_PT))
        for i, line in enumerate(s.lines):
            rows += text_rows(keep_quantities_together(line),
                              font(self.pt(DETAIL_PT), italic=True) if i == 0 else detail, width, dev,
                              indent=indent, hang=self.mm(2.5), color=GREY if i == 0 else BLACK)
        if s.notes:
            rows += text_rows(s.notes, font(self.pt(NOTES_PT), italic=True), width, dev, indent=indent, color=GREY)
        return rows

    def _with_tick_box(self, row: Row, box: float, status: Status) -> Row:
        pen_w = self.mm(0.25)

        def draw(painter: QPainter, x: float, top: float) -> None:
            y = top + (row.height - box) / 2
            painter.setPen(QPen(BLACK, pen_w))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(x, y, box, box))
            if status is Status.DONE:
                painter.setPen(QPen(BLACK, pen_w * 1.6))
                painter.drawPolyline([QPointF(x + box * 0.2, y + box * 0.55), QPointF(x + box * 0.42, y + box * 0.8),
                                      QPointF(x + box * 0.85, y + box * 0.2)])
            row.draw(painter, x, top)

        return Row(row.height, draw, row.keep)

    def _day_rows(self, day: PrintedDay) -> list[Row]:
        rows: list[Row] = [gap(self.mm(1.0))]
        if not day.sessions:
            return rows + text_rows("No session", font(self.pt(DETAIL_PT), italic=True), self.column_width,
                                    self.device, color=GREY)
        for i, s in enumerate(day.sessions):
            if i:
                rows.append(rule(self.mm(2.4), self.column_width, self.mm(0.15)))
            rows += self._session_rows(s)
        return rows

    def _nutrition_rows(self, day: PrintedDay) -> list[Row]:
        targets = (self.week.nutrition_by_day or {}).get(day.date)
        lines = targets.lines(self.week.units) if targets else ("–",)
        rows: list[Row] = []
        for line in lines:
            rows += text_rows(line, font(self.pt(DETAIL_PT)), self.column_width, self.device)
        return rows

    def _header_height(self) -> float:
        return self.mm(19) * self.scale + self.mm(2) + stack_height(self._paces_rows())

    def _paces_rows(self) -> list[Row]:
        """The training paces under the header's dates and load, the width of the header's left side."""
        if not self.week.paces:
            return []
        return text_rows(self.week.paces, font(self.pt(SUB_PT) * 0.9), self.width * 0.62, self.device)

    def _day_heading_height(self) -> float:
        return self.mm(6) * self.scale

    def _nutrition_height(self) -> float:
        if self.week.nutrition_by_day is None:
            return 0.0
        label = self.mm(4.5) * self.scale
        return label + max(stack_height(self._nutrition_rows(d)) for d in self.week.days) + self.mm(2)

    def _band_boxes(self) -> list[tuple[str, list[Row], float]]:
        """(heading, rows, width fraction) of the boxes along the bottom; notes take the rest.

        Findings beyond `BAND_MAX` of the sheet go on over sheets of their own (`_overflow`)."""
        cached = self._band_cache.get(self.scale)
        if cached is not None:
            return cached[0]
        boxes: list[tuple[str, list[Row], float]] = []
        totals = list(self.week.totals) + list(self.week.load_totals or ())
        inner = self._inner_width(TOTALS_WIDTH)
        sources = text_rows(" ".join(self.week.sources), font(self.pt(NOTES_PT), italic=True), inner, self.device,
                            color=GREY) if self.week.sources else []
        rows = self._pairs_rows(totals, inner) + [gap(self.mm(1))] + sources
        boxes.append(("This week", rows, TOTALS_WIDTH))
        overflow: list[Row] = []
        if self.week.findings is not None:
            lines = [f"{f.severity}{f' ({f.day:%a})' if f.day else ''}: {f.text}" for f in self.week.findings]
            found: list[Row] = []
            for line in lines or ["No findings"]:
                found += text_rows(line, font(self.pt(BAND_PT)), self._inner_width(FINDINGS_WIDTH), self.device)
            found, overflow = split_rows(found, self.height * BAND_MAX)
            boxes.append(("Plan check", found, FINDINGS_WIDTH))
        self._band_cache[self.scale] = (boxes, overflow)
        return boxes

    def _overflow(self) -> list[Row]:
        self._band_boxes()
        return self._band_cache[self.scale][1]

    def _inner_width(self, fraction: float) -> float:
        """Room for text in a bottom box `fraction` of the sheet wide (less the gap and padding)."""
        return self.width * fraction - self.mm(GUTTER_MM) - 2 * self.mm(PAD_MM)

    def _pairs_rows(self, pairs: Sequence[tuple[str, str]], width: float) -> list[Row]:
        rows: list[Row] = []
        for label, value in pairs:
            rows += text_rows(f"{label}: {value}", font(self.pt(BAND_PT)), width, self.device)
        return rows

    def _band_height(self) -> float:
        heading = self.mm(5) * self.scale
        content = max([stack_height(r) for _, r, _ in self._band_boxes()] + [self.mm(NOTES_MIN_MM) * self.scale])
        return heading + content + 2 * self.mm(PAD_MM) + self.mm(2)

    # -- pages ------------------------------------------------------------------------------------
    def _paginate(self) -> list[_Page]:
        remaining = [self._day_rows(d) for d in self.week.days]
        top = self._header_height() + self._day_heading_height()
        band = self._band_height()
        nutrition = self._nutrition_height()
        pages: list[_Page] = []
        while True:
            first = not pages
            room = self.height - top - (nutrition if first else 0.0)
            parts = [split_rows(rows, room) if rows else ([], []) for rows in remaining]
            taken = tuple(p[0] for p in parts)
            remaining = [p[1] for p in parts]
            used = max((stack_height(c) for c in taken), default=0.0)
            if not any(remaining):
                if used + band <= room:
                    pages.append(_Page(taken, first, band=True))
                else:
                    pages.append(_Page(taken, first, band=False))
                    pages.append(_Page(tuple([] for _ in taken), False, band=True))
                return pages + self._findings_pages(len(taken))
            pages.append(_Page(taken, first, band=False))

    def _findings_pages(self, columns: int) -> list[_Page]:
        """Sheets for the findings the band had no room for, in up to two columns a sheet."""
        rest, pages = self._overflow(), []
        room = self.height - self._header_height() - self.mm(8) * self.scale
        while rest:
            left, rest = split_rows(rest, room)
            right, rest = split_rows(rest, room) if rest else ([], [])
            pages.append(_Page(tuple([] for _ in range(columns)), False, band=False,
                               findings=(left, right) if right else (left,)))
        return pages

    # -- drawing ----------------------------------------------------------------------------------
    def draw(self, painter: QPainter, device: QPagedPaintDevice, *, new_page_first: bool = False) -> None:
        """Draw every page of the week; `new_page_first` starts a new sheet before the first one."""
        for n, page in enumerate(self._pages):
            if n or new_page_first:
                device.newPage()
            self._draw_page(painter, page, n)

    def _draw_page(self, painter: QPainter, page: _Page, n: int) -> None:
        """Columns from the top; the nutrition row and the bottom band sit at the foot of the sheet,
        so the space a light week leaves is in the columns, where there is room to write."""
        self._start_sheet(painter)
        y = self._draw_header(painter, n)
        if page.findings:
            self._draw_findings_page(painter, page.findings, y)
            return
        y = self._draw_day_headings(painter, y)
        for i, rows in enumerate(page.columns):
            draw_stack(painter, rows, self.column_x(i), y)
        foot = self.height - (self._band_height() if page.band else 0.0)
        if page.first and self.week.nutrition_by_day is not None:
            foot -= self._nutrition_height()
            self._draw_nutrition(painter, foot)
        self._draw_column_rules(painter, y, foot)
        if page.band:
            self._draw_band(painter, self.height - self._band_height() + self.mm(2))

    def _start_sheet(self, painter: QPainter) -> None:
        start_sheet(painter, self.width, self.height)

    def _draw_header(self, painter: QPainter, n: int) -> float:
        w, week = self.width, self.week
        title = week.title + ("" if n == 0 else " (continued)")
        left = [(title, font(self.pt(TITLE_PT), bold=True)), (week.dates, font(self.pt(SUB_PT)))]
        if week.load is not None:
            left.append((week.load.text(), font(self.pt(SUB_PT) * 0.9, italic=True)))
        if week.paces:
            left.append((week.paces, font(self.pt(SUB_PT) * 0.9)))
        right = [(week.athlete, font(self.pt(TITLE_PT) * 0.8, bold=True)),
                 (f"Goal: {week.goal}", font(self.pt(SUB_PT)))]
        if len(self._pages) > 1:
            right.append((f"Page {n + 1} of {len(self._pages)}", font(self.pt(SUB_PT) * 0.9)))
        for lines, align in ((left, Qt.AlignmentFlag.AlignLeft), (right, Qt.AlignmentFlag.AlignRight)):
            y = 0.0
            for text, f in lines:
                rows = text_rows(text, f, w * (0.62 if align is Qt.AlignmentFlag.AlignLeft else 0.36), self.device)
                for r in rows:
                    if align is Qt.AlignmentFlag.AlignRight:
                        painter.setFont(f)
                        painter.setPen(BLACK)
                        painter.drawText(QRectF(w * 0.6, y, w * 0.4, r.height),
                                         int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), text)
                        y += r.height
                        break
                    r.draw(painter, 0.0, y)
                    y += r.height
        y = self._header_height() - self.mm(1.5)
        painter.setPen(QPen(BLACK, self.mm(0.4)))
        painter.drawLine(QPointF(0, y), QPointF(w, y))
        return self._header_height()

    def _draw_day_headings(self, painter: QPainter, y: float) -> float:
        h = self._day_heading_height()
        f = font(self.pt(DAY_PT), bold=True)
        painter.setFont(f)
        for i, day in enumerate(self.week.days):
            rect = QRectF(self.column_x(i), y, self.column_width, h)
            painter.fillRect(rect, QBrush(SHADE))
            painter.setPen(BLACK)
            painter.drawText(rect.adjusted(self.mm(PAD_MM), 0, 0, 0),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             short_date(day.date))
        return y + h

    def _draw_column_rules(self, painter: QPainter, top: float, bottom: float) -> None:
        painter.setPen(QPen(SHADE, self.mm(0.3)))
        for i in range(1, 7):
            x = self.column_x(i) - self.mm(GUTTER_MM) / 2
            painter.drawLine(QPointF(x, top), QPointF(x, bottom))

    def _draw_nutrition(self, painter: QPainter, y: float) -> float:
        y += self.mm(1)
        painter.setPen(QPen(GREY, self.mm(0.2)))
        painter.drawLine(QPointF(0, y), QPointF(self.width, y))
        label = text_rows("Daily nutrition targets", font(self.pt(BAND_PT), bold=True), self.width, self.device)
        y = draw_stack(painter, label, 0.0, y + self.mm(0.5))
        bottom = y
        for i, day in enumerate(self.week.days):
            bottom = max(bottom, draw_stack(painter, self._nutrition_rows(day), self.column_x(i), y))
        return bottom + self.mm(1)

    def _draw_band(self, painter: QPainter, y: float) -> None:
        x, pad = 0.0, self.mm(PAD_MM)
        height = self.height - y
        boxes = list(self._band_boxes())
        used = sum(frac for _, _, frac in boxes)
        boxes.append(("Notes", [], 1.0 - used))
        heading = font(self.pt(BAND_PT), bold=True)
        for title, rows, frac in boxes:
            w = self.width * frac - (self.mm(GUTTER_MM) if title != "Notes" else 0.0)
            painter.setPen(QPen(BLACK, self.mm(0.25)))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(x, y, w, height))
            head = text_rows(title, heading, w - 2 * pad, self.device)
            top = draw_stack(painter, head, x + pad, y + pad)
            if title == "Notes":
                self._draw_note_lines(painter, x + pad, top, w - 2 * pad, y + height - pad)
            else:
                draw_stack(painter, rows, x + pad, top + self.mm(0.5))
            x += self.width * frac

    def _draw_findings_page(self, painter: QPainter, stacks: tuple[list[Row], ...], y: float) -> None:
        head = text_rows("Plan check (continued)", font(self.pt(BAND_PT), bold=True), self.width, self.device)
        y = draw_stack(painter, head, 0.0, y) + self.mm(1)
        for i, rows in enumerate(stacks):
            draw_stack(painter, rows, i * self.width * (FINDINGS_WIDTH + 0.04), y)

    def _draw_note_lines(self, painter: QPainter, x: float, top: float, width: float, bottom: float) -> None:
        painter.setPen(QPen(SHADE, self.mm(0.2)))
        y = top + self.mm(NOTE_LINE_MM)
        while y <= bottom:
            painter.drawLine(QPointF(x, y), QPointF(x + width, y))
            y += self.mm(NOTE_LINE_MM)


def start_sheet(painter: QPainter, width: float, height: float) -> None:
    """Paper is white and ink is black in every theme. Print Preview records a page as the
    painter's changes and replays them on the screen, starting from the window's text colour
    (near-white in the dark theme); a pen equal to QPainter's default black is no change, so it
    was never recorded and the header came out white on white. Filling the sheet and going
    through another pen put white paper and black ink in the recording of every sheet."""
    painter.fillRect(QRectF(0, 0, width, height), QBrush(WHITE))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setPen(BLACK)
    painter.setBrush(Qt.BrushStyle.NoBrush)
