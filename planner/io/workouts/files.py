"""Workout files on disk: one FIT file per session with steps or sets, named by date and title, and
the `GARMIN/NewFiles` folder of a Garmin watch mounted as a USB drive.

A Garmin watch connected by USB (mass storage) shows a `GARMIN` folder; workout files copied into
`GARMIN/NewFiles` are taken in on the watch's next sync (when it is unplugged) and moved to its
workouts. Watches that connect by MTP (newer Forerunners and Fenixes) show no drive here.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from planner.domain.enums import Kind, Units
from planner.domain.session import Session, SessionContent

NEW_FILES = Path("GARMIN") / "NewFiles"
NAME_MAX = 60  # characters of the title kept in a file name


def has_workout(c: SessionContent) -> bool:
    """A run with steps or a lift with sets: something a watch can follow step by step."""
    return bool(c.steps) or (c.kind is Kind.LIFT and bool(c.exercises))


def slug(title: str) -> str:
    """'Intervals 6 x 800 m' -> 'intervals-6-x-800-m': letters and digits only, so that any file
    system (the watch's FAT too) takes the name."""
    folded = "".join("" if unicodedata.combining(c) else c if c.isascii() and c.isalnum() else "-"
                     for c in unicodedata.normalize("NFKD", title.lower()))  # é -> e, × -> -
    return re.sub(r"-+", "-", folded).strip("-")[:NAME_MAX].strip("-") or "workout"


def file_names(sessions: Sequence[Session]) -> list[str]:
    """'2026-12-08-intervals-6-x-800-m.fit'; a second session of that day and title gets '-2'."""
    seen: dict[str, int] = {}
    names = []
    for s in sessions:
        base = f"{s.date.isoformat()}-{slug(s.title)}"
        seen[base] = seen.get(base, 0) + 1
        names.append(f"{base}.fit" if seen[base] == 1 else f"{base}-{seen[base]}.fit")
    return names


@dataclass(frozen=True, slots=True)
class Written:
    paths: tuple[Path, ...]
    left_out: int  # sessions in the range without steps or sets


def workout_sessions(sessions: Iterable[Session]) -> tuple[list[Session], int]:
    """The sessions a watch can follow (runs with steps, lifts with sets), in date order, and how
    many others there were."""
    chosen, others = [], 0
    for s in sorted(sessions, key=lambda s: (s.date, s.position)):
        if has_workout(s):
            chosen.append(s)
        else:
            others += 1
    return chosen, others


def write_workouts(folder: Path, sessions: Iterable[Session], units: Units,
                   write: Callable[[Path, bytes], object]) -> Written:
    """One FIT workout file per session with steps or sets, in `folder` (made when missing), each
    through `write` (the store's export writer: atomic, never over a device or the app's own
    files); raises OSError when one cannot be written (those before it stay written)."""
    from planner.io.workouts.fit_write import workout_bytes  # fit-tool takes ~0.1 s to import: not at start

    chosen, others = workout_sessions(sessions)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for s, name in zip(chosen, file_names(chosen), strict=True):
        path = folder / name
        write(path, workout_bytes(s, s.date, units))
        paths.append(path)
    return Written(tuple(paths), others)


def _mount_points() -> list[Path]:
    """Where removable drives are mounted on Linux, macOS and Windows."""
    roots: list[Path] = []
    user = os.environ.get("USER") or os.environ.get("USERNAME") or ""
    for base in (Path("/media") / user, Path("/run/media") / user, Path("/media"), Path("/Volumes"), Path("/mnt")):
        try:
            roots.extend(p for p in base.iterdir() if p.is_dir())
        except OSError:
            continue
    if os.name == "nt":
        roots.extend(Path(f"{letter}:\\") for letter in "DEFGHIJKLMNOPQRSTUVWXYZ")
    return roots


def garmin_new_files(roots: Iterable[Path] | None = None) -> list[Path]:
    """Every `GARMIN/NewFiles` folder on a mounted drive (checked for a GARMIN folder, so an
    unrelated drive is never written to)."""
    found = []
    for root in _mount_points() if roots is None else roots:
        try:
            if (root / "GARMIN").is_dir():
                found.append(root / NEW_FILES)
        except OSError:
            continue
    return found
