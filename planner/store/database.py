"""Opening the data file: lock the folder, check and upgrade the file, keep backups.

What open_store guarantees (DESIGN.md, Storage and What bad input gets):
- one app per data folder (StoreLockedError for the second one); and whatever the lock does, a save
  never replaces a file another program changed since it was read (FileChangedOnDiskError);
- a file from a newer app is refused and left byte for byte as it was (NewerSchemaError);
- an older file is upgraded in memory, checked, backed up as it was, and only then rewritten;
- a file that cannot be read, or holds any document that does not decode into a valid domain
  object, is never overwritten: it is renamed aside, the newest good backup is kept out of pruning,
  and CorruptStoreError names it; every later open raises the same error until the user restores
  a backup (planner.store.recovery) or starts an empty plan on purpose (`start_fresh=True`);
- anything but a regular file (a FIFO, a device) is refused without being read, and so is a file
  larger than any the app writes;
- temporary files a killed save left behind are removed;
- the first open of each day copies the file into backups/, keeping the newest few.

open_snapshot is the reader's side: no lock, no write, one consistent read of the file.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tinydb import TinyDB

from planner.domain.session import Session, Template
from planner.store import checked_mark, codec, unresolved
from planner.store.backups import (
    BACKUP_DIR,
    backup_dir,
    backups_of,
    daily_backup,
    migration_backup,
    move_aside,
    pin,
)
from planner.store.errors import (
    BackupError,
    CorruptStoreError,
    NewerSchemaError,
    StoreError,
    StoreLockedError,
)
from planner.store.lock import COMMAND, LOCK_FILE, WINDOW, FolderLock
from planner.store.migrations import (
    NEXT_ID_KEY,
    SCHEMA_VERSION,
    SchemaError,
    Tables,
    has_data,
    migrate,
    read_meta,
    read_version,
    set_version,
)
from planner.store.storage import (
    AtomicJSONStorage,
    CorruptFileError,
    FileChangedOnDiskError,
    NotRegularFileError,
    StoreWriteError,
    parse_tables,
    read_regular,
    remove_stale_temps,
)
from planner.store.store import Store

__all__ = [
    "BACKUP_DIR",
    "COMMAND",
    "DATA_FILE",
    "LOCK_FILE",
    "SCHEMA_VERSION",
    "BackupError",
    "CorruptStoreError",
    "FileChangedOnDiskError",
    "NewerSchemaError",
    "NotRegularFileError",
    "StoreError",
    "StoreLockedError",
    "StoreWriteError",
    "list_backups",
    "open_snapshot",
    "open_store",
    "reload_store",
]

log = logging.getLogger(__name__)

DATA_FILE = "hybrid-planner.json"


def open_store(data_dir: Path, builtins: Sequence[Template] = (), *, backups: int = 5,
               start_fresh: bool = False, holder: str = WINDOW) -> Store:
    """Open (or create) the data file in `data_dir` for writing; `backups` daily backups are kept.

    `start_fresh`: after a broken file was found (and set aside), start an empty plan instead of
    refusing; it changes nothing when the data file opens cleanly. The folder lock is held until
    Store.close(), or until the process ends; `holder` (WINDOW or COMMAND) is what a second opener
    is told holds it.
    """
    if backups < 0:
        raise ValueError(f"backups must be 0 or more (got {backups})")
    data_dir = Path(data_dir)
    _make_folder(data_dir)
    path = data_dir / DATA_FILE
    lock = FolderLock(data_dir, path, holder)
    lock.acquire()
    try:
        remove_stale_temps_of(path)
        with _gc_paused():
            store = _open_locked(path, builtins, backups, start_fresh)
    except BaseException:
        lock.release()
        raise
    store.on_close(lock.release)
    return store


def open_snapshot(data_dir: Path, builtins: Sequence[Template] = ()) -> Store:
    """The data file as it is now, for commands that only read (report, export, print, backup).

    Takes no lock, so it works while the window is open and on a read-only folder; reads the file
    once (a writer renames a complete new file over it, so one read sees the old or the new state,
    never a mix); writes nothing, not even a backup (any write raises StoreError). A broken file is
    refused and left where it is; a broken file already set aside is refused as open_store does.
    """
    path = Path(data_dir) / DATA_FILE
    note = unresolved.read(path)
    try:
        found = read_regular(path)
    except CorruptFileError as exc:  # too large to read
        raise CorruptStoreError(path, exc.reason, path, _last_good_backup(path)) from exc
    if note is not None and found is None:
        raise _with_good_backup(note).error()
    if found is None:
        checked, raw, disk = _Checked({}, None, {}), b"", None
    else:
        raw, disk = found
        try:
            with _gc_paused():
                checked = _check(raw, path, trusted=checked_mark.is_checked(path, raw))
        except CorruptFileError as exc:
            raise CorruptStoreError(path, exc.reason, path, _last_good_backup(path)) from exc
    set_version(checked.tables, SCHEMA_VERSION)
    db = TinyDB(path, storage=AtomicJSONStorage, preloaded=(checked.tables, raw, disk), read_only=True)
    store = Store(db, builtins, path)
    store.sessions.prime(checked.sessions)
    return store


def reload_store(store: Store) -> None:
    """Read the data file again into an open store, dropping its unsaved changes: what the window
    does when another program changed the file and the user chooses to reload.

    The file is checked like at open; a broken or missing one raises StoreError and the store
    keeps what it had. The caller refreshes every view and clears its undo history.
    """
    path = store.path
    found = read_regular(path)
    if found is None:
        raise StoreError(f"{path} is gone, so there is nothing to reload. Your changes are kept "
                         "in the window and saved again at the next change.")
    raw, disk = found
    try:
        checked = _check(raw, path)
    except CorruptFileError as exc:
        raise StoreError(f"The data file {path} {exc.reason}, so it was not loaded. "
                         "Your changes are kept in the window, not saved.") from exc
    store.storage.replace_all(checked.tables, raw, disk)
    if checked.version != SCHEMA_VERSION:
        set_version(checked.tables, SCHEMA_VERSION)
        store.storage.write(checked.tables)
    store.sessions.prime(checked.sessions)


def list_backups(data_dir: Path) -> list[Path]:
    """Every backup of the data file in `data_dir` (daily, kept, pre-upgrade, pre-restore), newest
    first."""
    return backups_of(Path(data_dir) / DATA_FILE)


def remove_stale_temps_of(path: Path) -> list[Path]:
    """Our temporary files of the data file (beside it, or beside its symlink's target) and of its
    backups, left by a save that was killed. Only with the folder lock held."""
    target = Path(os.path.realpath(path))
    removed = remove_stale_temps(path.parent, path.stem)
    if target.parent != path.parent:
        removed += remove_stale_temps(target.parent, target.stem, target.suffix)
    removed += remove_stale_temps(backup_dir(path), path.stem)
    return removed


# -- opening ---------------------------------------------------------------------------------------
@dataclass(slots=True)
class _Checked:
    """A file that parsed, is not from the future, and whose every document decodes."""

    tables: Tables
    version: int | None  # as found in the file; None for a new, empty file
    sessions: dict[int, Session]  # decoded on the way; handed to the repository's cache


def _open_locked(path: Path, builtins: Sequence[Template], keep: int, start_fresh: bool) -> Store:
    note = unresolved.read(path)
    if note is not None and not start_fresh and not path.exists():
        raise _with_good_backup(note).error()
    try:
        found = read_regular(path)
    except CorruptFileError as exc:  # too large to read: set aside unread
        found = None
        broken: CorruptFileError | None = exc
    else:
        broken = None
    raw = found[0] if found is not None else None
    checked = _Checked({}, None, {})
    if found is not None:
        trusted = checked_mark.is_checked(path, found[0])
        try:
            checked = _check(found[0], path, trusted=trusted)
        except CorruptFileError as exc:
            broken = exc
        else:
            if checked.version == SCHEMA_VERSION and not trusted:
                checked_mark.mark_checked(path, found[0])
    if broken is not None:
        error = _set_aside(path, broken.reason)
        if not start_fresh:
            unresolved.record(error)
            raise error from broken
        raw, found = None, None
    # A data file that opens cleanly, or a fresh start on purpose, settles any broken file found
    # before (a file put back by hand counts: this app never writes one while the note is there).
    unresolved.clear(path)
    storage_args: dict[str, Any] = {}
    if found is not None:
        storage_args = {"preloaded": (checked.tables, found[0], found[1])}
    if checked.version is not None and checked.version < SCHEMA_VERSION:
        assert raw is not None
        try:
            migration_backup(path, raw, checked.version)
        except OSError as exc:
            raise BackupError(
                f"Could not back up {path} before upgrading it to data format version "
                f"{SCHEMA_VERSION} ({exc.strerror or exc}). The file was not changed."
            ) from exc

    db = TinyDB(path, storage=AtomicJSONStorage, **storage_args)
    storage: AtomicJSONStorage = db.storage  # type: ignore[assignment]
    if checked.version != SCHEMA_VERSION:  # new file, or just upgraded in memory: write it
        set_version(checked.tables, SCHEMA_VERSION)
        storage.write(checked.tables)  # StoreWriteError leaves the old file as it was
    store = Store(db, builtins, path)
    store.sessions.prime(checked.sessions)

    if raw is not None and has_data(checked.tables):
        payload = raw if checked.version == SCHEMA_VERSION else path.read_bytes()
        daily_backup(path, payload, keep, _is_good)
    return store


def _check(raw: bytes, path: Path, *, trusted: bool = False) -> _Checked:
    """Parse, refuse a newer version, upgrade an older one in memory, and decode every document.

    `trusted`: the bytes are the ones this app last saved or checked whole (checked_mark), so
    their documents are not decoded again; the sessions are then decoded as they are read.
    Raises CorruptFileError (with a reason for the user) or NewerSchemaError; changes no file.
    """
    tables = parse_tables(raw, path)
    trusted = trusted and _version_or_none(tables) == SCHEMA_VERSION
    if not trusted:
        _check_shape(tables, path)
    try:
        version = read_version(tables)
    except SchemaError as exc:
        raise CorruptFileError(path, f"has a broken version record ({exc})") from exc
    if version is None:  # `{}` or `{"sessions": {}}`: the app always writes its meta table
        raise CorruptFileError(path, "holds no plan: it has no meta table with a data format version, which "
                                     "every data file the app writes has")
    if version > SCHEMA_VERSION:
        raise NewerSchemaError(path, version, SCHEMA_VERSION)
    if version is not None and version < SCHEMA_VERSION:
        try:
            migrate(tables, version)
        except Exception as exc:  # noqa: BLE001 - any failure means the old file is not what v1 wrote
            raise CorruptFileError(
                path, f"could not be upgraded from data format version {version} ({exc!r})"
            ) from exc
    return _Checked(tables, version, {} if trusted else _decode_all(tables, path))


def _version_or_none(tables: Tables) -> int | None:
    try:
        return read_version(tables)
    except SchemaError:
        return None


#: The largest id the app gives out or reads; a larger one (a 30-digit id in a restored backup) made
#: every later import fail with "Integer exceeds 64-bit range" (issue 19). 2**53 - 1 also survives
#: any JSON reader that holds numbers as doubles.
MAX_ID = 2**53 - 1


def _check_shape(tables: Tables, path: Path) -> None:
    """Every document is an object under a numeric id from 1 to MAX_ID: TinyDB's layout, which the
    repositories rely on."""
    for name, docs in tables.items():
        for key, doc in docs.items():
            if not (key.isascii() and key.isdigit()) or not isinstance(doc, dict):
                raise CorruptFileError(path, f"has a malformed entry {key!r} in table {name!r}")
            if not 1 <= int(key) <= MAX_ID:
                what = "a session id" if name == "sessions" else f"an entry id in table {name!r}"
                raise CorruptFileError(path, f"has {what} {_digits(key)}, outside the ids the app gives out "
                                             f"(1 to {MAX_ID:,})")
    next_id = read_meta(tables).get(NEXT_ID_KEY)
    if next_id is not None and (isinstance(next_id, bool) or not isinstance(next_id, int)
                                or not 1 <= next_id <= MAX_ID + 1):
        raise CorruptFileError(path, f"has a next session id {_digits(str(next_id))} in its meta table, outside "
                                     f"the ids the app gives out (1 to {MAX_ID:,})")


def _digits(text: str) -> str:
    return f"{text[:20]}… ({len(text)} digits)" if len(text) > 20 else text


def _decode_all(tables: Tables, path: Path) -> dict[int, Session]:
    """Decode (and so validate) every document the app will read; return the sessions by id."""
    memo = codec.DecodeMemo()
    try:
        sessions = {
            int(key): codec.session_from_doc(doc, int(key), memo)
            for key, doc in tables.get("sessions", {}).items()
        }
        for doc in tables.get("templates", {}).values():
            if "hidden_builtin" in doc:
                hidden = doc["hidden_builtin"]
                if not isinstance(hidden, list) or not all(isinstance(h, str) for h in hidden):
                    raise codec.BadDocument("hidden templates: must be a list of template ids")
            else:
                codec.template_from_doc(doc)
        for doc in tables.get("profile", {}).values():
            codec.profile_from_doc(doc)
        for doc in tables.get("readiness", {}).values():
            codec.readiness_from_doc(doc)
        for doc in tables.get("nutrition", {}).values():
            codec.nutrition_from_doc(doc)
    except codec.BadDocument as exc:
        raise CorruptFileError(path, f"holds a record that is not valid ({exc})") from exc
    return sessions


def _set_aside(path: Path, reason: str) -> CorruptStoreError:
    """Rename the unreadable file out of the way (never rewrite it), and find the backup to offer
    and keep it out of pruning."""
    try:
        kept = move_aside(path)
    except OSError:
        kept = path  # could not rename: leave it; the next open will refuse it again
    backup = _last_good_backup(path)
    if backup is not None:
        try:
            backup = pin(path, backup)
        except OSError as exc:
            log.warning("could not keep the backup %s out of pruning: %s", backup, exc.strerror or exc)
    return CorruptStoreError(path, reason, kept, backup)


def _with_good_backup(note: unresolved.Unresolved) -> unresolved.Unresolved:
    """The note as recorded, unless its backup has gone since: then the newest good one now."""
    if note.backup is not None and note.backup.is_file():
        return note
    return unresolved.Unresolved(note.path, note.reason, note.kept, _last_good_backup(note.path))


def _last_good_backup(path: Path) -> Path | None:
    return next((backup for backup in backups_of(path) if _is_good(backup)), None)


def _is_good(backup: Path) -> bool:
    """The backup opens as cleanly as a data file does."""
    try:
        found = read_regular(backup)
        if found is not None:
            _check(found[0], backup)
            return True
    except (StoreError, OSError):
        pass
    return False


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Parsing and decoding build a few hundred thousand containers that all stay alive; the cyclic
    collector would otherwise sweep them again and again while they are made, for nothing
    (reference history: parse 115 -> 36 ms).

    The collector's state is restored, not forced on, so the app (not this library: the effect is
    process-wide) can keep the loaded history out of every later collection:
    `gc.disable(); store = open_store(...); gc.freeze(); gc.enable()`. Measured on the reference
    history: a full collection afterwards takes 16-120 ms (a visible hitch) without it, ~0 with
    it; the effect on the open itself was within this machine's noise."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _make_folder(data_dir: Path) -> None:
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(
            f"Could not create the data folder {data_dir} ({exc.strerror or exc})."
        ) from exc
