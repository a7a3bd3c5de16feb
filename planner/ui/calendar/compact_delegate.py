"""Compact cards for the season view: kind colour, the title, then the kind's icon, the status mark
(as on the week's cards), the duration and the distance or tonnage. Nothing is elided: a narrow
day wraps the words onto more lines. The plan check's dot sits in the bottom-right corner (the
plan-check badges wrap this delegate as they wrap the week's), in room kept free for it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyleOptionViewItem, QWidget

from planner.domain.enums import Status, Units
from planner.domain.session import Session
from planner.models.week_model import SessionRole, UnitsRole
from planner.ui import theme
from planner.ui.calendar.card_delegate import GAP, CardDelegate, _Fonts, wrap
from planner.ui.icons import IconCache
from planner.words.cards import summary_line

PAD = 3
STRIP = 3
ICON = 12
BADGE_ROOM = 15  # the plan check's 14 px dot, inset 3 px from the card's corner


class _Compact:
    """Lines of one compact card at one width."""

    def __init__(self, s: Session, units: Units, fonts: _Fonts, inner_w: int) -> None:
        self.session = s
        # The kind's icon and the done or skipped mark lead the detail line, so the title has the
        # whole width of a narrow day (a word broken in two is harder to read than a short line).
        self.mark_w = fonts.mark_w if s.status is not Status.PLANNED else 0
        self.lead_w = ICON + 2 + self.mark_w
        self.title = wrap(s.title, fonts.bold, max(8, inner_w))
        detail = summary_line(s, units)
        self.detail = wrap(detail, fonts.small, max(8, inner_w - self.lead_w)) if detail else [""]
        self.title_h = fonts.bfm.height() * len(self.title)
        self.height = self.title_h + max(fonts.sfm.height() * len(self.detail), ICON)
        # The plan check's dot sits in the bottom-right corner, taller than one line of text: below
        # the text when either of the last two lines reaches into that corner, so no word is under it.
        widest = max(fonts.sfm.horizontalAdvance(line) for line in self.detail[-2:]) + self.lead_w
        if widest > inner_w - BADGE_ROOM:
            self.height += BADGE_ROOM + 1


class CompactCardDelegate(CardDelegate):
    def __init__(self, icons: IconCache, parent: QWidget | None = None) -> None:
        super().__init__(icons, parent)
        self._compact: dict[tuple[int, Units, int, str], _Compact] = {}
        self._small: dict[str, _Fonts] = {}
        self._pictures: dict[tuple[object, ...], tuple[Session, QPixmap]] = {}

    def compact_fonts(self, font: QFont) -> _Fonts:
        """The fonts of a season card, made once per base font (painting is the hot path)."""
        key = font.key()
        f = self._small.get(key)
        if f is None:
            f = self._small[key] = self.fonts(_small_base(font))
        return f

    def compact(self, s: Session, units: Units, font: QFont, item_w: int) -> _Compact:
        inner_w = max(20, item_w - 2 - STRIP - 2 * PAD)
        key = (id(s), units, inner_w, font.key())
        lay = self._compact.get(key)
        if lay is None or lay.session is not s:
            if len(self._compact) > 4000:
                self._compact.clear()
            lay = self._compact[key] = _Compact(s, units, self.compact_fonts(font), inner_w)
        return lay

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        s: Session | None = index.data(SessionRole)
        if s is None:
            return QSize(0, 0)
        view = option.widget
        width = view.viewport().width() if isinstance(view, QAbstractItemView) else option.rect.width()
        lay = self.compact(s, Units(index.data(UnitsRole) or Units.METRIC), option.font, width)
        return QSize(60, lay.height + 2 * PAD + GAP)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        """From a picture of the card made once per session, width, look and state: a scroll or a
        drop repaints dozens of days, and drawing a picture is ten times cheaper than the text."""
        s: Session | None = index.data(SessionRole)
        if s is None:
            return
        units = Units(index.data(UnitsRole) or Units.METRIC)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        device = painter.device()
        dpr = device.devicePixelRatioF() if device is not None else 1.0
        size = option.rect.size()
        key = (id(s), units, size.width(), size.height(), option.font.key(), option.palette.cacheKey(),
               selected, focused, dpr)
        hit = self._pictures.get(key)
        if hit is None or hit[0] is not s:
            if len(self._pictures) > 2000:
                self._pictures.clear()
            picture = QPixmap(size * dpr)
            picture.setDevicePixelRatio(dpr)
            picture.fill(Qt.GlobalColor.transparent)
            p = QPainter(picture)
            try:
                self._paint_card(p, QRect(QPoint(0, 0), size), s, units, option, selected, focused, dpr)
            finally:
                p.end()
            hit = self._pictures[key] = (s, picture)
        painter.drawPixmap(option.rect.topLeft(), hit[1])

    def _paint_card(self, painter: QPainter, rect: QRect, s: Session, units: Units, option: QStyleOptionViewItem,
                    selected: bool, focused: bool, dpr: float) -> None:
        pal = option.palette
        colors = self.colors(pal)
        f = self.compact_fonts(option.font)
        lay = self.compact(s, units, option.font, rect.width())
        done, skipped = s.status is Status.DONE, s.status is Status.SKIPPED
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = QRectF(rect.adjusted(1, 1, -1, -GAP))
        self._paint_frame(painter, card, s.kind, pal, colors, selected=selected, focused=focused, done=done,
                          skipped=skipped)
        inner = card.toRect().adjusted(STRIP + PAD + 1, PAD - 1, -PAD, -PAD + 1)
        ox, oy = inner.left(), inner.top()
        left_v = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.setFont(f.bold_struck if skipped else f.bold)
        painter.setPen(colors.text)
        y = oy
        for line in lay.title:
            painter.drawText(QRect(ox, y, inner.width(), f.bfm.height()), left_v, line)
            y += f.bfm.height()
        painter.drawPixmap(QPointF(ox, y + (f.sfm.height() - ICON) / 2),
                           self._icons.kind_pixmap(s.kind, ICON, theme.kind_text_color(s.kind, pal), dpr))
        if lay.mark_w:
            painter.setFont(f.bold)
            painter.setPen(colors.done if done else colors.muted)
            painter.drawText(QRect(ox + ICON + 2, y, lay.mark_w, f.sfm.height()), left_v, "✓" if done else "–")
        painter.setFont(f.small)
        painter.setPen(colors.muted)
        for line in lay.detail:
            painter.drawText(QRect(ox + lay.lead_w, y, inner.width() - lay.lead_w, f.sfm.height()), left_v, line)
            y += f.sfm.height()
        painter.restore()


def _small_base(font: QFont) -> QFont:
    """Season cards use a font a little smaller than the week's, so 16 weeks fit on a screen."""
    f = QFont(font)
    if f.pointSizeF() > 0:
        f.setPointSizeF(f.pointSizeF() * 0.92)
    return f


def day_number_text(day: dt.date, first_of_block: bool) -> str:
    """A day's corner label: "7", or "1 Dec" on the first of a month or of the block."""
    return f"{day.day} {day:%b}" if first_of_block or day.day == 1 else str(day.day)
