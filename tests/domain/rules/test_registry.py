"""The rule registry: each rule is one record, and fixes read a finding's variant, never its title."""

from __future__ import annotations

import dataclasses

from planner.domain.enums import Goal
from planner.domain.rules import fixes_for
from planner.domain.rules.registry import RULE_IDS, RULES
from planner.domain.rules.weekly import GoalGap
from tests.domain.rules.helpers import found, lift, run, window


def test_each_rule_is_registered_once_with_its_scope():
    assert len(RULE_IDS) == len(set(RULE_IDS)) == len(RULES)
    assert {r.id for r in RULES if r.scope == "load"} == {"load-spike", "high-monotony", "no-deload"}


def test_goal_fixes_follow_the_variant_not_the_title():
    # run focus, one lift without calf work: the calf fix adds the calf session whatever the title says
    sessions = [run("tue", "intervals", 55, 8), lift("thu", "lower", 6), lift("sat", "upper", 6)]
    w = window(sessions, goal=Goal.RUN)
    by_gap = {f.variant: f for f in found(sessions, "goal-mismatch", goal=Goal.RUN)}
    assert set(by_gap) == {GoalGap.NO_POSTERIOR, GoalGap.NO_CALF}
    calf = by_gap[GoalGap.NO_CALF]
    renamed = dataclasses.replace(calf, title="Something else entirely")
    assert [x.text for x in fixes_for(renamed, w)] == [x.text for x in calf.fixes]
    assert all("Calf and ankle strength" in x.text for x in calf.fixes)
