"""Applying a plan-check fix: the same session edits the check simulated (domain/rules/edits.py),
run through PlanService inside one `runner.group`, so a fix is one undo step and one broadcast in
the window and one save on the command line."""

from __future__ import annotations

import datetime as dt

from planner.domain.enums import Status
from planner.domain.rules import Fix, FixKind
from planner.domain.rules.edits import deloaded, easy_run, shortened, swapped
from planner.services.plan import PlanService
from planner.services.runner import Runner


def apply_fix(runner: Runner, fix: Fix, today: dt.date | None = None) -> bool:
    """Make the change `fix` describes; False when its sessions are gone (nothing is changed)."""
    store = runner.store
    plan = PlanService(runner)
    sessions = [store.sessions.get(i) for i in fix.session_ids if store.sessions.exists(i)]
    if len(sessions) != len(fix.session_ids):
        return False
    with runner.group(f"Apply fix: {fix.text}"):
        k = fix.kind
        if k is FixKind.MOVE and fix.date is not None:
            plan.move([s.id for s in sessions if s.id is not None], fix.date)
        elif k is FixKind.MAKE_EASY:
            for s in sessions:
                plan.edit(easy_run(s))
        elif k is FixKind.SHORTEN and fix.distance_km is not None:
            for s in sessions:
                plan.edit(shortened(s, fix.distance_km))
        elif k is FixKind.SWAP_UPPER:
            t = store.templates.get(fix.template_id)
            for s in sessions:
                plan.edit(swapped(s, t))
        elif k in (FixKind.ADD_MOBILITY, FixKind.ADD_LIFT, FixKind.ADD_RUN) and fix.date is not None:
            plan.add_from_template(fix.template_id, fix.date)
        elif k is FixKind.DELOAD and fix.date is not None:
            week = store.sessions.between(fix.date, fix.date + dt.timedelta(days=6))
            for s in week:
                if s.status is Status.PLANNED and (today is None or s.date >= today):
                    plan.edit(deloaded(s, fix.share))
        elif k is FixKind.REORDER and len(sessions) == 2:
            a, b = sessions
            plan.edit(a.replace(time=b.time, position=b.position))
            plan.edit(b.replace(time=a.time, position=a.position))
        else:
            return False
    return True
