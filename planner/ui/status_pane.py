"""The status bar as a pane: what the last change was (with the word for how it came about) and
whether it is on disk yet."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStatusBar

from planner.models.save_status import SaveState, SaveStatus
from planner.services.changes import Changes, Origin

_SAID = {Origin.DO: "Undo", Origin.UNDO: "Undid", Origin.REDO: "Redid"}


def change_message(changes: Changes) -> str:
    """"Undo: Move 'Tempo run' to Thursday" after a change (what Ctrl+Z now takes back),
    "Undid: ..." and "Redid: ..." after the stack moved."""
    return f"{_SAID[changes.origin]}: {changes.text}" if changes.text else ""


class StatusPane(QLabel):
    """The permanent save label; also writes each change's words into the status bar."""

    def __init__(self, bar: QStatusBar, save: SaveStatus, file_name: str) -> None:
        super().__init__()
        self._bar, self._save, self._file = bar, save, file_name
        save.changed.connect(self.show_save_state)
        self.show_save_state()

    def refresh(self, changes: Changes) -> None:
        message = change_message(changes)
        if message:
            self._bar.showMessage(message, 6000)
        self.show_save_state()

    def show_save_state(self) -> None:
        state = self._save.state
        if state is SaveState.SAVED:
            self.setText(f"Saved to {self._file}")
            self.setToolTip("Every change is on disk")
        elif state is SaveState.SAVING:
            self.setText("Saving…")
            self.setToolTip("Changes are written about 150 ms after the last one")
        else:
            self.setText("⚠ Not saved: will retry")
            self.setToolTip(self._save.error or "")
