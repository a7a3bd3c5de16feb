"""Everything that can go wrong with the data file, as errors whose message a user can act on.

The app shows `str(error)` in a dialog, so each message says what happened, what was (not) done
to the user's file, and what to do next; no traceback is needed to understand it.
"""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """Base of every store error; `message` is the text to show the user."""

    @property
    def message(self) -> str:
        return str(self)


class StoreLockedError(StoreError):
    """Another running Hybrid Planner holds the data folder's lock."""

    def __init__(self, data_file: Path, lock_file: Path, holder: str | None = None,
                 pid: int | None = None) -> None:
        process = f"process {pid}; " if pid is not None else ""
        if holder == "command":
            what = (f"{data_file} is in use by a hybrid-planner command ({process}lock file {lock_file}). "
                    "Wait for it to finish")
        elif holder == "window":
            what = (f"{data_file} is already open in another Hybrid Planner window ({process}lock file "
                    f"{lock_file}). Close the other window first")
        else:
            what = (f"{data_file} is in use by another Hybrid Planner, a window or a command (lock file "
                    f"{lock_file}). Close it or wait for it to finish")
        super().__init__(f"{what}, or start with --data-dir to use another folder.")
        self.holder = holder
        self.pid = pid
        self.data_file = data_file
        self.lock_file = lock_file


class NewerSchemaError(StoreError):
    """The file was written by a newer version of the app; it is left exactly as it is."""

    def __init__(self, path: Path, found: int, supported: int) -> None:
        super().__init__(
            f"{path} was saved by a newer Hybrid Planner (data format version {found}); this "
            f"version understands data format versions up to {supported}. Update Hybrid Planner "
            "to open it. The file was not changed."
        )
        self.path = path
        self.found = found
        self.supported = supported


class CorruptStoreError(StoreError):
    """The data file could not be read; it was moved aside (`kept`), never overwritten.

    `backup` is the newest backup that opens cleanly, or None. Until the user restores a backup or
    starts an empty plan on purpose, every start raises this again with the same message.
    """

    def __init__(self, path: Path, reason: str, kept: Path, backup: Path | None) -> None:
        """`reason` completes "The data file <path> ...", e.g. "is not valid JSON (...)"."""
        if kept == path:
            where = "It was left unchanged where it is."
        else:
            where = f"It was moved, unchanged, to {kept}."
        if backup is not None:
            offer = (f"The last good backup is {backup}. Nothing is opened until you restore it "
                     f"(hybrid-planner restore {backup}) or start an empty plan on purpose "
                     "(hybrid-planner --start-fresh).")
        else:
            offer = ("There is no good backup to go back to. Nothing is opened until you restore a "
                     "file (hybrid-planner restore FILE.json) or start an empty plan on purpose "
                     "(hybrid-planner --start-fresh).")
        super().__init__(f"The data file {path} {reason}. {where} {offer}")
        self.path = path
        self.reason = reason
        self.kept = kept
        self.backup = backup
        #: the first two sentences, for a dialog that offers the choices as buttons
        self.summary = f"The data file {path} {reason}. {where}"


class BackupError(StoreError):
    """A backup could not be written or read; the data file itself was not changed."""
