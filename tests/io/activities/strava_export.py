"""Strava bulk-export `activities.csv` text for tests: the real header's repeated names (two
`Distance` columns, the first km and the second metres) and the `Filename` column."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

HEADER = ("Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance,Max Heart Rate,"
          "Filename,Elapsed Time,Moving Time,Distance,Elevation Gain,Average Heart Rate\n")


@dataclass(frozen=True)
class Row:
    start: dt.datetime  # UTC, as Strava writes it
    sport: str = "Run"
    moving_s: int = 3600
    elapsed_s: int | None = None
    metres: float = 10_000.0
    name: str = "Morning Run"
    avg_hr: int | None = None
    max_hr: int | None = None
    gain: float | None = None
    filename: str = ""

    def line(self, n: int) -> str:
        when = self.start.strftime("%b %-d, %Y, %-I:%M:%S %p")
        elapsed = self.elapsed_s or self.moving_s
        cells = [str(n), f'"{when}"', self.name, self.sport, str(elapsed), f'"{self.metres / 1000:.2f}"',
                 _opt(self.max_hr), self.filename, str(elapsed), str(self.moving_s), f"{self.metres:.1f}",
                 _opt(self.gain), _opt(self.avg_hr)]
        return ",".join(cells) + "\n"


def _opt(value: object) -> str:
    return "" if value is None else str(value)


def activities_csv(rows: list[Row]) -> str:
    return HEADER + "".join(r.line(1000 + i) for i, r in enumerate(rows))


def export_zip(path: Path, activities: int, points: int = 60) -> Path:
    """A Strava-like bulk export: activities.csv naming one gzipped GPX per activity (a run of
    `points` seconds with heart rate, one a day from 2020-01-01), as Strava's download has it."""
    import gzip
    import zipfile

    from tests.benchmarks.bench_activities import make_run

    first = dt.datetime(2024, 1, 1, 7, 0, tzinfo=dt.UTC)  # make_run's first start
    rows = [Row(first + dt.timedelta(days=n), "Run", points, metres=3.0 * points, name=f"Run {n}",
                filename=f"activities/{n}.gpx.gz") for n in range(activities)]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("activities.csv", activities_csv(rows))
        for n in range(activities):
            zf.writestr(f"activities/{n}.gpx.gz", gzip.compress(make_run(n, points).encode(), 1),
                        zipfile.ZIP_STORED)
    return path
