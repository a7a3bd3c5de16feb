"""Benchmark of the plan check over the ten-year reference history (not a timed test).

    .venv/bin/python tests/benchmarks/bench_plancheck.py [--rounds N]

What is timed: after one session changes in the store (untimed), the Plan check dock's
`refresh(changes)`: the load history re-reads the changed day and recomputes from it, the rules
run over the week on screen and the next four, the list is refilled and painted. Budget (issue 10,
the charts' budget): <= 50 ms.

Baselines in the same run: a bare QListView repainting one changed row (as bench.py), and the rules
alone on the five weeks (no load-history update, no widgets). For comparison: a full rebuild of the
load history (what a refresh would cost without the incremental update), and working out the fixes
of one finding (done only when it is selected).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.benchmarks.bench import one_row_baseline, row, timed  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()

    from PySide6.QtCore import Qt
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication, QMainWindow

    from planner.dev.reference_file import reference_folder
    from planner.dev.reference_history import END
    from planner.domain.rules import check, fixes_for
    from planner.domain.weeks import week_start
    from planner.models.undo import ChangeBus, UndoRunner
    from planner.resources import builtin_templates
    from planner.services.changes import Changes
    from planner.store.database import open_store
    from planner.ui.plancheck import PlanCheckDock

    folder, _ = reference_folder("hp-bench-plancheck-")
    app = QApplication.instance() or QApplication([])
    store = open_store(folder, builtin_templates())
    sessions = store.sessions.all()
    today = END - dt.timedelta(days=14)
    print(f"Reference history: {len(sessions)} sessions, {sessions[0].date} .. {sessions[-1].date}; "
          f"{os.cpu_count()} cores")

    window = QMainWindow()
    runner = UndoRunner(store, QUndoStack(), ChangeBus())
    dock = PlanCheckDock(store, runner, window, today=today)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.resize(500, 1000)
    window.show()
    first = week_start(today - dt.timedelta(days=7))  # last week, this one and three to come
    dock.set_week(first)
    dock.refresh(Changes(everything=True))
    app.processEvents()
    print(f"findings for the 5 weeks from {first}: {len(dock.findings())}; "
          + ", ".join(sorted({f.rule for f in dock.findings()})))

    base = one_row_baseline(app, args.rounds * 2)

    victim = next(s for s in sessions if s.date >= first + dt.timedelta(days=9) and s.kind.value == "run")
    flip = [victim.replace(duration_min=victim.duration_min + 5), victim]
    k = iter(range(10**9))

    def change() -> None:
        store.sessions.apply(put=[flip[next(k) % 2]])
        store.storage.flush()

    def refresh() -> None:
        dock.refresh(Changes(dates=frozenset({victim.date})))
        app.processEvents()

    window_ = dock.check.window(first, dock.last_day)

    def rules_only() -> None:
        check(window_, with_fixes=False)

    def full_history() -> None:
        dock.check.load.reset()
        dock.check.window(first, dock.last_day)

    from planner.domain.rules.engine import candidates

    with_candidates = [f for f in dock.findings() if candidates(f, window_)]
    f0 = with_candidates[0] if with_candidates else None
    print(f"findings with fixes to try: {len(with_candidates)}" + (f"; timed: {f0.rule}" if f0 else ""))

    def fixes_of_one() -> None:
        if f0 is not None:
            fixes_for(f0, dock.check.window(f0.dates[0], f0.dates[-1]))

    def rules_and_fixes() -> None:
        check(window_, with_fixes=True)

    refresh_ms = timed(refresh, args.rounds, between=change)
    print()
    row("baseline: a QListView repaints one row", base, None, "-")
    row("rules alone over 5 weeks (no widgets)", timed(rules_only, args.rounds), base, "-")
    verdict = "OK" if sorted(refresh_ms)[len(refresh_ms) // 2] <= 50 else "OVER"
    row("dock refresh after one change (history + rules + list)", refresh_ms, base, "median <= 50 ms", verdict)
    row("for comparison: rebuild the whole load history", timed(full_history, max(3, args.rounds // 5)), base, "-")
    row("fixes of one finding (on selection only)", timed(fixes_of_one, args.rounds), base, "-")
    row("rules and every fix (report / check on the command line)", timed(rules_and_fixes, args.rounds), base, "-")
    store.close()


if __name__ == "__main__":
    main()
