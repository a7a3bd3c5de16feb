"""Running operations: the one door every change goes through.

`Runner` is what the services need. `DirectRunner` is the command line's: each operation is applied
and on disk when `run` returns, or nothing is (the store rolls back and the error propagates). The
window's runner (models/undo.py) wraps the same operations for its undo stack.
"""

from __future__ import annotations

import contextlib
from typing import Protocol

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
    """Applies operations at once, for the command line; errors propagate to the caller (the
    store rolled back, so nothing of a failed change or group is on disk)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def run(self, op: Operation) -> bool:
        with self.store.batch():
            op.apply(self.store)
        return True

    def group(self, text: str) -> contextlib.AbstractContextManager[None]:
        """Saved once at the end, and not at all if the body fails (store batches nest)."""
        return self.store.batch()
