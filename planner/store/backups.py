"""Backups of the data file, and keeping a broken file aside instead of overwriting it.

Names carry their own date, so the order survives copying the folder to another machine (which
resets modification times):
- `backups/hybrid-planner-YYYYmmdd.json`: the file as it was at the first open of that day; only
  the newest few are kept.
- `backups/hybrid-planner-YYYYmmdd-HHMMSS-vN.json`: the file just before it was upgraded from
  schema version N; never pruned (upgrades are rare and the old file cannot be made again).
- `backups/hybrid-planner-YYYYmmdd-HHMMSS-before-restore.json`: the state a restore replaced;
  never pruned.
- `backups/hybrid-planner-YYYYmmdd-kept.json`: the daily backup that was the newest good one when a
  broken data file was found, renamed out of the pruned set: a week of daily backups of a new plan
  must never push out the only good copy of the old one.
- `hybrid-planner.broken-YYYYmmdd-HHMMSS.json` (beside the data file): a file that could not be
  read.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path

from planner.store.storage import write_atomic

BACKUP_DIR = "backups"
log = logging.getLogger(__name__)


def now() -> dt.datetime:
    """The clock used for every name here (tests replace it to travel in time)."""
    return dt.datetime.now()


def backup_dir(data_file: Path) -> Path:
    return data_file.parent / BACKUP_DIR


class Kind(StrEnum):
    DAILY = "daily"
    KEPT = "kept"  # a daily backup pinned when a broken file was found
    UPGRADE = "before upgrade"
    RESTORE = "before restore"


def _pattern(stem: str) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(stem)}-(\d{{8}})(?:-(\d{{6}})-(v\d+|before-restore))?(-kept)?"
                      rf"(?:-(\d+))?\.json$")


def _kind(match: re.Match[str]) -> Kind:
    if match[3]:
        return Kind.RESTORE if match[3] == "before-restore" else Kind.UPGRADE
    return Kind.KEPT if match[4] else Kind.DAILY


def _order(match: re.Match[str]) -> tuple[str, int, str, int]:
    # A day's daily backup is taken after any upgrade or pinning that day, so it holds newer data.
    day, time, _, _, n = match.groups()
    return (day, 1 if _kind(match) is Kind.DAILY else 0, time or "", int(n or 0))


def backup_kind(data_file: Path, backup: Path) -> Kind | None:
    m = _pattern(data_file.stem).match(backup.name)
    return _kind(m) if m else None


def backup_time(data_file: Path, backup: Path) -> dt.datetime | None:
    """When a backup was taken, from its name (a daily one: that day, time unknown, so 00:00)."""
    m = _pattern(data_file.stem).match(backup.name)
    if not m:
        return None
    return dt.datetime.strptime(m[1] + (m[2] or "000000"), "%Y%m%d%H%M%S")


#: A backup whose name dates it more than this after now was made under a wrong clock: it counts
#: as the oldest, so it never pushes current backups out nor is offered first.
FUTURE_SLACK = dt.timedelta(days=1)


def backups_of(data_file: Path, *, daily_only: bool = False) -> list[Path]:
    """Backups of `data_file`, newest first; those dated in the future come last (issue 19: five
    starts with the clock in 2099 pruned every real backup, and a 2099 one was offered later)."""
    folder = backup_dir(data_file)
    if not folder.is_dir():
        return []
    pattern = _pattern(data_file.stem)
    latest = now() + FUTURE_SLACK
    found: list[tuple[bool, tuple[str, int, str, int], Path]] = []
    for path in folder.iterdir():
        m = pattern.match(path.name)
        if m and path.is_file() and not (daily_only and _kind(m) is not Kind.DAILY):
            found.append((not _from_the_future(m, latest), _order(m), path))
    found.sort(reverse=True)
    return [p for *_, p in found]


def _from_the_future(m: re.Match[str], latest: dt.datetime) -> bool:
    return dt.datetime.strptime(m[1] + (m[2] or "000000"), "%Y%m%d%H%M%S") > latest


def _unique(folder: Path, stem: str) -> Path:
    path = folder / f"{stem}.json"
    n = 2
    while path.exists():
        path = folder / f"{stem}-{n}.json"
        n += 1
    return path


def migration_backup(data_file: Path, payload: bytes, version: int) -> Path:
    """Save the file's bytes before an upgrade; raises OSError if that cannot be done."""
    folder = backup_dir(data_file)
    folder.mkdir(exist_ok=True)
    target = _unique(folder, f"{data_file.stem}-{now():%Y%m%d-%H%M%S}-v{version}")
    write_atomic(target, payload)
    return target


def restore_backup_of(data_file: Path, payload: bytes) -> Path:
    """Save the state a restore is about to replace; raises OSError if that cannot be done."""
    folder = backup_dir(data_file)
    folder.mkdir(exist_ok=True)
    target = _unique(folder, f"{data_file.stem}-{now():%Y%m%d-%H%M%S}-before-restore")
    write_atomic(target, payload)
    return target


def pin(data_file: Path, backup: Path) -> Path:
    """Take a daily backup out of pruning (rename, no copy); other kinds are never pruned anyway."""
    m = _pattern(data_file.stem).match(backup.name)
    if not m or _kind(m) is not Kind.DAILY:
        return backup
    target = _unique(backup.parent, f"{data_file.stem}-{m[1]}-kept")
    os.rename(backup, target)
    return target


def daily_backup(data_file: Path, payload: bytes, keep: int,
                 is_good: Callable[[Path], bool] = lambda _p: True) -> Path | None:
    """Keep today's first state of the file, then prune to the newest `keep` daily backups (by
    count, future-dated ones first), never the newest one that `is_good` (opens cleanly).

    Best effort: a backup that cannot be written (full disk...) must not stop the app opening,
    so failures are logged and None is returned.
    """
    if keep <= 0:
        return None
    folder = backup_dir(data_file)
    today = folder / f"{data_file.stem}-{now():%Y%m%d}.json"
    made: Path | None = None
    try:
        folder.mkdir(exist_ok=True)
        if not today.exists():
            write_atomic(today, payload)
            made = today
        dailies = backups_of(data_file, daily_only=True)
        if len(dailies) > keep:
            # today's copy was just made from a file that opened cleanly: no need to read it back
            spared = made or next((p for p in backups_of(data_file) if is_good(p)), None)
            for old in dailies[keep:]:
                if old != spared:
                    old.unlink()
    except OSError as exc:
        log.warning("could not write or prune the backups in %s: %s", folder, exc.strerror or exc)
    return made


def move_aside(data_file: Path, label: str = "broken") -> Path:
    """Rename `data_file` to `<stem>.<label>-YYYYmmdd-HHMMSS.json` in its folder; never copies
    or rewrites it, so the bytes stay exactly as they were."""
    target = _unique(data_file.parent, f"{data_file.stem}.{label}-{now():%Y%m%d-%H%M%S}")
    os.rename(data_file, target)
    return target
