"""What an activity file may be, checked before any parser sees it (issue 19).

Every check here is a plain look at the bytes: the readers behind them (gpxpy, expat, fitparse, the
csv module) take ~1.5 KB of memory per track point and recurse per nesting level, so a file past these
limits is refused quickly and in bounded memory, instead of filling memory or crashing the process.

- Only a regular file is read (a FIFO would hang while the writer lock is held; /dev/zero never ends).
- MAX_FILE_BYTES on disk; a .gz is unpacked as a stream and refused past MAX_UNPACKED_BYTES.
- GPX and TCX: at most MAX_POINTS track points and MAX_DEPTH nested elements (a real track needs
  about 8; 160,000 nested elements in <extensions> ran gpxpy out of C stack).
- Positions lie on Earth; an activity faster than MAX_SPEED_KMH is not a real one.
"""

from __future__ import annotations

import gzip
import io
import math
import os
import re
import stat
import zlib
from collections.abc import Iterable
from pathlib import Path

from planner.atomic_file import FileTooLargeError, SpecialFileError, read_capped
from planner.io.activities.records import ActivityFileError

MB = 1024 * 1024
MAX_FILE_BYTES = 64 * MB
MAX_UNPACKED_BYTES = 64 * MB
MAX_POINTS = 200_000  # a 48-hour race recorded every second is 172,800
MAX_DEPTH = 64
MAX_SPEED_KMH = 120.0  # faster than any run, ride or ski a person records

_KINDS = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"),
          (stat.S_ISDIR, "a folder"), (stat.S_ISSOCK, "a socket"))


def read_regular_file(path: Path, name: str | None = None) -> bytes:
    """The bytes of the regular file `path`, at most MAX_FILE_BYTES; anything else is refused at
    once. Opened non-blocking, so a FIFO cannot hang the open, and checked on the open descriptor.
    Errors name the file `name` (default: the path)."""
    name = name or str(path)
    try:
        data, _ = read_capped(path, MAX_FILE_BYTES)
    except SpecialFileError as exc:
        raise _not_regular(exc.st, name) from None
    except FileTooLargeError as exc:
        raise ActivityFileError(name, _too_big(exc.size, MAX_FILE_BYTES)) from None
    except OSError as exc:
        raise ActivityFileError(name, f"cannot be read ({exc.strerror or exc})") from None
    return data


def check_regular(path: Path, name: str) -> None:
    """Refuse at once what is not a regular file (a FIFO named x.zip would hang the reader that
    opens it by name), for files read by a library rather than by read_regular_file."""
    try:
        st = os.stat(path)
    except OSError as exc:
        raise ActivityFileError(name, f"cannot be read ({exc.strerror or exc})") from None
    if not stat.S_ISREG(st.st_mode):
        raise _not_regular(st, name)


def _not_regular(st: os.stat_result, name: str) -> ActivityFileError:
    what = next((w for test, w in _KINDS if test(st.st_mode)), "a special file")
    return ActivityFileError(name, f"is {what}, not a regular file; only files are imported")


def gunzip(data: bytes, name: str) -> bytes:
    """Unpack a .gz as a stream, refusing it as soon as it passes MAX_UNPACKED_BYTES (a 14 MB file
    can hold 245 MB): memory stays within the limit whatever the file claims."""
    out: list[bytes] = []
    size = 0
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as unpacked:
            while size <= MAX_UNPACKED_BYTES and (piece := unpacked.read(MB)):
                size += len(piece)
                out.append(piece)
    except (OSError, EOFError, zlib.error) as exc:
        raise ActivityFileError(name, f"is not a readable .gz file ({exc})") from None
    check_unpacked_size(size, name)
    return b"".join(out)


def check_unpacked_size(size: int, name: str) -> None:
    """Refuse what unpacks past MAX_UNPACKED_BYTES: a .gz, or an entry of a ZIP (by the size its
    directory declares, before a byte of it is unpacked)."""
    if size > MAX_UNPACKED_BYTES:
        raise ActivityFileError(name, f"unpacks to more than {MAX_UNPACKED_BYTES / MB:g} MB, the most an "
                                      "activity file may hold")


_POINT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(?:trkpt|rtept|Trackpoint)[\s/>]")
# A start tag with quoted attribute values (a value may hold ">" or "/>"), an end tag, or an empty
# element tag; comments, CDATA and declarations do not match and only ever over-count.
_TAG = re.compile(rb"<(/?)[A-Za-z_:][^\s/>]*(?:\s+[^\s=/>]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*\s*(/?)>")


def check_markup(data: bytes, name: str) -> None:
    """Refuse a GPX or TCX file with more than MAX_POINTS points or MAX_DEPTH nested elements,
    before any XML parser sees it."""
    points = sum(1 for _ in _POINT.finditer(data))  # counted, not collected: memory stays flat
    if points > MAX_POINTS:
        raise ActivityFileError(name, f"holds {points:,} track points, more than the {MAX_POINTS:,} an "
                                      "activity file may have")
    depth = 0
    for tag in _TAG.finditer(data):
        if tag[1]:
            depth -= 1
        elif not tag[2]:
            depth += 1
            if depth > MAX_DEPTH:
                raise ActivityFileError(name, f"nests elements more than {MAX_DEPTH} deep, which no activity "
                                              "file does; refused before reading it")


def check_position(lat: float, lon: float, name: str) -> None:
    """A track point must lie on Earth: latitude -90..90, longitude -180..180 (inf and 1e400 do not)."""
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        raise ActivityFileError(name, f"holds a track point at latitude {lat:g}, longitude {lon:g}, which is "
                                      "not a place on Earth (latitude -90 to 90, longitude -180 to 180)")


MAX_GAP_S = 6 * 3600.0  # a pause longer than this is a clock that jumped, not a pause


def moving_span(times: Iterable[float]) -> float:
    """Seconds from first to last point of a track, counting only steps forward in time of at most
    MAX_GAP_S: one bad <time> (a clock reset, a year typed wrong) cannot shrink a 30-minute run to a
    minute or stretch it to years. `times` are POSIX seconds in file order."""
    total = 0.0
    prev: float | None = None
    for t in times:
        if prev is not None and 0 < t - prev <= MAX_GAP_S:
            total += t - prev
        if prev is None or 0 < t - prev <= MAX_GAP_S:
            prev = t
    return total


def implausible(distance_m: float | None, duration_s: float) -> str | None:
    """Why an activity cannot be real (faster than MAX_SPEED_KMH), or None."""
    if not distance_m or distance_m < 1000:
        return None
    if duration_s <= 0 or distance_m / 1000 / (duration_s / 3600) > MAX_SPEED_KMH:
        return (f"{distance_m / 1000:.1f} km in {duration_s:.0f} s is faster than {MAX_SPEED_KMH:.0f} km/h, "
                "so its times or positions are wrong")
    return None


def _too_big(size: int, limit: int) -> str:
    return (f"is {size / MB:.1f} MB, more than the {limit // MB} MB an activity file may have; "
            "refused without reading it")
