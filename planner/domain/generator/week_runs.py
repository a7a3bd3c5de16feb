"""The runs of one generated week: the long run (towards the race's peak), the hard runs and the easy
runs that carry the rest of the week's km, every run within 1.1 x the longest of the 30 days before it
(Frandsen 2025; a race is exempt, as in the plan check), and at most about 20-25 % of running time above
easy (Seiler 2010)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from planner.domain.enums import Goal, RunType
from planner.domain.generator import race, runs
from planner.domain.generator.inputs import MIN_RUN_KM, GeneratorInput
from planner.domain.generator.pattern import Role
from planner.domain.paces import TrainingPaces
from planner.domain.session import SessionContent

DAY = dt.timedelta(days=1)
SPIKE_DAYS = 30
#: "at most about 20-25 %" of running time above easy (Seiler 2010), held in every week, so in every
#: two weeks too (the plan check reads two); not for lift focus, where one hard run a week is the rule.
ABOVE_EASY_TARGET = 0.25


@dataclass
class RunLog:
    """The runs written so far (and the logged ones before the block), for the 1.1 x rule."""

    x: GeneratorInput
    paces: TrainingPaces
    first: dt.date
    done: list[tuple[dt.date, float]] = field(default_factory=list)
    #: Days given the race-week activation session (at most one in the 6 days before the race).
    activations: list[dt.date] = field(default_factory=list)

    def cap(self, written: list[tuple[dt.date, float]], day: dt.date) -> float:
        prev = [km for d, km in self.done + written if day - SPIKE_DAYS * DAY <= d < day]
        base = max(prev) if prev else self.x.longest_run_km
        return runs.floor_km(race.SPIKE * base)

    def longest_before(self, day: dt.date) -> float | None:
        prev = [km for d, km in self.done if day - SPIKE_DAYS * DAY <= d < day]
        return max(prev) if prev else None


@dataclass(frozen=True, slots=True)
class WeekAsk:
    """What a week asks of its runs."""

    monday: dt.date
    kind: str
    target_km: float
    q_step: int
    build_step: int
    race_day: dt.date | None
    peak_long: float
    long_cap: float
    marathon_peak: bool
    floor: float


def runs_of_week(log: RunLog, run_days: list[tuple[dt.date, Role]], rotation: tuple[RunType, ...],
                 ask: WeekAsk, reps_down: int) -> dict[dt.date, SessionContent] | None:
    x, p = log.x, log.paces
    week_no = (ask.monday - x.start).days // 7
    qualities: dict[dt.date, runs.Quality | None] = {}
    for k, d in enumerate(d for d, r in run_days if r is Role.QUALITY):
        kind = rotation[(week_no + k) % len(rotation)]
        q = runs.quality(kind, ask.q_step)
        reps = q.reps - reps_down
        qualities[d] = None if reps < 2 else runs.Quality(q.type, reps, q.work_min, q.rest_min, q.rpe)
        if ask.race_day is not None and x.goal is Goal.LIFT:
            qualities[d] = None  # lift focus: the race is the week's one hard run
    has_long = any(r is Role.LONG for _, r in run_days)
    q_km = sum(q.km(p) for q in qualities.values() if q is not None)
    n_easy = len(run_days) - int(has_long) - sum(q is not None for q in qualities.values())
    long_km = 0.0
    if ask.race_day is not None:
        long_km = x.race_km or 0.0  # the race takes the long run's place and its share of the week
    elif has_long:  # what the 1.1 x rule will allow the long run, so the easy runs carry the rest
        long_km = race.long_wanted(x, ask.kind, ask.target_km, len(run_days), ask.peak_long, ask.marathon_peak)
        prev = log.longest_before(ask.monday)
        long_km = min(long_km, ask.long_cap, race.SPIKE * prev if prev else long_km)
        if prev is None and run_days[0][1] is not Role.LONG and n_easy:  # nothing before: 1.1 x this week's runs
            long_km = min(long_km, race.SPIKE * (ask.target_km - q_km) / (n_easy + race.SPIKE))
    easy_km = (ask.target_km - long_km - q_km) / n_easy if n_easy else 0.0
    if has_long and ask.race_day is None and easy_km > long_km:  # the long run is never shorter than an easy run
        long_km = easy_km = (ask.target_km - q_km) / (n_easy + 1)
    out: dict[dt.date, SessionContent] = {}
    written: list[tuple[dt.date, float]] = []
    for d, r in run_days:
        cap = log.cap(written, d)
        if d == ask.race_day:
            out[d] = runs.race_session(x.race_km or 0.0, p)  # a race is exempt from the 1.1 x rule
        elif ask.race_day is not None and d > ask.race_day:
            out[d] = runs.easy_session(runs.floor_km(min(MIN_RUN_KM, cap)), p, "The days after the race: easy.")
        elif r is Role.LONG:
            km = runs.floor_km(min(max(long_km, easy_km, ask.floor), cap, ask.long_cap))
            segment = race.race_pace_km(x, km, ask.build_step, ask.kind)
            rp = p.race_pace(race.MARATHON_KM if x.race_km == race.MARATHON else race.HALF_KM) if segment else 0.0
            out[d] = runs.long_session(km, p, segment, rp, race.RACE_WORD.get(x.race_km or 0.0, ""))
        elif r is Role.QUALITY and (hard := qualities[d]) is not None:
            if hard.km(p) > cap:
                return None
            out[d] = runs.quality_session(hard, p)
        else:
            km = runs.floor_km(min(max(easy_km, ask.floor), cap, runs.easy_km_cap(p)))
            out[d] = runs.easy_session(km, p, strides=r is Role.QUALITY)
        written.append((d, out[d].distance_km or 0.0))
    total = sum(c.duration_min for c in out.values())
    above = sum(c.duration_min for c in out.values() if c.type in ("tempo", "intervals", "hills"))
    if x.goal is not Goal.LIFT and total and above > ABOVE_EASY_TARGET * total:
        return None
    if above and sum(c.distance_km or 0.0 for c in out.values()) > ask.target_km + 0.05:
        return None  # too much for the week's volume: fewer or no repetitions
    return out
