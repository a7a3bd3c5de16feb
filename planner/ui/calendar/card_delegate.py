"""Paints a session as a card that grows to show what a planner needs, on as many lines as it takes:
title; time and duration; distance and target, or the main lifts and tonnage; the intensity badge,
the compliance colour with its percentage, and the status. Text wraps (at words, or anywhere in a
word too long for the column) and the card grows; nothing is elided, so no number is ever cut."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen, QTextLayout, QTextOption
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from planner.domain.compliance import Basis
from planner.domain.enums import Kind, Status, Units
from planner.domain.session import Session
from planner.models.week_model import SessionRole, UnitsRole
from planner.ui import theme
from planner.ui.icons import IconCache
from planner.words.cards import CardText, card_text

PAD = 6
STRIP = 4
RADIUS = 6.0
ICON = 16
GAP = 4  # space below each card
CHIP_PAD = 4  # inside a badge, left and right
CHIP_GAP = 5  # between badges and the status text
BADGE_ROOM = 12  # the plan check's 14 px dot, 3 px in from the card's corner, reaches this far into the text


class _Fonts:
    """The fonts and metrics a card uses, made once per base font (painting is the hot path)."""

    def __init__(self, base: QFont) -> None:
        self.plain = QFont(base)
        self.bold = _bold(base, False)
        self.bold_struck = _bold(base, True)
        self.small = _small(base)
        self.badge = QFont(self.small)
        self.badge.setBold(True)
        self.fm = QFontMetrics(self.plain)
        self.bfm = QFontMetrics(self.bold)
        self.sfm = QFontMetrics(self.small)
        self.badge_fm = QFontMetrics(self.badge)
        self.mark_w = self.bfm.horizontalAdvance("✓") + 2


@dataclass(frozen=True, slots=True)
class _Op:
    """One thing to paint, at a place relative to the card's inner top-left corner."""

    what: str  # title, when, line, status, badge, chip
    rect: QRect
    text: str


class _Layout:
    """Where every piece of one card goes, for one session object, width, units and day."""

    def __init__(self, s: Session, text: CardText, fonts: _Fonts, inner_w: int) -> None:
        self.session = s
        self.text = text
        ops: list[_Op] = []
        mark_w = fonts.mark_w if s.status is not Status.PLANNED else 0
        title_w = max(8, inner_w - ICON - 4 - mark_w)
        y = 0
        for line in wrap(text.title, fonts.bold, title_w):
            ops.append(_Op("title", QRect(ICON + 4, y, title_w, fonts.bfm.height()), line))
            y += fonts.bfm.height()
        y = max(y, ICON)
        for line in wrap(text.when, fonts.plain, inner_w) if text.when else ():
            ops.append(_Op("when", QRect(0, y, inner_w, fonts.fm.height()), line))
            y += fonts.fm.height()
        for item in text.lines:
            for line in wrap(item, fonts.small, inner_w):
                ops.append(_Op("line", QRect(0, y, inner_w, fonts.sfm.height()), line))
                y += fonts.sfm.height()
        y += 3
        # the badge row flows: badge, compliance chip, status text; what does not fit goes below.
        # It ends short of the card's bottom-right corner, where the plan check's dot sits.
        row_w = inner_w - BADGE_ROOM
        chips = []
        if text.badge is not None:
            chips.append(("badge", text.badge.value.upper()))
        c = text.compliance
        if c is not None:
            chips.append(("chip", c.text))
        status = "" if c is not None and c.basis in (Basis.SKIPPED, Basis.MISSED) else text.status
        row_h = fonts.sfm.height() + 2
        x = 0
        for what, label in chips:
            w = fonts.badge_fm.horizontalAdvance(label) + 2 * CHIP_PAD
            if x and x + w > row_w:
                x, y = 0, y + row_h + 2
            ops.append(_Op(what, QRect(x, y, w, row_h), label))
            x += w + CHIP_GAP
        if status:
            w = fonts.sfm.horizontalAdvance(status)
            if x and x + w > row_w:
                x, y = 0, y + row_h + 2
            lines = wrap(status, fonts.small, row_w - x)
            for i, line in enumerate(lines):
                ops.append(_Op("status", QRect(x, y + i * fonts.sfm.height() + 1, row_w - x,
                                               fonts.sfm.height()), line))
            y += max(0, len(lines) - 1) * fonts.sfm.height()
        if chips or status:
            y += row_h
        self.ops = ops
        self.height = y
        self.mark_w = mark_w


class CardDelegate(QStyledItemDelegate):
    def __init__(self, icons: IconCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._icons = icons
        self._fonts: dict[str, _Fonts] = {}
        self._layouts: dict[tuple[int, Units, int, str, dt.date], _Layout] = {}
        self._colors: dict[int, theme.CardColors] = {}

    def fonts(self, base: QFont) -> _Fonts:
        key = base.key()
        f = self._fonts.get(key)
        if f is None:
            f = self._fonts[key] = _Fonts(base)
        return f

    def colors(self, palette: QPalette) -> theme.CardColors:
        key = palette.cacheKey()
        c = self._colors.get(key)
        if c is None:
            if len(self._colors) > 16:
                self._colors.clear()
            c = self._colors[key] = theme.card_colors(palette)
        return c

    def layout(self, s: Session, units: Units, font: QFont, item_w: int, today: dt.date) -> _Layout:
        inner_w = max(20, item_w - 2 - STRIP - 2 * PAD)
        key = (id(s), units, inner_w, font.key(), today)
        lay = self._layouts.get(key)
        if lay is None or lay.session is not s:  # ids are reused once an object is gone
            if len(self._layouts) > 4000:
                self._layouts.clear()
            f = self.fonts(font)
            lay = self._layouts[key] = _Layout(s, card_text(s, units, today), f, inner_w)
        return lay

    @staticmethod
    def _today(index: QModelIndex | QPersistentModelIndex) -> dt.date:
        model = index.model()
        today = getattr(model, "today", None)
        return today() if callable(today) else dt.date.today()

    # -- geometry ------------------------------------------------------------------------------
    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        s: Session | None = index.data(SessionRole)
        if s is None:
            return super().sizeHint(option, index)
        view = option.widget
        width = view.viewport().width() if isinstance(view, QAbstractItemView) else option.rect.width()
        lay = self.layout(s, Units(index.data(UnitsRole) or Units.METRIC), option.font, width, self._today(index))
        return QSize(60, lay.height + 2 * PAD + GAP + 1)  # as wide as the column: never wider

    # -- painting ------------------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        s: Session | None = index.data(SessionRole)
        if s is None:
            return super().paint(painter, option, index)
        units = Units(index.data(UnitsRole) or Units.METRIC)
        pal = option.palette
        colors = self.colors(pal)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        skipped = s.status is Status.SKIPPED
        done = s.status is Status.DONE
        f = self.fonts(option.font)
        lay = self.layout(s, units, option.font, option.rect.width(), self._today(index))

        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = QRectF(option.rect.adjusted(1, 1, -1, -GAP))
        self._paint_frame(painter, card, s.kind, pal, colors, selected=selected, focused=focused, done=done,
                          skipped=skipped)
        inner = card.toRect().adjusted(STRIP + PAD, PAD - 1, -PAD, -PAD + 1)
        ox, oy = inner.left(), inner.top()

        dpr = painter.device().devicePixelRatioF() if painter.device() else 1.0
        painter.drawPixmap(QPointF(ox, oy + (f.bfm.height() - ICON) / 2),
                           self._icons.kind_pixmap(s.kind, ICON, theme.kind_text_color(s.kind, pal), dpr))
        if lay.mark_w:
            painter.setFont(f.bold)
            painter.setPen(colors.done if done else colors.muted)
            painter.drawText(QRect(inner.right() - lay.mark_w, oy, lay.mark_w, f.bfm.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, "✓" if done else "–")
        left_v = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        for op in lay.ops:
            r = op.rect.translated(ox, oy)
            if op.what == "title":
                painter.setFont(f.bold_struck if skipped else f.bold)
                painter.setPen(colors.text)
                painter.drawText(r, left_v, op.text)
            elif op.what == "when":
                painter.setFont(f.plain)
                painter.setPen(colors.text)
                painter.drawText(r, left_v, op.text)
            elif op.what in ("line", "status"):
                painter.setFont(f.small)
                painter.setPen(colors.muted)
                painter.drawText(r, left_v, op.text)
            else:
                if op.what == "badge" and lay.text.badge is not None:
                    bg, fg = theme.INTENSITY_COLORS[lay.text.badge]
                elif lay.text.compliance is not None:
                    bg, fg = theme.BAND_COLORS[lay.text.compliance.band]
                else:
                    continue
                rf = QRectF(r)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(bg))
                painter.drawRoundedRect(rf, rf.height() / 2, rf.height() / 2)
                painter.setFont(f.badge)
                painter.setPen(QColor(fg))
                painter.drawText(r, Qt.AlignmentFlag.AlignCenter, op.text)
        painter.restore()

    @staticmethod
    def _paint_frame(painter: QPainter, card: QRectF, kind: Kind, pal: QPalette, colors: theme.CardColors, *,
                     selected: bool, focused: bool, done: bool, skipped: bool) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colors.backgrounds[kind])
        painter.drawRoundedRect(card, RADIUS, RADIUS)
        border = QPen(pal.color(QPalette.ColorRole.Highlight) if selected else pal.color(QPalette.ColorRole.Mid))
        border.setWidthF(2.0 if selected else 1.0)
        if skipped:
            border.setStyle(Qt.PenStyle.DashLine)
        elif done and not selected:
            border.setColor(colors.done)
        if focused and not selected:
            border.setStyle(Qt.PenStyle.DotLine)
        painter.setPen(border)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(card.adjusted(0.5, 0.5, -0.5, -0.5), RADIUS, RADIUS)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.kind_color(kind))
        painter.drawRoundedRect(QRectF(card.left() + 1, card.top() + 1, STRIP, card.height() - 2), 2, 2)


_NUMBER_UNIT = re.compile(r"(\d) (?=(?:km|mi|kg|lb|min|m|h|s|%)\b)")
_JOIN = "\u2060"  # word joiner: no line break here


def wrap(text: str, font: QFont, width: int) -> list[str]:
    """`text` broken into lines no wider than `width`: at spaces, or inside a word too long for a
    line. Never elided: every character is on some line. A number keeps its unit ("102.5 kg") and
    a pace its "/mi" while they fit on a line."""
    fm = _metrics(font)
    if fm.horizontalAdvance(text) <= width:  # most lines fit: no layout needed
        return [text]
    text = _NUMBER_UNIT.sub("\\1\u00a0", text).replace("/", "/" + _JOIN)
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    lines: list[str] = []
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(max(1, width))
        lines.append(text[line.textStart():line.textStart() + line.textLength()].replace(_JOIN, "")
                     .replace("\u00a0", " ").strip())
    layout.endLayout()
    return [line for line in lines if line] or [""]


@functools.lru_cache(maxsize=64)
def _metrics_for(key: str, font: QFont) -> QFontMetrics:
    return QFontMetrics(font)


def _metrics(font: QFont) -> QFontMetrics:
    return _metrics_for(font.key(), font)


def _bold(font: QFont, strike: bool) -> QFont:
    f = QFont(font)
    f.setBold(True)
    f.setStrikeOut(strike)
    return f


def _small(font: QFont) -> QFont:
    f = QFont(font)
    if f.pointSizeF() > 0:
        f.setPointSizeF(f.pointSizeF() * 0.88)
    else:
        f.setPixelSize(max(8, round(f.pixelSize() * 0.88)))
    return f
