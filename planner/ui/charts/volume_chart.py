"""Chart 1: weekly running volume (distance or minutes) and lifting volume (tonnage or hard sets),
done and still planned stacked and plainly distinct. Clicking a week shows it in the calendar."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Signal
from PySide6.QtWidgets import QWidget

from planner.domain.enums import Units
from planner.domain.load_history import LoadHistory
from planner.domain.units import distance_unit, kg_to_lb, km_to_mi, load_unit
from planner.ui.charts.axes import DAY_S, WeekDateAxis, date_ts
from planner.ui.charts.base import LIFT_COLOR, RUN_COLOR, ChartPanel, fmt, pen, solid, swatch

BAR_WIDTH_S = 5.6 * DAY_S
RUN_METRICS = ("distance", "minutes")
LIFT_METRICS = ("tonnage", "hard sets")


class VolumeChart(ChartPanel):
    weekClicked = Signal(object)  # dt.date: the first day of the clicked week

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Weekly volume", parent)
        self.run_metric = "distance"
        self.lift_metric = "tonnage"
        self.units = Units.METRIC
        self.history: LoadHistory | None = None
        self.run_plot = self.add_plot(WeekDateAxis(centre_weeks=True), min_height=110)
        self.lift_plot = self.add_plot(WeekDateAxis(centre_weeks=True), min_height=130)
        self.lift_plot.setXLink(self.run_plot)
        self.run_done = pg.BarGraphItem(x=[], height=[], width=BAR_WIDTH_S, brush=solid(RUN_COLOR), pen=None)
        self.run_planned = self.planned_bars(RUN_COLOR, x=[], y0=[], height=[], width=BAR_WIDTH_S,
                                             pen=pen(RUN_COLOR))
        self.lift_done = pg.BarGraphItem(x=[], height=[], width=BAR_WIDTH_S, brush=solid(LIFT_COLOR), pen=None)
        self.lift_planned = self.planned_bars(LIFT_COLOR, x=[], y0=[], height=[], width=BAR_WIDTH_S,
                                              pen=pen(LIFT_COLOR))
        for item in (self.run_done, self.run_planned):
            self.run_plot.addItem(item)
        for item in (self.lift_done, self.lift_planned):
            self.lift_plot.addItem(item)
        self.week_markers = []
        for plot in (self.run_plot, self.lift_plot):
            marker = pg.LinearRegionItem(movable=False, brush=pg.mkBrush(128, 128, 128, 40), pen=pg.mkPen(None))
            plot.addItem(marker)
            self.week_markers.append(marker)
        self.run_plot.getAxis("bottom").setStyle(showValues=False)
        self.finish()
        for plot in (self.run_plot, self.lift_plot):
            self.on_hover(plot, self._hover)
            plot.scene().sigMouseClicked.connect(lambda ev, p=plot: self._clicked(p, ev))
        # Arrays last handed to the plots, in display units, for the read-out and the tests.
        self.run_values: tuple[np.ndarray, np.ndarray] = (np.zeros(0), np.zeros(0))
        self.lift_values: tuple[np.ndarray, np.ndarray] = (np.zeros(0), np.zeros(0))
        self._legend()

    # -- data -------------------------------------------------------------------------------------
    def run_unit(self) -> str:
        return distance_unit(self.units) if self.run_metric == "distance" else "min"

    def lift_unit(self) -> str:
        return load_unit(self.units) if self.lift_metric == "tonnage" else "sets"

    def _series(self, h: LoadHistory) -> tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]:
        imperial = self.units is Units.IMPERIAL
        if self.run_metric == "distance":
            run = (h.week_done["run_km"], h.week_planned["run_km"])
            if imperial:
                run = (km_to_mi(run[0]), km_to_mi(run[1]))
        else:
            run = (h.week_done["run_min"], h.week_planned["run_min"])
        if self.lift_metric == "tonnage":
            lift = (h.week_done["tonnage_kg"], h.week_planned["tonnage_kg"])
            if imperial:
                lift = (kg_to_lb(lift[0]), kg_to_lb(lift[1]))
        else:
            lift = (h.week_done["hard_sets"], h.week_planned["hard_sets"])
        return run, lift

    def update_data(self, h: LoadHistory, units: Units, lo: int = 0, hi: int | None = None) -> None:
        """Hand the plots the weeks holding days lo..hi-1 (only what is on screen gets painted)."""
        self.history = h
        self.units = units
        w0, w1 = _weeks(lo, h.n if hi is None else hi)
        x = np.arange(w0, w1) * 7 * DAY_S + date_ts(h.start) + 3.5 * DAY_S
        self.run_values, self.lift_values = self._series(h)
        for done_item, planned_item, (done, planned) in (
            (self.run_done, self.run_planned, self.run_values),
            (self.lift_done, self.lift_planned, self.lift_values),
        ):
            done_item.setOpts(x=x, height=done[w0:w1], width=BAR_WIDTH_S)
            planned_item.setOpts(x=x, y0=done[w0:w1], height=planned[w0:w1], width=BAR_WIDTH_S)
        self.run_plot.getAxis("bottom").first_weekday = h.start.weekday()
        self.lift_plot.getAxis("bottom").first_weekday = h.start.weekday()
        self.set_axis_label(self.run_plot, "left", self.run_unit())
        self.set_axis_label(self.lift_plot, "left", self.lift_unit())
        self._legend()
        self.fit(w0, w1)

    def _legend(self) -> None:
        self.set_legend([
            swatch(RUN_COLOR, f"running done ({self.run_unit()})"), swatch(RUN_COLOR, "running planned", "faint"),
            swatch(LIFT_COLOR, f"lifting done ({self.lift_unit()})"), swatch(LIFT_COLOR, "lifting planned", "faint"),
        ], "Click a week to show it in the calendar.",
            "Tonnage = sets x reps x load of working sets; warm-ups and bodyweight sets count zero (McBride 2009). "
            "A hard set is a working set at RPE 7 or more on the reps-in-reserve scale, i.e. 3 or fewer reps in "
            "reserve (Zourdos 2016). Done = marked done, with its actual values; planned = not yet done.")

    def fit(self, w0: int, w1: int) -> None:
        """Fit the y axes to weeks w0..w1-1."""
        for plot, (done, planned) in ((self.run_plot, self.run_values), (self.lift_plot, self.lift_values)):
            top = float(np.max((done + planned)[w0:w1], initial=0.0))
            self.set_y_range(plot, 0, top * 1.08 if top > 0 else 1)

    def mark_week(self, first: dt.date) -> None:
        t = date_ts(first)
        for marker in self.week_markers:
            marker.setRegion((t, t + 7 * DAY_S))

    # -- hover and click --------------------------------------------------------------------------
    def week_at(self, x: float) -> int | None:
        h = self.history
        if h is None or h.n == 0:
            return None
        w = int((x - date_ts(h.start)) // (7 * DAY_S))
        return w if 0 <= w < h.n // 7 else None

    def _hover(self, p: QPointF) -> None:
        w = self.week_at(p.x())
        if w is None or self.history is None:
            return
        self.readout.setText(self.week_text(w))

    def week_text(self, w: int) -> str:
        """The read-out for week `w`: volumes, the easy:hard split of running time, and the week's
        load, monotony and strain (Foster 1998; population SD, undefined for equal days)."""
        h = self.history
        assert h is not None
        first = h.day(7 * w)
        rd, rp = self.run_values[0][w], self.run_values[1][w]
        ld, lp = self.lift_values[0][w], self.lift_values[1][w]
        easy = h.week_done["run_easy_min"][w] + h.week_planned["run_easy_min"][w]
        hard = h.week_done["run_hard_min"][w] + h.week_planned["run_hard_min"][w]
        mono = h.monotony[w]
        monotony = "undefined" if mono != mono else fmt(mono, 2)
        return (f"Week of {first.day} {first:%b %Y}: running {_amount(rd, rp, self.run_unit())} "
                f"({fmt(easy, 0)} min easy, {fmt(hard, 0)} min above easy); "
                f"lifting {_amount(ld, lp, self.lift_unit())}; load {fmt(h.week_load[w], 0)} AU, "
                f"monotony {monotony}, strain {fmt(h.strain[w], 0)}")

    def _clicked(self, plot: pg.PlotWidget, ev) -> None:  # noqa: ANN001 - a pyqtgraph mouse event
        vb = plot.getPlotItem().getViewBox()
        if not vb.sceneBoundingRect().contains(ev.scenePos()):
            return
        w = self.week_at(vb.mapSceneToView(ev.scenePos()).x())
        if w is not None and self.history is not None:
            self.weekClicked.emit(self.history.day(7 * w))


def _weeks(lo: int, hi: int) -> tuple[int, int]:
    """The weeks holding days lo..hi-1."""
    return lo // 7, max(lo // 7 + 1, -(-hi // 7))


def _amount(done: float, planned: float, unit: str) -> str:
    decimals = 0 if unit in ("kg", "lb", "min") else 1
    total = done + planned
    return f"{fmt(done, decimals)} done + {fmt(planned, decimals)} planned = {fmt(total, decimals)} {unit}"
