"""Reading exported spreadsheets: text, delimiter, header with repeated names, numbers with a
decimal comma, the date and duration spellings the training apps write. Every problem raises an
ActivityFileError that names the file and the line."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from planner.io.activities.records import ActivityFileError

_DATE_FORMATS = (
    "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M",
    "%d %b %Y, %H:%M", "%d %b %Y, %I:%M %p", "%d %B %Y, %H:%M",  # Hevy
    "%b %d, %Y, %I:%M:%S %p", "%b %d, %Y, %I:%M %p", "%b %d, %Y, %H:%M:%S", "%b %d, %Y, %H:%M",  # Strava, 12 h
    "%b %d %Y %I:%M:%S %p", "%m/%d/%Y %I:%M:%S %p", "%m/%d/%Y %H:%M:%S", "%m/%d/%Y %H:%M",
)
_DURATION = re.compile(r"^\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?\s*(?:(\d+)\s*s)?\s*$", re.IGNORECASE)
_CLOCK = re.compile(r"^\s*(?:(\d+):)?(\d{1,2}):(\d{2})\s*$")


def decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ActivityFileError(name, "is not UTF-8 text (export it again as UTF-8)", line) from None


@dataclass(frozen=True)
class Header:
    """The header row; a name may repeat (Strava writes two `Distance` columns)."""

    names: tuple[str, ...]

    def find(self, *candidates: str, occurrence: int = 0) -> int | None:
        """Index of the first name among `candidates` present (the n-th time it appears)."""
        folded = [n.strip().lower() for n in self.names]
        for c in candidates:
            hits = [i for i, n in enumerate(folded) if n == c.lower()]
            if len(hits) > occurrence:
                return hits[occurrence]
        return None

    def need(self, name: str, *candidates: str) -> int:
        i = self.find(*candidates)
        if i is None:
            raise ActivityFileError(name, f"has no {' or '.join(repr(c) for c in candidates[:2])} column", 1)
        return i


def rows(text: str, name: str) -> tuple[Header, Iterator[tuple[int, list[str]]]]:
    """The header and the data rows with their line numbers (blank rows skipped)."""
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise ActivityFileError(name, f"has a broken header ({exc})", 1) from None
    if not header:
        raise ActivityFileError(name, "is empty; nothing to import")

    def body() -> Iterator[tuple[int, list[str]]]:
        line = 1
        try:
            for row in reader:
                line = reader.line_num
                if any(cell.strip() for cell in row):
                    if len(row) < len(header):
                        row = row + [""] * (len(header) - len(row))
                    yield line, row
        except csv.Error as exc:
            raise ActivityFileError(name, f"is not valid CSV ({exc})", line + 1) from None

    return Header(tuple(header)), body()


def cell(row: Sequence[str], index: int | None) -> str:
    return row[index].strip() if index is not None and index < len(row) else ""


def number(text: str, what: str, name: str, line: int) -> float | None:
    """'' -> None; '75.5' or '75,5' -> 75.5; anything else names the line."""
    if not text:
        return None
    try:
        return float(text.replace(",", ".")) if text.count(",") == 1 and "." not in text else float(text)
    except ValueError:
        raise ActivityFileError(name, f"{what} is not a number ({text!r})", line) from None


def when(text: str, what: str, name: str, line: int) -> dt.datetime:
    """A date and time as the apps write it (ISO, Hevy's '9 Apr 2026, 17:18', Strava's US form)."""
    t = text.strip()
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(t, fmt)
        except ValueError:
            continue
    raise ActivityFileError(name, f"{what} is not a date and time this app knows ({text!r})", line)


def duration_s(text: str, what: str, name: str, line: int) -> float | None:
    """'2h 18m', '53m', '1h', '45s', '1:02:03', '3600' (seconds) -> seconds; '' -> None."""
    t = text.strip()
    if not t:
        return None
    if re.fullmatch(r"\d+(\.\d+)?", t):
        return float(t)
    m = _CLOCK.match(t)
    if m:
        h, mi, s = int(m.group(1) or 0), int(m.group(2)), int(m.group(3))
        return float(h * 3600 + mi * 60 + s)
    m = _DURATION.match(t)
    if m and any(m.groups()):
        h, mi, s = (int(g or 0) for g in m.groups())
        return float(h * 3600 + mi * 60 + s)
    raise ActivityFileError(name, f"{what} is not a duration ({text!r}; e.g. '1h 05m' or '3900')", line)


def reps_and_seconds(row: Sequence[str], i_reps: int | None, i_seconds: int | None, reps_col: str,
                     seconds_col: str, name: str, line: int) -> tuple[float | None, float | None] | None:
    """A logged set's reps and seconds, reps whole; None for a row with neither (cardio logged by
    distance in a lifting app), which the caller leaves out."""
    reps = number(cell(row, i_reps), reps_col, name, line)
    seconds = number(cell(row, i_seconds), seconds_col, name, line)
    if not reps and not seconds:
        return None
    if reps is not None and not float(reps).is_integer():
        raise ActivityFileError(name, f"{reps_col} is not a whole number ({reps:g})", line)
    return reps, seconds
