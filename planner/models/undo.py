"""The window's side of the operations: a thin QUndoCommand adapter and the change bus.

Every change is applied once by `UndoRunner.run` before it is pushed (QUndoStack.push then calls
redo(), which skips that first call). The `Changes` value is broadcast from the stack's
`indexChanged`, i.e. after the stack has moved, for push, undo and redo alike, so whatever a
listener reads from the stack (undo text, clean state) is already the new state.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from planner.services.changes import Changes, Origin
from planner.services.operations import GroupOp, Operation
from planner.store.store import Store


class ChangeBus(QObject):
    """The one signal every pane listens to; `error` carries messages for the user."""

    changed = Signal(object)  # Changes
    error = Signal(str)

    def publish(self, changes: Changes) -> None:
        self.changed.emit(changes)


class OperationCommand(QUndoCommand):
    def __init__(self, op: Operation, runner: UndoRunner) -> None:
        super().__init__(op.text)
        self.op = op
        self._runner = runner
        self._first_redo = True

    def redo(self) -> None:
        if self._first_redo:  # already applied by UndoRunner.run
            self._first_redo = False
            return
        self._runner._step(self.op.apply, Origin.REDO, self.op.text)  # noqa: SLF001

    def undo(self) -> None:
        self._runner._step(self.op.revert, Origin.UNDO, self.op.text)  # noqa: SLF001


class _Group:
    """The operations of one `group()` so far, and whether one of them failed."""

    def __init__(self) -> None:
        self.parts: list[Operation] = []
        self.changes = Changes()
        self.failed = False


class _GroupFailed(Exception):
    """Ends a group's store batch when a step failed, so the store goes back to where it began."""


class UndoRunner:
    """Runs operations for the window: applied, pushed on the undo stack, broadcast once.

    All or nothing, like the command line's DirectRunner: an operation runs in a store batch, so
    one that raises half-way leaves the store as it was (tests/services/test_runner_contract.py).
    """

    def __init__(self, store: Store, stack: QUndoStack, bus: ChangeBus) -> None:
        self.store, self.stack, self.bus = store, stack, bus
        self._pending: Changes | None = None
        self._group: _Group | None = None
        stack.indexChanged.connect(self._broadcast)

    def run(self, op: Operation) -> bool:
        group = self._group
        if group is not None and group.failed:
            return False  # the group is already lost; its first failure was reported
        try:
            with self.store.batch():
                changes = op.apply(self.store)
        except Exception as exc:  # noqa: BLE001 - the store is back as it was; tell the user why
            self.bus.error.emit(f"Could not {op.text[:1].lower()}{op.text[1:]}: {exc}")
            if group is not None:
                group.failed = True
            return False
        if group is not None:
            group.parts.append(op)
            group.changes = group.changes.merge(changes)
            return True
        self._pending = changes.said(Origin.DO, op.text)
        self.stack.push(OperationCommand(op, self))
        return True

    @contextlib.contextmanager
    def group(self, text: str) -> Iterator[None]:
        """Operations run inside become one undo step and one broadcast. If the body raises or
        one of its operations fails, every step is reverted and nothing is pushed or broadcast."""
        if self._group is not None:
            yield
            return
        group = self._group = _Group()
        try:
            with self.store.batch():
                yield
                if group.failed:
                    raise _GroupFailed
        except _GroupFailed:
            pass
        finally:
            self._group = None
        if group.parts and not group.failed:
            self._pending = group.changes.said(Origin.DO, text)
            self.stack.push(OperationCommand(GroupOp(text, group.parts), self))

    def _step(self, step: Callable[[Store], Changes], origin: Origin, text: str) -> None:
        # Qt calls undo/redo from C++: an exception must not escape; it is reported instead, and
        # the batch has put the store back as it was before the step.
        try:
            with self.store.batch():
                changes = step(self.store).said(origin, text)
        except Exception as exc:  # noqa: BLE001
            self.bus.error.emit(f"Could not {origin.value} {text[:1].lower()}{text[1:]}: {exc}")
            changes = Changes(everything=True, origin=origin, text=text)
        self._pending = changes if self._pending is None else self._pending.merge(changes)

    def _broadcast(self, _index: int) -> None:
        changes, self._pending = self._pending, None
        if changes is not None:
            self.bus.publish(changes)
