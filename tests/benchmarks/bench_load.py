"""Benchmark of the load engine's work per consumer on the ten-year reference history (issue 20).

    .venv/bin/python tests/benchmarks/bench_load.py [--rounds N]

Side by side in one run:
- "one engine per consumer": what the wiring before issue 20 did. The charts and the plan check
  each built their own history over the whole file and each applied every change; printing a week
  built a plan check (another whole-history build) plus a year's history for the page; `report`
  built a plan check's history and its own.
- "one load service": planner/services/load.py. One build; each change applied once, at the next
  read; printing and the plan check read the same history.
No widgets: only the engine's work is timed (the charts' painting is in bench_charts.py).
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

from tests.benchmarks.bench import row, timed  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()

    from planner.dev.reference_file import reference_folder
    from planner.dev.reference_history import END
    from planner.domain.enums import WeekStart
    from planner.domain.load_history import LoadHistory
    from planner.services.changes import Changes
    from planner.services.load import LoadService
    from planner.services.printing import printed_weeks
    from planner.store.database import open_store

    folder, _ = reference_folder("hp-bench-load-")
    store = open_store(folder)
    sessions = store.sessions.all()
    profile = store.profile.get()
    today = END - dt.timedelta(days=14)
    week = today - dt.timedelta(days=today.weekday())
    victim = [s for s in sessions if s.date <= today][-1]
    flip = [victim.replace(duration_min=victim.duration_min + 5), victim]
    k = iter(range(10**9))
    print(f"Reference history: {len(sessions)} sessions, {sessions[0].date} .. {sessions[-1].date}; "
          f"{os.cpu_count()} cores")

    def change() -> None:  # untimed: the store changes between two gestures
        store.sessions.apply(put=[flip[next(k) % 2]])

    def whole() -> LoadHistory:
        h = LoadHistory(profile.week_start)
        h.load(store.sessions.all(), today=today)
        return h

    # -- one engine per consumer ------------------------------------------------------------------
    print("\nOne engine per consumer (the wiring before issue 20)")
    base_first = timed(lambda: (whole(), whole()), max(3, args.rounds // 3))
    row("window first shown: charts + plan check build", base_first, None, "-")
    charts, check = whole(), whole()

    def per_consumer_change() -> None:
        charts.update([victim.date], store.sessions.on_date)
        check.update([victim.date], store.sessions.on_date)

    base_change = timed(per_consumer_change, args.rounds, change)
    row("one change: charts + plan check update", base_change, None, "-")

    def per_consumer_print() -> None:
        whole()  # the page's plan check was a new PlanCheck: a whole-history build
        h = LoadHistory(profile.week_start)  # and the page's own year
        h.load(store.sessions.between(week - dt.timedelta(days=365), week + dt.timedelta(days=6)), today=today)

    base_print = timed(per_consumer_print, max(3, args.rounds // 3))
    row("print a week: its engines", base_print, None, "-")

    def per_consumer_report() -> None:
        whole()  # the plan check's
        h = LoadHistory(WeekStart.MON)  # the report's own, ten years back
        h.load(store.sessions.between(week - dt.timedelta(days=3660), week + dt.timedelta(days=6)), today=today)

    base_report = timed(per_consumer_report, max(3, args.rounds // 3))
    row("report a week: its engines", base_report, None, "-")

    # -- one load service -------------------------------------------------------------------------
    print("\nOne load service (planner/services/load.py)")

    def first_show() -> LoadService:
        service = LoadService(store, lambda: today)
        service.history()  # the charts' read builds it; the plan check reads the same
        service.history()
        return service

    row("window first shown: one build, read twice", timed(first_show, max(3, args.rounds // 3)), base_first, "-")
    service = first_show()

    def one_change() -> None:
        service.notify(Changes(dates=frozenset({victim.date})))
        service.history()  # the charts read it: the change is applied
        service.history()  # the plan check reads it: nothing left to do

    row("one change: applied once, read twice", timed(one_change, args.rounds, change), base_change, "-")
    row("print a week: build the page from the service",
        timed(lambda: printed_weeks(store, week, 1, service), max(3, args.rounds // 3)), base_print, "-")

    def report() -> None:
        LoadService(store, lambda: today).history(through=week + dt.timedelta(days=6))

    row("report a week: one build for the check and the load part", timed(report, max(3, args.rounds // 3)),
        base_report, "-")
    print(f"(whole-history builds by the window's service in this run: {service.builds})")
    store.close()
    shutil.rmtree(folder.parent, ignore_errors=True)


if __name__ == "__main__":
    main()
