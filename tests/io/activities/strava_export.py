"""Strava bulk-export `activities.csv` text for tests: the real header's repeated names (two
`Distance` columns, the first km and the second metres) and the `Filename` column."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

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
