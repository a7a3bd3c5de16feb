"""Writing a generated block (issue 13): one undoable action, no silent overwrite, `replace` deletes
the old sessions in the same action, the profile follows the block's goal."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.domain.enums import Experience, Goal
from planner.domain.generator import GeneratorError, GeneratorInput
from planner.services.generate import preview, summary_lines, write
from tests.services.conftest import run

START = dt.date(2027, 3, 1)  # a Monday


def _x(**kw) -> GeneratorInput:
    base = dict(goal=Goal.RUN, start=START, weeks=4, runs=4, lifts=2, experience=Experience.SOME, weekly_km=30.0,
                longest_run_km=12.0)
    base.update(kw)
    return GeneratorInput(**base)


def _all(store):
    return sorted((s.date, s.position, s.title) for s in store.sessions.all())


def test_block_is_one_undo_step_and_undo_removes_it(env) -> None:
    block = preview(env.plan, _x())
    written = write(env.plan, block)
    assert len(written.sessions) == len(block.sessions) == 4 * 7  # 4 runs + 2 lifts + mobility, 4 weeks
    assert env.stack.count() == 1
    assert env.stack.undoText() == "Generate a 4-week run block"
    assert env.store.profile.get().goal is Goal.RUN  # the profile follows, in the same action
    after = _all(env.store)
    env.stack.undo()
    assert env.store.sessions.all() == []
    assert env.store.profile.get().goal is Goal.BALANCED
    env.stack.redo()
    assert _all(env.store) == after
    assert len(env.rec.changes) == 3  # one broadcast each: do, undo, redo


def test_refuses_to_write_over_planned_sessions_unless_replace(env) -> None:
    env.plan.add_placed([run("Own tempo", START + dt.timedelta(days=9))], "Add")
    block = preview(env.plan, _x())
    with pytest.raises(GeneratorError) as info:
        write(env.plan, block)
    assert str(info.value) == (
        "1 session is already planned between Mon 01 Mar 2027 and Sun 28 Mar 2027 (first on Wed 10 Mar). What would "
        "work: replace them (--replace, or tick 'Replace' in the wizard); or start after the last of them.")
    assert env.stack.count() == 1  # nothing written
    written = write(env.plan, block, replace=True)
    assert written.replaced == 1
    assert "Own tempo" not in [s.title for s in env.store.sessions.all()]
    assert env.stack.count() == 2
    env.stack.undo()  # one step brings the own session back and removes the block
    assert [s.title for s in env.store.sessions.all()] == ["Own tempo"]


def test_runs_before_the_start_set_the_first_caps(env) -> None:
    """A 16 km run 10 days before the start: the block's runs may reach 1.1 x 16 = 17.6 km, and the
    plan check (which sees that run) agrees."""
    env.plan.add_placed([run("Long", START - dt.timedelta(days=10), distance_km=16.0, duration_min=100)], "Add")
    block = preview(env.plan, _x(weekly_km=60.0, longest_run_km=16.0))
    first_long = next(s for s in block.sessions if s.type == "long")
    assert first_long.distance_km == 17.6  # 0.30 x 60 = 18 km wanted, capped at 1.1 x 16 = 17.6 (Frandsen 2025)


def test_summary_names_the_conventions_and_their_sources(env) -> None:
    lines = summary_lines(preview(env.plan, _x()))
    assert lines[0] == ("4-week run block, Mon 01 Mar 2027 to Sun 28 Mar 2027: 4 runs and 2 lifts a week, "
                        "experience some.")
    assert lines[2] == "week  dates          phase         km   long km  above easy  load AU  tonnage kg  ACWR"
    assert lines[3].startswith("   1  01 Mar-07 Mar  build 1       29.8      8.0 ")
    assert lines[3].endswith("  -")  # building up: under 28 days of load
    assert lines[6].endswith("  1.19")  # day 28, the first with a ratio (EWMA 7/28 d)
    text = "\n".join(lines)
    for source in ("Nielsen 2014; Buist 2008", "Frandsen 2025", "Impellizzeri 2020", "Rogerson 2024",
                   "Doma & Deakin 2013"):
        assert source in text
    assert ("Week pattern: Mon easy run; Tue hard run; Wed easy run; Thu heavy legs; Fri mobility; Sat light legs; "
            "Sun long run.") in lines


def _mark_done(env, until: dt.date) -> list:
    from planner.domain.enums import Status
    from planner.services.operations import SessionsOp

    old = [s for s in env.store.sessions.all() if s.date < until]
    done = [s.replace(status=Status.DONE, actual_duration_min=s.duration_min, actual_rpe=s.rpe) for s in old]
    env.plan.runner.run(SessionsOp("Mark done", old, done))
    return done


def test_replan_from_a_day_keeps_what_is_done_and_is_one_undo_step(env) -> None:
    from planner.domain.enums import Status
    from planner.domain.generator import block_findings, serious
    from planner.services.generate import replan

    write(env.plan, preview(env.plan, _x(weeks=8)))
    day = START + dt.timedelta(days=9)  # Wednesday of week 2, its session already done
    done = _mark_done(env, day + dt.timedelta(days=1))
    before = _all(env.store)
    steps = env.stack.count()
    result = replan(env.plan, day)
    assert env.stack.count() == steps + 1
    assert env.stack.undoText() == "Re-plan the block from Wed 10 Mar"
    kept = [s for s in env.store.sessions.all() if s.status is Status.DONE]
    assert sorted(kept, key=lambda s: s.id) == sorted(done, key=lambda s: s.id)  # what is done stays as it is
    assert [s.date for s in kept if s.date >= day] == [day]  # today's done run, and nothing new beside it
    fresh = [s for s in env.store.sessions.all() if s.status is Status.PLANNED]
    assert fresh and min(s.date for s in fresh) > day and max(s.date for s in fresh) == START + dt.timedelta(days=55)
    assert result.kept == 1 and result.written.replaced == len(fresh) == len(result.written.sessions)
    assert serious(block_findings(result.written.block, env.store.profile.get(), kept)) == []
    env.stack.undo()
    assert _all(env.store) == before


def test_replan_needs_a_generated_block_and_a_day_inside_it(env) -> None:
    from planner.services.generate import replan

    with pytest.raises(GeneratorError, match=r"^There is no generated block to re-plan\. What would work: generate"):
        replan(env.plan, START)
    write(env.plan, preview(env.plan, _x()))
    with pytest.raises(GeneratorError, match=r"^Mon 29 Mar 2027 is outside the last generated block \(Mon 01 Mar to "
                                             r"Sun 28 Mar 2027\)"):
        replan(env.plan, START + dt.timedelta(days=28))


def _replan_week(env, day: dt.date, fatigue: int):
    """An 8-week block (run focus, 30 km a week), fatigue logged on Mon-Wed of week 3, re-planned from Wed."""
    from planner.domain.profile import ReadinessEntry
    from planner.services.generate import replan

    write(env.plan, preview(env.plan, _x(weeks=8)))
    for k in range(3):
        d = day - dt.timedelta(days=2 - k)
        env.store.readiness.put(d, ReadinessEntry(d, fatigue=fatigue))
    return replan(env.plan, day)


def test_replan_after_a_lighter_week_finding_makes_the_week_lighter_and_says_so(env) -> None:
    """Coach: fatigue 4 of 5 on three days in a row is the log asking for a lighter week (Meeusen 2013). Re-planned
    on Wednesday of build week 3, that week becomes a deload (about 60 % of the running: 0.6 x 30 km = 18 km for
    the whole week, so its Wed-Sun share is smaller), and the block then returns to its level."""
    from planner.services.generate import readiness_findings

    day = START + dt.timedelta(days=16)  # Wed 17 Mar, week 3, which was a build week
    result = _replan_week(env, day, fatigue=4)
    assert [f.rule for f in readiness_findings(env.plan, day)] == ["readiness-low"]
    weeks = result.written.block.weeks
    assert [w.label for w in weeks] == ["deload", "build 1", "build 2", "deload", "build 1", "build 2"]  # even phases
    assert weeks[0].km <= 0.6 * 30.0 and weeks[1].km == pytest.approx(30.0, abs=0.5)
    assert env.stack.undoText() == "Re-plan the block from Wed 17 Mar, a lighter week first"
    assert (f"Week 3 is a lighter week ({weeks[0].km:g} km, a deload at about 60 % of the last build week): your "
            "readiness log suggests one (Meeusen 2013). The weeks after it return to where the block was."
            ) in result.written.block.notes


def test_replan_without_a_finding_keeps_the_build_week(env) -> None:
    """Fatigue 3 of 5 is below the rule's 4: no finding, and week 3 stays a build week."""
    from planner.services.generate import readiness_findings

    day = START + dt.timedelta(days=16)
    result = _replan_week(env, day, fatigue=3)
    assert readiness_findings(env.plan, day) == []
    assert result.written.block.weeks[0].label == "build 3"
    assert env.stack.undoText() == "Re-plan the block from Wed 17 Mar"
    assert not any("lighter week" in n for n in result.written.block.notes)
