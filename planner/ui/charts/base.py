"""What every chart panel shares: a header with title and legend, a read-out line for the hovered
value, plots built once, colours that follow the palette, and hover through a rate-limited proxy.

The header and read-out are QLabels, so they follow the palette by themselves; the plots' background
and axes are re-coloured by `apply_palette` (pyqtgraph ignores the palette, PLATFORM.md).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QColor, QPalette, QPen
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from planner.domain.enums import Kind
from planner.domain.load_history import LoadHistory
from planner.domain.load_series import HISTORY_DAYS
from planner.ui.charts.axes import DAY_S, date_ts
from planner.ui.theme import KIND_COLORS, blend

RUN_COLOR = KIND_COLORS[Kind.RUN]
LIFT_COLOR = KIND_COLORS[Kind.LIFT]
LOAD_COLOR = "#7e57c2"
ACWR_COLOR = "#fb8c00"
UNCOUPLED_COLOR = "#00897b"
FITNESS_COLOR = "#1e88e5"
FATIGUE_COLOR = "#d81b60"
FORM_COLOR = "#7cb342"
REFERENCE_COLOR = "#8d6e63"
PLANNED_MIX = 0.35
LEFT_AXIS_WIDTH = 58
RIGHT_AXIS_WIDTH = 44


def solid(color: str) -> QColor:
    return QColor(color)


def faint(color: str, palette: QPalette | None = None) -> QColor:
    """The planned shade of `color`: mixed into the palette's base colour, *opaque*. A translucent
    brush costs ~8x to paint (4,000 bars: ~9 ms against ~1 ms, measured here)."""
    base = palette.color(QPalette.ColorRole.Base) if palette is not None else QColor("#ffffff")
    return blend(base, QColor(color), PLANNED_MIX)


def pen(color: str, dashed: bool = False) -> QPen:
    """Width-1 cosmetic pens only: wider antialiased pens cost ~100x to paint (PLATFORM.md)."""
    return pg.mkPen(QColor(color), width=1, style=Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)


def swatch(color: str, text: str, kind: str = "solid") -> str:
    """A legend entry as rich text: a filled, faint or outline box, or a line sample."""
    mark = {"solid": "&#9632;", "faint": "&#9633;", "line": "&#9473;&#9473;", "dash": "&#9476;&#9476;"}[kind]
    text = text.replace(" ", "&nbsp;")  # an entry wraps as a whole, never inside
    return f'<span style="color:{color};font-weight:bold">{mark}</span>&nbsp;{text}'


def line_data(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray, str]:
    """Arguments for a curve's setData: a NaN anywhere makes pyqtgraph take its 'finite' path, which
    paints ~2.5x slower (3,650 points: 10 ms against 4 ms, measured here), so callers cut off the
    building-up days and 'finite' is used only when a gap remains."""
    return x, y, "all" if np.isfinite(y).all() else "finite"


def curve_xy(curve: pg.PlotDataItem) -> tuple[np.ndarray, np.ndarray]:
    """What a curve was handed, as arrays (pyqtgraph gives (None, None) for an empty curve)."""
    x, y = curve.getData()
    return (np.zeros(0), np.zeros(0)) if x is None or y is None else (np.asarray(x), np.asarray(y))


def building_end(h: LoadHistory, lo: int, hi: int) -> int:
    """Where, in the slice lo..hi-1, the building-up days end (0 when none are in it)."""
    return min(max(h.first + HISTORY_DAYS - 1 - lo, 0), hi - lo)  # day first + 27 is the 28th day


def fmt(x: float, decimals: int = 1) -> str:
    """A number for a read-out: thousands grouped, no trailing zeros ("12,300", "32.4", "0")."""
    if x != x:  # NaN
        return "-"
    text = f"{x:,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


class _Plot(pg.PlotWidget):
    """A plot that asks for little room: pyqtgraph's own size hint (600 x 480) would make a scroll
    area give each chart a whole screen."""

    def __init__(self, height: int, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self._height = height

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(300, self._height)


class ChartPanel(QWidget):
    """Header, read-out and plots for one chart."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        self.readout = QLabel(" ")
        self.readout.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.readout.setWordWrap(True)
        self.title = title
        self.plots: list[pg.PlotWidget] = []
        self._planned_bars: list[tuple[pg.BarGraphItem, str]] = []
        self._labels: dict[tuple[int, str], str] = {}
        self._ranges: dict[tuple[int, str], tuple[float, float]] = {}
        self._proxies: list[pg.SignalProxy] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 2)
        layout.setSpacing(2)
        layout.addWidget(self.header)
        self._layout = layout
        self.set_legend([])

    def set_legend(self, entries: list[str], note: str = "", details: str = "") -> None:
        """Title and legend, a short note under them, and the longer explanation as a tooltip."""
        legend = "&nbsp;&nbsp; ".join(entries)
        text = f"<b>{self.title}</b>&nbsp;&nbsp; {legend}"
        if note:
            text += f'<br><span style="font-size:small">{note}</span>'
        if text != self.header.text():  # a new text re-lays out the label: only when it changed
            self.header.setText(text)
            self.header.setToolTip(f"<p>{details}</p>" if details else "")

    def set_axis_label(self, plot: pg.PlotWidget, side: str, text: str) -> None:
        """Axis titles change the plot's layout: set them only when they change."""
        if self._labels.get((id(plot), side)) != text:
            self._labels[(id(plot), side)] = text
            plot.getPlotItem().setLabel(side, text)

    def set_y_range(self, plot: pg.PlotWidget | pg.ViewBox, lo: float, hi: float) -> None:
        """Only a new range makes the axes redraw their ticks."""
        key = (id(plot), "y")
        if self._ranges.get(key) != (lo, hi):
            self._ranges[key] = (lo, hi)
            plot.setYRange(lo, hi, padding=0)

    def add_plot(self, axis: pg.AxisItem | None = None, stretch: int = 1, min_height: int = 130) -> pg.PlotWidget:
        plot = _Plot(min_height, axisItems={"bottom": axis} if axis is not None else None)
        plot.setMenuEnabled(False)
        plot.setMouseEnabled(x=False, y=False)
        plot.hideButtons()
        plot.setMinimumHeight(min_height)
        plot.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        plot.getPlotItem().getViewBox().setDefaultPadding(0.02)
        if isinstance(axis, pg.DateAxisItem):
            # Same axis widths on every time chart, so their x-linked days line up.
            item = plot.getPlotItem()
            item.showAxis("right")
            item.getAxis("right").setStyle(showValues=False)
            item.getAxis("left").setWidth(LEFT_AXIS_WIDTH)
            item.getAxis("right").setWidth(RIGHT_AXIS_WIDTH)
        self._layout.addWidget(plot, stretch)
        self.plots.append(plot)
        return plot

    def planned_bars(self, color: str, **opts: object) -> pg.BarGraphItem:
        """Bars for planned amounts: the faint shade of `color`, re-mixed when the palette changes."""
        item = pg.BarGraphItem(brush=faint(color, self.palette()), **opts)
        self._planned_bars.append((item, color))
        return item

    def building_label(self, plot: pg.PlotWidget) -> pg.TextItem:
        """'building up' over the first 28 days of history, where the curves have no number."""
        item = pg.TextItem("building up\n(first 28 days)", color=(128, 128, 128), anchor=(0.5, 0))
        plot.addItem(item)
        item.setVisible(False)
        return item

    def place_building_label(self, item: pg.TextItem, h: LoadHistory, lo: int, hi: int, top: float) -> None:
        """Centre the label over the part of the building-up days inside lo..hi-1, or hide it."""
        first, last = max(lo, h.first), min(hi, h.first + HISTORY_DAYS - 1)
        if h.empty or first >= last:
            item.setVisible(False)
            return
        item.setPos(date_ts(h.start) + (first + last) / 2 * DAY_S, top)
        item.setVisible(True)

    @staticmethod
    def day_at(h: LoadHistory | None, x: float) -> int | None:
        """The history's day index under the pointer's x (seconds), or None off the history."""
        if h is None or h.n == 0:
            return None
        i = int((x - date_ts(h.start)) // DAY_S)
        return i if 0 <= i < h.n else None

    def finish(self) -> None:
        """The read-out goes under the plots."""
        self._layout.addWidget(self.readout)

    def on_hover(self, plot: pg.PlotWidget, slot: Callable[[QPointF], None]) -> None:
        """Call `slot` with the view coordinates under the mouse, at most 60 times a second; the
        proxy must stay referenced or it delivers nothing (PLATFORM.md)."""
        vb = plot.getPlotItem().getViewBox()

        def moved(args: tuple) -> None:
            pos = args[0]
            if vb.sceneBoundingRect().contains(pos):
                slot(vb.mapSceneToView(pos))

        self._proxies.append(pg.SignalProxy(plot.scene().sigMouseMoved, rateLimit=60, slot=moved))

    def apply_palette(self, palette: QPalette) -> None:
        background = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        axis_pen = pg.mkPen(palette.color(QPalette.ColorRole.Mid), width=1)
        for plot in self.plots:
            plot.setBackground(background)
            item = plot.getPlotItem()
            for name in ("left", "bottom", "right"):
                ax = item.getAxis(name)
                ax.setPen(axis_pen)
                ax.setTextPen(pg.mkPen(text))
        for item, color in self._planned_bars:
            item.setOpts(brush=faint(color, palette))
