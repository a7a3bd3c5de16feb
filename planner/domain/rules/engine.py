"""The plan check: every registered rule over a window of days, and fixes that were tried before
they are offered.

A fix is suggested only if, applied to a copy of the plan (edits.simulate), the finding it
addresses is gone and no new warning or alert appears among the rules that read sessions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from planner.domain.rules.edits import simulate
from planner.domain.rules.model import Finding, Fix, FixKind, PlanWindow, RuleSpec, Scope, Severity
from planner.domain.rules.registry import BY_ID, ORDER, RULE_IDS, RULES

DAY = dt.timedelta(days=1)
MAX_FIXES = 3

__all__ = ["MAX_FIXES", "RULE_IDS", "check", "fixes_for"]


def _run(w: PlanWindow, rules: Sequence[RuleSpec]) -> list[Finding]:
    found: list[Finding] = []
    for rule in rules:
        found += rule.find(w, found)
    return found


_SESSION_RULES = tuple(r for r in RULES if r.scope is Scope.SESSIONS)


def check(w: PlanWindow, with_fixes: bool = True) -> list[Finding]:
    """Findings whose last date lies in w.first..w.last, by day, most severe first."""
    found = _run(w, RULES)
    found = [f for f in found if w.in_range(f.day) or (len(f.dates) == 2 and w.in_range(f.dates[0]))]
    if with_fixes:
        found = [with_fix(f, w) for f in found]
    found.sort(key=lambda f: (f.day, -f.severity.rank, ORDER[f.rule], f.session_ids))
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
                       w.today, w.templates, w.one_rep_max)
    before = _run(local, _SESSION_RULES)
    after = _run(local.with_sessions(simulate(w.sessions, fix, w.templates, w.today)), _SESSION_RULES)
    if any(_same(g, f) for g in after):
        return False
    old = {g.key(): g.severity.rank for g in before}
    return not any(g.severity.rank >= Severity.WARNING.rank and g.severity.rank > old.get(g.key(), -1)
                   and not _same_ids(g, before) for g in after)


def _same(g: Finding, f: Finding) -> bool:
    """`g` (after a fix) is still the finding `f`: about the same sessions wherever they moved, or
    for rules about a stretch of days (and findings about no session), on the same days and of
    the same variant."""
    if g.rule != f.rule:
        return False
    if BY_ID[f.rule].about_days or not (f.session_ids and g.session_ids):
        return g.dates == f.dates and g.variant == f.variant
    a, b = set(f.session_ids), set(g.session_ids)
    return a <= b or b <= a


def _same_ids(g: Finding, before: list[Finding]) -> bool:
    """The same rule over the same sessions was already there (dates moved with them)."""
    return any(b.rule == g.rule and b.session_ids == g.session_ids and b.severity.rank >= g.severity.rank
               for b in before if g.session_ids)


def candidates(f: Finding, w: PlanWindow) -> list[Fix]:
    by_id = {s.id: s for d in f.dates for s in w.on(d) if s.id is not None}
    ss = [by_id[i] for i in f.session_ids if i in by_id]
    make = BY_ID[f.rule].fixes
    return make(f, ss, w) if make else []
