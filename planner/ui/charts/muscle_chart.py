"""Chart 4: hard sets per muscle group in the week on screen, done and planned, against a reference
that depends on the goal (Schoenfeld 2017; Spiering 2021):
- lift focus: about 10-20 hard sets per muscle a week (Schoenfeld 2017 dose-response, 10+ best;
  Baz-Valle 2022: 12-20 in trained young men);
- run focus: the maintenance dose, about one session a week with one set per exercise at the same
  load (Spiering 2021);
- balanced: both marks.
A hard set counts 1 for the exercise's main muscle and 0.5 for the others: a convention from a
preprint (Pelland 2024).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QWidget

from planner.domain.enums import Goal
from planner.ui.charts.base import LIFT_COLOR, REFERENCE_COLOR, ChartPanel, fmt, pen, solid, swatch

BAR_HEIGHT = 0.7
ROW_PX = 17
MIN_HEIGHT = 150
LIFT_RANGE = (10.0, 20.0)
#: One set per exercise, one session a week (Spiering 2021): about one hard set per muscle.
MAINTENANCE_SETS = 1.0


class MuscleChart(ChartPanel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Hard sets per muscle group", parent)
        self.goal = Goal.BALANCED
        self.first: dt.date | None = None
        self.plot = self.add_plot(min_height=MIN_HEIGHT)
        self.plot.getPlotItem().getAxis("left").setWidth(90)
        self.plot.getPlotItem().getViewBox().invertY(True)  # the most-trained muscle on top
        self.plot.getPlotItem().setLabel("bottom", "hard sets this week")
        self.done = pg.BarGraphItem(x0=[], y=[], width=[], height=BAR_HEIGHT, brush=solid(LIFT_COLOR), pen=None)
        self.planned = self.planned_bars(LIFT_COLOR, x0=[], y=[], width=[], height=BAR_HEIGHT, pen=pen(LIFT_COLOR))
        self.plot.addItem(self.done)
        self.plot.addItem(self.planned)
        ref = pg.mkPen(REFERENCE_COLOR, width=1, style=Qt.PenStyle.DashLine)
        # The y axis is inverted (most-trained muscle on top): position 0.02 puts the labels at the top.
        opts = {"position": 0.02, "color": REFERENCE_COLOR, "anchors": [(0, 0), (0, 0)]}
        self.low = pg.InfiniteLine(pos=LIFT_RANGE[0], angle=90, pen=ref, label="10", labelOpts=opts)
        self.high = pg.InfiniteLine(pos=LIFT_RANGE[1], angle=90, pen=ref, label="20", labelOpts=opts)
        self.maintenance = pg.InfiniteLine(pos=MAINTENANCE_SETS, angle=90, pen=ref, label="maint.", labelOpts=opts)
        for line in (self.low, self.high, self.maintenance):
            self.plot.addItem(line)
        self.empty = pg.TextItem("no hard sets this week", anchor=(0.5, 0.5), color=(128, 128, 128))
        self.plot.addItem(self.empty)
        self.finish()
        self.on_hover(self.plot, self._hover)
        self.muscles: list[str] = []
        self.muscles_shown: list[str] | None = None
        self.values: tuple[np.ndarray, np.ndarray] = (np.zeros(0), np.zeros(0))

    def update_data(self, first: dt.date, planned: Mapping[str, float], done: Mapping[str, float],
                    goal: Goal) -> None:
        self.first, self.goal = first, goal
        muscles = sorted(set(planned) | set(done), key=lambda m: (-(planned.get(m, 0) + done.get(m, 0)), m))
        self.muscles = muscles
        d = np.array([done.get(m, 0.0) for m in muscles])
        p = np.array([planned.get(m, 0.0) for m in muscles])
        self.values = (d, p)
        y = np.arange(len(muscles), dtype=float)
        self.done.setOpts(x0=np.zeros(len(muscles)), y=y, width=d, height=BAR_HEIGHT)
        self.planned.setOpts(x0=d, y=y, width=p, height=BAR_HEIGHT)
        if muscles != self.muscles_shown:
            self.muscles_shown = list(muscles)
            self.plot.getAxis("left").setTicks([[(float(i), m) for i, m in enumerate(muscles)]])
        lift, run = goal in (Goal.LIFT, Goal.BALANCED), goal in (Goal.RUN, Goal.BALANCED)
        self.low.setVisible(lift)
        self.high.setVisible(lift)
        self.maintenance.setVisible(run)
        top = max(float(np.max(d + p, initial=0.0)), LIFT_RANGE[1] + 2 if lift else MAINTENANCE_SETS + 4)
        n = max(len(muscles), 1)
        height = max(MIN_HEIGHT, ROW_PX * n + 40)
        if height != self.plot.minimumHeight():
            self.plot.setMinimumHeight(height)
        if self._ranges.get((id(self.plot), "x")) != (0, top * 1.05):
            self._ranges[(id(self.plot), "x")] = (0, top * 1.05)
            self.plot.setXRange(0, top * 1.05, padding=0)
        self.set_y_range(self.plot, -0.6, n - 0.4)
        self.empty.setVisible(not muscles)
        self.empty.setPos(top / 2, (n - 1) / 2)
        self._legend()

    def _legend(self) -> None:
        week = f" (week of {self.first.day} {self.first:%b})" if self.first else ""
        notes = {
            Goal.LIFT: "Lift focus: about 10-20 hard sets per muscle a week (Schoenfeld 2017; Baz-Valle 2022).",
            Goal.RUN: "Run focus: maintenance, about one session a week, one set per exercise (Spiering 2021).",
            Goal.BALANCED: "Marks: maintenance (Spiering 2021); 10-20 sets a week (Schoenfeld 2017; Baz-Valle 2022).",
        }
        self.title = "Hard sets per muscle group" + week
        self.set_legend(
            [swatch(LIFT_COLOR, "done"), swatch(LIFT_COLOR, "planned", "faint"),
             swatch(REFERENCE_COLOR, "reference", "dash")],
            notes[self.goal],
            "A hard set is a working set at RPE 7 or more on the reps-in-reserve scale (3 or fewer reps in "
            "reserve; Zourdos 2016). It counts 1 for the exercise's main muscle (the first listed) and 0.5 for "
            "each of the others: a convention from a preprint (Pelland 2024), not an established rule. "
            "References: lift focus about 10-20 sets per muscle a week (Schoenfeld 2017 dose-response; Baz-Valle "
            "2022, 12-20 in trained young men); run focus, strength and size kept with about one session a week, "
            "one set per exercise at the same load (Spiering 2021).")

    def _hover(self, p: QPointF) -> None:
        i = int(round(p.y()))
        if not 0 <= i < len(self.muscles):
            return
        d, pl = self.values[0][i], self.values[1][i]
        self.readout.setText(f"{self.muscles[i]}: {fmt(d)} hard sets done + {fmt(pl)} planned = {fmt(d + pl)}")
