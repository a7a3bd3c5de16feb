"""Every plan-check rule, each registered once: its id, what it reads, how it finds and what it fixes.

The order is the order findings of one day and one severity are listed in. Adding a rule is one
module with its `find` (and fixes) and one record here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from planner.domain.rules import fix_makers as fx
from planner.domain.rules import load_rules, readiness, running, sequencing, weekly
from planner.domain.rules.model import Finding, PlanWindow, RuleSpec, Scope

S, L = Scope.SESSIONS, Scope.LOAD


def _alone(find: Callable[[PlanWindow], list[Finding]]) -> Callable[[PlanWindow, Sequence[Finding]], list[Finding]]:
    """A rule that does not read what the rules before it found."""
    return lambda w, _earlier: find(w)


RULES: tuple[RuleSpec, ...] = (
    RuleSpec("hard-run-after-heavy-legs", S, _alone(sequencing.heavy_then_run), fx.heavy_then_run),
    RuleSpec("heavy-legs-after-hard-run", S, _alone(sequencing.run_then_heavy), fx.run_then_heavy),
    RuleSpec("back-to-back-hard-days", S, sequencing.back_to_back, fx.back_to_back),
    RuleSpec("no-recovery-day", S, _alone(weekly.no_recovery_day), fx.no_recovery, about_days=True),
    RuleSpec("long-run-spike", S, _alone(running.long_run_spike), fx.shorten_spike),
    RuleSpec("comeback-run", S, _alone(running.comeback_run), fx.shorten_comeback),
    RuleSpec("weekly-running-change", S, _alone(running.weekly_running_change), about_days=True),
    RuleSpec("load-spike", L, _alone(load_rules.load_spike)),
    RuleSpec("high-monotony", L, _alone(load_rules.high_monotony)),
    RuleSpec("no-mobility", S, _alone(weekly.no_mobility), fx.add_mobility),
    RuleSpec("goal-mismatch", S, _alone(weekly.goal_mismatch), fx.goal_gap, about_days=True),
    RuleSpec("no-deload", L, _alone(load_rules.no_deload), fx.deload_this_week),
    RuleSpec("same-day-order", S, _alone(sequencing.same_day_order), fx.same_day),
    RuleSpec("heavy-legs-soon-after-run", S, _alone(sequencing.heavy_legs_soon_after_run), fx.move_later_lift),
    RuleSpec("readiness-low", S, _alone(readiness.readiness_low), fx.deload_next_week),
    RuleSpec("intensity-balance", S, _alone(weekly.intensity_balance), fx.ease_balance, about_days=True),
)
BY_ID = {r.id: r for r in RULES}
RULE_IDS = tuple(BY_ID)
ORDER = {rule: i for i, rule in enumerate(RULE_IDS)}
