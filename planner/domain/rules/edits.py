"""What a fix does to the plan, said once (`fix_result`): the plan check tries the result on a copy
of the plan before suggesting the fix, and planner/services/fixes.py stores that same result as
one operation, so what was tried is what gets applied."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from planner.domain.enums import Kind, RunType
from planner.domain.intensity import EASY_MAX_RPE, is_long_run
from planner.domain.plan_edit import end_of_day, renumber
from planner.domain.rules.model import Fix, FixKind, is_open
from planner.domain.session import Exercise, Session, Template
from planner.domain.steps import scaled

#: A deload keeps about 60 % of the week's volume (Bosquet 2007 cut volume by 41-60 % in tapers;
#: the lighter week after 3-4 build weeks, Rogerson 2024).
DELOAD_SHARE = 0.6

Days = Mapping[dt.date, Sequence[Session]]


def easy_run(s: Session) -> Session:
    """The same run at easy effort (RPE 4 at most, Seiler 2010); a long run stays long."""
    long = is_long_run(s)
    title = s.title if long else "Easy run"
    return s.replace(type=RunType.LONG.value if long else RunType.EASY.value, rpe=min(s.rpe, EASY_MAX_RPE),
                     target="", title=title if title == s.title else f"{title} (was {s.title})"[:80],
                     steps=())  # its hard repetitions go: the watch must not ask for them


def shortened(s: Session, km: float) -> Session:
    old = s.distance_km or km
    minutes = max(1, round(s.duration_min * km / old)) if old else s.duration_min
    steps = scaled(s.steps, km / old) if old else s.steps  # the steps, where they tell it, set the time
    return s.replace(distance_km=km, duration_min=minutes, steps=steps)


def deloaded(s: Session, share: float = DELOAD_SHARE) -> Session:
    """`share` of the volume (about 60 %): minutes and distance, and working sets per exercise
    (rounded up)."""
    if s.kind is Kind.REST:
        return s
    minutes = max(1, round(s.duration_min * share))
    km = round(s.distance_km * share, 1) if s.distance_km else s.distance_km
    exercises = tuple(_fewer_sets(e, share) for e in s.exercises)
    title = s.title if s.title.endswith("(deload)") else f"{s.title} (deload)"[:80]
    return s.replace(duration_min=minutes, distance_km=km, exercises=exercises, title=title,
                     steps=scaled(s.steps, share))


def _fewer_sets(e: Exercise, share: float) -> Exercise:
    working = [i for i, ws in enumerate(e.sets) if not ws.warmup]
    keep = max(1, math.ceil(len(working) * share))
    drop = set(working[keep:])
    return dataclasses.replace(e, sets=tuple(ws for i, ws in enumerate(e.sets) if i not in drop))


def swapped(s: Session, t: Template) -> Session:
    """`s` replaced by the template's content, on the same day, slot and time."""
    new = t.to_session(s.date, s.position)
    return new.replace(id=s.id, time=s.time, status=s.status)


@dataclass(frozen=True, slots=True)
class FixResult:
    """What a fix does to the plan, as data: the sessions it replaces (`before`, as they are) and
    what takes their place (`after`; new sessions have no id). The plan check reads it on a copy
    (`simulate`) and planner/services/fixes.py stores exactly it as one operation."""

    before: tuple[Session, ...]
    after: tuple[Session, ...]

    def dates(self) -> set[dt.date]:
        return {s.date for s in self.before} | {s.date for s in self.after}


class Plan(Protocol):
    """The plan as a fix reads it: the plan check's days, or the store (planner/services/fixes.py)."""

    def day(self, date: dt.date) -> Sequence[Session]:
        """The day's sessions in the day's order."""
        ...

    def session(self, id: int) -> Session | None: ...


def fix_result(fix: Fix, plan: Plan, templates: Sequence[Template],
               today: dt.date | None = None) -> FixResult | None:
    """The one description of every fix kind. None when a session the fix names is gone or the
    fix lacks what its kind needs (then nothing changes)."""
    chosen = [plan.session(i) for i in fix.session_ids]
    if None in chosen:
        return None
    return _result(fix, [s for s in chosen if s is not None], plan, templates, today)


def _result(fix: Fix, chosen: list[Session], plan: Plan, templates: Sequence[Template],
            today: dt.date | None) -> FixResult | None:
    k = fix.kind
    if k is FixKind.MOVE and fix.date is not None and chosen:
        return _moved(chosen, fix.date, plan)
    if k is FixKind.MAKE_EASY and chosen:
        return FixResult(tuple(chosen), tuple(easy_run(s) for s in chosen))
    if k is FixKind.SHORTEN and fix.distance_km is not None and chosen:
        km = fix.distance_km
        return FixResult(tuple(chosen), tuple(shortened(s, km) for s in chosen))
    if k is FixKind.SWAP_UPPER and chosen:
        t = _template(templates, fix.template_id)
        return FixResult(tuple(chosen), tuple(swapped(s, t) for s in chosen))
    if k in ADD_KINDS and fix.date is not None:
        t = _template(templates, fix.template_id)
        return FixResult((), (t.to_session(fix.date, end_of_day(plan.day(fix.date))),))
    if k is FixKind.DELOAD and fix.date is not None:
        week = [s for i in range(7) for s in plan.day(fix.date + dt.timedelta(days=i)) if is_open(s, today)]
        return FixResult(tuple(week), tuple(deloaded(s, fix.share) for s in week))
    if k is FixKind.REORDER and len(chosen) == 2 and chosen[0].date == chosen[1].date:
        a, b = chosen
        return FixResult((a, b), (a.replace(position=b.position, time=b.time),
                                  b.replace(position=a.position, time=a.time)))
    return None


ADD_KINDS = frozenset({FixKind.ADD_MOBILITY, FixKind.ADD_LIFT, FixKind.ADD_RUN})


def _moved(chosen: list[Session], date: dt.date, plan: Plan) -> FixResult:
    """The sessions appended to `date` (times kept); the days they leave renumbered."""
    ids = {s.id for s in chosen}
    days = sorted({s.date for s in chosen} | {date})
    before = [s for d in days for s in plan.day(d)]
    target = [s for s in plan.day(date) if s.id not in ids]
    after = list(renumber(target)) + [s.replace(date=date, position=len(target) + i) for i, s in enumerate(chosen)]
    for d in days:
        if d != date:
            after += renumber([s for s in plan.day(d) if s.id not in ids])
    return FixResult(tuple(before), tuple(after))


def simulate(days: Days, fix: Fix, templates: Sequence[Template],
             today: dt.date | None = None) -> dict[dt.date, list[Session]]:
    """The days after `fix`, for the plan check to re-read: `fix_result` applied to a copy."""
    out = {d: list(ss) for d, ss in days.items()}
    result = fix_result(fix, PlanDays(days), templates, today)
    if result is None:
        return out
    gone = {s.id for s in result.before if s.id is not None}
    for d in result.dates():
        kept = [s for s in out.get(d, []) if s.id is None or s.id not in gone]
        out[d] = sorted([*kept, *(s for s in result.after if s.date == d)], key=lambda s: s.position)
    return out


class PlanDays:
    """A plan held as days (the plan check's window), read the way `fix_result` reads it."""

    def __init__(self, days: Days) -> None:
        self._days = days
        self._by_id = {s.id: s for ss in days.values() for s in ss if s.id is not None}

    def day(self, date: dt.date) -> Sequence[Session]:
        return self._days.get(date, ())

    def session(self, id: int) -> Session | None:
        return self._by_id.get(id)


def _template(templates: Sequence[Template], id: str) -> Template:
    for t in templates:
        if t.id == id:
            return t
    raise KeyError(f"no template {id!r}")
