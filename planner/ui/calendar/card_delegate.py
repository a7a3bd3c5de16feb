"""Paints a session as a card: kind colour and icon, title (up to two lines), time, duration and the
key number, an intensity badge with the detail line, and the status (planned, done and skipped
each look different)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from planner.domain.enums import Kind, Status, Units
from planner.domain.intensity import intensity
from planner.domain.session import Session
from planner.models.session_text import detail_line, summary_line
from planner.models.week_model import SessionRole, UnitsRole
from planner.ui import theme
from planner.ui.icons import IconCache

PAD = 6
STRIP = 4
RADIUS = 6.0
ICON = 16
GAP = 4  # space below each card
TITLE_LINES = 2


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


class _Texts:
    """What one card says, worked out once per session object, width and units."""

    def __init__(self, s: Session, units: Units, fonts: _Fonts, title_w: int, inner_w: int) -> None:
        self.session = s
        self.title_lines = _title_lines(s.title, fonts.bold, title_w)
        summary = summary_line(s, units)
        if s.time:
            summary = f"{s.time:%H:%M} · {summary}" if summary else f"{s.time:%H:%M}"
        self.summary = fonts.fm.elidedText(summary, Qt.TextElideMode.ElideRight, inner_w)
        self.level = intensity(s)
        detail = detail_line(s)
        if s.status is Status.SKIPPED:
            detail = "Skipped" + (f" · {detail}" if detail else "")
        self.detail = detail


class CardDelegate(QStyledItemDelegate):
    def __init__(self, icons: IconCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._icons = icons
        self._heights: dict[tuple[str, bool, int, str], int] = {}  # Qt asks for sizes often
        self._fonts: dict[str, _Fonts] = {}
        self._texts: dict[tuple[int, Units, int], _Texts] = {}

    def fonts(self, base: QFont) -> _Fonts:
        key = base.key()
        f = self._fonts.get(key)
        if f is None:
            f = self._fonts[key] = _Fonts(base)
        return f

    def _texts_for(self, s: Session, units: Units, fonts: _Fonts, title_w: int, inner_w: int) -> _Texts:
        key = (id(s), units, title_w)
        t = self._texts.get(key)
        if t is None or t.session is not s:  # ids are reused once an object is gone
            if len(self._texts) > 2000:
                self._texts.clear()
            t = self._texts[key] = _Texts(s, units, fonts, title_w, inner_w)
        return t

    # -- geometry ------------------------------------------------------------------------------
    def _title_width(self, option: QStyleOptionViewItem, s: Session) -> int:
        """Room for the title: the card less its strip, padding, icon and status mark (as painted)."""
        view = option.widget
        width = view.viewport().width() if isinstance(view, QAbstractItemView) else option.rect.width()
        mark = self.fonts(option.font).mark_w if s.status is not Status.PLANNED else 0
        return max(40, width - 2 - STRIP - 2 * PAD - ICON - 4 - mark)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        s: Session | None = index.data(SessionRole)
        if s is None:
            return super().sizeHint(option, index)
        width = self._title_width(option, s)
        key = (s.title, s.status is Status.PLANNED, width, option.font.key())
        height = self._heights.get(key)
        if height is None:
            if len(self._heights) > 4000:
                self._heights.clear()
            f = self.fonts(option.font)
            lines = len(_title_lines(s.title, f.bold, width))
            height = self._heights[key] = 2 * PAD + f.fm.height() * (lines + 1) + f.sfm.height() + 6 + GAP
        return QSize(120, height)

    # -- painting ------------------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        s: Session | None = index.data(SessionRole)
        if s is None:
            return super().paint(painter, option, index)
        units = index.data(UnitsRole) or Units.METRIC
        pal = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        skipped = s.status is Status.SKIPPED
        done = s.status is Status.DONE
        kind = theme.kind_color(s.kind)

        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if skipped:
            painter.setOpacity(0.55)
        card = QRectF(option.rect.adjusted(1, 1, -1, -GAP))
        self._paint_frame(painter, card, s.kind, pal, selected=selected, focused=focused, done=done,
                          skipped=skipped)

        text_color = pal.color(QPalette.ColorRole.Text)
        muted = QColor(text_color)
        muted.setAlphaF(0.7)
        inner = card.toRect().adjusted(STRIP + PAD, PAD - 1, -PAD, -PAD + 1)
        f = self.fonts(option.font)
        line_h = f.fm.height()
        mark_w = f.mark_w if (done or skipped) else 0
        title_w = inner.width() - ICON - 4 - mark_w
        texts = self._texts_for(s, units, f, title_w, inner.width())

        # title block: icon, up to two lines of title, status mark
        dpr = painter.device().devicePixelRatioF() if painter.device() else 1.0
        painter.drawPixmap(QPointF(inner.left(), inner.top() + (line_h - ICON) / 2),
                           self._icons.kind_pixmap(s.kind, ICON, kind, dpr))
        painter.setFont(f.bold_struck if skipped else f.bold)
        if mark_w:
            painter.setPen(QColor(theme.DONE_COLOR) if done else muted)
            painter.drawText(QRect(inner.right() - mark_w, inner.top(), mark_w, line_h),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, "✓" if done else "–")
        painter.setPen(text_color)
        y = inner.top()
        for text in texts.title_lines:
            painter.drawText(QRect(inner.left() + ICON + 4, y, title_w, line_h),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
            y += line_h

        # time, duration and the key number
        painter.setFont(f.plain)
        painter.drawText(QRect(inner.left(), y, inner.width(), line_h),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, texts.summary)
        y += line_h + 2

        # intensity badge, then the run type and target or the main lifts
        x = inner.left()
        if s.kind is not Kind.REST:
            label = texts.level.value.upper()
            badge = QRectF(x, y, f.badge_fm.horizontalAdvance(label) + 8, f.sfm.height() + 2)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(theme.INTENSITY_COLORS[texts.level]))
            painter.drawRoundedRect(badge, badge.height() / 2, badge.height() / 2)
            painter.setFont(f.badge)
            painter.setPen(QColor("#212121") if texts.level.value == "moderate" else QColor("#ffffff"))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, label)
            x = int(badge.right()) + 5
        painter.setFont(f.small)
        painter.setPen(muted)
        painter.drawText(QRect(x, y + 1, inner.right() - x, f.sfm.height()),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         f.sfm.elidedText(texts.detail, Qt.TextElideMode.ElideRight, inner.right() - x))
        painter.restore()

    @staticmethod
    def _paint_frame(painter: QPainter, card: QRectF, kind: Kind, pal: QPalette, *, selected: bool,
                     focused: bool, done: bool, skipped: bool) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.card_background(kind, pal))
        painter.drawRoundedRect(card, RADIUS, RADIUS)
        border = QPen(pal.color(QPalette.ColorRole.Highlight) if selected else pal.color(QPalette.ColorRole.Mid))
        border.setWidthF(2.0 if selected else 1.0)
        if skipped:
            border.setStyle(Qt.PenStyle.DashLine)
        elif done and not selected:
            border.setColor(QColor(theme.DONE_COLOR))
        if focused and not selected:
            border.setStyle(Qt.PenStyle.DotLine)
        painter.setPen(border)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(card.adjusted(0.5, 0.5, -0.5, -0.5), RADIUS, RADIUS)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.kind_color(kind))
        painter.drawRoundedRect(QRectF(card.left() + 1, card.top() + 1, STRIP, card.height() - 2), 2, 2)


def _title_lines(title: str, font: QFont, width: int) -> list[str]:
    """The title wrapped at spaces into at most two lines, the second one elided if needed."""
    fm = QFontMetrics(font)
    if fm.horizontalAdvance(title) <= width:
        return [title]
    words = title.split()
    first = ""
    for n in range(len(words), 0, -1):
        candidate = " ".join(words[:n])
        if fm.horizontalAdvance(candidate) <= width:
            first = candidate
            break
    if not first:  # one long word: cut it where it stops fitting
        first = fm.elidedText(title, Qt.TextElideMode.ElideNone, width)
        cut = len(first)
        while cut > 1 and fm.horizontalAdvance(title[:cut]) > width:
            cut -= 1
        first = title[:cut]
    rest = title[len(first):].strip()
    return [first, fm.elidedText(rest, Qt.TextElideMode.ElideRight, width)] if rest else [first]


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
