"""Garmin Training Center (TCX) files, read with defusedxml.

The TCX readers on PyPI were not used: tcxreader parses with the standard library's expanding
parser, python-tcxparser needs lxml; the format is small enough to read directly
(schema: https://www8.garmin.com/xmlschemas/TrainingCenterDatabasev2.xsd).
Time and distance come from the laps, as Garmin Connect shows them; heart rate from the track's
samples (their mean and maximum, as python-tcxparser computes them), else from the laps;
ascent from the track's altitudes.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from planner.io.activities import xml_safe
from planner.io.activities.records import Activity, ActivityFileError, ParsedFile

NS = "{http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2}"


def _float(el: ET.Element | None, name: str, path: str) -> float | None:
    if el is None or el.text is None or not el.text.strip():
        return None
    try:
        return float(el.text)
    except ValueError:
        raise ActivityFileError(name, f"{path} is not a number ({el.text.strip()!r})") from None


def _time(text: str | None, name: str) -> dt.datetime:
    try:
        t = dt.datetime.fromisoformat((text or "").strip().replace("Z", "+00:00"))
    except ValueError:
        raise ActivityFileError(name, f"has a start time that is not a date and time ({text!r})") from None
    return t if t.tzinfo else t.replace(tzinfo=dt.UTC)


def _activity(act: ET.Element, name: str) -> Activity:
    laps = act.findall(f"{NS}Lap")
    if not laps:
        raise ActivityFileError(name, "has an activity with no laps; nothing to import")
    start = _time(act.findtext(f"{NS}Id") or laps[0].get("StartTime"), name)
    total_s = distance = hr_weighted = hr_time = 0.0
    max_hr: float | None = None
    for lap in laps:
        secs = _float(lap.find(f"{NS}TotalTimeSeconds"), name, "TotalTimeSeconds") or 0.0
        total_s += secs
        distance += _float(lap.find(f"{NS}DistanceMeters"), name, "DistanceMeters") or 0.0
        avg = _float(lap.find(f"{NS}AverageHeartRateBpm/{NS}Value"), name, "AverageHeartRateBpm")
        top = _float(lap.find(f"{NS}MaximumHeartRateBpm/{NS}Value"), name, "MaximumHeartRateBpm")
        if avg is not None and secs > 0:
            hr_weighted += avg * secs
            hr_time += secs
        if top is not None:
            max_hr = top if max_hr is None else max(max_hr, top)
    samples: list[float] = []
    for tp in act.iter(f"{NS}Trackpoint"):
        v = _float(tp.find(f"{NS}HeartRateBpm/{NS}Value"), name, "HeartRateBpm")
        if v is not None:
            samples.append(v)
    if samples:
        hr_weighted, hr_time = sum(samples), float(len(samples))
        max_hr = max(samples) if max_hr is None else max(max_hr, *samples)
    ascent = 0.0
    last: float | None = None
    for alt in act.iter(f"{NS}AltitudeMeters"):
        value = _float(alt, name, "AltitudeMeters")
        if value is not None:
            if last is not None and value > last:
                ascent += value - last
            last = value
    return Activity(
        sport=(act.get("Sport") or "Other").strip(),
        start=start,
        duration_s=total_s,
        distance_m=distance or None,
        avg_hr=round(hr_weighted / hr_time) if hr_time else None,
        max_hr=round(max_hr) if max_hr is not None else None,
        ascent_m=ascent if last is not None else None,
    )


def read_tcx(data: bytes, name: str) -> ParsedFile:
    root = xml_safe.parse(xml_safe.decode(data, name), name)
    if root.tag != f"{NS}TrainingCenterDatabase":
        raise ActivityFileError(name, f"is not a TCX file (its root element is <{root.tag}>)")
    acts = root.findall(f"{NS}Activities/{NS}Activity")
    if not acts:
        raise ActivityFileError(name, "holds no activity; nothing to import")
    return ParsedFile(name, activities=tuple(_activity(a, name) for a in acts))
