"""Applying a plan-check fix: the result the check tried on a copy (domain/rules/edits.py
`fix_result`), stored as one operation, so a fix is one undo step and one broadcast in the window
and one save on the command line, and what was tried is what gets applied."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from planner.domain.rules import Fix
from planner.domain.rules.edits import fix_result
from planner.domain.session import Session
from planner.services.operations import SessionsOp
from planner.services.runner import Runner
from planner.store.store import Store


class _StorePlan:
    """The store read the way `fix_result` reads a plan."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def day(self, date: dt.date) -> Sequence[Session]:
        return self.store.sessions.on_date(date)

    def session(self, id: int) -> Session | None:
        return self.store.sessions.get(id) if self.store.sessions.exists(id) else None


def apply_fix(runner: Runner, fix: Fix, today: dt.date | None = None) -> bool:
    """Make the change `fix` describes; False when its sessions are gone (nothing is changed)."""
    store = runner.store
    try:
        templates = [store.templates.get(fix.template_id)] if fix.template_id else []
    except KeyError:  # the library entry was deleted since the fix was offered
        return False
    result = fix_result(fix, _StorePlan(store), templates, today)
    if result is None:
        return False
    return runner.run(SessionsOp(f"Apply fix: {fix.text}", result.before, result.after))
