"""Days as people read them on paper and in `report`: "Mon 7 Dec", "Mon 7 Dec 2026"."""

from __future__ import annotations

import datetime as dt


def short_date(d: dt.date) -> str:
    return f"{d:%a} {d.day} {d:%b}"


def long_date(d: dt.date) -> str:
    return f"{short_date(d)} {d.year}"
