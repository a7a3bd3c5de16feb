"""Running sessions of a generated block: type, duration, distance and a pace or zone target.

Paces come from the athlete's easy pace (or a guess by experience, said so in the summary): long
runs 10 s/km slower, tempo about 60 s/km faster, intervals about 90 s/km faster. Hard sessions are
written out (warm-up, repetitions, recoveries, cool-down) so their whole time counts as above easy,
the way the plan check reads them (SCIENCE.md §9).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from planner.domain.enums import Intensity, Kind, RunType
from planner.domain.fuelling import session_note
from planner.domain.generator.run_steps import EASY_SPREAD_S, RACE_SPREAD_S, quality_steps, steady_steps
from planner.domain.session import SessionContent

WARM_MIN, COOL_MIN = 15, 10
LONG_MAX_MIN = 150  # a convention: long runs kept to 2.5 h in a general block
EASY_MAX_MIN = 70  # an easy run stays under the 75 min that makes a run "long" (DESIGN.md)


def pace_text(s_per_km: float) -> str:
    s = int(round(s_per_km))
    return f"{s // 60}:{s % 60:02d}/km"


def floor_km(km: float) -> float:
    return math.floor(km * 10 + 1e-9) / 10


@dataclass(frozen=True, slots=True)
class Quality:
    """A hard run: `reps` x `work_min` at `pace_delta` s/km faster than easy, `rest_min` jog between."""

    type: RunType
    reps: int
    work_min: float
    rest_min: float
    pace_delta: int
    rpe: float

    def minutes(self, warm: int = WARM_MIN, cool: int = COOL_MIN) -> int:
        return int(round(warm + cool + self.reps * self.work_min + (self.reps - 1) * self.rest_min))

    def km(self, easy_pace: int, warm: int = WARM_MIN, cool: int = COOL_MIN) -> float:
        easy_min = warm + cool + (self.reps - 1) * self.rest_min
        fast = easy_pace - self.pace_delta
        return floor_km(easy_min * 60 / (easy_pace + 30) + self.reps * self.work_min * 60 / fast)


#: Repetitions by build step (0, 1, 2, 3...): small steps up, capped.
QUALITY_KINDS = {
    RunType.TEMPO: (2, 8.0, 2.0, 60, 7.0),
    RunType.INTERVALS: (4, 3.0, 2.0, 90, 8.0),
    RunType.HILLS: (6, 1.0, 1.5, 90, 7.0),
}
REPS_STEP = {RunType.TEMPO: 1, RunType.INTERVALS: 1, RunType.HILLS: 2}
REPS_MAX = {RunType.TEMPO: 4, RunType.INTERVALS: 6, RunType.HILLS: 10}


def quality(kind: RunType, step: int) -> Quality:
    reps, work, rest, delta, rpe = QUALITY_KINDS[kind]
    return Quality(kind, min(reps + REPS_STEP[kind] * step, REPS_MAX[kind]), work, rest, delta, rpe)


def quality_session(q: Quality, easy_pace: int, note: str = "") -> SessionContent:
    fast = pace_text(easy_pace - q.pace_delta)
    work = f"{q.work_min:g} min" if q.work_min >= 2 else f"{round(q.work_min * 60)} s"
    what = {RunType.TEMPO: f"at tempo (Z3-4, about {fast}), comfortably hard",
            RunType.INTERVALS: f"hard (Z4-5, about {fast})",
            RunType.HILLS: "uphill, strong but controlled, jog back down"}[q.type]
    title = {RunType.TEMPO: f"Tempo {q.reps} x {q.work_min:g} min", RunType.INTERVALS: f"Intervals {q.reps} x {work}",
             RunType.HILLS: f"Hill repeats {q.reps} x {work}"}[q.type]
    target = {RunType.TEMPO: f"Z3-4, {fast}", RunType.INTERVALS: f"Z4-5, {fast}",
              RunType.HILLS: "Z4, by effort"}[q.type]
    notes = (f"{WARM_MIN} min easy, {q.reps} x {work} {what}, {q.rest_min:g} min easy jog between, {COOL_MIN} min "
             f"easy. {note}").strip()
    steps = quality_steps(q.reps, q.work_min, q.rest_min, None if q.type is RunType.HILLS else easy_pace - q.pace_delta,
                          WARM_MIN, COOL_MIN, effort="hard uphill")
    return SessionContent(kind=Kind.RUN, title=title, duration_min=q.minutes(), rpe=q.rpe, type=q.type.value,
                          distance_km=q.km(easy_pace), target=target, notes=notes, steps=steps)


def easy_session(km: float, easy_pace: int, note: str = "", strides: bool = False) -> SessionContent:
    title = "Easy run + strides" if strides else "Easy run"
    extra = " Finish with 6 x 20 s strides, walking back between." if strides else ""
    return SessionContent(kind=Kind.RUN, title=title, duration_min=max(1, round(km * easy_pace / 60)), rpe=3.0,
                          type=RunType.EASY.value, distance_km=km, target=f"Z2, about {pace_text(easy_pace)}",
                          steps=steady_steps(km, easy_pace - EASY_SPREAD_S, easy_pace + EASY_SPREAD_S),
                          notes=(f"Conversational: you could talk in full sentences.{extra} {note}").strip())


def long_session(km: float, easy_pace: int, note: str = "") -> SessionContent:
    pace = easy_pace + 10
    minutes = max(1, round(km * pace / 60))
    fuel = session_note(Kind.RUN, RunType.LONG.value, minutes, Intensity.EASY)  # RPE 4 is easy
    return SessionContent(kind=Kind.RUN, title="Long run", duration_min=minutes, rpe=4.0,
                          type=RunType.LONG.value, distance_km=km, target=f"Z2, about {pace_text(pace)}",
                          steps=steady_steps(km, pace - EASY_SPREAD_S, pace + EASY_SPREAD_S),
                          notes=f"Easy all the way; walk breaks are fine. {fuel} {note}".strip())


def race_session(km: float, easy_pace: int) -> SessionContent:
    pace = easy_pace - 75
    minutes = max(1, round(km * pace / 60))
    fuel = session_note(Kind.RUN, RunType.RACE.value, minutes, Intensity.HARD)
    return SessionContent(kind=Kind.RUN, title=f"Race {km:g} km", duration_min=minutes, rpe=9.0,
                          type=RunType.RACE.value, distance_km=km, target=f"race effort, about {pace_text(pace)}",
                          steps=steady_steps(km, pace - RACE_SPREAD_S, pace + RACE_SPREAD_S),
                          notes=f"Race day: the taper is done. Start steady, finish strong. {fuel}".strip())


def long_km_cap(easy_pace: int) -> float:
    return floor_km(LONG_MAX_MIN * 60 / (easy_pace + 10))


def easy_km_cap(easy_pace: int) -> float:
    return floor_km(EASY_MAX_MIN * 60 / easy_pace)
