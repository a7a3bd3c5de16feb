"""The intensity words every rule, chart and card uses, defined once (DESIGN.md)."""

from __future__ import annotations

import re

from planner.domain.enums import Intensity, Kind, LiftFocus, RunType
from planner.domain.session import SessionContent

HARD_RPE = 7.0
#: Easy is session RPE <= 4, moderate 5-6 (4.5 included), hard >= 7 (SCIENCE.md §9).
EASY_MAX_RPE = 4.0
LONG_RUN_MIN = 75
HARD_RUN_TYPES = frozenset({RunType.TEMPO, RunType.INTERVALS, RunType.HILLS, RunType.RACE})
#: Near failure: RPE >= 9 or RIR <= 1 on the RIR-based scale (Zourdos 2016).
NEAR_FAILURE_RPE = 9.0
_BIG_LOWER_LIFT = re.compile(r"squat|deadlift|lunge|split squat|step-?up|leg press|hip thrust", re.I)


def is_hard(s: SessionContent, rpe: float | None = None) -> bool:
    """RPE >= 7, or a run of type tempo, intervals, hills or race.

    `rpe` overrides the planned session RPE, e.g. with the actual one of a done session.
    """
    return (s.rpe if rpe is None else rpe) >= HARD_RPE or (s.kind is Kind.RUN and s.type in HARD_RUN_TYPES)


def is_long_run(s: SessionContent) -> bool:
    return s.kind is Kind.RUN and (s.type == RunType.LONG or s.duration_min >= LONG_RUN_MIN)


def is_heavy_lower(s: SessionContent, rpe: float | None = None) -> bool:
    """A lower- or full-body lift at RPE >= 7, or big lower-body lifts taken near failure."""
    if s.kind is not Kind.LIFT:
        return False
    if s.type in (LiftFocus.LOWER, LiftFocus.FULL) and (s.rpe if rpe is None else rpe) >= HARD_RPE:
        return True
    return any(
        _BIG_LOWER_LIFT.search(e.name)
        and any((ws.effort_rpe or 0) >= NEAR_FAILURE_RPE for ws in e.working_sets)
        for e in s.exercises
    )


def intensity(s: SessionContent, rpe: float | None = None) -> Intensity:
    """The session's class; `rpe` overrides the planned session RPE (the load engine passes the
    actual one of a done session)."""
    rpe = s.rpe if rpe is None else rpe
    if s.kind is Kind.REST:
        return Intensity.EASY
    if is_hard(s, rpe) or is_heavy_lower(s, rpe):
        return Intensity.HARD
    return Intensity.MODERATE if rpe > EASY_MAX_RPE else Intensity.EASY
