"""Text broken into printable rows that a page can place, one line at a time.

Why rows and not one `drawText` per paragraph: a crowded column must be split between pages without
cutting a line in half, and its height must be known before anything is drawn. `QTextLayout` gives
both: it wraps at word boundaries (or anywhere inside a word longer than the column, so nothing runs
off the edge) with the paint device's own font metrics, not the screen's (PLATFORM.md, Printing).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QFont, QPaintDevice, QPainter, QPen, QTextLayout, QTextOption

#: Narrow faces first (more words per column); the fit loop copes with whichever one a machine has.
FAMILIES = ["DejaVu Sans Condensed", "DejaVu Sans", "Liberation Sans Narrow", "Arial Narrow", "Liberation Sans",
            "Arial", "Sans Serif"]
BLACK = QColor(0, 0, 0)
GREY = QColor(90, 90, 90)  # dark enough for a black-and-white printer's dither to stay readable

Draw = Callable[[QPainter, float, float], None]  # painter, left x, top y
NBSP = "\u00a0"
#: Spaces inside "4 × 5", "@ 102.5 kg", "RPE 8", "45 min", "76 fl oz", "2 h 25": a line never breaks
#: inside a quantity.
_GLUED = re.compile(r"(?<=\d) (?=[×x] ?\d)|(?<=[×x]) (?=\d)|(?<=@) (?=\d)|(?<=\d) (?=(kg|lb|km|mi|min|g|L|h|s|fl)\b)"
                    r"|(?<=\b(RPE|RIR)) (?=\d)|(?<=\bfl) (?=oz\b)|(?<=\d h) (?=\d)")


def keep_quantities_together(text: str) -> str:
    return _GLUED.sub(NBSP, text)


@dataclass(frozen=True)
class Row:
    """Something a column stacks: a line of text, a gap, a rule. `keep` ties it to the next row."""

    height: float
    draw: Draw
    keep: bool = False


def font(point_size: float, *, bold: bool = False, italic: bool = False) -> QFont:
    f = QFont()
    f.setFamilies(FAMILIES)
    f.setPointSizeF(point_size)
    f.setBold(bold)
    f.setItalic(italic)
    # "fl" and "fi" would reach pdftotext as ligature code points and break text searches.
    f.setFeature(QFont.Tag("liga"), 0)
    f.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return f


def text_rows(
    text: str,
    qfont: QFont,
    width: float,
    device: QPaintDevice,
    *,
    color: QColor = BLACK,
    indent: float = 0.0,
    hang: float = 0.0,
    strike: bool = False,
    keep: bool = False,
) -> list[Row]:
    """The rows of `text` wrapped to `width` (device units); `indent` shifts every line right and
    `hang` shifts the wrapped lines after the first further still (a hanging indent)."""
    if strike:
        qfont = QFont(qfont)
        qfont.setStrikeOut(True)
    layout = QTextLayout(text, qfont, device)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.setCacheEnabled(True)
    layout.beginLayout()
    y = 0.0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        shift = hang if layout.lineCount() > 1 else 0.0
        line.setLineWidth(max(width - indent - shift, 1.0))
        line.setPosition(QPointF(shift, y))
        y += line.height()
    layout.endLayout()
    rows = []
    count = layout.lineCount()
    for i in range(count):
        line = layout.lineAt(i)

        def draw(painter: QPainter, x: float, top: float, i: int = i) -> None:
            painter.setPen(color)
            layout.lineAt(i).draw(painter, QPointF(x + indent, top - layout.lineAt(i).y()))

        rows.append(Row(line.height(), draw, keep=keep))
    return rows


def gap(height: float, *, keep: bool = False) -> Row:
    return Row(height, lambda painter, x, top: None, keep=keep)


def rule(height: float, width: float, pen_width: float, color: QColor = GREY) -> Row:
    """A thin horizontal line in the middle of a gap of `height`."""

    def draw(painter: QPainter, x: float, top: float) -> None:
        painter.setPen(QPen(color, pen_width))
        painter.drawLine(QPointF(x, top + height / 2), QPointF(x + width, top + height / 2))

    return Row(height, draw)


def stack_height(rows: list[Row]) -> float:
    return sum(r.height for r in rows)


def draw_stack(painter: QPainter, rows: list[Row], x: float, top: float) -> float:
    """Draw rows from `top` down; returns the y below the last one."""
    y = top
    for r in rows:
        r.draw(painter, x, y)
        y += r.height
    return y


def split_rows(rows: list[Row], height: float) -> tuple[list[Row], list[Row]]:
    """The rows that fit in `height`, and the rest. A row marked `keep` does not end a part
    (a session title stays with its first detail line) unless nothing else would fit."""
    used, cut = 0.0, 0
    for i, r in enumerate(rows):
        if used + r.height > height:
            break
        used += r.height
        cut = i + 1
    if cut < len(rows):
        end = cut
        while end > 0 and rows[end - 1].keep:
            end -= 1
        if end > 0:
            cut = end
        elif cut == 0:
            cut = 1  # a row taller than the whole column still goes somewhere
    return rows[:cut], rows[cut:]

