"""Run by test_real_drag.py on an Xvfb screen: open the season view, let xdotool drag Monday's card
of week 1 onto Wednesday of week 3 with the real mouse, then undo with Ctrl+Z; exit 0 once the
store shows the move and then the undo."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from planner.app import build_window
from planner.domain.session import Session
from planner.resources import exercise_catalog
from planner.store.database import open_store
from planner.ui.settings import Settings

sys.path.insert(0, str(Path(__file__).resolve().parent))
from real_drag_driver import drag_with_xdotool  # noqa: E402 - the script beside this one

MONDAY = dt.date(2026, 11, 23)
WEEK3_WEDNESDAY = MONDAY + dt.timedelta(days=16)


def main() -> int:
    data_dir = Path(sys.argv[1])
    app = QApplication(sys.argv[:1])
    store = open_store(data_dir, ())
    store.sessions.apply(put=[Session(kind="run", title="Tempo run", date=MONDAY, duration_min=50, rpe=7)])
    window = build_window(store, Settings(), exercise_catalog(), today=lambda: MONDAY + dt.timedelta(days=2))
    window.move(0, 0)
    window.views.show_view("season", weeks=4)
    window.show()
    result = {"rc": 1, "moved": False}

    def start_drag() -> None:
        season = window.views.season_view
        model = window.views.season_model
        src_view = season.views[0]
        src = src_view.viewport().mapToGlobal(src_view.visualRect(model.index(0, 0, src_view.rootIndex())).center())
        dst_view = season.views[16]
        dst = dst_view.viewport().mapToGlobal(dst_view.viewport().rect().center())
        drag_with_xdotool(src, dst)

    def poll() -> None:
        on_week3 = [s.title for s in store.sessions.on_date(WEEK3_WEDNESDAY)]
        if not result["moved"] and on_week3 == ["Tempo run"] and not store.sessions.on_date(MONDAY):
            result["moved"] = True
            print("moved", flush=True)
            window.undo_action.trigger()
        elif result["moved"] and not on_week3 and store.sessions.on_date(MONDAY):
            print("undone", flush=True)
            result["rc"] = 0
            app.quit()

    QTimer.singleShot(1200, start_drag)
    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(100)
    QTimer.singleShot(20_000, app.quit)
    app.exec()
    window.store.storage.flush()
    window.close()
    store.close()
    return result["rc"]


if __name__ == "__main__":
    sys.exit(main())
