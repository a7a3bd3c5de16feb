"""Composition root: store -> services -> models -> main window. No globals."""

from __future__ import annotations

import datetime as dt
import gc
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

import planner
from planner.store.store import Store


def _open_interactive(data_dir: Path) -> Store | None:
    """Open the data file; on a problem tell the user clearly and offer the choices (issue 7)."""
    from planner.resources import builtin_templates
    from planner.ui.dialogs.store_problems import open_interactive

    return open_interactive(data_dir, builtin_templates())


def run_gui(data_dir: Path, demo: bool = False) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName(planner.APP_NAME)
    app.setApplicationDisplayName(planner.APP_NAME)
    app.setOrganizationName("HybridPlanner")
    app.setApplicationVersion(planner.__version__)
    app.setDesktopFileName("hybrid-planner")

    from planner.ui.settings import Settings
    from planner.ui.theme import apply_theme

    settings = Settings()
    apply_theme(app, settings.theme)
    store = _open_interactive(data_dir)
    if store is None:
        return 1
    # Years of sessions are long-lived objects: move them out of the collector's way so a
    # collection pass never stalls a drag (16-120 ms with the ten-year history otherwise).
    gc.collect()
    gc.freeze()
    try:
        if demo and len(store.sessions) == 0:
            from planner.store.seed import seed_demo

            seed_demo(store, dt.date.today())
        window = build_window(store, settings)
        window.show()
        return app.exec()
    finally:
        store.close()


def build_window(store: Store, settings, today=dt.date.today):  # noqa: ANN001, ANN201
    from planner.resources import exercise_catalog
    from planner.ui.main_window import MainWindow

    return MainWindow(store, settings, exercise_catalog(), today=today)
