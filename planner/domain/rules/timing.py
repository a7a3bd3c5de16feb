"""When sessions happen, and how far apart (the words hard day, key run and heavy legs are in
planner/domain/intensity.py).

Gaps are measured from the end of the earlier session to the start of the later one. A session
without a start time is counted at noon of its day, so two untimed sessions on one day count as
back to back (0 h) and an untimed session the next day about 24 h later: the rules then assume
the closer case and say so.
"""

from __future__ import annotations

import datetime as dt

from planner.domain.session import Session

NOON = dt.time(12, 0)


def start(s: Session) -> dt.datetime:
    return dt.datetime.combine(s.date, s.time or NOON)


def end(s: Session) -> dt.datetime:
    return start(s) + dt.timedelta(minutes=s.effective_duration_min)


def order_key(s: Session) -> tuple[dt.date, dt.time, int]:
    """Sessions in the order they happen: by day, then start time when both have one, else position."""
    return s.date, s.time or dt.time(0, 0), s.position


def comes_before(a: Session, b: Session) -> bool:
    if a.date != b.date:
        return a.date < b.date
    if a.time is not None and b.time is not None and a.time != b.time:
        return a.time < b.time
    return a.position < b.position


def gap_hours(a: Session, b: Session) -> float:
    """Hours from the end of `a` to the start of `b` (0 when they overlap or have no times)."""
    return max(0.0, (start(b) - end(a)).total_seconds() / 3600.0)


def untimed(a: Session, b: Session) -> bool:
    return a.time is None or b.time is None


def hours_text(h: float) -> str:
    return f"{h:.0f} h" if h >= 10 or float(h).is_integer() else f"{h:.1f} h"


def day_text(d: dt.date) -> str:
    return f"{d:%a} {d.day} {d:%b}"
