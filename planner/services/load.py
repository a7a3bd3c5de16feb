"""One load engine for the whole app: a `LoadHistory` over the store, fed by `Changes`.

The charts, the plan check, the printed page, the report and the generator all read this one
history, so each change is applied once (only the changed days are re-read, and the series are
recomputed from the earliest of them), not once per reader over ten years of sessions.

Changes are only noted when they arrive (`notify`, cheap) and applied when someone next reads
(`history`), so a window whose load panes are all hidden pays nothing, and the order in which the
panes hear of a change does not matter. Qt-free: the command line uses the same service.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from planner.services.changes import Changes
from planner.store.store import Store

if TYPE_CHECKING:  # numpy comes with it: loaded at the first read, not at start-up
    from planner.domain.load_history import LoadHistory, TimeConstants


class LoadService:
    def __init__(self, store: Store, today: Callable[[], dt.date] = dt.date.today) -> None:
        self.store = store
        self._today = today
        self._history: LoadHistory | None = None
        self._pending = Changes()
        self._constants: TimeConstants | None = None
        self.builds = 0  # how many times the whole history was read (tests, benchmarks)

    def notify(self, changes: Changes) -> None:
        """Note `changes`; they are applied at the next read."""
        if self._history is not None:
            self._pending = self._pending.merge(changes)

    def reset(self) -> None:
        """Read everything again at the next read (a new file)."""
        self._history = None
        self._pending = Changes()

    def history(self, through: dt.date | None = None) -> LoadHistory:
        """The history, current with every change noted so far, reaching today's week (and the
        week of `through`, when given)."""
        pending, self._pending = self._pending, Changes()
        h = self._history
        if h is None or pending.everything:
            h = self._build()
        else:
            if pending.profile:
                h.set_week_start(self.store.profile.get().week_start)
            if pending.dates:
                h.update(pending.dates, self.store.sessions.on_date)
        h.set_today(self._today())
        if through is not None:
            h.reach(through)
        return h

    def set_constants(self, constants: TimeConstants) -> None:
        """Days of the chronic and acute load (the user's choice in the charts)."""
        self._constants = constants
        if self._history is not None:
            self._history.set_constants(constants)

    def _build(self) -> LoadHistory:
        from planner.domain.load_history import LoadHistory

        h = LoadHistory(self.store.profile.get().week_start, self._constants)
        h.load(self.store.sessions.all(), today=self._today())
        self._history = h
        self.builds += 1
        return h
