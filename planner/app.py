"""Composition root: store -> services -> models -> main window. No globals."""

from __future__ import annotations

import datetime as dt
import gc
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

import planner
from planner.store.database import open_store
from planner.store.store import Store


def _open_interactive(data_dir: Path) -> Store | None:
    """Open the data file; on a problem tell the user clearly and offer the last good backup."""
    from planner.resources import builtin_templates
    from planner.store import database

    builtins = builtin_templates()
    try:
        return open_store(data_dir, builtins)
    except database.CorruptStoreError as exc:
        if exc.backup is None:
            QMessageBox.critical(None, planner.APP_NAME, f"{exc}\n\nThe app starts with an empty plan.")
            return open_store(data_dir, builtins)
        answer = QMessageBox.question(
            None, planner.APP_NAME, f"{exc}\n\nOpen the last good backup ({exc.backup.name})?",
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Open:
            return None
        database.restore_backup(data_dir, exc.backup)
        return open_store(data_dir, builtins)
    except database.StoreError as exc:
        QMessageBox.critical(None, planner.APP_NAME, str(exc))
        return None


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
