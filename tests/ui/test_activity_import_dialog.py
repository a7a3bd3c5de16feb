"""File > Import activities…: reading off the interface thread (progress, Cancel), the preview with
changeable matches and exercise names, Import as one undo step."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QMimeData, QObject, Qt, QUrl
from PySide6.QtWidgets import QDialog

from planner.domain.enums import Status
from planner.models.activity_preview_model import PLAN_COLUMN, ActivityPreviewModel
from planner.services.activity_import import ActivityImport
from planner.services.library import ProfileService
from planner.ui.dialogs.activity_import_dialog import ActivityImportDialog, activity_paths
from tests.benchmarks.bench_activities import make_run
from tests.realdata import TCX, needs_realdata
from tests.services import conftest as services_conftest
from tests.services.conftest import run
from tests.services.test_activity_import import HEVY, gpx

TUE = dt.date(2026, 11, 24)
CATALOG = {"Back squat": ("quads", "glutes"), "Calf raise": ("calves",)}


@pytest.fixture
def env(data_dir, qapp):
    """The services' test environment (store, undo stack, bus, plan service)."""
    yield from services_conftest.env.__wrapped__(data_dir, qapp)


@pytest.fixture
def dialog_for(env, qtbot):
    made = []

    def make(paths):
        d = ActivityImportDialog(env.plan, paths, CATALOG)
        qtbot.addWidget(d)
        d.show()
        made.append(d)
        return d

    yield make
    for d in made:
        d.done(QDialog.DialogCode.Rejected)


def test_preview_import_and_undo(env, tmp_path, qtbot, dialog_for):
    morning, evening = env.plan.add([run("Morning", TUE, time=dt.time(7, 0)),
                                     run("Evening", TUE, time=dt.time(18, 0))], TUE)
    env.stack.clear()
    hevy = tmp_path / "hevy.csv"
    hevy.write_text(HEVY, encoding="utf-8")
    d = dialog_for([gpx(tmp_path, "a.gpx"), gpx(tmp_path, "b.gpx", "2026-11-26"), hevy])
    qtbot.waitUntil(lambda: d.pages.currentIndex() == 1, timeout=10_000)
    assert d.summary.text() == "Matched to the plan: 1 · New sessions: 2 · Already in the plan: 0"
    assert d.import_button.text() == "Import 3 activities"
    model = d.table.model()
    assert [model.index(r, PLAN_COLUMN).data() for r in range(3)] == [
        "Fills in 'Morning'", "New session", "New session"]  # the 07:00 run; Thursday's run; the lift
    assert model.index(0, PLAN_COLUMN).data(Qt.ItemDataRole.UserRole + 1) == [
        "New session", "Fill in 'Morning' at 07:00 (40 min)", "Fill in 'Evening' at 18:00 (40 min)"]
    # the user moves the match to the evening run
    assert model.setData(model.index(0, PLAN_COLUMN), 2)
    assert model.index(0, PLAN_COLUMN).data() == "Fills in 'Evening'"
    assert d.tabs.tabText(1) == "Exercise names (1 unknown)"
    assert d.names_table.item(0, 0).text() == "Hack Squat (Machine)"
    assert not d.names_table.item(0, 0).flags() & Qt.ItemFlag.ItemIsEditable
    d.names_table.cellWidget(0, 1).setCurrentText("Back squat")
    qtbot.mouseClick(d.import_button, Qt.MouseButton.LeftButton)
    assert d.result() == QDialog.DialogCode.Accepted
    assert d.counts.as_dict() == {"matched": 1, "added": 2, "skipped": 0}
    assert env.store.sessions.get(evening.id).status is Status.DONE
    assert env.store.sessions.get(morning.id).status is Status.PLANNED
    (lift,) = [s for s in env.store.sessions.on_date(TUE) if s.kind == "lift"]
    assert lift.exercises[0].muscles == ("quads", "glutes")
    assert env.stack.count() == 1 and env.stack.undoText() == "Import 3 activities"
    env.stack.undo()
    assert [s.title for s in env.store.sessions.all()] == ["Morning", "Evening"]
    assert env.store.exercise_map.get() == {}


def test_a_broken_file_says_why_and_imports_nothing(env, tmp_path, qtbot, dialog_for):
    bad = tmp_path / "route.gpx"
    bad.write_text('<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><wpt lat="1" lon="2"/></gpx>')
    d = dialog_for([gpx(tmp_path, "a.gpx"), bad])
    qtbot.waitUntil(lambda: d.error_label.isVisible(), timeout=10_000)
    assert d.error_label.text() == ("route.gpx: holds no track with times (only routes or waypoints?); "
                                    "nothing to import. Nothing was imported.")
    assert not d.import_button.isEnabled() and d.cancel_button.text() == "Close"
    assert env.store.sessions.all() == [] and env.stack.count() == 0


def long_files(tmp_path: Path, n: int, points: int = 3600) -> list[Path]:
    paths = []
    for i in range(n):
        p = tmp_path / f"run-{i:03d}.gpx"
        p.write_text(make_run(i, points), encoding="utf-8")
        paths.append(p)
    return paths


class PaintClock(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.times: list[float] = []

    def eventFilter(self, obj, event):  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            self.times.append(time.monotonic())
        return False


def test_reading_keeps_the_progress_bar_painting_and_cancel_changes_nothing(env, tmp_path, qtbot, dialog_for):
    paths = long_files(tmp_path, 12)  # 12 x ~0.7 MB, read in a separate process
    before = env.store.sessions.all()
    clock = PaintClock()
    d = dialog_for(paths)
    d.progress_bar.installEventFilter(clock)
    qtbot.waitUntil(lambda: d._status[0] >= 2, timeout=30_000)  # noqa: SLF001 - two files read
    gaps = [b - a for a, b in zip(clock.times, clock.times[1:], strict=False)]
    assert len(clock.times) >= 5
    assert max(gaps) < 0.1, f"the progress bar went {max(gaps) * 1000:.0f} ms without a repaint"
    assert d.progress_label.text().startswith("Reading run-00")
    d.reject()  # Cancel
    qtbot.waitUntil(lambda: not d.isVisible(), timeout=30_000)
    assert d.result() == QDialog.DialogCode.Rejected and d.counts is None
    assert not d._thread.isRunning()  # noqa: SLF001
    assert env.store.sessions.all() == before and env.stack.count() == 0


def test_preview_model_passes_the_model_tester(env, tmp_path, qtmodeltester):
    env.plan.add([run("Morning", TUE, time=dt.time(7, 0)), run("Evening", TUE, time=dt.time(18, 0))], TUE)
    imp = ActivityImport(env.runner, CATALOG)
    preview = imp.preview(imp.read([gpx(tmp_path, "a.gpx"), gpx(tmp_path, "b.gpx", "2026-11-26")], dt.UTC))
    model = ActivityPreviewModel(preview)
    qtmodeltester.check(model)
    assert [model.index(0, c).data() for c in range(8)] == [
        "Tue 24 Nov 2026", "07:00", "Run", "50 min", "5.57 km", "140 / 150 bpm", "a.gpx", "Fills in 'Morning'"]
    imperial = ActivityPreviewModel(preview, imperial=True)
    assert imperial.index(0, 4).data() == "3.46 mi"  # 5.566 km / 1.609344
    assert not model.flags(model.index(1, PLAN_COLUMN)) & Qt.ItemFlag.ItemIsEditable  # no candidates
    assert not model.setData(model.index(0, PLAN_COLUMN), 3)  # only 0..2


def test_dropped_files_are_picked_by_name():
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile("/x/run.GPX"), QUrl.fromLocalFile("/x/notes.txt"),
                  QUrl.fromLocalFile("/x/ride.fit.gz"), QUrl("https://example.org/a.gpx")])
    assert activity_paths(mime) == [Path("/x/run.GPX"), Path("/x/ride.fit.gz")]
    assert activity_paths(QMimeData()) == []


@needs_realdata
def test_the_preview_says_what_efforts_were_estimated_with_and_points_to_file_profile(env, qtbot, dialog_for):
    d = dialog_for([TCX])
    qtbot.waitUntil(lambda: d.pages.currentIndex() == 1, timeout=10_000)
    assert d.notes.text() == (
        "Effort not estimated from heart rate: 1 activity with heart rate and no race: too few to tell your "
        "maximum heart rate (it takes 5 over 28 days or more, or one race). Add your age or "
        "your maximum heart rate in File > Profile, or with profile --age or --max-hr; until then these "
        "activities keep the default effort, or one from pace against your easy pace.")
    profiles = ProfileService(env.runner)
    profiles.set(profiles.get().replace(age=40))
    d = dialog_for([TCX])
    qtbot.waitUntil(lambda: d.pages.currentIndex() == 1, timeout=10_000)
    assert d.notes.text() == (  # Tanaka 2001: 208 - 0.7 x 40 = 180; the 189 recorded is higher
        "Effort from heart rate: share of heart-rate reserve (Karvonen 1957) in the ACSM classes (Garber 2011), "
        "with max 189 bpm (estimated from your activities), resting 60 bpm (assumed) (set them in File > Profile, "
        "or with profile --max-hr and --resting-hr).")


def test_a_deeply_nested_gpx_is_refused_and_the_window_lives(env, tmp_path, qtbot, dialog_for):
    from tests.io.activities import hostile

    deep = tmp_path / "deep.gpx"
    deep.write_bytes(hostile.nested())  # 1.1 MB; on main read in the window's own process: it died
    d = dialog_for([deep])
    qtbot.waitUntil(lambda: d.error_label.isVisible(), timeout=30_000)
    assert d.error_label.text() == ("deep.gpx: nests elements more than 64 deep, which no activity file does; "
                                    "refused before reading it. Nothing was imported.")
    assert env.store.sessions.all() == [] and env.stack.count() == 0


def test_a_reader_that_dies_means_an_unreadable_file_never_a_read_in_the_window(env, tmp_path, qtbot, dialog_for,
                                                                                 monkeypatch):
    from planner.ui.dialogs import activity_import_dialog
    from tests.ui import crashing_reader

    in_window: list[Path] = []
    monkeypatch.setattr(activity_import_dialog, "read_one", crashing_reader.die)  # runs in the reader process
    monkeypatch.setattr(activity_import_dialog, "read_files", _spy_read_files(in_window))
    d = dialog_for([gpx(tmp_path, "a.gpx")])
    qtbot.waitUntil(lambda: d.error_label.isVisible(), timeout=30_000)
    assert d.error_label.text() == ("a.gpx: could not be read: the process reading it stopped (the file is "
                                    "damaged, or built to break readers). Nothing was imported.")
    assert in_window == []  # on main: read again inside the window's process
    assert env.store.sessions.all() == [] and env.stack.count() == 0


def _spy_read_files(in_window: list[Path]):
    from planner.services.activity_import import read_files

    def spy(paths, names, tz=None, progress=None, cancelled=None, read=None):
        if read is None:  # the in-process reader
            in_window.extend(paths)
            return read_files(paths, names, tz, progress, cancelled)
        return read_files(paths, names, tz, progress, cancelled, read)
    return spy
