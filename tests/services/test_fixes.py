"""Applying a plan-check fix: the finding goes, no new alert comes, and it is one undo step."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.domain.enums import Goal, Status
from planner.domain.profile import Profile, ReadinessEntry
from planner.domain.rules import Fix, FixKind, Severity
from planner.domain.rules.engine import MAX_FIXES
from planner.services.fixes import apply_fix
from planner.services.plancheck import PlanCheck
from planner.services.readiness import ReadinessService, readiness_summary
from planner.services.runner import DirectRunner
from planner.store.database import open_store
from tests.domain.rules.helpers import MON, TEMPLATES, heavy_legs, lift, other, run

TODAY = MON - dt.timedelta(days=7)
LAST = MON + dt.timedelta(days=6)


def _store(data_dir, sessions, goal=Goal.BALANCED):
    store = open_store(data_dir, TEMPLATES)
    store.profile.put(Profile(goal=goal))
    store.sessions.apply(put=[s.replace(id=None, position=i) for i, s in enumerate(sessions)])
    return store


def _mobility():  # every scenario week has its mobility session, so no-mobility stays quiet
    return other("fri", "mobility", "mobility")


SCENARIOS = {
    # squat Tue 07:00-08:00, intervals Tue 12:00: alert
    "hard-run-after-heavy-legs": ([heavy_legs("tue", "07:00"), run("tue", "intervals", 55, 8, "12:00"),
                                   lift("thu"), _mobility()], Goal.BALANCED),
    # intervals Tue, squat Wed: the fix swaps the squat for upper body
    "heavy-legs-after-hard-run": ([run("tue", "intervals", 55, 8), heavy_legs("wed"), _mobility()], Goal.BALANCED),
    # tempo Fri and long run Sat
    "back-to-back-hard-days": ([run("fri", "tempo", 50, 7), run("sat", "long", 100, 4), lift("tue"), _mobility()],
                               Goal.BALANCED),
    # lift focus, tempo 07:00-07:50 then squat 10:00
    "same-day-order": ([run("tue", "tempo", 50, 7, "07:00"), heavy_legs("tue", "10:00"), _mobility()], Goal.LIFT),
    "no-mobility": ([run("tue", "easy", 40, 3), lift("thu")], Goal.BALANCED),
    "goal-mismatch": ([run("tue", "easy", 40, 3), run("thu", "easy", 40, 3), _mobility()], Goal.BALANCED),
    # an easy run every day, Monday to Sunday, and a lift on Wednesday
    "no-recovery-day": ([run(d, "easy", 40, 3) for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")]
                        + [lift("wed"), other("wed", "mobility", "mobility")], Goal.BALANCED),
    # 10 km runs every 5 days from 35 days back, then 12 km on Sunday: 1.2 x, shortened to 11 km
    "long-run-spike": ([run(MON - dt.timedelta(days=35 - 5 * i), "easy", 55, 3, km=10.0) for i in range(7)]
                       + [run("sun", "long", 75, 4, km=12.0), lift("wed"), _mobility()], Goal.BALANCED),
    # two weeks of three easy hours and a 70 min tempo: 28 % above easy
    "intensity-balance": ([run(d, "easy", 60, 3, weeks=w) for w in (-1, 0) for d in ("mon", "wed", "sat")]
                          + [run("thu", "tempo", 70, 7, weeks=w) for w in (-1, 0)]
                          + [lift("tue"), _mobility()], Goal.BALANCED),
}


@pytest.mark.parametrize("rule", sorted(SCENARIOS))
def test_first_fix_removes_the_finding_and_raises_no_new_alert(data_dir, rule):
    sessions, goal = SCENARIOS[rule]
    store = _store(data_dir, sessions, goal)
    check = PlanCheck(store, TODAY)
    before = check.findings(MON, LAST)
    [f] = [x for x in before if x.rule == rule]
    assert f.fixes, f
    assert apply_fix(DirectRunner(store), f.fixes[0], TODAY)
    after = PlanCheck(store, TODAY).findings(MON, LAST)
    assert not [x for x in after if x.rule == rule], [x.title for x in after]
    old_alerts = {x.key() for x in before if x.severity is Severity.ALERT}
    assert [x for x in after if x.severity is Severity.ALERT and x.key() not in old_alerts] == []
    store.close()


def test_heavy_legs_after_intervals_is_swapped_for_upper_body(data_dir):
    store = _store(data_dir, SCENARIOS["heavy-legs-after-hard-run"][0])
    [f] = [x for x in PlanCheck(store, TODAY).findings(MON, LAST) if x.rule == "heavy-legs-after-hard-run"]
    fix = f.fixes[0]
    assert (fix.kind, fix.text) == (FixKind.SWAP_UPPER, "Swap 'Heavy lower body' for 'Upper body push'")
    apply_fix(DirectRunner(store), fix, TODAY)
    wed = store.sessions.on_date(MON + dt.timedelta(days=2))
    assert [(s.title, s.type, s.id) for s in wed] == [("Upper body push", "upper", f.session_ids[1])]
    store.close()


def test_a_fix_is_one_undo_step(env):
    # run focus: a hard upper-body lift 07:00-07:50, then intervals at 11:00 (3 h 10 min): run first
    sessions = [lift("tue", "upper", 8, 50, "07:00"), run("tue", "intervals", 55, 8, "11:00")]
    env.store.sessions.apply(put=[s.replace(id=None) for s in sessions])
    env.store.profile.put(Profile(goal=Goal.RUN))
    before = env.store.sessions.all()
    [f] = [x for x in PlanCheck(env.store, TODAY).findings(MON, LAST) if x.rule == "same-day-order"]
    fix = f.fixes[0]
    assert (fix.kind, fix.text) == (FixKind.REORDER, "Do 'Intervals run' first, then 'Upper body'")
    assert apply_fix(env.runner, fix, TODAY)
    assert env.stack.count() == 1
    assert env.stack.undoText() == f"Apply fix: {fix.text}"
    assert len(env.rec.changes) == 1  # one broadcast
    assert env.store.sessions.all() != before
    env.stack.undo()
    assert env.store.sessions.all() == before
    env.stack.redo()
    assert [x.rule for x in PlanCheck(env.store, TODAY).findings(MON, LAST) if x.rule == "same-day-order"] == []


def test_readiness_is_logged_as_one_undoable_change(env):
    service = ReadinessService(env.runner)
    entry = ReadinessEntry(MON, sleep_h=7.5, fatigue=3, soreness=2, mood=4, resting_hr=52)
    assert service.set(MON, entry)
    assert env.store.readiness.get(MON) == entry
    assert env.rec.changes[-1].logs and not env.rec.changes[-1].dates
    assert env.stack.undoText() == "Log readiness for Mon 23 Nov"
    assert readiness_summary(entry) == "Sleep 7.5 h · fatigue 3 · soreness 2 · mood 4 · RHR 52"
    env.stack.undo()
    assert env.store.readiness.get(MON) is None


def test_profile_experience_is_stored_and_old_files_read_as_some(data_dir):
    from planner.domain.enums import Experience
    from planner.store import codec

    assert codec.profile_from_doc({"name": "Old file", "goal": "run"}).experience is Experience.SOME
    store = open_store(data_dir, TEMPLATES)
    store.profile.put(Profile(experience=Experience.NEW))
    store.close()
    store = open_store(data_dir, TEMPLATES)
    assert store.profile.get().experience is Experience.NEW
    store.close()


def test_deload_fix_takes_the_week_to_60_percent_and_ends_the_streak(data_dir):
    # five weeks, each four days of cross-training at RPE 5, 5 % longer every week (60, 63, 66, 69, 73 min)
    sessions = [other(MON + dt.timedelta(weeks=w, days=d), "other", minutes=round(60 * 1.05 ** k), rpe=5)
                for k, w in enumerate(range(-4, 1)) for d in range(4)]
    store = _store(data_dir, [*sessions, lift("fri"), _mobility()])
    [f] = [x for x in PlanCheck(store, TODAY).findings(MON, LAST) if x.rule == "no-deload"]
    assert apply_fix(DirectRunner(store), f.fixes[0], TODAY)
    week = store.sessions.between(MON, LAST)
    # weeks before: 1200, 1260, 1320, 1380 AU (mean 1290); this week 4 x 73 x 5 + 50 x 7 (lift) +
    # 20 x 2 (mobility) = 1850 AU. Kept: 0.6 x 1290 / 1850 = 0.418 -> 0.41; 73 min x 0.41 = 29.9 -> 30
    assert f.fixes[0].share == 0.41
    assert sorted(s.duration_min for s in week if s.kind.value == "other") == [30, 30, 30, 30]
    assert [x for x in PlanCheck(store, TODAY).findings(MON, LAST) if x.rule == "no-deload"] == []
    store.close()


def _days(store):
    out = {}
    for s in store.sessions.all():
        out.setdefault(s.date, []).append(s)
    return {d: sorted(ss, key=lambda s: s.position) for d, ss in out.items()}


def test_reorder_trades_positions_and_times_in_the_store(data_dir):
    # run focus: upper body 07:00 (slot 0), intervals 11:00 (slot 1); the fix puts the run first
    store = _store(data_dir, [lift("tue", "upper", 8, 50, "07:00"), run("tue", "intervals", 55, 8, "11:00")],
                   Goal.RUN)
    [f] = [x for x in PlanCheck(store, TODAY).findings(MON, LAST) if x.rule == "same-day-order"]
    assert f.fixes[0].kind is FixKind.REORDER
    assert apply_fix(DirectRunner(store), f.fixes[0], TODAY)
    tue = store.sessions.on_date(MON + dt.timedelta(days=1))
    assert [(s.title, s.position, s.time) for s in tue] == [
        ("Intervals run", 0, dt.time(7, 0)), ("Upper body", 1, dt.time(11, 0))]
    store.close()


def test_deload_never_touches_done_or_past_sessions(data_dir):
    # today is Wednesday: Monday's planned run is in the past, Tuesday's is done; only Thu-Sun change
    today = MON + dt.timedelta(days=2)
    past, done_run = run("mon", "easy", 60, 3), run("tue", "easy", 60, 3)
    later = [run(d, "easy", 60, 3) for d in ("thu", "sat")]
    store = _store(data_dir, [past, done_run, *later])
    stored = {s.date: s for s in store.sessions.all()}
    store.sessions.apply(put=[stored[done_run.date].replace(status=Status.DONE, actual_rpe=4,
                                                             actual_duration_min=62)])
    before = {s.id: s for s in store.sessions.all()}
    fix = Fix(FixKind.DELOAD, "Make the week a deload", (), MON, share=0.5)
    assert apply_fix(DirectRunner(store), fix, today)
    after = {s.id: s for s in store.sessions.all()}
    assert [after[i] == before[i] for i in sorted(before)] == [True, True, False, False]
    assert sorted(s.duration_min for s in after.values()) == [30, 30, 60, 60]
    store.close()


def test_the_store_gets_exactly_what_the_check_tried(data_dir):
    # every fix offered on every scenario: the days in the store after apply_fix are the days the
    # check simulated (new sessions compared without their ids)
    from planner.domain.rules.edits import simulate

    def bare(days):
        return {d: [s.replace(id=None) for s in ss] for d, ss in days.items() if ss}

    for rule, (sessions, goal) in SCENARIOS.items():
        for k in range(MAX_FIXES):
            store = _store(data_dir / f"{rule}-{k}", sessions, goal)
            w = PlanCheck(store, TODAY).window(MON, LAST)
            [f] = [x for x in PlanCheck(store, TODAY).findings(MON, LAST) if x.rule == rule]
            if k >= len(f.fixes):
                store.close()
                break
            tried = simulate(w.sessions, f.fixes[k], w.templates, TODAY)
            assert apply_fix(DirectRunner(store), f.fixes[k], TODAY)
            assert bare(_days(store)) == bare(tried), (rule, f.fixes[k].text)
            store.close()
