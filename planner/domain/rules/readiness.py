"""readiness-low: the athlete's own log says a lighter week may help (Meeusen 2013).

Fires on fatigue >= 4 on 3 days in a row, sleep under 6 h on 3 of 7 days, or actual effort above
plan on most done sessions of a week. It suggests a lighter week and diagnoses nothing. Only when
performance has also fallen for 2 weeks or more (here: the mean pace of done easy runs slower in
each of the last two weeks than the week before) does it add a "fatigue check" pointing to a
professional, as the ECSS/ACSM consensus words it.
"""

from __future__ import annotations

import datetime as dt

from planner.domain.enums import Intensity, Kind, Status
from planner.domain.intensity import intensity
from planner.domain.rules.model import Finding, PlanWindow, Severity, ids
from planner.domain.rules.timing import day_text
from planner.domain.rules.weekly import weeks

DAY = dt.timedelta(days=1)
FATIGUE_HIGH = 4
FATIGUE_DAYS = 3
SLEEP_LOW_H = 6.0
SLEEP_DAYS = 3
#: "Most sessions of a week" needs a week mostly done: at least 5 sessions with an actual RPE.
MIN_DONE = 5


def readiness_low(w: PlanWindow) -> list[Finding]:
    out: list[Finding] = []
    for first in weeks(w):
        last = first + 6 * DAY
        reasons: list[str] = []
        dates: list[dt.date] = []
        run = 0
        for d in w.days(first - (FATIGUE_DAYS - 1) * DAY, last):
            e = w.readiness.get(d)
            run = run + 1 if e is not None and e.fatigue is not None and e.fatigue >= FATIGUE_HIGH else 0
            if run == FATIGUE_DAYS and d >= first:
                reasons.append(f"fatigue 4 or more on 3 days in a row (to {day_text(d)})")
                dates.append(d)
                break
        short = [d for d in w.days(first, last) if (e := w.readiness.get(d)) is not None
                 and e.sleep_h is not None and e.sleep_h < SLEEP_LOW_H]
        if len(short) >= SLEEP_DAYS:
            reasons.append(f"under 6 h of sleep on {len(short)} of 7 days")
            dates.append(short[-1])
        done = [s for d in w.days(first, last) for s in w.on(d)
                if s.status is Status.DONE and s.actual_rpe is not None and s.kind is not Kind.REST]
        above = [s for s in done if s.actual_rpe is not None and s.actual_rpe > s.rpe]
        if len(done) >= MIN_DONE and 2 * len(above) > len(done):
            reasons.append(f"{len(above)} of {len(done)} sessions felt harder than planned")
            dates.append(max(s.date for s in above))
        if not reasons:
            continue
        src = "Meeusen 2013"
        check = ""
        if pace_falling(w, last):
            check = (" Your easy-run pace has also slowed for two weeks: if a lighter week does not help, a "
                     "fatigue check with a doctor or sports-medicine professional is worth it, to rule out "
                     "illness, low energy intake or iron deficiency. This is not a diagnosis.")
        out.append(Finding(
            "readiness-low", Severity.WARNING, "Your log suggests a lighter week",
            f"In the week of {day_text(first)}: {'; '.join(reasons)}. Consider a lighter week (about 60 % of the "
            f"volume) and more sleep.{check} ({src})",
            src, tuple(sorted(set(dates))), ids(above)))
    return out


def pace_falling(w: PlanWindow, last: dt.date) -> bool:
    """Mean minutes per km of done easy runs, per week, higher in each of the last two weeks."""
    paces = []
    for k in (2, 1, 0):
        end = last - 7 * k * DAY
        runs = [s for d in w.days(end - 6 * DAY, end) for s in w.on(d)
                if s.kind is Kind.RUN and s.status is Status.DONE and s.effective_distance_km
                and intensity(s, s.effective_rpe) is Intensity.EASY]
        km = sum(s.effective_distance_km or 0.0 for s in runs)
        if km <= 0:
            return False
        paces.append(sum(s.effective_duration_min for s in runs) / km)
    return paces[0] < paces[1] < paces[2]


__all__ = ["readiness_low"]
