"""Printing and calendar export over the ten-year reference history (a benchmark, not a timed test).

    .venv/bin/python tests/benchmarks/bench_print.py [--rounds N]

Budget (DESIGN.md): one week to PDF <= 500 ms. Baseline in the same run: a QPdfWriter that writes
one empty landscape page, i.e. what any PDF costs before the week is drawn.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "benchmarks"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench import row, timed  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    from PySide6.QtGui import QGuiApplication, QPainter, QPdfWriter

    from planner.dev.reference_file import reference_folder
    from planner.io.ics_export import ics_bytes
    from planner.io.paper import Paper
    from planner.io.printed_extras import available_extras
    from planner.io.printed_week import build_printed_week, first_day_of_week
    from planner.store.database import open_store
    from planner.ui.printing.render import PDF_DPI, page_layout, write_pdf

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - kept alive for the run
    folder, sessions = reference_folder("hp-bench-print-")
    tmp = folder.parent
    store = open_store(folder)
    profile = store.profile.get()
    last = max(s.date for s in sessions)
    first = first_day_of_week(last - dt.timedelta(weeks=10), profile)
    week_sessions = store.sessions.between(first, first + dt.timedelta(days=6))
    print(f"Reference history: {len(sessions)} sessions; printing the week of {first} "
          f"({len(week_sessions)} sessions)")

    def baseline() -> None:
        writer = QPdfWriter(str(tmp / "empty.pdf"))
        writer.setResolution(PDF_DPI)
        writer.setPageLayout(page_layout(Paper.A4))
        painter = QPainter(writer)
        painter.end()

    extras = available_extras()  # nutrition targets and load figures, where this build has them
    print(f"extras: nutrition {'yes' if extras.nutrition else 'no'}, load {'yes' if extras.load else 'no'}")

    def one_week() -> None:
        week = build_printed_week(first, store.sessions.between, profile, extras)
        write_pdf(tmp / "week.pdf", [week], Paper.A4)

    def four_weeks() -> None:
        weeks = [build_printed_week(first + dt.timedelta(weeks=i), store.sessions.between, profile, extras)
                 for i in range(4)]
        write_pdf(tmp / "weeks.pdf", weeks, Paper.A4)

    t0 = time.perf_counter()
    one_week()
    print(f"first week in this process (fonts loaded): {(time.perf_counter() - t0) * 1000:.1f} ms")
    base = timed(baseline, args.rounds)
    row("empty PDF page (baseline)", base, None, "-")
    row("one week to PDF", timed(one_week, args.rounds), base, "<= 500 ms")
    row("four weeks to PDF", timed(four_weeks, max(3, args.rounds // 3)), base, "-")
    stamp = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    row("one week to iCalendar", timed(lambda: ics_bytes(week_sessions, profile.units, stamp), args.rounds), None, "-")
    everything = store.sessions.all()
    row(f"whole history to iCalendar ({len(everything)})",
        timed(lambda: ics_bytes(everything, profile.units, stamp), 3), None, "-")
    store.close()
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
