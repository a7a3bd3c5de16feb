"""The fixes each rule offers, as candidates: the plan check tries each on a copy of the plan
(engine.works) before it offers it. Registered with their rule in registry.py."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

from planner.domain.enums import Intensity, Kind, LiftFocus, MobilityType
from planner.domain.intensity import intensity, is_hard, is_long_run
from planner.domain.rules import load_rules, running, weekly
from planner.domain.rules.model import Finding, Fix, FixKind, PlanWindow
from planner.domain.rules.timing import day_text
from planner.domain.rules.weekly import GoalGap
from planner.domain.session import Session, Template

DAY = dt.timedelta(days=1)


def _moves(s: Session, w: PlanWindow, offsets: Sequence[int]) -> list[Fix]:
    if not w.editable(s):
        return []
    out = []
    for k in offsets:
        d = s.date + k * DAY
        if w.today is not None and d < w.today:
            continue
        out.append(Fix(FixKind.MOVE, f"Move '{s.title}' to {day_text(d)}", (s.id or 0,), d))
    return out


def _easy(runs: Sequence[Session], w: PlanWindow) -> list[Fix]:
    runs = [r for r in runs if w.editable(r) and r.kind is Kind.RUN and is_hard(r) and not is_long_run(r)]
    if not runs:
        return []
    what = f"'{runs[0].title}'" if len(runs) == 1 else f"{len(runs)} runs"
    return [Fix(FixKind.MAKE_EASY, f"Make {what} an easy run (RPE 4)", tuple(r.id or 0 for r in runs))]


def heavy_then_run(f: Finding, ss: list[Session], w: PlanWindow) -> list[Fix]:
    if len(ss) != 2:
        return []
    lift, run = ss
    return [*_easy([run], w), *_moves(lift, w, (-1, -2, 1, 2, -3, 3)), *_moves(run, w, (1, 2, -1))]


def run_then_heavy(f: Finding, ss: list[Session], w: PlanWindow) -> list[Fix]:
    if len(ss) != 2:
        return []
    run, lift = ss
    out: list[Fix] = []
    t = _template(w, Kind.LIFT, (LiftFocus.UPPER, LiftFocus.CORE))
    if t is not None and w.editable(lift):
        out.append(Fix(FixKind.SWAP_UPPER, f"Swap '{lift.title}' for '{t.title}'", (lift.id or 0,),
                       template_id=t.id))
    return out + _moves(lift, w, (1, 2, -2, 3, -3))


def back_to_back(f: Finding, ss: list[Session], w: PlanWindow) -> list[Fix]:
    later = [s for s in ss if s.date == f.dates[-1]]
    earlier = [s for s in ss if s.date == f.dates[0]]
    return [*_easy(later, w), *_easy(earlier, w), *[m for s in later for m in _moves(s, w, (1, 2))],
            *[m for s in earlier for m in _moves(s, w, (-1, -2))]]


def same_day(f: Finding, ss: list[Session], w: PlanWindow) -> list[Fix]:
    if len(ss) != 2 or not all(w.editable(s) for s in ss):
        return []
    a, b = ss
    run = a if a.kind is Kind.RUN else b
    return [Fix(FixKind.REORDER, f"Do '{b.title}' first, then '{a.title}'", (a.id or 0, b.id or 0)),
            *_easy([run], w), *_moves(b, w, (1, 2)), *_moves(a, w, (-1, -2))]


def move_later_lift(f: Finding, ss: list[Session], w: PlanWindow) -> list[Fix]:
    """Heavy legs too soon after a key run: to a day away from it."""
    return _moves(ss[1], w, (-1, -2, 2, 3)) if len(ss) == 2 else []


def no_recovery(f: Finding, ss: list[Session], w: PlanWindow) -> list[Fix]:
    days = sorted(f.dates[1:-1], key=lambda d: (w.hard_day(w.on(d)), sum(s.rpe * s.duration_min for s in w.on(d))))
    out: list[Fix] = []
    for d in days[:2]:
        sessions = w.on(d)
        if not sessions or not all(w.editable(s) for s in sessions):
            continue
        for k in (-1, 1):
            target = d + k * DAY
            if w.today is not None and target < w.today:
                continue
            what = f"'{sessions[0].title}'" if len(sessions) == 1 else f"the {len(sessions)} sessions"
            out.append(Fix(FixKind.MOVE, f"Move {what} of {day_text(d)} to {day_text(target)}, "
                                         f"making {day_text(d)} a rest day", tuple(s.id or 0 for s in sessions),
                           target))
    return out


def shorten_comeback(f: Finding, ss: list[Session], w: PlanWindow) -> list[Fix]:
    if not ss or not w.editable(ss[0]) or not ss[0].distance_km:
        return []
    run, km = ss[0], ss[0].distance_km
    brk = running.break_before(w, run.date)
    cap = brk.limit_km if brk is not None else running.COMEBACK_KM
    if run.duration_min * cap / km > running.COMEBACK_MIN:
        cap = math.floor(10 * km * running.COMEBACK_MIN / run.duration_min) / 10
    return [Fix(FixKind.SHORTEN, f"Shorten '{run.title}' to {cap:g} km", (run.id or 0,), distance_km=cap)]


def shorten_spike(f: Finding, ss: list[Session], w: PlanWindow) -> list[Fix]:
    if not ss or not w.editable(ss[0]):
        return []
    run = ss[0]
    prev = max((s.effective_distance_km or 0.0 for k in range(1, 31) for s in w.on(run.date - k * DAY)
                if s.kind is Kind.RUN), default=0.0)
    cap = running._cap(prev)
    return [Fix(FixKind.SHORTEN, f"Shorten '{run.title}' to {cap:g} km", (run.id or 0,), distance_km=cap)]


def _light_days(w: PlanWindow, first: dt.date) -> list[dt.date]:
    days = [first + k * DAY for k in range(7) if w.today is None or first + k * DAY >= w.today]
    return sorted(days, key=lambda d: (w.hard_day(w.on(d)) or w.hard_day(w.on(d + DAY)),
                                       sum(s.rpe * s.duration_min for s in w.on(d)), d))


def _add(kind: FixKind, t: Template | None, w: PlanWindow, first: dt.date, n: int = 3) -> list[Fix]:
    if t is None:
        return []
    return [Fix(kind, f"Add '{t.title}' on {day_text(d)}", (), d, template_id=t.id) for d in _light_days(w, first)[:n]]


def add_mobility(f: Finding, ss: list[Session], w: PlanWindow) -> list[Fix]:
    t = _template(w, Kind.MOBILITY, (MobilityType.MOBILITY, MobilityType.YOGA))
    return _add(FixKind.ADD_MOBILITY, t, w, f.dates[0], 1)


def goal_gap(f: Finding, ss: list[Session], w: PlanWindow) -> list[Fix]:
    first = f.dates[0]
    week = [s for d in w.days(first, first + 6 * DAY) for s in w.on(d)]
    gap = f.variant
    if gap is GoalGap.HARD_RUNS:
        hard = [s for s in week if s.kind is Kind.RUN and intensity(s, s.effective_rpe) is Intensity.HARD]
        return _easy(hard[1:], w)
    if gap is GoalGap.RUN_BEFORE_HEAVY_LEGS:
        runs = [s for s in week if s.kind is Kind.RUN and any(w.heavy_legs(x) for x in w.on(s.date + DAY))]
        return [m for r in runs[:1] for m in _moves(r, w, (1, 2, -1))]
    if gap is GoalGap.NO_RUNNING:
        return _add(FixKind.ADD_RUN, _template(w, Kind.RUN, ("easy",)), w, first)
    if gap is GoalGap.NO_CALF:
        return _add(FixKind.ADD_LIFT, _template(w, Kind.LIFT, (LiftFocus.LOWER,), "calf"), w, first)
    if gap in (GoalGap.NO_POSTERIOR, GoalGap.FEW_LIFTS):
        return _add(FixKind.ADD_LIFT, _template(w, Kind.LIFT, (LiftFocus.LOWER,), "posterior"), w, first)
    if gap is GoalGap.NO_LIFTING:
        return _add(FixKind.ADD_LIFT, _template(w, Kind.LIFT, (LiftFocus.FULL, LiftFocus.UPPER)), w, first)
    return []


def ease_balance(f: Finding, ss: list[Session], w: PlanWindow) -> list[Fix]:
    first, last = f.dates
    runs = [s for d in w.days(last - 13 * DAY, last) for s in w.on(d) if s.kind is Kind.RUN and s.type != "race"]
    total = sum(s.effective_duration_min for s in runs)
    above = sum(s.effective_duration_min for s in runs if intensity(s, s.effective_rpe) is not Intensity.EASY)
    # moderate runs first (a long run at RPE 5 becomes an easy long run), the hardest sessions last
    pick = sorted((s for s in runs if s.date >= first and w.editable(s) and intensity(s) is not Intensity.EASY),
                  key=lambda s: (is_hard(s), s.rpe, -s.duration_min))
    chosen: list[Session] = []
    for s in pick:
        if above <= weekly.ABOVE_EASY_SHARE * total:
            break
        chosen.append(s)
        above -= s.duration_min
    if above > weekly.ABOVE_EASY_SHARE * total or not chosen:
        return []
    what = f"'{chosen[0].title}'" if len(chosen) == 1 else f"{len(chosen)} runs"
    return [Fix(FixKind.MAKE_EASY, f"Make {what} easy (RPE 4)", tuple(s.id or 0 for s in chosen))]


def deload_this_week(f: Finding, ss: list[Session], w: PlanWindow) -> list[Fix]:
    return [_deload(f.dates[0], load_rules.deload_share(w.history, f.dates[0]))]


def deload_next_week(f: Finding, ss: list[Session], w: PlanWindow) -> list[Fix]:
    return [_deload(weekly.week_of(f.day + 7 * DAY), load_rules.DELOAD_SHARE)]


def _deload(first: dt.date, share: float) -> Fix:
    return Fix(FixKind.DELOAD, f"Make the week of {day_text(first)} a deload ({round(100 * share)} % of its "
               f"planned volume)", (), first, share=share)


def _template(w: PlanWindow, kind: Kind, types: Sequence[str], word: str = "") -> Template | None:
    """The library entry a fix adds or swaps in: of `kind` and one of `types` (in that order of
    preference), whose id has `word` when given; the shortest such."""
    for t_type in types:
        found = [t for t in w.templates if t.kind is kind and t.type == t_type and word in t.id
                 and (kind is not Kind.LIFT or t.type != LiftFocus.LOWER or word or t.rpe < 7)]
        if found:
            return min(found, key=lambda t: (t.duration_min, t.id))
    return None
