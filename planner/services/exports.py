"""The one way an export reaches the disk, for the window and the command line alike.

An export (plan CSV, calendar file, PDF, backup) is written atomically, never over the app's own
files (the data file, its lock, a backup, a broken file kept aside) and never over anything that is
not a regular file (a device, a FIFO, a socket): issue 19.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from planner.store.exports import NotAFolderError, ProtectedTargetError, check_folder, check_target, write_export
from planner.store.files import NotRegularTargetError, write_atomic
from planner.store.store import Store

__all__ = ["ExportWriter", "NotAFolderError", "NotRegularTargetError", "ProtectedTargetError", "check_folder",
           "check_target", "export_writer", "folder_writer", "write_export", "write_unowned"]

#: write(target, payload): raises OSError (its strerror says why) and writes nothing on failure
ExportWriter = Callable[[Path, bytes], object]


def export_writer(store: Store) -> ExportWriter:
    """A writer for exports of the plan in `store`, which guards that store's own files."""
    data_file = store.path

    def write(target: Path, payload: bytes) -> None:
        write_export(data_file, target, payload)

    return write


def folder_writer(store: Store, folder: Path) -> ExportWriter:
    """A writer for an export of several files into `folder` (workouts for a watch): raises OSError
    at once when `folder` is one of the app's own files or folders, or no folder at all."""
    check_folder(store.path, Path(folder))
    return export_writer(store)


def write_unowned(target: Path, payload: bytes) -> None:
    """Write a file that belongs to no plan (a sample page): atomic, regular files only."""
    write_atomic(Path(target), payload)
