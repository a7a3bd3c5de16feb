"""Time on the x axis: UTC seconds for dates, and a date axis that ticks whole weeks when zoomed in.

pyqtgraph's `DateAxisItem` shows local time unless `utcOffset=0`, and zoomed in it labels every
fifth day counted from 1970 (PLATFORM.md): under about half a year we tick weeks instead, on the
profile's first day of the week.
"""

from __future__ import annotations

import calendar
import datetime as dt

import pyqtgraph as pg

DAY_S = 86_400
WEEK_S = 7 * DAY_S
#: Spans up to this many days get week ticks; longer ones keep DateAxisItem's months and years.
WEEK_TICKS_MAX_DAYS = 200


def date_ts(day: dt.date) -> float:
    """Midnight UTC of `day` in seconds since 1970, as DateAxisItem(utcOffset=0) reads it."""
    return float(calendar.timegm(day.timetuple()))


def ts_date(ts: float) -> dt.date:
    return dt.date(1970, 1, 1) + dt.timedelta(days=int(ts // DAY_S))


class WeekDateAxis(pg.DateAxisItem):
    """Dates in UTC; whole weeks (1, 2 or 4 apart) starting on `first_weekday` when zoomed in."""

    def __init__(self, orientation: str = "bottom", first_weekday: int = 0, centre_weeks: bool = False) -> None:
        super().__init__(orientation=orientation, utcOffset=0)
        self.first_weekday = first_weekday  # 0 = Monday, 6 = Sunday
        # Weekly bars stand in the middle of their week: their ticks go there too (under the bar,
        # not between two), still named by the week's first day.
        self.offset = 3.5 * DAY_S if centre_weeks else 0.0
        self._weeks = False

    def tickValues(self, minVal, maxVal, size):  # noqa: ANN001, ANN201, N802 - pyqtgraph's names
        span_days = (maxVal - minVal) / DAY_S
        self._weeks = 0 < span_days <= WEEK_TICKS_MAX_DAYS
        if not self._weeks:
            return super().tickValues(minVal, maxVal, size)
        step = 1 if span_days <= 70 else 2 if span_days <= 130 else 4
        # 1970-01-01 was a Thursday (weekday 3): the first tick day on or after minVal.
        first_day = int((minVal - self.offset) // DAY_S)
        first_day += (self.first_weekday - (first_day + 3) % 7) % 7
        values = [float(d * DAY_S) + self.offset for d in range(first_day, int(maxVal // DAY_S) + 1, 7 * step)]
        return [(step * WEEK_S, [v for v in values if minVal <= v <= maxVal])]

    def tickStrings(self, values, scale, spacing):  # noqa: ANN001, ANN201, N802
        if not self._weeks:
            return super().tickStrings(values, scale, spacing)
        return [f"{d.day} {d:%b}" for d in (ts_date(v - self.offset) for v in values)]
