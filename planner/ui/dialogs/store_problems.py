"""What the window asks when the data file has a problem: it is broken at start, or another program
changed it while the window was open (issue 7).

- `open_interactive`: open the data folder; on a broken file, offer "Restore newest good backup",
  "Start an empty plan" or "Quit", and never start an empty plan without that choice.
- `ask_reload`: the file changed on disk, so the window did not save over it; reload it, or keep
  the window's changes unsaved (they can still be backed up to a file).
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

import planner
from planner.domain.session import Template
from planner.services import data_file
from planner.services.data_file import CorruptStoreError, Store, StoreError


class BrokenFileChoice(Enum):
    RESTORE = "restore"
    START_EMPTY = "start empty"
    QUIT = "quit"


RESTORE_TEXT = "Restore newest good backup"
START_EMPTY_TEXT = "Start an empty plan"
QUIT_TEXT = "Quit"
RELOAD_TEXT = "Reload from disk"
KEEP_TEXT = "Keep my changes (unsaved)"


def broken_file_box(parent: QWidget | None, error: CorruptStoreError) -> QMessageBox:
    """The question, built but not shown (tests press its buttons)."""
    box = QMessageBox(QMessageBox.Icon.Critical, planner.APP_NAME, "The data file could not be read.", parent=parent)
    if error.backup is not None:
        more = (f"The newest good backup is {error.backup.name}, in {error.backup.parent}.\n\n"
                "Restore it, or start an empty plan on purpose. The broken file is kept either way.")
    else:
        more = ("There is no good backup to go back to. Start an empty plan on purpose (the broken file is "
                "kept), or quit and restore a file of your own with hybrid-planner restore FILE.json.")
    box.setInformativeText(f"{error.summary}\n\n{more}")
    box.setDetailedText(str(error))
    restore = box.addButton(RESTORE_TEXT, QMessageBox.ButtonRole.AcceptRole)
    restore.setEnabled(error.backup is not None)
    box.addButton(START_EMPTY_TEXT, QMessageBox.ButtonRole.DestructiveRole)
    quit_button = box.addButton(QUIT_TEXT, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore if error.backup is not None else quit_button)
    box.setEscapeButton(quit_button)
    return box


def choice_of(box: QMessageBox) -> BrokenFileChoice:
    clicked = box.clickedButton()
    text = clicked.text() if clicked is not None else QUIT_TEXT
    return {RESTORE_TEXT: BrokenFileChoice.RESTORE,
            START_EMPTY_TEXT: BrokenFileChoice.START_EMPTY}.get(text, BrokenFileChoice.QUIT)


def ask_broken_file(parent: QWidget | None, error: CorruptStoreError) -> BrokenFileChoice:
    box = broken_file_box(parent, error)
    box.exec()
    return choice_of(box)


def open_interactive(data_dir: Path, builtins: Sequence[Template] = (), *,
                     ask=ask_broken_file) -> Store | None:  # noqa: ANN001 - a function like ask_broken_file
    """Open the data folder for the window; None when the user quits or it cannot be opened
    (the reason was shown). `ask` is replaceable for tests."""
    try:
        try:
            return data_file.open_data(data_dir, builtins)
        except CorruptStoreError as exc:
            choice = ask(None, exc)
            if choice is BrokenFileChoice.RESTORE and exc.backup is not None:
                return data_file.open_restored(data_dir, exc.backup, builtins)
            if choice is BrokenFileChoice.START_EMPTY:
                return data_file.open_data(data_dir, builtins, start_fresh=True)
            return None
    except StoreError as exc:
        QMessageBox.critical(None, planner.APP_NAME, str(exc))
        return None


def reload_box(parent: QWidget | None, message: str) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Warning, planner.APP_NAME,
                      "Another program changed the data file, so your latest changes were not saved over it.",
                      parent=parent)
    box.setInformativeText(
        f"{message}\n\nReload to see what is on disk now (your changes since the last save are lost; "
        "File > Back up to file… keeps them in a file first), or keep working with your changes unsaved.")
    reload_button = box.addButton(RELOAD_TEXT, QMessageBox.ButtonRole.AcceptRole)
    keep = box.addButton(KEEP_TEXT, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(reload_button)
    box.setEscapeButton(keep)
    return box


def ask_reload(parent: QWidget | None, message: str) -> bool:
    """True when the user chooses to reload the file from disk (then call
    planner.services.data_file.reload, clear the undo stack and refresh every view)."""
    box = reload_box(parent, message)
    box.exec()
    clicked = box.clickedButton()
    return clicked is not None and clicked.text() == RELOAD_TEXT


#: the status bar after "Keep my changes" (the box said it all; a second box would repeat it)
KEPT_WORDS = "Your changes are kept in the window, not saved: the file on disk was changed by another program."


def offer_reload(parent: QWidget | None, store: Store, message: str, *, ask=ask_reload) -> bool:  # noqa: ANN001
    """For the window's save-failed slot: when the save failed because another program changed the
    file, ask, and reload it on yes. True when the store was reloaded: the caller then clears its
    undo history and refreshes every view. Any other failure: False (the caller shows `message`)."""
    if not data_file.changed_on_disk(store):
        return False
    if not ask(parent, message):
        return False
    try:
        data_file.reload(store)
    except StoreError as exc:
        QMessageBox.warning(parent, planner.APP_NAME, str(exc))
        return False
    return True
