"""The charts pane (pyqtgraph): weekly volume, daily load with the acute:chronic ratio, chronic and
acute load with form, and hard sets per muscle for the week on screen."""

from __future__ import annotations

from planner.ui.charts.dock import ChartsDock

__all__ = ["ChartsDock"]
