"""Running operations: the one door every change goes through.

`Runner` is what the services need. `DirectRunner` is the command line's: each operation is applied
and on disk when `run` returns, or nothing is (the store rolls back and the error propagates). The
window's runner (models/undo.py) wraps the same operations for its undo stack.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Protocol

from planner.services.changes import Changes
from planner.services.operations import Operation
from planner.store.store import Store


class Runner(Protocol):
    store: Store

    def run(self, op: Operation) -> bool:
        """Apply `op`; False when it could not be applied (the reason has gone to the user)."""
        ...

    def group(self, text: str) -> contextlib.AbstractContextManager[None]:
        """Operations run inside are one action: one undo step, one broadcast, one save."""
        ...


class DirectRunner:
    """Applies operations at once, for the command line; errors propagate to the caller.

    `applied` lists what each action changed, in order (a group counts once)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.applied: list[Changes] = []
        self._group: Changes | None = None

    def run(self, op: Operation) -> bool:
        with self.store.batch():
            changes = op.apply(self.store)
        if self._group is not None:
            self._group = self._group.merge(changes)
        else:
            self.applied.append(changes)
        return True

    @contextlib.contextmanager
    def group(self, text: str) -> Iterator[None]:
        if self._group is not None:  # nested: part of the outer group
            yield
            return
        self._group = Changes(text=text)
        try:
            with self.store.batch():  # saved once, and not at all if the body fails
                yield
            self.applied.append(self._group.said(self._group.origin, text))
        finally:
            self._group = None
