"""ZIP files as people download them: Strava's bulk export (activities.csv with its activities/
folder), Garmin's or a watch's folder of FIT files, any ZIP of GPX, TCX, FIT and .gz files.

A ZIP is checked from its central directory before a byte is unpacked, and refused whole when it
could cost memory or minutes (a "ZIP bomb": too many entries, too many bytes once unpacked, or
packed far tighter than activity files pack), when an entry's name points outside the archive
(`../../x.gpx`, a "ZIP slip"), or when it holds another ZIP. Nothing is written to disk: each entry
is read into memory on its own, never beyond the size the directory declares for it.

Strava's CSV names each activity's own file in `Filename`; those files are read for what the CSV
lacks (heart rate, ascent) and are not imported a second time. An unpacked export (activities.csv
given with its `activities/` folder beside it) is read the same way, file by file.
"""

from __future__ import annotations

import dataclasses
import functools
import posixpath
import stat
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from planner.io.activities.hevy_csv import looks_like_hevy
from planner.io.activities.limits import check_regular, check_unpacked_size, read_regular_file
from planner.io.activities.records import Activity, ActivityFileError, ParsedFile
from planner.io.activities.strava_csv import looks_like_strava, read_strava_csv
from planner.io.activities.strong_csv import looks_like_strong

MAX_ENTRIES = 20_000  # a 10-year Strava export holds ~2,000 activity files and their photos
MAX_UNPACKED = 2 * 2**30  # bytes, all entries together
MAX_RATIO = 100  # unpacked / packed; GPX text packs about 10-20 x, a bomb about 1,000 x
ACTIVITY_SUFFIXES = (".gpx", ".tcx", ".fit", ".gpx.gz", ".tcx.gz", ".fit.gz")
NESTED = (".zip", ".zip.gz", ".tar", ".tar.gz", ".tgz", ".7z", ".rar")
STRAVA_CSV = "activities.csv"


class Role:
    FILE = "file"  # an activity file of its own
    DETAIL = "detail"  # a file Strava's CSV names: read for its heart rate and ascent
    CSV = "csv"  # a spreadsheet (Strava's activities.csv, a Strong or Hevy log)


@dataclass(frozen=True, slots=True)
class Member:
    """One entry of a ZIP (or file of an unpacked export) to read; `name` as the archive writes it."""

    archive: Path  # the ZIP, or the folder of an unpacked export
    name: str
    role: str = Role.FILE
    unpacked: bool = False  # a file under the folder `archive`, not a ZIP entry

    @property
    def label(self) -> str:
        return f"{self.archive.name}/{self.name}"


def is_zip(path: Path) -> bool:
    return path.name.lower().endswith(".zip")


def _refuse(archive: Path, reason: str) -> ActivityFileError:
    return ActivityFileError(archive.name, f"{reason}; refused before unpacking anything")


def _check(archive: Path, infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_ENTRIES:
        raise _refuse(archive, f"holds {len(infos):,} entries (at most {MAX_ENTRIES:,})")
    unpacked = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos)
    if unpacked > MAX_UNPACKED:
        raise _refuse(archive, f"would unpack to {unpacked / 2**30:.1f} GB (at most {MAX_UNPACKED // 2**30} GB)")
    for i in infos:
        name = i.filename.replace("\\", "/")
        if name.startswith("/") or ".." in name.split("/") or ":" in name.split("/", 1)[0]:
            raise _refuse(archive, f"holds an entry named {i.filename!r}, which points outside the archive")
        if i.flag_bits & 0x1:
            raise _refuse(archive, f"holds an encrypted entry ({i.filename!r})")
        if stat.S_ISLNK(i.external_attr >> 16):
            raise _refuse(archive, f"holds a link ({i.filename!r}), not a file")
        if name.lower().endswith(NESTED):
            raise _refuse(archive, f"holds another archive ({i.filename!r}); unpack that one and import it")
        if i.file_size > max(i.compress_size, 1) * MAX_RATIO and i.file_size > 2**20:
            raise _refuse(archive, f"entry {i.filename!r} unpacks {i.file_size // max(i.compress_size, 1):,} "
                                   f"times its packed size (at most {MAX_RATIO}); a ZIP bomb?")
    if unpacked > 2**20 and unpacked > max(packed, 1) * MAX_RATIO:
        raise _refuse(archive, f"unpacks {unpacked // max(packed, 1):,} times its packed size "
                               f"(at most {MAX_RATIO}); a ZIP bomb?")


def _open(archive: Path) -> zipfile.ZipFile:
    check_regular(archive, archive.name)
    try:
        return zipfile.ZipFile(archive)
    except (OSError, zipfile.BadZipFile, ValueError, NotImplementedError) as exc:
        raise ActivityFileError(archive.name, f"is not a readable ZIP file ({exc})") from None


def members(archive: Path) -> list[Member]:
    """The entries to read, details first (a Strava CSV needs them), then files, then CSVs; or an
    ActivityFileError refusing the whole ZIP. Other entries (photos, JSON, ...) are left aside."""
    with _open(archive) as zf:
        infos = [i for i in zf.infolist() if not i.is_dir()]
        _check(archive, infos)
    names = [i.filename for i in infos]
    csvs = [n for n in names if n.lower().endswith(".csv") and _is_log(Member(archive, n, Role.CSV))]
    referenced = _strava_references(archive, [n for n in csvs if posixpath.basename(n).lower() == STRAVA_CSV])
    out = [Member(archive, n, Role.DETAIL) for n in names if n in referenced]
    out += [Member(archive, n) for n in names if n.lower().endswith(ACTIVITY_SUFFIXES) and n not in referenced]
    out += [Member(archive, n, Role.CSV) for n in csvs]
    if not out:
        raise ActivityFileError(archive.name, "holds no activity files (GPX, TCX, FIT, .gz) and no "
                                              "activities.csv, Strong or Hevy CSV; nothing to import")
    return out


def _strava_references(archive: Path, csv_names: list[str]) -> set[str]:
    """The entries Strava's activities.csv names in its `Filename` column."""
    return {ref for name in csv_names for ref in _references(Member(archive, name, Role.CSV))}


def _references(csv: Member) -> set[str]:
    """The entries (or files) one activities.csv names; none when it is not Strava's."""
    try:
        parsed = read_strava_csv(read_member(csv), csv.name)
    except ActivityFileError:
        return set()  # read again as a CSV member, which reports what is wrong with it
    return {entry_for(csv.name, a.file_ref) for a in parsed.activities if a.file_ref}


def folder_members(csv: Path) -> list[Member] | None:
    """An unpacked Strava export, given by its activities.csv: the files its rows name that are in
    the folder (read first, for their heart rate and ascent, as from the ZIP), then the CSV. None
    when `csv` is no such file: it is then read as a file of its own."""
    root = csv.parent
    if csv.name.lower() != STRAVA_CSV or not (root / "activities").is_dir():
        return None
    sheet = Member(root, csv.name, Role.CSV, unpacked=True)
    if not looks_like_strava(_first_line(sheet)):
        return None
    inside = sorted(n for n in _references(sheet) if n.split("/", 1)[0] != ".." and not posixpath.isabs(n))
    return [*(Member(root, n, Role.DETAIL, unpacked=True) for n in inside if (root / n).is_file()), sheet]


def _is_log(m: Member) -> bool:
    """A CSV this app reads (Strava's activities, a Strong or Hevy log): an export's other
    spreadsheets (profile, comments, gear) are left aside."""
    head = _first_line(m)
    return any(looks(head) for looks in (looks_like_strava, looks_like_strong, looks_like_hevy))


def _first_line(m: Member) -> str:
    return read_member(m)[:4096].decode("utf-8-sig", errors="replace").split("\n", 1)[0]


def entry_for(csv_name: str, file_ref: str) -> str:
    """The archive entry a Strava row's `Filename` names (relative to the CSV's folder)."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(csv_name), file_ref.replace("\\", "/")))


def read_member(m: Member) -> bytes:
    """One entry's bytes, at most the size the directory declares (zipfile stops there and checks
    the CRC, so an entry that lies about its size fails instead of filling memory). Each entry
    (or file of an unpacked export) has the limits of a file of its own: regular files only, and
    no more than an activity file may hold once unpacked."""
    if m.unpacked:
        return read_regular_file(m.archive / m.name, m.label)
    try:
        st = m.archive.stat()
        zf = _opened(m.archive, st.st_size, st.st_mtime_ns)
        info = zf.getinfo(m.name)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, NotImplementedError) as exc:
        raise ActivityFileError(m.label, f"cannot be unpacked ({exc})") from None
    check_unpacked_size(info.file_size, m.label)
    try:
        with zf.open(info) as f:
            return f.read(info.file_size + 1)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, NotImplementedError, EOFError) as exc:
        raise ActivityFileError(m.label, f"cannot be unpacked ({exc})") from None


@functools.lru_cache(maxsize=2)
def _opened(archive: Path, size: int, mtime_ns: int) -> zipfile.ZipFile:
    """The archive kept open between entries: reading its directory again costs ~7 ms for 2,000
    entries, 13 s over a whole Strava export. Keyed by size and time, so a changed file is reopened."""
    return _open(archive)


def with_details(parsed: ParsedFile, details: Mapping[str, Activity], csv: Member) -> ParsedFile:
    """Strava's rows with what their own files add (`details` by member label): heart rate and
    ascent where the row has none."""
    if not details:
        return parsed
    rows = []
    for a in parsed.activities:
        d = details.get(f"{csv.archive.name}/{entry_for(csv.name, a.file_ref)}") if a.file_ref else None
        if d is not None:
            a = dataclasses.replace(a, avg_hr=a.avg_hr or d.avg_hr, max_hr=a.max_hr or d.max_hr,
                                    ascent_m=a.ascent_m if a.ascent_m is not None else d.ascent_m)
        rows.append(a)
    return dataclasses.replace(parsed, activities=tuple(rows))
