"""The plan as it is on disk, read without the folder lock: for commands that only read.

`print` and `export-ics` must work while the window has the plan open (DESIGN.md, Operations). The
window holds the lock and replaces the file atomically (a temporary file renamed over it), so a
reader sees either the old or the new file, never half of one. A snapshot never writes: an older
file is upgraded in memory only, a broken one is reported and left where it is (the window's own
open deals with it), and a missing one reads as an empty plan without creating anything.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from planner.domain.profile import Profile
from planner.domain.session import Session
from planner.store import codec
from planner.store.database import DATA_FILE, _check, _read

READ_ATTEMPTS = 3


@dataclass(frozen=True)
class PlanSnapshot:
    path: Path
    sessions: tuple[Session, ...]  # by date, then position
    profile: Profile
    changed: dt.datetime | None  # the file's last modification (UTC), None when there is no file

    def all(self) -> list[Session]:
        return list(self.sessions)

    def between(self, first: dt.date, last: dt.date) -> list[Session]:
        """Sessions from `first` to `last`, both included (the repository's `between`)."""
        return [s for s in self.sessions if first <= s.date <= last]


def read_snapshot(data_dir: Path) -> PlanSnapshot:
    """Read the data file in `data_dir` as it is now; raises StoreError for a file that cannot be used."""
    path = Path(data_dir) / DATA_FILE
    for _ in range(READ_ATTEMPTS):
        before = _mtime(path)
        raw = _read(path)
        after = _mtime(path)
        if before == after:  # not replaced while we read: the bytes and the time belong together
            break
    if raw is None:
        return PlanSnapshot(path, (), Profile(), None)
    checked = _check(raw, path)
    profiles = list(checked.tables.get("profile", {}).values())
    sessions = sorted(checked.sessions.values(), key=lambda s: (s.date, s.position, s.id or 0))
    profile = codec.profile_from_doc(profiles[0]) if profiles else Profile()
    changed = dt.datetime.fromtimestamp(after, dt.UTC) if after is not None else None
    return PlanSnapshot(path, tuple(sessions), profile, changed)


def _mtime(path: Path) -> float | None:
    try:
        return os.stat(path).st_mtime
    except FileNotFoundError:
        return None
