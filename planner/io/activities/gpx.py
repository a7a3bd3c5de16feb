"""GPX tracks (Strava, Garmin and others) read with gpxpy (https://github.com/tkrajina/gpxpy).

gpxpy builds its tree with the standard parser, which expands entities; here the tree comes from
defusedxml instead (xml_safe.parse) and gpxpy only turns it into tracks. Heart rate sits in an
extension: Garmin's TrackPointExtension (`gpxtpx:hr`) or Cluetrust's (`gpxdata:hr`).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field

from gpxpy import geo, gpxfield
from gpxpy import gpx as gpx_mod

from planner.io.activities import limits, xml_safe
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
        if ext.tag.endswith("hr"):  # Cluetrust gpxdata:hr
            text = ext.text
        else:  # Garmin gpxtpx:TrackPointExtension/gpxtpx:hr
            text = next((c.text for c in ext.iter() if c.tag.endswith("}hr") or c.tag == "hr"), None)
        if text:
            try:
                return int(float(text))
            except ValueError:
                return None
    return None


@dataclass
class _Totals:
    metres: float = 0.0
    ascent: float = 0.0
    has_ele: bool = False
    hrs: list[int] = field(default_factory=list)


def _segment(points: list, out: _Totals, name: str) -> None:
    """Distance, ascent and heart rate in one pass, with gpxpy's own formulas (geo.distance: flat
    for neighbours, haversine beyond 0.2 degrees; calculate_uphill_downhill: 0.3/0.4/0.3 smoothing)
    so the numbers agree with gpxpy's length_2d and get_uphill_downhill."""
    prev = None
    eles: list[float | None] = []
    hrs = out.hrs
    for p in points:
        lat, lon = p.latitude, p.longitude
        limits.check_position(lat, lon, name)
        if prev is not None:
            plat, plon = prev
            if abs(plat - lat) > 0.2 or abs(plon - lon) > 0.2:
                out.metres += geo.haversine_distance(plat, plon, lat, lon)
            else:
                y = (plon - lon) * math.cos(math.radians(plat))
                x = plat - lat
                out.metres += math.sqrt(x * x + y * y) * geo.ONE_DEGREE
        prev = (lat, lon)
        if p.elevation is not None:
            eles.append(p.elevation)
        if p.extensions:
            hr = _hr(p.extensions)
            if hr is not None:
                hrs.append(hr)
    if eles:
        out.has_ele = True
        out.ascent += geo.calculate_uphill_downhill(eles)[0]


def read_gpx(data: bytes, name: str) -> ParsedFile:
    gpx = _parse_gpx(xml_safe.decode(data, name), name)
    activities = []
    skipped: list[str] = []
    for number, track in enumerate(gpx.tracks, 1):
        timed = [_aware(p.time) for seg in track.segments for p in seg.points if p.time]
        if not timed:
            continue
        start = timed[0]
        totals = _Totals()
        for seg in track.segments:
            _segment(seg.points, totals, name)
        duration_s = limits.moving_span(t.timestamp() for t in timed)
        why = limits.implausible(totals.metres, duration_s)
        if why is not None:
            label = (track.name or "").strip()
            skipped.append(f"track {label!r} skipped: {why}" if label else f"track {number} skipped: {why}")
            continue
        hrs = totals.hrs
        offset = start.utcoffset()
        activities.append(Activity(
            sport=(track.type or "running").strip(),
            start=start,
            duration_s=duration_s,
            distance_m=totals.metres,
            avg_hr=round(sum(hrs) / len(hrs)) if hrs else None,
            max_hr=max(hrs) if hrs else None,
            ascent_m=totals.ascent if totals.has_ele else None,
            title=(track.name or "").strip(),
            local_offset=offset if offset else None,
        ))
    if not activities and skipped:
        raise ActivityFileError(name, "; ".join(skipped))
    if not activities:
        raise ActivityFileError(name, "holds no track with times (only routes or waypoints?); nothing to import")
    return ParsedFile(name, activities=tuple(activities), notes=tuple(skipped))


def _aware(t: dt.datetime) -> dt.datetime:
    return t if t.tzinfo else t.replace(tzinfo=dt.UTC)
