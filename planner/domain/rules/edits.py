"""The session changes a fix makes, as pure functions: the plan check simulates a fix with them
before suggesting it, and planner/services/fixes.py applies the same ones to the store."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections.abc import Mapping, Sequence

from planner.domain.enums import Kind, RunType
from planner.domain.intensity import EASY_MAX_RPE, is_long_run
from planner.domain.plan_edit import end_of_day
from planner.domain.rules.model import Fix, FixKind
from planner.domain.session import Exercise, Session, Template

#: A deload keeps about 60 % of the week's volume (Bosquet 2007 cut volume by 41-60 % in tapers;
#: the lighter week after 3-4 build weeks, Rogerson 2024).
DELOAD_SHARE = 0.6

Days = Mapping[dt.date, Sequence[Session]]


def easy_run(s: Session) -> Session:
    """The same run at easy effort (RPE 4 at most, Seiler 2010); a long run stays long."""
    long = is_long_run(s)
    title = s.title if long else "Easy run"
    return s.replace(type=RunType.LONG.value if long else RunType.EASY.value, rpe=min(s.rpe, EASY_MAX_RPE),
                     target="", title=title if title == s.title else f"{title} (was {s.title})"[:80])


def shortened(s: Session, km: float) -> Session:
    old = s.distance_km or km
    minutes = max(1, round(s.duration_min * km / old)) if old else s.duration_min
    return s.replace(distance_km=km, duration_min=minutes)


def deloaded(s: Session, share: float = DELOAD_SHARE) -> Session:
    """`share` of the volume (about 60 %): minutes and distance, and working sets per exercise
    (rounded up)."""
    if s.kind is Kind.REST:
        return s
    minutes = max(1, round(s.duration_min * share))
    km = round(s.distance_km * share, 1) if s.distance_km else s.distance_km
    exercises = tuple(_fewer_sets(e, share) for e in s.exercises)
    title = s.title if s.title.endswith("(deload)") else f"{s.title} (deload)"[:80]
    return s.replace(duration_min=minutes, distance_km=km, exercises=exercises, title=title)


def _fewer_sets(e: Exercise, share: float) -> Exercise:
    working = [i for i, ws in enumerate(e.sets) if not ws.warmup]
    keep = max(1, math.ceil(len(working) * share))
    drop = set(working[keep:])
    return dataclasses.replace(e, sets=tuple(ws for i, ws in enumerate(e.sets) if i not in drop))


def swapped(s: Session, t: Template) -> Session:
    """`s` replaced by the template's content, on the same day, slot and time."""
    new = t.to_session(s.date, s.position)
    return new.replace(id=s.id, time=s.time, status=s.status)


def simulate(days: Days, fix: Fix, templates: Sequence[Template],
             today: dt.date | None = None) -> dict[dt.date, list[Session]]:
    """The days after `fix`, for the plan check to re-read (ids of new sessions stay None)."""
    out = {d: list(ss) for d, ss in days.items()}
    by_id = {s.id: s for ss in days.values() for s in ss if s.id is not None}
    chosen = [by_id[i] for i in fix.session_ids if i in by_id]

    def put(s: Session) -> None:
        day = out.setdefault(s.date, [])
        for i, x in enumerate(day):
            if x.id is not None and x.id == s.id:
                day[i] = s
                return
        day.append(s)

    def remove(s: Session) -> None:
        out[s.date] = [x for x in out.get(s.date, []) if x.id != s.id]

    k = fix.kind
    if k is FixKind.MOVE and fix.date is not None:
        for s in chosen:
            remove(s)
        for s in chosen:
            put(s.replace(date=fix.date, position=end_of_day(out.get(fix.date, []))))
    elif k is FixKind.MAKE_EASY:
        for s in chosen:
            put(easy_run(s))
    elif k is FixKind.SHORTEN and fix.distance_km is not None:
        for s in chosen:
            put(shortened(s, fix.distance_km))
    elif k is FixKind.SWAP_UPPER:
        t = _template(templates, fix.template_id)
        for s in chosen:
            put(swapped(s, t))
    elif k in (FixKind.ADD_MOBILITY, FixKind.ADD_LIFT, FixKind.ADD_RUN) and fix.date is not None:
        t = _template(templates, fix.template_id)
        put(t.to_session(fix.date, end_of_day(out.get(fix.date, []))))
    elif k is FixKind.DELOAD and fix.date is not None:
        for i in range(7):
            d = fix.date + dt.timedelta(days=i)
            out[d] = [deloaded(s, fix.share) if _open(s, today) else s for s in out.get(d, [])]
    elif k is FixKind.REORDER and len(chosen) == 2:
        a, b = chosen
        put(a.replace(position=b.position, time=b.time))
        put(b.replace(position=a.position, time=a.time))
        out[a.date].sort(key=lambda s: s.position)
    return out


def _open(s: Session, today: dt.date | None) -> bool:
    return s.status.value == "planned" and (today is None or s.date >= today)


def _template(templates: Sequence[Template], id: str) -> Template:
    for t in templates:
        if t.id == id:
            return t
    raise KeyError(f"no template {id!r}")
