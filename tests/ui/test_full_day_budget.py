"""Issue 19: a day with as many sessions as the store accepts (10,001) keeps every visible pane
within its budget (DESIGN.md: <= 50 ms to bring a pane current). What a pane draws is capped, and it
says how many more there are."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow

from planner.domain.session import Session
from planner.ui.nutrition.dock import NutritionDock
from planner.ui.nutrition.timeline import MAX_SESSIONS_SHOWN
from tests.ui.test_nutrition_dock import Changes
from tests.ui.test_nutrition_dock import store as store  # the dock's fixture, shared (a redundant alias re-exports)

DAY = dt.date(2026, 11, 24)
BUDGET_S = 0.25  # 5 x DESIGN.md's 50 ms: generous for a shared 2-core machine; main took minutes
#: A change on that day recomputes the week's targets: every session counts in the day's numbers, but
#: fuelling advice is worded only for the sessions the timeline lists (~60 ms here; ~0.3-0.4 s when all
#: 10,001 were worded; main took over 9 minutes, its next-session lookup was quadratic).
RECOMPUTE_S = 0.15  # 3 x the budget: fails when every session is worded (~0.24 s here)


def _day_of(n: int, day: dt.date = DAY) -> list[Session]:
    return [Session(kind="run", type="easy", title=f"Run {i + 1}", duration_min=30, rpe=3, date=day, position=i)
            for i in range(n)]


def _dock(qtbot, store, day: dt.date) -> NutritionDock:
    host = QMainWindow()
    dock = NutritionDock(store, host, today=day)
    host.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    host.resize(900, 900)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    dock._host = host  # noqa: SLF001 - kept alive with the dock
    return dock


def _timed(qtbot, act) -> float:
    t = time.perf_counter()
    act()
    qtbot.wait(0)  # the layout and paint the change asked for
    return time.perf_counter() - t


@pytest.mark.parametrize("n", [1_000, 10_001])
def test_nutrition_pane_on_a_full_day_stays_within_budget(qtbot, store, n):
    store.sessions.apply(put=_day_of(n))
    dock = _dock(qtbot, store, DAY - dt.timedelta(days=1))
    # selecting a card on that day; on main: 59 s at 1,000 sessions, over 9 minutes at 10,001
    took = _timed(qtbot, lambda: dock.set_day(DAY))
    print(f"select a day of {n:,} sessions: {took * 1000:.0f} ms")
    assert took < BUDGET_S
    assert len(dock.timeline.headers()) == MAX_SESSIONS_SHOWN
    assert dock.timeline.more_text() == f"+ {n - MAX_SESSIONS_SHOWN:,} more sessions this day (not listed)"
    # a change on that day (an edit, a drop) brings the pane current within the budget too
    store.sessions.apply(put=[store.sessions.on_date(DAY)[0].replace(title="Renamed")])
    recompute = _timed(qtbot, lambda: dock.refresh(Changes(dates=frozenset({DAY}))))
    print(f"a change on that day: {recompute * 1000:.0f} ms")
    assert recompute < RECOMPUTE_S


def test_the_cap_both_sides(qtbot, store):
    store.sessions.apply(put=_day_of(MAX_SESSIONS_SHOWN))
    dock = _dock(qtbot, store, DAY)
    assert len(dock.timeline.headers()) == MAX_SESSIONS_SHOWN and dock.timeline.more_text() == ""
    store.sessions.apply(put=[_day_of(1)[0].replace(position=MAX_SESSIONS_SHOWN)])
    dock.refresh(Changes(dates=frozenset({DAY})))
    assert len(dock.timeline.headers()) == MAX_SESSIONS_SHOWN
    assert dock.timeline.more_text() == "+ 1 more session this day (not listed)"


def test_ctrl_d_on_a_full_day_says_why_nothing_happened(make_window, monkeypatch):
    """Issue 19: Ctrl+D on a day of 10,001 sessions did nothing and said nothing."""
    from PySide6.QtWidgets import QMessageBox

    from tests.services.conftest import MONDAY
    from tests.ui.test_calendar_view import select

    window = make_window(_day_of(10_001, MONDAY))
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: said.append(text))
    select(window, 0, 0)
    window.session_actions.duplicate.trigger()
    assert said == ["Nothing was duplicated: Monday 23 November 2026 holds 10,001 sessions, and a day holds "
                    "at most 10,001."]
    assert len(window.store.sessions.on_date(MONDAY)) == 10_001
