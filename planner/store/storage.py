"""A TinyDB storage that never leaves a half-written file and never re-reads what it already holds.

TinyDB's stock JSONStorage rewrites the file in place and re-parses it on every query (PLATFORM.md).
This one parses once, keeps the data in memory, and saves by writing a temporary file in the same
folder, flushing it to disk and renaming it over the old one (`os.replace` is atomic on POSIX and on
Windows for one volume), so the file is always either the old or the new state. Right before that
rename it checks that the file on disk is still the one it last read or wrote (FileChangedOnDiskError
otherwise): whatever happened to the lock, another program's changes are never overwritten.
"""

from __future__ import annotations

import contextlib
import errno
import os
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from planner.store import checked_mark
from planner.store.errors import StoreError
from planner.store.files import (  # noqa: F401 - re-exported: the store's one place for file errors
    MAX_FILE_BYTES,
    CorruptFileError,
    Fingerprint,
    NotRegularFileError,
    fingerprint,
    read_regular,
    remove_stale_temps,
    temp_name_pattern,
    write_atomic,
)


class StoreWriteError(StoreError, OSError):
    """Saving failed (disk full, permissions...); memory was rolled back to what is on disk.

    `str()` is the message alone: OSError's own would put a raw "[Errno 28]" before it.
    """

    def __str__(self) -> str:
        return str(self.strerror)


class FileChangedOnDiskError(StoreWriteError):
    """The data file on disk is no longer the one this program read or last wrote (another program
    replaced it: a second copy of the app after its lock file was deleted, an import or restore from
    the command line, a sync tool). It was not overwritten."""

    def __init__(self, path: Path, tail: str) -> None:
        super().__init__(
            errno.ESTALE,
            f"{path} was changed on disk by another program since Hybrid Planner read it, so it was "
            f"not overwritten. {tail}",
        )
        self.path = path


class NoRoomError(StoreWriteError):
    """A change would make the data file larger than MAX_FILE_BYTES, which no open (nor restore)
    accepts: the change is refused before anything is written (issue 19: two 16 MB plan imports
    left a 64.7 MB file that the next start refused)."""


def too_large_words(path: Path, size: int) -> str:
    mb = 1024 * 1024
    return (f"{path} would grow to {size / mb:.1f} MB with this change, more than the "
            f"{MAX_FILE_BYTES // mb} MB a data file may have (ten years of training take about 5 MB).")


def read_json_file(path: Path) -> dict[str, Any] | None:
    """Parse a database file; None when it does not exist, CorruptFileError when unreadable."""
    found = read_regular(path)
    return None if found is None else parse_tables(found[0], path)


def parse_tables(raw: bytes, path: Path) -> dict[str, Any]:
    """Parse the bytes of a database file (`path` only names it in messages).

    orjson refuses nesting deeper than 1024 levels with an error instead of exhausting the stack.
    """
    if not raw.strip():
        raise CorruptFileError(path, "is empty")
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise CorruptFileError(path, f"is not valid JSON ({exc})") from exc
    if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
        raise CorruptFileError(path, "does not hold database tables")
    return data


class AtomicJSONStorage(Storage):
    """In-memory tables, saved atomically with orjson; `batch()` turns many writes into one save.

    Two ways to save:
    - at once (the default, used by the command line): each write is on disk when it returns; if a
      save fails, the in-memory tables go back to the last state on disk and StoreWriteError is
      raised, so what the program shows never differs from the file;
    - in the background (the window, `start_background`): a write marks the tables changed and a
      worker thread serialises and saves them, coalescing writes that come while it is busy, so a
      drop never waits for the disk. A failed save keeps the changes in memory, reports the error
      and is retried; `flush()` waits until everything is on disk.
    """

    def __init__(self, path: str | os.PathLike[str], *,
                 preloaded: tuple[dict[str, Any], bytes, Fingerprint | None] | None = None,
                 read_only: bool = False) -> None:
        """`preloaded`: the tables already parsed from the file, the exact bytes they came from and
        the file's fingerprint then (open_store has read and checked them; parsing 5 MB twice would
        double the open time). `read_only`: a snapshot for commands that only read; any write
        raises StoreError and the file is never touched."""
        self.path = Path(path)
        self.read_only = read_only
        self._data: dict[str, Any] | None
        self._saved: bytes | None
        #: the file on disk as this storage last read or wrote it (None: there was none)
        self._disk: Fingerprint | None
        if preloaded is not None:
            self._data, self._saved, self._disk = preloaded
        else:
            found = read_regular(self.path)
            if found is None:
                self._data, self._saved, self._disk = None, None, None
            else:
                self._saved, self._disk = found
                self._data = parse_tables(self._saved, self.path)
        self._batch_depth = 0
        self._dirty = False
        self.saves = 0  # how many times the file was written, for tests and benchmarks
        self.revision = 0  # bumped by every write to the tables
        self.saved_revision = 0  # the revision the file on disk holds
        self.generation = 0  # bumped on every rollback so caches above can rebuild
        # Held while tables change and while the worker serialises them, so that a save never
        # catches a change half made.
        self._lock = threading.RLock()
        self._worker: _SaveWorker | None = None

    def read(self) -> dict[str, Any] | None:
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        if self.read_only:
            raise StoreError(f"{self.path} was opened read-only (a snapshot); nothing can be saved")
        with self._lock:
            self._data = data
            self._dirty = True
            self.revision += 1
        if not self._batch_depth:
            self._save_or_schedule()

    def _save_or_schedule(self) -> None:
        if self._worker is not None:
            self._worker.wake()
        else:
            self.save()

    def save(self) -> None:
        """Save now, on the calling thread (at-once mode)."""
        if self._data is None or not self._dirty:
            return
        try:
            payload = orjson.dumps(self._data)
        except orjson.JSONEncodeError as exc:  # e.g. a lone surrogate in a text: never half-saved
            self.rollback()
            raise StoreWriteError(errno.EINVAL, f"Could not save {self.path}: {exc}") from exc
        if len(payload) > MAX_FILE_BYTES:  # a file the next start would refuse: never written
            self.rollback()
            raise NoRoomError(errno.EFBIG, f"{too_large_words(self.path, len(payload))} The file was left "
                                           "as it was: nothing of this change was saved.")
        try:
            disk = write_atomic(self.path, payload, before_replace=self._check_unchanged)
        except FileChangedOnDiskError:
            self.rollback()
            raise
        except OSError as exc:
            self.rollback()
            reason = exc.strerror or exc
            raise StoreWriteError(exc.errno, f"Could not save {self.path}: {reason}. The file was left as "
                                  "it was: nothing of this change was saved.") from exc
        self._saved = payload
        self._disk = disk
        self._dirty = False
        self.saves += 1
        self.saved_revision = self.revision
        checked_mark.mark_checked(self.path, payload)

    def _check_unchanged(self, target: Path) -> None:
        """Refuse to replace a file another program changed since this storage read or wrote it.

        Called just before the rename. A file whose fingerprint changed but whose bytes are still
        the ones we know (`touch`, a copy put back) is not a change. A file that disappeared is
        written anew: nothing on disk is lost by that.
        """
        now = fingerprint(target)
        if now is None or now == self._disk:
            return
        try:
            found = read_regular(target)
        except (StoreError, OSError):
            found = None
        if found is not None and found[0] == self._saved:
            self._disk = found[1]
            return
        tail = ("Your latest changes are kept in the window but not saved: reload the file to see "
                "what is on disk, or back your changes up to a file first."
                if self._worker is not None else "Nothing of this change was saved; run the command again.")
        raise FileChangedOnDiskError(self.path, tail)

    @property
    def last_error(self) -> StoreWriteError | None:
        """The background save's last failure (None once a save succeeds); a FileChangedOnDiskError
        means the window should offer to reload."""
        return self._worker.error if self._worker is not None else None

    def replace_all(self, data: dict[str, Any], raw: bytes, disk: Fingerprint | None) -> None:
        """Take `data` (parsed from `raw`, the file's bytes with fingerprint `disk`) as the state on
        disk, dropping unsaved changes: reloading after another program changed the file."""
        with self._lock:
            self._data, self._saved, self._disk = data, raw, disk
            self._dirty = False
            self.generation += 1
            self.revision += 1
            self.saved_revision = self.revision  # memory equals the file again
            if self._worker is not None:
                self._worker.error = None

    def check_room(self, extra: int) -> None:
        """NoRoomError when the tables, `extra` bytes larger, would pass MAX_FILE_BYTES. Costs one
        serialisation (~20 ms for ten years): for imports, checked before they change anything, so
        the window (which saves in the background) refuses them as the command line does."""
        with self._lock:
            size = len(orjson.dumps(self._data or {})) + extra
        if size > MAX_FILE_BYTES:
            raise NoRoomError(errno.EFBIG, too_large_words(self.path, size))

    def dump(self) -> tuple[bytes, int]:
        """The tables as they are in memory (unsaved changes too) as file bytes, and how many
        sessions they hold; taken under the lock, so never a change half made."""
        with self._lock:
            data = self._data or {}
            return orjson.dumps(data), len(data.get("sessions", {}))

    def take(self, data: dict[str, Any]) -> None:
        """Replace every table at once (a restore), and save like any write."""
        if self.read_only:
            raise StoreError(f"{self.path} was opened read-only (a snapshot); nothing can be saved")
        with self._lock:
            self._data = data
            self._dirty = True
            self.generation += 1
            self.revision += 1
        self._save_or_schedule()

    def rollback(self) -> None:
        """Forget unsaved changes: back to the last state written to disk."""
        with self._lock:
            self._data = orjson.loads(self._saved) if self._saved is not None else None
            self._dirty = False
            self.generation += 1
            self.revision += 1
            self.saved_revision = self.revision  # memory equals the file again

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Group writes into one save at the end. If the body raises, the tables go back to what
        they held when the outermost batch began, and nothing is saved: in the background mode
        too, where the file may be behind memory and a rollback to it would drop earlier changes."""
        with self._lock:
            outermost = self._batch_depth == 0
            checkpoint = self._checkpoint() if outermost else None
            self._batch_depth += 1
            try:
                yield
            except BaseException:
                self._batch_depth -= 1
                if checkpoint is not None:
                    self._restore(checkpoint)
                raise
            self._batch_depth -= 1
        if self._batch_depth == 0:
            self._save_or_schedule()

    def _checkpoint(self) -> _Checkpoint:
        """The tables as they are, cheaply: writers replace documents and tables (TinyDB rebuilds
        a table on every update; SessionRepository.apply and meta_doc copy what they change), so a
        copy of each table's mapping (~0.1 ms at ten years of sessions) keeps the old state."""
        data = None if self._data is None else {name: dict(table) for name, table in self._data.items()}
        return _Checkpoint(data, self._dirty, self.revision)

    def _restore(self, checkpoint: _Checkpoint) -> None:
        with self._lock:
            self._data = checkpoint.data
            self._dirty = checkpoint.dirty
            # The same state as at that revision: the save status compares revisions, and the
            # worker may still be writing that one.
            self.revision = checkpoint.revision
            self.generation += 1  # caches above rebuild

    # -- background saving ---------------------------------------------------------------------
    def start_background(self, on_error: Callable[[str], None] | None = None,
                         on_saved: Callable[[int], None] | None = None) -> None:
        """Save on a worker thread from now on. Both callbacks run on that thread: `on_error` with
        a message when a save fails (the save is retried), `on_saved` with the revision just
        written once a save succeeds."""
        if self._worker is None:
            self._worker = _SaveWorker(self, on_error, on_saved)
            self._worker.start()
            if self._dirty:
                self._worker.wake()

    def _snapshot(self) -> tuple[bytes, int] | None:
        """The tables as bytes and their revision, taken under the lock; None when there is
        nothing new to save."""
        with self._lock:
            if self._data is None or not self._dirty:
                return None
            self._dirty = False
            try:
                return orjson.dumps(self._data), self.revision
            except orjson.JSONEncodeError:
                self._dirty = True
                raise

    def _saved_ok(self, payload: bytes, disk: Fingerprint | None, revision: int) -> None:
        self._saved = payload
        self._disk = disk
        self.saves += 1
        self.saved_revision = revision
        checked_mark.mark_checked(self.path, payload)  # our own valid records: no check at next start

    def _save_failed(self) -> None:
        with self._lock:
            self._dirty = True  # keep the changes; the worker tries again

    def flush(self, timeout: float = 30.0) -> None:
        """Wait until every change is on disk; StoreWriteError if the last save failed."""
        if self._worker is None:
            self.save()
            return
        self._worker.wait_idle(timeout)

    def close(self) -> None:
        if self._worker is not None:
            try:
                self._worker.wait_idle(30.0)
            finally:
                self._worker.stop()
                self._worker = None
        else:
            self.save()


@dataclass(frozen=True)
class _Checkpoint:
    data: dict[str, Any] | None
    dirty: bool
    revision: int


class _SaveWorker(threading.Thread):
    """Saves the storage's tables whenever they changed; one save at a time, the newest state."""

    RETRY_S = 5.0
    #: Wait this long after a change before saving. Serialising holds Python's lock for ~20 ms on
    #: ten years of history; waiting lets the window finish repainting first, and coalesces a
    #: burst of changes (a drag over several days, a paste) into one save.
    DELAY_S = 0.15

    def __init__(self, storage: AtomicJSONStorage, on_error: Callable[[str], None] | None,
                 on_saved: Callable[[int], None] | None = None) -> None:
        super().__init__(name="hybrid-planner-save", daemon=True)
        self._storage = storage
        self._on_error = on_error
        self._on_saved = on_saved
        self._cond = threading.Condition()
        self._pending = False
        self._busy = False
        self._stopping = False
        self._hurry = False
        self.error: StoreWriteError | None = None

    def wake(self) -> None:
        with self._cond:
            self._pending = True
            self._cond.notify_all()

    def stop(self) -> None:
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        self.join(5.0)

    def wait_idle(self, timeout: float) -> None:
        with self._cond:
            self._pending = True  # one more pass picks up anything left over after a failure
            self._hurry = True
            self._cond.notify_all()
            if not self._cond.wait_for(lambda: not self._pending and not self._busy, timeout):
                raise StoreWriteError(errno.ETIMEDOUT, f"Saving {self._storage.path} took too long")
            if self.error is not None:
                raise self.error

    def run(self) -> None:
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._pending or self._stopping)
                if self._stopping and not self._pending:
                    return
                self._busy = True
                if not self._stopping:  # let the burst finish; flush and close skip the wait
                    self._cond.wait_for(lambda: self._stopping or self._hurry, self.DELAY_S)
                self._pending = False
                self._hurry = False
            failed = self._save_once()
            with self._cond:
                self._busy = False
                self._cond.notify_all()
                if failed and not self._stopping:
                    self._cond.wait_for(lambda: self._pending or self._stopping, self.RETRY_S)
                    self._pending = True

    def _save_once(self) -> bool:
        storage = self._storage
        try:
            snapshot = storage._snapshot()  # noqa: SLF001 - the worker is part of the storage
            if snapshot is None:
                self.error = None
                return False
            payload, revision = snapshot
            if len(payload) > MAX_FILE_BYTES:
                raise NoRoomError(errno.EFBIG, f"{too_large_words(storage.path, len(payload))} Undo the last "
                                               "change: the file on disk is kept as it was until then")
            disk = write_atomic(storage.path, payload,
                                before_replace=storage._check_unchanged)  # noqa: SLF001
        except FileChangedOnDiskError as exc:
            storage._save_failed()  # noqa: SLF001
            first = not isinstance(self.error, FileChangedOnDiskError)
            self.error = exc
            if first and self._on_error is not None:
                self._on_error(str(exc))
            return True
        except (OSError, orjson.JSONEncodeError) as exc:
            storage._save_failed()  # noqa: SLF001
            reason = getattr(exc, "strerror", None) or exc
            first = self.error is None  # tell once per run of failures, not every retry
            self.error = StoreWriteError(getattr(exc, "errno", None) or errno.EIO,
                                         f"Could not save {storage.path}: {reason}. Your changes are kept "
                                         "and saving will be tried again.")
            if first and self._on_error is not None:
                self._on_error(str(self.error))
            return True
        storage._saved_ok(payload, disk, revision)  # noqa: SLF001
        self.error = None
        if self._on_saved is not None:
            self._on_saved(revision)
        return False
