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


class CardDelegate(QStyledItemDelegate):
    def __init__(self, icons: IconCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._icons = icons
        self._heights: dict[tuple[str, bool, int, str], int] = {}  # Qt asks for sizes often

    # -- geometry ------------------------------------------------------------------------------
    @staticmethod
    def _title_width(option: QStyleOptionViewItem, s: Session) -> int:
        """Room for the title: the card less its strip, padding, icon and status mark (as painted)."""
        view = option.widget
        width = view.viewport().width() if isinstance(view, QAbstractItemView) else option.rect.width()
        mark = QFontMetrics(_bold(option.font, False)).horizontalAdvance("✓") + 2
        return max(40, width - 2 - STRIP - 2 * PAD - ICON - 4 - (mark if s.status is not Status.PLANNED else 0))

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
            fm = QFontMetrics(option.font)
            small = QFontMetrics(_small(option.font))
            lines = len(_title_lines(s.title, _bold(option.font, False), width))
            height = self._heights[key] = 2 * PAD + fm.height() * (lines + 1) + small.height() + 6 + GAP
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
        fm = QFontMetrics(option.font)
        line_h = fm.height()
        bold = _bold(option.font, skipped)
        bfm = QFontMetrics(bold)

        # title block: icon, up to two lines of title, status mark
        dpr = painter.device().devicePixelRatioF() if painter.device() else 1.0
        painter.drawPixmap(QPointF(inner.left(), inner.top() + (line_h - ICON) / 2),
                           self._icons.kind_pixmap(s.kind, ICON, kind, dpr))
        mark_w = 0
        if done or skipped:
            mark = "✓" if done else "–"
            mark_w = bfm.horizontalAdvance("✓") + 2
            painter.setFont(bold)
            painter.setPen(QColor(theme.DONE_COLOR) if done else muted)
            painter.drawText(QRect(inner.right() - mark_w, inner.top(), mark_w, line_h),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, mark)
        title_w = inner.width() - ICON - 4 - mark_w
        lines = _title_lines(s.title, bold, title_w)
        painter.setFont(bold)
        painter.setPen(text_color)
        y = inner.top()
        for text in lines:
            painter.drawText(QRect(inner.left() + ICON + 4, y, title_w, line_h),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
            y += line_h

        # time, duration and the key number
        summary = summary_line(s, units)
        if s.time:
            summary = f"{s.time:%H:%M} · {summary}" if summary else f"{s.time:%H:%M}"
        painter.setFont(option.font)
        painter.setPen(text_color)
        painter.drawText(QRect(inner.left(), y, inner.width(), line_h),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         fm.elidedText(summary, Qt.TextElideMode.ElideRight, inner.width()))
        y += line_h + 2

        # intensity badge, then the run type and target or the main lifts
        small = _small(option.font)
        sfm = QFontMetrics(small)
        x = inner.left()
        if s.kind is not Kind.REST:
            level = intensity(s)
            badge_font = QFont(small)
            badge_font.setBold(True)
            badge_fm = QFontMetrics(badge_font)
            label = level.value.upper()
            badge = QRectF(x, y, badge_fm.horizontalAdvance(label) + 8, sfm.height() + 2)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(theme.INTENSITY_COLORS[level]))
            painter.drawRoundedRect(badge, badge.height() / 2, badge.height() / 2)
            painter.setFont(badge_font)
            painter.setPen(QColor("#212121") if level.value == "moderate" else QColor("#ffffff"))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, label)
            x = int(badge.right()) + 5
        detail = detail_line(s)
        if skipped:
            detail = "Skipped" + (f" · {detail}" if detail else "")
        painter.setFont(small)
        painter.setPen(muted)
        painter.drawText(QRect(x, y + 1, inner.right() - x, sfm.height()),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         sfm.elidedText(detail, Qt.TextElideMode.ElideRight, inner.right() - x))
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
