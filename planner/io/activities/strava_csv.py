"""Strava's bulk export `activities.csv`.

Its header repeats names: the first `Distance` is in km (for most sports), the second in metres,
and `Elapsed Time`, `Max Heart Rate` and others appear twice too. The second (metres) distance is
used when present. `Activity Date` is US-style ("Jan 3, 2020, 7:13:28 AM") with no zone: Strava
writes it in UTC.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planner.io.activities import csv_text as c
from planner.io.activities.records import Activity, ActivityFileError, ParsedFile, Skipped


def looks_like_strava(header_line: str) -> bool:
    return "Activity Date" in header_line and "Activity Type" in header_line


def read_strava_csv(data: bytes, name: str) -> ParsedFile:
    header, body = c.rows(c.decode(data, name), name)
    if header.find("Elapsed Time") is None and header.find("Moving Time") is None:
        raise ActivityFileError(name, "has no 'Elapsed Time' or 'Moving Time' column", 1)
    cols = _Columns.of(header, name)
    out: list[Activity] = []
    skipped: list[Skipped] = []
    for line, row in body:
        try:
            out.append(_activity(row, line, name, cols))
        except ActivityFileError as exc:  # one unreadable row costs only itself
            skipped.append(Skipped(name, f"line {line}", exc.reason))
    if not out and not skipped:
        raise ActivityFileError(name, "holds no activities; nothing to import")
    return ParsedFile(name, activities=tuple(out), skipped=tuple(skipped))


@dataclass(frozen=True)
class _Columns:
    date: int
    type: int
    name: int | None
    elapsed: int | None
    moving: int | None
    km: int | None
    metres: int | None
    avg: int | None
    max: tuple[int, ...]
    gain: int | None
    file: int | None

    @classmethod
    def of(cls, header: c.Header, name: str) -> _Columns:
        tops = (header.find("Max Heart Rate"), header.find("Max Heart Rate", occurrence=1))
        return cls(header.need(name, "Activity Date"), header.need(name, "Activity Type"),
                   header.find("Activity Name"), header.find("Elapsed Time"), header.find("Moving Time"),
                   header.find("Distance"), header.find("Distance", occurrence=1),
                   header.find("Average Heart Rate"), tuple(i for i in tops if i is not None),
                   header.find("Elevation Gain"), header.find("Filename"))


def _activity(row: list[str], line: int, name: str, k: _Columns) -> Activity:
    start = c.when(c.cell(row, k.date), "Activity Date", name, line).replace(tzinfo=dt.UTC)
    seconds = (c.duration_s(c.cell(row, k.moving), "Moving Time", name, line)
               or c.duration_s(c.cell(row, k.elapsed), "Elapsed Time", name, line))
    if not seconds:
        raise ActivityFileError(name, "has no time", line)
    metres = c.number(c.cell(row, k.metres), "Distance (m)", name, line)
    if metres is None:
        km = c.number(c.cell(row, k.km), "Distance", name, line)
        metres = km * 1000 if km is not None else None
    avg = c.number(c.cell(row, k.avg), "Average Heart Rate", name, line)
    tops = [c.number(c.cell(row, i), "Max Heart Rate", name, line) for i in k.max]
    top = max((t for t in tops if t), default=None)
    sport = c.cell(row, k.type) or "other"  # no sport word: cross-training, never lost for it
    return Activity(
        sport=sport, start=start, duration_s=seconds, distance_m=metres or None,
        avg_hr=round(avg) if avg else None, max_hr=round(top) if top else None,
        ascent_m=c.number(c.cell(row, k.gain), "Elevation Gain", name, line),
        title=c.cell(row, k.name), file_ref=c.cell(row, k.file),
    )
