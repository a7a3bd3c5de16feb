"""Opening the data file: lock the folder, check and upgrade the file, keep backups.

What open_store guarantees (DESIGN.md, Storage and What bad input gets):
- one app per data folder (StoreLockedError for the second one);
- a file from a newer app is refused and left byte for byte as it was (NewerSchemaError);
- an older file is upgraded in memory, checked, backed up as it was, and only then rewritten;
- a file that cannot be read, or holds any document that does not decode into a valid domain
  object, is never overwritten: it is renamed aside and CorruptStoreError names the newest backup
  that opens cleanly, which `restore_backup` puts back in place;
- the first open of each day copies the file into backups/, keeping the newest few.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tinydb import TinyDB

from planner.domain.session import Session, Template
from planner.store import codec
from planner.store.backups import (
    BACKUP_DIR,
    backups_of,
    daily_backup,
    migration_backup,
    move_aside,
)
from planner.store.errors import (
    BackupError,
    CorruptStoreError,
    NewerSchemaError,
    StoreError,
    StoreLockedError,
)
from planner.store.lock import LOCK_FILE, FolderLock
from planner.store.migrations import (
    SCHEMA_VERSION,
    SchemaError,
    Tables,
    has_data,
    migrate,
    read_version,
    set_version,
)
from planner.store.storage import (
    AtomicJSONStorage,
    CorruptFileError,
    StoreWriteError,
    parse_tables,
    write_atomic,
)
from planner.store.store import Store

__all__ = [
    "BACKUP_DIR",
    "DATA_FILE",
    "LOCK_FILE",
    "SCHEMA_VERSION",
    "BackupError",
    "CorruptStoreError",
    "NewerSchemaError",
    "StoreError",
    "StoreLockedError",
    "StoreWriteError",
    "list_backups",
    "open_store",
    "restore_backup",
]

DATA_FILE = "hybrid-planner.json"


def open_store(data_dir: Path, builtins: Sequence[Template] = (), *, backups: int = 5) -> Store:
    """Open (or create) the data file in `data_dir`; `backups` daily backups are kept.

    The folder lock is held until Store.close(), or until the process ends.
    """
    if backups < 0:
        raise ValueError(f"backups must be 0 or more (got {backups})")
    data_dir = Path(data_dir)
    _make_folder(data_dir)
    path = data_dir / DATA_FILE
    lock = FolderLock(data_dir, path)
    lock.acquire()
    try:
        with _gc_paused():
            store = _open_locked(path, builtins, backups)
    except BaseException:
        lock.release()
        raise
    store.on_close(lock.release)
    return store


def list_backups(data_dir: Path) -> list[Path]:
    """Every backup of the data file in `data_dir` (daily and pre-upgrade), newest first."""
    return backups_of(Path(data_dir) / DATA_FILE)


def restore_backup(data_dir: Path, backup_path: Path) -> Path:
    """Put a copy of `backup_path` in place as the data file, and return the data file's path.

    The backup is checked first (a broken one raises BackupError and nothing changes). A data file
    already in place is renamed aside (`hybrid-planner.replaced-...json`), never deleted. Call it
    while the store is closed: an app holding the folder raises StoreLockedError.
    """
    data_dir = Path(data_dir)
    _make_folder(data_dir)
    path = data_dir / DATA_FILE
    with FolderLock(data_dir, path):
        try:
            raw = Path(backup_path).read_bytes()
        except OSError as exc:
            raise BackupError(
                f"Could not read the backup {backup_path} ({exc.strerror or exc}). "
                "Nothing was changed."
            ) from exc
        try:
            _check(raw, Path(backup_path))
        except CorruptFileError as exc:
            raise BackupError(
                f"The backup {backup_path} {exc.reason}, so it cannot be restored. "
                "Nothing was changed."
            ) from exc
        try:
            if path.exists():
                move_aside(path, "replaced")
            write_atomic(path, raw)
        except OSError as exc:
            raise BackupError(
                f"Could not restore {backup_path} as {path} ({exc.strerror or exc})."
            ) from exc
    return path


# -- opening ---------------------------------------------------------------------------------------
@dataclass(slots=True)
class _Checked:
    """A file that parsed, is not from the future, and whose every document decodes."""

    tables: Tables
    version: int | None  # as found in the file; None for a new, empty file
    sessions: dict[int, Session]  # decoded on the way; handed to the repository's cache


def _open_locked(path: Path, builtins: Sequence[Template], keep: int) -> Store:
    raw = _read(path)
    if raw is None:
        checked = _Checked({}, None, {})
        storage_args: dict[str, Any] = {}
    else:
        try:
            checked = _check(raw, path)
        except CorruptFileError as exc:
            raise _set_aside(path, exc.reason) from exc
        storage_args = {"preloaded": (checked.tables, raw)}
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
        daily_backup(path, payload, keep)
    return store


def _check(raw: bytes, path: Path) -> _Checked:
    """Parse, refuse a newer version, upgrade an older one in memory, and decode every document.

    Raises CorruptFileError (with a reason for the user) or NewerSchemaError; changes no file.
    """
    tables = parse_tables(raw, path)
    _check_shape(tables, path)
    try:
        version = read_version(tables)
    except SchemaError as exc:
        raise CorruptFileError(path, f"has a broken version record ({exc})") from exc
    if version is not None and version > SCHEMA_VERSION:
        raise NewerSchemaError(path, version, SCHEMA_VERSION)
    if version is not None and version < SCHEMA_VERSION:
        try:
            migrate(tables, version)
        except Exception as exc:  # noqa: BLE001 - any failure means the old file is not what v1 wrote
            raise CorruptFileError(
                path, f"could not be upgraded from data format version {version} ({exc!r})"
            ) from exc
    return _Checked(tables, version, _decode_all(tables, path))


def _check_shape(tables: Tables, path: Path) -> None:
    """Every document is an object under a numeric id: TinyDB's layout, which the repositories
    rely on."""
    for name, docs in tables.items():
        for key, doc in docs.items():
            if not (key.isascii() and key.isdigit()) or not isinstance(doc, dict):
                raise CorruptFileError(path, f"has a malformed entry {key!r} in table {name!r}")


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
    """Rename the unreadable file out of the way (never rewrite it) and find a backup to offer."""
    try:
        kept = move_aside(path)
    except OSError:
        kept = path  # could not rename: leave it; the next open will refuse it again
    return CorruptStoreError(path, reason, kept, _last_good_backup(path))


def _last_good_backup(path: Path) -> Path | None:
    for backup in backups_of(path):
        try:
            _check(backup.read_bytes(), backup)
        except (StoreError, OSError):
            continue
        return backup
    return None


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


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StoreError(
            f"Could not read {path} ({exc.strerror or exc}). Check that you may read the file."
        ) from exc


def _make_folder(data_dir: Path) -> None:
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(
            f"Could not create the data folder {data_dir} ({exc.strerror or exc})."
        ) from exc
