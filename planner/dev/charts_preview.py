"""Developer preview of the charts pane, before the window hosts it:

    python -m planner.dev.charts_preview [--data-dir DIR] [--theme light|dark] [--reference] [--today YYYY-MM-DD]

Without --data-dir it opens a fresh folder with the demo plan (or, with --reference, the ten-year
reference history).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m planner.dev.charts_preview")
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--theme", choices=("light", "dark", "system"), default="light")
    parser.add_argument("--reference", action="store_true", help="the ten-year reference history")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today())
    parser.add_argument("--range", default="12 weeks")
    parser.add_argument("--width", type=int, default=760)
    args = parser.parse_args(argv)

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QMainWindow

    from planner.resources import builtin_templates
    from planner.services.plan_files import seed_demo
    from planner.store.database import DATA_FILE, open_store
    from planner.ui.charts import ChartsDock
    from planner.ui.theme import apply_theme

    app = QApplication.instance() or QApplication(sys.argv[:1])
    apply_theme(app, args.theme)
    folder = args.data_dir or Path(tempfile.mkdtemp(prefix="hp-charts-"))
    today = args.today
    if args.reference and not (folder / DATA_FILE).exists():
        from planner.dev.reference_file import write_reference_file
        from planner.dev.reference_history import END, generate_reference_history

        write_reference_file(folder / DATA_FILE, generate_reference_history())
        today = END - dt.timedelta(days=14)
    store = open_store(folder, builtin_templates())
    if not args.reference and not len(store.sessions):
        seed_demo(store, today)
    window = QMainWindow()
    window.setWindowTitle("Charts preview")
    dock = ChartsDock(store, window, today=lambda: today)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.resize(args.width, 980)
    window.show()
    dock.refresh(None)
    dock.pane.range_box.setCurrentText(args.range)
    dock.weekClicked.connect(lambda d: (dock.set_week(d), print("week clicked:", d, flush=True)))
    code = app.exec()
    store.close()
    return code


if __name__ == "__main__":
    raise SystemExit(main())
