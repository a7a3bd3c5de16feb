"""Dev preview: `python -m planner.dev.nutrition_preview [--dark] [--day YYYY-MM-DD] [--data-dir DIR]`.

Builds the dock over a store holding the demo plan (a fresh temporary folder unless --data-dir
is given), in a bare main window, so the panel can be looked at before the window wires it in.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m planner.dev.nutrition_preview")
    parser.add_argument("--dark", action="store_true")
    parser.add_argument("--day", type=dt.date.fromisoformat, default=None)
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument("--log", action="store_true",
                        help="open the log form, with a sample log on the shown day if it has none")
    args = parser.parse_args(argv)

    from planner.resources import builtin_templates
    from planner.services.plan_files import seed_demo
    from planner.store.database import open_store
    from planner.ui.nutrition.dock import NutritionDock
    from planner.ui.theme import apply_theme

    app = QApplication.instance() or QApplication(sys.argv)
    apply_theme(app, "dark" if args.dark else "light")
    folder = args.data_dir or Path(tempfile.mkdtemp(prefix="hp-nutrition-"))
    store = open_store(folder, builtin_templates())
    today = dt.date.today()
    if len(store.sessions) == 0:
        seed_demo(store, today)
    day = args.day or today
    if args.log and store.nutrition.get(day) is None:
        from planner.domain.profile import NutritionLog
        from planner.services.nutrition_log import set_intake

        set_intake(store, day, NutritionLog(day, carb_g=380, protein_g=125, fat_g=80, fluid_l=3.1))
    window = QMainWindow()
    window.setWindowTitle("Nutrition panel preview")
    placeholder = QLabel("(the calendar goes here)")
    placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
    placeholder.setEnabled(False)
    window.setCentralWidget(placeholder)
    dock = NutritionDock(store, window, today=day)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.resize(1280, 800)
    window.resizeDocks([dock], [420], Qt.Orientation.Horizontal)
    window.show()
    dock.set_day(day)
    if args.log:
        dock.log_toggle.setChecked(True)
    try:
        return app.exec()
    finally:
        store.close()
        if args.data_dir is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
