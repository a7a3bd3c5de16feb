"""The data file as a whole, for the window: open it (a broken one restored from its newest good
backup, or started over on purpose), list, write and restore backups, and reload it after another
program changed it.

None of these is an operation on the undo stack: each puts a whole plan in the store, so the window
forgets its undo history after a restore or a reload (planner/ui/file_actions.py). The window
reaches the store only through the services (DESIGN.md, Architecture): the errors and types it
names come from here too.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from planner.domain.session import Template
from planner.store.backups import Kind as BackupKind
from planner.store.database import FileChangedOnDiskError, open_store, reload_store
from planner.store.errors import CorruptStoreError, StoreError
from planner.store.recovery import BackupInfo, RestoreResult, backup_infos, restore_file, restore_into, write_backup
from planner.store.store import Store

__all__ = [
    "BackupInfo", "BackupKind", "CorruptStoreError", "RestoreResult", "Store", "StoreError",
    "back_up", "backups", "changed_on_disk", "open_data", "open_restored", "reload", "restore",
]


def open_data(data_dir: Path, builtins: Sequence[Template] = (), *, start_fresh: bool = False) -> Store:
    """The data folder opened for writing. CorruptStoreError: the file is broken (it is kept, and the
    error names the newest good backup); StoreError: the folder cannot be used (the message says why)."""
    return open_store(data_dir, builtins, start_fresh=start_fresh)


def open_restored(data_dir: Path, backup: Path, builtins: Sequence[Template] = ()) -> Store:
    """Put `backup` back as the data file (a broken one stays aside), then open it."""
    restore_file(data_dir, backup)
    return open_store(data_dir, builtins)


def backups(store: Store) -> list[BackupInfo]:
    """The automatic backups beside the open data file, newest first."""
    return backup_infos(store.path.parent)


def back_up(store: Store, target: Path) -> int:
    """Everything the store holds (unsaved changes too) written to `target`; the sessions written."""
    return write_backup(store, target)


def restore(store: Store, source: Path) -> RestoreResult:
    """`source` checked whole, the current state backed up, then the store holds `source`'s plan."""
    return restore_into(store, source)


def changed_on_disk(store: Store) -> bool:
    """True when the last save was refused because another program changed the file meanwhile."""
    return isinstance(store.storage.last_error, FileChangedOnDiskError)


def reload(store: Store) -> None:
    """Read the file again, dropping the store's unsaved changes."""
    reload_store(store)
