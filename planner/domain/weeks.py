"""Weeks: ISO week names ("2026-W48") and weeks that start on the profile's first day."""

from __future__ import annotations

import datetime as dt
import re

from planner.domain.enums import WeekStart
from planner.domain.errors import ValidationError

#: The dates the app takes, from every door (files, the command line, the window): wide enough for
#: any training history and plan, narrow enough that a week, a month or a chart's range around any
#: of them stays a real date (9999-12-31 + 1 day overflows) and every calendar widget can show it.
DATE_MIN = dt.date(1900, 1, 1)
DATE_MAX = dt.date(2199, 12, 31)
DATE_RANGE_TEXT = f"from {DATE_MIN.isoformat()} to {DATE_MAX.isoformat()}"

_ISO_WEEK = re.compile(r"^([0-9]{4})-W([0-9]{2})$")
_DATE = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$")  # ASCII digits only: \d takes any script


def parse_iso_week(text: str) -> dt.date:
    """Monday of an ISO week written YYYY-Www, within the date range."""
    m = _ISO_WEEK.match(text.strip())
    if not m:
        raise ValidationError("week", f"must be written YYYY-Www, e.g. 2026-W48 (got {text!r})")
    try:
        monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
    except ValueError:
        raise ValidationError("week", f"{text} does not exist (weeks run 01-52 or 01-53)") from None
    if not DATE_MIN <= monday <= DATE_MAX:
        raise ValidationError("week", f"must start {DATE_RANGE_TEXT} (got {text})")
    return monday


def iso_week_name(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def week_start(day: dt.date, start: WeekStart = WeekStart.MON) -> dt.date:
    """First day of the week holding `day`, for weeks that start on Monday or Sunday."""
    offset = day.weekday() if start is WeekStart.MON else (day.weekday() + 1) % 7
    return day - dt.timedelta(days=offset)


def week_days(first: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=i) for i in range(7)]


def parse_date(field: str, text: str) -> dt.date:
    """The one way a date is read from text anywhere in the app: YYYY-MM-DD exactly (not the
    `20261202` or `2026-W49-3` that `date.fromisoformat` also takes since Python 3.11), a real day,
    within DATE_MIN..DATE_MAX. Surrounding spaces are ignored."""
    if isinstance(text, str):
        m = _DATE.match(text.strip())
        if m:
            try:
                day = dt.date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                raise ValidationError(field, f"must be a date written YYYY-MM-DD (got {text!r}: there is "
                                             "no such day)") from None
            return check_date(field, day)
    raise ValidationError(field, f"must be a date written YYYY-MM-DD (got {text!r})")


def check_date(field: str, value: object) -> dt.date:
    """`value` as a date inside DATE_MIN..DATE_MAX, or a ValidationError naming the field."""
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise ValidationError(field, f"must be a date, not {value!r}")
    if not DATE_MIN <= value <= DATE_MAX:
        raise ValidationError(field, f"must be {DATE_RANGE_TEXT} (got {value.isoformat()})")
    return value


def week_label(first: dt.date) -> str:
    """How the window names a week. A week from Monday is an ISO week: "Week 48 · 23–29 November
    2026". A week from Sunday is no ISO week (it spans two), so it is named by its dates only:
    "29 November – 5 December 2026"."""
    last = first + dt.timedelta(days=6)
    if first.month == last.month:
        span = f"{first.day}–{last.day} {last:%B %Y}"
    elif first.year == last.year:
        span = f"{first.day} {first:%B} – {last.day} {last:%B %Y}"
    else:
        span = f"{first.day} {first:%B %Y} – {last.day} {last:%B %Y}"
    if first.weekday() == 0:
        return f"Week {first.isocalendar().week} · {span}"
    return span


def first_day_after_start_change(shown_first: dt.date, today: dt.date, start: WeekStart) -> dt.date:
    """The week to show after the first day of the week changed: today's week when today was on
    screen, otherwise the week holding the middle of what was shown."""
    if shown_first <= today <= shown_first + dt.timedelta(days=6):
        return week_start(today, start)
    return week_start(shown_first + dt.timedelta(days=3), start)
