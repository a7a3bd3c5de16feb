"""Rules about the order and spacing of hard runs and heavy lifting (Robineau 2016; Doma & Deakin 2013).

- hard-run-after-heavy-legs: a hard or long run after a heavy lower-body lift: alert under 6 h
  (Robineau 2016), warning 6-24 h (Doma & Deakin 2013), info 24-48 h for a lifter new to it
  (Doma 2017, "hours to days").
- heavy-legs-after-hard-run: heavy lower-body lifting the day after a hard or long run; the
  source article suggests upper body or core on that day instead.
- back-to-back-hard-days: two hard days in a row (a convention); pairs the two rules above
  already report are not repeated.
- same-day-order: a hard run and a hard lift on one day in the wrong order for the goal (lift
  first for lift focus, run first for run focus): warning 3-6 h apart, alert under 3 h
  (Schumann 2022; Methenitis 2018); not repeated when hard-run-after-heavy-legs reports the pair.
  A hard upper-body lift after a hard run is only information for lift focus (Sporer & Wenger 2003).
- heavy-legs-soon-after-run: a key run, then heavy legs under 3 h later, for run focus and
  balanced: information (Robineau 2016; Schumann 2022).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from planner.domain.enums import Experience, Goal, Kind
from planner.domain.intensity import HARD_RPE, is_hard, is_key_run
from planner.domain.rules.model import Finding, PlanWindow, Severity
from planner.domain.rules.timing import comes_before, day_text, gap_hours, hours_text, untimed
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
        lifts = [s for s in w.on(d) if w.heavy_legs(s)]
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
        lifts = [s for s in w.on(d) if w.heavy_legs(s)]
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
                    f"before the next key run: a coaching convention, with sessions spread 6 to 24 h apart ({src})",
                    src, (d - DAY, d), (run.id or 0, lift.id or 0)))
    return out


#: The rules whose findings already name a pair of hard days.
_PAIR_RULES = frozenset({"hard-run-after-heavy-legs", "heavy-legs-after-hard-run"})


def back_to_back(w: PlanWindow, earlier: Sequence[Finding]) -> list[Finding]:
    """Two hard days in a row that the sequencing rules above have not already reported."""
    reported = {frozenset(f.dates) if len(f.dates) == 2 else frozenset((f.dates[0] - DAY, f.dates[0]))
                for f in earlier if f.rule in _PAIR_RULES}
    out: list[Finding] = []
    for d in w.days(w.first, w.last):
        a, b = w.on(d - DAY), w.on(d)
        if not (w.hard_day(a) and w.hard_day(b)) or frozenset((d - DAY, d)) in reported:
            continue
        hard_a = [s for s in a if is_key_run(s) or w.heavy_legs(s)]
        hard_b = [s for s in b if is_key_run(s) or w.heavy_legs(s)]
        src = "app convention"
        out.append(Finding(
            "back-to-back-hard-days", Severity.WARNING, "Two hard days in a row",
            f"{day_text(d - DAY)} ('{hard_a[0].title}') and {day_text(d)} ('{hard_b[0].title}') are both hard "
            "days. Hard days go better with an easy day between them; a hard upper-body or core lift after a "
            f"hard run would not count as a hard day. A convention, not a measured limit ({src})",
            src, (d - DAY, d), tuple(s.id or 0 for s in (*hard_a, *hard_b))))
    return out


def _same_day_pairs(w: PlanWindow, d: dt.date) -> list[tuple[Session, Session]]:
    """A key run and a hard lift (heavy legs, or session RPE >= 7) on day `d`, in the order they
    happen; heavy legs first is left to hard-run-after-heavy-legs."""
    day = w.on(d)
    lifts = [s for s in day if s.kind is Kind.LIFT and (w.heavy_legs(s) or s.effective_rpe >= HARD_RPE)]
    out = []
    for run in (s for s in day if is_key_run(s)):
        for lift in lifts:
            first, second = (lift, run) if comes_before(lift, run) else (run, lift)
            if not (first is lift and w.heavy_legs(lift)):
                out.append((first, second))
    return out


def same_day_order(w: PlanWindow) -> list[Finding]:
    """Wrong order for the goal, under 6 h apart. A hard upper-body lift after a hard run is at
    most information for lift focus: upper-body strength is barely affected (Sporer & Wenger 2003)."""
    goal = w.profile.goal
    if goal is Goal.BALANCED:
        return []
    want = "lift first" if goal is Goal.LIFT else "run first"
    out: list[Finding] = []
    for d in w.days(w.first, w.last):
        for first, second in _same_day_pairs(w, d):
            run = first if first.kind is Kind.RUN else second
            lift = second if first is run else first
            wrong = (goal is Goal.LIFT) == (first is run)
            gap = gap_hours(first, second)
            if not wrong or gap >= ALERT_GAP_H:
                continue
            sev = Severity.ALERT if gap < SAME_DAY_ALERT_H else Severity.WARNING
            src = "Schumann 2022; Methenitis 2018"
            why = "explosive strength suffers most when the two are under 3 h apart"
            if goal is Goal.LIFT and not w.heavy_legs(lift):
                sev, src = Severity.INFO, "Sporer & Wenger 2003; Schumann 2022"
                why = ("this lift is upper body, which a run before it barely affects, so it is only worth "
                       "knowing")
            out.append(Finding(
                "same-day-order", sev, f"Wrong order for your goal: {want}",
                f"'{first.title}' comes {hours_text(gap)} before '{second.title}' on {day_text(d)}. With "
                f"{'strength' if goal is Goal.LIFT else 'running'} as the goal, the usual advice is to "
                f"{want}; {why}.{_untimed_note(first, second)} ({src})",
                src, (d,), (first.id or 0, second.id or 0)))
    return out


def heavy_legs_soon_after_run(w: PlanWindow) -> list[Finding]:
    """A key run, then heavy legs under 3 h later on the same day, for the goals whose order it
    is (lift focus hears it from same-day-order)."""
    if w.profile.goal is Goal.LIFT:
        return []
    out: list[Finding] = []
    for d in w.days(w.first, w.last):
        for run, lift in _same_day_pairs(w, d):
            gap = gap_hours(run, lift)
            if run.kind is not Kind.RUN or not w.heavy_legs(lift) or gap >= SAME_DAY_ALERT_H:
                continue
            src = "Robineau 2016; Schumann 2022"
            out.append(Finding(
                "heavy-legs-soon-after-run", Severity.INFO, f"Heavy legs {hours_text(gap)} after a key run",
                f"'{lift.title}' starts {hours_text(gap)} after '{run.title}' ends on {day_text(d)}. The order fits "
                "your goal, but so close together the two get in each other's way: strength gains were smaller "
                "with 0 h than with 6 h between sessions, and explosive strength suffered more within one "
                f"session than with 3 h or more between them. Consider 3 h or more.{_untimed_note(run, lift)} "
                f"({src})",
                src, (d,), (run.id or 0, lift.id or 0)))
    return out
