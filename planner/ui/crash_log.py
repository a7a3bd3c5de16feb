"""A crash, seen once, is kept: Python's faulthandler writes the stack of every thread to a log
beside the data file when the process dies of a fatal signal (a segfault in Qt, an abort).

Help > About points to it. Each start appends a line saying when it began, and a clean exit takes
that line back (the next start drops one a kill left), so the log holds only the crashes, each
after the line of the start it ended.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import faulthandler
import os
import sys
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

import planner

CRASH_LOG = "hybrid-planner-crash.log"


def crash_log_path(data_file: Path) -> Path:
    return Path(data_file).with_name(CRASH_LOG)


def crash_reports(path: Path) -> int:
    """How many crashes the log at `path` holds."""
    try:
        return _read(path).count(_CRASH)
    except OSError:
        return 0


def _read(path: Path) -> bytes:
    with open(path, "rb") as f:
        return f.read(_MAX_BYTES)


_HEADER = b"--- Hybrid Planner "
_CRASH = b"Fatal Python error"  # how faulthandler begins each report
_MAX_BYTES = 4 * 1024 * 1024


def _crashes_only(log: bytes) -> bytes:
    """The log without the start lines of runs that ended without a crash report (a kill, a
    power cut): only starts followed by a report are worth keeping."""
    parts = log.split(_HEADER)
    kept = [parts[0], *(_HEADER + p for p in parts[1:] if _CRASH in p)]
    return b"".join(kept)


def crash_log_words(data_file: Path) -> str:
    """What Help > About says about the log (rich text)."""
    path = crash_log_path(data_file)
    n = crash_reports(path)
    state = (f"it holds {n} crash report{'s' if n != 1 else ''}; please send it with a bug report"
             if n else "no crash so far")
    return f"<b>Crash log:</b><br>{path} ({state})"


class CrashLog:
    """`with CrashLog(path):` fatal errors inside are written to `path`; after it, to stderr."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._file: BinaryIO | None = None
        self._size = 0

    def __enter__(self) -> CrashLog:
        try:
            self._file = open(self.path, "a+b")  # noqa: SIM115 - held open while the window runs
            self._file.seek(0)
            log = self._file.read(_MAX_BYTES)
            if len(log) < _MAX_BYTES and _crashes_only(log) != log:
                self._file.truncate(0)
                self._file.write(_crashes_only(log))
            self._size = self._file.tell()
            started = dt.datetime.now().astimezone().isoformat(timespec="seconds")
            self._file.write(_HEADER + f"{planner.__version__} started {started}, "
                             f"process {os.getpid()}\n".encode())
            self._file.flush()
            faulthandler.enable(self._file, all_threads=True)
        except OSError:  # a read-only folder: crashes still go to stderr
            self._close()
            to_stderr()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._file is None:
            return
        to_stderr()  # let go of the log's file
        with contextlib.suppress(OSError):
            self._file.truncate(self._size)  # no crash: take this start's line back
        self._close()

    def _close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


def to_stderr() -> None:
    """Fatal errors to stderr, where there is one (a windowed build may have none)."""
    try:
        faulthandler.enable(sys.stderr, all_threads=True)
    except (AttributeError, RuntimeError, ValueError, OSError):
        faulthandler.disable()
