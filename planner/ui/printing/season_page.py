"""A season on paper (portrait): the weeks as a block, each a heading with its summary and one line
per day. Black text and grey rules on white, in every theme, so a black-and-white printer loses
nothing. A week is kept on one sheet when it fits there; a long line wraps inside its column and
nothing is cut off (a week taller than a sheet goes on over the next, row by row)."""

from __future__ import annotations

from PySide6.QtGui import QPagedPaintDevice, QPainter, QPen

from planner.io.printed_season import PrintedSeason, SeasonWeek
from planner.ui.printing.text_rows import (
    BLACK,
    GREY,
    Row,
    draw_stack,
    font,
    gap,
    keep_quantities_together,
    split_rows,
    stack_height,
    text_rows,
)
from planner.ui.printing.week_page import start_sheet

TITLE_PT, WEEK_PT, SUMMARY_PT, DAY_PT = 14.0, 10.0, 8.5, 8.5
LABEL_MM, GAP_MM = 22.0, 3.0


class SeasonPage:
    def __init__(self, season: PrintedSeason, device: QPagedPaintDevice) -> None:
        self.season, self.device = season, device
        self.dpi = device.logicalDpiY()
        self.width, self.height = float(device.width()), float(device.height())
        self._pages = self._paginate()

    def mm(self, x: float) -> float:
        return x * self.dpi / 25.4

    def page_count(self) -> int:
        return len(self._pages)

    # -- rows -------------------------------------------------------------------------------------
    def _header(self, n: int) -> list[Row]:
        s = self.season
        title = s.title + ("" if n == 0 else " (continued)")
        right = " · ".join(p for p in (s.athlete, f"Goal: {s.goal}") if p)
        rows = text_rows(title, font(TITLE_PT, bold=True), self.width, self.device)
        rows += text_rows(right, font(SUMMARY_PT), self.width, self.device)
        return [*rows, self._rule(self.mm(3), BLACK, 0.4)]

    def _rule(self, height: float, color, width_mm: float) -> Row:  # noqa: ANN001
        def draw(painter: QPainter, x: float, top: float) -> None:
            painter.setPen(QPen(color, self.mm(width_mm)))
            y = top + height / 2
            painter.drawLine(int(x), int(y), int(x + self.width), int(y))

        return Row(height, draw)

    def _day_row(self, label: str, line: str) -> list[Row]:
        """A day: its name in the left column, its sessions wrapped beside it."""
        label_w = self.mm(LABEL_MM)
        left = text_rows(label, font(DAY_PT, bold=True), label_w, self.device)
        right = text_rows(keep_quantities_together(line), font(DAY_PT), self.width - label_w, self.device)
        height = max(stack_height(left), stack_height(right))

        def draw(painter: QPainter, x: float, top: float) -> None:
            draw_stack(painter, left, x, top)
            draw_stack(painter, right, x + label_w, top)

        return [Row(height, draw)]

    def _week_rows(self, week: SeasonWeek) -> list[Row]:
        rows = [*text_rows(week.title, font(WEEK_PT, bold=True), self.width, self.device, keep=True),
                *text_rows(week.summary, font(SUMMARY_PT, italic=True), self.width, self.device, keep=True),
                gap(self.mm(0.8), keep=True)]
        for day in week.days:
            rows += self._day_row(day.label, day.line)
        return [*rows, self._rule(self.mm(GAP_MM), GREY, 0.2)]

    def _paginate(self) -> list[list[Row]]:
        pages: list[list[Row]] = []
        page: list[Row] = []
        room = self.height - stack_height(self._header(0))
        for week in self.season.weeks:
            rows = self._week_rows(week)
            while rows:
                if stack_height(rows) <= room:  # the whole week (or what is left of it) fits here
                    page += rows
                    room -= stack_height(rows)
                    break
                if page and stack_height(rows) <= self.height - stack_height(self._header(1)):
                    pages.append(page)  # a new sheet rather than a week cut in two
                    page, room = [], self.height - stack_height(self._header(len(pages)))
                    continue
                part, rows = split_rows(rows, room)
                if not part and not page:  # a row taller than a sheet: placed anyway, never lost
                    part, rows = rows[:1], rows[1:]
                page += part
                pages.append(page)
                page, room = [], self.height - stack_height(self._header(len(pages)))
        if page or not pages:
            pages.append(page)
        return pages

    # -- drawing ----------------------------------------------------------------------------------
    def draw(self, painter: QPainter, device: QPagedPaintDevice) -> None:
        for n, rows in enumerate(self._pages):
            if n:
                device.newPage()
            start_sheet(painter, self.width, self.height)
            y = draw_stack(painter, self._header(n), 0.0, 0.0)
            draw_stack(painter, rows, 0.0, y)
