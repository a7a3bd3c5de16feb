"""Run by test_real_drag.py on an Xvfb screen: open the window, let xdotool drag 'Easy run' from the
library onto Thursday with the real mouse, and exit 0 once the store holds the new session."""

from __future__ import annotations

import datetime as dt
import shlex
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from planner.app import build_window
from planner.models.library_model import TemplateIdRole
from planner.resources import builtin_templates, exercise_catalog
from planner.store.database import open_store
from planner.ui.settings import Settings

MONDAY = dt.date(2026, 11, 23)
THURSDAY = MONDAY + dt.timedelta(days=3)


def find_template(tree, template_id):
    model = tree.model()
    for g in range(model.rowCount()):
        group = model.index(g, 0)
        for r in range(model.rowCount(group)):
            index = model.index(r, 0, group)
            if index.data(TemplateIdRole) == template_id:
                return index
    raise LookupError(template_id)


def drag_with_xdotool(src, dst) -> None:  # noqa: ANN001 - global QPoints
    """Press at `src`, move in steps (a real drag starts after a few pixels) and release at `dst`."""
    script = (f"mousemove {src.x()} {src.y()} sleep 0.3 mousedown 1 sleep 0.3 "
              f"mousemove {src.x() + 6} {src.y() + 6} sleep 0.2 mousemove {src.x() + 40} {src.y() + 10} "
              f"sleep 0.2 mousemove {dst.x()} {dst.y()} sleep 0.3 mousemove {dst.x() + 3} {dst.y() + 3} "
              "sleep 0.4 mouseup 1")
    print("xdotool", script, flush=True)
    subprocess.Popen(["xdotool", *shlex.split(script)])


def main() -> int:
    data_dir = Path(sys.argv[1])
    app = QApplication(sys.argv[:1])
    store = open_store(data_dir, builtin_templates())
    window = build_window(store, Settings(), exercise_catalog(), today=lambda: MONDAY + dt.timedelta(days=2))
    window.move(0, 0)
    window.show()
    result = {"rc": 1}

    def start_drag() -> None:
        tree = window.library_dock.tree
        index = find_template(tree, "easy-run")
        tree.scrollTo(index)
        src = tree.viewport().mapToGlobal(tree.visualRect(index).center())
        target_view = window.week_view.views[3]
        dst = target_view.viewport().mapToGlobal(target_view.viewport().rect().center())
        drag_with_xdotool(src, dst)

    def poll() -> None:
        if store.sessions.on_date(THURSDAY):
            result["rc"] = 0
            app.quit()

    QTimer.singleShot(800, start_drag)
    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(100)
    QTimer.singleShot(20_000, app.quit)
    app.exec()
    window.close()
    store.close()
    return result["rc"]


if __name__ == "__main__":
    sys.exit(main())
