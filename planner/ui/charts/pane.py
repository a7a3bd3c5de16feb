"""What the charts dock shows once it is first refreshed: the controls and the four charts over the
whole history, read from the app's one load engine (planner/services/load.py).

The engine recomputes from the earliest changed date; the plots are built once and
only get new arrays (`setData` / `setOpts`) for the days in the chosen range, never rebuilt
(PLATFORM.md: rebuilding costs ~6x).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QSignalBlocker, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from planner.domain.load_history import LoadHistory, TimeConstants
from planner.domain.profile import Profile
from planner.domain.weeks import week_start
from planner.services.changes import Changes
from planner.services.load import LoadService
from planner.ui.charts.axes import DAY_S, date_ts
from planner.ui.charts.fitness_chart import FitnessChart
from planner.ui.charts.load_chart import LoadChart
from planner.ui.charts.muscle_chart import MuscleChart
from planner.ui.charts.volume_chart import VolumeChart
from planner.ui.reflow import FlowLayout, ReflowScrollArea

#: The range selector: label -> weeks shown (None: all history).
RANGES: dict[str, int | None] = {"4 weeks": 4, "8 weeks": 8, "12 weeks": 12, "26 weeks": 26, "52 weeks": 52,
                                 "All": None}


class ChartsPane(ReflowScrollArea):
    weekClicked = Signal(object)  # dt.date: the first day of the week clicked in chart 1
    constantsChanged = Signal(int, int)  # days of the chronic and the acute load

    def __init__(self, store: Any, parent: QWidget | None = None, *,
                 today: Callable[[], dt.date] = dt.date.today, load: LoadService | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._today = today
        # The window's shared engine is fed by the change bus; a pane on its own feeds its own.
        self._owns_load = load is None
        self.load_service = load or LoadService(store, today)
        self.profile = Profile()
        self.history = LoadHistory()
        self.loaded = False
        self.week: dt.date | None = None
        self.range_weeks: int | None = 12
        self._x_range: tuple[float, float] | None = None
        self.volume = VolumeChart()
        self.load = LoadChart()
        self.fitness = FitnessChart()
        self.muscles = MuscleChart()
        self.charts = (self.volume, self.load, self.fitness, self.muscles)
        self.volume.weekClicked.connect(self.weekClicked)
        self.load.plot.setXLink(self.volume.run_plot)
        self.fitness.plot.setXLink(self.volume.run_plot)
        self._build_controls()
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(4)
        layout.addLayout(self.controls)
        for chart in self.charts:
            layout.addWidget(chart, 1)
        self.setWidget(box)
        self._apply_palette()

    def _build_controls(self) -> None:
        self.range_box = QComboBox()
        self.range_box.addItems(list(RANGES))
        self.range_box.setCurrentText("12 weeks")
        self.range_box.setAccessibleName("Range shown")
        self.range_box.currentTextChanged.connect(self._range_changed)
        self.run_box = QComboBox()
        self.run_box.addItems(["distance", "minutes"])
        self.run_box.setAccessibleName("Running volume as")
        self.run_box.currentTextChanged.connect(self._metric_changed)
        self.lift_box = QComboBox()
        self.lift_box.addItems(["tonnage", "hard sets"])
        self.lift_box.setAccessibleName("Lifting volume as")
        self.lift_box.currentTextChanged.connect(self._metric_changed)
        self.chronic_box = QSpinBox()
        self.chronic_box.setRange(8, 120)
        self.chronic_box.setValue(self.history.constants.fitness_days)
        self.chronic_box.setSuffix(" d")
        self.chronic_box.setToolTip("Days of the chronic load (\"fitness\"); 42 is TrainingPeaks' default, "
                                    "not a constant fitted to you (Hellard 2006: 17-59 days).")
        self.acute_box = QSpinBox()
        self.acute_box.setRange(2, 30)
        self.acute_box.setValue(self.history.constants.fatigue_days)
        self.acute_box.setSuffix(" d")
        self.acute_box.setToolTip("Days of the acute load (\"fatigue\"); 7 is TrainingPeaks' default.")
        self.chronic_box.valueChanged.connect(self._constants_changed)
        self.acute_box.valueChanged.connect(self._constants_changed)
        # One row where there is room (the trends view); a narrow dock wraps them onto more rows,
        # each label kept with its control, so every control shows whole.
        self.controls_box = QWidget()
        flow = FlowLayout(self.controls_box, spacing=10)
        flow.setContentsMargins(4, 0, 4, 0)
        for text, widget in (("&Show", self.range_box), ("&Running", self.run_box), ("&Lifting", self.lift_box),
                             ("&Chronic load", self.chronic_box), ("&Acute load", self.acute_box)):
            pair = QWidget()
            row = QHBoxLayout(pair)
            row.setContentsMargins(0, 0, 0, 0)
            label = QLabel(text)
            label.setBuddy(widget)
            row.addWidget(label)
            row.addWidget(widget)
            flow.addWidget(pair)
        rows = QVBoxLayout()
        rows.addWidget(self.controls_box)
        self.controls = rows

    # -- what the dock hands on ----------------------------------------------------------------------
    def refresh(self, changes: Any) -> None:
        """Bring the charts up to date with `changes` (its dates, profile and everything flags)."""
        dates = getattr(changes, "dates", frozenset())
        if not self.loaded or getattr(changes, "everything", False):
            self.reload()
            return
        profile_changed = bool(getattr(changes, "profile", False))
        if self._owns_load:
            self.load_service.notify(Changes(dates=frozenset(dates), profile=profile_changed))
        if profile_changed:
            self.profile = self.store.profile.get()
        if dates or profile_changed:
            self._push()

    def reload(self) -> None:
        """Everything from the store (first show, a new file)."""
        self.profile = self.store.profile.get()
        if self._owns_load:
            self.load_service.reset()
        self.load_service.set_constants(self._constants())
        self.history = self.load_service.history()
        self.loaded = True
        self._push()

    def set_week(self, first_day: dt.date) -> None:
        """The week shown in the calendar: chart 4 shows its hard sets, chart 1 marks it."""
        self.week = first_day
        if self.loaded:
            self._push_week()

    # -- pushing arrays to the plots ----------------------------------------------------------------
    def _push(self) -> None:
        self.history = self.load_service.history()
        self._push_view()
        self._push_week()

    def _push_view(self) -> None:
        """Hand the time charts the days in the chosen range, set the x range, fit the y axes."""
        h = self.history
        lo, hi = self.visible_days()
        self.volume.update_data(h, self.profile.units, lo, hi)
        self.load.update_data(h, lo, hi, self.profile.units)
        self.fitness.update_data(h, h.index(self._today()), lo, hi)
        x0 = date_ts(h.start)
        x_range = (x0 + lo * DAY_S, x0 + hi * DAY_S)
        if x_range != self._x_range:  # an unchanged range must not make every axis redraw
            self._x_range = x_range
            self.volume.run_plot.setXRange(*x_range, padding=0.01)

    def _push_week(self) -> None:
        first = self.week or week_start(self._today(), self.profile.week_start)
        planned, done = self.history.hard_sets_by_muscle(first)
        self.muscles.update_data(first, planned, done, self.profile.goal)
        self.volume.mark_week(first)

    def visible_days(self) -> tuple[int, int]:
        """Day indices [lo, hi) of the range chosen: the last N weeks of the history (which runs to
        the later of today's week and the last planned week), or all of it."""
        n = self.history.n
        lo = 0 if self.range_weeks is None else max(0, n - 7 * self.range_weeks)
        return lo, n

    # -- controls -----------------------------------------------------------------------------------
    def _range_changed(self, text: str) -> None:
        self.range_weeks = RANGES[text]
        if self.loaded:
            self._push_view()

    def _metric_changed(self) -> None:
        self.volume.run_metric = self.run_box.currentText()
        self.volume.lift_metric = self.lift_box.currentText()
        if self.loaded:
            self.volume.update_data(self.history, self.profile.units, *self.visible_days())

    def _constants(self) -> TimeConstants:
        chronic, acute = self.chronic_box.value(), self.acute_box.value()
        return TimeConstants(chronic, min(acute, chronic - 1))

    def set_constants(self, fitness_days: int, fatigue_days: int) -> None:
        """Days of the chronic and acute load (e.g. the user's choice restored from settings)."""
        with QSignalBlocker(self.chronic_box), QSignalBlocker(self.acute_box):
            self.chronic_box.setValue(fitness_days)
            self.acute_box.setValue(fatigue_days)
        self._constants_changed()

    def _constants_changed(self) -> None:
        if self.acute_box.value() >= self.chronic_box.value():
            self.acute_box.setValue(self.chronic_box.value() - 1)
            return
        constants = self._constants()
        self.load_service.set_constants(constants)
        self.constantsChanged.emit(constants.fitness_days, constants.fatigue_days)
        if self.loaded:
            self.fitness.update_data(self.history, self.history.index(self._today()), *self.visible_days())

    # -- palette ------------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_palette()

    def _apply_palette(self) -> None:
        for chart in self.charts:
            chart.apply_palette(self.palette())
