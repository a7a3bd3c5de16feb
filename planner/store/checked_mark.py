"""A note of the data file's bytes as last checked or saved by us, so a start need not check it again.

Opening checks every document of the file (about 0.1 s at ten years of sessions, the largest part
of a start). A file whose bytes are exactly those this app last wrote, or last checked whole, holds
nothing new to check. The note beside it holds a digest of those bytes; anything else (another
program's edit, a copy put back, a torn or missing note) differs from it and is checked in full.

The note needs no fsync and no atomic write: a note that does not match only costs a full check.
"""

from __future__ import annotations

import contextlib
import hashlib
from pathlib import Path

MARK_SUFFIX = ".checked"


def mark_path(data_file: Path) -> Path:
    """`.hybrid-planner.json.checked` beside the data file (hidden: it is not the user's)."""
    return data_file.with_name(f".{data_file.name}{MARK_SUFFIX}")


def digest(raw: bytes) -> str:
    return hashlib.blake2b(raw, digest_size=32).hexdigest()


def is_checked(data_file: Path, raw: bytes) -> bool:
    """Whether `raw` (the data file's bytes) are the ones the note names."""
    try:
        noted = mark_path(data_file).read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError):
        return False
    return noted == digest(raw)


def mark_checked(data_file: Path, raw: bytes) -> None:
    """Note `raw` as checked: written by us from valid records, or just checked whole."""
    with contextlib.suppress(OSError):  # a read-only folder: every start checks the whole file
        mark_path(data_file).write_text(digest(raw), encoding="ascii")
