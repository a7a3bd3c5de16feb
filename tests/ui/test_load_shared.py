"""In the window the charts, the plan check and the printed page read one load history (issue 20)."""

from __future__ import annotations

import datetime as dt

from planner.services.changes import Changes
from tests.ui.conftest import MONDAY


def test_the_panes_share_one_load_history_fed_by_the_bus(window, qtbot):
    load = window.parts.load
    window.charts_dock.refresh(Changes(everything=True))
    window.plancheck_dock.refresh(Changes(everything=True))
    history = window.charts_dock.pane.history
    assert window.plancheck_dock.check.window(MONDAY, MONDAY).history is history
    before = load.builds
    # A drop is applied once, by whichever reads first; the other reads the same arrays.
    window.plan.add([window.store.sessions.on_date(MONDAY)[0].replace(id=None, position=9)],
                    MONDAY + dt.timedelta(days=4))
    window.charts_dock.refresh(Changes(dates=frozenset({MONDAY + dt.timedelta(days=4)})))
    window.plancheck_dock.refresh(Changes(dates=frozenset({MONDAY + dt.timedelta(days=4)})))
    assert load.builds == before and window.charts_dock.pane.history is history
    assert history.total_load[history.index(MONDAY + dt.timedelta(days=4))] > 0
    # The printed page reads it too.
    extras = window.printing.weeks(1)
    assert load.builds == before and extras
