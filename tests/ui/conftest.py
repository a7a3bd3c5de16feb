from __future__ import annotations

import datetime as dt

import pytest

from planner.app import build_window
from planner.store.database import open_store
from planner.ui.settings import Settings
from tests.services.conftest import BUILTINS, MONDAY, run

TODAY = MONDAY + dt.timedelta(days=2)  # a Wednesday
CATALOG = {"Back squat": ("quads", "glutes"), "Calf raise": ("calves",)}


@pytest.fixture
def make_window(data_dir, qtbot):
    """Build main windows on the test's data folder; each is closed and its store released."""
    opened = []

    def make(sessions=(), builtins=BUILTINS):
        store = open_store(data_dir, builtins)
        if sessions:
            store.sessions.apply(put=sessions)
        w = build_window(store, Settings(), CATALOG, today=lambda: TODAY)
        qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)
        opened.append(w)
        return w

    yield make
    for w in opened:
        w.close()
        w.store.close()


@pytest.fixture
def window(make_window):
    """Monday: A, B, C; Wednesday: D."""
    return make_window([run("A", MONDAY, position=0), run("B", MONDAY, position=1), run("C", MONDAY, position=2),
                        run("D", MONDAY + dt.timedelta(days=2))])


def titles(store, day):
    return [s.title for s in store.sessions.on_date(day)]
