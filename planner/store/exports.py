"""Where an export (plan CSV, calendar file, PDF, backup) may be written: never over the app's own
files.

Every writer goes through write_export, so none of them can destroy the data file, its lock, a
broken file kept aside, the note about it, or a backup (issue 19: `export-plan hybrid-planner.json`
reported success and destroyed the plan). What is not a regular file is refused by write_atomic.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from planner.store.backups import BACKUP_DIR
from planner.store.errors import StoreError
from planner.store.files import Fingerprint, kind_of, write_atomic
from planner.store.lock import LOCK_FILE


class ProtectedTargetError(StoreError, OSError):
    """The export was aimed at one of the app's own files; nothing was written."""

    def __init__(self, path: Path, what: str) -> None:
        OSError.__init__(self, errno.EEXIST,
                         f"{what}, and an export never replaces the app's own files; nothing was "
                         "written")
        self.path = path

    def __str__(self) -> str:
        return f"{self.path}: {self.strerror}"


def protected_as(data_file: Path, target: Path) -> str | None:
    """What `target` is to the app ("it is the data file", ...), or None when an export may
    write it. Symlinks and relative paths are resolved first, so another name for the same file is
    caught too."""
    folder = Path(os.path.realpath(data_file.parent))
    real = Path(os.path.realpath(target))
    if _same(real, data_file):
        return "it is the data file"
    if real == folder / LOCK_FILE:
        return "it is the data folder's lock"
    if real.parent == folder / BACKUP_DIR or real.parent == Path(os.path.realpath(data_file)).parent / BACKUP_DIR:
        return "it is in the backups folder"
    if real.parent == folder and real.name.startswith(f"{data_file.stem}."):
        return "it is a file the app keeps beside the data file (a broken file set aside, or a note about one)"
    return None


def check_target(data_file: Path, target: Path) -> None:
    """ProtectedTargetError when an export must not write `target`."""
    what = protected_as(Path(data_file), Path(target))
    if what is not None:
        raise ProtectedTargetError(Path(target), what)


class NotAFolderError(StoreError, OSError):
    """An export of several files was aimed at something that is not a folder (a device, a FIFO,
    a file); nothing is written into it or over it."""

    def __init__(self, path: Path, what: str) -> None:
        OSError.__init__(self, errno.ENOTDIR,
                         f"it is {what}, not a folder, so it was left as it is and nothing was written")
        self.path = path

    def __str__(self) -> str:
        return f"{self.path}: {self.strerror}"


def check_folder(data_file: Path, folder: Path) -> None:
    """Before an export writes files into `folder`: ProtectedTargetError when it is one of the app's
    own files, the backups folder or a folder in it (a file there would be taken for a backup);
    NotAFolderError when it is there but is no folder. A folder not there yet may be made."""
    folder = Path(folder)
    what = protected_as(Path(data_file), folder)
    backups = Path(os.path.realpath(Path(data_file).parent)) / BACKUP_DIR
    real = Path(os.path.realpath(folder))
    if what is None and real == backups:
        what = "it is the backups folder"
    elif what is None and backups in real.parents:
        what = "it is in the backups folder"
    if what is not None:
        raise ProtectedTargetError(folder, what)
    try:
        st = os.stat(folder)
    except FileNotFoundError:
        return
    if not stat.S_ISDIR(st.st_mode):
        raise NotAFolderError(folder, "a file" if stat.S_ISREG(st.st_mode) else kind_of(st))


def write_export(data_file: Path, target: Path, payload: bytes) -> Fingerprint | None:
    """Write an export atomically, unless `target` is one of the app's own files or not a regular
    file (both raise an OSError whose strerror says why; nothing is written)."""
    check_target(data_file, target)
    return write_atomic(Path(target), payload)


def _same(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return a == Path(os.path.realpath(b))
