"""Writing the demo plan into an empty store (shared by `hybrid-planner demo` and `--demo`)."""

from __future__ import annotations

import datetime as dt

from planner.domain.demo_plan import generate_demo_plan
from planner.domain.session import Session
from planner.store.store import Store


def seed_demo(store: Store, today: dt.date) -> list[Session]:
    """Put the demo profile (unless one exists) and the 12-week demo block into the store in one save."""
    profile, sessions = generate_demo_plan(today, store.templates.builtins())
    with store.batch():
        if not store.profile.exists():
            store.profile.put(profile)
        return store.sessions.apply(put=sessions)
