"""When sessions happen, and the day words the rules share (hard day, recovery day).

Gaps are measured from the end of the earlier session to the start of the later one. A session
without a start time is counted at noon of its day, so two untimed sessions on one day count as
back to back (0 h) and an untimed session the next day about 24 h later: the rules then assume
the closer case and say so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from planner.domain.enums import Kind, RunType
from planner.domain.intensity import is_hard, is_heavy_lower, is_long_run
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


def is_key_run(s: Session) -> bool:
    """A hard or long run (Seiler 2010)."""
    return s.kind is Kind.RUN and (is_hard(s, s.effective_rpe) or is_long_run(s))


def heavy_legs(s: Session) -> bool:
    return is_heavy_lower(s, s.effective_rpe)


def is_hard_day(day: Sequence[Session]) -> bool:
    """A hard or long run, or a heavy lower- or full-body lift (DESIGN.md; Doma & Deakin 2013). A hard
    upper-body or core lift is not a hard day."""
    return any(is_key_run(s) or heavy_legs(s) for s in day)


def is_recovery_day(day: Sequence[Session]) -> bool:
    """No session, or only rest, recovery, mobility or a recovery run."""
    return all(s.kind in (Kind.REST, Kind.RECOVERY, Kind.MOBILITY)
               or (s.kind is Kind.RUN and s.type == RunType.RECOVERY) for s in day)


def hours_text(h: float) -> str:
    return f"{h:.0f} h" if h >= 10 or float(h).is_integer() else f"{h:.1f} h"


def day_text(d: dt.date) -> str:
    return f"{d:%a} {d.day} {d:%b}"
