"""The three views of the plan in the window's centre: the week, the season and the trends.

The season and the trends are built the first time they are shown (a window that never shows them
pays nothing). The season is a second WeekModel over 4-16 weeks from the week shown, fed by the
same change bus; the trends are the four charts at full size, a pane like the charts dock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from planner.domain.enums import Units
from planner.models.week_model import WeekModel
from planner.services.changes import Changes
from planner.ui.calendar.season_view import WEEK_CHOICES, SeasonView
from planner.ui.calendar.week_view import WeekView
from planner.ui.icons import IconCache
from planner.ui.panes import PaneHost

if TYPE_CHECKING:
    from planner.app import Parts
    from planner.ui.charts.pane import ChartsPane

VIEWS = ("week", "season", "trends")
DEFAULT_SEASON_WEEKS = 12


_View = TypeVar("_View", bound=QWidget)

class TrendsView(QWidget):
    """The charts dock's four charts at full size, their controls in one row; a pane."""

    weekClicked = Signal(object)  # dt.date

    def __init__(self, parts: Parts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TrendsView")
        self._parts = parts
        self.pane: ChartsPane | None = None
        self._week: dt.date | None = None
        QVBoxLayout(self).setContentsMargins(0, 0, 0, 0)

    def refresh(self, changes: Changes) -> None:
        if self.pane is None:
            from planner.ui.charts.pane import ChartsPane

            self.pane = ChartsPane(self._parts.store, today=self._parts.today, load=self._parts.load)
            self.pane.range_box.setCurrentText("26 weeks")
            self.pane.weekClicked.connect(self.weekClicked)
            if self._week is not None:
                self.pane.set_week(self._week)
            self.layout().addWidget(self.pane)
            self.pane.reload()
            return
        self.pane.refresh(changes)

    def set_week(self, first_day: dt.date) -> None:
        self._week = first_day
        if self.pane is not None:
            self.pane.set_week(first_day)


class CentralViews(QStackedWidget):
    """Week, season or trends, one at a time; View > Week / Season / Trends switch."""

    viewChanged = Signal(str)

    def __init__(self, parts: Parts, week_view: WeekView, icons: IconCache, panes: PaneHost,
                 units: Callable[[], Units], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._parts, self._icons, self._panes, self._units = parts, icons, panes, units
        self.week_view = week_view
        self.season_view: SeasonView | None = None
        self.trends_view: TrendsView | None = None
        self.season_model: WeekModel | None = None
        self._season_built: list[Callable[[SeasonView], object]] = []
        self._trends_built: list[Callable[[TrendsView], object]] = []
        self.addWidget(week_view)
        group = QActionGroup(self)
        self.actions_by_view: dict[str, QAction] = {}
        for key, text, keys, tip in (
                ("week", "&Week", "Ctrl+Shift+O", "One week, every detail of every session"),
                ("season", "&Season", "Ctrl+Shift+S", "4 to 16 weeks with a summary of each week"),
                ("trends", "&Trends", "Ctrl+Shift+T", "The four charts at full size")):
            a = QAction(text, self, checkable=True)
            a.setShortcut(QKeySequence(keys))
            a.setStatusTip(tip)
            a.setChecked(key == "week")
            a.triggered.connect(lambda _=False, k=key: self.show_view(k))
            group.addAction(a)
            self.actions_by_view[key] = a

    def on_season_built(self, hook: Callable[[SeasonView], object]) -> None:
        """Call `hook(season_view)` once the season view exists (wiring panes and actions)."""
        if self.season_view is not None:
            hook(self.season_view)
        else:
            self._season_built.append(hook)

    def on_trends_built(self, hook: Callable[[TrendsView], object]) -> None:
        if self.trends_view is not None:
            hook(self.trends_view)
        else:
            self._trends_built.append(hook)

    @property
    def current_name(self) -> str:
        w = self.currentWidget()
        return "season" if w is self.season_view and w is not None else \
            "trends" if w is self.trends_view and w is not None else "week"

    def show_view(self, name: str, *, weeks: int | None = None) -> None:
        """Show `name` ("week", "season" or "trends"); `weeks`: how many the season shows."""
        if name == "season":
            view = self._season()
            if weeks is not None:
                self.set_season_weeks(weeks)
            self.setCurrentWidget(view)
        elif name == "trends":
            self.setCurrentWidget(self._trends())
        else:
            self.setCurrentWidget(self.week_view)
        self.actions_by_view[name].setChecked(True)
        self.viewChanged.emit(name)

    def set_season_weeks(self, weeks: int) -> None:
        weeks = min((n for n in WEEK_CHOICES if n >= weeks), default=WEEK_CHOICES[-1])
        self._season()
        assert self.season_model is not None and self.season_view is not None
        self.season_model.set_weeks(weeks)
        self.season_view.weeks_box.setCurrentIndex(WEEK_CHOICES.index(weeks))
        self._parts.settings.season_weeks = weeks

    def _season(self) -> SeasonView:
        if self.season_view is None:
            from planner.services.season import season_summaries

            p = self._parts
            weeks = p.settings.season_weeks
            self.season_model = WeekModel(p.store.sessions, p.plan, p.bus, p.week_model.first_day,
                                          units=self._units(), today=p.today, weeks=weeks)
            p.week_model.weekChanged.connect(self.season_model.set_week)
            p.bus.changed.connect(self._profile_changed)
            view = SeasonView(self.season_model, self._icons,
                              lambda firsts: season_summaries(p.load, firsts, p.today()), self._units)
            view.weeksChanged.connect(self.set_season_weeks)
            self.season_view = view
            self._install(view, self._season_built)
        return self.season_view

    def _profile_changed(self, changes: Changes) -> None:
        """New units reach the season's cards (the first day of the week comes with the week)."""
        if (changes.profile or changes.everything) and self.season_model is not None:
            self.season_model.set_units(self._units())

    def _trends(self) -> TrendsView:
        if self.trends_view is None:
            view = self.trends_view = TrendsView(self._parts)
            self._install(view, self._trends_built)
        return self.trends_view

    def _install(self, view: _View, built: list[Callable[[_View], object]]) -> None:
        """A view built on first use joins the stack and the panes, and meets who waited for it."""
        self.addWidget(view)
        self._panes.add(view)
        for hook in built:
            hook(view)
        built.clear()
