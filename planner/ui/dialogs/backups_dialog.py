"""File > Backups…, Back up to file…, Restore from file… (issue 7).

The three work on the open store, through planner/services/data_file.py:
a backup holds what the window shows (unsaved changes too); a restore checks the whole file first,
backs up the current state, then replaces it. After a restore the caller must clear its undo
history and refresh every view (the restored data is a new world): `restore_from_file` returns the
result for that, and BackupsDialog emits `restored`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.services import data_file
from planner.services.data_file import BackupInfo, RestoreResult, Store, StoreError
from planner.services.data_file import BackupKind as Kind

FILTER = "Hybrid Planner backups (*.json);;All files (*)"
_KIND_TEXT = {Kind.DAILY: "daily", Kind.KEPT: "kept (before a broken file)",
              Kind.UPGRADE: "before an upgrade", Kind.RESTORE: "before a restore"}


def _when(info: BackupInfo) -> str:
    if info.taken is None:
        return "?"
    if info.kind in (Kind.DAILY, Kind.KEPT):
        return info.taken.strftime("%Y-%m-%d")
    return info.taken.strftime("%Y-%m-%d %H:%M")


class BackupsDialog(QDialog):
    """The automatic backups, newest first, with their date and session count; restore one."""

    restored = Signal(object)  # RestoreResult

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle("Backups")
        self.resize(760, 360)
        folder = store.path.parent / "backups"
        intro = QLabel(f"Hybrid Planner copies your plan at the first start of each day (the newest five "
                       f"are kept) and before every upgrade or restore, into {folder}.")
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(["Date", "Sessions", "Kind", "File"])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        for col in range(3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel("No backups yet: the first is made at the next start of the app.")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = QPushButton("Restore…")
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self.restore_selected)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.restore_selected())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self.infos: list[BackupInfo] = []
        self.reload()

    def reload(self) -> None:
        self.infos = data_file.backups(self.store)
        self.table.setRowCount(len(self.infos))
        for row, info in enumerate(self.infos):
            sessions = str(info.sessions) if info.sessions is not None else "unreadable"
            cells = [_when(info), sessions, _KIND_TEXT.get(info.kind, "") if info.kind else "", str(info.path)]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if info.sessions is None:
                    item.setToolTip(info.problem)
                self.table.setItem(row, col, item)
        self.empty.setVisible(not self.infos)
        self.table.setVisible(bool(self.infos))
        if self.infos:
            self.table.selectRow(0)
        self._update_buttons()

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.infos[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        info = self.selected()
        self.restore_button.setEnabled(info is not None and info.sessions is not None)

    def restore_selected(self) -> None:
        info = self.selected()
        if info is None or info.sessions is None:
            return
        result = confirm_and_restore(self, self.store, info.path, f"the backup of {_when(info)}")
        if result is not None:
            self.restored.emit(result)
            self.reload()


def confirm_and_restore(parent: QWidget | None, store: Store, source: Path, what: str) -> RestoreResult | None:
    answer = QMessageBox.question(
        parent, "Restore",
        f"Replace your plan with {what} ({source.name})?\n\nWhat the plan holds now is backed up first, "
        "and the undo history is cleared.",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
    if answer != QMessageBox.StandardButton.Yes:
        return None
    try:
        result = data_file.restore(store, source)
    except StoreError as exc:
        QMessageBox.warning(parent, "Restore", str(exc))
        return None
    saved = f" The plan it replaced is backed up as {result.previous.name}." if result.previous else ""
    QMessageBox.information(parent, "Restore", f"Restored {result.sessions} sessions from {source.name}.{saved}")
    return result


def back_up_to_file(parent: QWidget | None, store: Store) -> Path | None:
    """File > Back up to file…: everything the window holds, as one JSON file."""
    name, _ = QFileDialog.getSaveFileName(parent, "Back up to file", "hybrid-planner-backup.json", FILTER)
    if not name:
        return None
    target = Path(name)
    try:
        count = data_file.back_up(store, target)
    except StoreError as exc:
        QMessageBox.warning(parent, "Back up to file", str(exc))
        return None
    QMessageBox.information(parent, "Back up to file",
                            f"Backed up {count} sessions, your profile, templates and logs to {target}.")
    return target


def restore_from_file(parent: QWidget | None, store: Store) -> RestoreResult | None:
    """File > Restore from file…: a backup or a file from Back up to file."""
    name, _ = QFileDialog.getOpenFileName(parent, "Restore from file", "", FILTER)
    if not name:
        return None
    return confirm_and_restore(parent, store, Path(name), "the file")
