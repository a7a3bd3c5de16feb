"""Property: on any plan, every fix the check offers removes its finding and brings no new alert."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.domain.enums import Goal
from planner.domain.rules import FixKind, Severity, check
from planner.domain.rules.edits import simulate
from tests.domain.rules.helpers import MON, heavy_legs, lift, other, run, window

TIMES = st.sampled_from([None, "07:00", "12:00", "18:00"])
DAY = st.integers(0, 13).map(lambda k: MON + dt.timedelta(days=k))


@st.composite
def sessions(draw):
    makers = [
        lambda d, t: run(d, "intervals", 55, 8, t),
        lambda d, t: run(d, "tempo", 50, 7, t),
        lambda d, t: run(d, "long", 100, 4, t, km=18.0),
        lambda d, t: run(d, "easy", 40, 3, t, km=7.0),
        lambda d, t: heavy_legs(d, t),
        lambda d, t: lift(d, "upper", 8, time=t),
        lambda d, t: other(d, "mobility", "yoga"),
    ]
    picks = draw(st.lists(st.tuples(st.integers(0, len(makers) - 1), DAY, TIMES), max_size=14))
    return [makers[i](d, t) for i, d, t in picks]


def _same(g, f) -> bool:
    """The same finding: about the same sessions (wherever they moved); for the rules about a
    stretch of days, on the same days (goal-mismatch: of the same variant, as a week can have several)."""
    if g.rule != f.rule:
        return False
    if f.rule == "goal-mismatch" or not f.session_ids:
        return (g.variant, g.dates) == (f.variant, f.dates)
    if f.rule in ("intensity-balance", "no-recovery-day"):
        return g.dates == f.dates
    return g.session_ids == f.session_ids


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sessions(), st.sampled_from(list(Goal)))
def test_every_offered_fix_works(plan, goal):
    w = window(plan, goal=goal, first=MON, last=MON + dt.timedelta(days=13), today=MON)
    found = check(w)
    for f in found:
        assert f.severity in Severity and f.message.endswith(")")
        assert w.in_range(f.day) or w.in_range(f.dates[0])
        for fix in f.fixes:
            if fix.kind is FixKind.DELOAD:
                continue
            after_w = w.with_sessions(simulate(w.sessions, fix, w.templates, w.today))
            after = check(after_w, with_fixes=False)
            assert not [g for g in after if _same(g, f)], (f.title, fix.text)
            alerts_before = {(g.rule, g.session_ids) for g in found if g.severity is Severity.ALERT}
            new_alerts = [g for g in after if g.severity is Severity.ALERT
                          and (g.rule, g.session_ids) not in alerts_before]
            assert new_alerts == [], (f.title, fix.text, [g.title for g in new_alerts])
