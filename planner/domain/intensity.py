"""The intensity words every rule, chart and card uses, defined once (DESIGN.md)."""

from __future__ import annotations

import re

from planner.domain.enums import Intensity, Kind, LiftFocus, RunType
from planner.domain.session import SessionContent

HARD_RPE = 7.0
MODERATE_RPE = 4.0
LONG_RUN_MIN = 75
HARD_RUN_TYPES = frozenset({RunType.TEMPO, RunType.INTERVALS, RunType.HILLS, RunType.RACE})
#: Near failure: RPE >= 9 or RIR <= 1 on the RIR-based scale (Zourdos 2016).
NEAR_FAILURE_RPE = 9.0
_BIG_LOWER_LIFT = re.compile(r"squat|deadlift|lunge|split squat|step-?up|leg press|hip thrust", re.I)


def is_hard(s: SessionContent) -> bool:
    """RPE >= 7, or a run of type tempo, intervals, hills or race."""
    return s.rpe >= HARD_RPE or (s.kind is Kind.RUN and s.type in HARD_RUN_TYPES)


def is_long_run(s: SessionContent) -> bool:
    return s.kind is Kind.RUN and (s.type == RunType.LONG or s.duration_min >= LONG_RUN_MIN)


def is_heavy_lower(s: SessionContent) -> bool:
    """A lower- or full-body lift at RPE >= 7, or big lower-body lifts taken near failure."""
    if s.kind is not Kind.LIFT:
        return False
    if s.type in (LiftFocus.LOWER, LiftFocus.FULL) and s.rpe >= HARD_RPE:
        return True
    return any(
        _BIG_LOWER_LIFT.search(e.name)
        and any((ws.effort_rpe or 0) >= NEAR_FAILURE_RPE for ws in e.working_sets)
        for e in s.exercises
    )


def intensity(s: SessionContent) -> Intensity:
    if s.kind is Kind.REST:
        return Intensity.EASY
    if is_hard(s) or is_heavy_lower(s):
        return Intensity.HARD
    return Intensity.MODERATE if s.rpe >= MODERATE_RPE else Intensity.EASY
