"""The plan check (issue 10): rules that read a week the way a hybrid coach would, with fixes.

Pure Python, no Qt: `check(PlanWindow)` gives `Finding`s; planner/services/plancheck.py builds the
window from the store and planner/services/fixes.py applies a `Fix`.
"""

from planner.domain.rules.engine import RULE_IDS, check, fixes_for
from planner.domain.rules.model import Finding, Fix, FixKind, PlanWindow, Severity

__all__ = ["RULE_IDS", "Finding", "Fix", "FixKind", "PlanWindow", "Severity", "check", "fixes_for"]
