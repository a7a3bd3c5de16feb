"""When the start is over: the window shown, the calendar painted, then each visible pane current.

`StartupTrace` watches one window's start. It emits `settled` once every pane that is visible has
been refreshed (the app then moves the loaded history out of the garbage collector's way), and
with HYBRID_PLANNER_TRACE_STARTUP=1 it prints one line to stderr, in ms since the process started:

    startup: shown 512 ms, calendar 530 ms, charts 1210 ms, plan check 1300 ms

Panes are named as in the View menu and listed in the order they were added; a pane that is not
visible (a closed dock, a tab behind another) is not part of the start and is left out.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Sequence
from typing import TextIO

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QDockWidget, QWidget

from planner.ui.panes import PaneHost

TRACE_ENV = "HYBRID_PLANNER_TRACE_STARTUP"


_IMPORTED_AT = time.perf_counter()


def process_age_ms() -> float:
    """Milliseconds since this process started (Linux: from the kernel's record of the start, to
    its 10 ms tick; elsewhere from when this module was imported, early in app.run_gui)."""
    try:
        with open("/proc/self/stat", encoding="ascii") as f:
            ticks = int(f.read().rsplit(")", 1)[1].split()[19])  # field 22: starttime
        started = ticks / os.sysconf("SC_CLK_TCK")
        return (time.clock_gettime(time.CLOCK_BOOTTIME) - started) * 1000
    except (OSError, ValueError, IndexError, AttributeError):
        return (time.perf_counter() - _IMPORTED_AT) * 1000


def trace_line(marks: Sequence[tuple[str, float]]) -> str:
    """`startup: shown 512 ms, calendar 530 ms, ...` from (name, ms) pairs, in their order."""
    return "startup: " + ", ".join(f"{name} {round(ms)} ms" for name, ms in marks)


class StartupTrace(QObject):
    settled = Signal()

    def __init__(self, window: QWidget, calendar: Sequence[QWidget], panes: PaneHost, *,
                 clock: Callable[[], float] = process_age_ms, out: TextIO | None = None) -> None:
        """`calendar`: the widgets that paint the calendar (the day views' viewports); `out`:
        where the line goes (stderr when HYBRID_PLANNER_TRACE_STARTUP=1, otherwise nowhere)."""
        super().__init__(window)
        self._window, self._panes, self._clock = window, panes, clock
        self._out = out if out is not None else (sys.stderr if os.environ.get(TRACE_ENV) == "1" else None)
        self._unpainted = set(map(id, calendar))
        self._calendar = list(calendar)
        self.marks: dict[str, float] = {}
        self._current: dict[int, float] = {}
        self.done = False
        window.installEventFilter(self)
        for widget in self._calendar:
            widget.installEventFilter(self)
        panes.refreshed.connect(self._on_refreshed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Show and watched is self._window and "shown" not in self.marks:
            self.marks["shown"] = self._clock()
        elif kind == QEvent.Type.Paint and id(watched) in self._unpainted:
            self._unpainted.discard(id(watched))
            if not self._unpainted:
                self.marks["calendar"] = self._clock()
                self._check()
        return False

    def _on_refreshed(self) -> None:
        now = self._clock()
        for pane in self._docks():
            if pane.isVisible() and not self._panes.is_stale(pane):
                self._current.setdefault(id(pane), now)
        self._check()

    def _docks(self) -> list[QDockWidget]:
        return [p for p in self._panes.panes() if isinstance(p, QDockWidget)]

    def _check(self) -> None:
        if self.done or "calendar" not in self.marks:
            return
        shown = [p for p in self._docks() if p.isVisible()]
        if any(id(p) not in self._current for p in shown):
            return
        self.done = True
        for widget in (self._window, *self._calendar):
            widget.removeEventFilter(self)
        self._panes.refreshed.disconnect(self._on_refreshed)
        for pane in shown:
            self.marks[pane.windowTitle().lower()] = self._current[id(pane)]
        if self._out is not None:
            print(trace_line(list(self.marks.items())), file=self._out, flush=True)
        self.settled.emit()
