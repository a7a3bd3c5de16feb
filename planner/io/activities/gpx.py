"""GPX tracks (Strava, Garmin and others) read with gpxpy (https://github.com/tkrajina/gpxpy).

gpxpy builds its tree with the standard parser, which expands entities; here the tree comes from
defusedxml instead (xml_safe.parse) and gpxpy only turns it into tracks. Heart rate sits in an
extension: Garmin's TrackPointExtension (`gpxtpx:hr`) or Cluetrust's (`gpxdata:hr`).
"""

from __future__ import annotations

import datetime as dt
import re

from gpxpy import gpx as gpx_mod
from gpxpy import gpxfield

from planner.io.activities import xml_safe
from planner.io.activities.records import Activity, ActivityFileError, ParsedFile

_DEFAULT_NS = re.compile(r"""\sxmlns=(['"])[^'"]+\1""")
_PREFIXED_NS = re.compile(r'\sxmlns:([^=\s]+)="([^"]+)"')


def _parse_gpx(text: str, name: str) -> gpx_mod.GPX:
    """What gpxpy.parse does, with the tree built by defusedxml."""
    gpx = gpx_mod.GPX()
    head = text[:4096]
    for prefix, uri in _PREFIXED_NS.findall(head):
        gpx.nsmap[prefix] = uri
    root = xml_safe.parse(_DEFAULT_NS.sub("", text, count=1), name)
    if not root.tag.endswith("gpx"):
        raise ActivityFileError(name, f"is not a GPX file (its root element is <{root.tag}>)")
    try:
        gpxfield.gpx_fields_from_xml(gpx, root, root.get("version"))  # type: ignore[arg-type]  # hints say str
    except (gpx_mod.GPXException, ValueError) as exc:
        raise ActivityFileError(name, f"holds a value GPX does not allow ({exc})") from None
    return gpx


def _hr(extensions: list) -> int | None:  # list of Elements
    for ext in extensions:
        if ext.tag.endswith("}hr") or ext.tag == "hr":  # Cluetrust gpxdata:hr
            text = ext.text
        else:  # Garmin gpxtpx:TrackPointExtension/gpxtpx:hr
            text = next((c.text for c in ext.iter() if c.tag.endswith("}hr") or c.tag == "hr"), None)
        if text:
            try:
                return int(float(text))
            except ValueError:
                return None
    return None


def read_gpx(data: bytes, name: str) -> ParsedFile:
    gpx = _parse_gpx(xml_safe.decode(data, name), name)
    activities = []
    for track in gpx.tracks:
        points = [p for seg in track.segments for p in seg.points]
        timed = [p.time for p in points if p.time is not None]
        if not timed:
            continue
        start, end = min(timed), max(timed)
        hrs = [h for h in (_hr(p.extensions) for p in points if p.extensions) if h is not None]
        has_ele = any(p.elevation is not None for p in points)
        ascent = track.get_uphill_downhill().uphill if has_ele else None
        offset = start.utcoffset()
        activities.append(Activity(
            sport=(track.type or "running").strip(),
            start=start if start.tzinfo else start.replace(tzinfo=dt.UTC),
            duration_s=(end - start).total_seconds(),
            distance_m=track.length_2d(),
            avg_hr=round(sum(hrs) / len(hrs)) if hrs else None,
            max_hr=max(hrs) if hrs else None,
            ascent_m=ascent,
            title=(track.name or "").strip(),
            local_offset=offset if offset else None,
        ))
    if not activities:
        raise ActivityFileError(name, "holds no track with times (only routes or waypoints?); nothing to import")
    return ParsedFile(name, activities=tuple(activities))
