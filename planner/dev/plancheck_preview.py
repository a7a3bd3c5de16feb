"""Developer preview: the real window with the Plan check dock added, on the demo plan.

    python -m planner.dev.plancheck_preview [--data-dir DIR] [--theme light|dark]

Clicking a finding selects its session in the calendar, as the lead's wiring will.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m planner.dev.plancheck_preview")
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--theme", choices=("light", "dark", "system"), default="light")
    parser.add_argument("--select-first", action="store_true",
                        help="select the first finding and show its session, as a click would")
    args = parser.parse_args(argv)

    from PySide6.QtWidgets import QApplication

    from planner.app import build_window
    from planner.resources import builtin_templates
    from planner.services.library import ProfileService
    from planner.services.plan import PlanService
    from planner.services.plan_files import load_demo
    from planner.services.runner import DirectRunner
    from planner.store.database import open_store
    from planner.ui.plancheck import PlanCheckDock
    from planner.ui.settings import Settings
    from planner.ui.theme import apply_theme

    app = QApplication.instance() or QApplication(sys.argv[:1])
    apply_theme(app, args.theme)
    folder = args.data_dir or Path(tempfile.mkdtemp(prefix="hp-plancheck-"))
    store = open_store(folder, builtin_templates())
    if not len(store.sessions):
        runner = DirectRunner(store)
        load_demo(PlanService(runner), ProfileService(runner), dt.date.today())
    window = build_window(store, Settings())
    dock = PlanCheckDock(store, window.parts.runner, window)
    dock.sessionRequested.connect(lambda i: (window.go_to(store.sessions.get(i).date),
                                             window.week_view.select_ids([i])))
    window.add_pane(dock)
    from planner.ui.plancheck.badges import wire_badges

    wire_badges(window.week_view, dock)
    screen = window.screen().availableSize()
    window.resize(min(1600, screen.width()), min(1000, screen.height()))
    window.show()
    if args.select_first:
        window.panes.flush()
        item = dock.tree.topLevelItem(0)
        if item is not None and item.childCount():
            dock.tree.setCurrentItem(item.child(0))
            dock._clicked(item.child(0), 0)  # noqa: SLF001 - what a click does
    code = app.exec()
    store.close()
    return code


if __name__ == "__main__":
    sys.exit(main())
