"""Rules about the order and spacing of hard runs and heavy lifting (Robineau 2016; Doma & Deakin 2013).

- hard-run-after-heavy-legs: a hard or long run after a heavy lower-body lift: alert under 6 h
  (Robineau 2016), warning 6-24 h (Doma & Deakin 2013), info 24-48 h for a lifter new to it
  (Doma 2017, "hours to days").
- heavy-legs-after-hard-run: heavy lower-body lifting the day after a hard or long run; the
  source article suggests upper body or core on that day instead.
- back-to-back-hard-days: two hard days in a row (a convention); pairs the two rules above
  already report are not repeated.
- same-day-order: a hard run and a heavy lift on one day in the wrong order for the goal (lift
  first for lift focus, run first for run focus): warning 3-6 h apart, alert under 3 h
  (Schumann 2022; Methenitis 2018); not repeated when hard-run-after-heavy-legs reports the pair.
"""

from __future__ import annotations

import datetime as dt

from planner.domain.enums import Experience, Goal, Kind
from planner.domain.intensity import HARD_RPE, is_hard
from planner.domain.rules.model import Finding, PlanWindow, Severity
from planner.domain.rules.timing import (
    comes_before,
    day_text,
    gap_hours,
    heavy_legs,
    hours_text,
    is_hard_day,
    is_key_run,
    untimed,
)
from planner.domain.session import Session

ALERT_GAP_H = 6.0  # Robineau 2016
WARNING_GAP_H = 24.0  # Doma & Deakin 2013
NEW_LIFTER_GAP_H = 48.0  # Doma 2017: hours to days
SAME_DAY_ALERT_H = 3.0  # Schumann 2022: >= 3 h apart loses less explosive strength
DAY = dt.timedelta(days=1)


def _untimed_note(a: Session, b: Session) -> str:
    return " No start times are set, so both count from noon." if untimed(a, b) else ""


def heavy_then_run(w: PlanWindow) -> list[Finding]:
    out: list[Finding] = []
    new = w.profile.experience is Experience.NEW
    for d in w.days(w.first - 2 * DAY, w.last):
        lifts = [s for s in w.on(d) if heavy_legs(s)]
        for lift in lifts:
            for k in range(3):
                day = d + k * DAY
                if not w.in_range(day):
                    continue
                for run in w.on(day):
                    if not (is_key_run(run) and comes_before(lift, run)):
                        continue
                    f = _heavy_then_run(lift, run, gap_hours(lift, run), new)
                    if f is not None:
                        out.append(f)
    return out


def _heavy_then_run(lift: Session, run: Session, gap: float, new: bool) -> Finding | None:
    what = f"'{run.title}' ({day_text(run.date)}) starts {hours_text(gap)} after '{lift.title}' ends."
    note = _untimed_note(lift, run)
    word = "Hard run" if is_hard(run, run.effective_rpe) else "Long run"
    if gap < ALERT_GAP_H:
        sev, src = Severity.ALERT, "Robineau 2016"
        why = (" With under 6 h between them, heavy legs and a key run get in each other's way: in a "
               "7-week trial, 0 h between sessions cut strength gains compared with 6 h or 24 h. "
               "Consider another day for one of them, or an easy run.")
    elif gap < WARNING_GAP_H:
        sev, src = Severity.WARNING, "Doma & Deakin 2013"
        why = (" Lower-body strength work 6 h before a run still impaired running economy the next "
               "day. Consider 24 h or more between heavy legs and a key run.")
    elif new and gap < NEW_LIFTER_GAP_H:
        sev, src = Severity.INFO, "Doma 2017"
        why = (" You are new to combining the two, and leg fatigue after heavy lifting can last hours "
               "to days. Consider about 48 h before key runs for now.")
    else:
        return None
    return Finding("hard-run-after-heavy-legs", sev, f"{word} {hours_text(gap)} after heavy legs",
                   f"{what}{why}{note} ({src})", src, tuple(sorted({lift.date, run.date})),
                   (lift.id or 0, run.id or 0))


def run_then_heavy(w: PlanWindow) -> list[Finding]:
    out: list[Finding] = []
    for d in w.days(w.first, w.last):
        lifts = [s for s in w.on(d) if heavy_legs(s)]
        if not lifts:
            continue
        runs = [s for s in w.on(d - DAY) if is_key_run(s)]
        for run in runs[:1]:
            for lift in lifts:
                src = "Methenitis 2018; coaching convention"
                out.append(Finding(
                    "heavy-legs-after-hard-run", Severity.WARNING, "Heavy legs the day after a key run",
                    f"'{lift.title}' ({day_text(d)}) comes the day after '{run.title}'. Legs still tired from "
                    "the run lift less well, and the two hard days leave no easy day between them. The usual "
                    "advice is upper body or core the day after a hard run, and heavy legs on a day well "
                    f"before the next key run ({src})",
                    src, (d - DAY, d), (run.id or 0, lift.id or 0)))
    return out


def back_to_back(w: PlanWindow, reported: set[frozenset[dt.date]]) -> list[Finding]:
    """Two hard days in a row that the sequencing rules above have not already reported."""
    out: list[Finding] = []
    for d in w.days(w.first, w.last):
        a, b = w.on(d - DAY), w.on(d)
        if not (is_hard_day(a) and is_hard_day(b)) or frozenset((d - DAY, d)) in reported:
            continue
        hard_a = [s for s in a if is_key_run(s) or heavy_legs(s)]
        hard_b = [s for s in b if is_key_run(s) or heavy_legs(s)]
        src = "app convention"
        out.append(Finding(
            "back-to-back-hard-days", Severity.WARNING, "Two hard days in a row",
            f"{day_text(d - DAY)} ('{hard_a[0].title}') and {day_text(d)} ('{hard_b[0].title}') are both hard "
            "days. Hard days go better with an easy day between them; a hard upper-body or core lift after a "
            f"hard run would not count as a hard day. A convention, not a measured limit ({src})",
            src, (d - DAY, d), tuple(s.id or 0 for s in (*hard_a, *hard_b))))
    return out


def same_day_order(w: PlanWindow) -> list[Finding]:
    goal = w.profile.goal
    if goal is Goal.BALANCED:
        return []
    out: list[Finding] = []
    for d in w.days(w.first, w.last):
        day = w.on(d)
        runs = [s for s in day if is_key_run(s)]
        lifts = [s for s in day if s.kind is Kind.LIFT and (heavy_legs(s) or s.effective_rpe >= HARD_RPE)]
        for run in runs:
            for lift in lifts:
                first, second = (lift, run) if comes_before(lift, run) else (run, lift)
                wrong = (goal is Goal.LIFT and first is run) or (goal is Goal.RUN and first is lift)
                if not wrong or (first is lift and heavy_legs(lift)):  # the heavy-legs rule reports that
                    continue
                gap = gap_hours(first, second)
                if gap >= ALERT_GAP_H:
                    continue
                sev = Severity.ALERT if gap < SAME_DAY_ALERT_H else Severity.WARNING
                want = "lift first" if goal is Goal.LIFT else "run first"
                src = "Schumann 2022; Methenitis 2018"
                out.append(Finding(
                    "same-day-order", sev, f"Wrong order for your goal: {want}",
                    f"'{first.title}' comes {hours_text(gap)} before '{second.title}' on {day_text(d)}. With "
                    f"{'strength' if goal is Goal.LIFT else 'running'} as the goal, the usual advice is to "
                    f"{want}, and explosive strength suffers most when the two are under 3 h apart."
                    f"{_untimed_note(first, second)} ({src})",
                    src, (d,), (first.id or 0, second.id or 0)))
    return out
