"""One contract, two runners: an operation that fails half-way changes nothing, in the window
(UndoRunner, saving in the background) as on the command line (DirectRunner, saving at once).

DESIGN.md: nothing is stored half-way. The operation below writes a session and then raises,
as a bug or a full disk in the middle of a change would.
"""

from __future__ import annotations

import contextlib
import datetime as dt

import orjson
import pytest
from PySide6.QtGui import QUndoStack

from planner.models.undo import ChangeBus, UndoRunner
from planner.services.changes import Changes
from planner.services.operations import SessionsOp
from planner.services.runner import DirectRunner
from planner.store.database import open_store
from planner.store.store import Store
from tests.services.conftest import BUILTINS, MONDAY, run


class Boom(RuntimeError):
    pass


class WritesThenFails:
    """Writes one session, then raises before it can say what it changed."""

    text = "Half a change"

    def apply(self, store: Store) -> Changes:
        store.sessions.apply(put=[run("Written before the failure", MONDAY + dt.timedelta(days=2))])
        raise Boom("failed after its first write")

    def revert(self, store: Store) -> Changes:  # never reached: apply never finished
        raise AssertionError("a failed operation has nothing of its own to revert")


class Harness:
    """A runner of either kind over a store with one session, and what it pushed and broadcast."""

    def __init__(self, kind: str, data_dir, qapp) -> None:
        self.store = open_store(data_dir, BUILTINS)
        DirectRunner(self.store).run(SessionsOp("Seed", [], [run("Seed run", MONDAY)]))
        self.pushed: list[str] = []
        self.broadcast: list[Changes] = []
        if kind == "undo":
            self.stack = QUndoStack()
            self.bus = ChangeBus()
            self.bus.changed.connect(self.broadcast.append)
            self.runner = UndoRunner(self.store, self.stack, self.bus)
            self.store.storage.start_background()  # as the window saves
        else:
            self.stack = None
            self.runner = DirectRunner(self.store)

    def pushed_steps(self) -> int:
        return 0 if self.stack is None else self.stack.count()

    def tables(self) -> bytes:
        return orjson.dumps(self.store.storage.read(), option=orjson.OPT_SORT_KEYS)

    def on_disk(self) -> bytes:
        self.store.storage.flush()
        return self.store.path.read_bytes()


@pytest.fixture(params=["direct", "undo"])
def harness(request, data_dir, qapp):
    h = Harness(request.param, data_dir, qapp)
    yield h
    h.store.close()


def _state(h: Harness) -> tuple[bytes, bytes, list[str]]:
    return h.tables(), h.on_disk(), [s.title for s in h.store.sessions.all()]


def test_a_failing_operation_changes_nothing(harness):
    before = _state(harness)
    with contextlib.suppress(Boom):  # the command line raises; the window reports and says False
        assert not harness.runner.run(WritesThenFails())
    assert _state(harness) == before
    assert harness.store.sessions.on_date(MONDAY + dt.timedelta(days=2)) == []
    assert harness.pushed_steps() == 0
    assert harness.broadcast == []


def test_a_group_with_a_failing_step_reverts_every_step_and_pushes_nothing(harness):
    before = _state(harness)
    with contextlib.suppress(Boom), harness.runner.group("Two steps"):
        assert harness.runner.run(SessionsOp("First step", [], [run("First step", MONDAY + dt.timedelta(days=1))]))
        harness.runner.run(WritesThenFails())
        harness.runner.run(SessionsOp("After the failure", [], [run("Third", MONDAY + dt.timedelta(days=3))]))
    assert _state(harness) == before
    assert [s.title for s in harness.store.sessions.all()] == ["Seed run"]
    assert harness.pushed_steps() == 0
    assert harness.broadcast == []


def test_a_group_whose_body_raises_reverts_every_step(harness):
    before = _state(harness)
    with pytest.raises(Boom), harness.runner.group("Two steps"):
        harness.runner.run(SessionsOp("First step", [], [run("First step", MONDAY + dt.timedelta(days=1))]))
        raise Boom("the service gave up")
    assert _state(harness) == before
    assert harness.pushed_steps() == 0
    assert harness.broadcast == []


def test_after_a_failure_the_next_operation_is_applied_and_undoable(harness):
    with contextlib.suppress(Boom):
        harness.runner.run(WritesThenFails())
    assert harness.runner.run(SessionsOp("Add", [], [run("Next one", MONDAY + dt.timedelta(days=4))]))
    assert [s.title for s in harness.store.sessions.all()] == ["Seed run", "Next one"]
    assert b"Next one" in harness.on_disk()
    if harness.stack is not None:
        assert harness.stack.count() == 1
        harness.stack.undo()
        assert [s.title for s in harness.store.sessions.all()] == ["Seed run"]
