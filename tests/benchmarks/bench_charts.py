"""Benchmark of the charts pane over the ten-year reference history (not a timed test).

    .venv/bin/python tests/benchmarks/bench_charts.py [--rounds N]

What is timed: after one session is changed in the store (untimed, as the save is the services'
business), `ChartsDock.refresh(changes)` recomputes from the changed day and every chart repaints
(`processEvents` until the paint events are done). Budget (issue 9, DESIGN.md): <= 50 ms.

Baselines measured in the same run: a bare QListView repainting one changed row (as bench.py), and
the charts repainting with no change at all (the cost of painting alone). For comparison: a full
reload (a new file) and building a new dock from scratch (what "rebuild the plots" would cost).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.benchmarks.bench import one_row_baseline, stats  # noqa: E402

Times = tuple[list[float], list[float]]  # wall-clock ms, CPU ms of this process


def timed(fn: Callable[[], object], rounds: int, between: Callable[[], object] | None = None) -> Times:
    """Wall and CPU time per call. The CPU time of this process (painting offscreen happens in it)
    hardly moves when other processes load the machine; the wall time does."""
    wall, cpu = [], []
    for _ in range(rounds):
        if between is not None:
            between()
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        wall.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    return wall, cpu


def row(name: str, t: Times, base: Times, budget: str) -> None:
    (med, p95), cpu = stats(t[0]), statistics.median(t[1])
    ratio = med / statistics.median(base[0])
    print(f"{name:<46} median {med:7.2f} ms  p95 {p95:7.2f} ms  cpu {cpu:7.2f} ms  "
          f"vs baseline {ratio:7.3g}x  budget {budget}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    from types import SimpleNamespace

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QMainWindow

    from planner.dev.reference_file import reference_folder
    from planner.dev.reference_history import END
    from planner.resources import builtin_templates
    from planner.store.database import open_store
    from planner.ui.charts import ChartsDock

    folder, _ = reference_folder("hp-bench-charts-")
    tmp = folder.parent
    app = QApplication.instance() or QApplication([])
    store = open_store(folder, builtin_templates())
    sessions = store.sessions.all()
    today = END - dt.timedelta(days=14)
    print(f"Reference history: {len(sessions)} sessions, {sessions[0].date} .. {sessions[-1].date}; "
          f"{os.cpu_count()} cores")

    window = QMainWindow()
    dock = ChartsDock(store, window, today=lambda: today)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.resize(760, 1000)
    window.show()
    t0 = time.perf_counter()
    dock.refresh(SimpleNamespace(dates=frozenset(), profile=False, everything=True))
    app.processEvents()
    print(f"first show: load the history and paint every chart {1000 * (time.perf_counter() - t0):.1f} ms; "
          f"load average {os.getloadavg()[0]:.1f}")

    base = (one_row_baseline(app, args.rounds * 2), [])  # wall ms; the ratio reads only these

    def repaint_only() -> None:
        for chart in dock.pane.charts:
            for plot in chart.plots:
                plot.viewport().update()
        app.processEvents()

    def change_at(victim):  # noqa: ANN001, ANN202
        flip = [victim.replace(duration_min=victim.duration_min + 5), victim]
        k = iter(range(10**9))

        def apply() -> None:
            store.sessions.apply(put=[flip[next(k) % 2]])
            store.storage.flush()  # the background save is done, as between two human gestures
            app.processEvents()

        def refresh() -> None:
            dock.refresh(SimpleNamespace(dates=frozenset({victim.date}), profile=False, everything=False))
            app.processEvents()

        return apply, refresh

    def full_reload() -> None:
        dock.refresh(SimpleNamespace(dates=frozenset(), profile=False, everything=True))
        app.processEvents()

    def rebuild() -> None:
        w = ChartsDock(store, window, today=lambda: today)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, w)
        w.show()
        w.refresh(SimpleNamespace(dates=frozenset(), profile=False, everything=True))
        app.processEvents()
        window.removeDockWidget(w)
        w.deleteLater()
        app.processEvents()

    this_week = [s for s in sessions if s.date <= today][-1]
    five_years = sessions[len(sessions) // 2]
    first = sessions[0]
    for label in ("12 weeks", "All"):
        dock.pane.range_box.setCurrentText(label)
        app.processEvents()
        print(f"\nCharts showing {label} (dock 760 x 1000, offscreen)")
        paint = timed(repaint_only, args.rounds)
        row("repaint only, nothing changed", paint, base, "-")
        for name, victim in (("this week", this_week), (f"{five_years.date} (5 years back)", five_years),
                             (f"{first.date} (first day)", first)):
            apply, refresh = change_at(victim)
            row(f"change on {name}: recompute + redraw", timed(refresh, args.rounds, apply), base, "<= 50 ms")
        row("full reload (a new file)", timed(full_reload, max(3, args.rounds // 4)), base, "-")
    row("build a new dock from scratch (for comparison)", timed(rebuild, 3), base, "-")
    print("(ratios are to the bare QListView one-row repaint)")
    window.close()
    store.close()
    # A drop in the whole window with the charts visible: tests/benchmarks/bench.py.
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
