"""Benchmark: importing 600 generated one-hour GPX runs (3,600 points each, one a second, with
elevation and Garmin heart rate) against gpxpy alone parsing the same files, in the same run.

Budget (issue 15): the import takes at most 1.2 x gpxpy's parse. "Import" is everything the
command does: read each file (bytes -> defusedxml tree -> gpxpy tracks -> totals, HR, ascent),
make the sessions, match them against the plan and store them as one change.

    .venv/bin/python tests/benchmarks/bench_activities.py [--files 600] [--points 3600]

With --strava N (issue 21): a Strava-like bulk export ZIP of N activities (activities.csv naming
one gzipped GPX per activity, --points each) imported whole, against the libraries alone reading
the same files in the same run: zipfile -> gzip -> gpxpy.parse for each file, csv for the CSV.

    .venv/bin/python tests/benchmarks/bench_activities.py --strava 1800 --points 1200
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import gpxpy  # noqa: E402

from planner.services.activity_import import ActivityImport  # noqa: E402
from planner.services.runner import DirectRunner  # noqa: E402
from planner.store.database import open_store  # noqa: E402

HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n'
        '<gpx version="1.1" creator="bench" xmlns="http://www.topografix.com/GPX/1/1" '
        'xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">\n'
        '<metadata><time>{t}</time></metadata>\n<trk><name>Run {n}</name><type>running</type><trkseg>\n')
POINT = ('<trkpt lat="{lat:.7f}" lon="{lon:.7f}"><ele>{ele:.1f}</ele><time>{t}</time>'
         '<extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>{hr}</gpxtpx:hr>'
         '</gpxtpx:TrackPointExtension></extensions></trkpt>\n')
TAIL = "</trkseg></trk>\n</gpx>\n"


def make_run(n: int, points: int) -> str:
    """A one-hour loop at ~3 m/s starting at 07:00 UTC on day n (so no two runs share a start)."""
    start = dt.datetime(2024, 1, 1, 7, 0, tzinfo=dt.UTC) + dt.timedelta(days=n)
    parts = [HEAD.format(t=start.strftime("%Y-%m-%dT%H:%M:%SZ"), n=n)]
    radius = 3.0 * points / (2 * math.pi) / 111_320  # degrees
    for i in range(points):
        a = 2 * math.pi * i / points
        t = (start + dt.timedelta(seconds=i)).strftime("%Y-%m-%dT%H:%M:%SZ")
        parts.append(POINT.format(lat=47.0 + radius * math.sin(a), lon=8.0 + radius * math.cos(a),
                                  ele=400 + 20 * math.sin(3 * a), t=t, hr=130 + (i * 7) % 30))
    parts.append(TAIL)
    return "".join(parts)


def bench_strava(activities: int, points: int) -> int:
    import csv
    import gzip
    import io
    import zipfile

    from tests.io.activities.strava_export import export_zip

    work = Path(tempfile.mkdtemp(prefix="bench-strava-"))
    try:
        z = export_zip(work / "export.zip", activities, points)
        mb = z.stat().st_size / 2**20
        print(f"Strava-like export: {activities} activities x {points} points, {mb:.0f} MB zipped")
        w0, c0 = time.perf_counter(), time.process_time()
        with zipfile.ZipFile(z) as zf:
            for name in zf.namelist():
                data = zf.read(name)
                if name.endswith(".gpx.gz"):
                    gpxpy.parse(gzip.decompress(data).decode("utf-8"))
                else:
                    list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
        base_wall, base_cpu = time.perf_counter() - w0, time.process_time() - c0
        print(f"zipfile + gzip + gpxpy + csv alone: {base_cpu:7.2f} s CPU  {base_wall:7.2f} s wall")
        store = open_store(work / "data")
        moves: list[int] = []
        try:
            w0, c0 = time.perf_counter(), time.process_time()
            imp = ActivityImport(DirectRunner(store), {})
            read = imp.read([z], dt.UTC, progress=lambda done, total, name: moves.append(done))
            counts = imp.apply(imp.preview(read))
            ours_wall, ours_cpu = time.perf_counter() - w0, time.process_time() - c0
        finally:
            store.close()
        print(f"import-activities export.zip:      {ours_cpu:7.2f} s CPU  {ours_wall:7.2f} s wall   "
              f"{counts.as_dict()}, {len(read.skipped)} left out, progress reported {len(moves)} times")
        ratio = ours_cpu / base_cpu
        print(f"ratio: {ratio:.3f} x the libraries alone, CPU; wall {ours_wall / base_wall:.3f} x")
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=600)
    ap.add_argument("--points", type=int, default=3600)
    ap.add_argument("--strava", type=int, default=0, metavar="N",
                    help="benchmark a Strava-like export ZIP of N activities instead")
    args = ap.parse_args()
    if args.strava:
        return bench_strava(args.strava, args.points)
    work = Path(tempfile.mkdtemp(prefix="bench-activities-"))
    try:
        paths = []
        for n in range(args.files):
            p = work / f"run-{n:04d}.gpx"
            p.write_text(make_run(n, args.points), encoding="utf-8")
            paths.append(p)
        size = sum(p.stat().st_size for p in paths) / 2**20
        print(f"{args.files} GPX files x {args.points} points, {size:.0f} MB")

        # CPU time is the verdict: the machine is shared, and wall time counts the neighbours too.
        w0, c0 = time.perf_counter(), time.process_time()
        for p in paths:
            gpxpy.parse(p.read_text(encoding="utf-8"))
        base_wall, base_cpu = time.perf_counter() - w0, time.process_time() - c0
        print(f"gpxpy.parse alone:         {base_cpu:7.2f} s CPU  {base_wall:7.2f} s wall")

        store = open_store(work / "data")
        try:
            w0, c0 = time.perf_counter(), time.process_time()
            imp = ActivityImport(DirectRunner(store), {})
            counts = imp.apply(imp.preview(imp.read(paths, dt.UTC)))
            ours_wall, ours_cpu = time.perf_counter() - w0, time.process_time() - c0
        finally:
            store.close()
        print(f"import-activities (all):   {ours_cpu:7.2f} s CPU  {ours_wall:7.2f} s wall   {counts.as_dict()}")
        ratio = ours_cpu / base_cpu
        verdict = "within" if ratio <= 1.2 else "OVER"
        print(f"ratio: {ratio:.3f} x gpxpy alone, CPU ({verdict} the 1.2 x budget); "
              f"wall {ours_wall / base_wall:.3f} x")
        return 0 if ratio <= 1.2 else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
