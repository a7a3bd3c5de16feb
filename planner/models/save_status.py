"""Whether what the window shows is on disk: "Saved" only once the background save has written it.

The storage's worker thread reports through queued signals, so the state changes on the GUI thread.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QObject, Signal

from planner.store.storage import AtomicJSONStorage


class SaveState(Enum):
    SAVED = "saved"
    SAVING = "saving"
    FAILED = "failed"


class SaveStatus(QObject):
    changed = Signal()
    failed = Signal(str)  # a message for the user, once per run of failed saves
    _saved_on_worker = Signal(int)
    _failed_on_worker = Signal(str)

    def __init__(self, storage: AtomicJSONStorage, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._storage = storage
        self.error: str | None = None
        # Emitted on the worker thread; delivered on this object's (the GUI) thread.
        self._saved_on_worker.connect(self._on_saved)
        self._failed_on_worker.connect(self._on_failed)
        storage.start_background(self._failed_on_worker.emit, self._saved_on_worker.emit)

    @property
    def state(self) -> SaveState:
        if self.error is not None:
            return SaveState.FAILED
        if self._storage.saved_revision >= self._storage.revision:
            return SaveState.SAVED
        return SaveState.SAVING

    def text(self) -> str:
        return {SaveState.SAVED: "Saved", SaveState.SAVING: "Saving…",
                SaveState.FAILED: "Not saved: will retry"}[self.state]

    def reset(self) -> None:
        """The store was replaced (restore, reload): what it holds is what the file holds."""
        self.error = None
        self.changed.emit()

    def _on_saved(self, _revision: int) -> None:
        self.error = None
        self.changed.emit()

    def _on_failed(self, message: str) -> None:
        self.error = message
        self.changed.emit()
        self.failed.emit(message)
