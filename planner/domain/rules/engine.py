"""The plan check: every rule over a window of days, and fixes that were tried before they are offered.

A fix is suggested only if, applied to a copy of the plan (edits.simulate), the finding it
addresses is gone and no new warning or alert appears among the session rules.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import replace

from planner.domain.enums import Goal, Intensity, Kind, LiftFocus, MobilityType
from planner.domain.intensity import intensity, is_hard, is_long_run
from planner.domain.rules import load_rules, readiness, sequencing, weekly
from planner.domain.rules.edits import simulate
from planner.domain.rules.model import Finding, Fix, FixKind, PlanWindow, Severity
from planner.domain.rules.timing import day_text, heavy_legs, is_hard_day, is_key_run
from planner.domain.session import Session, Template

DAY = dt.timedelta(days=1)
RULE_IDS = ("hard-run-after-heavy-legs", "heavy-legs-after-hard-run", "back-to-back-hard-days",
            "no-recovery-day", "long-run-spike", "load-spike", "high-monotony", "no-mobility",
            "goal-mismatch", "no-deload", "same-day-order", "readiness-low", "intensity-balance")
MAX_FIXES = 3


def _session_rules(w: PlanWindow) -> list[Finding]:
    first = sequencing.heavy_then_run(w) + sequencing.run_then_heavy(w)
    reported = {frozenset(f.dates) if len(f.dates) == 2 else frozenset((f.dates[0] - DAY, f.dates[0]))
                for f in first}
    return [*first, *sequencing.back_to_back(w, reported), *sequencing.same_day_order(w),
            *weekly.no_recovery_day(w), *weekly.long_run_spike(w), *weekly.no_mobility(w),
            *weekly.goal_mismatch(w), *weekly.intensity_balance(w), *readiness.readiness_low(w)]


def check(w: PlanWindow, with_fixes: bool = True) -> list[Finding]:
    """Findings whose last date lies in w.first..w.last, by day, most severe first."""
    found = _session_rules(w) + load_rules.load_spike(w) + load_rules.high_monotony(w) + load_rules.no_deload(w)
    found = [f for f in found if w.in_range(f.day) or (len(f.dates) == 2 and w.in_range(f.dates[0]))]
    if with_fixes:
        found = [with_fix(f, w) for f in found]
    found.sort(key=lambda f: (f.day, -f.severity.rank, RULE_IDS.index(f.rule), f.session_ids))
    return found


def with_fix(f: Finding, w: PlanWindow) -> Finding:
    return replace(f, fixes=tuple(fixes_for(f, w)))


def fixes_for(f: Finding, w: PlanWindow) -> list[Fix]:
    out: list[Fix] = []
    for fix in candidates(f, w):
        if len(out) >= MAX_FIXES:
            break
        if fix.kind is FixKind.DELOAD or works(fix, f, w):
            out.append(fix)
    return out


def works(fix: Fix, f: Finding, w: PlanWindow) -> bool:
    """Applied to a copy, the finding is gone and no new warning or alert appears nearby (nor does a
    finding there grow more severe)."""
    dates = [*f.dates, *(fix.date and [fix.date] or [])]
    local = PlanWindow(min(dates) - 7 * DAY, max(dates) + 7 * DAY, w.sessions, w.profile, w.readiness, None,
                       w.today, w.templates)
    before = _session_rules(local)
    after = _session_rules(local.with_sessions(simulate(w.sessions, fix, w.templates, w.today)))
    if any(_same(g, f) for g in after):
        return False
    old = {g.key(): g.severity.rank for g in before}
    return not any(g.severity.rank >= Severity.WARNING.rank and g.severity.rank > old.get(g.key(), -1)
                   and not _same_ids(g, before) for g in after)


#: Rules whose findings are about a stretch of days rather than a pair of sessions.
_ABOUT_DAYS = frozenset({"goal-mismatch", "intensity-balance", "no-recovery-day"})


def _same(g: Finding, f: Finding) -> bool:
    """`g` (after a fix) is still the finding `f`: about the same sessions wherever they moved, or
    for rules about a stretch of days, on the same days."""
    if g.rule != f.rule:
        return False
    if f.rule in _ABOUT_DAYS or not (f.session_ids and g.session_ids):
        # one week can hold several goal-mismatch findings (told apart by title); the others hold one
        same_title = g.title == f.title if f.rule == "goal-mismatch" or not f.session_ids else True
        return g.dates == f.dates and same_title
    a, b = set(f.session_ids), set(g.session_ids)
    return a <= b or b <= a


def _same_ids(g: Finding, before: list[Finding]) -> bool:
    """The same rule over the same sessions was already there (dates moved with them)."""
    return any(b.rule == g.rule and b.session_ids == g.session_ids and b.severity.rank >= g.severity.rank
               for b in before if g.session_ids)


# -- candidates ----------------------------------------------------------------------------------
def candidates(f: Finding, w: PlanWindow) -> list[Fix]:
    by_id = {s.id: s for d in f.dates for s in w.on(d) if s.id is not None}
    ss = [by_id[i] for i in f.session_ids if i in by_id]
    make = _CANDIDATES.get(f.rule)
    return make(f, ss, w) if make else []


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


def _heavy_then_run(f: Finding, ss: list[Session], w: PlanWindow) -> list[Fix]:
    if len(ss) != 2:
        return []
    lift, run = ss
    return [*_easy([run], w), *_moves(lift, w, (-1, -2, 1, 2, -3, 3)), *_moves(run, w, (1, 2, -1))]


def _run_then_heavy(f: Finding, ss: list[Session], w: PlanWindow) -> list[Fix]:
    if len(ss) != 2:
        return []
    run, lift = ss
    out: list[Fix] = []
    t = _template(w, Kind.LIFT, (LiftFocus.UPPER, LiftFocus.CORE))
    if t is not None and w.editable(lift):
        out.append(Fix(FixKind.SWAP_UPPER, f"Swap '{lift.title}' for '{t.title}'", (lift.id or 0,),
                       template_id=t.id))
    return out + _moves(lift, w, (1, 2, -2, 3, -3))


def _back_to_back(f: Finding, ss: list[Session], w: PlanWindow) -> list[Fix]:
    later = [s for s in ss if s.date == f.dates[-1]]
    earlier = [s for s in ss if s.date == f.dates[0]]
    return [*_easy(later, w), *_easy(earlier, w), *[m for s in later for m in _moves(s, w, (1, 2))],
            *[m for s in earlier for m in _moves(s, w, (-1, -2))]]


def _same_day(f: Finding, ss: list[Session], w: PlanWindow) -> list[Fix]:
    if len(ss) != 2 or not all(w.editable(s) for s in ss):
        return []
    a, b = ss
    run = a if a.kind is Kind.RUN else b
    return [Fix(FixKind.REORDER, f"Do '{b.title}' first, then '{a.title}'", (a.id or 0, b.id or 0)),
            *_easy([run], w), *_moves(b, w, (1, 2)), *_moves(a, w, (-1, -2))]


def _no_recovery(f: Finding, ss: list[Session], w: PlanWindow) -> list[Fix]:
    days = sorted(f.dates[1:-1], key=lambda d: (is_hard_day(w.on(d)), sum(s.rpe * s.duration_min for s in w.on(d))))
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


def _spike(f: Finding, ss: list[Session], w: PlanWindow) -> list[Fix]:
    if not ss or not w.editable(ss[0]):
        return []
    run = ss[0]
    prev = max((s.effective_distance_km or 0.0 for k in range(1, 31) for s in w.on(run.date - k * DAY)
                if s.kind is Kind.RUN), default=0.0)
    cap = weekly._cap(prev)
    return [Fix(FixKind.SHORTEN, f"Shorten '{run.title}' to {cap:g} km", (run.id or 0,), distance_km=cap)]


def _light_days(w: PlanWindow, first: dt.date) -> list[dt.date]:
    days = [first + k * DAY for k in range(7) if w.today is None or first + k * DAY >= w.today]
    return sorted(days, key=lambda d: (is_hard_day(w.on(d)) or is_hard_day(w.on(d + DAY)),
                                       sum(s.rpe * s.duration_min for s in w.on(d)), d))


def _add(kind: FixKind, t: Template | None, w: PlanWindow, first: dt.date, n: int = 3) -> list[Fix]:
    if t is None:
        return []
    return [Fix(kind, f"Add '{t.title}' on {day_text(d)}", (), d, template_id=t.id) for d in _light_days(w, first)[:n]]


def _mobility(f: Finding, ss: list[Session], w: PlanWindow) -> list[Fix]:
    t = _template(w, Kind.MOBILITY, (MobilityType.MOBILITY, MobilityType.YOGA))
    return _add(FixKind.ADD_MOBILITY, t, w, f.dates[0], 1)


def _goal(f: Finding, ss: list[Session], w: PlanWindow) -> list[Fix]:
    first = f.dates[0]
    goal = w.profile.goal
    if goal is Goal.LIFT:
        week = [s for d in w.days(first, first + 6 * DAY) for s in w.on(d)]
        if f.title.startswith("More than one"):
            hard = [s for s in week if s.kind is Kind.RUN and intensity(s, s.effective_rpe) is Intensity.HARD]
            return _easy(hard[1:], w)
        runs = [s for s in week if s.kind is Kind.RUN and any(heavy_legs(x) for x in w.on(s.date + DAY))]
        return [m for r in runs[:1] for m in _moves(r, w, (1, 2, -1))]
    if f.title.startswith("No running"):
        return _add(FixKind.ADD_RUN, _template(w, Kind.RUN, ("easy",)), w, first)
    if "calf" in f.title:
        return _add(FixKind.ADD_LIFT, _template(w, Kind.LIFT, (LiftFocus.LOWER,), "calf"), w, first)
    if "posterior" in f.title:
        return _add(FixKind.ADD_LIFT, _template(w, Kind.LIFT, (LiftFocus.LOWER,), "posterior"), w, first)
    focus = (LiftFocus.LOWER,) if goal is Goal.RUN else (LiftFocus.FULL, LiftFocus.UPPER)
    return _add(FixKind.ADD_LIFT, _template(w, Kind.LIFT, focus, "posterior" if goal is Goal.RUN else ""), w, first)


def _balance(f: Finding, ss: list[Session], w: PlanWindow) -> list[Fix]:
    first, last = f.dates
    runs = [s for d in w.days(last - 13 * DAY, last) for s in w.on(d) if s.kind is Kind.RUN and s.type != "race"]
    total = sum(s.effective_duration_min for s in runs)
    above = sum(s.effective_duration_min for s in runs if intensity(s, s.effective_rpe) is not Intensity.EASY)
    pick = sorted((s for s in runs if s.date >= first and w.editable(s) and not is_long_run(s)
                   and intensity(s) is not Intensity.EASY),
                  key=lambda s: (is_key_run(s), s.rpe, s.duration_min))
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


def _deload(f: Finding, ss: list[Session], w: PlanWindow) -> list[Fix]:
    first = f.dates[0] if f.rule == "no-deload" else weekly.weeks(
        PlanWindow(f.day + 7 * DAY, f.day + 7 * DAY, {}, w.profile))[0]
    share = load_rules.deload_share(w.history, first) if f.rule == "no-deload" else 0.6
    return [Fix(FixKind.DELOAD, f"Make the week of {day_text(first)} a deload ({round(100 * share)} % of its "
                f"planned volume)", (), first, share=share)]


def _template(w: PlanWindow, kind: Kind, types: Sequence[str], word: str = "") -> Template | None:
    """The library entry a fix adds or swaps in: of `kind` and one of `types` (in that order of
    preference), whose id has `word` when given; the shortest such."""
    for t_type in types:
        found = [t for t in w.templates if t.kind is kind and t.type == t_type and word in t.id
                 and (kind is not Kind.LIFT or t.type != LiftFocus.LOWER or word or t.rpe < 7)]
        if found:
            return min(found, key=lambda t: (t.duration_min, t.id))
    return None


_CANDIDATES: dict[str, Callable[[Finding, list[Session], PlanWindow], list[Fix]]] = {
    "hard-run-after-heavy-legs": _heavy_then_run,
    "heavy-legs-after-hard-run": _run_then_heavy,
    "back-to-back-hard-days": _back_to_back,
    "same-day-order": _same_day,
    "no-recovery-day": _no_recovery,
    "long-run-spike": _spike,
    "no-mobility": _mobility,
    "goal-mismatch": _goal,
    "intensity-balance": _balance,
    "no-deload": _deload,
    "readiness-low": _deload,
}
