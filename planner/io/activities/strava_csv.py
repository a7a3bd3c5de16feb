"""Strava's bulk export `activities.csv`.

Its header repeats names: the first `Distance` is in km (for most sports), the second in metres,
and `Elapsed Time`, `Max Heart Rate` and others appear twice too. The second (metres) distance is
used when present. `Activity Date` is US-style ("Jan 3, 2020, 7:13:28 AM") with no zone: Strava
writes it in UTC.
"""

from __future__ import annotations

import datetime as dt

from planner.io.activities import csv_text as c
from planner.io.activities.records import Activity, ActivityFileError, ParsedFile


def looks_like_strava(header_line: str) -> bool:
    return "Activity Date" in header_line and "Activity Type" in header_line


def read_strava_csv(data: bytes, name: str) -> ParsedFile:
    header, body = c.rows(c.decode(data, name), name)
    i_date = header.need(name, "Activity Date")
    i_type = header.need(name, "Activity Type")
    i_name = header.find("Activity Name")
    i_elapsed = header.find("Elapsed Time")
    i_moving = header.find("Moving Time")
    if i_elapsed is None and i_moving is None:
        raise ActivityFileError(name, "has no 'Elapsed Time' or 'Moving Time' column", 1)
    i_km = header.find("Distance")
    i_m = header.find("Distance", occurrence=1)
    i_avg = header.find("Average Heart Rate")
    i_max = [i for i in (header.find("Max Heart Rate"), header.find("Max Heart Rate", occurrence=1)) if i is not None]
    i_gain = header.find("Elevation Gain")
    out = []
    for line, row in body:
        start = c.when(c.cell(row, i_date), "Activity Date", name, line).replace(tzinfo=dt.UTC)
        seconds = (c.duration_s(c.cell(row, i_moving), "Moving Time", name, line)
                   or c.duration_s(c.cell(row, i_elapsed), "Elapsed Time", name, line))
        if not seconds:
            raise ActivityFileError(name, "has an activity with no time", line)
        metres = c.number(c.cell(row, i_m), "Distance (m)", name, line)
        if metres is None:
            km = c.number(c.cell(row, i_km), "Distance", name, line)
            metres = km * 1000 if km is not None else None
        avg = c.number(c.cell(row, i_avg), "Average Heart Rate", name, line)
        tops = [c.number(c.cell(row, i), "Max Heart Rate", name, line) for i in i_max]
        top = max((t for t in tops if t), default=None)
        sport = c.cell(row, i_type)
        if not sport:
            raise ActivityFileError(name, "has an activity with no Activity Type", line)
        out.append(Activity(
            sport=sport, start=start, duration_s=seconds, distance_m=metres or None,
            avg_hr=round(avg) if avg else None, max_hr=round(top) if top else None,
            ascent_m=c.number(c.cell(row, i_gain), "Elevation Gain", name, line),
            title=c.cell(row, i_name),
        ))
    if not out:
        raise ActivityFileError(name, "holds no activities; nothing to import")
    return ParsedFile(name, activities=tuple(out))
