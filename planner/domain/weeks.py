"""Weeks: ISO week names ("2026-W48") and weeks that start on the profile's first day."""

from __future__ import annotations

import datetime as dt
import re

from planner.domain.enums import WeekStart
from planner.domain.errors import ValidationError

_ISO_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


def parse_iso_week(text: str) -> dt.date:
    """Monday of an ISO week written YYYY-Www."""
    m = _ISO_WEEK.match(text.strip())
    if not m:
        raise ValidationError("week", f"must be written YYYY-Www, e.g. 2026-W48 (got {text!r})")
    try:
        return dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
    except ValueError:
        raise ValidationError("week", f"{text} does not exist (weeks run 01-52 or 01-53)") from None


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
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(field, f"must be a date written YYYY-MM-DD (got {text!r})") from None


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
