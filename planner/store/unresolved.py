"""A broken data file that was set aside and not yet dealt with.

Without this note, the start after the one that found a broken file saw no data file and began an
empty plan, and a week of daily backups of that plan pruned the only good one (issue 7). So when a
broken file is set aside, a small note beside it records what was found; while the note is there,
every start refuses with the same message, until the user restores a backup or starts an empty plan
on purpose (`--start-fresh`), which both remove the note.
"""

from __future__ import annotations

import contextlib
import logging
import os
from dataclasses import dataclass
from pathlib import Path

import orjson

from planner.store.errors import CorruptStoreError
from planner.store.storage import read_regular, write_atomic

log = logging.getLogger(__name__)


def note_path(data_file: Path) -> Path:
    return data_file.parent / f"{data_file.stem}.unresolved.json"


@dataclass(frozen=True, slots=True)
class Unresolved:
    path: Path
    reason: str
    kept: Path
    backup: Path | None

    def error(self) -> CorruptStoreError:
        return CorruptStoreError(self.path, self.reason, self.kept, self.backup)


def record(error: CorruptStoreError) -> None:
    """Write the note for a file just set aside; best effort (a folder that refused the rename
    refuses this too, and then the broken file is still in place and refused again anyway)."""
    doc = {"path": str(error.path), "reason": error.reason, "kept": str(error.kept),
           "backup": str(error.backup) if error.backup is not None else None}
    try:
        write_atomic(note_path(error.path), orjson.dumps(doc, option=orjson.OPT_INDENT_2))
    except OSError as exc:
        log.warning("could not note the broken file %s: %s", error.kept, exc.strerror or exc)


def read(data_file: Path) -> Unresolved | None:
    """The note beside `data_file`, or None. A note that cannot be read still counts: it means a
    broken file was found, which must not be forgotten because the note itself got damaged."""
    path = note_path(data_file)
    try:
        found = read_regular(path, limit=1 << 20)
        if found is None:
            return None
        raw = found[0]
    except Exception:  # noqa: BLE001 - any unreadable note still blocks, with a plain reason
        raw = b""
    try:
        doc = orjson.loads(raw)
        backup = doc.get("backup")
        return Unresolved(Path(doc["path"]), str(doc["reason"]), Path(doc["kept"]),
                          Path(backup) if backup else None)
    except (orjson.JSONDecodeError, KeyError, TypeError, AttributeError):
        return Unresolved(data_file, f"was found broken earlier (the note {path} about it is unreadable)",
                          data_file, None)


def clear(data_file: Path) -> bool:
    """Remove the note; True when there was one."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(note_path(data_file))
        return True
    return False
