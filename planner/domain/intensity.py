"""The intensity words every rule, chart and card uses, defined once (DESIGN.md; Seiler 2010).

Two different things live here, side by side so nobody mixes them up:

- the *scale*: Foster's modified CR-10 anchor words for a session RPE ("5" reads "hard"), shown
  beside the number wherever a user rates a session (Foster C et al. J Strength Cond Res
  2001;15(1):109-115);
- the *class* a session gets: easy (RPE <= 4), moderate (5-6) or hard (>= 7, or a tempo, interval,
  hill or race run), built on Seiler's three zones (Seiler S. IJSPP 2010;5(3):276-291). Cards,
  rules and charts show the class; the scale word never stands in for it.

And the words the plan check's rules read, each defined here only: a *long run* (type long, or
90 min or more), a *key run* (hard or long), a *race* (a run of type race), *heavy lower body*
(judged from the working sets of lower-body exercises: set RPE >= 8, RIR <= 2 or, for a set
rated neither way, >= 80 % of a known 1RM, whatever the focus; session RPE >= 7 decides only when
no lower-body set carries an RPE, RIR or load to judge), a *hard day* (a key run or heavy lower
body) and a *recovery day*.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence

from planner.domain.enums import Intensity, Kind, LiftFocus, RunType
from planner.domain.session import Exercise, Session, SessionContent, WorkSet

HARD_RPE = 7.0
#: The highest session RPE still called easy; moderate is above it and below 7 (Seiler 2010).
EASY_MAX_RPE = 4.0
#: A long run: of type long, or this many minutes or more (DESIGN.md).
LONG_RUN_MIN = 90
HARD_RUN_TYPES = frozenset({RunType.TEMPO, RunType.INTERVALS, RunType.HILLS, RunType.RACE})
#: A heavy lower-body set: set RPE >= 8 on the RIR-based scale, i.e. 2 reps or fewer in reserve
#: (Zourdos 2016), or a load of 80 % of a known 1RM or more (app convention).
HEAVY_SET_RPE = 8.0
HEAVY_SHARE_1RM = 0.8
_LOWER_LIFT = re.compile(r"squat|deadlift|\brdl\b|lunge|step-?up|leg press|hip thrust|good morning|hack|thruster",
                         re.I)

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
    """A run of type long, or of 90 min or more."""
    return s.kind is Kind.RUN and (s.type == RunType.LONG or s.duration_min >= LONG_RUN_MIN)


def is_race(s: SessionContent) -> bool:
    return s.kind is Kind.RUN and s.type == RunType.RACE


def is_lower_body(e: Exercise) -> bool:
    """Squats, deadlifts, lunges, split squats and the like (by name, or a quads exercise)."""
    return bool(_LOWER_LIFT.search(e.name)) or "quads" in e.muscles


def is_heavy_lower(s: SessionContent, rpe: float | None = None,
                   one_rep_max: Mapping[str, float] | None = None) -> bool:
    """Heavy lower body (see the module's words); `rpe` overrides the planned session RPE (the
    actual one of a done session); `one_rep_max` gives known 1RMs in kg by exercise name."""
    maxes = {k.casefold(): v for k, v in (one_rep_max or {}).items()}
    return _heavy_lower(s.kind, s.type, s.rpe if rpe is None else rpe, s.exercises, maxes)


def _heavy_lower(kind: Kind, type_: str, rpe: float, exercises: Iterable[Exercise],
                 maxes: Mapping[str, float] | None = None) -> bool:
    """`maxes`: known 1RMs by casefolded exercise name."""
    if kind is not Kind.LIFT:
        return False
    maxes = maxes or {}
    lower = [e for e in exercises if is_lower_body(e)]
    verdicts = [v for e in lower for ws in e.working_sets
                if (v := _heavy_set(ws, maxes.get(e.name.casefold()))) is not None]
    if verdicts:
        return any(verdicts)
    return rpe >= HARD_RPE and (bool(lower) or type_ in (LiftFocus.LOWER, LiftFocus.FULL))


def _heavy_set(ws: WorkSet, one_rep_max: float | None) -> bool | None:
    """Whether a working set is heavy: by its RPE or RIR when it carries one (how hard the set was
    beats a share of an estimate), else by its load against a known 1RM; None when it carries
    nothing to judge."""
    effort = ws.effort_rpe
    if effort is not None:
        return effort >= HEAVY_SET_RPE
    if ws.load_kg and one_rep_max:
        return ws.load_kg / one_rep_max >= HEAVY_SHARE_1RM
    return None


def is_key_run(s: Session) -> bool:
    """A hard or long run (as done, or as planned until it is done): what heavy legs should keep
    away from."""
    return s.kind is Kind.RUN and (is_hard(s, s.effective_rpe) or is_long_run(s))


def is_hard_day(day: Sequence[Session], one_rep_max: Mapping[str, float] | None = None) -> bool:
    """A key run or a heavy lower-body lift (DESIGN.md). A hard upper-body or core lift is not."""
    return any(is_key_run(s) or heavy_legs(s, one_rep_max) for s in day)


def heavy_legs(s: Session, one_rep_max: Mapping[str, float] | None = None) -> bool:
    """Heavy lower body as done (or as planned, until it is done); `one_rep_max`: known 1RMs in kg by
    casefolded exercise name (planner/domain/one_rep_max.py)."""
    return _heavy_lower(s.kind, s.type, s.effective_rpe, s.effective_exercises, one_rep_max)


def is_recovery_day(day: Sequence[Session]) -> bool:
    """No session, or only rest, recovery, mobility or a recovery run."""
    return all(s.kind in (Kind.REST, Kind.RECOVERY, Kind.MOBILITY)
               or (s.kind is Kind.RUN and s.type == RunType.RECOVERY) for s in day)


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

