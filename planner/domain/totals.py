"""What a set of sessions (usually one week) adds up to: counts, running volume, lifting tonnage.

Used by the `report` command and the calendar's totals strip, so both show the same numbers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from planner.domain.enums import Kind, Status
from planner.domain.session import Session


@dataclass(frozen=True, slots=True)
class WeekTotals:
    """Counts cover every session; volumes count what was done or is still planned.

    Volumes use effective values (the actual duration and distance once a session is done) and
    leave skipped sessions out: a skipped run added no kilometres. Tonnage is sets x reps x load
    over working sets only; warm-up and bodyweight sets count zero (McBride 2009).
    """

    sessions: int = 0
    planned: int = 0
    done: int = 0
    skipped: int = 0
    run_sessions: int = 0
    run_km: float = 0.0
    run_min: int = 0
    lift_sessions: int = 0
    lift_min: int = 0
    lift_tonnage_kg: float = 0.0
    total_min: int = 0


def counts_toward_volume(s: Session) -> bool:
    return s.status is not Status.SKIPPED


def week_totals(sessions: Iterable[Session]) -> WeekTotals:
    sessions = list(sessions)
    by_status = {st: sum(1 for s in sessions if s.status is st) for st in Status}
    active = [s for s in sessions if counts_toward_volume(s)]
    runs = [s for s in active if s.kind is Kind.RUN]
    lifts = [s for s in active if s.kind is Kind.LIFT]
    return WeekTotals(
        sessions=len(sessions),
        planned=by_status[Status.PLANNED],
        done=by_status[Status.DONE],
        skipped=by_status[Status.SKIPPED],
        run_sessions=len(runs),
        run_km=_round(sum(s.effective_distance_km or 0.0 for s in runs)),
        run_min=sum(s.effective_duration_min for s in runs),
        lift_sessions=len(lifts),
        lift_min=sum(s.effective_duration_min for s in lifts),
        # Any session's exercises count (a HYROX "other" session may carry sled pushes).
        lift_tonnage_kg=_round(sum(s.tonnage_kg for s in active)),
        total_min=sum(s.effective_duration_min for s in active),
    )


def _round(x: float) -> float:
    """Two decimals: enough for km and kg, and no float noise like 10.299999999 in a report."""
    return round(x, 2) + 0.0  # + 0.0 turns -0.0 into 0.0


def planned_totals(sessions: Iterable[Session]) -> WeekTotals:
    """The plan as it was made: planned values of every session, skipped and done ones included."""
    sessions = list(sessions)
    runs = [s for s in sessions if s.kind is Kind.RUN]
    lifts = [s for s in sessions if s.kind is Kind.LIFT]
    return WeekTotals(
        sessions=len(sessions),
        planned=len(sessions),
        run_sessions=len(runs),
        run_km=_round(sum(s.distance_km or 0.0 for s in runs)),
        run_min=sum(s.duration_min for s in runs),
        lift_sessions=len(lifts),
        lift_min=sum(s.duration_min for s in lifts),
        lift_tonnage_kg=_round(sum(s.tonnage_kg for s in sessions)),
        total_min=sum(s.duration_min for s in sessions),
    )


def done_totals(sessions: Iterable[Session]) -> WeekTotals:
    """What was done: the actual values of done sessions only."""
    return week_totals(s for s in sessions if s.status is Status.DONE)
