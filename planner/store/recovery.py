"""Backups a user asks for, restoring one, and starting over after a broken file.

- `backup_infos`: the automatic backups, newest first, with their date and session count.
- `write_backup`: everything in the store (profile, sessions, templates, logs: every table, with the
  schema version) as one JSON file, the same format as the data file, so `restore` takes it back.
- `restore_file` / `restore_into`: check the whole file first (it must open as cleanly as a data
  file does) and change nothing if any part is wrong; back up the current state; then replace it.
- `start_fresh`: after a broken file, begin an empty plan on purpose.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from planner.store import unresolved
from planner.store.backups import Kind, backup_kind, backup_time, backups_of, restore_backup_of
from planner.store.database import (
    DATA_FILE,
    SCHEMA_VERSION,
    _check,
    _Checked,
    _make_folder,
    _set_aside,
)
from planner.store.errors import BackupError, NewerSchemaError, StoreError
from planner.store.exports import ProtectedTargetError, write_export
from planner.store.files import NotRegularTargetError
from planner.store.lock import COMMAND, FolderLock
from planner.store.migrations import set_version
from planner.store.storage import CorruptFileError, read_regular, write_atomic
from planner.store.store import Store


@dataclass(frozen=True, slots=True)
class BackupInfo:
    path: Path
    taken: dt.datetime | None  # from the name; a daily backup's time of day is not known (00:00)
    kind: Kind | None
    sessions: int | None  # None when the backup cannot be read
    problem: str = ""  # why it cannot be read


@dataclass(frozen=True, slots=True)
class RestoreResult:
    path: Path  # the data file now holding the restored state
    previous: Path | None  # the backup of what it replaced (None when there was nothing)
    sessions: int


def backup_infos(data_dir: Path) -> list[BackupInfo]:
    """The backups in `data_dir`'s backups/ folder, newest first, each read to count its sessions."""
    data_file = Path(data_dir) / DATA_FILE
    out: list[BackupInfo] = []
    for path in backups_of(data_file):
        taken, kind = backup_time(data_file, path), backup_kind(data_file, path)
        try:
            found = read_regular(path)
            if found is None:
                continue
            tables = _check(found[0], path).tables
        except (StoreError, OSError) as exc:
            reason = exc.reason if isinstance(exc, CorruptFileError) else str(exc)
            out.append(BackupInfo(path, taken, kind, None, reason))
            continue
        out.append(BackupInfo(path, taken, kind, len(tables.get("sessions", {}))))
    return out


def describe(info: BackupInfo) -> str:
    """One line for `backups`: the full path, the date and what it holds."""
    if info.taken is None:
        when = "?"
    elif info.kind in (Kind.DAILY, Kind.KEPT):
        when = info.taken.strftime("%Y-%m-%d")
    else:
        when = info.taken.strftime("%Y-%m-%d %H:%M:%S")
    if info.sessions is None:
        what = f"unreadable: {info.problem}"
    else:
        what = f"{info.sessions} session{'s' if info.sessions != 1 else ''}"
    kind = f" ({info.kind.value})" if info.kind not in (None, Kind.DAILY) else ""
    return f"{info.path}  {when}  {what}{kind}"


def write_backup(store: Store, target: Path) -> int:
    """Write everything the store holds (unsaved changes too: what the user sees) to `target`,
    atomically, created with the user's umask; returns the number of sessions written."""
    target = Path(target)
    payload, sessions = store.storage.dump()
    try:
        write_export(store.path, target, payload)
    except (ProtectedTargetError, NotRegularTargetError) as exc:
        raise BackupError(f"Could not write the backup {target}: {exc.strerror}.") from exc
    except OSError as exc:
        raise BackupError(f"Could not write the backup {target} ({exc.strerror or exc}). "
                          "Nothing was written.") from exc
    return sessions


def restore_file(data_dir: Path, source: Path) -> RestoreResult:
    """Restore `source` (a backup, or a file `write_backup` made) as the data file in `data_dir`,
    with the store closed: this takes the folder lock (StoreLockedError while the window is open:
    restore from its File menu then). Settles a broken file found earlier."""
    data_dir = Path(data_dir)
    _make_folder(data_dir)
    path = data_dir / DATA_FILE
    with FolderLock(data_dir, path, COMMAND):
        raw, checked = _read_source(Path(source), path)
        try:
            current = read_regular(path)
        except CorruptFileError:  # too large to read: move it aside whole instead of copying it
            _set_aside(path, "was replaced by a restore")
            current = None
        previous = None
        if current is not None:
            previous = _backup_current(path, current[0])
        try:
            write_atomic(path, raw)
        except OSError as exc:
            raise BackupError(f"Could not restore {source} as {path} ({exc.strerror or exc}). "
                              "The data file was not changed.") from exc
        unresolved.clear(path)
    return RestoreResult(path, previous, len(checked.sessions))


def restore_into(store: Store, source: Path) -> RestoreResult:
    """Restore `source` into the open store (the window's File > Restore from file…): the current
    state, unsaved changes included, is backed up first; the caller refreshes every view and clears
    its undo history. Waits until the restored state is on disk."""
    raw, checked = _read_source(Path(source), store.path)
    payload, _ = store.storage.dump()
    previous = _backup_current(store.path, payload)
    set_version(checked.tables, SCHEMA_VERSION)
    store.storage.take(checked.tables)
    store.sessions.prime(checked.sessions)
    store.storage.flush()
    return RestoreResult(store.path, previous, len(checked.sessions))


def restore_backup(data_dir: Path, backup_path: Path) -> Path:
    """`restore_file`, returning the data file's path (the name open_store's callers used)."""
    return restore_file(data_dir, backup_path).path


def start_fresh(data_dir: Path) -> str | None:
    """Begin an empty plan after a broken file: the note about it is removed (the broken file stays
    where it was set aside) and a data file that is broken now is set aside too. Returns what was
    done, for the user, or None when there was nothing to do (the data file opens cleanly)."""
    from planner.store.database import open_store

    path = Path(data_dir) / DATA_FILE
    note = unresolved.read(path)
    if note is None and not path.exists():
        return None
    before = {p.name for p in Path(data_dir).glob(f"{path.stem}.broken-*.json")} if path.parent.is_dir() else set()
    store = open_store(data_dir, start_fresh=True)
    store.close()
    after = sorted(p for p in Path(data_dir).glob(f"{path.stem}.broken-*.json") if p.name not in before)
    if after:
        return f"Started an empty plan; the broken data file was kept, unchanged, as {after[-1]}."
    if note is not None:
        return f"Started an empty plan; the broken data file stays, unchanged, at {note.kept}."
    return None


def _read_source(source: Path, data_file: Path) -> tuple[bytes, _Checked]:
    if _same_file(source, data_file):
        raise BackupError(f"{source} is the data file itself; choose a backup to restore.")
    try:
        found = read_regular(source)
    except CorruptFileError as exc:
        raise BackupError(f"{source} {exc.reason}, so it cannot be restored. Nothing was changed.") from exc
    except StoreError as exc:
        raise BackupError(f"{exc} It cannot be restored.") from exc
    except OSError as exc:
        raise BackupError(f"Could not read {source} ({exc.strerror or exc}). Nothing was changed.") from exc
    if found is None:
        raise BackupError(f"{source} does not exist. Nothing was changed.")
    try:
        return found[0], _check(found[0], source)
    except CorruptFileError as exc:
        raise BackupError(f"{source} {exc.reason}, so it cannot be restored. Nothing was changed.") from exc
    except NewerSchemaError as exc:
        raise BackupError(f"{exc} It was not restored; nothing was changed.") from exc


def _backup_current(path: Path, payload: bytes) -> Path:
    try:
        return restore_backup_of(path, payload)
    except OSError as exc:
        raise BackupError(f"Could not back up the current state of {path} before restoring "
                          f"({exc.strerror or exc}). Nothing was changed.") from exc


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)

