from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtGui import QUndoStack

from planner.domain.session import Exercise, Session, Template, WorkSet
from planner.models.undo import ChangeBus, UndoRunner
from planner.services.library import LibraryService, ProfileService
from planner.services.plan import PlanService
from planner.store.database import open_store

MONDAY = dt.date(2026, 11, 23)

BUILTINS = (
    Template(id="easy-run", kind="run", type="easy", title="Easy run", duration_min=45, rpe=3, distance_km=8),
    Template(id="heavy-lower", kind="lift", type="lower", title="Heavy lower body", duration_min=60, rpe=8,
             exercises=(Exercise("Back squat", (WorkSet(5, 100, 8),) * 5, ("quads", "glutes")),)),
    Template(id="rest", kind="rest", title="Rest day", duration_min=0, rpe=0),
)


class Recorder:
    def __init__(self, bus: ChangeBus) -> None:
        self.changes = []
        self.errors = []
        bus.changed.connect(self.changes.append)
        bus.error.connect(self.errors.append)


@pytest.fixture
def env(data_dir, qapp):
    store = open_store(data_dir, BUILTINS)
    stack = QUndoStack()
    bus = ChangeBus()
    runner = UndoRunner(store, stack, bus)
    plan = PlanService(runner)

    class Env:
        pass

    e = Env()
    e.store, e.stack, e.bus, e.plan, e.runner = store, stack, bus, plan, runner
    e.library = LibraryService(runner)
    e.profile = ProfileService(runner)
    e.rec = Recorder(bus)
    e.data_dir = data_dir
    yield e
    # Undo commands and slots of plain objects (a LoadService's notify) hold the runner and the
    # store: let them go while the QApplication lives, not in pytest's last garbage collection.
    stack.clear()
    bus.changed.disconnect()
    bus.error.disconnect()
    store.close()


def run(title: str, day: dt.date, **kw) -> Session:
    kw.setdefault("duration_min", 40)
    kw.setdefault("rpe", 3)
    return Session(kind=kw.pop("kind", "run"), title=title, date=day, **kw)
