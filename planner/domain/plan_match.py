"""Gestures that protect the plan: which sessions are "the same", and what copying a week onto a
week that already has sessions does.

Two sessions match when they share date, kind, title (ignoring case and extra spaces) and time of
day. Matching counts: two identical rows in a file match two existing sessions, not one, so an
import of a file that is already in the plan skips every row and one that adds a second copy of
a session keeps it.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from enum import StrEnum

from planner.domain.enums import Kind
from planner.domain.plan_edit import as_new_plan, by_day, renumber
from planner.domain.session import Session

MatchKey = tuple[dt.date, Kind, str, dt.time | None]


class CopyMode(StrEnum):
    ADD = "add"  # the copies go after what the target week holds
    REPLACE = "replace"  # the target week's sessions are removed first


def match_key(s: Session) -> MatchKey:
    return s.date, s.kind, " ".join(s.title.split()).casefold(), s.time


def split_matches(incoming: Iterable[Session], existing: Iterable[Session]) -> tuple[list[Session], list[Session]]:
    """(incoming sessions that match an existing one, the others), each in incoming order."""
    left = Counter(match_key(s) for s in existing)
    matched: list[Session] = []
    fresh: list[Session] = []
    for s in incoming:
        key = match_key(s)
        if left[key] > 0:
            left[key] -= 1
            matched.append(s)
        else:
            fresh.append(s)
    return matched, fresh


def copy_week(sources: Sequence[Session], target: Sequence[Session], mode: CopyMode,
              days: int = 7) -> tuple[list[Session], list[Session]]:
    """(sessions to remove, sessions to store) to copy `sources` `days` later onto a week whose
    sessions are `target`. The copies are fresh planned sessions (no id, no actual values); in
    ADD mode each day's copies follow that day's sessions, in REPLACE mode the target's sessions
    go and the copies take positions from 0."""
    shift = dt.timedelta(days=days)
    keep = [] if mode is CopyMode.REPLACE else list(target)
    remove = list(target) if mode is CopyMode.REPLACE else []
    kept_by_day = by_day(keep)
    after: list[Session] = []
    for day, sessions in by_day(sources).items():
        new_day = day + shift
        copies = [as_new_plan(s, new_day) for s in sessions]
        after.extend(renumber([*kept_by_day.get(new_day, []), *copies]))
    return remove, after
