"""The pane contract: a pane registers once and is kept current through the change broadcast.

A pane is a widget (usually a dock) with `refresh(changes)`; it may also say which changes concern
it with `wants(changes)`. The host, not the pane, decides when to call refresh:
- hidden, a pane costs nothing: it is only marked stale, with the changes it missed merged, and is
  refreshed when it is shown again;
- visible panes are refreshed after the calendar has painted the change, all in one coalesced pass,
  so a drop's own repaint stays within one frame however many panes listen.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QDockWidget, QWidget

from planner.models.undo import ChangeBus
from planner.services.changes import Changes


class Pane(Protocol):
    def refresh(self, changes: Changes) -> None: ...


class PaneHost(QObject):
    refreshed = Signal()  # after each pass that refreshed at least one pane (tests, benchmarks)

    def __init__(self, bus: ChangeBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._panes: list[QWidget] = []
        self._missed: dict[int, Changes] = {}  # id(pane) -> what it has not seen yet
        # id(pane) -> {name: (setter, latest value)}: what the calendar asked the pane to follow
        # (its week, its day), handed over in the same pass as the refresh
        self._follow: dict[int, dict[str, tuple[Callable[[Any], object], Any]]] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._pass)
        self.painted_at = 0.0  # perf_counter() when the calendar had painted the last change
        self._held = False  # hold_until_shown: no pass before the window is on screen
        self._release_after = 0
        self._window: QWidget | None = None
        bus.changed.connect(self._on_changes)

    def add(self, pane: QWidget) -> QWidget:
        """Register `pane` (a QWidget with `refresh(changes)`); returns it for chaining."""
        self._panes.append(pane)
        if isinstance(pane, QDockWidget):
            pane.visibilityChanged.connect(lambda shown, p=pane: shown and self._catch_up(p))
        else:
            pane.installEventFilter(self)
        self._missed[id(pane)] = Changes(everything=True)  # first sight: build from scratch
        if _shown(pane):
            self._schedule()
        return pane

    def follow(self, pane: QWidget, name: str, setter: Callable[[Any], object], value: Any) -> None:
        """Hand `value` to `pane`'s `setter` (e.g. set_day) in the next pass, after the calendar has
        painted, or when the pane is next shown; only the latest value per name is kept."""
        self._follow.setdefault(id(pane), {})[name] = (setter, value)
        if _shown(pane):
            self._schedule()

    def hold_until_shown(self, window: QWidget, delay_ms: int = 150) -> None:
        """No pass until `window` has painted its first frame (or, should no paint come, until it
        has been shown for `delay_ms`): at start-up the calendar appears first and the panes
        (charts over ten years, the plan check) fill in right after."""
        self._held = True
        self._release_after = delay_ms
        window.installEventFilter(self)
        self._window = window

    def _release(self) -> None:
        if self._held:
            self._held = False
            self._schedule()

    def _schedule(self) -> None:
        if not self._held:
            self._timer.start()

    def panes(self) -> list[QWidget]:
        return list(self._panes)

    def is_stale(self, pane: QWidget) -> bool:
        return id(pane) in self._missed

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if self._held and watched is self._window:
            if kind == QEvent.Type.Show:  # at the latest (timers tied to the host: never after it)
                QTimer.singleShot(self._release_after, self, self._release)
            elif kind == QEvent.Type.Paint:  # the first frame: the pass runs once it is on screen
                QTimer.singleShot(0, self, self._release)
        elif kind == QEvent.Type.Show and isinstance(watched, QWidget):
            self._catch_up(watched)
        return False

    def _on_changes(self, changes: Changes) -> None:
        for pane in self._panes:
            wants = getattr(pane, "wants", None)
            if wants is not None and not wants(changes):
                continue
            key = id(pane)
            self._missed[key] = self._missed[key].merge(changes) if key in self._missed else changes
        if any(_shown(p) and id(p) in self._missed for p in self._panes):
            self._schedule()

    def _catch_up(self, pane: QWidget) -> None:
        if id(pane) in self._missed or self._follow.get(id(pane)):
            self._schedule()

    def flush(self) -> None:
        """Refresh every visible stale pane now (tests; the timer does this in the app)."""
        self._timer.stop()
        self._pass()

    def _pass(self) -> None:
        # Let the calendar paint the change first: its repaint is posted, the panes can wait.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.UpdateRequest)
        self.painted_at = time.perf_counter()
        done = False
        for pane in self._panes:
            if not _shown(pane):
                continue
            for setter, value in self._follow.pop(id(pane), {}).values():
                setter(value)
                done = True
            if id(pane) in self._missed:
                changes = self._missed.pop(id(pane))
                pane.refresh(changes)  # type: ignore[attr-defined]
                done = True
        if done:
            self.refreshed.emit()


def _shown(pane: QWidget) -> bool:
    return pane.isVisible()
