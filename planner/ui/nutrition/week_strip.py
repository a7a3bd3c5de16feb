"""The week at a glance: one floating bar per day (the carbohydrate range in g/kg), coloured by
how high the day's band is, so high- and low-carbohydrate days stand out. Click a day to show it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QHelpEvent, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from planner.ui import theme
from planner.ui.nutrition import text

SCALE_MAX = 12.0  # g/kg: the top of the highest band
#: Band colours by the band's low end (g/kg): 3 low, 5 moderate, 6 high, 8 very high.
LEVELS = ((8.0, "Very high", "#c62828"), (6.0, "High", "#ef6c00"), (5.0, "Moderate", "#1e88e5"),
          (0.0, "Low", "#78909c"))


def level(g_per_kg_lo: float) -> tuple[str, str]:
    """(word, colour) for a band starting at `g_per_kg_lo`."""
    for floor, word, color in LEVELS:
        if g_per_kg_lo >= floor:
            return word, color
    return LEVELS[-1][1], LEVELS[-1][2]


@dataclass(frozen=True)
class DayBar:
    date: dt.date
    lo: float  # g/kg
    hi: float
    actual: float | None  # logged carbohydrate in g/kg
    tooltip: str


class WeekStrip(QWidget):
    daySelected = Signal(object)  # dt.date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("nutrition_week")
        self.setMinimumHeight(170)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)
        self.setAccessibleName("Carbohydrate by day, this week")
        self._bars: list[DayBar] = []
        self._selected: dt.date | None = None
        self._cache: QPixmap | None = None
        self._cache_key: tuple[object, ...] = ()

    def sizeHint(self) -> QSize:
        return QSize(320, 176)

    def set_bars(self, bars: list[DayBar], selected: dt.date | None) -> None:
        if bars == self._bars and selected == self._selected:
            return
        self._bars, self._selected = bars, selected
        self.update()

    def bars(self) -> list[DayBar]:
        return list(self._bars)

    # --- geometry
    def _axis_width(self) -> int:
        return self.fontMetrics().horizontalAdvance("12") + 6

    def _columns(self) -> list[QRectF]:
        n = max(1, len(self._bars))
        left = self._axis_width()
        w = (self.width() - left) / n
        return [QRectF(left + i * w, 0, w, self.height()) for i in range(len(self._bars))]

    def _plot(self) -> QRectF:
        fm = self.fontMetrics()
        left = self._axis_width()
        return QRectF(left, 2 * fm.height() + 2, self.width() - left, self.height() - 3 * fm.height() - 8)

    def day_at(self, pos: QPoint) -> dt.date | None:
        for bar, col in zip(self._bars, self._columns(), strict=True):
            if col.contains(pos.toPointF()):
                return bar.date
        return None

    # --- events
    def mousePressEvent(self, event: QMouseEvent) -> None:
        day = self.day_at(event.position().toPoint())
        if day is not None and event.button() == Qt.MouseButton.LeftButton:
            self.daySelected.emit(day)
        super().mousePressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            day = self.day_at(event.pos())
            bar = next((b for b in self._bars if b.date == day), None)
            if bar is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), bar.tooltip, self)
            return True
        return super().event(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        """The bars, grid and numbers come from a cached pixmap; only the selection and the day
        names are drawn each time, so following the calendar's day repaints little."""
        key = (tuple(self._bars), self.size().toTuple(), self.palette().cacheKey(), self.font().key())
        if self._cache is None or self._cache_key != key:
            self._cache = self._render_static()
            self._cache_key = key
        p = QPainter(self)
        try:
            self._paint_selection(p)
            p.drawPixmap(0, 0, self._cache)
            self._paint_days(p)
        finally:
            p.end()

    def _y(self, g: float) -> float:
        plot = self._plot()
        return plot.bottom() - plot.height() * min(g, SCALE_MAX) / SCALE_MAX

    def _small_font(self) -> QFont:
        small = QFont(self.font())
        small.setPointSizeF(max(6.5, self.font().pointSizeF() * 0.85))
        return small

    def _render_static(self) -> QPixmap:
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap((self.size().toSizeF() * ratio).toSize())
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        p = QPainter(pixmap)
        try:
            self._paint_static(p)
        finally:
            p.end()
        return pixmap

    def _paint_selection(self, p: QPainter) -> None:
        pal = self.palette()
        for bar, col in zip(self._bars, self._columns(), strict=True):
            if bar.date == self._selected:
                p.fillRect(col.adjusted(1, 0, -1, 0), theme.blend(pal.color(QPalette.ColorRole.Window),
                                                                  pal.color(QPalette.ColorRole.Highlight), 0.18))

    def _paint_days(self, p: QPainter) -> None:
        pal = self.palette()
        fm = self.fontMetrics()
        plot = self._plot()
        text_color = pal.color(QPalette.ColorRole.WindowText)
        dim = pal.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
        bold = QFont(self.font())
        bold.setBold(True)
        for bar, col in zip(self._bars, self._columns(), strict=True):
            selected = bar.date == self._selected
            p.setFont(bold if selected else self.font())
            p.setPen(text_color if selected else dim)
            p.drawText(QRectF(col.left(), plot.bottom() + 4, col.width(), fm.height()),
                       Qt.AlignmentFlag.AlignCenter, f"{bar.date:%a}"[:2] + f" {bar.date.day}")

    def _paint_static(self, p: QPainter) -> None:
        pal = self.palette()
        fm = self.fontMetrics()
        plot = self._plot()
        y = self._y
        text_color = pal.color(QPalette.ColorRole.WindowText)
        dim = pal.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
        small = self._small_font()
        grid = QPen(theme.blend(pal.color(QPalette.ColorRole.Window), text_color, 0.15), 1)
        grid.setStyle(Qt.PenStyle.DotLine)
        p.setFont(small)
        for g in (0, 3, 6, 9, 12):
            p.setPen(grid)
            p.drawLine(int(plot.left()), int(y(g)), int(plot.right()), int(y(g)))
            p.setPen(dim)
            p.drawText(QRectF(0, y(g) - fm.height() / 2, plot.left() - 4, fm.height()),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(g))
        p.drawText(QRectF(0, 0, self.width(), fm.height()), Qt.AlignmentFlag.AlignLeft, "g/kg body mass a day")
        for bar, col in zip(self._bars, self._columns(), strict=True):
            _word, color = level(bar.lo)
            w = min(22.0, col.width() * 0.45)
            x = col.center().x() - w / 2
            rect = QRectF(x, y(bar.hi), w, y(bar.lo) - y(bar.hi))
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(color))
            p.drawRoundedRect(rect, 3, 3)
            if bar.actual is not None:
                p.setPen(QPen(text_color, 2))
                ya = y(bar.actual)
                p.drawLine(int(x - 4), int(ya), int(x + w + 4), int(ya))
            p.setPen(text_color)
            p.drawText(QRectF(col.left(), rect.top() - fm.height() - 2, col.width(), fm.height()),
                       Qt.AlignmentFlag.AlignCenter, f"{bar.lo:g}{text.DASH}{bar.hi:g}")
