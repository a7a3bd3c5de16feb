"""Running sessions of a generated block: type, duration, distance and a pace target.

Paces are Daniels' training paces (planner/domain/paces.py) from a recent result, or estimated from
an easy pace: easy and long runs at the easy range, tempo at threshold pace, intervals at interval
pace, the race at its Riegel race pace; half-marathon and marathon blocks put race-pace segments in
some long runs. Each run's `target` starts with its pace range ("5:18-5:53/km easy"). Hard sessions
are written out (warm-up, repetitions, recoveries, cool-down) so their whole time counts as above
easy, the way the plan check reads them (Seiler 2010).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from planner.domain.enums import Intensity, Kind, RunType
from planner.domain.fuelling import session_note
from planner.domain.generator.run_steps import quality_steps, steady_steps
from planner.domain.paces import TrainingPaces
from planner.domain.session import SessionContent
from planner.words.paces import clock, pace_range_text

WARM_MIN, COOL_MIN = 15, 10
LONG_MAX_MIN = 150  # a convention: long runs kept to 2.5 h in a general block
#: A marathon block's long runs go to about 3 h (29-35 km or 3 h, whichever comes first: Daniels 2014).
MARATHON_LONG_MAX_MIN = 180
EASY_MAX_MIN = 80  # an easy run stays well under the 90 min that makes a run "long" (DESIGN.md)
#: A hard run's target: its pace +/- this many seconds per km.
HARD_SPREAD_S = 3
RACE_SPREAD_S = 2


def floor_km(km: float) -> float:
    return math.floor(km * 10 + 1e-9) / 10


def easy_text(p: TrainingPaces) -> str:
    return pace_range_text(*p.easy)


@dataclass(frozen=True, slots=True)
class Quality:
    """A hard run: `reps` x `work_min` at its training pace, `rest_min` jog between."""

    type: RunType
    reps: int
    work_min: float
    rest_min: float
    rpe: float

    def minutes(self, warm: int = WARM_MIN, cool: int = COOL_MIN) -> int:
        return int(round(warm + cool + self.reps * self.work_min + (self.reps - 1) * self.rest_min))

    def fast_pace(self, p: TrainingPaces) -> float:
        """Threshold pace for tempo; interval pace for intervals; hills run by effort, about interval pace."""
        return p.threshold if self.type is RunType.TEMPO else p.interval

    def km(self, p: TrainingPaces, warm: int = WARM_MIN, cool: int = COOL_MIN) -> float:
        easy_min = warm + cool + (self.reps - 1) * self.rest_min
        return floor_km(easy_min * 60 / p.easy[1] + self.reps * self.work_min * 60 / self.fast_pace(p))


#: Repetitions by build step (0, 1, 2, 3...): small steps up, capped.
QUALITY_KINDS = {
    RunType.TEMPO: (2, 8.0, 2.0, 7.0),
    RunType.INTERVALS: (4, 3.0, 2.0, 8.0),
    RunType.HILLS: (6, 1.0, 1.5, 7.0),
}
REPS_STEP = {RunType.TEMPO: 1, RunType.INTERVALS: 1, RunType.HILLS: 2}
REPS_MAX = {RunType.TEMPO: 4, RunType.INTERVALS: 6, RunType.HILLS: 10}


def quality(kind: RunType, step: int) -> Quality:
    reps, work, rest, rpe = QUALITY_KINDS[kind]
    return Quality(kind, min(reps + REPS_STEP[kind] * step, REPS_MAX[kind]), work, rest, rpe)


def quality_session(q: Quality, p: TrainingPaces, note: str = "") -> SessionContent:
    fast = q.fast_pace(p)
    band = pace_range_text(fast - HARD_SPREAD_S, fast + HARD_SPREAD_S)
    work = f"{q.work_min:g} min" if q.work_min >= 2 else f"{round(q.work_min * 60)} s"
    what = {RunType.TEMPO: f"at threshold pace ({band}), comfortably hard",
            RunType.INTERVALS: f"at interval pace ({band}), hard",
            RunType.HILLS: "uphill, strong but controlled, jog back down"}[q.type]
    title = {RunType.TEMPO: f"Tempo {q.reps} x {q.work_min:g} min", RunType.INTERVALS: f"Intervals {q.reps} x {work}",
             RunType.HILLS: f"Hill repeats {q.reps} x {work}"}[q.type]
    target = {RunType.TEMPO: f"{band} threshold, Z3-4", RunType.INTERVALS: f"{band} interval, Z4-5",
              RunType.HILLS: f"{easy_text(p)} easy between, uphill by effort (Z4)"}[q.type]
    notes = (f"{WARM_MIN} min easy, {q.reps} x {work} {what}, {q.rest_min:g} min easy jog between, {COOL_MIN} min "
             f"easy. {note}").strip()
    steps = quality_steps(q.reps, q.work_min, q.rest_min, None if q.type is RunType.HILLS else fast,
                          WARM_MIN, COOL_MIN, effort="hard uphill", spread_s=HARD_SPREAD_S)
    return SessionContent(kind=Kind.RUN, title=title, duration_min=q.minutes(), rpe=q.rpe, type=q.type.value,
                          distance_km=q.km(p), target=target, notes=notes, steps=steps)


def easy_session(km: float, p: TrainingPaces, note: str = "", strides: bool = False) -> SessionContent:
    title = "Easy run + strides" if strides else "Easy run"
    extra = " Finish with 6 x 20 s strides, walking back between." if strides else ""
    return SessionContent(kind=Kind.RUN, title=title, duration_min=max(1, round(km * p.easy_centre / 60)), rpe=3.0,
                          type=RunType.EASY.value, distance_km=km, target=f"{easy_text(p)} easy, Z2",
                          steps=steady_steps(km, *p.easy),
                          notes=(f"Conversational: you could talk in full sentences.{extra} {note}").strip())


def long_session(km: float, p: TrainingPaces, race_pace_km: float = 0.0, race_pace: float = 0.0,
                 race_word: str = "") -> SessionContent:
    """A long run at the easy range; with `race_pace_km` > 0, its last km at race pace (HM and marathon blocks)."""
    if race_pace_km > 0:
        easy_km = km - race_pace_km
        minutes = (easy_km * p.easy_centre + race_pace_km * race_pace) / 60
        target = f"{easy_text(p)} easy, last {race_pace_km:g} km at {clock(race_pace)}/km ({race_word} pace)"
        notes = (f"Easy for {easy_km:g} km, then {race_pace_km:g} km at {race_word} pace: practise the pace, "
                 "the drinks and the gels of race day.")
        minutes = max(1, round(minutes))
        steps = (*steady_steps(easy_km, *p.easy),
                 *steady_steps(race_pace_km, race_pace - RACE_SPREAD_S, race_pace + RACE_SPREAD_S))
        return SessionContent(kind=Kind.RUN, title="Long run with race pace", duration_min=minutes,
                              rpe=4.0, type=RunType.LONG.value, distance_km=km, target=target, steps=steps,
                              notes=f"{notes} {_fuel(RunType.LONG, minutes, Intensity.EASY)}".strip())
    minutes = max(1, round(km * p.easy_centre / 60))
    return SessionContent(kind=Kind.RUN, title="Long run", duration_min=minutes,
                          rpe=4.0, type=RunType.LONG.value, distance_km=km, target=f"{easy_text(p)} easy, Z2",
                          steps=steady_steps(km, *p.easy),
                          notes=f"Easy all the way; walk breaks are fine. "
                                f"{_fuel(RunType.LONG, minutes, Intensity.EASY)}".strip())


def _fuel(run_type: RunType, minutes: int, intensity: Intensity) -> str:
    """The fuelling words the dock, the page and the report give for the same session."""
    return session_note(Kind.RUN, run_type.value, minutes, intensity)


def race_session(km: float, p: TrainingPaces) -> SessionContent:
    pace = p.race_pace(km)
    how = ("Riegel 1981, from your recent result" if p.race is not None else "Daniels 2014, from your estimated VDOT")
    minutes = max(1, round(km * pace / 60))
    return SessionContent(kind=Kind.RUN, title=f"Race {km:g} km", duration_min=minutes, rpe=9.0,
                          type=RunType.RACE.value, distance_km=km,
                          target=f"{pace_range_text(pace - RACE_SPREAD_S, pace + RACE_SPREAD_S)} race pace",
                          steps=steady_steps(km, pace - RACE_SPREAD_S, pace + RACE_SPREAD_S),
                          notes=f"Race day: the taper is done. Start steady, finish strong. Race pace by {how}. "
                                f"{_fuel(RunType.RACE, minutes, Intensity.HARD)}".strip())


def long_km_cap(p: TrainingPaces, marathon: bool = False) -> float:
    return floor_km((MARATHON_LONG_MAX_MIN if marathon else LONG_MAX_MIN) * 60 / p.easy_centre)


def easy_km_cap(p: TrainingPaces) -> float:
    return floor_km(EASY_MAX_MIN * 60 / p.easy_centre)
