"""Pure functions that compute a day's new order after a drop, a move or a copy.

The services turn their result into one undoable change; nothing here touches storage.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence

from planner.domain.enums import Status
from planner.domain.session import Session


def renumber(day: Sequence[Session]) -> list[Session]:
    """Positions 0..n-1 in the given order (only sessions whose position changes are copied)."""
    return [s if s.position == i else s.replace(position=i) for i, s in enumerate(day)]


def end_of_day(day: Sequence[Session]) -> int:
    """The position after the day's last session (the one place that rule lives)."""
    return max((s.position for s in day), default=-1) + 1


def append_to_days(sessions: Iterable[Session], existing: Callable[[dt.date], Sequence[Session]]) -> list[Session]:
    """New sessions (ids cleared) placed after what each of their days holds, in the given order."""
    next_pos: dict[dt.date, int] = {}
    out: list[Session] = []
    for s in sessions:
        if s.date not in next_pos:
            next_pos[s.date] = end_of_day(existing(s.date))
        out.append(s.replace(position=next_pos[s.date], id=None))
        next_pos[s.date] += 1
    return out


def insert_into_day(
    day: Sequence[Session], incoming: Sequence[Session], date: dt.date, row: int = -1
) -> list[Session]:
    """The day's sessions with `incoming` placed at `row` (-1 or past the end: at the end).

    `day` is the target day as it is now; any of its sessions that are also incoming (a reorder
    within the day) are taken out first, and `row`, which counts rows of the day as it is now,
    is shifted so that the cards land where the user dropped them.
    """
    incoming_ids = {s.id for s in incoming if s.id is not None}
    if row < 0 or row > len(day):
        row = len(day)
    shift = sum(1 for s in day[:row] if s.id in incoming_ids)
    staying = [s for s in day if s.id not in incoming_ids]
    row -= shift
    placed = [s.replace(date=date) if s.date != date else s for s in incoming]
    return renumber([*staying[:row], *placed, *staying[row:]])


def as_new_plan(s: Session, date: dt.date | None = None) -> Session:
    """A fresh planned copy: no id, no actual values, nothing recorded by a watch or a log (for copy,
    paste and copy-week; a copy with the activity's key would be taken for the activity itself)."""
    return s.replace(
        id=None, date=date or s.date, status=Status.PLANNED,
        actual_duration_min=None, actual_rpe=None, actual_distance_km=None,
        avg_hr=None, max_hr=None, ascent_m=None, actual_exercises=(), source_key="",
        estimated_rpe=None, effort_from="", trimp=None,
    )


def by_day(sessions: Iterable[Session]) -> dict[dt.date, list[Session]]:
    out: dict[dt.date, list[Session]] = {}
    for s in sessions:
        out.setdefault(s.date, []).append(s)
    return out
