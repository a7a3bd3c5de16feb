"""Broken files get one clear message naming the file, and nothing comes out of them."""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import pytest

from planner.io.activities import ActivityFileError, read_bytes

FIT = Path("/work/shared/realdata/run_fit_fenix2_fitdecode_2015-08-15.fit")
if not FIT.exists():
    FIT = Path(__file__).resolve().parents[4] / "shared" / "realdata" / FIT.name

LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE gpx [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<{root} version="1.1" xmlns="{ns}"><trk><name>&lol9;</name><trkseg>
<trkpt lat="0" lon="0"><time>2026-01-01T10:00:00Z</time></trkpt></trkseg></trk></{root}>
"""

REFUSED = ("declares a DTD or XML entities, which activity files never need; "
           "refused (it could expand without end)")


@pytest.mark.parametrize(("name", "root", "ns"), [
    ("bomb.gpx", "gpx", "http://www.topografix.com/GPX/1/1"),
    ("bomb.tcx", "TrainingCenterDatabase", "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"),
])
def test_billion_laughs_is_refused_in_bounded_time_and_memory(name, root, ns):
    data = LAUGHS.format(root=root, ns=ns).encode()
    tracemalloc.start()
    t0 = time.perf_counter()
    try:
        with pytest.raises(ActivityFileError) as err:
            read_bytes(data, name)
        elapsed = time.perf_counter() - t0
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert str(err.value) == f"{name}: {REFUSED}"
    assert elapsed < 0.5  # expanded, &lol9; would be 10**9 "lol"s: 3 GB
    assert peak < 5 * 2**20


def test_gpx_with_no_track():
    gpx = ('<?xml version="1.0"?><gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1">'
           '<wpt lat="1" lon="2"><name>Start</name></wpt><rte><rtept lat="1" lon="2"/></rte></gpx>')
    with pytest.raises(ActivityFileError) as err:
        read_bytes(gpx.encode(), "route.gpx")
    assert str(err.value) == ("route.gpx: holds no track with times (only routes or waypoints?); "
                              "nothing to import")


def test_gpx_that_is_not_xml():
    with pytest.raises(ActivityFileError) as err:
        read_bytes(b"<gpx><trk>", "cut.gpx")
    assert str(err.value).startswith("cut.gpx: is not well-formed XML (no element found: line 1")


@pytest.mark.skipif(not FIT.exists(), reason="the real FIT file is not on this machine")
@pytest.mark.parametrize("keep", [0.5, 0.99])
def test_truncated_fit(keep):
    data = FIT.read_bytes()
    with pytest.raises(ActivityFileError) as err:
        read_bytes(data[: int(len(data) * keep)], "cut.fit")
    assert str(err.value) == ("cut.fit: is cut short (the FIT file ends before its last message); "
                              "nothing to import")


@pytest.mark.skipif(not FIT.exists(), reason="the real FIT file is not on this machine")
@pytest.mark.parametrize("where", [0.5, -1])  # a data byte; the checksum itself
def test_fit_with_a_changed_byte_fails_its_checksum(where):
    data = bytearray(FIT.read_bytes())
    data[int(len(data) * where) if where > 0 else where] ^= 0xFF
    with pytest.raises(ActivityFileError) as err:
        read_bytes(bytes(data), "flipped.fit")
    assert str(err.value) == "flipped.fit: is damaged (its FIT checksum does not match)"


def test_csv_with_a_missing_column():
    text = "title,start_time,end_time,exercise_title,set_index,set_type,weight_kg\n"
    with pytest.raises(ActivityFileError) as err:
        read_bytes(text.encode(), "hevy.csv")
    assert str(err.value) == "hevy.csv line 1: has no 'reps' column"


def test_unknown_file_kind():
    with pytest.raises(ActivityFileError) as err:
        read_bytes(b"x", "notes.txt")
    assert str(err.value) == ("notes.txt: is not a file this app reads "
                              "(GPX, TCX, FIT, or a Strava, Strong or Hevy CSV)")
