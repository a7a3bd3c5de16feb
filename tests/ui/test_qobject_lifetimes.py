"""Qt objects that cross a thread live and die on the right thread (issue 20: a segfault in
libQt6Core after minutes of use, the last action an activity import).

- Python's collector runs on the interface thread only (GuiThreadCollector): left automatic, it
  ran in whichever thread allocated (the import's reading thread, the background save), and a Qt
  object it freed there was destroyed off the interface thread.
- An import dialog, its reading thread and its worker are gone once the import is over; they
  used to stay, hidden, as children of the window.
- Files dropped on the window are imported after the drop has finished, not in a modal dialog
  running inside the drop's handling.
"""

from __future__ import annotations

import gc
import threading

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QMimeData, QObject, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from planner.ui.dialogs import activity_import_dialog
from planner.ui.dialogs.activity_import_dialog import ActivityImportDialog, import_activities
from planner.ui.gc_collector import GuiThreadCollector
from tests.services.test_activity_import import HEVY


class Cycle:
    """Garbage only the cyclic collector frees, holding a Qt object as a closed dialog's wrapper
    would; records the thread the Qt object was destroyed on."""

    def __init__(self, freed_on: list[str]) -> None:
        self.me = self
        self.qt = QObject()
        self.qt.destroyed.connect(lambda *_: freed_on.append(threading.current_thread().name),
                                  Qt.ConnectionType.DirectConnection)


def _allocate_in_a_thread(keep: list | None = None) -> None:
    """Container allocations past every threshold, in another thread (kept in `keep`, or freed
    again as they go)."""
    def churn() -> None:
        for _ in range(20):
            junk = [[] for _ in range(5000)]
            if keep is not None:
                keep.append(junk)
            del junk
    t = threading.Thread(target=churn, name="reader")
    t.start()
    t.join()


@pytest.fixture
def collector(qapp):
    gc.collect()
    c = GuiThreadCollector()
    yield c
    c.stop()
    gc.unfreeze()


def test_garbage_is_freed_on_the_interface_thread_not_where_it_was_allocated(collector):
    collector.start()
    freed_on: list[str] = []
    Cycle(freed_on)
    kept: list = []
    _allocate_in_a_thread(kept)
    assert freed_on == []  # the reading thread passed every threshold and collected nothing
    collector.collect_due()
    assert freed_on == [threading.main_thread().name]


def test_without_it_a_thread_collects_garbage_it_did_not_make(qapp):
    """The hazard itself: automatic collection runs in the allocating thread."""
    assert gc.isenabled()
    gc.collect()
    freed_on: list[str] = []
    Cycle(freed_on)
    for _ in range(50):
        _allocate_in_a_thread()
        if freed_on:
            break
    assert freed_on == ["reader"]


def test_the_collector_ticks_on_a_timer_and_gives_collection_back(collector, qtbot):
    assert not gc.isenabled()
    collector.start()
    freed_on: list[str] = []
    Cycle(freed_on)
    kept: list = []
    _allocate_in_a_thread(kept)
    qtbot.waitUntil(lambda: bool(freed_on), timeout=5 * GuiThreadCollector.INTERVAL_MS)
    assert freed_on == [threading.main_thread().name]
    collector.stop()
    assert gc.isenabled()


def _deferred_deletes() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_an_import_leaves_no_dialog_thread_or_worker_behind(window, tmp_path, qtbot, monkeypatch):
    hevy = tmp_path / "hevy.csv"
    hevy.write_text(HEVY, encoding="utf-8")
    seen: list[ActivityImportDialog] = []

    def run_and_import(dialog: ActivityImportDialog) -> int:
        seen.append(dialog)
        qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=10_000)
        dialog.import_button.click()
        return 1

    monkeypatch.setattr(ActivityImportDialog, "exec", run_and_import)
    counts = import_activities(window, window.plan, [hevy])
    assert counts is not None and counts.added == 1
    thread, worker = seen[0]._thread, seen[0]._worker
    assert not thread.isRunning()
    qtbot.waitUntil(lambda: (_deferred_deletes(), not window.findChildren(ActivityImportDialog))[1], timeout=2000)
    with pytest.raises(RuntimeError):  # the worker went with its thread
        worker.objectName()
    with pytest.raises(RuntimeError):
        thread.objectName()


def test_files_dropped_on_the_window_are_imported_after_the_drop(window, tmp_path, qtbot, monkeypatch):
    hevy = tmp_path / "hevy.csv"
    hevy.write_text(HEVY, encoding="utf-8")
    calls = []
    monkeypatch.setattr(activity_import_dialog, "import_activities",
                        lambda _parent, _plan, paths: calls.append(list(paths)))
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(hevy))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert event.isAccepted() and calls == []  # not inside the drop's handling
    qtbot.waitUntil(lambda: calls == [[hevy]], timeout=1000)
