"""Lifting sessions of a generated block: exercises, sets, reps, load and RPE targets.

Loads come from the athlete's estimated one-rep max: load = 1RM / (1 + (reps + RIR) / 30), the
Epley estimate read backwards with the reps in reserve (RIR = 10 - RPE, Zourdos 2016), rounded down
to 2.5 kg. Within a build phase the RPE target climbs half a point a week (7, 7.5, 8, 8.5), so the
load moves up in small steps; each new phase starts 2.5 kg above the last. Deload weeks keep about
60 % of the sets at 90 % of the load and RPE 6; taper weeks keep the load and halve the sets
(Bosquet 2007: keep intensity, cut volume). Set RPE stays below 9 (not near failure).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from planner.domain.enums import Goal, Kind, LiftFocus
from planner.domain.generator.pattern import Role
from planner.domain.session import Exercise, SessionContent, WorkSet

PLATE_KG = 2.5


@dataclass(frozen=True, slots=True)
class Move:
    """An exercise of a session plan: sets x reps; `lift` names the main lift whose 1RM sets the load."""

    name: str
    sets: int
    reps: int
    lift: str = ""
    muscles: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class LiftPlan:
    title: str
    focus: LiftFocus
    moves: tuple[Move, ...]
    notes: str


#: Muscle groups of the exercises used here, as in resources/exercises.json (the domain reads no files).
MUSCLES: dict[str, tuple[str, ...]] = {
    "Back squat": ('quads', 'glutes', 'adductors', 'core'),
    "Barbell row": ('back', 'lats', 'biceps'),
    "Bench press": ('chest', 'triceps', 'shoulders'),
    "Bulgarian split squat": ('quads', 'glutes', 'adductors'),
    "Dead bug": ('core', 'hip flexors'),
    "Deadlift": ('glutes', 'hamstrings', 'back', 'quads', 'forearms'),
    "Dumbbell bench press": ('chest', 'triceps', 'shoulders'),
    "Dumbbell row": ('lats', 'back', 'biceps'),
    "Face pull": ('shoulders', 'back'),
    "Goblet squat": ('quads', 'glutes', 'core'),
    "Hanging leg raise": ('core', 'hip flexors', 'forearms'),
    "Hip thrust": ('glutes', 'hamstrings'),
    "Incline dumbbell press": ('chest', 'shoulders', 'triceps'),
    "Lat pulldown": ('lats', 'biceps', 'back'),
    "Nordic curl": ('hamstrings',),
    "Overhead press": ('shoulders', 'triceps', 'core'),
    "Pallof press": ('obliques', 'core'),
    "Pogo hops": ('calves', 'tibialis'),
    "Pull-up": ('lats', 'biceps', 'back'),
    "Romanian deadlift": ('hamstrings', 'glutes', 'back'),
    "Seated cable row": ('back', 'lats', 'biceps'),
    "Side plank": ('obliques', 'core'),
    "Single-leg Romanian deadlift": ('hamstrings', 'glutes', 'core'),
    "Single-leg calf raise": ('calves',),
    "Standing calf raise": ('calves',),
    "Step-up": ('quads', 'glutes'),
    "Tibialis raise": ('tibialis',),
    "Walking lunge": ('quads', 'glutes', 'adductors'),
}


def _m(name: str, sets: int, reps: int, lift: str = "") -> Move:
    return Move(name, sets, reps, lift, MUSCLES[name])


def plan_for(role: Role, goal: Goal, index: int) -> LiftPlan:
    """The session for `role`; `index` tells apart a week's second heavy or upper session."""
    if role is Role.HEAVY:
        if goal is Goal.RUN:
            return LiftPlan("Posterior chain and calves", LiftFocus.LOWER, (
                _m("Deadlift", 3, 5, "deadlift"), _m("Bulgarian split squat", 3, 8), _m("Nordic curl", 3, 4),
                _m("Standing calf raise", 3, 12)), "Heavy legs: posterior chain for running economy, calves "
                "for the Achilles.")
        if goal is Goal.LIFT and index == 1:
            return LiftPlan("Deadlift day", LiftFocus.LOWER, (
                _m("Deadlift", 4, 4, "deadlift"), _m("Bulgarian split squat", 3, 8), _m("Hip thrust", 3, 10),
                _m("Hanging leg raise", 3, 10)), "Heavy legs, hinge day.")
        if goal is Goal.LIFT:
            return LiftPlan("Squat day", LiftFocus.LOWER, (
                _m("Back squat", 4, 5, "squat"), _m("Romanian deadlift", 3, 8), _m("Walking lunge", 2, 10),
                _m("Standing calf raise", 3, 12)), "Heavy legs, squat day.")
        return LiftPlan("Lower-body strength", LiftFocus.LOWER, (
            _m("Back squat", 3, 5, "squat"), _m("Romanian deadlift", 3, 8), _m("Standing calf raise", 3, 12),
            _m("Dead bug", 2, 10)), "Heavy legs.")
    if role is Role.LIGHT:
        if goal is Goal.RUN:
            return LiftPlan("Calf, ankle and single-leg", LiftFocus.LOWER, (
                _m("Single-leg Romanian deadlift", 3, 8), _m("Step-up", 3, 8), _m("Single-leg calf raise", 3, 15),
                _m("Tibialis raise", 2, 20), _m("Pogo hops", 3, 20)), "Lighter leg day: tendons and balance, "
                "well short of failure.")
        return LiftPlan("Full body, moderate", LiftFocus.FULL, (
            _m("Goblet squat", 3, 10), _m("Dumbbell bench press", 3, 10), _m("Dumbbell row", 3, 10),
            _m("Single-leg calf raise", 2, 15), _m("Pallof press", 2, 10)), "Moderate full-body day, well short of "
            "failure.")
    if role is Role.UPPER and goal is Goal.LIFT and index == 1:
        return LiftPlan("Upper pull and press", LiftFocus.UPPER, (
            _m("Overhead press", 4, 6, "press"), _m("Pull-up", 4, 6), _m("Seated cable row", 3, 10),
            _m("Face pull", 3, 15)), "Upper body.")
    if role is Role.UPPER and goal is Goal.LIFT:
        return LiftPlan("Upper push and pull", LiftFocus.UPPER, (
            _m("Bench press", 4, 5, "bench"), _m("Barbell row", 4, 8), _m("Incline dumbbell press", 3, 10),
            _m("Lat pulldown", 3, 10)), "Upper body.")
    return LiftPlan("Upper body and core", LiftFocus.UPPER, (
        _m("Bench press", 3, 6, "bench"), _m("Barbell row", 3, 8), _m("Overhead press", 2, 8, "press"),
        _m("Dead bug", 2, 10)), "Upper body and core: fine the day after a hard run.")


def round_down(kg: float) -> float:
    return math.floor(kg / PLATE_KG + 1e-9) * PLATE_KG


def working_load(one_rm: float, reps: int, rpe: float) -> float:
    """1RM / (1 + (reps + RIR) / 30), RIR = 10 - RPE (Epley; Zourdos 2016), down to 2.5 kg."""
    return round_down(one_rm / (1 + (reps + (10 - rpe)) / 30))


#: Warm-up sets before a main lift: share of the working load x reps.
WARM_UP = ((0.4, 5), (0.6, 3), (0.8, 2))
GENERAL_WARM_UP_MIN = 5
MAIN_SET_MIN = 3.0  # a heavy set of a main lift and its rest
OTHER_SET_MIN = 2.5  # an accessory set and its rest
WARM_UP_SET_MIN = 1.5


def lift_minutes(exercises: list[Exercise], main: set[str]) -> int:
    """A lift's duration from its work: about 2.5-3 min per working set (set and rest), 1.5 min per
    warm-up set, plus a 5-min general warm-up, up to the next 5 min."""
    work = sum((MAIN_SET_MIN if e.name in main else OTHER_SET_MIN) * len(e.working_sets) for e in exercises)
    warm = WARM_UP_SET_MIN * sum(len(e.sets) - len(e.working_sets) for e in exercises)
    return int(5 * math.ceil((GENERAL_WARM_UP_MIN + work + warm) / 5 - 1e-9))


@dataclass(frozen=True, slots=True)
class LiftWeek:
    """Where a week stands: `step` 0.. within its build phase, `phase` 0.., and its kind."""

    step: int
    phase: int
    kind: str  # "build", "deload", "taper", "race"


def session(role: Role, goal: Goal, index: int, week: LiftWeek, one_rm: dict[str, float]) -> SessionContent:
    plan = plan_for(role, goal, index)
    heavy = role is Role.HEAVY
    rpe_build = min(7 + 0.5 * week.step, 8.5) if heavy else min(7 + 0.5 * week.step, 7.5)
    exercises = []
    for m in plan.moves:
        sets, rpe, scale = m.sets, rpe_build, 1.0
        if week.kind == "deload":
            sets, rpe, scale = max(1, math.ceil(0.6 * m.sets)), 6.0, 0.9
        elif week.kind in ("taper", "race"):
            sets = max(1, math.ceil(0.5 * m.sets))
        load = None
        warm: tuple[WorkSet, ...] = ()
        if m.lift and m.lift in one_rm:
            base = working_load(one_rm[m.lift], m.reps, rpe_build if scale == 1.0 else 7.0)
            load = round_down(scale * base) + PLATE_KG * week.phase
            warm = tuple(WorkSet(reps=r, load_kg=round_down(share * load), warmup=True) for share, r in WARM_UP)
        elif m.lift:
            warm = tuple(WorkSet(reps=r, warmup=True) for _, r in WARM_UP)
        work = tuple(WorkSet(reps=m.reps, load_kg=load, rpe=rpe) for _ in range(sets))
        exercises.append(Exercise(m.name, warm + work, m.muscles))
    minutes = lift_minutes(exercises, {m.name for m in plan.moves if m.lift})
    if week.kind == "deload":
        session_rpe = 5.0
    elif week.kind in ("taper", "race"):
        session_rpe = 6.0
    else:
        session_rpe = 7.0 if heavy else 6.0
    notes = plan.notes + (" Loads from your one-rep max; if a set feels easier than its RPE, add 2.5 kg next "
                          "time." if any(m.lift in one_rm for m in plan.moves) else
                          " Pick loads that leave the reps in reserve the RPE says (RPE 8 = 2 in reserve).")
    if week.kind == "deload":
        notes = "Deload: fewer sets, lighter, RPE 6. " + notes
    elif week.kind in ("taper", "race"):
        notes = "Taper: same loads, half the sets (Bosquet 2007). " + notes
    return SessionContent(kind=Kind.LIFT, title=plan.title, duration_min=minutes, rpe=session_rpe,
                          type=plan.focus.value, exercises=tuple(exercises), notes=notes)
