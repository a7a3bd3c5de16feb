"""Completed training from other apps: activity files (GPX, TCX, FIT, Strava's activities.csv)
and lifting logs (Strong, Hevy). Plain Python, no Qt; every reader returns a ParsedFile or raises
an ActivityFileError naming the file (and the line of a CSV)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from planner.io.activities.archive import Member, Role, folder_members, is_zip, members, read_member, with_details
from planner.io.activities.fit import read_fit
from planner.io.activities.gpx import read_gpx
from planner.io.activities.hevy_csv import looks_like_hevy, read_hevy_csv
from planner.io.activities.limits import check_markup, gunzip, read_regular_file
from planner.io.activities.records import Activity, ActivityFileError, LiftWorkout, LoggedExercise, ParsedFile
from planner.io.activities.strava_csv import looks_like_strava, read_strava_csv
from planner.io.activities.strong_csv import looks_like_strong, read_strong_csv
from planner.io.activities.tcx import read_tcx

__all__ = ["Activity", "ActivityFileError", "LiftWorkout", "LoggedExercise", "Member", "ParsedFile", "Role",
           "Source", "read_bytes", "read_file", "read_source", "sources", "SUFFIXES"]

SUFFIXES = (".gpx", ".tcx", ".fit", ".csv", ".gpx.gz", ".tcx.gz", ".fit.gz", ".zip")
Source = Path | Member  # a file on disk, or one entry of a ZIP

Reader = Callable[[bytes, str], ParsedFile]


def _csv_reader(data: bytes, name: str) -> Reader:
    head = data[:4096].decode("utf-8-sig", errors="replace").split("\n", 1)[0]
    for looks, reader in ((looks_like_strava, read_strava_csv), (looks_like_hevy, read_hevy_csv),
                          (looks_like_strong, read_strong_csv)):
        if looks(head):
            return reader
    raise ActivityFileError(name, "is not a Strava activities.csv, a Strong or a Hevy export "
                                  "(its header names none of their columns)", 1)


def read_bytes(data: bytes, name: str) -> ParsedFile:
    """Read one file's bytes; the kind comes from the name's suffix (and a CSV's header)."""
    low = name.lower()
    if low.endswith(".gz"):
        data, low = gunzip(data, name), low[:-3]
    if low.endswith((".gpx", ".tcx")):
        check_markup(data, name)
    if low.endswith(".gpx"):
        return read_gpx(data, name)
    if low.endswith(".tcx"):
        return read_tcx(data, name)
    if low.endswith(".fit"):
        return read_fit(data, name)
    if low.endswith(".csv"):
        return _csv_reader(data, name)(data, name)
    raise ActivityFileError(name, "is not a file this app reads (GPX, TCX, FIT, or a Strava, Strong or Hevy CSV)")


def read_file(path: Path) -> ParsedFile:
    return read_bytes(read_regular_file(path), path.name)


def sources(paths: Sequence[Path]) -> list[Source]:
    """What to read, one file or ZIP entry at a time (so progress moves and Cancel is heard inside
    a big export); a ZIP that must be refused raises its ActivityFileError here, before any reading."""
    out: list[Source] = []
    for p in paths:
        out.extend(members(p) if is_zip(p) else folder_members(p) or [p])
    return out


def read_source(src: Source, details: Mapping[str, Activity] | None = None) -> ParsedFile:
    """One source read; Strava's CSV in a ZIP gets heart rate and ascent from `details`, the
    activities its `Filename` column names, read before it (by member label)."""
    if isinstance(src, Path):
        return read_file(src)
    parsed = read_bytes(read_member(src), src.label)
    if src.role == Role.CSV and details:
        parsed = with_details(parsed, details, src)
    return parsed
