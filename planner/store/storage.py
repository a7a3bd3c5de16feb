"""A TinyDB storage that never leaves a half-written file and never re-reads what it already holds.

TinyDB's stock JSONStorage rewrites the file in place and re-parses it on every query (PLATFORM.md).
This one parses once, keeps the data in memory, and saves by writing a temporary file in the same
folder, flushing it to disk and renaming it over the old one (`os.replace` is atomic on POSIX and on
Windows for one volume), so the file is always either the old or the new state.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from planner.store.errors import StoreError


class CorruptFileError(StoreError):
    """The data file exists but is not a readable database; it is left untouched."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path} {reason}")
        self.path = path
        self.reason = reason


def read_json_file(path: Path) -> dict[str, Any] | None:
    """Parse a database file; None when it does not exist, CorruptFileError when unreadable."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    return parse_tables(raw, path)


def parse_tables(raw: bytes, path: Path) -> dict[str, Any]:
    """Parse the bytes of a database file (`path` only names it in messages)."""
    if not raw.strip():
        raise CorruptFileError(path, "is empty")
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise CorruptFileError(path, f"is not valid JSON ({exc})") from exc
    if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
        raise CorruptFileError(path, "does not hold database tables")
    return data


def write_atomic(path: Path, payload: bytes) -> None:
    """Write `payload` to a temp file beside `path`, fsync it, then rename it over `path`."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(payload)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    if hasattr(os, "O_DIRECTORY"):  # make the rename itself durable
        with contextlib.suppress(OSError):
            dfd = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
            try:
                os.fsync(dfd)
            finally:
                os.close(dfd)


class StoreWriteError(StoreError, OSError):
    """Saving failed (disk full, permissions...); memory was rolled back to what is on disk."""


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
                 preloaded: tuple[dict[str, Any], bytes] | None = None) -> None:
        """`preloaded`: the tables already parsed from the file and the exact bytes they came from
        (open_store has read and checked them; parsing 5 MB twice would double the open time)."""
        self.path = Path(path)
        self._data: dict[str, Any] | None
        self._saved: bytes | None
        if preloaded is not None:
            self._data, self._saved = preloaded
        else:
            self._data = read_json_file(self.path)
            self._saved = orjson.dumps(self._data) if self._data is not None else None
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
        try:
            write_atomic(self.path, payload)
        except OSError as exc:
            self.rollback()
            reason = exc.strerror or exc
            raise StoreWriteError(exc.errno, f"Could not save {self.path}: {reason}") from exc
        self._saved = payload
        self._dirty = False
        self.saves += 1
        self.saved_revision = self.revision

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
        """Group writes into one save at the end; if the body raises, nothing is saved."""
        with self._lock:
            self._batch_depth += 1
            try:
                yield
            except BaseException:
                self._batch_depth -= 1
                if self._batch_depth == 0 and self._worker is None:
                    self.rollback()
                raise
            self._batch_depth -= 1
        if self._batch_depth == 0:
            self._save_or_schedule()

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

    def _saved_ok(self, payload: bytes, revision: int) -> None:
        self._saved = payload
        self.saves += 1
        self.saved_revision = revision

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
            write_atomic(storage.path, payload)
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
        storage._saved_ok(payload, revision)  # noqa: SLF001
        self.error = None
        if self._on_saved is not None:
            self._on_saved(revision)
        return False
