"""Whole-plan actions shared by the window and the command line: importing a plan's rows and
writing the demo block. Each is one action: one undo step in the window, one save on the command line."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from planner.domain.demo_plan import generate_demo_plan
from planner.domain.plan_edit import append_to_days
from planner.domain.session import Session
from planner.services.library import ProfileService
from planner.services.plan import PlanService


def import_sessions(plan: PlanService, sessions: Sequence[Session], source: str) -> list[Session]:
    """Add imported sessions after what each of their days holds; returns them as stored."""
    placed = append_to_days(sessions, plan.store.sessions.on_date)
    n = len(placed)
    return plan.add_placed(placed, f"Import {n} session{'s' if n != 1 else ''} from {source}")


def load_demo(plan: PlanService, profiles: ProfileService, today: dt.date) -> list[Session]:
    """The demo profile (unless one exists) and the 12-week demo block around `today`."""
    store = plan.store
    profile, sessions = generate_demo_plan(today, store.templates.builtins())
    stored: list[Session] = []
    with plan.runner.group("Load the demo plan"):
        if not store.profile.exists():
            profiles.set(profile)
        stored = plan.add_placed(sessions, "Load the demo plan")
    return stored
