"""Whole-plan actions shared by the window and the command line: importing a plan's rows and
writing the demo block. Each is one action: one undo step in the window, one save on the command line."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from planner.domain.demo_plan import generate_demo_plan
from planner.domain.plan_match import split_matches
from planner.domain.session import Session
from planner.io.plan_csv import PlanRow, append_positions
from planner.services.library import ProfileService
from planner.services.plan import PlanService
from planner.store.storage import NoRoomError
from planner.store.store import Store

__all__ = ["NoRoomError", "import_rows", "load_demo", "seed_demo"]


def import_rows(plan: PlanService, rows: Sequence[PlanRow], source: str) -> list[Session]:
    """Add a plan file's rows after what each of their days holds, as one action; returns them as
    stored. PlanFileError (naming the line) when a day would overflow, NoRoomError when the data
    file would pass its size limit: then nothing is added."""
    placed = append_positions(rows, plan.store.sessions.on_date)
    plan.store.check_room(placed)  # NoRoomError: the file would pass the size any open accepts
    n = len(placed)
    return plan.add_placed(placed, f"Import {n} session{'s' if n != 1 else ''} from {source}")


def without_duplicates(plan: PlanService, rows: Sequence[PlanRow]) -> tuple[list[PlanRow], int]:
    """The rows that are not already in the plan, and how many were: a row is already there when a
    session shares its date, kind, title and time (each session answers for one row), as the
    window's question counts them."""
    if not rows:
        return [], 0
    first, last = min(r.session.date for r in rows), max(r.session.date for r in rows)
    matched, _ = split_matches([r.session for r in rows], plan.store.sessions.between(first, last))
    already = {id(s) for s in matched}
    return [r for r in rows if id(r.session) not in already], len(matched)


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


def seed_demo(store: Store, today: dt.date) -> list[Session]:
    """The demo plan written at once into a store (dev previews, `--demo`), through the services."""
    from planner.services.runner import DirectRunner

    runner = DirectRunner(store)
    return load_demo(PlanService(runner), ProfileService(runner), today)
