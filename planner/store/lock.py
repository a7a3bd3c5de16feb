"""One running app per data folder: an exclusive OS lock on a file beside the data.

TinyDB is neither thread- nor process-safe (PLATFORM.md): two windows saving the same file would
each overwrite the other's changes. The lock is an OS-level lock (flock on Unix, msvcrt on Windows)
via `filelock`, so the operating system drops it when the process dies; a crash never leaves a
stale lock that blocks the next start.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import orjson
from filelock import FileLock, Timeout

from planner.store.errors import StoreError, StoreLockedError
from planner.store.files import write_atomic

LOCK_FILE = "hybrid-planner.lock"
#: Who holds the lock, written beside it by the holder: the lock file itself cannot carry it, as
#: filelock truncates it on every attempt to take the lock.
HOLDER_FILE = "hybrid-planner.lock.holder"
WINDOW, COMMAND = "window", "command"


class FolderLock:
    """The lock of one data folder. `acquire` fails at once instead of waiting for the other app,
    naming what holds it: a window, or a command with its process id (issue 19)."""

    def __init__(self, data_dir: Path, data_file: Path, holder: str = WINDOW) -> None:
        self.path = data_dir / LOCK_FILE
        self._holder_file = data_dir / HOLDER_FILE
        self._data_file = data_file
        self._holder = holder
        # thread_local=False: the app may close the store from another thread than it opened it in.
        self._lock = FileLock(self.path, thread_local=False)

    @property
    def is_locked(self) -> bool:
        return self._lock.is_locked

    def acquire(self) -> None:
        try:
            self._lock.acquire(blocking=False)
        except Timeout:
            raise StoreLockedError(self._data_file, self.path, *read_holder(self._holder_file)) from None
        except OSError as exc:
            raise StoreError(
                f"Could not create the lock file {self.path} ({exc.strerror or exc}), so nothing can "
                "be changed in this folder. Check that it exists and that you may write to it; "
                "commands that only read (report, export-plan, backups, backup) still work."
            ) from exc

        with contextlib.suppress(OSError):  # only a better message depends on it
            write_atomic(self._holder_file, orjson.dumps({"holder": self._holder, "pid": os.getpid()}))

    def release(self) -> None:
        if self._lock.is_locked:
            with contextlib.suppress(OSError):
                if read_holder(self._holder_file)[1] == os.getpid():
                    os.unlink(self._holder_file)
            self._lock.release(force=True)

    def __enter__(self) -> FolderLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def read_holder(path: Path) -> tuple[str | None, int | None]:
    """What the holder file says holds the lock (WINDOW or COMMAND) and its process id."""
    try:
        found = orjson.loads(path.read_bytes()[:4096])
        holder, pid = found.get("holder"), found.get("pid")
    except (OSError, orjson.JSONDecodeError, AttributeError):
        return None, None
    return (holder if holder in (WINDOW, COMMAND) else None,
            pid if isinstance(pid, int) and not isinstance(pid, bool) else None)
