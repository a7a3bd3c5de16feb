"""Operations: plain-Python changes to the store that know how to undo themselves.

An operation applies to the store and returns the `Changes` it made; `revert` puts the store back
and returns the same kind of value. The window wraps each one in a QUndoCommand (models/undo.py) and
the command line runs them directly (services/runner.py): one path for both front ends.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Generic, Protocol, TypeVar

from planner.domain.session import Session
from planner.services.changes import Changes
from planner.store.store import Store

T = TypeVar("T")


class Operation(Protocol):
    text: str

    def apply(self, store: Store) -> Changes: ...

    def revert(self, store: Store) -> Changes: ...


class SessionsOp:
    """Replace a set of sessions: `before` (what the affected days held) becomes `after`.

    Sessions only in `before` are deleted, sessions only in `after` are created (the ids they get
    are kept, so that undo and redo find them again), and changed ones are rewritten.
    """

    def __init__(self, text: str, before: Sequence[Session], after: Sequence[Session]) -> None:
        self.text = text
        self._before = list(before)
        self.after = list(after)

    def _dates(self) -> set[dt.date]:
        return {s.date for s in self._before} | {s.date for s in self.after}

    def apply(self, store: Store) -> Changes:
        self.after = _swap(store, self._before, self.after)
        return Changes(dates=frozenset(self._dates()), text=self.text)

    def revert(self, store: Store) -> Changes:
        _swap(store, self.after, self._before)
        return Changes(dates=frozenset(self._dates()), text=self.text)


def _swap(store: Store, old: list[Session], new: list[Session]) -> list[Session]:
    """Write `new` over `old`; returns `new` as stored (new sessions carry their ids)."""
    new_ids = {s.id for s in new if s.id is not None}
    remove = [s.id for s in old if s.id is not None and s.id not in new_ids]
    old_by_id = {s.id: s for s in old if s.id is not None}
    changed = [s for s in new if s.id is None or old_by_id.get(s.id) != s]
    stored = dict(zip(map(id, changed), store.sessions.apply(remove=remove, put=changed), strict=True))
    return [stored.get(id(s), s) for s in new]


class StateOp(Generic[T]):
    """Set a small piece of state (profile, template library, a log entry) from one value to another."""

    def __init__(self, text: str, write: Callable[[Store, T], None], before: T, after: T,
                 changes: Changes) -> None:
        self.text = text
        self._write, self._before, self._after = write, before, after
        self._changes = changes.said(changes.origin, text)

    def apply(self, store: Store) -> Changes:
        self._write(store, self._after)
        return self._changes

    def revert(self, store: Store) -> Changes:
        self._write(store, self._before)
        return self._changes


class GroupOp:
    """Several operations that make one user action (a fix, a generated block, an import):
    applied in order, undone in reverse, one undo step and one broadcast."""

    def __init__(self, text: str, parts: Sequence[Operation]) -> None:
        self.text = text
        self.parts = list(parts)

    def apply(self, store: Store) -> Changes:
        changes = Changes()
        for op in self.parts:
            changes = changes.merge(op.apply(store))
        return changes.said(changes.origin, self.text)

    def revert(self, store: Store) -> Changes:
        changes = Changes()
        for op in reversed(self.parts):
            changes = changes.merge(op.revert(store))
        return changes.said(changes.origin, self.text)
