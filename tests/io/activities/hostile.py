"""Hostile activity files of issue 19, made on the fly (none is stored in the repository)."""

from __future__ import annotations

import gzip
import os
import stat
import zlib
from pathlib import Path

HEAD = b'<?xml version="1.0"?><gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk><name>Run</name><trkseg>'
TAIL = b"</trkseg></trk></gpx>"


def point(lat: str = "47.0", lon: str = "8.0", time: str = "2026-11-23T07:00:00Z", inner: bytes = b"") -> bytes:
    return f'<trkpt lat="{lat}" lon="{lon}"><time>{time}</time>'.encode() + inner + b"</trkpt>"


def gpx(*points: bytes) -> bytes:
    return HEAD + b"".join(points) + TAIL


def nested(depth: int = 160_000) -> bytes:
    """1.1 MB: `depth` elements nested inside one point's <extensions> (gpxpy's deepcopy segfaulted)."""
    inner = b"<extensions>" + b"<x>" * depth + b"</x>" * depth + b"</extensions>"
    return gpx(point(inner=inner), point(time="2026-11-23T07:30:00Z"))


def many_points(n: int) -> bytes:
    one = b'<trkpt lat="47.0" lon="8.0"/>'
    return gpx(point(), one * n, point(time="2026-11-23T08:00:00Z"))


def gz_bomb(unpacked_mb: int = 245) -> bytes:
    """A .gz that unpacks to `unpacked_mb` MB of a valid-looking GPX (about 14 MB packed at 245)."""
    body = b"".join(point(lat=f"47.{i:04d}", lon=f"8.{i % 997:03d}") for i in range(2000))
    packer = zlib.compressobj(1, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    parts = [packer.compress(HEAD)]
    written = len(HEAD)
    while written < unpacked_mb * 2**20:
        parts.append(packer.compress(body))
        written += len(body)
    parts.append(packer.compress(TAIL))
    parts.append(packer.flush())
    return b"".join(parts)


def small_gz(data: bytes) -> bytes:
    return gzip.compress(data)


def device(path: Path, major: int = 1, minor: int = 5) -> Path:
    """A character device node under a test folder (1, 5 is what /dev/zero is); root only."""
    os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(major, minor))
    return path
