"""The charts dock: the first pane to follow the pane contract.

The window calls `refresh(changes)` after each change while the dock is visible (and once when it
is shown after being hidden), `set_week(first_day)` when the calendar shows another week, and
listens to `weekClicked` to show the week clicked in chart 1.

A dock that has never been refreshed costs nothing: pyqtgraph, numpy, the plots and the whole
history are only loaded on the first `refresh` (building five plots takes ~60 ms on a quiet machine,
importing pyqtgraph and numpy more), so a window that starts with the dock hidden, or that defers the
first refresh until after its first paint, does not wait for the charts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDockWidget, QLabel, QWidget

if TYPE_CHECKING:
    from planner.services.load import LoadService
    from planner.ui.charts.pane import ChartsPane


class ChartsDock(QDockWidget):
    weekClicked = Signal(object)  # dt.date: the first day of the week clicked in chart 1
    #: The user changed the days of the chronic and the acute load (the window may keep them in
    #: its settings and hand them back with `set_time_constants`).
    timeConstantsChanged = Signal(int, int)
    #: The user chose another range to show ("12 weeks", ..., "All"); `set_range` hands it back.
    rangeChanged = Signal(str)

    def __init__(self, store: Any, parent: QWidget | None = None, *,
                 today: Callable[[], dt.date] = dt.date.today, load: LoadService | None = None) -> None:
        super().__init__("Charts", parent)
        self.setObjectName("ChartsDock")
        self.store = store
        self._today = today
        self._load = load
        self._week: dt.date | None = None
        self._constants: tuple[int, int] | None = None
        self._range: str | None = None
        self.pane: ChartsPane | None = None
        placeholder = QLabel("Charts")
        placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        placeholder.setEnabled(False)
        self.setWidget(placeholder)

    def refresh(self, changes: Any) -> None:
        """Bring the charts up to date with `changes` (`dates`, `profile`, `everything`); the first
        call builds the charts and reads the whole history."""
        if self.pane is None:
            from planner.ui.charts.pane import ChartsPane

            self.pane = ChartsPane(self.store, today=self._today, load=self._load)
            self.pane.weekClicked.connect(self.weekClicked)
            if self._week is not None:
                self.pane.set_week(self._week)
            if self._constants is not None:
                self.pane.set_constants(*self._constants)
            if self._range is not None:
                self.pane.range_box.setCurrentText(self._range)
            self.pane.constantsChanged.connect(self._constants_changed)
            self.pane.range_box.currentTextChanged.connect(self.rangeChanged)
            self.setWidget(self.pane)
            self.pane.reload()
            return
        self.pane.refresh(changes)

    def set_time_constants(self, fitness_days: int, fatigue_days: int) -> None:
        """Days of the chronic ("fitness", default 42) and acute ("fatigue", default 7) load."""
        self._constants = (fitness_days, fatigue_days)
        if self.pane is not None:
            self.pane.set_constants(fitness_days, fatigue_days)

    def _constants_changed(self, fitness_days: int, fatigue_days: int) -> None:
        self._constants = (fitness_days, fatigue_days)
        self.timeConstantsChanged.emit(fitness_days, fatigue_days)

    def set_range(self, label: str) -> None:
        """The range shown, by its label in the Show box (an unknown label is ignored)."""
        self._range = label
        if self.pane is not None:
            self.pane.range_box.setCurrentText(label)

    def set_week(self, first_day: dt.date) -> None:
        """The week shown in the calendar: chart 4 shows its hard sets, chart 1 marks it."""
        self._week = first_day
        if self.pane is not None:
            self.pane.set_week(first_day)
