"""Ten years of a hybrid athlete: the fixed data set the performance budgets are measured on.

Why generated: the benchmarks (DESIGN.md, Performance budget) need a big, realistic and *identical*
history on every machine, without shipping megabytes of JSON. A seeded `random.Random` gives the
same ~4,700 sessions for the same arguments; nothing reads the clock.

What makes it realistic enough to stress the app the way a real user would:
- about 9 sessions a week, lifts carrying full set detail (4-6 exercises, 3-5 working sets,
  warm-ups flagged), runs carrying distance and target;
- a yearly cycle: winter strength block, spring half-marathon build, summer with short races,
  autumn half or marathon build, a short off-season at Christmas; a deload every fourth week;
- slow progress over the decade (loads up, easy pace down), missed sessions, extra walks, and the
  odd week lost to illness;
- everything done except the last two weeks, which are planned.

To write the history as a data file: `python -m planner.dev.reference_file --out FILE.json`
(`python -m planner.dev.reference_history --out FILE.json` does the same).
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from planner.domain.enums import Goal, Kind, Status, Units, WeekStart
from planner.domain.profile import Profile
from planner.domain.session import Exercise, Session, WorkSet
from planner.domain.weeks import week_start

END = dt.date(2026, 11, 22)
PLANNED_WEEKS = 2
AM = dt.time(7, 0)
PM = dt.time(18, 0)
EVENING = dt.time(20, 30)
DEFAULT_TIMES = (AM, PM, EVENING)  # for a double day whose extra session came without a time

MISS_CHANCE = 0.1  # a planned session that did not happen leaves no trace (races always happen)
SICK_WEEK_CHANCE = 0.015
EXTRA_CHANCE = 0.4  # a walk, spin or foam-rolling session added on top of the plan


def reference_profile() -> Profile:
    """The athlete whose decade the reference history records (stored with it in the data file)."""
    return Profile(name="Reference Athlete", body_mass_kg=76.0, goal=Goal.BALANCED,
                   week_start=WeekStart.MON, units=Units.METRIC, sweat_rate_l_per_h=1.1)


# -- lifts ---------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Move:
    """One exercise of a program: working sets x reps at `load` kg for a fully trained athlete
    (level 1.0; None = bodyweight), effort as RPE or RIR, and how many warm-up sets come first."""

    name: str
    muscles: tuple[str, ...]
    sets: int
    reps: int
    load: float | None = None
    rpe: float | None = None
    rir: int | None = None
    warmups: int = 0
    main: bool = False  # the lift whose sets and reps follow the season's scheme


def _m(name: str, muscles: str, sets: int, reps: int, load: float | None = None, *,
       rpe: float | None = None, rir: int | None = None, warmups: int = 0,
       main: bool = False) -> _Move:
    return _Move(name, tuple(muscles.split(",")), sets, reps, load, rpe, rir, warmups, main)


#: Programs: (title, focus, session RPE, minutes, moves). Names and muscles match exercises.json.
PROGRAMS: dict[str, tuple[str, str, float, int, tuple[_Move, ...]]] = {
    "squat": ("Heavy lower body: squat", "lower", 8, 70, (
        _m("Back squat", "quads,glutes,adductors,core", 4, 5, 110, rpe=8, warmups=2, main=True),
        _m("Romanian deadlift", "hamstrings,glutes,back", 3, 8, 85, rir=2, warmups=1),
        _m("Bulgarian split squat", "quads,glutes,adductors", 3, 8, 22, rir=2),
        _m("Standing calf raise", "calves", 3, 12, 70, rir=2),
        _m("Copenhagen plank", "adductors,obliques,core", 3, 20),
    )),
    "deadlift": ("Heavy lower body: deadlift", "lower", 8, 70, (
        _m("Deadlift", "glutes,hamstrings,back,quads,forearms", 4, 4, 140, rpe=8, warmups=2,
           main=True),
        _m("Front squat", "quads,glutes,core", 3, 6, 80, rir=3, warmups=1),
        _m("Nordic curl", "hamstrings", 3, 5, rpe=8),
        _m("Single-leg calf raise", "calves", 3, 12, 20, rir=2),
        _m("Pallof press", "obliques,core", 3, 10, 15, rir=3),
    )),
    "posterior": ("Posterior chain", "lower", 7, 55, (
        _m("Romanian deadlift", "hamstrings,glutes,back", 4, 8, 90, rir=2, warmups=1, main=True),
        _m("Hip thrust", "glutes,hamstrings", 3, 10, 110, rir=2, warmups=1),
        _m("Nordic curl", "hamstrings", 3, 5, rpe=8),
        _m("Back extension", "back,glutes,hamstrings", 3, 12, 10, rir=3),
    )),
    "push": ("Upper body push", "upper", 7, 50, (
        _m("Bench press", "chest,triceps,shoulders", 4, 6, 80, rpe=8, warmups=2, main=True),
        _m("Overhead press", "shoulders,triceps,core", 3, 8, 45, rir=2, warmups=1),
        _m("Incline dumbbell press", "chest,shoulders,triceps", 3, 10, 24, rir=2),
        _m("Dip", "triceps,chest,shoulders", 3, 8, rir=2),
        _m("Lateral raise", "shoulders", 3, 15, 9, rir=2),
    )),
    "pull": ("Upper body pull", "upper", 7, 50, (
        _m("Pull-up", "lats,biceps,back", 4, 6, rir=2, warmups=1, main=True),
        _m("Barbell row", "back,lats,biceps", 4, 8, 70, rir=2, warmups=1),
        _m("Dumbbell row", "lats,back,biceps", 3, 10, 32, rir=2),
        _m("Face pull", "shoulders,back", 3, 15, 15, rir=3),
        _m("Biceps curl", "biceps,forearms", 3, 12, 12, rir=2),
    )),
    "full": ("Full body strength", "full", 7, 60, (
        _m("Trap bar deadlift", "quads,glutes,hamstrings,back", 4, 5, 130, rpe=7.5, warmups=2,
           main=True),
        _m("Bench press", "chest,triceps,shoulders", 3, 6, 75, rpe=7.5, warmups=1),
        _m("Chin-up", "lats,biceps,back", 3, 6, rir=2),
        _m("Reverse lunge", "glutes,quads,hamstrings", 3, 8, 22, rir=2),
        _m("Farmer carry", "forearms,core,back,full body", 3, 2, 34),
    )),
    "maintenance": ("Maintenance full body for runners", "full", 6, 40, (
        _m("Trap bar deadlift", "quads,glutes,hamstrings,back", 3, 5, 115, rir=3, warmups=2,
           main=True),
        _m("Bulgarian split squat", "quads,glutes,adductors", 3, 8, 18, rir=3),
        _m("Push-up", "chest,triceps,shoulders,core", 3, 12, rir=3),
        _m("Inverted row", "back,lats,biceps,core", 3, 10, rir=3),
        _m("Single-leg calf raise", "calves", 3, 15, rir=2),
    )),
    "core": ("Core stability", "core", 5, 25, (
        _m("Dead bug", "core,hip flexors", 3, 10),
        _m("Pallof press", "obliques,core", 3, 10, 15, rir=3),
        _m("Side plank", "obliques,core", 3, 30),
        _m("Hanging leg raise", "core,hip flexors,forearms", 3, 10, rir=2),
    )),
    "plyo": ("Plyometrics", "lower", 6, 30, (
        _m("Pogo hops", "calves,tibialis", 3, 20, rpe=5, warmups=1),
        _m("Box jump", "quads,glutes,calves", 4, 5, rpe=6),
        _m("Skater jumps", "glutes,adductors,quads", 3, 8, rpe=6),
        _m("Bounding", "glutes,quads,calves,hamstrings", 3, 10, rpe=7),
    )),
    "calf": ("Calf and ankle strength", "lower", 6, 30, (
        _m("Standing calf raise", "calves", 3, 10, 80, rir=2, warmups=1, main=True),
        _m("Seated calf raise", "calves", 3, 15, 45, rir=2),
        _m("Single-leg calf raise", "calves", 3, 12, rir=2),
        _m("Tibialis raise", "tibialis", 3, 20, rir=3),
    )),
}


@dataclass(frozen=True, slots=True)
class _Scheme:
    """How a season loads the main lift: sets x reps at a fraction of the program's load."""

    sets: int
    reps: int
    load: float
    rpe: float


SCHEMES = {
    "strength": _Scheme(5, 5, 1.0, 8.0),
    "build": _Scheme(3, 5, 0.9, 7.0),
    "summer": _Scheme(4, 8, 0.82, 7.5),
    "easy": _Scheme(3, 5, 0.8, 6.0),
}


class _Cache:
    """Identical sets and exercises are one shared frozen object: fast to build, small in memory."""

    def __init__(self) -> None:
        self.sets: dict[tuple[object, ...], WorkSet] = {}
        self.exercises: dict[tuple[object, ...], Exercise] = {}

    def set(self, reps: int, load: float | None, rpe: float | None, rir: int | None,
            warmup: bool) -> WorkSet:
        key = (reps, load, rpe, rir, warmup)
        s = self.sets.get(key)
        if s is None:
            s = self.sets[key] = WorkSet(reps=reps, load_kg=load, rpe=rpe, rir=rir, warmup=warmup)
        return s

    def exercise(self, name: str, muscles: tuple[str, ...], sets: tuple[WorkSet, ...]) -> Exercise:
        key = (name, sets)
        e = self.exercises.get(key)
        if e is None:
            e = self.exercises[key] = Exercise(name=name, sets=sets, muscles=muscles)
        return e


def _plate(kg: float, *, barbell: bool = False) -> float:
    """Barbell loads in 2.5 kg steps (20 kg empty bar at least), light dumbbells in 1 kg steps."""
    if barbell:
        return max(20.0, round(kg / 2.5) * 2.5)
    return round(kg / 2.5) * 2.5 if kg >= 30 else float(max(1, round(kg)))


def _exercises(moves: tuple[_Move, ...], level: float, scheme: _Scheme, easier: bool,
               cache: _Cache) -> tuple[Exercise, ...]:
    out = []
    for m in moves:
        sets, reps, load_f, rpe, rir = m.sets, m.reps, level, m.rpe, m.rir
        if m.main:
            sets, reps, load_f = scheme.sets, scheme.reps, level * scheme.load
            if m.load is not None:
                rpe, rir = scheme.rpe, None
        if easier:
            sets = max(3, sets - 1)
            rpe = max(1.0, rpe - 1.5) if rpe is not None else None
            rir = min(10, rir + 2) if rir is not None else None
            load_f *= 0.9
        load = _plate(m.load * load_f) if m.load is not None else None
        warm: list[WorkSet] = []
        if load is not None and m.warmups:
            steps = (0.5, 0.75) if m.warmups == 2 else (0.6,)
            warm = [cache.set(max(3, reps - 2 * i), _plate(load * f, barbell=load >= 30), None,
                              None, True) for i, f in enumerate(steps)]
        elif m.warmups:
            warm = [cache.set(max(3, reps // 2), None, None, None, True)]
        work = [cache.set(reps, load, rpe, rir, False)] * sets
        out.append(cache.exercise(m.name, m.muscles, (*warm, *work)))
    return tuple(out)


# -- the year --------------------------------------------------------------------------------------

def _last_sunday(year: int, month: int) -> dt.date:
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    d = nxt - dt.timedelta(days=1)
    return d - dt.timedelta(days=(d.weekday() + 1) % 7)


def _nth_sunday(year: int, month: int, n: int) -> dt.date:
    d = dt.date(year, month, 1)
    d += dt.timedelta(days=(6 - d.weekday()) % 7)
    return d + dt.timedelta(weeks=n - 1)


@dataclass(frozen=True, slots=True)
class _Week:
    phase: str  # base, spring, summer, autumn, off, race, recovery
    index: int  # weeks since the phase began
    race: str = ""  # the race on this week's Sunday, if any
    marathon: bool = False  # an autumn marathon build (even years), not a half


def _season(monday: dt.date) -> _Week:
    """Where a week sits in the athlete's year: two goal races (late April, mid October; a marathon
    in even years), a 10K in June and a 5K in August, strength blocks in winter."""
    y = monday.year
    sunday = monday + dt.timedelta(days=6)
    spring = _last_sunday(y, 4)
    autumn = _nth_sunday(y, 10, 3)
    tenk = _nth_sunday(y, 6, 2)
    fivek = _nth_sunday(y, 8, 3)

    def since(d: dt.date) -> int:
        return (monday - week_start(d)).days // 7

    if sunday == spring:
        return _Week("race", 0, "half")
    if sunday == autumn:
        return _Week("race", 0, "marathon" if y % 2 == 0 else "half")
    if sunday in (spring + dt.timedelta(weeks=1), autumn + dt.timedelta(weeks=1)):
        return _Week("recovery", 0)
    if monday >= dt.date(y, 12, 20) or sunday <= dt.date(y, 1, 3):
        return _Week("off", 0)
    if sunday < dt.date(y, 3, 1):
        return _Week("base", since(dt.date(y, 1, 4)))
    if sunday < spring:
        return _Week("spring", since(dt.date(y, 3, 1)))
    if sunday < dt.date(y, 9, 1):
        race = "10k" if sunday == tenk else "5k" if sunday == fivek else ""
        return _Week("summer", since(spring + dt.timedelta(weeks=2)), race)
    if sunday < autumn:
        return _Week("autumn", since(dt.date(y, 9, 1)), marathon=y % 2 == 0)
    return _Week("base", since(autumn + dt.timedelta(weeks=2)))


# -- sessions --------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Ctx:
    """What every session maker needs to know about the week."""

    week: _Week
    level: float  # strength, 0.7 .. 1.0 over the decade
    pace: float  # easy pace, min/km
    deload: bool
    rng: random.Random
    cache: _Cache


Maker = Callable[[_Ctx], dict[str, object]]

RACES = {  # title, minutes, km, target (the race itself, without the warm-up)
    "5k": ("5K race", 22, 5.0, "Goal 21:30"),
    "10k": ("10K race", 45, 10.0, "Goal 45:00"),
    "half": ("Half marathon race", 100, 21.1, "Goal 1:39"),
    "marathon": ("Marathon race", 210, 42.2, "Goal 3:30"),
}


def _run(type_: str, title: str, minutes: float, rpe: float, pace: float, target: str,
         ctx: _Ctx) -> dict[str, object]:
    scale = 0.75 if ctx.deload else 1.0
    jitter = ctx.rng.choice((-5, 0, 0, 5))
    minutes = max(20, 5 * round(minutes * scale / 5) + jitter)
    return {"kind": Kind.RUN, "type": type_, "title": title, "duration_min": minutes,
            "rpe": rpe - (1 if ctx.deload and rpe >= 7 else 0),
            "distance_km": round(minutes / pace, 1), "target": target}


def _easy(ctx: _Ctx) -> dict[str, object]:
    return _run("easy", "Easy run", ctx.rng.choice((40, 45, 50)), 3, ctx.pace, "Z2", ctx)


def _strides(ctx: _Ctx) -> dict[str, object]:
    return _run("easy", "Easy run + strides", 45, 4, ctx.pace - 0.1, "Z2 + 6 x 20 s", ctx)


def _recovery(ctx: _Ctx) -> dict[str, object]:
    return _run("recovery", "Recovery run", 30, 2, ctx.pace + 0.4, "Z1", ctx)


#: Long-run minutes by phase: (first week, added each week, ceiling). The race builds grow it by
#: 5-10 % a week, below the single-run spike that raised injury risk (Frandsen 2025).
LONG_RUNS = {
    "base": (60, 4, 85),
    "spring": (80, 7, 125),
    "summer": (75, 3, 100),
    "autumn": (80, 7, 125),
    "marathon": (90, 10, 160),
}


def _long(ctx: _Ctx) -> dict[str, object]:
    w = ctx.week
    start, step, top = LONG_RUNS.get("marathon" if w.marathon else w.phase, (75, 0, 75))
    minutes = min(top, start + step * w.index)
    return _run("long", "Long run", minutes, 5 if minutes < 120 else 6, ctx.pace + 0.05, "Z2", ctx)


def _quality(ctx: _Ctx) -> dict[str, object]:
    p = ctx.pace
    options = {
        "base": (("hills", "Hill repeats 8 x 60 s", 50, 8, p - 0.4, "Hard uphill, jog down"),
                 ("tempo", "Tempo run 3 x 10 min", 55, 7, p - 0.6, "Threshold")),
        "summer": (("intervals", "Intervals 6 x 800 m", 55, 8, p - 0.6, "5K pace"),
                   ("intervals", "Intervals 10 x 400 m", 50, 8, p - 0.5, "3K pace"),
                   ("hills", "Hill sprints 10 x 10 s", 45, 7, p - 0.2, "Maximal, full recovery")),
    }.get(ctx.week.phase, (
        ("intervals", "Intervals 5 x 1 km", 60, 8, p - 0.6, "10K pace"),
        ("intervals", "Intervals 6 x 800 m", 55, 8, p - 0.6, "5K pace"),
        ("tempo", "Tempo run 3 x 10 min", 55, 7, p - 0.6, "Threshold"),
    ))
    type_, title, minutes, rpe, pace, target = options[ctx.week.index % len(options)]
    return _run(type_, title, minutes, rpe, pace, target, ctx)


def _tempo(ctx: _Ctx) -> dict[str, object]:
    if ctx.week.index % 2:
        return _run("tempo", "Progression run", 50, 6.5, ctx.pace - 0.4, "Easy to threshold", ctx)
    return _run("tempo", "Tempo run 2 x 15 min", 60, 7, ctx.pace - 0.6, "Threshold", ctx)


def _lift(key: str) -> Maker:
    def make(ctx: _Ctx) -> dict[str, object]:
        title, focus, rpe, minutes, moves = PROGRAMS[key]
        scheme = SCHEMES[{"base": "strength", "summer": "summer", "off": "easy"}.get(
            ctx.week.phase, "build")]
        if any(m.main for m in moves):  # a lighter scheme makes the whole session easier
            rpe += scheme.rpe - SCHEMES["strength"].rpe
        if ctx.deload:
            rpe, minutes = rpe - 2, round(minutes * 0.8)
        exercises = _exercises(moves, ctx.level, scheme, ctx.deload, ctx.cache)
        return {"kind": Kind.LIFT, "type": focus, "title": title, "duration_min": minutes,
                "rpe": rpe, "exercises": exercises}
    return make


def _plain(kind: Kind, type_: str, title: str, minutes: int, rpe: float) -> Maker:
    def make(ctx: _Ctx) -> dict[str, object]:
        return {"kind": kind, "type": type_, "title": title, "duration_min": minutes, "rpe": rpe}
    return make


def _race(ctx: _Ctx) -> dict[str, object]:
    title, minutes, km, target = RACES[ctx.week.race]
    return {"kind": Kind.RUN, "type": "race", "title": title, "duration_min": minutes, "rpe": 9,
            "distance_km": km, "target": target}


REST = _plain(Kind.REST, "", "Rest day", 0, 0)
YOGA = _plain(Kind.MOBILITY, "yoga", "Yoga flow", 45, 2)
HIPS = _plain(Kind.MOBILITY, "mobility", "Hip mobility", 20, 2)
ROLL = _plain(Kind.MOBILITY, "foam_rolling", "Foam rolling", 15, 1)
WALK = _plain(Kind.RECOVERY, "walk", "Recovery walk", 40, 1)
SPIN = _plain(Kind.RECOVERY, "other", "Easy spin", 30, 2)
BIKE = _plain(Kind.OTHER, "", "Cross-training: bike", 45, 4)
EXTRAS = (WALK, WALK, SPIN, ROLL, ROLL, HIPS)

Day = list[tuple[Maker, dt.time | None]]


def _pattern(week: _Week, w: int) -> list[Day]:
    """Monday..Sunday for a week of this phase; heavy legs never the day before a key run."""
    upper = _lift("push" if w % 2 else "pull")
    other_upper = _lift("pull" if w % 2 else "push")
    heavy = _lift("squat" if w % 2 else "deadlift")
    if week.phase == "off":
        return [[(REST, None)], [(_easy, None)], [(_lift("full"), None)], [(WALK, None)],
                [(YOGA, None)], [(BIKE, None)], [(_easy, None)]]
    if week.phase == "recovery":
        return [[(REST, None)], [(_recovery, None)], [(WALK, None)],
                [(_easy, AM), (_lift("core"), PM)], [(YOGA, None)],
                [(_easy, AM), (_lift("maintenance"), PM)], [(_easy, None)]]
    if week.phase == "race":
        return [[(REST, None)], [(_strides, AM), (_lift("core"), PM)],
                [(_lift("maintenance"), AM), (_easy, PM)], [(_strides, None)], [(HIPS, None)],
                [(_recovery, None)], [(_race, None)]]
    if week.phase == "base":  # strength block: three lifts plus core, four runs
        return [[(REST, None)], [(_quality, AM), (upper, PM)], [(heavy, AM), (_easy, PM)],
                [(_strides, None)], [(other_upper, AM), (_lift("core"), PM)], [(YOGA, None)],
                [(_long, None)]]
    if week.phase == "summer":
        sunday: Day = [(_race, None)] if week.race else [(_long, None)]
        extra = _lift(("plyo", "core", "calf")[w % 3])
        return [[(REST, None)], [(_quality, AM), (upper, PM)], [(heavy, AM), (_easy, PM)],
                [(_easy, AM), (extra, PM)], [(YOGA, None)], [(_easy, None)], sunday]
    # spring and autumn race builds: two quality runs, lifting kept to maintenance later on
    lower = heavy if week.index < 5 else _lift("maintenance" if w % 2 else "posterior")
    return [[(REST, None)], [(_quality, AM), (upper, PM)], [(lower, AM), (_easy, PM)],
            [(_strides, AM), (_lift("core"), PM)], [(_tempo, None)], [(HIPS, None)],
            [(_long, None)]]


def _deload(days: list[Day]) -> list[Day]:
    """A deload week drops the second run of a double day and turns the tempo into an easy run."""
    out: list[Day] = []
    for day in days:
        kept = [s for i, s in enumerate(day) if not (i and s[0] is _easy)]
        out.append([(_easy, t) if m is _tempo else (m, t) for m, t in kept])
    return out


def _weeks(end: dt.date, years: int) -> Iterator[dt.date]:
    last = week_start(end)
    n = round(years * 365.25 / 7)
    for i in range(n):
        yield last - dt.timedelta(weeks=n - 1 - i)


def generate_reference_history(end: dt.date = END, years: int = 10, seed: int = 1) -> list[Session]:
    """Sessions of `years` years of weeks ending with the week holding `end`, by date and position.

    Deterministic for the same arguments. Ids are None. The last PLANNED_WEEKS weeks are planned,
    everything before is done with actual duration, effort and distance near the plan.
    """
    rng = random.Random(seed)
    cache = _Cache()
    mondays = list(_weeks(end, years))
    first = mondays[0]
    planned_from = mondays[-PLANNED_WEEKS] if PLANNED_WEEKS else end + dt.timedelta(days=7)
    span = max(1, (mondays[-1] - first).days)
    out: list[Session] = []
    for w, monday in enumerate(mondays):
        week = _season(monday)
        progress = (monday - first).days / span
        grow = (1 - math.exp(-3 * progress)) / (1 - math.exp(-3))
        ctx = _Ctx(
            week=week,
            level=0.72 + 0.28 * grow,
            pace=6.2 - 0.6 * grow + (0.1 if monday.month in (7, 8) else 0.0),
            deload=week.phase in ("base", "spring", "summer", "autumn") and week.index % 4 == 3,
            rng=rng, cache=cache,
        )
        days = _pattern(week, w)
        if rng.random() < SICK_WEEK_CHANCE:
            days = [[(REST, None)], [], [(WALK, None)], [], [(_easy, None)], [], [(_easy, None)]]
        elif ctx.deload:
            days = _deload(days)
        if rng.random() < EXTRA_CHANCE:
            days[rng.choice((2, 4, 5))].append((rng.choice(EXTRAS), EVENING))
        for d, day in enumerate(days):
            date = monday + dt.timedelta(days=d)
            kept = [slot for slot in day if slot[0] in (REST, _race) or rng.random() >= MISS_CHANCE]
            for pos, (maker, time) in enumerate(kept):
                if len(kept) > 1:
                    time = time or DEFAULT_TIMES[min(pos, len(DEFAULT_TIMES) - 1)]
                else:
                    time = None
                out.append(_session(maker(ctx), date, pos, time, date >= planned_from, rng))
    return out


def _session(fields: dict[str, object], date: dt.date, position: int, time: dt.time | None,
             planned: bool, rng: random.Random) -> Session:
    dur_f = rng.uniform(0.92, 1.08)
    rpe_d = rng.choice((-0.5, 0.0, 0.0, 0.5))
    kw: dict[str, object] = {**fields, "date": date, "position": position, "time": time}
    if planned:
        return Session(**kw)  # type: ignore[arg-type]
    kw["status"] = Status.DONE
    minutes = fields["duration_min"]
    assert isinstance(minutes, int)
    if fields["kind"] is not Kind.REST:
        actual = max(1, round(minutes * dur_f))
        kw["actual_duration_min"] = actual
        kw["actual_rpe"] = min(10.0, max(0.0, float(fields["rpe"]) + rpe_d))  # type: ignore[arg-type]
        km = fields.get("distance_km")
        if isinstance(km, float):
            kw["actual_distance_km"] = round(km * actual / minutes, 1)
    return Session(**kw)  # type: ignore[arg-type]
