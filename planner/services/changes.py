"""What a command changed, broadcast once after every do, undo and redo (Anki's OpChanges)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal


@dataclass(frozen=True)
class Changes:
    """Panes check the parts they show and refresh only those."""

    dates: frozenset[dt.date] = frozenset()
    profile: bool = False
    templates: bool = False
    logs: bool = False
    select: tuple[int, ...] = ()  # session ids to select after the change (moved, pasted...)
    everything: bool = False  # a whole new file (import, restore)

    @staticmethod
    def sessions(dates: Iterable[dt.date], select: Iterable[int] = ()) -> Changes:
        return Changes(dates=frozenset(dates), select=tuple(select))

    def touches(self, first: dt.date, last: dt.date) -> bool:
        return self.everything or any(first <= d <= last for d in self.dates)


class ChangeBus(QObject):
    """The one signal every pane listens to; `error` carries messages for the user."""

    changed = Signal(object)  # Changes
    error = Signal(str)

    def publish(self, changes: Changes) -> None:
        self.changed.emit(changes)
