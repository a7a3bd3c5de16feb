"""Chart 2: daily session-RPE load (done and planned) with the acute:chronic ratio on its own axis.

The ratio is shown as a trend and labelled as the heuristic it is (Impellizzeri 2020); no band is
drawn, because no band has been shown to be safe (SCIENCE.md §2).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QWidget

from planner.domain.enums import Units
from planner.domain.load_history import LoadHistory
from planner.ui.charts.axes import DAY_S, WeekDateAxis, date_ts
from planner.ui.charts.base import (
    ACWR_COLOR,
    LOAD_COLOR,
    UNCOUPLED_COLOR,
    ChartPanel,
    building_end,
    fmt,
    line_data,
    pen,
    solid,
    swatch,
)
from planner.words.quantities import format_distance

BAR_WIDTH_S = 0.8 * DAY_S
RATIO_FLOOR = 2.0  # the ratio axis shows at least 0..2


class LoadChart(ChartPanel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Daily load and acute:chronic ratio", parent)
        self.history: LoadHistory | None = None
        self.plot = self.add_plot(WeekDateAxis(), min_height=150)
        item = self.plot.getPlotItem()
        item.setLabel("left", "load (AU)")
        self.done = pg.BarGraphItem(x=[], height=[], width=BAR_WIDTH_S, brush=solid(LOAD_COLOR), pen=None)
        self.planned = self.planned_bars(LOAD_COLOR, x=[], y0=[], height=[], width=BAR_WIDTH_S, pen=None)
        self.plot.addItem(self.done)
        self.plot.addItem(self.planned)
        # The ratio on a second view box with the right axis, x linked to the load.
        self.ratio_box = pg.ViewBox(enableMouse=False)
        self.ratio_box.setMenuEnabled(False)
        item.getAxis("right").setStyle(showValues=True)
        item.scene().addItem(self.ratio_box)
        item.getAxis("right").linkToView(self.ratio_box)
        item.getAxis("right").setLabel("ratio")
        self.ratio_box.setXLink(item)
        self.ewma = pg.PlotDataItem([], [], pen=pen(ACWR_COLOR), connect="finite")
        self.uncoupled = pg.PlotDataItem([], [], pen=pen(UNCOUPLED_COLOR, dashed=True), connect="finite")
        self.ratio_box.addItem(self.ewma)
        self.ratio_box.addItem(self.uncoupled)
        item.getViewBox().sigResized.connect(self._sync_boxes)
        self.building = self.building_label(self.plot)
        self.units = Units.METRIC
        self.finish()
        self.on_hover(self.plot, self._hover)
        self.set_legend(
            [swatch(LOAD_COLOR, "load done"), swatch(LOAD_COLOR, "load planned", "faint"),
             swatch(ACWR_COLOR, "ratio, EWMA 7/28 d", "line"), swatch(UNCOUPLED_COLOR, "ratio, uncoupled", "dash")],
            "Load = session RPE x minutes (AU). The ratio is a heuristic trend, not an injury predictor "
            "(Impellizzeri 2020); no range of it is a safe zone.",
            "Load: session RPE x minutes, in arbitrary units (Foster 2001). The acute:chronic ratio divides recent "
            "load by longer-term load. EWMA form: 7- and 28-day exponentially weighted averages with "
            "lambda = 2/(N+1) (Williams 2017). Uncoupled form: mean of the last 7 days over the mean of days 8-28 "
            "(Lolli 2019). It is a rescaling of acute load with no causal link to injury (Impellizzeri 2020), and "
            "in 5,205 runners it showed a negative dose-response (Frandsen 2025): read it as a trend, never as a "
            "limit. It needs 28 days of history and says 'building up' before.")

    def _sync_boxes(self) -> None:
        self.ratio_box.setGeometry(self.plot.getPlotItem().getViewBox().sceneBoundingRect())

    def update_data(self, h: LoadHistory, lo: int = 0, hi: int | None = None, units: Units = Units.METRIC) -> None:
        """Hand the plots days lo..hi-1 (only what is on screen gets painted)."""
        self.history = h
        self.units = units
        hi = h.n if hi is None else hi
        x = date_ts(h.start) + (np.arange(lo, hi) + 0.5) * DAY_S
        done, planned = h.done["load_au"][lo:hi], h.planned["load_au"][lo:hi]
        self.done.setOpts(x=x, height=done, width=BAR_WIDTH_S)
        self.planned.setOpts(x=x, y0=done, height=planned, width=BAR_WIDTH_S)
        b = building_end(h, lo, hi)  # no ratio for the first 28 days of history
        for curve, ratio in ((self.ewma, h.acwr), (self.uncoupled, h.acwr_uncoupled)):
            xs, ys, connect = line_data(x[b:], ratio[lo:hi][b:])
            curve.setData(xs, ys, connect=connect)
        self.plot.getAxis("bottom").first_weekday = h.start.weekday()
        self.fit(lo, hi)

    def fit(self, lo: int, hi: int) -> None:
        h = self.history
        if h is None:
            return
        top = float(np.max(h.total_load[lo:hi], initial=0.0))
        top = top * 1.08 if top > 0 else 1
        self.set_y_range(self.plot, 0, top)
        self.place_building_label(self.building, h, lo, hi, top)
        ratios = np.concatenate((h.acwr[lo:hi], h.acwr_uncoupled[lo:hi]))
        rtop = float(np.nanmax(ratios)) if np.isfinite(ratios).any() else 0.0
        self.set_y_range(self.ratio_box, 0, max(RATIO_FLOOR, rtop) * 1.06)

    def _hover(self, p: QPointF) -> None:
        h = self.history
        i = self.day_at(h, p.x())
        if h is None or i is None:
            return
        day = h.day(i)
        if h.building[i]:
            ratio = "ratio building up (under 28 days of history)"
        else:
            ratio = f"ratio EWMA {fmt(h.acwr[i], 2)}, uncoupled {fmt(h.acwr_uncoupled[i], 2)}"
        spike = ""
        if h.spike[i] == h.spike[i]:  # not NaN: a run > 1.1 x the longest of the previous 30 days
            spike = (f"; single-run spike: {format_distance(float(h.longest_run[i]), self.units)} = "
                     f"{fmt(h.spike[i], 2)} x the longest run of the previous 30 days (Frandsen 2025)")
        self.readout.setText(
            f"{day:%a} {day.day} {day:%b %Y}: load {fmt(h.done['load_au'][i], 0)} AU done + "
            f"{fmt(h.planned['load_au'][i], 0)} AU planned; {ratio}{spike}")
