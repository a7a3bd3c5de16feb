"""File > Import activities… and files dropped on the window: read activity files and lifting
logs off the interface thread (progress bar, Cancel), show what they will do to the plan, let the
user change a match or map an exercise name, and apply it all as one undoable change.

The lead wires `import_activities(parent, plan_service, paths)` to the menu action (with no paths:
it asks for files) and to the window's dropEvent (`activity_paths(mime)` picks the files).
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import threading
import time
from collections.abc import Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from PySide6.QtCore import QMimeData, QModelIndex, QObject, QPersistentModelIndex, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from planner.domain.enums import Units
from planner.io.activities import SUFFIXES, Activity, Source
from planner.io.activities.sessions import ExerciseNames
from planner.models.activity_preview_model import OPTIONS_ROLE, PLAN_COLUMN, ActivityPreviewModel
from planner.services.activity_import import (
    ActivityFileError,
    ActivityImport,
    ImportCancelled,
    ImportCounts,
    ImportNotApplied,
    NoRoomError,
    Preview,
    Reader,
    ReadResult,
    read_files,
    read_one,
)
from planner.services.plan import PlanService
from planner.ui.dialogs.fields import header_font

FILE_FILTER = ("Activities and lifting logs (*.gpx *.tcx *.fit *.csv *.gpx.gz *.tcx.gz *.fit.gz *.zip);;"
               "All files (*)")
TICK_MS = 50  # the progress line and bar repaint at least this often while reading
UNMAPPED = "Leave as it is (no muscle group)"
READER_DIED = ("could not be read: the process reading it stopped (the file is damaged, or built to break "
               "readers)")


def activity_paths(mime: QMimeData) -> list[Path]:
    """The dropped local files this importer reads (by name); empty when there are none."""
    if not mime.hasUrls():
        return []
    paths = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
    return [p for p in paths if p.name.lower().endswith(SUFFIXES)]


class ReadWorker(QObject):
    """Reads the files off the interface thread; touches no store (the names come in ready).

    The parsing itself always runs in a separate process (starting it costs 0.3-2 s): a file is
    untrusted, and a reader that crashes on it (a deeply nested GPX ran gpxpy out of C stack) must
    take down only that process, never the window and its undo history (issue 19). If the process
    dies, or cannot be started, the file is reported as unreadable; it is never read here instead.
    The process also keeps the readers' interpreter lock off the progress bar's thread.
    """

    progress = Signal(int, int, str)
    done = Signal(object)  # ReadResult
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, paths: Sequence[Path], names: ExerciseNames) -> None:
        super().__init__()
        self._paths, self._names = list(paths), names
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def _in_process(self, pool: ProcessPoolExecutor) -> Reader:
        def read(src: Source, names: ExerciseNames, tz: dt.tzinfo | None,
                 details: Mapping[str, Activity] | None) -> ReadResult:
            try:
                future = pool.submit(read_one, src, names, tz, details)
                while True:
                    try:
                        return future.result(timeout=0.05)
                    except FutureTimeout:
                        if self._cancel.is_set():
                            raise ImportCancelled from None
            except BrokenProcessPool:  # the reader died on this file: never read it in the window
                raise ActivityFileError(src.name if isinstance(src, Path) else src.label, READER_DIED) from None
        return read

    @Slot()
    def run(self) -> None:
        pool: ProcessPoolExecutor | None = None
        try:
            try:
                pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
            except (OSError, RuntimeError, ValueError) as exc:
                self.failed.emit(f"Could not start the process that reads activity files ({exc}), so no "
                                 "file was read. Nothing was imported.")
                return
            result = read_files(self._paths, self._names, None, progress=self.progress.emit,
                                cancelled=self._cancel.is_set, read=self._in_process(pool))
        except ImportCancelled:
            self.cancelled.emit()
            return
        except ActivityFileError as exc:
            self.failed.emit(f"{exc}. Nothing was imported.")
            return
        except Exception as exc:  # noqa: BLE001 - a bug in a reader must not kill the thread silently
            self.failed.emit(f"Could not read the files ({type(exc).__name__}: {exc}). Nothing was imported.")
            return
        finally:
            if pool is not None:
                pool.shutdown(wait=False, cancel_futures=True)
        if self._cancel.is_set():
            self.cancelled.emit()
        else:
            self.done.emit(result)


class PlanChoiceDelegate(QStyledItemDelegate):
    """A combo box of the row's choices: a new session, or one of the planned sessions it could fill in."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        combo = QComboBox(parent)
        combo.addItems(index.data(OPTIONS_ROLE) or [])
        combo.activated.connect(lambda _i, c=combo: self.commitData.emit(c))
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(int(index.data(Qt.ItemDataRole.EditRole) or 0))

    def setModelData(self, editor: QWidget, model, index: QModelIndex | QPersistentModelIndex) -> None:  # noqa: ANN001
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentIndex(), Qt.ItemDataRole.EditRole)


class ActivityImportDialog(QDialog):
    """Reading page (progress, Cancel) -> preview page (matches, exercise names, Import)."""

    def __init__(self, plan: PlanService, paths: Sequence[Path], catalog: dict[str, tuple[str, ...]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import activities")
        self.resize(980, 560)
        self.counts: ImportCounts | None = None
        self.error: str | None = None
        self._plan = plan
        self._paths = list(paths)
        self._catalog = catalog
        self._importer = ActivityImport(plan.runner, catalog)
        self._imperial = plan.store.profile.get().units is Units.IMPERIAL
        self._model: ActivityPreviewModel | None = None
        self._started = time.monotonic()
        self._status = (0, len(self._paths), "")
        self._closing = False

        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._reading_page())
        self.pages.addWidget(self._preview_page())
        self.buttons = QDialogButtonBox(self)
        self.import_button = QPushButton("Import", self)
        self.import_button.setEnabled(False)
        self.import_button.setDefault(True)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.import_button.clicked.connect(self._apply)
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.buttons)

        self._thread = QThread(self)
        # Frozen builds too: planner/__main__.py calls multiprocessing.freeze_support() first, and the
        # bundle's --self-test reads a file in a spawned process to prove it.
        self._worker = ReadWorker(self._paths, self._importer.names())
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progress.connect(self._on_progress)
        self._worker.done.connect(self._on_read)
        self._worker.failed.connect(self._on_failed)
        self._worker.cancelled.connect(self._on_cancelled)
        for signal in (self._worker.done, self._worker.failed, self._worker.cancelled):
            signal.connect(self._thread.quit)
        # The worker lives in the reading thread: it goes with that thread, never from here.
        self._thread.finished.connect(self._worker.deleteLater)
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._repaint_progress)
        self._tick.start()
        self._thread.start()

    # -- pages ---------------------------------------------------------------------------------
    def _reading_page(self) -> QWidget:
        page = QWidget(self)
        title = QLabel(f"Reading {len(self._paths)} file{'s' if len(self._paths) != 1 else ''}…", page)
        title.setFont(header_font(title))
        self.progress_label = QLabel("", page)
        self.progress_bar = QProgressBar(page)
        self.progress_bar.setRange(0, max(1, len(self._paths)))
        self.error_label = QLabel("", page)
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.hide()
        lay = QVBoxLayout(page)
        lay.addStretch(1)
        for w in (title, self.progress_label, self.progress_bar, self.error_label):
            lay.addWidget(w)
        lay.addStretch(2)
        return page

    def _preview_page(self) -> QWidget:
        page = QWidget(self)
        self.summary = QLabel("", page)
        self.summary.setFont(header_font(self.summary))
        self.summary.setWordWrap(True)
        self.hint = QLabel("Planned values stay; what was done is filled in and the session is marked done. "
                           "Double-click a row's “In the plan” to choose another planned session, "
                           "or to add it as a new one.", page)
        self.hint.setWordWrap(True)
        self.table = QTableView(page)
        self.table.setItemDelegateForColumn(PLAN_COLUMN, PlanChoiceDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.SelectedClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.names_table = QTableWidget(0, 2, page)
        self.names_table.setHorizontalHeaderLabels(["Name in the log", "Counts as"])
        self.names_table.verticalHeader().hide()
        self.names_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.names_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.skipped_table = QTableWidget(0, 3, page)
        self.skipped_table.setHorizontalHeaderLabels(["File", "Activity", "Why it is left out"])
        self.skipped_table.verticalHeader().hide()
        self.skipped_table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.tabs = QTabWidget(page)
        self.tabs.addTab(self.table, "Activities")
        self.tabs.addTab(self.names_table, "Exercise names")
        self.tabs.addTab(self.skipped_table, "Left out")
        self.notes = QLabel("", page)
        self.notes.setWordWrap(True)
        self.notes.setEnabled(False)
        lay = QVBoxLayout(page)
        lay.addWidget(self.summary)
        lay.addWidget(self.hint)
        lay.addWidget(self.tabs, 1)
        lay.addWidget(self.notes)
        return page

    # -- reading -------------------------------------------------------------------------------
    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, name: str) -> None:
        self._status = (done, total, name)
        self._repaint_progress()

    def _repaint_progress(self) -> None:
        done, total, name = self._status
        self.progress_bar.setMaximum(max(1, total))
        self.progress_bar.setValue(done)
        elapsed = time.monotonic() - self._started
        doing = f"{name} ({done + 1} of {total})" if name else f"{done} of {total}"
        verb = "Cancelling…" if self._closing else f"Reading {doing}"
        self.progress_label.setText(f"{verb} · {elapsed:.0f} s")
        self.progress_bar.update()

    @Slot(object)
    def _on_read(self, result: ReadResult) -> None:
        self._tick.stop()
        if self._closing:
            super().reject()
            return
        preview = self._importer.preview(result)
        self._model = ActivityPreviewModel(preview, self._imperial, self)
        self._model.previewChanged.connect(self._show_counts)
        self.table.setModel(self._model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(PLAN_COLUMN, QHeaderView.ResizeMode.Stretch)
        self._fill_names(preview)
        self._fill_skipped(preview)
        notes = [*preview.notes, preview.effort_basis] if preview.effort_basis else list(preview.notes)
        self.notes.setText("; ".join(notes))
        self.notes.setVisible(bool(notes))
        self._show_counts(preview)
        self.pages.setCurrentIndex(1)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._tick.stop()
        self.error = message
        if self._closing:
            super().reject()
            return
        self.progress_bar.hide()
        self.progress_label.setText("The import stopped:")
        self.error_label.setText(message)
        self.error_label.show()
        self.cancel_button.setText("Close")

    @Slot()
    def _on_cancelled(self) -> None:
        self._tick.stop()
        super().reject()

    # -- preview -------------------------------------------------------------------------------
    def _fill_names(self, preview: Preview) -> None:
        names = preview.unknown_exercises
        self.tabs.setTabText(1, f"Exercise names ({len(names)} unknown)" if names else "Exercise names")
        self.tabs.setTabEnabled(1, bool(names))
        self.names_table.setRowCount(len(names))
        choices = [UNMAPPED, *sorted(self._catalog, key=str.casefold)]
        for row, name in enumerate(names):
            item = QTableWidgetItem(name)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.names_table.setItem(row, 0, item)
            combo = QComboBox(self.names_table)
            combo.addItems(choices)
            combo.setAccessibleName(f"{name} counts as")
            combo.currentTextChanged.connect(lambda text, n=name: self._map(n, text))
            self.names_table.setCellWidget(row, 1, combo)

    def _fill_skipped(self, preview: Preview) -> None:
        """What the plan cannot hold, each with its reason: the rest imports."""
        skipped = preview.skipped
        self.tabs.setTabText(2, f"Left out ({len(skipped)})" if skipped else "Left out")
        self.tabs.setTabEnabled(2, bool(skipped))
        self.skipped_table.setRowCount(len(skipped))
        for row, s in enumerate(skipped):
            for col, text in enumerate((s.file, s.activity, s.reason)):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.skipped_table.setItem(row, col, item)

    def _map(self, name: str, to: str) -> None:
        if self._model is not None:
            self._model.set_preview(self._model.preview.with_mapping(name, None if to == UNMAPPED else to))

    def _show_counts(self, preview: Preview) -> None:
        c = preview.counts
        left_out = f" · Left out: {len(preview.skipped)}" if preview.skipped else ""
        self.summary.setText(f"Matched to the plan: {c.matched} · New sessions: {c.added} · "
                             f"Already in the plan: {c.skipped}{left_out}")
        n = c.matched + c.added
        self.import_button.setText(f"Import {n} activit{'ies' if n != 1 else 'y'}" if n else "Import")
        self.import_button.setEnabled(bool(n or preview.mapping))

    def preview(self) -> Preview | None:
        return self._model.preview if self._model is not None else None

    def _apply(self) -> None:
        preview = self.preview()
        if preview is None:
            return
        try:
            self.counts = self._importer.apply(preview)
        except ImportNotApplied:
            return  # the runner told the user why (the change bus's error signal)
        except NoRoomError as exc:
            QMessageBox.warning(self, "Import activities", f"{exc} Nothing was imported.")
            return
        self.accept()

    # -- closing -------------------------------------------------------------------------------
    def reject(self) -> None:
        """Cancel: while reading, stop the worker first (the plan is never touched before Import)."""
        if self._thread.isRunning():
            self._closing = True
            self._worker.cancel()
            self.cancel_button.setEnabled(False)
            self._repaint_progress()
            return
        super().reject()

    def done(self, result: int) -> None:
        self._tick.stop()
        if self._thread.isRunning():
            self._worker.cancel()  # the thread is running, so the worker is still there
            self._thread.quit()
            self._thread.wait()
        super().done(result)


def import_activities(parent: QWidget | None, plan_service: PlanService,
                      paths: Sequence[Path | str] = ()) -> ImportCounts | None:
    """Ask for files when none are given, read them, preview, and import on Import. Returns the
    counts, or None when the user cancelled or a file could not be read (the dialog said why)."""
    from planner.resources import import_catalog as exercise_catalog  # with Strong's and Hevy's names

    chosen = [Path(p) for p in paths]
    if not chosen:
        names, _ = QFileDialog.getOpenFileNames(parent, "Import activities", "", FILE_FILTER)
        chosen = [Path(n) for n in names]
    if not chosen:
        return None
    dialog = ActivityImportDialog(plan_service, chosen, exercise_catalog(), parent)
    try:
        dialog.exec()
        return dialog.counts
    finally:
        # Not left behind as a hidden child of the window with its thread, tables and preview
        # (done() has waited for the reading thread).
        dialog.deleteLater()
