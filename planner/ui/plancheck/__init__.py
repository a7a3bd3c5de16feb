"""The Plan check pane (issue 10)."""

from planner.ui.plancheck.dock import PlanCheckDock

__all__ = ["PlanCheckDock"]
