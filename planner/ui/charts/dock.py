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
    from planner.ui.charts.pane import ChartsPane


class ChartsDock(QDockWidget):
    weekClicked = Signal(object)  # dt.date: the first day of the week clicked in chart 1

    def __init__(self, store: Any, parent: QWidget | None = None, *,
                 today: Callable[[], dt.date] = dt.date.today) -> None:
        super().__init__("Charts", parent)
        self.setObjectName("ChartsDock")
        self.store = store
        self._today = today
        self._week: dt.date | None = None
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

            self.pane = ChartsPane(self.store, today=self._today)
            self.pane.weekClicked.connect(self.weekClicked)
            if self._week is not None:
                self.pane.set_week(self._week)
            self.setWidget(self.pane)
            self.pane.reload()
            return
        self.pane.refresh(changes)

    def set_week(self, first_day: dt.date) -> None:
        """The week shown in the calendar: chart 4 shows its hard sets, chart 1 marks it."""
        self._week = first_day
        if self.pane is not None:
            self.pane.set_week(first_day)
