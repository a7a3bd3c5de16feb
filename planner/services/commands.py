"""Undoable commands. Each records the state before and after, and writes through the store.

A command is applied once by its service before it is pushed (so a failed save never lands on the
undo stack); QUndoStack.push then calls redo(), which skips that first call.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtGui import QUndoCommand

from planner.domain.session import Session
from planner.services.changes import ChangeBus, Changes
from planner.store.sessions import SessionRepository


class _Command(QUndoCommand):
    def __init__(self, text: str, bus: ChangeBus) -> None:
        super().__init__(text)
        self._bus = bus
        self._skip_first_redo = True

    def forward(self) -> Changes:
        raise NotImplementedError

    def backward(self) -> Changes:
        raise NotImplementedError

    def redo(self) -> None:
        if self._skip_first_redo:
            self._skip_first_redo = False
            return
        self._run(self.forward)

    def undo(self) -> None:
        self._run(self.backward)

    def _run(self, step: Callable[[], Changes]) -> None:
        # Qt calls undo/redo from C++: an exception must not escape, it is reported instead.
        try:
            changes = step()
        except Exception as exc:  # noqa: BLE001 - shown to the user, state is rolled back
            self._bus.error.emit(f"Could not {self.text().lower()}: {exc}")
            self._bus.publish(Changes(everything=True))
            return
        self._bus.publish(changes)


class SessionsCommand(_Command):
    """Replace a set of sessions: `before` (what the affected days held) becomes `after`.

    Sessions only in `before` are deleted, sessions only in `after` are created (their new ids are
    kept so that undo and redo find them again), and changed ones are rewritten.
    """

    def __init__(self, text: str, bus: ChangeBus, repo: SessionRepository,
                 before: Sequence[Session], after: Sequence[Session]) -> None:
        super().__init__(text, bus)
        self._repo = repo
        self._before = list(before)
        self._after = list(after)

    def _dates(self) -> set[dt.date]:
        return {s.date for s in self._before} | {s.date for s in self._after}

    def forward(self) -> Changes:
        old = self._before
        self._after = self._swap(old, self._after)
        return Changes.sessions(self._dates(), _focus(old, self._after))

    def backward(self) -> Changes:
        self._swap(self._after, self._before)
        return Changes.sessions(self._dates(), _focus(self._after, self._before))

    def _swap(self, old: list[Session], new: list[Session]) -> list[Session]:
        new_ids = {s.id for s in new if s.id is not None}
        remove = [s.id for s in old if s.id is not None and s.id not in new_ids]
        old_by_id = {s.id: s for s in old if s.id is not None}
        changed = [s for s in new if s.id is None or old_by_id.get(s.id) != s]
        stored = dict(zip(map(id, changed), self._repo.apply(remove=remove, put=changed), strict=True))
        return [stored.get(id(s), s) for s in new]

    @property
    def after(self) -> list[Session]:
        return self._after


def _focus(old: Sequence[Session], new: Sequence[Session]) -> list[int]:
    """The sessions a person would say the change was about: new ones, and those changed in more
    than their position (the neighbours a drop renumbers are not selected)."""
    by_id = {s.id: s for s in old}
    out = []
    for s in new:
        was = by_id.get(s.id)
        if s.id is not None and (was is None or was.replace(position=s.position) != s):
            out.append(s.id)
    return out


class StateCommand(_Command):
    """Set a small piece of state (profile, template library) from one value to another."""

    def __init__(self, text: str, bus: ChangeBus, apply: Callable[[Any], None],
                 before: object, after: object, changes: Changes) -> None:
        super().__init__(text, bus)
        self._apply, self._before, self._after, self._changes = apply, before, after, changes

    def forward(self) -> Changes:
        self._apply(self._after)
        return self._changes

    def backward(self) -> Changes:
        self._apply(self._before)
        return self._changes
