"""Known one-rep maxes, by exercise name: the lifts the athlete stated to the generator, else the best
Epley estimate from their done sets (load x (1 + reps / 30), Epley 1985; sets of 1 to 12 reps). The
generator's starting values and the plan check's "heavy lower body" (>= 80 % of a known 1RM) read the
same numbers from here. No Qt."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from planner.domain.enums import Kind, Status
from planner.domain.session import Session

MAX_REPS_FOR_1RM = 12
#: Where the generated block's inputs keep the stated one-rep maxes (planner/domain/generator/inputs.py).
STATED_KEY = "one_rm"
#: Exercise names (casefolded) that each of the generator's main lifts stands for.
LIFT_NAMES = {"squat": ("back squat", "squat", "barbell squat"), "deadlift": ("deadlift", "conventional deadlift"),
              "bench": ("bench press", "barbell bench press"), "press": ("overhead press", "military press")}


def epley_1rm(load_kg: float, reps: int) -> float:
    """Estimated one-rep max from a working set: load x (1 + reps/30) (Epley 1985)."""
    return load_kg * (1 + reps / 30)


@dataclass(frozen=True, slots=True)
class Estimate:
    """The best Epley estimate of one exercise, and the set it came from."""

    kg: float
    name: str
    load_kg: float
    reps: int
    date: dt.date


def estimates(sessions: Iterable[Session]) -> dict[str, Estimate]:
    """The best estimate per exercise (by casefolded name) over the done sessions' working sets."""
    best: dict[str, Estimate] = {}
    for s in sessions:
        if s.kind is not Kind.LIFT or s.status is not Status.DONE or s.date is None:
            continue
        for e in s.effective_exercises:
            for ws in e.working_sets:
                if not ws.load_kg or not 1 <= ws.reps <= MAX_REPS_FOR_1RM:
                    continue
                kg = round(epley_1rm(ws.load_kg, ws.reps), 1)
                key = e.name.casefold()
                if kg > (best[key].kg if key in best else 0.0):
                    best[key] = Estimate(kg, e.name, ws.load_kg, ws.reps, s.date)
    return best


def stated_lifts(generated_block: str | None) -> dict[str, float]:
    """The one-rep maxes (kg) the last generated block was made with, by main lift; {} without one."""
    try:
        stated = json.loads(generated_block or "{}").get(STATED_KEY) or {}
        return {lift: float(kg) for lift, kg in stated.items() if lift in LIFT_NAMES}
    except (ValueError, TypeError, AttributeError):
        return {}


def known_maxes(sessions: Iterable[Session], stated: Mapping[str, float] | None = None) -> dict[str, float]:
    """Known 1RMs in kg by casefolded exercise name: estimated from done sets, the stated lifts winning."""
    maxes = {name: e.kg for name, e in estimates(sessions).items()}
    for lift, kg in (stated or {}).items():
        maxes.update({name: kg for name in LIFT_NAMES.get(lift, ())})
    return maxes
