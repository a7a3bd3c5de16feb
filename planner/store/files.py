"""The data file on disk: read only a regular file of sane size, write atomically, know when it changed.

Every file the store writes (the data file, backups, the note about a broken file, exports) goes
through write_atomic; every file it reads goes through read_regular (issue 7: a FIFO hung the app,
a 200 MB file filled memory, a symlink was replaced by a regular file, every save forced 0600).
"""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path

from planner.atomic_file import (  # noqa: F401 - the store's names
    FileTooLargeError,
    Fingerprint,
    NotRegularTargetError,
    SpecialFileError,
    fingerprint,
    kind_of,
    read_capped,
    write_atomic,
)
from planner.store.errors import StoreError


class CorruptFileError(StoreError):
    """The data file exists but is not a readable database; it is left untouched."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path} {reason}")
        self.path = path
        self.reason = reason


class NotRegularFileError(StoreError):
    """The data file is a FIFO, a device, a folder...: reading it could hang or never end, and it
    cannot be replaced atomically. It is not touched."""

    def __init__(self, path: Path, what: str) -> None:
        super().__init__(
            f"{path} is {what}, not a regular file, so Hybrid Planner cannot use it as its data file. "
            "Nothing was changed. Remove it, or start with --data-dir to use another folder."
        )
        self.path = path


MAX_FILE_BYTES = 64 * 1024 * 1024


def read_regular(path: Path, limit: int = MAX_FILE_BYTES) -> tuple[bytes, Fingerprint] | None:
    """The bytes of the regular file `path` (symlinks followed) and its fingerprint; None when it
    does not exist.

    Opened non-blocking, so a FIFO with no writer cannot hang the open, and checked with fstat on
    the open descriptor, so what is checked is what is read. A file over `limit` bytes is refused
    before a byte of it is read (CorruptFileError), so memory stays bounded whatever lies there.
    """
    try:
        data, st = read_capped(path, limit)
    except FileNotFoundError:
        return None
    except SpecialFileError as exc:
        raise NotRegularFileError(path, kind_of(exc.st)) from None
    except FileTooLargeError as exc:
        raise CorruptFileError(path, _too_large(exc.size, limit)) from None
    return data, Fingerprint.of(st)


def _too_large(size: int, limit: int) -> str:
    mb = 1024 * 1024
    return (f"is {size / mb:.1f} MB, larger than the {limit / mb:.0f} MB a data file may have "
            "(ten years of training take about 5 MB), so it was not read")


def temp_name_pattern(stem: str, suffix: str = ".json") -> re.Pattern[str]:
    """Our temporary files for `<stem>.json`, `<stem>-<suffix>.json` and `<stem>.<suffix>.json`
    (a random part of 12 hex digits; mkstemp's 8 characters in older versions)."""
    return re.compile(rf"^\.{re.escape(stem)}(?:[.-][^/\\]*)?{re.escape(suffix)}\.[A-Za-z0-9_]{{6,16}}\.tmp$")


def remove_stale_temps(folder: Path, stem: str, suffix: str = ".json") -> list[Path]:
    """Delete the temporary files a killed save left in `folder` (see temp_name_pattern); call it
    with the folder lock held, when no save of ours can be running. Returns what was removed."""
    pattern = temp_name_pattern(stem, suffix)
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if pattern.match(entry.name) and entry.is_file(follow_symlinks=False):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed
