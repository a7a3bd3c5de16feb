"""A reference-sized history for store tests and the open-time benchmark.

Uses the project's `generate_reference_history()` when it exists; until then a deterministic
stand-in of the same shape: ten years, nine sessions a week (~4,700), lifts with full set detail.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence

from planner.domain.enums import Kind, Status
from planner.domain.session import Exercise, Session, WorkSet

START = dt.date(2016, 1, 4)  # a Monday
WEEKS = 522

_LIFTS = {
    "lower": [("Back squat", ("quads", "glutes")), ("Romanian deadlift", ("hamstrings", "glutes")),
              ("Walking lunge", ("quads", "glutes")), ("Standing calf raise", ("calves",)),
              ("Plank", ("core",))],
    "upper": [("Bench press", ("chest", "triceps")), ("Pull-up", ("lats", "biceps")),
              ("Overhead press", ("shoulders", "triceps")), ("Barbell row", ("upper back",)),
              ("Face pull", ("rear delts",))],
    "full": [("Deadlift", ("hamstrings", "glutes", "back")), ("Push press", ("shoulders",)),
             ("Step-up", ("quads", "glutes")), ("Dumbbell row", ("lats",)),
             ("Pallof press", ("core",))],
}


def _lift(rng: random.Random, focus: str) -> tuple[Exercise, ...]:
    out = []
    for name, muscles in _LIFTS[focus]:
        base = rng.choice([20.0, 40.0, 60.0, 80.0, 100.0])
        sets = [WorkSet(reps=8, load_kg=base / 2, warmup=True)]
        sets += [WorkSet(reps=rng.randint(3, 10), load_kg=base,
                         rpe=rng.choice([7.0, 7.5, 8.0, 8.5]))
                 for _ in range(rng.randint(3, 4))]
        out.append(Exercise(name=name, muscles=muscles, sets=tuple(sets)))
    return tuple(out)


def synthetic_history(weeks: int = WEEKS, seed: int = 7) -> list[Session]:
    rng = random.Random(seed)
    today = START + dt.timedelta(weeks=weeks - 4)
    out: list[Session] = []
    for w in range(weeks):
        monday = START + dt.timedelta(weeks=w)
        plan = [
            (0, Kind.LIFT, "lower", "Heavy lower body", 60, 8.0, None),
            (0, Kind.RUN, "easy", "Easy run", 40, 3.0, 7.0),
            (1, Kind.RUN, "intervals", "6 x 800 m", 55, 8.0, 9.0),
            (2, Kind.LIFT, "upper", "Upper body", 55, 7.0, None),
            (2, Kind.MOBILITY, "yoga", "Yoga", 30, 2.0, None),
            (3, Kind.RUN, "tempo", "Tempo run", 50, 7.0, 10.0),
            (4, Kind.LIFT, "full", "Full body", 50, 6.5, None),
            (5, Kind.RUN, "long", "Long run", 100, 5.0, 18.0),
            (6, Kind.RUN, "recovery", "Recovery jog", 30, 2.0, 5.0),
        ]
        positions: dict[int, int] = {}
        for day, kind, type_, title, minutes, rpe, km in plan:
            date = monday + dt.timedelta(days=day)
            pos = positions[day] = positions.get(day, -1) + 1
            done = date < today
            out.append(Session(
                kind=kind, type=type_, title=title, duration_min=minutes, rpe=rpe,
                distance_km=km, date=date, position=pos,
                exercises=_lift(rng, type_) if kind is Kind.LIFT else (),
                notes="felt good" if rng.random() < 0.1 else "",
                status=Status.DONE if done else Status.PLANNED,
                actual_duration_min=minutes + rng.randint(-5, 5) if done else None,
                actual_rpe=min(10.0, rpe + rng.choice([-0.5, 0.0, 0.5])) if done else None,
            ))
    return out


def reference_history() -> Sequence[Session]:
    """The project's reference history if it is there yet, else the stand-in."""
    try:
        from planner.dev.reference_history import (  # type: ignore[import-not-found]
            generate_reference_history,
        )
    except ImportError:
        return synthetic_history()
    history = generate_reference_history()
    return getattr(history, "sessions", history)
