"""Rules read over a week or a stretch of days (Spiering 2021; Methenitis 2018); the running-volume rules are in
running.py.

- no-recovery-day: seven days in a row without a rest or recovery day (a convention).
- no-mobility: a week with no mobility, yoga or foam rolling, suggested for range of motion and
  how running feels, never as injury prevention (stretching did not prevent injuries: Lauersen 2014).
- goal-mismatch: the week does not fit the profile's goal (Methenitis 2018 session ratios;
  Spiering 2021 maintenance dose).
- intensity-balance: more than 25 % of running time above easy over the last 2 weeks (the upper
  end of the "about 20-25 %" convention, Seiler 2010); silent on all-easy running and for lift focus.
  Races are left out: the split describes training, and race week would always trip it.
Weeks are ISO weeks (Monday to Sunday) whatever the display's first day.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum

from planner.domain.enums import Goal, Intensity, Kind, LiftFocus, RunType
from planner.domain.intensity import intensity, is_recovery_day
from planner.domain.rules.model import Finding, PlanWindow, Severity, ids, week_finding
from planner.domain.rules.timing import day_text
from planner.domain.session import Session

DAY = dt.timedelta(days=1)
STREAK_DAYS = 7
#: "more than about 20-25 %" of running time above easy (Seiler 2010): flagged above 25 %.
ABOVE_EASY_SHARE = 0.25
#: Below this much running over the two weeks the split says little (one tempo of three runs).
MIN_RUN_MIN = 90
_POSTERIOR = re.compile(r"deadlift|hip thrust|nordic|good morning|hamstring|glute|swing|rdl", re.I)
_CALF = re.compile(r"calf|ankle|pogo|hop|jump", re.I)


class GoalGap(StrEnum):
    """What a goal-mismatch finding says is missing or too much (its fix depends on it)."""

    FEW_LIFTS = "few-lifts"
    NO_POSTERIOR = "no-posterior"
    NO_CALF = "no-calf"
    HARD_RUNS = "hard-runs"
    RUN_BEFORE_HEAVY_LEGS = "run-before-heavy-legs"
    NO_LIFTING = "no-lifting"
    NO_RUNNING = "no-running"


def week_of(day: dt.date) -> dt.date:
    """The Monday of `day`'s ISO week: the rules read ISO weeks whatever the week's first day on
    screen, so that a display setting never changes a verdict."""
    return day - day.weekday() * DAY


def weeks(w: PlanWindow) -> list[dt.date]:
    """Mondays of the ISO weeks that overlap first..last."""
    d = week_of(w.first)
    out = []
    while d <= w.last:
        out.append(d)
        d += 7 * DAY
    return out


def week_sessions(w: PlanWindow, first: dt.date) -> list[Session]:
    return [s for k in range(7) for s in w.on(first + k * DAY)]


def no_recovery_day(w: PlanWindow) -> list[Finding]:
    out: list[Finding] = []
    streak: list[dt.date] = []
    for d in w.days(w.first - (STREAK_DAYS - 1) * DAY, w.last):
        streak = [] if is_recovery_day(w.on(d)) else [*streak, d]
        if len(streak) == STREAK_DAYS and w.in_range(d):
            src = "app convention; Meeusen 2013"
            days = tuple(streak)
            out.append(Finding(
                "no-recovery-day", Severity.WARNING, "Seven days without a rest day",
                f"{day_text(days[0])} to {day_text(days[-1])} has no rest or recovery day. Recovery is "
                f"planned, not left to chance: consider making one of these days a rest day. A convention "
                f"({src})",
                src, days, ids([s for x in days for s in w.on(x)])))
            streak = []
    return out


def no_mobility(w: PlanWindow) -> list[Finding]:
    out: list[Finding] = []
    for first in weeks(w):
        ss = week_sessions(w, first)
        if not ss or any(s.kind is Kind.MOBILITY for s in ss):
            continue
        out.append(week_finding(
            "no-mobility", Severity.INFO, "No mobility work this week",
            f"The week of {day_text(first)} has no mobility, yoga or foam-rolling session. Consider one for "
            f"range of motion and how running feels; it is not injury prevention: stretching did not reduce "
            f"injuries, strength training did", "Lauersen 2014", first))
    return out


def _is_posterior(e_name: str, muscles: tuple[str, ...]) -> bool:
    return bool(_POSTERIOR.search(e_name)) or any(m in ("hamstrings", "glutes") for m in muscles)


def _is_calf(e_name: str, muscles: tuple[str, ...]) -> bool:
    return bool(_CALF.search(e_name)) or any(m in ("calves", "tibialis") for m in muscles)


def goal_mismatch(w: PlanWindow) -> list[Finding]:
    out: list[Finding] = []
    goal = w.profile.goal
    for first in weeks(w):
        ss = week_sessions(w, first)
        if not ss:
            continue
        last = first + 6 * DAY
        lifts = [s for s in ss if s.kind is Kind.LIFT]
        runs = [s for s in ss if s.kind is Kind.RUN]
        problems: list[tuple[GoalGap, Severity, str, str, str]] = []
        if goal is Goal.RUN:
            src = "Methenitis 2018; Spiering 2021"
            if len(lifts) < 2:
                problems.append((GoalGap.FEW_LIFTS, Severity.WARNING, "Fewer than 2 strength sessions",
                                 f"has {len(lifts)} strength session{'s' if len(lifts) != 1 else ''}; for a runner "
                                 "who lifts, two a week keep strength and help running economy", src))
            exercises = [(e.name, e.muscles) for s in lifts for e in s.exercises]
            if lifts and not any(_is_posterior(*e) for e in exercises):
                problems.append((GoalGap.NO_POSTERIOR, Severity.INFO, "No posterior-chain work",
                                 "has no posterior-chain work (deadlift, hip thrust, Nordic curl)", src))
            if lifts and not any(_is_calf(*e) for e in exercises):
                problems.append((GoalGap.NO_CALF, Severity.INFO, "No calf or ankle work",
                                 "has no calf or ankle work (calf raises, hops)", src))
        elif goal is Goal.LIFT:
            src = "Methenitis 2018; Wilson 2012"
            hard_runs = [s for s in runs if intensity(s, s.effective_rpe) is Intensity.HARD]
            if len(hard_runs) > 1:
                problems.append((GoalGap.HARD_RUNS, Severity.WARNING, "More than one hard run",
                                 f"has {len(hard_runs)} hard runs; with strength as the goal, one is plenty: "
                                 "more running, and more hard running, means more interference", src))
            for s in lifts:
                before = [r for r in w.on(s.date - DAY) if r.kind is Kind.RUN]
                if before and s.type in (LiftFocus.LOWER, LiftFocus.FULL) and w.hard_day([s]):
                    problems.append((GoalGap.RUN_BEFORE_HEAVY_LEGS, Severity.WARNING, "A run the day before heavy legs",
                                     f"has '{before[0].title}' the day before '{s.title}'", src))
                    break
        else:
            src = "Methenitis 2018"
            if ss and not lifts and runs:
                problems.append((GoalGap.NO_LIFTING, Severity.WARNING, "No lifting this week",
                                 "has runs but no lift", src))
            if ss and not runs and lifts:
                problems.append((GoalGap.NO_RUNNING, Severity.WARNING, "No running this week",
                                 "has lifts but no run", src))
        for gap, sev, title, what, src in problems:
            out.append(Finding(
                "goal-mismatch", sev, title,
                f"The week of {day_text(first)} {what}, which does not fit your goal "
                f"({_goal_words(goal)}) ({src})",
                src, (first, last), ids(ss) if sev is not Severity.INFO else (), variant=gap))
    return out


def _goal_words(goal: Goal) -> str:
    return {Goal.RUN: "lifting for running", Goal.LIFT: "running for lifters",
            Goal.BALANCED: "balanced: both running and lifting"}[goal]


def intensity_balance(w: PlanWindow) -> list[Finding]:
    if w.profile.goal is Goal.LIFT:
        return []
    out: list[Finding] = []
    for first in weeks(w):
        last = first + 6 * DAY
        runs = [s for d in w.days(last - 13 * DAY, last) for s in w.on(d)
                if s.kind is Kind.RUN and s.type != RunType.RACE]
        total = sum(s.effective_duration_min for s in runs)
        above = sum(s.effective_duration_min for s in runs if intensity(s, s.effective_rpe) is not Intensity.EASY)
        this_week = [s for s in runs if s.date >= first and intensity(s, s.effective_rpe) is not Intensity.EASY]
        if not this_week or total < MIN_RUN_MIN or above <= ABOVE_EASY_SHARE * total:
            continue  # a week without a run above easy of its own is not told about the last one
        src = "Seiler 2010; Seiler & Kjerland 2006"
        share = round(100 * above / total)
        out.append(Finding(
            "intensity-balance", Severity.INFO, f"{share} % of running time above easy",
            f"In the two weeks to {day_text(last)}, {above} of {total} running minutes ({share} %) are above easy "
            f"(session RPE 5 and up, or a tempo, interval, hill or race run). Endurance athletes keep about 75-80 % "
            f"of their training easy; consider making one of the moderate runs easy. A convention: the 80 % comes "
            f"from athletes training 10-13 times a week ({src})",
            src, (first, last), ids(this_week)))
    return out


