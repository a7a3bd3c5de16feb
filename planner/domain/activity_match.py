"""Completed activities matched to the plan.

An activity on a day with a planned session of the same kind fills that session in: the planned
values stay, the actual ones are written and the session is done. Several candidates: the nearest
in start time wins (a planned session without a time comes after any with one), then the nearest
in duration. An activity with no match is a new done session. An activity already in the plan
(same sport, start within a minute, read from the session's `source_key`) is left alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from planner.domain.enums import Kind, Status
from planner.domain.session import Session

SAME_START_S = 60  # two files of one activity (a GPX and Strava's CSV) may differ by seconds


class Outcome(StrEnum):
    MATCHED = "matched"
    ADDED = "added"
    ALREADY = "already"  # already in the plan (or twice in this import)


@dataclass(frozen=True, slots=True)
class Incoming:
    """One completed activity or workout as the session it would become (done, no id)."""

    session: Session
    source: str  # the file it came from


@dataclass(frozen=True, slots=True)
class Decision:
    incoming: Incoming
    outcome: Outcome
    target: Session | None = None  # the planned session it fills in (matched), or the one it repeats
    candidates: tuple[Session, ...] = ()  # planned sessions it could fill in instead


def activity_key(label: str, start: dt.datetime) -> str:
    """'Run|2012-01-26T17:11:00Z' for an aware start (kept in UTC); 'Strength|2021-02-10T16:46:13'
    for a log's local clock."""
    if start.tzinfo is not None:
        return f"{label}|{start.astimezone(dt.UTC):%Y-%m-%dT%H:%M:%S}Z"
    return f"{label}|{start:%Y-%m-%dT%H:%M:%S}"


def _parse_key(key: str) -> tuple[str, bool, dt.datetime] | None:
    label, sep, when = key.partition("|")
    if not sep:
        return None
    utc = when.endswith("Z")
    try:
        return label, utc, dt.datetime.fromisoformat(when.rstrip("Z"))
    except ValueError:
        return None


def same_activity(a: str, b: str) -> bool:
    pa, pb = _parse_key(a), _parse_key(b)
    if pa is None or pb is None:
        return a == b and bool(a)
    return pa[0] == pb[0] and pa[1] == pb[1] and abs((pa[2] - pb[2]).total_seconds()) <= SAME_START_S


def _minutes(t: dt.time) -> int:
    return t.hour * 60 + t.minute


def _distance(done: Session, planned: Session) -> tuple[int, int, int]:
    if done.time is not None and planned.time is not None:
        when = (0, abs(_minutes(done.time) - _minutes(planned.time)))
    else:
        when = (1, 0)
    return (*when, abs((done.actual_duration_min or 0) - planned.duration_min))


#: A planned session read from a FIT workout file keeps a key with this label, so that the file
#: imported again changes nothing; the activity that fills it in may still match it.
PLANNED_LABEL = "Workout"


def is_candidate(planned: Session, done: Session) -> bool:
    from_plan = not planned.source_key or planned.source_key.startswith(PLANNED_LABEL)
    return (planned.status is Status.PLANNED and from_plan and planned.kind is done.kind
            and done.status is Status.DONE and planned.date == done.date and planned.kind is not Kind.REST)


def decide(incoming: Sequence[Incoming], day: Callable[[dt.date], Sequence[Session]],
           match: bool = True) -> list[Decision]:
    """What each incoming activity does to the plan; `day` gives a date's sessions as stored."""
    cache: dict[dt.date, Sequence[Session]] = {}

    def on(d: dt.date) -> Sequence[Session]:
        if d not in cache:
            cache[d] = day(d)
        return cache[d]

    decisions: list[Decision | None] = [None] * len(incoming)
    seen: list[str] = []
    pairs: list[tuple[tuple[int, int, int], int, int, Session]] = []
    candidates: dict[int, tuple[Session, ...]] = {}
    for i, item in enumerate(incoming):
        s = item.session
        near = [x for k in (-1, 0, 1) for x in on(s.date + dt.timedelta(days=k))]
        twin = next((x for x in near if x.source_key and same_activity(x.source_key, s.source_key)), None)
        if twin is not None or any(same_activity(k, s.source_key) for k in seen):
            decisions[i] = Decision(item, Outcome.ALREADY, twin)
            continue
        seen.append(s.source_key)
        cands = tuple(x for x in on(s.date) if is_candidate(x, s)) if match else ()
        candidates[i] = cands
        for c in cands:
            pairs.append((_distance(s, c), i, c.id or 0, c))
    pairs.sort(key=lambda p: (p[0], p[1], p[2]))
    taken: set[int] = set()
    for _, i, cid, c in pairs:
        if decisions[i] is None and cid not in taken:
            taken.add(cid)
            decisions[i] = Decision(incoming[i], Outcome.MATCHED, c, candidates[i])
    return [d if d is not None else Decision(incoming[i], Outcome.ADDED, None, candidates.get(i, ()))
            for i, d in enumerate(decisions)]


def rematch(decisions: Sequence[Decision], index: int, target: Session | None) -> list[Decision]:
    """The user's choice for one row: fill in `target` (one of its candidates), or add it as a new
    session (None). A row that held `target` before becomes an added session."""
    out = list(decisions)
    d = out[index]
    if d.outcome is Outcome.ALREADY:
        raise ValueError("an activity already in the plan cannot be matched again")
    if target is None:
        out[index] = replace(d, outcome=Outcome.ADDED, target=None)
        return out
    if target.id not in {c.id for c in d.candidates}:
        raise ValueError(f"'{target.title}' on {target.date} is not a planned session of the same kind and day")
    for j, other in enumerate(out):
        if j != index and other.outcome is Outcome.MATCHED and other.target is not None \
                and other.target.id == target.id:
            out[j] = replace(other, outcome=Outcome.ADDED, target=None)
    out[index] = replace(d, outcome=Outcome.MATCHED, target=target)
    return out


def filled_in(planned: Session, done: Session) -> Session:
    """The planned session with what was done: planned values stay, actuals and status change."""
    return planned.replace(
        status=Status.DONE,
        time=planned.time or done.time,
        actual_duration_min=done.actual_duration_min,
        actual_distance_km=done.actual_distance_km if done.actual_distance_km is not None
        else planned.actual_distance_km,
        actual_rpe=planned.actual_rpe,
        avg_hr=done.avg_hr, max_hr=done.max_hr, ascent_m=done.ascent_m,
        actual_exercises=done.actual_exercises or done.exercises,
        source_key=done.source_key,
        estimated_rpe=done.estimated_rpe, effort_from=done.effort_from, trimp=done.trimp,
    )
