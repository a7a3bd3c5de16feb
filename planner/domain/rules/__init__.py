"""The plan check (issue 10): rules that read a week the way a hybrid coach would, with fixes.

Pure Python, no Qt: `check(PlanWindow)` gives `Finding`s; planner/services/plancheck.py builds the
window from the store and planner/services/fixes.py applies a `Fix`.
"""

from __future__ import annotations

from typing import Any

from planner.domain.rules.model import Finding, Fix, FixKind, PlanWindow, Severity


def __getattr__(name: str) -> Any:
    # The engine (and numpy, through the load rules) loads when a check first runs, not when the
    # window is built: start-up only needs the finding types.
    if name in ("RULE_IDS", "check", "fixes_for"):
        from planner.domain.rules import engine

        return getattr(engine, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = ["RULE_IDS", "Finding", "Fix", "FixKind", "PlanWindow", "Severity", "check", "fixes_for"]
