"""The season view over the ten-year reference history: a drop and a scroll, 16 weeks shown.

    .venv/bin/python tests/benchmarks/bench_season.py [--rounds N]

Baseline, measured in the same run: the same grid of bare QListViews (16 weeks x 7 days, each day
holding as many plain rows as the season's), one row moved from one view to another and repainted,
and the same scroll of the bare grid. Budget (DESIGN.md): a drop in the season view repainted
within one frame, median <= 16 ms.
"""

from __future__ import annotations

import argparse
import gc
import random
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.benchmarks.bench import SlowPane, row, timed, verdict  # noqa: E402


def _paint_now(app) -> None:  # noqa: ANN001
    from PySide6.QtCore import QCoreApplication, QEvent

    app.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.UpdateRequest)


def bare_grid(app, counts: list[int]):  # noqa: ANN001
    """The baseline: a scroll area with one bare list view per day, rows as the season's days."""
    from PySide6.QtCore import QStringListModel
    from PySide6.QtWidgets import QGridLayout, QListView, QScrollArea, QWidget

    area = QScrollArea()
    area.setWidgetResizable(True)
    box = QWidget()
    grid = QGridLayout(box)
    models = []
    for i, n in enumerate(counts):
        m = QStringListModel([f"session {i}.{k}" for k in range(n)])
        v = QListView()
        v.setModel(m)
        v.setMinimumHeight(140)
        grid.addWidget(v, i // 7, i % 7)
        models.append(m)
    area.setWidget(box)
    area.resize(1100, 800)
    area.show()
    _paint_now(app)
    return area, models


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from planner.app import build_window
    from planner.dev.reference_file import reference_folder
    from planner.resources import builtin_templates, exercise_catalog
    from planner.store.database import open_store
    from planner.ui.settings import Settings

    folder, sessions = reference_folder("hp-bench-season-")
    app = QApplication.instance() or QApplication([])
    store = open_store(folder, builtin_templates())
    last = store.sessions.all()[-1].date
    window = build_window(store, Settings(), exercise_catalog(), today=lambda: last)
    slow = SlowPane(5.0)  # a pane listening, so "painted" is measured before the panes' pass
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, slow.dock)
    window.panes.add(slow.dock)
    window.resize(1400, 880)
    window.go_to(last - __import__("datetime").timedelta(weeks=30))  # 16 busy weeks of the history
    window.views.show_view("season", weeks=16)
    window.show()
    for _ in range(5):
        _paint_now(app)
    window.panes.flush()
    gc.collect()
    gc.freeze()
    season = window.views.season_view
    model = window.views.season_model
    counts = [len(model.day_sessions(i)) for i in range(len(model.days))]
    print(f"Reference history: {len(sessions)} sessions; season of 16 weeks from {model.days[0]} holding "
          f"{sum(counts)} sessions; plan check, charts and a 5 ms stub pane listening")

    rng = random.Random(11)
    rounds = args.rounds * 4

    # -- baseline ---------------------------------------------------------------------------------
    area, bare = bare_grid(app, counts)
    k = iter(range(10**9))

    def bare_move() -> None:
        i, j = rng.randrange(len(bare)), rng.randrange(len(bare))
        src, dst = bare[i], bare[j]
        if src.rowCount():
            src.removeRows(0, 1)
        dst.insertRows(0, 1)
        dst.setData(dst.index(0), f"moved {next(k)}")
        _paint_now(app)

    base_drop = timed(bare_move, rounds)
    bar = area.verticalScrollBar()

    def bare_scroll() -> None:
        bar.setValue(bar.maximum() if bar.value() == 0 else 0)
        _paint_now(app)

    base_scroll = timed(bare_scroll, rounds)
    area.close()
    window.activateWindow()
    _paint_now(app)

    # -- the season -------------------------------------------------------------------------------
    painted: list[float] = []
    current: list[float] = []
    with_cards = [i for i, n in enumerate(counts) if n]

    def drop() -> None:
        src = rng.choice(with_cards)
        if not model.day_sessions(src):
            return
        dst = rng.randrange(len(model.days))
        data = model.mimeData([model.index(0, 0, model.day_index(src))])
        t0 = time.perf_counter()
        slow.refreshed_at = 0.0
        model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, model.day_index(dst))
        while slow.refreshed_at == 0.0:
            app.processEvents()
        painted.append((window.panes.painted_at - t0) * 1000)
        current.append((slow.refreshed_at - t0) * 1000)

    def pause() -> None:
        QTest.qWait(rng.randint(100, 300))

    for _ in range(rounds):
        pause()
        drop()
    print("\nSeason view, 16 weeks (offscreen, window 1400 x 880)")
    row("drop a card on another day: season painted", painted, base_drop, "median <= 16 ms",
        verdict(painted, 16.0, None))
    row("drop a card on another day: every pane current", current, base_drop, "<= 50 ms",
        verdict(current, None, 50.0))
    sbar = season.scroll.verticalScrollBar()

    def scroll() -> None:
        sbar.setValue(sbar.maximum() if sbar.value() == 0 else 0)
        _paint_now(app)

    row("scroll from the first to the last week and back", timed(scroll, rounds, pause), base_scroll,
        "(none set; one frame is 16 ms)", "")

    # -- the same drop in the week view, for comparison -----------------------------------------
    window.views.show_view("week")
    week = window.week_model
    for _ in range(3):
        _paint_now(app)
    window.panes.flush()
    week_painted: list[float] = []
    painted.clear()
    current.clear()
    for _ in range(rounds):
        pause()
        src = next((r for r in range(7) if week.day_sessions(r)), None)
        if src is None:
            break
        data = week.mimeData([week.index(0, 0, week.day_index(src))])
        t0 = time.perf_counter()
        slow.refreshed_at = 0.0
        week.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, week.day_index(rng.randrange(7)))
        while slow.refreshed_at == 0.0:
            app.processEvents()
        week_painted.append((window.panes.painted_at - t0) * 1000)
    print("\nWeek view, the same window and history")
    row("drop a card on another day: week painted", week_painted, base_drop, "median <= 16 ms",
        verdict(week_painted, 16.0, None))
    window.close()
    store.close()
    shutil.rmtree(folder.parent, ignore_errors=True)


if __name__ == "__main__":
    main()
