"""The plan check over the store: builds the rules' window and keeps a load history current.

Qt-free, so the dock and the command line read the same findings. `PlanCheck.update(changes)`
re-reads only the changed days of the load history (LoadHistory.update), so a refresh after one
change costs the rules over the five weeks shown, not a pass over the whole history.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from planner.domain.rules import Finding, PlanWindow
from planner.domain.rules.model import LOOKAHEAD_DAYS, LOOKBACK_DAYS
from planner.services.changes import Changes
from planner.store.store import Store

if TYPE_CHECKING:
    from planner.domain.load_history import LoadHistory


class PlanCheck:
    def __init__(self, store: Store, today: dt.date | None = None) -> None:
        self.store = store
        self.today = today or dt.date.today()
        self.history: LoadHistory | None = None

    def _history(self) -> LoadHistory:
        from planner.domain.load_history import LoadHistory  # numpy: loaded at the first check

        profile = self.store.profile.get()
        if self.history is None or self.history.week_start_day is not profile.week_start:
            self.history = LoadHistory(profile.week_start)
            self.history.load(self.store.sessions.all(), today=self.today)
        return self.history

    def update(self, changes: Changes) -> None:
        """Keep the load history current after `changes` (cheap: only the changed days)."""
        if self.history is None:
            return
        if changes.everything or changes.profile:
            self.history = None
        elif changes.dates:
            self.history.update(changes.dates, self.store.sessions.on_date)

    def window(self, first: dt.date, last: dt.date, load_rules: bool = True) -> PlanWindow:
        sessions: dict[dt.date, list] = {}
        for s in self.store.sessions.between(first - dt.timedelta(days=LOOKBACK_DAYS),
                                             last + dt.timedelta(days=LOOKAHEAD_DAYS)):
            sessions.setdefault(s.date, []).append(s)
        for day in sessions.values():
            day.sort(key=lambda s: s.position)
        readiness = {e.date: e for e in self.store.readiness.all()
                     if first - dt.timedelta(days=LOOKBACK_DAYS) <= e.date <= last}
        return PlanWindow(first, last, sessions, self.store.profile.get(), readiness,
                          self._history() if load_rules else None, self.today, self.store.templates.visible())

    def findings(self, first: dt.date, last: dt.date, with_fixes: bool = True) -> list[Finding]:
        from planner.domain.rules.engine import check

        return check(self.window(first, last), with_fixes)
