"""The plan check over a generated block, read exactly as the window reads a plan (issue 10's engine)."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from planner.domain.enums import Kind, Status, WeekStart
from planner.domain.generator.block import Block, generate
from planner.domain.generator.from_log import block_first
from planner.domain.generator.inputs import GeneratorError, GeneratorInput
from planner.domain.load_history import LoadHistory
from planner.domain.profile import Profile
from planner.domain.rules import Finding, PlanWindow, Severity, check
from planner.domain.rules.load_rules import BUILD_LIMIT, building_streaks
from planner.domain.session import Session

#: At most this many days of the first week become rest days to continue from the log.
MAX_REST_DAYS = 2
#: Rules a rest day in the first week can answer (the others are about whole weeks).
DAY_RULES = ("no-recovery-day", "back-to-back-hard-days", "hard-run-after-heavy-legs", "heavy-legs-after-hard-run",
             "heavy-legs-soon-after-run")
PRIOR_WEEKS = 5


def block_profile(block: Block, base: Profile | None = None) -> Profile:
    x = block.inputs
    return (base or Profile()).replace(goal=x.goal, experience=x.experience, week_start=x.week_start)


def block_findings(block: Block, profile: Profile | None = None, before: Sequence[Session] = ()) -> list[Finding]:
    """Every finding of the plan check on the block (plus `before`, sessions already in the plan),
    load rules included; sessions get stand-in ids so findings can name them."""
    sessions = [s.replace(id=i) for i, s in enumerate([*before, *block.sessions], 1)]
    by_day: dict[dt.date, list[Session]] = {}
    for s in sessions:
        by_day.setdefault(s.date, []).append(s)
    p = block_profile(block, profile)
    history = LoadHistory(p.week_start)
    history.load(sessions, today=block.first)
    return check(PlanWindow(block.first, block.last, by_day, p, {}, history, None), with_fixes=False)


def serious(findings: Sequence[Finding]) -> list[Finding]:
    """Warnings and alerts: what a generated block must never hold."""
    return [f for f in findings if f.severity.rank >= Severity.WARNING.rank]


def generate_clean(x: GeneratorInput, profile: Profile | None = None, before: Sequence[Session] = (),
                   rest: Sequence[dt.date] = ()) -> Block:
    """`generate`, then the plan check over the block and the sessions before it: a warning or an
    alert is never handed on silently (GeneratorError names it). The first week continues from the
    sessions before it: a day the check flags there (seven days without a rest day, two hard days in a
    row across the start) becomes a rest day, and the block's notes say so."""
    history = [(s.date, s.effective_distance_km or 0.0) for s in before
               if s.kind is Kind.RUN and s.status is not Status.SKIPPED and s.effective_distance_km]
    rest_days: dict[dt.date, str] = {}
    first = block_first(x.start, x.week_start) + dt.timedelta(days=7 * x.skip_weeks)
    prior = prior_build_loads(before, first, x.week_start)
    if not x.skip_weeks:  # a re-plan keeps its block's weeks: the build weeks before it are the block's own
        x = replace(x, prior_builds=min(len(prior), BUILD_LIMIT[x.experience]))
    for _ in range(MAX_REST_DAYS + 1):
        block = generate(x, history, [*rest, *rest_days], prior)
        bad = serious(block_findings(block, profile, before))
        if not bad:
            break
        day = _rest_day_for(block, bad) if before and len(rest_days) < MAX_REST_DAYS else None
        if day is None:
            lines = "; ".join(f"{f.title} ({f.day:%a %d %b})" for f in bad[:3])
            raise GeneratorError(f"The plan check would flag this block: {lines}.",
                                 ("clear or move the sessions planned just before the start", "start a week later"))
        rest_days[day[0]] = day[1]
    notes = tuple(f"{d:%a %d %b} is a rest day: with the sessions before the block, the plan check would otherwise "
                  f"read '{why.lower()}'." for d, why in sorted(rest_days.items()))
    return replace(block, notes=block.notes + notes)


def prior_build_loads(before: Sequence[Session], first: dt.date, week_start: WeekStart) -> list[float]:
    """The session-RPE loads of the building weeks in a row that end just before the block (the plan
    check's streak: each within 80 % of the mean of the ones before it), oldest first."""
    loads = []
    for k in range(PRIOR_WEEKS, 0, -1):
        monday = first - dt.timedelta(days=7 * k)
        loads.append(sum(s.effective_rpe * s.effective_duration_min for s in before
                         if monday <= s.date < monday + dt.timedelta(days=7) and s.status is not Status.SKIPPED))
    streak = building_streaks(np.array(loads, dtype=float))[-1]
    return [float(v) for v in loads[len(loads) - streak:]] if streak else []


def _rest_day_for(block: Block, bad: Sequence[Finding]) -> tuple[dt.date, str] | None:
    """The first day of the block's first week that a finding names and that holds a run or a lift."""
    week_one = block.first + dt.timedelta(days=6)
    busy = {s.date for s in block.sessions if s.kind in (Kind.RUN, Kind.LIFT)}
    for f in bad:
        if f.rule not in DAY_RULES:
            continue
        days = [d for d in f.dates if block.first <= d <= week_one and d in busy]
        if days:
            return days[0], f.title
    return None


def weekly_acwr(block: Block, before: Sequence[Session] = ()) -> list[float | None]:
    """The EWMA acute:chronic ratio (7/28 days) on each week's last day, None while building up
    (under 28 days of history). Shown as information, never used as a limit (Impellizzeri 2020)."""
    history = LoadHistory(block.inputs.week_start)
    history.load([*before, *block.sessions], today=block.first)
    out: list[float | None] = []
    for w in block.weeks:
        day = w.first + dt.timedelta(days=6)
        r = float(history.acwr[history.index(day)]) if history.covers(day) else math.nan
        out.append(None if math.isnan(r) else round(r, 2))
    return out
