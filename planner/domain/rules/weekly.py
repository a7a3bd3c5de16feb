"""Rules read over a week or a stretch of days (SCIENCE.md §7, §9).

- no-recovery-day: seven days in a row without a rest or recovery day (a convention).
- long-run-spike: a run longer than 1.1 x the longest run of the previous 30 days (Frandsen 2025).
  The hazard in that study did not rise steadily with the size of the jump, so the message never
  says "the bigger the jump, the bigger the risk". A race is exempt (plans race at about 1.3 x the
  longest training run).
- comeback-run: after 30 days or more without a run, a run over 60 min or 10 km, or longer than
  what was run before the break (an app convention built on Frandsen 2025).
- weekly-running-change: a week's running km 25 % or more above the largest of the 3 weeks before
  and at least 8 km more: information only (Nielsen 2014; Frandsen 2025 found single sessions,
  not weekly changes, to carry the risk).
Weeks are ISO weeks (Monday to Sunday) whatever the display's first day.
- no-mobility: a week with no mobility, yoga or foam rolling, suggested for range of motion and
  how running feels, never as injury prevention (stretching did not prevent injuries: Lauersen 2014).
- goal-mismatch: the week does not fit the profile's goal (Methenitis 2018 session ratios;
  Spiering 2021 maintenance dose; SCIENCE.md §5, §9).
- intensity-balance: more than 25 % of running time above easy over the last 2 weeks (the upper
  end of the "about 20-25 %" convention, Seiler 2010); silent on all-easy running and for lift focus.
  Races are left out: the split describes training, and race week would always trip it.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from enum import StrEnum

from planner.domain.enums import Goal, Intensity, Kind, LiftFocus, RunType
from planner.domain.intensity import intensity, is_hard_day, is_race, is_recovery_day
from planner.domain.load_series import SPIKE_FACTOR, SPIKE_WINDOW_DAYS
from planner.domain.rules.model import Finding, PlanWindow, Severity, ids, week_finding
from planner.domain.rules.timing import day_text
from planner.domain.session import Session

DAY = dt.timedelta(days=1)
STREAK_DAYS = 7
#: "more than about 20-25 %" of running time above easy (SCIENCE.md §9): flagged above 25 %.
ABOVE_EASY_SHARE = 0.25
#: Below this much running over the two weeks the split says little (one tempo of three runs).
MIN_RUN_MIN = 90
#: A comeback: 30 days or more without a run, then a run over 60 min or 10 km (app convention).
COMEBACK_MIN = 60
COMEBACK_KM = 10.0
#: Weekly change: 25 % or more above the largest of the 3 weeks before, and 8 km or more.
WEEKLY_RISE = 0.25
WEEKLY_RISE_KM = 8.0
CHANGE_WEEKS = 3
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


def long_run_spike(w: PlanWindow) -> list[Finding]:
    """Silent until the plan reaches back 30 days: before that there is no "previous 30 days"."""
    out: list[Finding] = []
    start = min((d for d, ss in w.sessions.items() if ss), default=None)
    if start is None:
        return out
    longest = {d: max((s.effective_distance_km or 0.0 for s in w.on(d) if s.kind is Kind.RUN), default=0.0)
               for d in w.days(w.first - SPIKE_WINDOW_DAYS * DAY, w.last)}
    for d in w.days(w.first, w.last):
        runs = [s for s in w.on(d) if s.kind is Kind.RUN and s.effective_distance_km and not is_race(s)]
        if not runs or start > d - SPIKE_WINDOW_DAYS * DAY:
            continue
        prev = max(longest[d - k * DAY] for k in range(1, SPIKE_WINDOW_DAYS + 1))
        if prev <= 0:
            continue
        for run in runs:
            km = run.effective_distance_km or 0.0
            if km <= SPIKE_FACTOR * prev + 1e-9:
                continue
            src = "Frandsen 2025"
            out.append(Finding(
                "long-run-spike", Severity.WARNING, "Run longer than 1.1 x your recent longest",
                f"'{run.title}' ({day_text(d)}) is {km:g} km, {km / prev:.2f} x the longest run of the previous "
                f"30 days ({prev:g} km). In 5205 runners, a run more than 10 % longer than the longest of the "
                f"previous 30 days came with more injuries. Consider keeping it to {_cap(prev):g} km ({src})",
                src, (d,), ids([run])))
    return out


@dataclass(frozen=True)
class Break:
    """A run's day seen as a comeback: the last run before it (None: none in the plan) and the
    longest run of the 30 days up to that one; `limit_km` is what a first run back may be."""

    last_run: dt.date | None
    before_km: float

    @property
    def limit_km(self) -> float:
        return min(COMEBACK_KM, self.before_km) if self.before_km else COMEBACK_KM


def break_before(w: PlanWindow, d: dt.date) -> Break | None:
    """The break before day `d` when there was no run in the 30 days before it and the plan
    reaches back that far; else None."""
    start = min((x for x, ss in w.sessions.items() if ss), default=None)
    if start is None or start > d - SPIKE_WINDOW_DAYS * DAY:
        return None
    last = max((x for x in w.sessions if x < d and any(s.kind is Kind.RUN for s in w.on(x))), default=None)
    if last is not None and last > d - SPIKE_WINDOW_DAYS * DAY:
        return None
    return Break(last, _longest(w, last - (SPIKE_WINDOW_DAYS - 1) * DAY, last) if last else 0.0)


def comeback_run(w: PlanWindow) -> list[Finding]:
    """The first run after 30 days or more without one, over 60 min or 10 km or longer than the
    longest run of the 30 days before the break. Silent until the plan reaches back 30 days."""
    out: list[Finding] = []
    for d in w.days(w.first, w.last):
        runs = [s for s in w.on(d) if s.kind is Kind.RUN]
        brk = break_before(w, d) if runs else None
        if brk is None:
            continue
        last, ref, limit = brk.last_run, brk.before_km, brk.limit_km
        run = max(runs, key=lambda s: (s.effective_distance_km or 0.0, s.effective_duration_min))
        km, minutes = run.effective_distance_km or 0.0, run.effective_duration_min
        if km <= limit + 1e-9 and minutes <= COMEBACK_MIN:
            continue
        src = "app convention; Frandsen 2025"
        gap = f"{(d - last).days} days" if last else "30 days or more"
        size = f"{km:g} km and {minutes} min" if km else f"{minutes} min"
        then = f"; the longest run of the 30 days before the break was {ref:g} km" if ref else ""
        out.append(Finding(
            "comeback-run", Severity.WARNING, "A long run straight after a break",
            f"'{run.title}' ({day_text(d)}) is {size}, after {gap} without a run{then}. Build back from short "
            f"runs: consider keeping the first runs to at most {limit:g} km and 60 min. The reference after a "
            f"break is what you ran before it, at most: in 5205 runners, a run longer than the longest of the "
            f"previous 30 days came with more injuries. The 30 days, 60 min and 10 km are an app convention "
            f"({src})",
            src, (d,), ids([run])))
    return out


def _longest(w: PlanWindow, first: dt.date, last: dt.date) -> float:
    return max((s.effective_distance_km or 0.0 for d in w.days(first, last) for s in w.on(d)
                if s.kind is Kind.RUN), default=0.0)


def weekly_running_change(w: PlanWindow) -> list[Finding]:
    out: list[Finding] = []
    for first in weeks(w):
        km = _week_km(w, first)
        prev = max(_week_km(w, first - k * 7 * DAY) for k in range(1, CHANGE_WEEKS + 1))
        if prev <= 0 or km < (1 + WEEKLY_RISE) * prev - 1e-9 or km - prev < WEEKLY_RISE_KM - 1e-9:
            continue
        src = "Nielsen 2014; Frandsen 2025"
        pct = round(100 * (km / prev - 1))
        out.append(week_finding(
            "weekly-running-change", Severity.INFO, f"Running up {pct} % on your recent weeks",
            f"The week of {day_text(first)} has {km:g} km of running, {pct} % ({km - prev:g} km) more than the "
            f"largest of the 3 weeks before ({prev:g} km). Shown as information: in the cohort studies single "
            f"long sessions, not weekly % changes, carried the injury risk. The 25 % and 8 km marks are an app "
            f"convention", src, first))
    return out


def _week_km(w: PlanWindow, first: dt.date) -> float:
    return round(sum(s.effective_distance_km or 0.0 for s in week_sessions(w, first) if s.kind is Kind.RUN), 1)


def _cap(prev_km: float) -> float:
    """1.1 x the previous longest, rounded down to 0.1 km."""
    return math.floor(SPIKE_FACTOR * prev_km * 10 + 1e-9) / 10


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
                if before and s.type in (LiftFocus.LOWER, LiftFocus.FULL) and is_hard_day([s]):
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


