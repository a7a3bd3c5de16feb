"""A small language for plan-check tests: sessions with their day, time and effort written out."""

from __future__ import annotations

import datetime as dt
import itertools

from planner.domain.enums import Experience, Goal, Status, WeekStart
from planner.domain.load_history import LoadHistory
from planner.domain.profile import Profile, ReadinessEntry
from planner.domain.rules import PlanWindow, check
from planner.domain.session import Exercise, Session, Template, WorkSet

MON = dt.date(2026, 11, 23)  # a Monday
DAYS = {name: MON + dt.timedelta(days=i) for i, name in enumerate(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))}
_ids = itertools.count(1)

TEMPLATES = (
    Template(id="upper-push", kind="lift", type="upper", title="Upper body push", duration_min=50, rpe=7,
             exercises=(Exercise("Bench press", (WorkSet(5, 60, 8),) * 4, ("chest", "triceps")),)),
    Template(id="hip-mobility", kind="mobility", type="mobility", title="Hip mobility", duration_min=20, rpe=2),
    Template(id="easy-run", kind="run", type="easy", title="Easy run", duration_min=45, rpe=3, distance_km=8),
    Template(id="posterior-chain", kind="lift", type="lower", title="Posterior chain", duration_min=55, rpe=7,
             exercises=(Exercise("Romanian deadlift", (WorkSet(8, 80, rir=2),) * 3, ("hamstrings", "glutes")),)),
    Template(id="calf-ankle", kind="lift", type="lower", title="Calf and ankle strength", duration_min=30, rpe=6,
             exercises=(Exercise("Standing calf raise", (WorkSet(12, 40, rir=2),) * 3, ("calves",)),)),
)


def day(d: str | dt.date, weeks: int = 0) -> dt.date:
    base = DAYS[d] if isinstance(d, str) else d
    return base + dt.timedelta(weeks=weeks)


def at(hhmm: str | None) -> dt.time | None:
    return dt.time.fromisoformat(hhmm) if hhmm else None


def run(d: str | dt.date, type: str = "easy", minutes: int = 45, rpe: float = 3, time: str | None = None,
        km: float | None = None, weeks: int = 0, title: str = "", **kw) -> Session:
    return Session(kind="run", type=type, title=title or f"{type.title()} run", duration_min=minutes, rpe=rpe,
                   distance_km=km, date=day(d, weeks), time=at(time), id=next(_ids), **kw)


def heavy_legs(d: str | dt.date, time: str | None = None, minutes: int = 60, rpe: float = 8, weeks: int = 0,
               **kw) -> Session:
    return Session(kind="lift", type="lower", title="Heavy lower body", duration_min=minutes, rpe=rpe,
                   exercises=(Exercise("Back squat", (WorkSet(5, 100, 8),) * 4, ("quads", "glutes")),),
                   date=day(d, weeks), time=at(time), id=next(_ids), **kw)


def lift(d: str | dt.date, type: str = "upper", rpe: float = 7, minutes: int = 50, time: str | None = None,
         weeks: int = 0, exercises: tuple[Exercise, ...] = (), title: str = "", **kw) -> Session:
    return Session(kind="lift", type=type, title=title or f"{type.title()} body", duration_min=minutes, rpe=rpe,
                   exercises=exercises, date=day(d, weeks), time=at(time), id=next(_ids), **kw)


def other(d: str | dt.date, kind: str = "mobility", type: str = "", minutes: int = 20, rpe: float = 2,
          weeks: int = 0, **kw) -> Session:
    return Session(kind=kind, type=type, title=kind.title(), duration_min=minutes, rpe=rpe, date=day(d, weeks),
                   id=next(_ids), **kw)


def done(s: Session, rpe: float) -> Session:
    return s.replace(status=Status.DONE, actual_rpe=rpe, actual_duration_min=s.duration_min)


def window(sessions: list[Session], goal: Goal = Goal.BALANCED, experience: Experience = Experience.SOME,
           first: dt.date = MON, last: dt.date | None = None, readiness: list[ReadinessEntry] = (),
           history: bool = False, today: dt.date | None = None, week_start: WeekStart = WeekStart.MON) -> PlanWindow:
    days: dict[dt.date, list[Session]] = {}
    for s in sessions:
        days.setdefault(s.date, []).append(s.replace(position=len(days.get(s.date, []))) if s.position == 0 else s)
    h = None
    if history:
        h = LoadHistory(week_start)
        h.load(sessions, today=today or last or first + dt.timedelta(days=6))
    return PlanWindow(first, last or first + dt.timedelta(days=6), days,
                      Profile(goal=goal, experience=experience, week_start=week_start),
                      {e.date: e for e in readiness}, h, today, TEMPLATES)


def found(sessions: list[Session], rule: str, **kw) -> list:
    return [f for f in check(window(sessions, **kw)) if f.rule == rule]
