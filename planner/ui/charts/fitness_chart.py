"""Chart 3: chronic load ("fitness"), acute load ("fatigue") and form, continued through the
planned weeks (dashed after today). Labelled as load in AU, not as measured fitness: 42 and 7 days
are TrainingPeaks' defaults, not constants fitted to the athlete (Hellard 2006; SCIENCE.md §3, §9).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QWidget

from planner.domain.load_history import LoadHistory, unmarked_text
from planner.ui.charts.axes import DAY_S, WeekDateAxis, date_ts
from planner.ui.charts.base import (
    FATIGUE_COLOR,
    FITNESS_COLOR,
    FORM_COLOR,
    ChartPanel,
    building_end,
    curve_xy,
    fmt,
    line_data,
    pen,
    swatch,
)

SERIES = (("fitness", FITNESS_COLOR), ("fatigue", FATIGUE_COLOR), ("form", FORM_COLOR))


class FitnessChart(ChartPanel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Chronic load, acute load and form", parent)
        self.history: LoadHistory | None = None
        self.today_index = 0
        self.plot = self.add_plot(WeekDateAxis(), min_height=150)
        self.plot.getPlotItem().setLabel("left", "AU")
        #: name -> (up to today, solid; from today on, dashed)
        self.curves: dict[str, tuple[pg.PlotDataItem, pg.PlotDataItem]] = {}
        for name, color in SERIES:
            past = pg.PlotDataItem([], [], pen=pen(color), connect="finite")
            future = pg.PlotDataItem([], [], pen=pen(color, dashed=True), connect="finite")
            self.curves[name] = (past, future)
        for name in ("form", "fatigue", "fitness"):  # the smooth chronic load on top of the jagged acute
            for curve in self.curves[name]:
                self.plot.addItem(curve)
        self.building = self.building_label(self.plot)
        self.zero = pg.InfiniteLine(pos=0, angle=0, pen=pg.mkPen((128, 128, 128), width=1))
        dotted = pg.mkPen((128, 128, 128), width=1, style=Qt.PenStyle.DotLine)
        self.today = pg.InfiniteLine(angle=90, pen=dotted, label="today",
                                     labelOpts={"position": 0.95, "color": (128, 128, 128)})
        self.plot.addItem(self.zero)
        self.plot.addItem(self.today)
        self.finish()
        self.on_hover(self.plot, self._hover)
        self.constants_text = (42, 7)
        self.unmarked = 0
        self._legend()

    def _legend(self) -> None:
        chronic, acute = self.constants_text
        unmarked = unmarked_text(self.unmarked)
        self.set_legend(
            [swatch(FITNESS_COLOR, f"chronic load ({chronic} d)", "line"),
             swatch(FATIGUE_COLOR, f"acute load ({acute} d)", "line"),
             swatch(FORM_COLOR, "form (chronic - acute)", "line"),
             swatch("#808080", "planned", "dash")],
            "Load in AU, not measured fitness: the day constants are defaults, not fitted to you."
            + (f" {unmarked} (mark them done or skipped)." if unmarked else ""),
            "Chronic load ('fitness') and acute load ('fatigue') are exponentially weighted averages of daily "
            "session-RPE load, in AU. 42 and 7 days are TrainingPeaks' defaults (Coggan), not constants fitted "
            "to you with Banister's model (fitted values vary widely, 17-59 days; Hellard 2006); change them "
            "above. Update rule: X(today) = X(yesterday) + (load(today) - X(yesterday)) / days, starting "
            "from the mean daily load of your first 28 days (an app convention, so a steady start reads "
            "about even form). Form is yesterday's chronic minus acute load. Solid: sessions marked done "
            "(a past session never marked done counts as not done). Dashed: carried forward through planned "
            "sessions. No number for the first 28 days of history (building up).")

    def update_data(self, h: LoadHistory, today_index: int, lo: int = 0, hi: int | None = None) -> None:
        """Hand the plots days lo..hi-1: solid up to today, dashed from today on."""
        self.history = h
        hi = h.n if hi is None else hi
        self.today_index = today = min(max(today_index, 0), max(h.n - 1, 0))
        self.constants_text = (h.constants.fitness_days, h.constants.fatigue_days)
        self.unmarked = h.unmarked_past()
        x = date_ts(h.start) + (np.arange(lo, hi) + 0.5) * DAY_S
        t = min(max(today - lo, 0), hi - lo)  # today's place in the slice
        b = building_end(h, lo, hi)  # "building up": no number for the first 28 days of history
        for name, _ in SERIES:
            y = getattr(h, name)[lo:hi]
            past, future = self.curves[name]
            xs, ys, connect = line_data(x[b: t + 1], y[b: t + 1])
            past.setData(xs, ys, connect=connect)
            xs, ys, connect = line_data(x[max(b, t):], y[max(b, t):])
            future.setData(xs, ys, connect=connect)
        self.today.setValue(date_ts(h.day(today)) + 0.5 * DAY_S if h.n else 0)
        self.plot.getAxis("bottom").first_weekday = h.start.weekday()
        self._legend()
        self.fit(lo, hi)

    def series(self, name: str) -> tuple[np.ndarray, np.ndarray]:
        """(x, y) handed to the plot for `name`, past and future joined (today once), for tests."""
        (px, py), (fx, fy) = (curve_xy(c) for c in self.curves[name])
        x, y = np.concatenate((px, fx)), np.concatenate((py, fy))
        _, first = np.unique(x, return_index=True)
        return x[np.sort(first)], y[np.sort(first)]

    def fit(self, lo: int, hi: int) -> None:
        h = self.history
        if h is None:
            return
        keep = ~h.building[lo:hi]
        if not keep.any():
            self.set_y_range(self.plot, -1, 1)
            self.place_building_label(self.building, h, lo, hi, 1)
            return
        values = np.concatenate([getattr(h, name)[lo:hi][keep] for name, _ in SERIES])
        top, bottom = float(values.max()), float(min(values.min(), 0.0))
        span = (top - bottom) or 1.0
        self.set_y_range(self.plot, bottom - 0.05 * span, top + 0.05 * span)
        self.place_building_label(self.building, h, lo, hi, top + 0.05 * span)

    def _hover(self, p: QPointF) -> None:
        h = self.history
        i = self.day_at(h, p.x())
        if h is None or i is None:
            return
        day = h.day(i)
        when = "planned" if i > self.today_index else "done"
        if h.building[i]:
            self.readout.setText(f"{day:%a} {day.day} {day:%b %Y}: building up (under 28 days of history)")
            return
        self.readout.setText(
            f"{day:%a} {day.day} {day:%b %Y} ({when}): chronic load {fmt(h.fitness[i])} AU, "
            f"acute load {fmt(h.fatigue[i])} AU, form {fmt(h.form[i])} AU")
