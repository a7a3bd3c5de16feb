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
from collections.abc import Iterator
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

    If a save fails, the in-memory tables go back to the last state that reached the disk and
    StoreWriteError is raised: what the app shows never differs from what the file holds.
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
        self.generation = 0  # bumped on every rollback so caches above can rebuild

    def read(self) -> dict[str, Any] | None:
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        self._data = data
        self._dirty = True
        if not self._batch_depth:
            self.save()

    def save(self) -> None:
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

    def rollback(self) -> None:
        """Forget unsaved changes: back to the last state written to disk."""
        self._data = orjson.loads(self._saved) if self._saved is not None else None
        self._dirty = False
        self.generation += 1

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Group writes into one save at the end; if the body raises, nothing is saved."""
        self._batch_depth += 1
        try:
            yield
        except BaseException:
            self._batch_depth -= 1
            if self._batch_depth == 0:
                self.rollback()
            raise
        self._batch_depth -= 1
        if self._batch_depth == 0:
            self.save()

    def close(self) -> None:
        self.save()
