"""`hybrid-planner --self-test`: prove that this copy of the app works, from source or frozen.

It runs what a user does first, end to end, in a temporary data folder (the user's plan and settings
are never touched): open the window (offscreen unless QT_QPA_PLATFORM says otherwise), load the demo
plan, drop a session onto another day through the calendar's model, check that every registered pane
refreshed after the drop, print a week to PDF, export the calendar (icalendar), import a small
generated GPX track (gpxpy, defusedxml) and read it in a separate process (multiprocessing under a
frozen build). One line per step; exit status 0, or 1 naming the first step that failed.

A bundle that lost a library, a Qt plugin or a data file fails here, not on the user's machine
(issue 14).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import planner

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from planner.ui.main_window import MainWindow

EXIT_OK, EXIT_FAILED = 0, 1

# A short run around a 400 m track, three points 60 s apart: enough for gpxpy to give a distance and a
# duration, small enough to write on every run. The times are filled in for the test's own day.
GPX_TEMPLATE = """<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="hybrid-planner self-test" xmlns="http://www.topografix.com/GPX/1/1">
  <trk><name>Self-test run</name><type>running</type><trkseg>
    <trkpt lat="48.00000" lon="11.00000"><time>{day}T07:00:00Z</time></trkpt>
    <trkpt lat="48.00180" lon="11.00000"><time>{day}T07:01:00Z</time></trkpt>
    <trkpt lat="48.00360" lon="11.00000"><time>{day}T07:02:00Z</time></trkpt>
  </trkseg></trk>
</gpx>
"""


class StepFailed(Exception):
    """A check inside a step did not hold; the message says what was expected and what was found."""


@dataclass
class Context:
    """What the steps share: the temporary folder and, once opened, the window."""

    folder: Path
    window: MainWindow | None = None
    app: Any = None
    gpx: Path | None = None
    refreshed: dict[int, list[object]] | None = None  # pane id -> the changes it was refreshed with

    @property
    def win(self) -> MainWindow:
        if self.window is None:
            raise StepFailed("the window was not opened")
        return self.window


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise StepFailed(message)


# -- the steps ----------------------------------------------------------------------------------------
def step_window(ctx: Context) -> str:
    """QApplication on the offscreen platform (unless one is chosen), the window on an empty store."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before the QApplication exists
    why = no_display_for(os.environ)
    if why:  # Qt would abort the process (exit 134) instead of telling why: run offscreen
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["HYBRID_PLANNER_SETTINGS_DIR"] = str(ctx.folder / "settings")  # never the user's settings
    from PySide6.QtWidgets import QApplication

    from planner.app import build_window
    from planner.resources import builtin_templates
    from planner.store.database import open_store
    from planner.ui.settings import Settings

    ctx.app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "hybrid-planner"])
    store = open_store(ctx.folder / "data", builtin_templates())
    ctx.window = build_window(store, Settings())
    ctx.window.resize(1280, 800)
    ctx.window.show()
    ctx.app.processEvents()
    _check(ctx.window.isVisible(), "the main window is not visible after show()")
    instead = f" ({why}, so offscreen)" if why else ""
    return f"main window shown on the {ctx.app.platformName()} platform{instead}, data in {ctx.folder / 'data'}"


#: platform -> the variable naming the display it needs
_DISPLAY_OF = {"xcb": "DISPLAY", "wayland": "WAYLAND_DISPLAY", "wayland-egl": "WAYLAND_DISPLAY"}


def no_display_for(env: Mapping[str, str]) -> str:
    """Why the chosen platform cannot start here ("QT_QPA_PLATFORM=xcb but DISPLAY is not set"), or
    "" when it can (issue 19: --self-test aborted with 134 on a machine without a display)."""
    platform = env.get("QT_QPA_PLATFORM", "").split(":")[0]
    needs = _DISPLAY_OF.get(platform)
    if needs and not env.get(needs):
        return f"QT_QPA_PLATFORM={platform} but {needs} is not set"
    return ""


def step_demo(ctx: Context) -> str:
    win = ctx.win
    win.load_demo()
    n = len(win.store.sessions)
    _check(n > 0, "the demo plan added no sessions")
    shown = sum(len(win.week_model.day_sessions(row)) for row in range(win.week_model.rowCount()))
    _check(shown > 0, f"the demo plan has {n} sessions but the calendar's week shows none")
    return f"{n} sessions; the calendar shows {shown} this week"


def _show_every_pane(win: MainWindow) -> list[QWidget]:
    """Every registered pane, visible: a tabified or closed dock floats on its own."""
    from PySide6.QtWidgets import QDockWidget

    panes = win.panes.panes()
    for pane in panes:
        if isinstance(pane, QDockWidget):
            pane.setFloating(True)
        pane.show()
    return panes


def step_drop(ctx: Context) -> str:
    """A session moved to the next day with model.mimeData -> dropMimeData, as the calendar does."""
    from PySide6.QtCore import Qt

    win = ctx.win
    model = win.week_model
    panes = _show_every_pane(win)
    missing = [name for name in ("charts_dock", "nutrition_dock") if getattr(win, name, None) not in panes]
    _check(not missing, f"not registered with window.panes: {', '.join(missing)}")
    win.panes.flush()  # every pane current before the drop, so what follows is the drop's doing
    _check(not any(win.panes.is_stale(p) for p in panes), "a visible pane is still stale before the drop")
    ctx.refreshed = _watch_refreshes(panes)

    source_row = next((r for r in range(model.rowCount() - 1) if model.day_sessions(r)), None)
    _check(source_row is not None, "no session in the shown week (but the last day) to drag")
    assert source_row is not None
    session = model.day_sessions(source_row)[0]
    index = model.session_index(session.id)
    data = model.mimeData([index])
    _check(data is not None, "the model gave no drag data for a session")
    target = model.day_index(source_row + 1)
    action = Qt.DropAction.MoveAction
    _check(model.canDropMimeData(data, action, -1, 0, target), "the model refuses the drop on the next day")
    _check(model.dropMimeData(data, action, -1, 0, target), "dropMimeData returned False")
    moved = win.store.sessions.get(session.id)
    new_day = session.date + dt.timedelta(days=1)
    _check(moved is not None and moved.date == new_day,
           f"the session is on {moved.date if moved else 'no day'} after the drop, not on {new_day}")
    _check(session.id in [s.id for s in model.day_sessions(source_row + 1)],
           "the calendar does not show the session on its new day")
    return f"'{session.title}' moved from {session.date} to {new_day}"


def _watch_refreshes(panes: list[QWidget]) -> dict[int, list[object]]:
    """Wrap each pane's refresh to record the changes it was given (the host calls pane.refresh)."""
    seen: dict[int, list[object]] = {id(p): [] for p in panes}
    for pane in panes:
        original = pane.refresh  # type: ignore[attr-defined]

        def refresh(changes: object, original: Callable[[object], None] = original, key: int = id(pane)) -> None:
            seen[key].append(changes)
            original(changes)

        pane.refresh = refresh  # type: ignore[attr-defined]
    return seen


def step_panes(ctx: Context) -> str:
    """Every registered pane (charts, nutrition, plan check, status, ...) was refreshed with the drop."""
    win = ctx.win
    seen = ctx.refreshed
    _check(seen is not None, "the drop step did not run")
    assert seen is not None
    fired: list[bool] = []
    win.panes.refreshed.connect(lambda: fired.append(True))
    win.panes.flush()
    panes = win.panes.panes()
    stale = [_pane_name(p) for p in panes if win.panes.is_stale(p)]
    _check(not stale, f"still stale after the refresh pass: {', '.join(stale)}")
    missed = [_pane_name(p) for p in panes if not seen.get(id(p))]
    _check(not missed, f"not refreshed after the drop: {', '.join(missed)}")
    _check(bool(fired), "the pane host did not signal `refreshed`")
    dates = {d for changes in (c for p in panes for c in seen[id(p)]) for d in getattr(changes, "dates", ())}
    _check(len(dates) == 2 or any(getattr(c, "everything", False) for v in seen.values() for c in v),
           f"the panes were told about {sorted(dates)}, not the drop's two days")
    return f"{len(panes)} panes refreshed: {', '.join(_pane_name(p) for p in panes)}"


def _pane_name(pane: QWidget) -> str:
    title = pane.windowTitle() if hasattr(pane, "windowTitle") else ""
    return title or pane.objectName() or type(pane).__name__


def step_print(ctx: Context) -> str:
    """The shown week to a PDF, through the same writer as File > Export PDF and `print`."""
    from planner.services.exports import export_writer
    from planner.ui.printing.render import write_pdf

    win = ctx.win
    weeks = win.printing.weeks(1)
    target = ctx.folder / "week.pdf"
    pages = write_pdf(target, weeks, None, export_writer(win.store))
    data = target.read_bytes()
    _check(pages >= 1, f"the PDF has {pages} pages")
    _check(data.startswith(b"%PDF-") and b"%%EOF" in data[-1024:], "the file written is not a complete PDF")
    _check(b"/FontFile" in data, "the PDF embeds no font: no text was drawn (fonts missing?)")
    return f"{weeks[0].title}: {pages} page{'s' if pages != 1 else ''}, {len(data):,} bytes"


def step_calendar(ctx: Context) -> str:
    """The plan as an iCalendar file (icalendar), as File > Export calendar writes it."""
    from planner.io.ics_export import plan_changed_at, write_ics
    from planner.services.exports import export_writer

    win = ctx.win
    win.store.storage.flush()
    sessions = win.store.sessions.all()
    target = ctx.folder / "plan.ics"
    count = write_ics(target, sessions, win.store.profile.get().units, plan_changed_at(win.store.path),
                      export_writer(win.store))
    text = target.read_bytes().decode("utf-8")
    events = text.count("BEGIN:VEVENT\r\n")
    _check(text.startswith("BEGIN:VCALENDAR\r\n"), "the file does not start with BEGIN:VCALENDAR")
    _check(count == len(sessions) == events,
           f"{len(sessions)} sessions, {count} exported, {events} events in the file")
    return f"{events} events, {len(text.encode('utf-8')):,} bytes"


def step_activity(ctx: Context) -> str:
    """A small GPX run imported as one undoable change (gpxpy on a tree built by defusedxml)."""
    from planner.resources import import_catalog
    from planner.services.activity_import import ActivityImport

    win = ctx.win
    day = win.week_model.first_day
    ctx.gpx = ctx.folder / "run.gpx"
    ctx.gpx.write_text(GPX_TEMPLATE.format(day=day.isoformat()), encoding="utf-8")
    importer = ActivityImport(win.parts.runner, import_catalog())
    read = importer.read([ctx.gpx])
    _check(len(read.incoming) == 1, f"the GPX file gave {len(read.incoming)} activities, not 1")
    before = len(win.store.sessions)
    counts = importer.apply(importer.preview(read, match=False))
    _check(counts.added == 1 and len(win.store.sessions) == before + 1,
           f"added {counts.added}, the plan went from {before} to {len(win.store.sessions)} sessions")
    done = read.incoming[0].session
    km = done.actual_distance_km if done.actual_distance_km is not None else done.distance_km
    _check(km is not None and 0.3 < km < 0.5, f"the 400 m track reads as {km} km")
    return f"1 run of {km:.2f} km added on {day}"


def step_process(ctx: Context) -> str:
    """The same file read in a spawned process, as the import does for large files (a frozen build
    needs multiprocessing.freeze_support() at its entry point for this)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from planner.io.activities.sessions import ExerciseNames
    from planner.resources import import_catalog
    from planner.services.activity_import import read_one

    _check(ctx.gpx is not None, "the activity step did not run")
    assert ctx.gpx is not None
    names = ExerciseNames(dict(import_catalog()), {})
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
        result = pool.submit(read_one, ctx.gpx, names, None).result(timeout=120)
    _check(len(result.incoming) == 1, f"the reading process found {len(result.incoming)} activities, not 1")
    return "a spawned process read the GPX file"


def step_close(ctx: Context) -> str:
    """Everything saved, the window closed as the user closes it."""
    win = ctx.win
    win.store.storage.flush()
    _check(win.close(), "the window refused to close")
    sessions = len(win.store.sessions)
    win.store.close()
    ctx.window = None
    from planner.store.database import open_snapshot

    again = open_snapshot(ctx.folder / "data")
    try:
        on_disk = len(again.sessions)
    finally:
        again.close()
    _check(on_disk == sessions, f"{sessions} sessions in the window, {on_disk} in the saved file")
    return f"{on_disk} sessions saved and read back"


STEPS: tuple[tuple[str, Callable[[Context], str]], ...] = (
    ("window", step_window),
    ("demo", step_demo),
    ("drop", step_drop),
    ("panes", step_panes),
    ("print", step_print),
    ("calendar", step_calendar),
    ("activity", step_activity),
    ("process", step_process),
    ("close", step_close),
)


def run(out: Callable[[str], None] = print) -> int:
    """Run every step in order and stop at the first that fails; return the exit status."""
    frozen = "frozen" if getattr(sys, "frozen", False) else "from source"
    out(f"self-test: {planner.APP_NAME} {planner.__version__} ({frozen}, Python {sys.version.split()[0]})")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="hybrid-planner-self-test-") as tmp:
        ctx = Context(Path(tmp))
        try:
            for name, step in STEPS:
                t0 = time.perf_counter()
                try:
                    said = step(ctx)
                except Exception as exc:  # noqa: BLE001 - every failure is reported by its step
                    detail = str(exc) if isinstance(exc, StepFailed) else f"{type(exc).__name__}: {exc}"
                    out(f"FAIL {name}: {detail}")
                    if not isinstance(exc, StepFailed) and os.environ.get("HYBRID_PLANNER_DEBUG"):
                        traceback.print_exc()
                    out(f"self-test failed at step '{name}'")
                    return EXIT_FAILED
                out(f"ok   {name}: {said} ({time.perf_counter() - t0:.2f} s)")
        finally:
            if ctx.window is not None:  # a failed step: let go of the store before the folder goes
                with contextlib.suppress(Exception):
                    ctx.window.store.storage.rollback()
                    ctx.window.store.close()
    out(f"self-test passed: {len(STEPS)} steps in {time.perf_counter() - started:.1f} s")
    return EXIT_OK
