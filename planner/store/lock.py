"""One running app per data folder: an exclusive OS lock on a file beside the data.

TinyDB is neither thread- nor process-safe (PLATFORM.md): two windows saving the same file would
each overwrite the other's changes. The lock is an OS-level lock (flock on Unix, msvcrt on Windows)
via `filelock`, so the operating system drops it when the process dies; a crash never leaves a
stale lock that blocks the next start.
"""

from __future__ import annotations

from pathlib import Path

from filelock import FileLock, Timeout

from planner.store.errors import StoreError, StoreLockedError

LOCK_FILE = "hybrid-planner.lock"


class FolderLock:
    """The lock of one data folder. `acquire` fails at once instead of waiting for the other app."""

    def __init__(self, data_dir: Path, data_file: Path) -> None:
        self.path = data_dir / LOCK_FILE
        self._data_file = data_file
        # thread_local=False: the app may close the store from another thread than it opened it in.
        self._lock = FileLock(self.path, thread_local=False)

    @property
    def is_locked(self) -> bool:
        return self._lock.is_locked

    def acquire(self) -> None:
        try:
            self._lock.acquire(blocking=False)
        except Timeout:
            raise StoreLockedError(self._data_file, self.path) from None
        except OSError as exc:
            raise StoreError(
                f"Could not create the lock file {self.path} ({exc.strerror or exc}), so nothing can "
                "be changed in this folder. Check that it exists and that you may write to it; "
                "commands that only read (report, export-plan, backups, backup) still work."
            ) from exc

    def release(self) -> None:
        if self._lock.is_locked:
            self._lock.release(force=True)

    def __enter__(self) -> FolderLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
