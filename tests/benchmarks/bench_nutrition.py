"""Benchmark of the nutrition dock over the ten-year reference history (not a timed test).

    .venv/bin/python tests/benchmarks/bench_nutrition.py [--rounds N]

Prints medians and p95 with a baseline measured in the same run (one row of a bare list view
changed and repainted, as tests/benchmarks/bench.py does). Budget: every visible pane current
within 50 ms of a change (DESIGN.md).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.benchmarks.bench import one_row_baseline, row, timed  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=40)
    args = parser.parse_args()
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QMainWindow

    from planner.dev.reference_file import reference_folder
    from planner.domain.profile import NutritionLog
    from planner.resources import builtin_templates
    from planner.store.database import open_store
    from planner.ui.nutrition.dock import NutritionDock

    folder, sessions = reference_folder("hp-bench-nutrition-")
    tmp = folder.parent
    app = QApplication.instance() or QApplication([])
    store = open_store(folder, builtin_templates())
    all_sessions = store.sessions.all()
    last = all_sessions[-1].date
    print(f"Reference history: {len(all_sessions)} sessions, {all_sessions[0].date} to {last}")

    base = one_row_baseline(app, args.rounds)

    victim = next(s for s in reversed(all_sessions) if s.kind.value == "run")
    host = QMainWindow()
    dock = NutritionDock(store, host, today=victim.date)  # the change lands on the day shown
    host.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    host.resize(1400, 900)
    host.show()
    app.processEvents()
    flip = [victim.replace(duration_min=victim.duration_min + 10), victim]
    k = iter(range(10**9))

    class Changes:
        def __init__(self, dates):
            self.dates, self.profile, self.logs, self.everything = frozenset(dates), False, False, False

    def change_untimed():
        store.sessions.apply(put=[flip[next(k) % 2]])
        store.storage.flush()
        app.processEvents()

    def refresh():
        dock.refresh(Changes({victim.date}))
        app.processEvents()  # layout and repaint of the dock

    def run(label):
        print(f"\nNutrition dock ({label}; each until the dock has repainted)")
        row("refresh after a session change in the week", timed(refresh, args.rounds, change_untimed), base,
            "<= 50 ms")
        j = iter(range(10**9))

        def switch():
            dock.set_week(dock.week().first_day + dt.timedelta(days=7 if next(j) % 2 else -7))
            app.processEvents()

        row("switch week", timed(switch, args.rounds), base, "median <= 16 ms")
        days = [dock.week().first_day + dt.timedelta(days=d) for d in range(7)]
        m = iter(range(10**9))

        def select_day():
            dock.set_day(days[next(m) % 7])
            app.processEvents()

        row("select another day in the week", timed(select_day, args.rounds), base, "-")
        dock.hide()
        app.processEvents()
        dock.set_day(victim.date)
        row("refresh while hidden (marks stale only)", timed(lambda: dock.refresh(Changes({victim.date})),
                                                                args.rounds), base, "~0")
        dock.show()
        app.processEvents()

    run("no intake logged")
    first = all_sessions[0].date
    logs = [NutritionLog(first + dt.timedelta(days=d), carb_g=400, protein_g=120, fat_g=70, fluid_l=3.0)
            for d in range((last - first).days + 1)]
    with store.batch():
        store.db.table("nutrition").insert_multiple(
            [{"date": x.date.isoformat(), "carb_g": x.carb_g, "protein_g": x.protein_g, "fat_g": x.fat_g,
              "fluid_l": x.fluid_l} for x in logs])
    store.storage.flush()
    run(f"{len(logs)} days of intake logged")
    host.close()
    store.close()
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
