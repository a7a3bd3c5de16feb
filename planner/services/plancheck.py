"""The plan check over the store: builds the rules' window and keeps a load history current.

Qt-free, so the dock and the command line read the same findings. The load rules read the one
load history of planner/services/load.py: handed a shared `LoadService` (the window's), the check
only reads it; without one it keeps its own, fed by `update(changes)`.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from planner.domain.rules import Finding, PlanWindow
from planner.domain.rules.model import LOOKAHEAD_DAYS, LOOKBACK_DAYS
from planner.services.changes import Changes
from planner.services.load import LoadService
from planner.store.store import Store

if TYPE_CHECKING:
    from planner.domain.load_history import LoadHistory


class PlanCheck:
    def __init__(self, store: Store, today: dt.date | None = None, load: LoadService | None = None) -> None:
        self.store = store
        self.today = today or dt.date.today()
        self._owns_load = load is None
        self.load = load or LoadService(store, lambda: self.today)

    def _history(self) -> LoadHistory:
        return self.load.history()

    def update(self, changes: Changes) -> None:
        """Note `changes` for the load history this check keeps (a shared one is fed elsewhere)."""
        if self._owns_load:
            self.load.notify(changes)

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
