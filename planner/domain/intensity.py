"""The intensity words every rule, chart and card uses, defined once (DESIGN.md; Seiler 2010).

Two different things live here, side by side so nobody mixes them up:

- the *scale*: Foster's modified CR-10 anchor words for a session RPE ("5" reads "hard"), shown
  beside the number wherever a user rates a session (Foster C et al. J Strength Cond Res
  2001;15(1):109-115);
- the *class* a session gets: easy (RPE <= 4), moderate (5-6) or hard (>= 7, or a tempo, interval,
  hill or race run), built on Seiler's three zones (Seiler S. IJSPP 2010;5(3):276-291). Cards,
  rules and charts show the class; the scale word never stands in for it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from planner.domain.enums import Intensity, Kind, LiftFocus, RunType
from planner.domain.session import Exercise, SessionContent

HARD_RPE = 7.0
#: The highest session RPE still called easy; moderate is above it and below 7 (Seiler 2010).
EASY_MAX_RPE = 4.0
LONG_RUN_MIN = 75
HARD_RUN_TYPES = frozenset({RunType.TEMPO, RunType.INTERVALS, RunType.HILLS, RunType.RACE})
#: Near failure: RPE >= 9 or RIR <= 1 on the RIR-based scale (Zourdos 2016).
NEAR_FAILURE_RPE = 9.0
_BIG_LOWER_LIFT = re.compile(r"squat|deadlift|lunge|split squat|step-?up|leg press|hip thrust", re.I)

#: Foster 2001 modified CR-10 anchors; 6, 8 and 9 carry no word on the published scale.
CR10_ANCHORS: dict[int, str] = {
    0: "rest",
    1: "very, very easy",
    2: "easy",
    3: "moderate",
    4: "somewhat hard",
    5: "hard",
    7: "very hard",
    10: "maximal",
}


def cr10_anchor(value: float) -> str:
    """The scale's word for `value`, or "A to B" for the points the scale leaves unnamed."""
    value = float(value)
    if math.isnan(value) or not 0 <= value <= 10:
        return ""
    if value.is_integer() and int(value) in CR10_ANCHORS:
        return CR10_ANCHORS[int(value)]
    below = max(k for k in CR10_ANCHORS if k <= value)
    above = min(k for k in CR10_ANCHORS if k > value)
    return f"{CR10_ANCHORS[below]} to {CR10_ANCHORS[above]}"


def rpe_class(rpe: float) -> Intensity:
    """The class a session RPE alone gives: easy <= 4, moderate above 4 and below 7, hard >= 7."""
    if rpe >= HARD_RPE:
        return Intensity.HARD
    return Intensity.MODERATE if rpe > EASY_MAX_RPE else Intensity.EASY


def is_hard(s: SessionContent, rpe: float | None = None) -> bool:
    """RPE >= 7, or a run of type tempo, intervals, hills or race.

    `rpe` overrides the planned session RPE, e.g. with the actual one of a done session.
    """
    return _hard(s.kind, s.type, s.rpe if rpe is None else rpe)


def _hard(kind: Kind, type_: str, rpe: float) -> bool:
    return rpe >= HARD_RPE or (kind is Kind.RUN and type_ in HARD_RUN_TYPES)


def is_long_run(s: SessionContent) -> bool:
    return s.kind is Kind.RUN and (s.type == RunType.LONG or s.duration_min >= LONG_RUN_MIN)


def is_heavy_lower(s: SessionContent, rpe: float | None = None) -> bool:
    """A lower- or full-body lift at RPE >= 7, or big lower-body lifts taken near failure."""
    return _heavy_lower(s.kind, s.type, s.rpe if rpe is None else rpe, s.exercises)


def _heavy_lower(kind: Kind, type_: str, rpe: float, exercises: Iterable[Exercise]) -> bool:
    if kind is not Kind.LIFT:
        return False
    if type_ in (LiftFocus.LOWER, LiftFocus.FULL) and rpe >= HARD_RPE:
        return True
    return any(
        _BIG_LOWER_LIFT.search(e.name)
        and any((ws.effort_rpe or 0) >= NEAR_FAILURE_RPE for ws in e.working_sets)
        for e in exercises
    )


def classify(kind: Kind, type_: str, rpe: float, exercises: Iterable[Exercise] = ()) -> Intensity:
    """The class of a session with these fields: hard types and heavy lower-body lifts are hard
    whatever their RPE; otherwise the RPE decides (`rpe_class`). For an editor that has no
    session object yet."""
    if kind is Kind.REST:
        return Intensity.EASY
    if _hard(kind, type_, rpe) or _heavy_lower(kind, type_, rpe, exercises):
        return Intensity.HARD
    return rpe_class(rpe)


def intensity(s: SessionContent, rpe: float | None = None) -> Intensity:
    """The session's class (the card's badge); `rpe` overrides the planned session RPE (the load
    engine passes the actual one of a done session)."""
    return classify(s.kind, s.type, s.rpe if rpe is None else rpe, s.exercises)

