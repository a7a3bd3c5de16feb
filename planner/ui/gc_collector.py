"""Python's cyclic garbage collector, run on the interface thread only.

Left automatic, the collector runs in whichever thread happens to allocate: the activity
reader's thread, the background save, the calendar export. A collection there that frees a Qt
object (a closed dialog's wrapper caught in a reference cycle) destroys it off the interface
thread, which crashes Qt (a segfault in libQt6Core). So automatic collection is off, and a timer
on the interface thread collects the generations whose thresholds were passed, as the automatic
collector would have.

It starts once the window's start has settled: the loaded history is collected once and frozen
out of every later collection (a full collection over ten years of sessions otherwise stalls a
drag by 16-120 ms), and the collector stays off while it is read.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


class GuiThreadCollector(QObject):
    INTERVAL_MS = 500

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(self.INTERVAL_MS)
        self._timer.timeout.connect(self.collect_due)
        self.started = False

    def start(self) -> None:
        """Collect once, freeze what is alive, and from now on collect on the timer."""
        if self.started:
            return
        self.started = True
        gc.collect()
        gc.freeze()
        self._timer.start()

    def collect_due(self) -> None:
        """The generations whose allocation thresholds were passed, youngest first."""
        counts, limits = gc.get_count(), gc.get_threshold()
        if counts[0] > limits[0]:
            gc.collect(0)
            if counts[1] > limits[1]:
                gc.collect(1)
                if counts[2] > limits[2]:
                    gc.collect(2)

    def stop(self) -> None:
        """Back to automatic collection (the window is gone; no Qt object is left to free)."""
        self._timer.stop()
        if self._was_enabled:
            gc.enable()
