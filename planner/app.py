"""Composition root: store -> runner and services -> change bus and models -> panes -> window.

Nothing here is global: `compose` builds the parts and hands them to the window, which lays out
widgets and wires actions.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication

import planner
from planner.models.library_model import LibraryModel
from planner.models.save_status import SaveStatus
from planner.models.undo import ChangeBus, UndoRunner
from planner.models.week_model import WeekModel
from planner.services.library import LibraryService, ProfileService
from planner.services.load import LoadService
from planner.services.plan import PlanService
from planner.store.store import Store

if TYPE_CHECKING:
    from planner.ui.main_window import MainWindow
    from planner.ui.settings import Settings


@dataclass
class Parts:
    """Everything the window is built from (the window owns none of their wiring)."""

    store: Store
    settings: Settings
    catalog: Mapping[str, Sequence[str]]
    today: Callable[[], dt.date]
    undo_stack: QUndoStack
    bus: ChangeBus
    runner: UndoRunner
    plan: PlanService
    library: LibraryService
    profiles: ProfileService
    save_status: SaveStatus
    week_model: WeekModel
    library_model: LibraryModel
    load: LoadService  # the one load engine the charts, plan check, page and generator read


def compose(store: Store, settings: Settings, catalog: Mapping[str, Sequence[str]],
            today: Callable[[], dt.date] = dt.date.today) -> Parts:
    from planner.domain.weeks import week_start

    stack = QUndoStack()
    bus = ChangeBus()
    runner = UndoRunner(store, stack, bus)
    plan = PlanService(runner)
    profile = store.profile.get()
    first = week_start(settings.last_week or today(), profile.week_start)
    week_model = WeekModel(store.sessions, plan, bus, first, units=profile.units, today=today)
    load = LoadService(store, today)
    bus.changed.connect(load.notify, Qt.ConnectionType.DirectConnection)  # noted now, applied when read
    return Parts(
        store=store, settings=settings, catalog=catalog, today=today, undo_stack=stack, bus=bus,
        runner=runner, plan=plan, library=LibraryService(runner), profiles=ProfileService(runner),
        # Saving runs on a worker thread from here on, so a drop never waits for the disk.
        save_status=SaveStatus(store.storage), week_model=week_model,
        library_model=LibraryModel(store.templates, bus, profile.units), load=load,
    )


def build_window(store: Store, settings: Settings, catalog: Mapping[str, Sequence[str]] | None = None,
                 today: Callable[[], dt.date] = dt.date.today) -> MainWindow:
    from planner.resources import exercise_catalog
    from planner.ui.main_window import MainWindow

    parts = compose(store, settings, catalog if catalog is not None else exercise_catalog(), today)
    return MainWindow(parts)


def _open_interactive(data_dir: Path) -> Store | None:
    """Open the data file; on a problem tell the user clearly and offer the choices (issue 7)."""
    from planner.resources import builtin_templates
    from planner.ui.dialogs.store_problems import open_interactive

    return open_interactive(data_dir, builtin_templates())


def run_gui(data_dir: Path, demo: bool = False, view: str | None = None) -> int:
    from planner.ui.crash_log import CrashLog, crash_log_path, to_stderr
    from planner.ui.gc_collector import GuiThreadCollector
    from planner.ui.startup_trace import StartupTrace

    to_stderr()  # a crash before the data folder is known still says where it happened
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    collector = GuiThreadCollector()  # off while the history is read; see its docstring
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
        collector.stop()
        return 1
    try:
        with CrashLog(crash_log_path(store.path)):
            if demo and len(store.sessions) == 0:
                from planner.services.plan_files import seed_demo

                seed_demo(store, dt.date.today())
            window = build_window(store, settings)
            if view:
                window.views.show_view(view)
            trace = StartupTrace(window, [v.viewport() for v in window.week_view.views], window.panes)
            trace.settled.connect(collector.start)
            QTimer.singleShot(_COLLECT_AFTER_MS, collector, collector.start)  # should it never settle
            window.show()
            return app.exec()
    finally:
        collector.stop()
        store.close()


#: The collector starts at the latest this long after the window is built.
_COLLECT_AFTER_MS = 10_000
